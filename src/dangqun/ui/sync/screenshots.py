"""The sync module's dialog as ``dangqun screenshot`` draws it (over the 数据同步 page).

* ``sync_export`` — 生成上报数据包 with the folder and the contents to choose (the warning
  that it travels in clear while no district key is installed).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from dangqun.sync.keys import installed_district_key
from dangqun.ui.context import UiContext
from dangqun.ui.sync.export_dialog import ExportDialog


def open_dialog(page: str, context: UiContext, parent: QWidget, scratch: Path) -> QDialog:
    if page != "sync_export":
        raise ValueError(f"not a sync dialog: {page!r}")
    district = installed_district_key(context.application.paths.keys)
    dialog = ExportDialog(context, None if district is None else district.name, parent)
    dialog.folder_edit.setText(str(scratch))
    return dialog
