"""基地设置 (issue 14): a base, its rooms, hours, closed dates, menu, materials and lecturers,
written through the real services on a real SQLite file, every refusal read under its field,
each role offered only what the core lets it do."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from PySide6.QtCore import Qt

from dangqun.bases.service import (
    BaseForm,
    BaseType,
    BookingForm,
    LecturerForm,
    LecturerKind,
    MaterialForm,
    OrganizationType,
    RoomForm,
    book,
    create_base,
    create_lecturer,
    create_material,
    create_room,
    get_base,
    list_bases,
    list_lecturers,
    list_menu_items,
    set_opening_hours,
)
from dangqun.bootstrap import Application
from dangqun.core.clock import local_today
from dangqun.core.security import Actor, Role, system_actor
from dangqun.core.users import create_user
from dangqun.demo import generate_demo_data
from dangqun.ui.bases.base_editor import BaseSettingsDialog, parse_intervals
from dangqun.ui.bases.item_dialogs import (
    ClosureDialog,
    LecturerDialog,
    MaterialDialog,
    MenuItemDialog,
    RoomDialog,
)
from dangqun.ui.context import AppEvents, UiContext, open_ui_state
from tests.ui.conftest import actor_of

WAIT_MS = 20_000
ALL_DAY = {weekday: [(time(8), time(20))] for weekday in range(7)}


def context_of(application: Application, actor: Actor) -> UiContext:
    return UiContext(application, actor, open_ui_state(application.paths), AppEvents())


def staff_of(application: Application, admin: Actor) -> Actor:
    create_user(application.database, admin, "clerk", "李华", Role.STAFF, "staff-pass-123")
    return actor_of(application, "clerk")


def a_base(application: Application, admin: Actor) -> int:
    base = create_base(
        application.database,
        admin,
        BaseForm("翠湖红色教育基地", BaseType.RED, address="翠湖南路 12 号", phone="13888001234"),
    )
    return base.id


def editor(qtbot, context: UiContext, base_id: int | None = None) -> BaseSettingsDialog:
    dialog = BaseSettingsDialog(context, base_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.is_ready, timeout=WAIT_MS)
    return dialog


def save(qtbot, dialog) -> None:
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.is_saving, timeout=WAIT_MS)


def test_parse_intervals_reads_what_a_front_desk_types() -> None:
    assert parse_intervals("9:00-12:00, 14:00－18:00".replace("－", "-")) == [
        (time(9), time(12)),
        (time(14), time(18)),
    ]
    assert parse_intervals("8：30至11：30、13:00~17:00") == [
        (time(8, 30), time(11, 30)),
        (time(13), time(17)),
    ]
    assert parse_intervals("  ") == []
    with pytest.raises(ValueError, match="不是时间段"):
        parse_intervals("上午")
    with pytest.raises(ValueError, match="当天结束"):
        parse_intervals("20:00-25:00")


def test_admin_creates_a_base_and_an_empty_name_is_refused_beside_it(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    dialog = editor(qtbot, context_of(application, admin_actor))
    dialog.new_base()
    dialog.address_edit.setText("篆新路 8 号")
    dialog.save_info()
    qtbot.waitUntil(lambda: dialog.info_rows.labels["name"].isVisible(), timeout=WAIT_MS)
    assert "阵地名称" in dialog.info_rows.labels["name"].text()
    assert list_bases(application.database, admin_actor) == []

    dialog.name_edit.setText("篆新社区党群服务中心")
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData(BaseType.TECHNOLOGY))
    dialog.save_info()
    qtbot.waitUntil(lambda: dialog.base_list.count() == 1, timeout=WAIT_MS)
    qtbot.waitUntil(dialog.is_ready, timeout=WAIT_MS)

    (base,) = list_bases(application.database, admin_actor)
    assert (base.name, base.base_type, base.address) == (
        "篆新社区党群服务中心",
        BaseType.TECHNOLOGY,
        "篆新路 8 号",
    )
    assert dialog.base_id == base.id and dialog.tabs.isTabEnabled(1)


def test_retiring_a_base_marks_it_and_restoring_brings_it_back(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    base_id = a_base(application, admin_actor)
    dialog = editor(qtbot, context_of(application, admin_actor), base_id)
    dialog.retire_base_button.click()
    qtbot.waitUntil(lambda: "已停用" in dialog.base_list.item(0).text(), timeout=WAIT_MS)
    assert get_base(application.database, admin_actor, base_id).retired
    qtbot.waitUntil(lambda: dialog.retire_base_button.text() == "恢复", timeout=WAIT_MS)
    dialog.retire_base_button.click()
    qtbot.waitUntil(lambda: "已停用" not in dialog.base_list.item(0).text(), timeout=WAIT_MS)
    assert not get_base(application.database, admin_actor, base_id).retired


def test_a_room_too_small_for_its_bookings_is_refused_with_the_booking_numbers(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    base_id = a_base(application, admin_actor)
    set_opening_hours(application.database, admin_actor, base_id, ALL_DAY)
    context = context_of(application, admin_actor)
    room_dialog = RoomDialog(context, base_id)
    qtbot.addWidget(room_dialog)
    room_dialog.name_edit.setText("党员活动室")
    room_dialog.capacity_spin.setValue(40)
    save(qtbot, room_dialog)
    (room,) = get_base(application.database, admin_actor, base_id).rooms
    assert (room.name, room.capacity, room.exclusive) == ("党员活动室", 40, False)
    book(
        application.database,
        admin_actor,
        BookingForm(
            room.id,
            local_today() + timedelta(days=3),
            time(9),
            time(11),
            30,
            "某公司党支部",
            OrganizationType.TWO_NEW,
            "陈立",
            "13888001234",
        ),
    )

    shrink = RoomDialog(context, base_id, room)
    qtbot.addWidget(shrink)
    shrink.capacity_spin.setValue(20)
    save(qtbot, shrink)

    message = shrink.rows.labels["capacity"].text()
    assert "已有预约放不下" in message and "YY-" in message
    assert get_base(application.database, admin_actor, base_id).rooms[0].capacity == 40


def test_hours_are_saved_per_weekday_and_a_bad_range_is_refused_beside_its_day(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    base_id = a_base(application, admin_actor)
    dialog = editor(qtbot, context_of(application, admin_actor), base_id)
    dialog.hours_edits[0].setText("9:00-12:00, 14:00-18:00")
    dialog.hours_edits[2].setText("上午九点")
    dialog.save_hours()
    assert "不是时间段" in dialog.hours_rows.labels["hours_2"].text()
    assert get_base(application.database, admin_actor, base_id).hours == {}

    dialog.hours_edits[2].setText("10:00-12:00, 11:00-13:00")  # the service refuses overlaps
    dialog.save_hours()
    qtbot.waitUntil(lambda: bool(dialog.hours_error.text()), timeout=WAIT_MS)
    assert "星期三的开放时间有重叠" in dialog.hours_error.text()

    dialog.hours_edits[2].setText("")
    dialog.save_hours()
    qtbot.waitUntil(
        lambda: get_base(application.database, admin_actor, base_id).hours != {}, timeout=WAIT_MS
    )
    qtbot.waitUntil(dialog.is_ready, timeout=WAIT_MS)
    hours = get_base(application.database, admin_actor, base_id).hours
    assert [(i.opens, i.closes) for i in hours[0]] == [(540, 720), (840, 1080)]
    assert 2 not in hours
    qtbot.waitUntil(  # reloaded as stored once the change is announced
        lambda: dialog.hours_edits[0].text() == "09:00-12:00, 14:00-18:00", timeout=WAIT_MS
    )


def test_closed_dates_yearly_and_once_and_a_bad_month_day_is_refused(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    base_id = a_base(application, admin_actor)
    context = context_of(application, admin_actor)
    yearly = ClosureDialog(context, base_id)
    qtbot.addWidget(yearly)
    yearly.name_edit.setText("国庆")
    yearly.yearly_radio.setChecked(True)
    yearly.yearly_from_edit.setText("10月1日")
    yearly.yearly_to_edit.setText("10-07")
    save(qtbot, yearly)
    assert "月-日" in yearly.rows.labels["yearly_from"].text()
    yearly.yearly_from_edit.setText("10-01")
    save(qtbot, yearly)
    assert yearly.saved is not None

    spring = ClosureDialog(context, base_id)
    qtbot.addWidget(spring)
    spring.name_edit.setText("春节")
    spring.starts_edit.setDate(spring.starts_edit.date().addDays(10))
    save(qtbot, spring)
    assert "结束日期不能早于开始日期" in spring.rows.labels["ends_on"].text()
    spring.ends_edit.setDate(spring.starts_edit.date().addDays(6))
    save(qtbot, spring)

    dialog = editor(qtbot, context, base_id)
    texts = [dialog.closure_list.item(row).text() for row in range(dialog.closure_list.count())]
    assert len(texts) == 2 and "国庆" in texts[0] and "春节" in texts[1]
    dialog.closure_list.setCurrentRow(0)
    dialog.remove_closure()
    qtbot.waitUntil(lambda: dialog.closure_list.count() == 1, timeout=WAIT_MS)
    assert len(get_base(application.database, admin_actor, base_id).closures) == 1


def test_staff_edit_the_menu_materials_and_lecturers_but_not_the_places(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    base_id = a_base(application, admin_actor)
    staff = staff_of(application, admin_actor)
    context = context_of(application, staff)
    dialog = editor(qtbot, context, base_id)
    for name in ("newBaseButton", "saveInfoButton", "newRoomButton", "saveHoursButton"):
        assert dialog.findChild(type(dialog.new_base_button), name).isHidden(), name
    for name in ("newMenuButton", "newMaterialButton", "newLecturerButton"):
        assert not dialog.findChild(type(dialog.new_base_button), name).isHidden(), name
    assert dialog.name_edit.isReadOnly()
    # The base's phone is the number it publishes to visitors: shown in full to every role.
    assert dialog.phone_edit.text() == "13888001234"

    material = MaterialDialog(context, base_id)
    qtbot.addWidget(material)
    material.name_edit.setText("投影仪")
    material.quantity_spin.setValue(2)
    save(qtbot, material)
    lecturer = LecturerDialog(context)
    qtbot.addWidget(lecturer)
    lecturer.guest_radio.setChecked(True)
    lecturer.name_edit.setText("张建国")
    lecturer.topics_edit.setText("党史、基层治理")
    save(qtbot, lecturer)
    (guest,) = list_lecturers(application.database, staff)
    assert (guest.kind, guest.topics) == (LecturerKind.GUEST, ("党史", "基层治理"))

    qtbot.waitUntil(lambda: dialog.lecturer_table.rowCount() == 1, timeout=WAIT_MS)
    qtbot.waitUntil(dialog.is_ready, timeout=WAIT_MS)
    menu = dialog._menu_dialog(None)
    assert isinstance(menu, MenuItemDialog)
    qtbot.addWidget(menu)
    menu.name_edit.setText("专题党课")
    menu.min_spin.setValue(50)
    menu.max_spin.setValue(10)
    save(qtbot, menu)
    assert menu.rows.labels["min_group"].text()  # the service's refusal, under 人数
    menu.min_spin.setValue(5)
    menu.max_spin.setValue(40)
    menu.duration_spin.setValue(90)
    menu.lecturer_list.item(0).setCheckState(Qt.CheckState.Checked)
    menu.material_table.cellWidget(0, 1).setValue(1)
    save(qtbot, menu)
    (item,) = list_menu_items(application.database, staff, base_id)
    assert (item.name, item.duration_minutes, item.min_group, item.max_group) == (
        "专题党课",
        90,
        5,
        40,
    )
    assert [lecturer.name for lecturer in item.lecturers] == ["张建国"]
    assert [(material.name, quantity) for material, quantity in item.materials] == [("投影仪", 1)]
    qtbot.waitUntil(lambda: dialog.menu_table.rowCount() == 1, timeout=WAIT_MS)


def test_a_member_lecturer_is_found_by_search_and_must_be_chosen(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    generate_demo_data(application.database, system_actor("测试"), 20, seed=5)
    dialog = LecturerDialog(context_of(application, admin_actor))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.person_list.count() > 0, timeout=WAIT_MS)
    save(qtbot, dialog)
    assert dialog.rows.labels["member_id"].text() == "请先查找并选择讲师"
    before = {lecturer.id for lecturer in list_lecturers(application.database, admin_actor)}
    dialog.person_list.setCurrentRow(0)
    chosen = dialog.person_list.item(0).data(Qt.ItemDataRole.UserRole)
    save(qtbot, dialog)
    (lecturer,) = [
        lecturer
        for lecturer in list_lecturers(application.database, admin_actor)
        if lecturer.id not in before
    ]
    assert lecturer.kind is LecturerKind.MEMBER and lecturer.member_id == chosen

    again = LecturerDialog(context_of(application, admin_actor))
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.person_list.count() > 0, timeout=WAIT_MS)
    for row in range(again.person_list.count()):
        if again.person_list.item(row).data(Qt.ItemDataRole.UserRole) == lecturer.member_id:
            again.person_list.setCurrentRow(row)
    save(qtbot, again)
    assert "已在讲师团中" in again.rows.labels["member_id"].text()


def test_read_only_sees_every_tab_and_is_offered_no_change(
    qtbot, application: Application, admin_actor: Actor, read_only_actor: Actor
) -> None:
    base_id = a_base(application, admin_actor)
    create_room(application.database, admin_actor, RoomForm(base_id, "党员活动室", 40))
    create_material(application.database, admin_actor, MaterialForm(base_id, "党旗", 3))
    create_lecturer(application.database, admin_actor, LecturerForm(name="张建国"))
    dialog = editor(qtbot, context_of(application, read_only_actor), base_id)
    buttons = [
        button
        for button in dialog.findChildren(type(dialog.new_base_button))
        if button.objectName().endswith("Button")
    ]
    assert buttons and all(button.isHidden() for button in buttons)
    assert dialog.room_table.rowCount() == 1 and dialog.material_table.rowCount() == 1
    assert dialog.lecturer_table.item(0, 0).text() == "张建国"
    dialog.room_table.selectRow(0)
    dialog.edit_room()
    assert dialog.active_dialog is None


def test_the_editor_reloads_when_another_window_changes_a_base(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    from dangqun.bases.changes import BASE
    from dangqun.core.changes import Changes

    base_id = a_base(application, admin_actor)
    context = context_of(application, admin_actor)
    dialog = editor(qtbot, context, base_id)
    assert dialog.room_table.rowCount() == 0
    create_room(application.database, admin_actor, RoomForm(base_id, "小会议室", 12, True))
    context.events.announce(Changes.of(BASE))
    qtbot.waitUntil(lambda: dialog.room_table.rowCount() == 1, timeout=WAIT_MS)
    assert dialog.room_table.item(0, 2).text() == "独占使用"
