"""Who should attend: an organization's list as of a meeting date (issue 15, DOMAIN §1 and §4).

The members module keeps today's row and a dated history that is never overwritten
(``member_events``); the list of a past date is today's row with the later events undone:

* **organization**: the member's branch today, unless a 支部调整 (``branch_change``) happened
  after the date — then the ``from`` branch of the first such change (the events name
  branches by name; a name shared by two organizations matches neither, and the member stays
  where the row says);
* **in the branch yet**: ``registered_on`` (报到/转入 date) when the record has one, else
  入党日期 — a member who arrived after the date is not on the list;
* **status**: 在册 today, unless a 转出 / 党籍状态 change after the date says otherwise (its
  ``from``); a member transferred out after the date is on the list of the date;
* **probationary**: 预备党员 today, or 转正 (``confirmed_on`` or a ``confirmed`` event) after
  the date.

Who is on the list and who votes (支部工作条例 art. 11; 党章 art. 7 and art. 40):

* 社区党员, 离退休党员 and 流出党员 — their 组织关系 is here — are on it and vote;
* 流入党员 take part in the branch's organizational life (DOMAIN §1: "managed here"), so they
  are on it, but their vote belongs to the organization holding their relationship;
* 在职党员（双报到） serve in the community; their 三会一课 is with their own unit's branch, so
  they are not on the list (they may attend as 列席);
* 预备党员 and members under 留党察看 (``party_standing`` today; the members module records no
  dated history of it) do not vote.

A meeting of a branch lists the members of its groups too; one of the community organization
lists everyone below it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Date, column, select, table
from sqlalchemy.orm import Session

ORGANIZATIONS = table(
    "organizations", column("id"), column("parent_id"), column("name"), column("level")
)
MEMBERS = table(
    "members",
    column("id"),
    column("name"),
    column("kind"),
    column("category"),
    column("status"),
    column("organization_id"),
    column("joined_on", Date),
    column("confirmed_on", Date),
    column("registered_on", Date),
    column("party_standing"),
    column("pinyin_full"),
)
MEMBER_EVENTS = table(
    "member_events",
    column("member_id"),
    column("event_type"),
    column("occurred_on", Date),
    column("details_json"),
)
"""The member columns read (by table name: features share no models, as bases and the time
bank read members)."""

LISTED_KINDS = frozenset({"local", "retired", "floating_out", "floating_in"})
VOTING_KINDS = frozenset({"local", "retired", "floating_out"})
NO_VOTE_STANDING = "留党察看"
_STATUS_EVENTS = frozenset({"transfer_out", "transfer_in", "status_change"})


@dataclass(frozen=True)
class RosterEntry:
    member_id: int
    name: str
    organization_id: int
    voting: bool
    probationary: bool
    floating_out: bool
    """流出党员: on the list, usually away — the editor suggests 请假."""


def subtree(session: Session, organization_id: int) -> set[int]:
    """The organization and every organization below it."""
    children: dict[int | None, list[int]] = defaultdict(list)
    for org_id, parent_id in session.execute(select(ORGANIZATIONS.c.id, ORGANIZATIONS.c.parent_id)):
        children[parent_id].append(org_id)
    found = {organization_id}
    pending = [organization_id]
    while pending:
        for child in children.get(pending.pop(), ()):
            if child not in found:
                found.add(child)
                pending.append(child)
    return found


def roster_as_of(session: Session, organization_id: int, on_date: date) -> list[RosterEntry]:
    """The expected list of ``organization_id`` (and everything below it) on ``on_date``,
    ordered by pinyin as the member list is."""
    wanted = subtree(session, organization_id)
    names: dict[str, list[int]] = defaultdict(list)
    for org_id, name in session.execute(select(ORGANIZATIONS.c.id, ORGANIZATIONS.c.name)):
        names[name].append(org_id)
    later: dict[int, list[tuple[date, str, dict[str, str]]]] = defaultdict(list)
    for member_id, event_type, occurred_on, details_json in session.execute(
        select(
            MEMBER_EVENTS.c.member_id,
            MEMBER_EVENTS.c.event_type,
            MEMBER_EVENTS.c.occurred_on,
            MEMBER_EVENTS.c.details_json,
        )
        .where(MEMBER_EVENTS.c.occurred_on > on_date)
        .order_by(MEMBER_EVENTS.c.occurred_on)
    ):
        details = json.loads(details_json) if details_json else {}
        later[member_id].append((_as_date(occurred_on), event_type, details))
    entries: list[RosterEntry] = []
    for row in session.execute(
        select(MEMBERS).order_by(MEMBERS.c.pinyin_full, MEMBERS.c.id)
    ).mappings():
        if row["kind"] not in LISTED_KINDS:
            continue
        arrived = _as_date(row["registered_on"] or row["joined_on"])
        if arrived > on_date:
            continue
        events = later.get(row["id"], [])
        organization = row["organization_id"]
        status = row["status"]
        probationary = row["category"] == "probationary"
        confirmed_on = row["confirmed_on"]
        if confirmed_on is not None and _as_date(confirmed_on) > on_date:
            probationary = True
        branch_undone = status_undone = category_undone = False
        for _occurred, event_type, details in events:
            if event_type == "branch_change" and not branch_undone:
                branch_undone = True
                matches = names.get(details.get("from", ""), [])
                if len(matches) == 1:
                    organization = matches[0]
            elif event_type in _STATUS_EVENTS and not status_undone and "from" in details:
                status_undone = True
                status = details["from"]
            elif event_type == "confirmed" and not category_undone:
                category_undone = True
                probationary = True
            elif event_type == "category_change" and not category_undone:
                category_undone = True
                probationary = details.get("from") == "probationary"
        if status != "active" or organization not in wanted:
            continue
        voting = (
            row["kind"] in VOTING_KINDS
            and not probationary
            and NO_VOTE_STANDING not in (row["party_standing"] or "")
        )
        entries.append(
            RosterEntry(
                member_id=row["id"],
                name=row["name"],
                organization_id=organization,
                voting=voting,
                probationary=probationary,
                floating_out=row["kind"] == "floating_out",
            )
        )
    return entries


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)
