"""As-you-type search by every kind of query, filters including sub-branches, and paging."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from dangqun.core.audit import AuditEntry
from dangqun.core.errors import ValidationError
from dangqun.members import service
from dangqun.members.search import MemberQuery, MemberSort, QueryKind, parse_query
from dangqun.members.vocabulary import MemberCategory, MemberKind, MemberStatus
from tests.cli_helpers import run_cli
from tests.unit.members.conftest import TODAY, make_form, make_id, readonly_actor, staff_actor

PEOPLE = [
    # name, sequence, phone, branch attribute, extra changes
    ("张三丰", 101, "13812345678", "grid_one", {}),
    ("張三", 103, "13987654321", "group", {}),  # typed in Traditional
    ("曾国藩", 105, "0871-65123456", "grid_two", {}),
    ("阿依古丽·买买提", 102, None, "grid_two", {"category": MemberCategory.PROBATIONARY, "joined_on": date(2026, 3, 1), "confirmed_on": None}),
    ("李建国", 107, "15087654321", "grid_one", {"kind": MemberKind.RETIRED}),
    ("王建国", 109, "13800001111", "grid_two", {}),
]  # fmt: skip


@pytest.fixture
def people(database, admin, tree):
    ids = {}
    for name, sequence, phone, branch, changes in PEOPLE:
        form = make_form(
            getattr(tree, branch).id,
            name=name,
            id_number=make_id(sequence=sequence),
            phone=phone,
            **changes,
        )
        ids[name] = service.register_member(database, admin, form, today=TODAY).member.id
    return ids


def names(database, actor, **query):
    page = service.search_members(database, actor, MemberQuery(**query))
    assert page.total == len(page.rows)
    return [row.name for row in page.rows]


def test_query_kinds_are_recognized():
    assert parse_query("  ").kind is QueryKind.EMPTY
    assert parse_query("張三").kind is QueryKind.NAME and parse_query("張三").text == "张三"
    assert parse_query("Zhang San").kind is QueryKind.PINYIN
    assert parse_query("１２３４").kind is QueryKind.DIGITS
    assert parse_query("002x") == parse_query("002X")


def test_search_by_name_prefix_and_by_part_of_the_name(database, admin, people):
    assert names(database, admin, text="张") == ["張三", "张三丰"]
    assert names(database, admin, text="建国") == ["李建国", "王建国"]
    assert names(database, admin, text="买买提") == ["阿依古丽·买买提"]


def test_search_in_simplified_or_traditional_finds_both(database, admin, people):
    assert set(names(database, admin, text="张三")) == {"张三丰", "張三"}
    assert set(names(database, admin, text="張三")) == {"张三丰", "張三"}
    assert names(database, admin, text="張三豐") == ["张三丰"]


def test_search_by_pinyin_initials_and_full_pinyin(database, admin, people):
    assert names(database, admin, text="zsf") == ["张三丰"]
    assert names(database, admin, text="zs") == ["張三", "张三丰"]
    assert names(database, admin, text="zhangsanf") == ["张三丰"]
    assert names(database, admin, text="ZENG") == ["曾国藩"]  # a surname read as a surname
    assert names(database, admin, text="zgf") == ["曾国藩"]
    assert names(database, admin, text="ayigu") == ["阿依古丽·买买提"]


def test_search_by_phone_and_id_number_tail(database, admin, people):
    assert names(database, admin, text="13812345678") == ["张三丰"]
    assert names(database, admin, text="1381") == ["张三丰"]
    assert names(database, admin, text="5678") == ["张三丰"]  # phone tail
    assert names(database, admin, text="0871-6512 3456") == ["曾国藩"]
    assert names(database, admin, text=make_id(sequence=107)[-6:]) == ["李建国"]
    assert names(database, admin, text=make_id(sequence=109)) == ["王建国"]
    assert names(database, admin, text="138") == []  # three digits: keep typing


def test_filters_include_sub_branches_and_combine(database, admin, tree, people):
    assert set(names(database, admin, organization_id=tree.grid_one.id)) == {
        "张三丰", "張三", "李建国",
    }  # fmt: skip
    assert names(database, admin, organization_id=tree.group.id) == ["張三"]
    assert len(names(database, admin, organization_id=tree.street.id)) == len(PEOPLE)
    assert names(database, admin, kinds=frozenset({MemberKind.RETIRED})) == ["李建国"]
    probationary = frozenset({MemberCategory.PROBATIONARY})
    assert names(database, admin, categories=probationary) == ["阿依古丽·买买提"]
    both = names(
        database, admin, text="建国", organization_id=tree.grid_two.id,
        statuses=frozenset({MemberStatus.ACTIVE}),
    )  # fmt: skip
    assert both == ["王建国"]
    service.transfer_member_out(
        database, admin, people["王建国"], date(2026, 11, 1), "外区", today=TODAY
    )
    assert names(database, admin, text="建国", statuses=frozenset({MemberStatus.ACTIVE})) == [
        "李建国"
    ]
    gone = names(database, admin, statuses=frozenset({MemberStatus.TRANSFERRED_OUT}))
    assert gone == ["王建国"]


def test_results_are_sorted_by_pinyin_and_paged_by_offset_or_keyset(database, admin, people):
    everyone = names(database, admin)
    assert everyone == ["阿依古丽·买买提", "李建国", "王建国", "曾国藩", "張三", "张三丰"]
    query = MemberQuery()
    assert service.count_members(database, admin, query) == len(PEOPLE)
    pages = [service.list_members(database, admin, query, offset, 2) for offset in (0, 2, 4)]
    assert [row.name for page in pages for row in page] == everyone
    collected, after = [], None
    while True:
        page = service.list_members_after(database, admin, query, after, 2)
        if not page:
            break
        collected.extend(row.name for row in page)
        after = page[-1].sort_key
    assert collected == everyone
    by_join = MemberQuery(sort=MemberSort.JOINED_ON, descending=True)
    rows = service.list_members(database, admin, by_join, 0, 10)
    assert rows[0].name == "阿依古丽·买买提"
    keyset = service.list_members_after(database, admin, by_join, rows[0].sort_key, 10)
    assert [r.id for r in keyset] == [r.id for r in rows[1:]]
    recent = service.list_members(database, admin, MemberQuery(sort=MemberSort.RECENT), 0, 1)
    assert recent[0].name == "王建国"


def test_search_rows_are_masked_for_staff(database, admin, people):
    page = service.search_members(database, staff_actor(), MemberQuery(text="zsf"))
    assert page.personal_data_masked
    row = page.rows[0]
    assert row.phone == "*******5678" and row.id_number == "5301**************"
    assert row.birth_date == date(1985, 6, 1) and row.birth_date_text == "1985-06"
    admin_row = service.search_members(database, admin, MemberQuery(text="zsf")).rows[0]
    assert admin_row.birth_date_text == "1985-06-15"


def test_rule_a_query_of_separators_only_finds_nobody_and_says_why(database, admin, people):
    """Issue 10: a lone ' - or .. became the empty query and listed everyone."""
    for text in ("'", "-", "..", " · ", "’"):
        assert parse_query(text).kind is QueryKind.NOTHING
        page = service.search_members(database, admin, MemberQuery(text=text))
        assert (page.total, page.rows) == (0, [])
        assert page.hint == "请输入姓名、拼音、证件号或手机号"
        assert service.list_member_ids(database, admin, MemberQuery(text=text)) == []
    everyone = service.search_members(database, admin, MemberQuery(text=""))
    assert everyone.total == len(PEOPLE) and everyone.hint is None


def test_rule_undecodable_query_text_is_refused_on_the_query_field(database, admin, people):
    """Invalid UTF-8 from a terminal arrives as lone surrogates (surrogateescape)."""
    typed = b"\xd5\xc5\xc8\xfd".decode("utf-8", "surrogateescape")  # 张三 in GBK
    with pytest.raises(ValidationError) as raised:
        service.search_members(database, admin, MemberQuery(text=typed))
    assert [item.field for item in raised.value.errors] == ["query"]
    assert "无法识别的字符" in raised.value.errors[0].message
    with pytest.raises(ValidationError):
        service.list_member_ids(database, staff_actor(), MemberQuery(text="zs" + typed))


def _search_audits(database):
    with database.reading() as session:
        return [
            (entry.username, json.loads(entry.after_json))
            for entry in session.scalars(
                select(AuditEntry)
                .where(AuditEntry.action == "member.search_personal_data")
                .order_by(AuditEntry.id)
            )
        ]


def test_rule_a_masked_role_matches_id_and_phone_only_on_the_whole_value(database, people):
    """Issue 10: matching part of the hidden digits is an oracle (a phone in 14 searches)."""
    for actor in (staff_actor(), readonly_actor()):
        for partial in ("1381", "5678", "138123", make_id(sequence=107)[-6:], "0871"):
            assert names(database, actor, text=partial) == [], partial
            page = service.search_members(database, actor, MemberQuery(text=partial))
            assert page.hint is not None and "完整" in page.hint
        assert names(database, actor, text=make_id(sequence=107)[:17]) == []
        assert names(database, actor, text=make_id(sequence=109)) == ["王建国"]
        assert names(database, actor, text="13812345678") == ["张三丰"]
        assert names(database, actor, text="0871-6512 3456") == ["曾国藩"]
    # Only the whole-value searches are audited, one entry each: three a role.
    audited = [(user, entry["field"]) for user, entry in _search_audits(database)]
    assert audited == [
        (user, field) for user in ("staff", "viewer") for field in ("id_number", "phone", "phone")
    ]


def test_rule_a_masked_role_searching_a_whole_number_is_audited_masked(database, people):
    staff = staff_actor()
    number = make_id(sequence=109)
    assert service.list_member_ids(database, staff, MemberQuery(text=number)) == [people["王建国"]]
    service.search_members(database, staff, MemberQuery(text="13800000000"))  # nobody
    service.search_members(database, staff, MemberQuery(text="1380000"))  # a 7-digit landline
    service.search_members(database, staff, MemberQuery(text="zsf"))  # not a number: no entry
    service.search_members(database, staff, MemberQuery(text="1381"))  # matches nothing: none
    audits = _search_audits(database)
    assert audits == [
        (
            "staff",
            {"field": "id_number", "value": "5301**************", "found": [people["王建国"]]},
        ),
        ("staff", {"field": "phone", "value": "*******0000", "found": []}),
        ("staff", {"field": "phone", "value": "***0000", "found": []}),
    ]
    logged = json.dumps(audits)
    assert number not in logged and "13800000000" not in logged


def test_rule_a_masked_role_sorted_by_birth_date_does_not_learn_the_days(database, admin, tree):
    """Year-month first, then the name: the days inside a month do not order the rows."""
    born = [("钱二", 20), ("孙三", 3), ("赵一", 11)]  # one month, days out of name order
    for position, (name, day) in enumerate(born):
        number = make_id(birth=date(1990, 4, day), sequence=201 + 2 * position)
        form = make_form(tree.grid_one.id, name=name, id_number=number)
        service.register_member(database, admin, form, today=TODAY)
    query = MemberQuery(sort=MemberSort.BIRTH_DATE)
    full = [row.name for row in service.list_members(database, admin, query, 0, 10)]
    assert full == ["孙三", "赵一", "钱二"]  # by day
    staff = staff_actor()
    masked = service.list_members(database, staff, query, 0, 10)
    assert [row.name for row in masked] == ["钱二", "孙三", "赵一"]  # by pinyin
    assert [row.sort_key[0] for row in masked] == ["1990-04"] * 3
    ids = service.list_member_ids(database, staff, query)
    assert ids == [row.id for row in masked]
    after = service.list_members_after(database, staff, query, masked[0].sort_key, 10)
    assert [row.name for row in after] == ["孙三", "赵一"]
    backwards = MemberQuery(sort=MemberSort.BIRTH_DATE, descending=True)
    assert [row.name for row in service.list_members(database, staff, backwards, 0, 10)] == [
        "赵一", "孙三", "钱二",
    ]  # fmt: skip


@pytest.mark.slow
def test_the_command_line_says_why_and_refuses_undecodable_text(initialized_paths):
    """Issue 10, as a terminal sends it: a lone ' and bytes that are not UTF-8."""
    data_dir = initialized_paths.root
    nothing = run_cli(data_dir, "members", "search", "'")
    assert nothing.returncode == 0, nothing.stderr
    assert nothing.stdout.strip() == "请输入姓名、拼音、证件号或手机号"
    gbk = b"\xd5\xc5".decode("utf-8", "surrogateescape")  # 张 typed in a GBK terminal
    refused = run_cli(data_dir, "members", "search", gbk)
    assert refused.returncode == 1
    assert "无法识别的字符" in refused.stderr and "Traceback" not in refused.stderr
