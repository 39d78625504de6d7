"""Tables for the organization tree, members and their dated history (DOMAIN.md §1).

Codes follow the national tables the 党员管理信息系统 uses: 性别 GB/T 2261.1 ("1" 男, "2" 女),
民族 GB/T 3304 ("01" 汉族 … "56" 基诺族, "97" 其他), 学历 GB/T 4658 ("10" 研究生 …).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column

from dangqun.core.model_base import Base, SyncedRecord
from dangqun.members.search_keys import compute_search_keys


class Organization(SyncedRecord, Base):
    __tablename__ = "organizations"

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"), index=True)
    level: Mapped[str] = mapped_column(String(24))
    name: Mapped[str] = mapped_column(String(100))
    code: Mapped[str | None] = mapped_column(String(32), unique=True)
    """Grid code: the 12-digit division code plus segments (CJ/T 349, seed 002)."""
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Member(SyncedRecord, Base):
    __tablename__ = "members"
    __table_args__ = (
        Index("ix_members_name", "name"),
        Index("ix_members_joined_month_day", "joined_month_day"),
        # Migration 0002, for the member list (dangqun.members.search): counts for any
        # combination of its filters read only the first index; the search columns carry the
        # status so "在册 and matching" is counted from the index alone, and the list sorted
        # by pinyin walks ix_members_pinyin_full in (pinyin_full, status, id) order.
        Index("ix_members_list_filters", "status", "kind", "category", "organization_id"),
        Index("ix_members_name_simplified", "name_simplified", "status"),
        Index("ix_members_pinyin_initials", "pinyin_initials", "status"),
        Index("ix_members_pinyin_full", "pinyin_full", "status"),
        Index("ix_members_joined_on", "joined_on", "status"),
        Index("ix_members_birth_date", "birth_date", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    gender_code: Mapped[str] = mapped_column(String(1))
    ethnicity_code: Mapped[str] = mapped_column(String(2))
    birth_date: Mapped[date] = mapped_column(Date)
    id_number: Mapped[str] = mapped_column(String(18), unique=True)
    education_code: Mapped[str | None] = mapped_column(String(2))
    kind: Mapped[str] = mapped_column(String(16), index=True)
    category: Mapped[str] = mapped_column(String(16), index=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"), index=True)
    joined_on: Mapped[date] = mapped_column(Date)
    joined_month_day: Mapped[str] = mapped_column(String(5))
    """``MM-DD`` of 入党日期, indexed so the month's political birthdays are one range query."""
    confirmed_on: Mapped[date | None] = mapped_column(Date)
    work_unit: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(20), index=True)
    household_registration: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    party_standing: Mapped[str] = mapped_column(String(16), default="正常")
    lost_contact_on: Mapped[date | None] = mapped_column(Date)
    outflow_destination: Mapped[str | None] = mapped_column(String(200))
    registered_on: Mapped[date | None] = mapped_column(Date)
    origin_organization: Mapped[str | None] = mapped_column(String(200))
    activity_card_number: Mapped[str | None] = mapped_column(String(32))
    notes: Mapped[str | None] = mapped_column(Text)

    # Search columns (migration 0002), derived from name, id_number and phone by
    # :func:`dangqun.members.search_keys.compute_search_keys` on every ORM write (the mapper
    # events below) and by bulk writers themselves; ``dangqun check`` proves they match.
    name_simplified: Mapped[str] = mapped_column(String(64), server_default="")
    pinyin_initials: Mapped[str] = mapped_column(String(64), server_default="")
    pinyin_full: Mapped[str] = mapped_column(String(255), server_default="")
    id_number_reversed: Mapped[str] = mapped_column(String(18), index=True, server_default="")
    phone_reversed: Mapped[str | None] = mapped_column(String(20), index=True)

    def refresh_search_keys(self) -> None:
        keys = compute_search_keys(self.name, self.id_number, self.phone)
        self.name_simplified = keys.name_simplified
        self.pinyin_initials = keys.pinyin_initials
        self.pinyin_full = keys.pinyin_full
        self.id_number_reversed = keys.id_number_reversed
        self.phone_reversed = keys.phone_reversed


def _refresh_member_search_keys(_mapper: Any, _connection: Any, member: Member) -> None:
    member.refresh_search_keys()


event.listen(Member, "before_insert", _refresh_member_search_keys)
event.listen(Member, "before_update", _refresh_member_search_keys)


class MemberEvent(SyncedRecord, Base):
    """A dated fact in a member's history (报到, 转入, 转出, kind change …), never overwritten."""

    __tablename__ = "member_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    event_type: Mapped[str] = mapped_column(String(32))
    occurred_on: Mapped[date] = mapped_column(Date)
    details_json: Mapped[str | None] = mapped_column(Text)
