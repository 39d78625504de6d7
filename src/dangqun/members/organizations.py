"""The organization tree: 街道党工委 → 社区党组织 → 网格党支部 → 楼栋党小组 (DOMAIN.md §Organization).

Level rules: a tree starts at a 街道党工委 or a 社区党组织; every other node sits exactly one
level below its parent. Members are recorded on a 网格党支部 or a 楼栋党小组.

Codes follow "网格编码在国标行政区域代码的基础上,按照三字段统一编制" (seed 002) on the center's
12-digit statistical division code (6 county + 3 street + 3 community, e.g. 530102001001):

* 街道党工委: the first 9 digits (``530102001``);
* 社区党组织: the 12-digit code (the center's own by default);
* 网格党支部: the community code + a 3-digit grid number (``530102001001`` + ``003``);
* 楼栋党小组: the grid code + a 2-digit building-group number.

Moving a node renumbers it under its new parent and carries its subtree's codes along.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dangqun.core.center import CenterInfo, find_center
from dangqun.core.db import Database
from dangqun.core.errors import NotFound, ValidationError
from dangqun.core.security import Actor, Permission
from dangqun.core.uow import UnitOfWork
from dangqun.members.models import Member, Organization
from dangqun.members.validation import clean_text
from dangqun.members.vocabulary import ORGANIZATION_LEVEL_LABELS, MemberStatus, OrganizationLevel

LEVEL_ORDER = (
    OrganizationLevel.STREET_COMMITTEE,
    OrganizationLevel.COMMUNITY,
    OrganizationLevel.GRID_BRANCH,
    OrganizationLevel.BUILDING_GROUP,
)
ROOT_LEVELS = frozenset({OrganizationLevel.STREET_COMMITTEE, OrganizationLevel.COMMUNITY})
MEMBER_LEVELS = frozenset({OrganizationLevel.GRID_BRANCH, OrganizationLevel.BUILDING_GROUP})
CODE_LENGTHS = {
    OrganizationLevel.STREET_COMMITTEE: 9,
    OrganizationLevel.COMMUNITY: 12,
    OrganizationLevel.GRID_BRANCH: 15,
    OrganizationLevel.BUILDING_GROUP: 17,
}
MAX_NAME_LENGTH = 100


@dataclass(frozen=True)
class OrganizationNode:
    """One organization as the tree editor and the branch pickers show it."""

    id: int
    parent_id: int | None
    level: OrganizationLevel
    name: str
    code: str | None
    depth: int
    path: str
    """Names from the root down, joined by " / "."""
    sort_order: int
    children: int
    members_in_register: int
    """在册 members recorded directly on this node."""

    @property
    def level_label(self) -> str:
        return ORGANIZATION_LEVEL_LABELS[self.level]

    @property
    def can_hold_members(self) -> bool:
        return self.level in MEMBER_LEVELS


def child_level(level: OrganizationLevel) -> OrganizationLevel | None:
    index = LEVEL_ORDER.index(level)
    return LEVEL_ORDER[index + 1] if index + 1 < len(LEVEL_ORDER) else None


def _level(organization: Organization) -> OrganizationLevel:
    return OrganizationLevel(organization.level)


def _tree_nodes(session: Session) -> list[OrganizationNode]:
    rows = session.scalars(select(Organization).order_by(Organization.sort_order, Organization.id))
    organizations = list(rows)
    children: dict[int | None, list[Organization]] = {}
    for organization in organizations:
        children.setdefault(organization.parent_id, []).append(organization)
    counts = Counter(
        {
            organization_id: int(count)
            for organization_id, count in session.execute(
                select(Member.organization_id, func.count())
                .where(Member.status == MemberStatus.ACTIVE.value)
                .group_by(Member.organization_id)
            ).all()
        }
    )
    known = {organization.id for organization in organizations}
    roots = [o for o in organizations if o.parent_id is None or o.parent_id not in known]
    nodes: list[OrganizationNode] = []
    seen: set[int] = set()

    def visit(organization: Organization, depth: int, path: tuple[str, ...]) -> None:
        if organization.id in seen:
            return
        seen.add(organization.id)
        names = (*path, organization.name)
        nodes.append(
            OrganizationNode(
                id=organization.id,
                parent_id=organization.parent_id,
                level=_level(organization),
                name=organization.name,
                code=organization.code,
                depth=depth,
                path=" / ".join(names),
                sort_order=organization.sort_order,
                children=len(children.get(organization.id, [])),
                members_in_register=counts.get(organization.id, 0),
            )
        )
        for child in children.get(organization.id, []):
            visit(child, depth + 1, names)

    for root in roots:
        visit(root, 0, ())
    return nodes


def organization_tree(database: Database) -> list[OrganizationNode]:
    """Every organization in tree order (parents before children, siblings by sort order)."""
    with database.reading() as session:
        return _tree_nodes(session)


def branch_choices(database: Database) -> list[OrganizationNode]:
    """The organizations a member can be recorded on, in tree order, for a picker."""
    return [node for node in organization_tree(database) if node.can_hold_members]


def descendant_ids(session: Session, organization_id: int) -> list[int]:
    """The organization and everything below it ("branch incl. sub-branches")."""
    pairs = session.execute(select(Organization.id, Organization.parent_id)).all()
    children: dict[int, list[int]] = {}
    for child, parent in pairs:
        if parent is not None:
            children.setdefault(parent, []).append(child)
    found: list[int] = []
    pending = [organization_id]
    while pending:
        current = pending.pop()
        if current in found:
            continue
        found.append(current)
        pending.extend(children.get(current, []))
    return found


def organization_path(session: Session, organization_id: int | None) -> str:
    if organization_id is None:
        return ""
    names: list[str] = []
    current: int | None = organization_id
    seen: set[int] = set()
    while current is not None and current not in seen:
        seen.add(current)
        organization = session.get(Organization, current)
        if organization is None:
            break
        names.append(organization.name)
        current = organization.parent_id
    return " / ".join(reversed(names))


def _node(session: Session, organization_id: int) -> OrganizationNode:
    for node in _tree_nodes(session):
        if node.id == organization_id:
            return node
    raise NotFound("这个组织已不存在，请刷新后重试。")


def _get(session: Session, organization_id: int) -> Organization:
    organization = session.get(Organization, organization_id)
    if organization is None:
        raise NotFound("这个组织已不存在，请刷新后重试。")
    return organization


def _audit_view(organization: Organization) -> dict[str, object]:
    return {
        "name": organization.name,
        "level": organization.level,
        "code": organization.code,
        "parent_id": organization.parent_id,
    }


def _checked_name(session: Session, name: str, parent_id: int | None, own_id: int | None) -> str:
    cleaned = clean_text(name)
    if not cleaned:
        raise ValidationError.single("name", "请填写组织名称")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise ValidationError.single("name", f"组织名称不能超过 {MAX_NAME_LENGTH} 个字")
    clash = session.scalar(
        select(Organization.id).where(
            Organization.name == cleaned,
            Organization.parent_id.is_(None)
            if parent_id is None
            else Organization.parent_id == parent_id,
            Organization.id != (own_id or 0),
        )
    )
    if clash is not None:
        raise ValidationError.single("name", f"同一上级组织下已有“{cleaned}”")
    return cleaned


def _next_code(session: Session, parent: Organization, level: OrganizationLevel) -> str:
    if parent.code is None:
        raise ValidationError.single("code", f"上级组织“{parent.name}”没有编码，请先为它设置编码")
    width = CODE_LENGTHS[level] - len(parent.code)
    taken = {
        code
        for code in session.scalars(
            select(Organization.code).where(Organization.code.like(f"{parent.code}%"))
        )
        if code is not None and len(code) == CODE_LENGTHS[level]
    }
    for number in range(1, 10**width):
        candidate = f"{parent.code}{number:0{width}d}"
        if candidate not in taken:
            return candidate
    raise ValidationError.single("code", f"“{parent.name}”下的编号已用完")


def _checked_code(
    session: Session,
    code: str | None,
    level: OrganizationLevel,
    parent: Organization | None,
    center_division_code: str,
    own_id: int | None,
) -> str:
    """The code a new or edited node gets: the one typed, checked, or the next free one."""
    text = clean_text(code)
    if not text:
        if level is OrganizationLevel.STREET_COMMITTEE:
            text = center_division_code[:9]
        elif level is OrganizationLevel.COMMUNITY:
            text = center_division_code
        else:
            assert parent is not None
            return _next_code(session, parent, level)
    length = CODE_LENGTHS[level]
    if not (text.isascii() and text.isdigit() and len(text) == length):
        raise ValidationError.single(
            "code", f"{ORGANIZATION_LEVEL_LABELS[level]}的编码应为 {length} 位数字"
        )
    if parent is not None and parent.code and not text.startswith(parent.code):
        raise ValidationError.single(
            "code", f"编码应以上级组织“{parent.name}”的编码 {parent.code} 开头"
        )
    if level is OrganizationLevel.COMMUNITY and text[:6] != center_division_code[:6]:
        raise ValidationError.single(
            "code", f"社区编码应在本中心所在区县（{center_division_code[:6]}）之内"
        )
    owner = session.scalar(select(Organization).where(Organization.code == text))
    if owner is not None and owner.id != own_id:
        raise ValidationError.single("code", f"编码 {text} 已被“{owner.name}”使用")
    return text


def _center_code(session: Session) -> str:
    center = find_center(session)
    if center is None:
        raise ValidationError.single("code", "请先完成首次设置（服务中心和行政区划代码）")
    return center.division_code


def add_organization_in(
    work: UnitOfWork,
    parent_id: int | None,
    name: str,
    level: OrganizationLevel | None = None,
    code: str | None = None,
) -> Organization:
    """Add a node inside an open unit of work (the importer creates branches this way)."""
    session = work.session
    parent = None if parent_id is None else _get(session, parent_id)
    if parent is None:
        level = level or OrganizationLevel.STREET_COMMITTEE
        if level not in ROOT_LEVELS:
            raise ValidationError.single(
                "level",
                f"{ORGANIZATION_LEVEL_LABELS[level]}必须建在上级组织之下（顶层只能是街道党工委或"
                "社区党组织）",
            )
    else:
        expected = child_level(_level(parent))
        if expected is None:
            raise ValidationError.single("parent_id", "楼栋党小组下不能再建下级组织")
        level = level or expected
        if level is not expected:
            raise ValidationError.single(
                "level",
                f"“{parent.name}”（{ORGANIZATION_LEVEL_LABELS[_level(parent)]}）下只能建"
                f"{ORGANIZATION_LEVEL_LABELS[expected]}",
            )
    cleaned = _checked_name(session, name, parent_id, None)
    checked_code = _checked_code(session, code, level, parent, _center_code(session), None)
    highest = session.scalar(
        select(func.max(Organization.sort_order)).where(
            Organization.parent_id.is_(None)
            if parent_id is None
            else Organization.parent_id == parent_id
        )
    )
    organization = Organization(
        parent_id=parent_id,
        level=level.value,
        name=cleaned,
        code=checked_code,
        sort_order=(highest or 0) + 1,
    )
    session.add(organization)
    session.flush()
    work.audit(
        "organization.create", "organization", organization.uuid, None, _audit_view(organization)
    )
    return organization


def register_community_organization(work: UnitOfWork, center: CenterInfo) -> None:
    """党员管理's first-run step (``Feature.first_run``): the center's 社区党组织.

    Issue 11: a fresh center had no organization, so the first roster import failed on every
    row and "create missing branches" had nowhere to put them. The first run now makes a
    top-level 社区党组织 named with the center's party organization (中共翠湖社区委员会) and
    coded with the center's 12-digit division code (the rule above), audited with the rest of
    the first run. A 街道党工委 can be put above it later in 组织架构.
    """
    add_organization_in(
        work, None, center.party_organization, OrganizationLevel.COMMUNITY, center.division_code
    )


def add_organization(
    database: Database,
    actor: Actor,
    parent_id: int | None,
    name: str,
    level: OrganizationLevel | None = None,
    code: str | None = None,
) -> OrganizationNode:
    """Add a node under ``parent_id`` (None: a new top). ``level`` defaults to the level below
    the parent; ``code`` defaults to the next free number under the parent's code."""
    actor.require(Permission.EDIT_RECORDS)
    with database.unit_of_work(actor) as work:
        organization = add_organization_in(work, parent_id, name, level, code)
        node = _node(work.session, organization.id)
        work.commit()
    return node


def rename_organization(
    database: Database, actor: Actor, organization_id: int, name: str
) -> OrganizationNode:
    actor.require(Permission.EDIT_RECORDS)
    with database.unit_of_work(actor) as work:
        organization = _get(work.session, organization_id)
        before = _audit_view(organization)
        organization.name = _checked_name(
            work.session, name, organization.parent_id, organization.id
        )
        work.audit(
            "organization.update",
            "organization",
            organization.uuid,
            before,
            _audit_view(organization),
        )
        work.session.flush()
        node = _node(work.session, organization.id)
        work.commit()
    return node


def _subtree(session: Session, organization_id: int) -> list[Organization]:
    ids = descendant_ids(session, organization_id)
    return list(session.scalars(select(Organization).where(Organization.id.in_(ids))))


def move_organization(
    database: Database, actor: Actor, organization_id: int, new_parent_id: int
) -> OrganizationNode:
    """Put a node (with its subtree) under another parent of the right level; codes follow."""
    actor.require(Permission.EDIT_RECORDS)
    with database.unit_of_work(actor) as work:
        session = work.session
        organization = _get(session, organization_id)
        parent = _get(session, new_parent_id)
        subtree = _subtree(session, organization_id)
        if parent.id in {node.id for node in subtree}:
            raise ValidationError.single("parent_id", "不能把组织移到它自己或它的下级组织之下")
        level = _level(organization)
        if child_level(_level(parent)) is not level:
            raise ValidationError.single(
                "parent_id",
                f"{ORGANIZATION_LEVEL_LABELS[level]}只能放在"
                f"{_parent_label(level)}之下，“{parent.name}”是"
                f"{ORGANIZATION_LEVEL_LABELS[_level(parent)]}",
            )
        if parent.id == organization.parent_id:
            node = _node(session, organization.id)
            return node
        _checked_name(session, organization.name, parent.id, organization.id)
        before = _audit_view(organization)
        old_code = organization.code
        organization.parent_id = parent.id
        if level in (OrganizationLevel.GRID_BRANCH, OrganizationLevel.BUILDING_GROUP):
            organization.code = None
            session.flush()
            new_code = _next_code(session, parent, level)
            organization.code = new_code
            if old_code:
                _recode_descendants(
                    session,
                    [node for node in subtree if node.id != organization.id],
                    old_code,
                    new_code,
                )
        session.flush()
        work.audit(
            "organization.move",
            "organization",
            organization.uuid,
            before,
            _audit_view(organization),
        )
        node = _node(session, organization.id)
        work.commit()
    return node


def _parent_label(level: OrganizationLevel) -> str:
    index = LEVEL_ORDER.index(level)
    return ORGANIZATION_LEVEL_LABELS[LEVEL_ORDER[index - 1]] if index else "顶层"


def _recode_descendants(
    session: Session, nodes: Iterable[Organization], old_prefix: str, new_prefix: str
) -> None:
    """Give a moved subtree the new parent's prefix, keeping each node's own number."""
    renamed = [
        (node, node.code) for node in nodes if node.code and node.code.startswith(old_prefix)
    ]
    for node, _code in renamed:  # codes are unique: free the old ones first
        node.code = None
    session.flush()
    for node, code in renamed:
        assert code is not None
        node.code = new_prefix + code[len(old_prefix) :]


def delete_organization(database: Database, actor: Actor, organization_id: int) -> None:
    """Delete a node that has no sub-organizations and no members (of any status)."""
    actor.require(Permission.EDIT_RECORDS)
    with database.unit_of_work(actor) as work:
        session = work.session
        organization = _get(session, organization_id)
        children = session.scalar(
            select(func.count()).where(Organization.parent_id == organization_id)
        )
        if children:
            raise ValidationError.single(
                "organization_id", f"“{organization.name}”下还有 {children} 个下级组织，不能删除"
            )
        members = session.scalar(
            select(func.count()).where(Member.organization_id == organization_id)
        )
        if members:
            raise ValidationError.single(
                "organization_id",
                f"“{organization.name}”还有 {members} 名党员的记录（含已转出），不能删除；"
                "请先把他们调到其他支部",
            )
        work.audit(
            "organization.delete",
            "organization",
            organization.uuid,
            _audit_view(organization),
            None,
        )
        session.delete(organization)
        work.commit()
