"""The organization tree: level rules, grid codes on the division code, move, rename, delete."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from dangqun.core.errors import ValidationError
from dangqun.members import service
from dangqun.members.organizations import descendant_ids
from dangqun.members.vocabulary import OrganizationLevel
from tests.unit.members.conftest import TODAY, make_form


def test_rule_grid_codes_are_built_on_the_division_code(tree):
    assert tree.street.code == "530102001"
    assert tree.community.code == "530102001001"
    assert (tree.grid_one.code, tree.grid_two.code) == ("530102001001001", "530102001001002")
    assert tree.group.code == "53010200100100101"
    assert tree.grid_one.level_label == "网格党支部" and tree.grid_one.can_hold_members


def test_rule_each_level_sits_exactly_one_below_its_parent(database, admin, tree):
    with pytest.raises(ValidationError, match="下只能建网格党支部"):
        service.add_organization(
            database, admin, tree.community.id, "某楼栋", OrganizationLevel.BUILDING_GROUP
        )
    with pytest.raises(ValidationError, match="楼栋党小组下不能再建下级组织"):
        service.add_organization(database, admin, tree.group.id, "更下级")
    with pytest.raises(ValidationError, match="顶层只能是街道党工委或社区党组织"):
        service.add_organization(database, admin, None, "孤立支部", OrganizationLevel.GRID_BRANCH)


def test_rule_names_are_unique_among_siblings_and_codes_are_checked(database, admin, tree):
    with pytest.raises(ValidationError, match="同一上级组织下已有“第一网格党支部”"):
        service.add_organization(database, admin, tree.community.id, " 第一网格党支部 ")
    with pytest.raises(ValidationError, match="应为 15 位数字"):
        service.add_organization(database, admin, tree.community.id, "第三网格党支部", code="123")
    with pytest.raises(ValidationError, match="应以上级组织“翠湖社区党委”的编码 530102001001 开头"):
        service.add_organization(
            database, admin, tree.community.id, "第三网格党支部", code="530102001002003"
        )
    with pytest.raises(ValidationError, match="已被“第一网格党支部”使用"):
        service.add_organization(
            database, admin, tree.community.id, "第三网格党支部", code="530102001001001"
        )
    third = service.add_organization(
        database, admin, tree.community.id, "第三网格党支部", code="530102001001009"
    )
    assert third.code == "530102001001009"


def test_tree_lists_parents_before_children_with_depth_and_counts(database, admin, tree):
    service.register_member(database, admin, make_form(tree.group.id), today=TODAY)
    nodes = service.organization_tree(database)
    assert [(n.name, n.depth) for n in nodes] == [
        ("翠湖街道党工委", 0),
        ("翠湖社区党委", 1),
        ("第一网格党支部", 2),
        ("1栋党小组", 3),
        ("第二网格党支部", 2),
    ]
    assert {n.name: n.members_in_register for n in nodes}["1栋党小组"] == 1
    assert [n.name for n in service.branch_choices(database)] == [
        "第一网格党支部", "1栋党小组", "第二网格党支部",
    ]  # fmt: skip


def test_rename_and_move_keep_codes_consistent(database, admin, tree):
    renamed = service.rename_organization(
        database, admin, tree.grid_two.id, "第二网格（翠湖北路）党支部"
    )
    assert renamed.name == "第二网格（翠湖北路）党支部"
    other = service.add_organization(
        database, admin, tree.street.id, "青云社区党委", code="530102001002"
    )
    moved = service.move_organization(database, admin, tree.grid_one.id, other.id)
    assert moved.code == "530102001002001" and moved.parent_id == other.id
    nodes = {n.id: n for n in service.organization_tree(database)}
    assert nodes[tree.group.id].code == "53010200100200101"  # the subtree followed
    with pytest.raises(ValidationError, match="不能把组织移到它自己或它的下级组织之下"):
        service.move_organization(database, admin, tree.grid_one.id, tree.group.id)
    with pytest.raises(ValidationError, match="只能放在网格党支部之下"):
        service.move_organization(database, admin, tree.group.id, other.id)


def test_delete_only_when_empty_and_leave_a_tombstone(database, admin, tree):
    service.register_member(database, admin, make_form(tree.grid_two.id), today=TODAY)
    with pytest.raises(ValidationError, match="下还有 1 个下级组织"):
        service.delete_organization(database, admin, tree.grid_one.id)
    with pytest.raises(ValidationError, match="还有 1 名党员的记录"):
        service.delete_organization(database, admin, tree.grid_two.id)
    service.delete_organization(database, admin, tree.group.id)
    with database.reading() as session:
        assert (
            session.execute(
                text("SELECT count(*) FROM tombstones WHERE table_name = 'organizations'")
            ).scalar_one()
            == 1
        )
        assert set(descendant_ids(session, tree.grid_one.id)) == {tree.grid_one.id}
        actions = session.scalars(
            text("SELECT action FROM audit_log WHERE action LIKE 'organization.%'")
        ).all()
    assert actions.count("organization.create") == 5 and "organization.delete" in actions
    assert select
