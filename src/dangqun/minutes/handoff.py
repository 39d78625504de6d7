"""The hand-off from bookings (issue 14, "Hand-offs"; issue 15): a completed booking whose
visiting organization is a branch or group of this center drafts that branch's meeting record.

One click drafts the record — the type (主题党日, or the type a menu item names: 专题党课 → 党课),
the booking's day and times, the place (the base and room, with the room's id), the topic from
the menu items, the lecturer, and as 出席 the checked-in people who are on the branch's roster
of that day (a member picked at check-in by id, a typed name when exactly one roster member has
it) — and the clerk reviews it in the meeting editor; nothing is saved until the clerk saves
through :func:`dangqun.minutes.service.create_meeting` and ``set_attendance``, which check the
role and every rule and write the audit log.

It lives here, not in :mod:`dangqun.bases.handoff` beside the time-bank hand-off, because the
minutes module sits above bases in the layers (pyproject's import contracts): minutes may read
a booking through :mod:`dangqun.bases.service`, bases may not know minutes. The visiting
organization is matched by its name to a 网格党支部 or 楼栋党小组 of the organization tree (a
booking names its visitors as typed, DOMAIN §2); no match, no button — like the time bank's
:func:`dangqun.bases.handoff.handoff_possible`, the UI offers only what can succeed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import column, select, table

from dangqun.bases import service as bases
from dangqun.core.db import Database
from dangqun.core.errors import ValidationError
from dangqun.core.security import Actor, Permission
from dangqun.minutes.roster import roster_as_of
from dangqun.minutes.vocabulary import (
    MEETING_TYPE_LABELS,
    MEETING_TYPE_OTHER_NAMES,
    MeetingType,
)

ORGANIZATIONS = table("organizations", column("id"), column("name"), column("level"))
MEETING_LEVELS = ("grid_branch", "building_group")
"""The levels that hold 三会一课 (:mod:`dangqun.minutes.compliance`)."""
DEFAULT_TYPE = MeetingType.THEME_DAY
"""A visit to an organizational-life base is most often the month's 主题党日."""


@dataclass(frozen=True)
class MeetingDraft:
    """What the meeting editor opens with, for the clerk to review; nothing is stored yet."""

    booking_id: int
    booking_number: str
    organization_id: int
    organization_name: str
    meeting_type: MeetingType
    on_date: date
    starts_at: time
    ends_at: time
    place: str
    room_id: int
    topic: str | None
    lecturer_name: str | None
    present: tuple[tuple[int, str], ...]
    """Roster members (id, name) found among the checked-in people, to be marked 出席."""
    unmatched: tuple[str, ...]
    """Checked-in names not on the roster of that day (visitors, other branches): listed for
    the clerk, who may add them as 列席."""


def _branch_named(database: Database, name: str) -> tuple[int, str] | None:
    with database.reading() as session:
        rows = session.execute(
            select(ORGANIZATIONS.c.id, ORGANIZATIONS.c.name).where(
                ORGANIZATIONS.c.name == name.strip(), ORGANIZATIONS.c.level.in_(MEETING_LEVELS)
            )
        ).all()
    return (int(rows[0][0]), str(rows[0][1])) if len(rows) == 1 else None


def _type_of(menu_items: tuple[str, ...]) -> MeetingType:
    """The type a menu item names (longest name first: 主题党日 before 党课), else 主题党日."""
    names = sorted(
        (
            (name, meeting_type)
            for meeting_type, label in MEETING_TYPE_LABELS.items()
            if meeting_type is not MeetingType.OTHER
            for name in (label, *MEETING_TYPE_OTHER_NAMES.get(meeting_type, ()))
        ),
        key=lambda pair: -len(pair[0]),
    )
    for item in menu_items:
        for name, meeting_type in names:
            if name in item:
                return meeting_type
    return DEFAULT_TYPE


def meeting_handoff_possible(database: Database, actor: Actor, booking_id: int) -> bool:
    """Whether the booking's 生成会议记录草稿 button is shown: it is 已完成, its visitors are a
    branch or group of this center, and the user may write records."""
    actor.require(Permission.VIEW)
    if not actor.can(Permission.EDIT_RECORDS):
        return False
    detail = bases.get_booking(database, actor, booking_id)
    return (
        detail.status is bases.BookingStatus.COMPLETED
        and _branch_named(database, detail.organization) is not None
    )


def meeting_handoff_draft(database: Database, actor: Actor, booking_id: int) -> MeetingDraft:
    """The draft meeting record of ``booking_id`` for the editor; refused with the reason when
    the booking is not 已完成 or its visitors are not a branch of this center."""
    actor.require(Permission.EDIT_RECORDS)
    detail = bases.get_booking(database, actor, booking_id)
    if detail.status is not bases.BookingStatus.COMPLETED:
        raise ValidationError.single(
            "status", f"预约 {detail.number} 还没有完成，完成后才能生成会议记录草稿"
        )
    branch = _branch_named(database, detail.organization)
    if branch is None:
        raise ValidationError.single(
            "organization_id", f"来访组织“{detail.organization}”不是本中心的党支部或党小组"
        )
    with database.reading() as session:
        roster = roster_as_of(session, branch[0], detail.on_date)
    by_id = {entry.member_id: entry.name for entry in roster}
    by_name: dict[str, list[int]] = {}
    for entry in roster:
        by_name.setdefault(entry.name, []).append(entry.member_id)
    present: dict[int, str] = {}
    unmatched: list[str] = []
    for attendee in detail.attendees:
        if attendee.member_id is not None and attendee.member_id in by_id:
            present[attendee.member_id] = by_id[attendee.member_id]
        elif attendee.member_id is None and len(by_name.get(attendee.name.strip(), [])) == 1:
            member_id = by_name[attendee.name.strip()][0]
            present[member_id] = by_id[member_id]
        else:
            unmatched.append(attendee.name)
    return MeetingDraft(
        booking_id=detail.id,
        booking_number=detail.number,
        organization_id=branch[0],
        organization_name=branch[1],
        meeting_type=_type_of(detail.menu_items),
        on_date=detail.on_date,
        starts_at=detail.starts_at,
        ends_at=detail.ends_at,
        place=f"{detail.base_name}{detail.room_name}",
        room_id=detail.room_id,
        topic="、".join(detail.menu_items) or None,
        lecturer_name=detail.lecturer or None,
        present=tuple(present.items()),
        unmatched=tuple(unmatched),
    )


__all__ = ["MeetingDraft", "meeting_handoff_draft", "meeting_handoff_possible"]
