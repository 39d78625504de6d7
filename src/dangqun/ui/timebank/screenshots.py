"""The time bank's own dialogs as ``dangqun screenshot`` draws them (over the 时间银行 page).

* ``timebank_volunteer`` — 修改 of the first resident account (a person with masked data for a
  role without personal data), or the empty 开户 form when there is none;
* ``timebank_service_record`` — 登记服务 for the first active account;
* ``timebank_reject`` — 退回 of the oldest pending record;
* ``timebank_account`` — 账户详情 of the first active account.

With no account or record in the data, the form a front desk would see first is drawn instead.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from dangqun.core.security import Permission
from dangqun.timebank.service import (
    RecordQuery,
    RecordStatus,
    VolunteerStatus,
    get_volunteer,
    list_service_records,
    list_volunteers,
)
from dangqun.ui.context import UiContext


def _first_active(context: UiContext, member: bool | None = None) -> int | None:
    database, actor = context.application.database, context.actor
    rows = list_volunteers(database, actor, "", VolunteerStatus.ACTIVE, 0, 200).rows
    for row in rows:
        if member is None or row.is_member == member:
            return row.id
    return rows[0].id if rows else None


def open_dialog(page: str, context: UiContext, parent: QWidget, scratch: Path) -> QDialog:
    del scratch  # the dialogs write no file
    from dangqun.ui.timebank.volunteer_dialog import VolunteerDialog

    database, actor = context.application.database, context.actor
    if page == "timebank_volunteer":
        return VolunteerDialog(context, _first_active(context, member=False), parent)
    if page == "timebank_service_record":
        from dangqun.ui.timebank.service_record_dialog import ServiceRecordDialog

        volunteer_id = _first_active(context)
        if volunteer_id is None:
            return VolunteerDialog(context, None, parent)
        return ServiceRecordDialog(context, get_volunteer(database, actor, volunteer_id), parent)
    if page == "timebank_reject":
        from dangqun.ui.timebank.verification_panel import RejectDialog

        pending = list_service_records(
            database, actor, RecordQuery(status=RecordStatus.PENDING), limit=1
        ).rows
        if not pending:
            return VolunteerDialog(context, None, parent)
        return RejectDialog(context, pending[0], parent)
    if page == "timebank_account":
        from dangqun.ui.pages.timebank_page import FLOW_MODULES
        from dangqun.ui.timebank.account_detail import AccountDetailDialog, load_detail

        volunteer_id = _first_active(context)
        if volunteer_id is None:
            return VolunteerDialog(context, None, parent)
        may_edit = context.can(Permission.EDIT_RECORDS)
        return AccountDetailDialog(
            context,
            load_detail(database, actor, volunteer_id),
            lambda flow: importlib.import_module(FLOW_MODULES[flow]),
            may_reverse=may_edit,
            may_print_activity=may_edit,
            parent=parent,
        )
    raise ValueError(f"not a time bank dialog: {page!r}")
