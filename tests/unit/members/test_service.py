"""Registering and editing members: one transaction, audit, history events, masking, roles."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from dangqun.core.errors import NotFound, PermissionDenied, ValidationError
from dangqun.core.privacy import mask_address, mask_id_number, mask_phone
from dangqun.members import service
from dangqun.members.codes import EventType
from dangqun.members.models import Member, MemberEvent
from dangqun.members.queries import political_birthdays_in_month
from dangqun.members.vocabulary import MemberCategory, MemberKind, MemberStatus
from tests.unit.members.conftest import TODAY, make_form, make_id, readonly_actor, staff_actor


def audit_rows(database, action):
    with database.reading() as session:
        return session.execute(
            text(
                "SELECT before_json, after_json, username FROM audit_log WHERE action = :a ORDER BY id"
            ),
            {"a": action},
        ).all()


def history(database, admin, member_id):
    return [
        (e.event_type, e.occurred_on) for e in service.member_history(database, admin, member_id)
    ]


def test_register_member_writes_record_history_and_audit_in_one_go(database, admin, tree):
    saved = service.register_member(database, admin, make_form(tree.grid_one.id), today=TODAY)
    member = saved.member
    assert member.name == "张三丰" and member.gender_label == "男"
    assert member.organization_name == "第一网格党支部"
    assert member.organization_path == "翠湖街道党工委 / 翠湖社区党委 / 第一网格党支部"
    assert member.id_number == make_id()  # the admin sees it in full
    assert not member.personal_data_masked
    assert history(database, admin, member.id) == [(EventType.CREATED, TODAY)]
    ((before, after, username),) = audit_rows(database, "member.create")
    assert before is None and username == "admin"
    recorded = json.loads(after)
    assert recorded["id_number"] == make_id() and recorded["phone"] == "13812345678"  # unmasked
    with database.reading() as session:
        row = session.scalar(select(Member))
        assert (row.pinyin_initials, row.pinyin_full) == ("zsf", "zhangsanfeng")
        assert row.joined_month_day == "07-01" and row.change_seq > 0


def test_rule_one_id_number_is_one_person_and_the_duplicate_names_the_existing_record(
    database, admin, tree
):
    service.register_member(database, admin, make_form(tree.grid_one.id), today=TODAY)
    again = make_form(tree.grid_two.id, name="张三", id_number=make_id().lower())
    with pytest.raises(ValidationError) as caught:
        service.register_member(database, admin, again, today=TODAY)
    assert caught.value.message_for("id_number") == "身份号码已登记为 张三丰（第一网格党支部）"
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(Member)) == 1


def test_a_refused_registration_writes_nothing(database, admin, tree):
    bad = make_form(tree.grid_one.id, joined_on=date(2001, 1, 1), confirmed_on=date(2000, 1, 1))
    with pytest.raises(ValidationError):
        service.register_member(database, admin, bad, today=TODAY)
    with database.reading() as session:
        for table in ("members", "member_events"):
            assert session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() == 0
    assert audit_rows(database, "member.create") == []


def test_rule_members_are_recorded_on_a_branch_or_group(database, admin, tree):
    with pytest.raises(ValidationError) as caught:
        service.register_member(database, admin, make_form(tree.community.id), today=TODAY)
    assert "“翠湖社区党委”是社区党组织" in caught.value.message_for("organization_id")
    saved = service.register_member(database, admin, make_form(tree.group.id), today=TODAY)
    assert saved.member.organization_name == "1栋党小组"


def test_in_service_member_registration_starts_with_a_report_event(database, admin, tree):
    form = make_form(
        None,
        kind=MemberKind.IN_SERVICE_REGISTERED,
        origin_organization="云南大学机关党委",
        registered_on=date(2025, 3, 5),
    )
    saved = service.register_member(database, admin, form, today=TODAY)
    events = service.member_history(database, admin, saved.member.id)
    assert [e.event_type for e in events] == [EventType.REPORT, EventType.CREATED]
    assert events[0].description == "到社区报到（组织关系所在：云南大学机关党委）"


def test_changes_become_dated_history_events_never_overwrites(database, admin, tree):
    probationary = make_form(
        tree.grid_one.id,
        category=MemberCategory.PROBATIONARY,
        joined_on=date(2025, 9, 1),
        confirmed_on=None,
    )
    member_id = service.register_member(database, admin, probationary, today=TODAY).member.id
    confirmed = probationary.with_changes(
        category=MemberCategory.FULL, confirmed_on=date(2026, 9, 1)
    )
    service.update_member(database, admin, member_id, confirmed, today=TODAY)
    moved = confirmed.with_changes(organization_id=tree.grid_two.id)
    service.update_member(
        database, admin, member_id, moved, effective_on=date(2026, 10, 1), today=TODAY
    )
    out = moved.with_changes(kind=MemberKind.FLOATING_OUT, outflow_destination="广东省深圳市")
    service.update_member(
        database, admin, member_id, out, effective_on=date(2026, 11, 1), today=TODAY
    )
    retired = out.with_changes(kind=MemberKind.RETIRED, outflow_destination=None)
    service.update_member(
        database, admin, member_id, retired, effective_on=date(2026, 11, 20), today=TODAY
    )
    events = service.member_history(database, admin, member_id)
    assert [(e.event_type, e.occurred_on) for e in events] == [
        (EventType.CONFIRMED, date(2026, 9, 1)),
        (EventType.BRANCH_CHANGE, date(2026, 10, 1)),
        (EventType.FLOATING_OUT, date(2026, 11, 1)),
        (EventType.KIND_CHANGE, date(2026, 11, 20)),
        (EventType.CREATED, TODAY),
    ]
    assert events[1].description == "所在党组织：第一网格党支部 → 第二网格党支部"
    assert events[2].description == "外出流向“广东省深圳市”"
    assert events[3].description == "党员类型：流出党员 → 离退休党员"
    assert len(audit_rows(database, "member.update")) == 4


def test_transfer_out_is_a_status_change_with_a_dated_event(database, admin, tree):
    member_id = service.register_member(
        database, admin, make_form(tree.grid_one.id), today=TODAY
    ).member.id
    saved = service.transfer_member_out(
        database, admin, member_id, date(2026, 11, 2), "盘龙区拓东街道党工委", today=TODAY
    )
    assert saved.member.status is MemberStatus.TRANSFERRED_OUT
    transfer = [
        e
        for e in service.member_history(database, admin, member_id)
        if e.event_type is EventType.TRANSFER_OUT
    ]
    assert transfer[0].occurred_on == date(2026, 11, 2)
    assert transfer[0].description == "组织关系转往“盘龙区拓东街道党工委”"
    with pytest.raises(ValidationError, match="不能转出"):
        service.transfer_member_out(
            database, admin, member_id, date(2026, 11, 3), "别处", today=TODAY
        )
    with pytest.raises(ValidationError) as caught:
        service.transfer_member_out(database, admin, member_id, date(2027, 1, 1), " ", today=TODAY)
    assert {e.field for e in caught.value.errors} == {"destination", "on"}


def test_saving_an_unchanged_form_changes_nothing(database, admin, tree):
    form = make_form(tree.grid_one.id)
    member_id = service.register_member(database, admin, form, today=TODAY).member.id
    with database.reading() as session:
        seq = session.scalar(select(Member.change_seq))
    saved = service.update_member(database, admin, member_id, form, today=TODAY)
    assert saved.changed is False
    with database.reading() as session:
        assert session.scalar(select(Member.change_seq)) == seq
        assert session.scalar(select(func.count()).select_from(MemberEvent)) == 1
    assert audit_rows(database, "member.update") == []


def test_rule_personal_data_is_masked_for_roles_that_may_not_see_it(database, admin, tree):
    member_id = service.register_member(
        database, admin, make_form(tree.grid_one.id), today=TODAY
    ).member.id
    staff = staff_actor()
    detail = service.get_member(database, staff, member_id)
    assert detail.personal_data_masked
    assert detail.id_number == mask_id_number(make_id()) == "5301**************"
    assert detail.phone == "*******5678"
    assert (detail.birth_date, detail.birth_date_text) == (date(1985, 6, 1), "1985-06")
    assert (
        detail.address
        == mask_address("五华区翠湖北路 12 号 3 栋 2 单元 501 室")
        == "五华区翠湖北****"
    )
    row = service.search_members(database, staff, service.MemberQuery(text="zsf")).rows[0]
    assert (row.id_number, row.phone) == (detail.id_number, mask_phone("13812345678"))
    birthdays = service.political_birthdays(database, staff, 7, year=2026)
    assert birthdays[0].phone == "*******5678"
    assert service.get_member(database, admin, member_id).birth_date_text == "1985-06-15"


def test_staff_can_edit_a_masked_form_without_overwriting_the_real_values(database, admin, tree):
    member_id = service.register_member(
        database, admin, make_form(tree.grid_one.id), today=TODAY
    ).member.id
    staff = staff_actor()
    form = service.member_form(database, staff, member_id)
    assert (form.id_number, form.phone, form.birth_date) == (
        "5301**************", "*******5678", None,
    )  # fmt: skip
    service.update_member(
        database, staff, member_id, form.with_changes(work_unit="退休"), today=TODAY
    )
    full = service.get_member(database, admin, member_id)
    assert (full.id_number, full.phone, full.work_unit) == (make_id(), "13812345678", "退休")
    assert full.address.startswith("五华区翠湖北路 12 号")
    assert full.birth_date == date(1985, 6, 15)
    # The first of the month a masked row shows, sent back, is not compared with the number.
    first_of_month = form.with_changes(birth_date=date(1985, 6, 1), work_unit="在职")
    service.update_member(database, staff, member_id, first_of_month, today=TODAY)
    assert service.get_member(database, admin, member_id).birth_date == date(1985, 6, 15)


def test_rule_a_masked_role_cannot_learn_the_birth_day_from_refusals(database, admin, tree):
    """Issue 10: trying 入党日期 day by day in the month of the 18th birthday (or a birth date
    "not matching the number (1985-06-15)") would tell the hidden day."""
    member_id = service.register_member(
        database, admin, make_form(tree.grid_one.id), today=TODAY
    ).member.id
    staff = staff_actor()
    form = service.member_form(database, staff, member_id)
    messages = set()
    for day in range(1, 31):  # 18th birthday: 2003-06-15
        joined = form.with_changes(joined_on=date(2003, 6, day), confirmed_on=date(2004, 7, 1))
        with pytest.raises(ValidationError) as raised:
            service.check_member_form(database, staff, joined, member_id, today=TODAY)
        messages.add(raised.value.errors[0].message)
        assert "15" not in raised.value.errors[0].message
    assert messages == {
        "入党时须年满 18 周岁：出生于 1985-06，入党日期应在 2003-07-01 或以后；"
        "在满 18 周岁当月入党的，请由管理员核对后录入"
    }
    july = form.with_changes(joined_on=date(2003, 7, 1), confirmed_on=date(2004, 7, 1))
    assert service.check_member_form(database, staff, july, member_id, today=TODAY) == ()
    # The administrator, who sees the day, may record a member who joined on the birthday.
    birthday = service.member_form(database, admin, member_id).with_changes(
        joined_on=date(2003, 6, 15), confirmed_on=date(2004, 7, 1)
    )
    assert service.check_member_form(database, admin, birthday, member_id, today=TODAY) == ()


def test_permissions_are_required(database, admin, tree):
    member_id = service.register_member(
        database, admin, make_form(tree.grid_one.id), today=TODAY
    ).member.id
    viewer = readonly_actor()
    with pytest.raises(PermissionDenied):
        service.register_member(
            database, viewer, make_form(tree.grid_one.id, id_number=make_id(sequence=125))
        )
    with pytest.raises(PermissionDenied):
        service.update_member(database, viewer, member_id, make_form(tree.grid_one.id))
    with pytest.raises(PermissionDenied):
        service.add_organization(database, viewer, tree.community.id, "第三网格党支部")
    assert service.get_member(database, viewer, member_id).name == "张三丰"
    with pytest.raises(NotFound):
        service.get_member(database, viewer, 999)


def test_check_member_form_validates_without_saving(database, admin, tree):
    warnings = service.check_member_form(
        database, admin, make_form(tree.grid_one.id, confirmed_on=None), today=TODAY
    )
    assert [w.field for w in warnings] == ["confirmed_on"]
    with pytest.raises(ValidationError):
        service.check_member_form(
            database, admin, make_form(tree.grid_one.id, name=""), today=TODAY
        )
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(Member)) == 0


def test_political_birthdays_list_the_month_in_register_only(database, admin, tree):
    def register(name, sequence, joined, **changes):
        form = make_form(
            tree.grid_one.id,
            name=name,
            id_number=make_id(sequence=sequence),
            joined_on=joined,
            confirmed_on=date(joined.year + 1, joined.month, 28),
            **changes,
        )
        return service.register_member(database, admin, form, today=TODAY).member.id

    register("王芳", 102, date(2005, 7, 12))
    register("李强", 103, date(2004, 7, 1))
    register("赵敏", 104, date(2005, 8, 1))
    gone = register("钱伟", 105, date(2006, 7, 3))
    service.transfer_member_out(database, admin, gone, date(2026, 11, 1), "外区", today=TODAY)
    probationer = make_form(  # joined this July: her first anniversary is in 2027
        tree.grid_one.id,
        name="孙丽",
        id_number=make_id(sequence=106),
        joined_on=date(2026, 7, 5),
        confirmed_on=None,
        category=MemberCategory.PROBATIONARY,
    )
    service.register_member(database, admin, probationer, today=TODAY)
    listed = service.political_birthdays(database, admin, 7, year=2026)
    assert [(b.name, b.anniversary, b.years) for b in listed] == [
        ("李强", date(2026, 7, 1), 22),
        ("王芳", date(2026, 7, 12), 21),
    ]
    # The home page's card counts exactly the people on this list.
    assert political_birthdays_in_month(database, 7, year=2026) == len(listed) == 2
    assert political_birthdays_in_month(database, 7, year=2027) == 3
    with pytest.raises(ValidationError):
        service.political_birthdays(database, admin, 13)


def test_members_table_enforces_unique_id_numbers_as_a_backstop(database, admin, tree):
    service.register_member(database, admin, make_form(tree.grid_one.id), today=TODAY)
    with pytest.raises(IntegrityError), database.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO members (name, gender_code, ethnicity_code, birth_date, id_number, kind, "
            "category, status, joined_on, joined_month_day, party_standing, uuid, created_at, "
            f"updated_at, change_seq) VALUES ('x', '1', '01', '1985-06-15', '{make_id()}', 'local', "
            "'full', 'active', '2010-01-01', '01-01', '正常', 'u', '2026-01-01', '2026-01-01', 1)"
        )
