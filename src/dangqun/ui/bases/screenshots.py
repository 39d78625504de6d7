"""The bases module's dialogs as ``dangqun screenshot`` draws them (over the 阵地预约 page).

* ``bases_editor`` — 基地设置 on the first base (the empty 新增阵地 form when there is none);
* ``bases_room`` — 新增活动室 for the first base;
* ``bases_menu_item`` — 修改 of the first menu item of the first base (else a new one);
* ``bases_lecturer`` — 新增讲师 (a party member found by search).

The other engineers of issue 14 add their dialogs here, one branch each.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from dangqun.bases.service import list_bases, list_lecturers, list_menu_items
from dangqun.ui.context import UiContext


def open_dialog(page: str, context: UiContext, parent: QWidget, scratch: Path) -> QDialog:
    del scratch  # the dialogs write no file
    from dangqun.ui.bases.base_editor import BaseSettingsDialog
    from dangqun.ui.bases.item_dialogs import LecturerDialog, MenuItemDialog, RoomDialog

    database, actor = context.application.database, context.actor
    bases = list_bases(database, actor)
    first = bases[0] if bases else None
    if page == "bases_editor" or first is None:
        return BaseSettingsDialog(context, None if first is None else first.id, parent)
    if page == "bases_room":
        return RoomDialog(context, first.id, None, parent)
    if page == "bases_menu_item":
        menu = list_menu_items(database, actor, first.id)
        return MenuItemDialog(
            context,
            first.id,
            list_lecturers(database, actor),
            [material for material in first.materials if not material.retired],
            menu[0] if menu else None,
            parent,
        )
    if page == "bases_lecturer":
        return LecturerDialog(context, None, parent)
    raise ValueError(f"not a bases dialog: {page!r}")


def open_booking_dialog(page: str, context: UiContext, parent: QWidget, scratch: Path) -> QDialog:
    """``bases_booking`` (a new booking of the first room), ``bases_booking_detail``,
    ``bases_check_in`` and ``bases_cancel`` (of the latest booking still to come, else the
    booking form), ``bases_arrivals`` (今日到访 and tomorrow's calls)."""
    from datetime import date

    from dangqun.bases.service import BookingQuery, BookingStatus, list_bookings
    from dangqun.ui.bases.arrivals import ArrivalsDialog
    from dangqun.ui.bases.booking_dialog import BookingDialog
    from dangqun.ui.bases.checkin_dialog import BookingDetailDialog, CancelDialog, CheckInDialog

    database, actor = context.application.database, context.actor
    if page == "bases_arrivals":
        return ArrivalsDialog(context, parent)
    bases = list_bases(database, actor)
    if not bases:
        return open_dialog("bases_editor", context, parent, scratch)
    first = bases[0]
    waiting = list_bookings(
        database,
        actor,
        BookingQuery(
            starts_on=date.today(), statuses=(BookingStatus.PENDING, BookingStatus.CONFIRMED)
        ),
    )
    if page == "bases_booking" or not waiting:
        room = next((r.id for r in first.rooms if not r.retired), None)
        return BookingDialog(context, first.id, parent, room_id=room)
    detail = waiting[0]
    if page == "bases_booking_detail":
        return BookingDetailDialog(context, detail, parent)
    if page == "bases_check_in":
        return CheckInDialog(context, detail, parent)
    if page == "bases_cancel":
        return CancelDialog(context, detail, parent)
    raise ValueError(f"not a booking dialog: {page!r}")
