"""党员 at the district: one search across every center's members (issue 17, the 党员 page).

The district holds each center's ``members`` rows in its record store (one JSON document a row,
:class:`~dangqun.district.models.DistrictRecord`). The search matches a name (part of it, the
simplified form or the pinyin initials the center stored) or a whole number — the 18-digit
身份号码 or the 活动证 number — never part of a number, as at a center
(ARCHITECTURE "Personal data": no partial-digit search, so a masked number cannot be completed
by searching). What is shown is masked by role as at a center (:mod:`dangqun.core.privacy`):
工作人员 see the ID number, phone and address masked; a 管理员 sees them whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select

from dangqun.core.privacy import PersonalField, shown
from dangqun.core.security import Actor, Permission
from dangqun.district.database import DistrictDatabase
from dangqun.district.models import DistrictCenter, DistrictRecord
from dangqun.district.reports.json_fields import json_text
from dangqun.members.vocabulary import (
    MEMBER_KIND_LABELS,
    MEMBER_STATUS_LABELS,
)

SEARCH_LIMIT = 200
"""Rows a search returns at most; the page says when there are more (refine the search)."""

_KIND_LABELS = {kind.value: label for kind, label in MEMBER_KIND_LABELS.items()}
_STATUS_LABELS = {status.value: label for status, label in MEMBER_STATUS_LABELS.items()}


@dataclass(frozen=True)
class DistrictMember:
    center_name: str
    name: str
    gender: str
    id_number: str
    """Masked unless the actor may see personal data."""
    phone: str
    organization: str
    kind: str
    status: str


@dataclass(frozen=True)
class MemberSearch:
    members: list[DistrictMember]
    more: bool
    """More than :data:`SEARCH_LIMIT` matched."""


def search_members(db: DistrictDatabase, actor: Actor, text: str) -> MemberSearch:
    """Members of every center matching ``text`` (see the module docstring), by name."""
    actor.require(Permission.VIEW)
    text = text.strip()
    if not text:
        return MemberSearch([], False)
    dialect = db.database.engine.dialect.name
    data = DistrictRecord.data
    name = json_text(dialect, data, "name")
    if text.isascii() and text.replace("x", "").replace("X", "").isdigit():
        matches = or_(
            json_text(dialect, data, "id_number") == text.upper(),
            json_text(dialect, data, "activity_card_number") == text,
        )
    else:
        pattern = f"%{_escaped(text)}%"
        matches = or_(
            name.like(pattern, escape="\\"),
            json_text(dialect, data, "name_simplified").like(pattern, escape="\\"),
            json_text(dialect, data, "pinyin_initials").like(
                f"{_escaped(text.lower())}%", escape="\\"
            ),
        )
    with db.reading() as session:
        rows = session.execute(
            select(DistrictRecord.data, DistrictCenter.name)
            .join(DistrictCenter, DistrictCenter.uuid == DistrictRecord.center_uuid)
            .where(
                DistrictRecord.table_name == "members",
                DistrictRecord.deleted.is_(False),
                matches,
            )
            .order_by(name, DistrictCenter.name)
            .limit(SEARCH_LIMIT + 1)
        ).all()
        organization_uuids = {
            str(document.get("organization_id")) for document, _ in rows if document
        }
        organizations = dict(
            session.execute(
                select(DistrictRecord.uuid, json_text(dialect, DistrictRecord.data, "name")).where(
                    DistrictRecord.table_name == "organizations",
                    DistrictRecord.uuid.in_(organization_uuids),
                )
            ).all()
        )
    members = [
        DistrictMember(
            center_name=center_name,
            name=str(document.get("name") or ""),
            gender={"1": "男", "2": "女"}.get(str(document.get("gender_code")), ""),
            id_number=shown(actor, PersonalField.ID_NUMBER, document.get("id_number")),
            phone=shown(actor, PersonalField.PHONE, document.get("phone")),
            organization=organizations.get(str(document.get("organization_id")), "") or "",
            kind=_KIND_LABELS.get(str(document.get("kind")), str(document.get("kind") or "")),
            status=_STATUS_LABELS.get(
                str(document.get("status")), str(document.get("status") or "")
            ),
        )
        for document, center_name in rows[:SEARCH_LIMIT]
    ]
    return MemberSearch(members, len(rows) > SEARCH_LIMIT)


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
