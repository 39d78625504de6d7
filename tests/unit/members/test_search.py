"""As-you-type search by every kind of query, filters including sub-branches, and paging."""

from __future__ import annotations

from datetime import date

import pytest

from dangqun.members import service
from dangqun.members.search import MemberQuery, MemberSort, QueryKind, parse_query
from dangqun.members.vocabulary import MemberCategory, MemberKind, MemberStatus
from tests.unit.members.conftest import TODAY, make_form, make_id, staff_actor

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


def test_search_rows_are_masked_for_staff(database, people):
    page = service.search_members(database, staff_actor(), MemberQuery(text="zsf"))
    assert page.personal_data_masked
    assert page.rows[0].phone == "138****5678" and "*" in page.rows[0].id_number
