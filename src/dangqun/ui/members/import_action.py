"""导入花名册 and its template: the members page's way into the register from Excel.

The import itself (check every row, then write the valid ones) is :mod:`import_dialog`'s story;
this module opens it from the page and saves the empty template the import understands.
Strings keep the page's translation context: the user sees them on the 党员管理 page.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from dangqun.members.service import write_import_template
from dangqun.ui.operations import run_service
from dangqun.ui.widgets import file_dialogs

if TYPE_CHECKING:
    from dangqun.ui.pages.members_page import MembersPage


def import_roster(page: MembersPage) -> None:
    """Choose a roster file and check it in the import dialog (staff and administrators)."""
    if not page.may_edit:
        return
    from dangqun.ui.dialogs.import_dialog import ImportDialog

    dialog = ImportDialog(page.context, page)
    page.open_dialog(dialog, None)
    dialog.choose_file()


def save_template(page: MembersPage) -> None:
    """Write the import template where the user chooses (the members service writes it)."""
    ui_state = page.context.ui_state
    title = QCoreApplication.translate("MembersPage", "Save the import template")
    path = file_dialogs.ask_excel_save_path(
        page,
        ui_state,
        title,
        QCoreApplication.translate("MembersPage", "Member roster template.xlsx"),
    )
    if path is None:
        return
    run_service(
        page,
        page.context,
        partial(write_import_template, path),
        on_success=partial(_template_saved, page, path),
        failure_title=title,
    )


def _template_saved(page: MembersPage, path: Path, _result: object) -> None:
    page.show_notice(
        QCoreApplication.translate(
            "MembersPage",
            "Template saved to {path}. Fill in one member per row and import it with "
            "“Import roster…”.",
        ).format(path=path)
    )
