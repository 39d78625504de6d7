"""导出: the list on screen as an Excel workbook, exactly as the page shows it.

The page's current :class:`~dangqun.members.service.MemberQuery` is what the members service
writes, so the file holds the people on screen, masked the same way (the service audits the
export). Writing 100,000 rows takes seconds: it runs through :func:`run_service` behind a wait
dialog that follows the service's progress.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from dangqun.members.service import ExportResult, export_members
from dangqun.ui.operations import run_service
from dangqun.ui.widgets import file_dialogs
from dangqun.ui.widgets.background_task import WaitDialog

if TYPE_CHECKING:
    from dangqun.ui.pages.members_page import MembersPage


def export_list(page: MembersPage) -> None:
    context = page.context
    ui_state = context.ui_state
    title = QCoreApplication.translate("MembersPage", "Export the list")
    path = file_dialogs.ask_excel_save_path(
        page, ui_state, title, QCoreApplication.translate("MembersPage", "Member list.xlsx")
    )
    if path is None:
        return
    waiting = WaitDialog(
        page,
        title,
        QCoreApplication.translate("MembersPage", "Writing {count} people to {file}…").format(
            count=f"{page.model.rowCount():,}", file=path.name
        ),
    )
    waiting.show()
    call = run_service(
        page,
        context,
        partial(
            export_members, context.application.database, context.actor, page.current_query(), path
        ),
        on_success=partial(_exported, page),
        failure_title=title,
        on_progress=partial(_progressed, waiting),
        with_progress=True,
    )
    # Closed whatever the outcome: an unexpected error must not leave a box nobody can close.
    call.finished.connect(waiting.finish)
    call.finished.connect(waiting.deleteLater)


def _progressed(waiting: WaitDialog, done: int, total: int) -> None:
    if total > 0:
        waiting.setRange(0, total)
        waiting.setValue(done)


def _exported(page: MembersPage, result: object) -> None:
    if not isinstance(result, ExportResult):
        return
    if result.personal_data_masked:
        text = QCoreApplication.translate(
            "MembersPage",
            "Exported {count} people to {path}. ID numbers, phones and addresses are masked "
            "as on screen.",
        )
    else:
        text = QCoreApplication.translate(
            "MembersPage",
            "Exported {count} people to {path} with full personal data; the export is "
            "recorded in the audit log. Keep the file safe.",
        )
    page.show_notice(text.format(count=f"{result.rows:,}", path=result.path))
