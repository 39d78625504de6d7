"""Tables of the bases module (DOMAIN.md §2, issue 14); created by migration 0007.

* ``bases_bases``, ``bases_rooms``, ``bases_opening_hours``, ``bases_closures``,
  ``bases_materials``: the places, what they hold and when they are open. Rooms count capacity
  in people; an exclusive room takes one booking at a time.
* ``bases_menu_items`` (特色菜单) with ``bases_menu_lecturers`` and ``bases_menu_materials``;
  ``bases_lecturers`` (讲师团): a member or a time-bank volunteer by id — their names are read
  from those modules' tables by table name, features share no models — or a named guest.
* ``bases_organizations``: visiting organizations. ``bases_series``: a recurring booking's rule
  and template. ``bases_bookings`` with ``bases_booking_items`` (menu items),
  ``bases_booking_materials`` (what the booking holds) and ``bases_attendees`` (named check-in).
* ``bases_booking_letters`` (migration 0010): a booking's 介绍信 scan, bytes and all, so the
  SQLite backup carries it and a restore or a moved data directory brings it back (issue 14,
  "a 介绍信 scan may be attached"). Local only: the scan is never sent to the district.

Times of day are local wall-clock minutes since midnight (integers, DOMAIN §2: "times are the
center's local wall-clock times"), on a local ``date``, with the zone's name stored beside them
(:data:`dangqun.bases.booking_settings.TIME_ZONE`): nothing is converted to UTC, so a series can
never drift an hour or onto another weekday. Used rows are retired, never deleted.

All but the letters are :class:`SyncedRecord` tables: the district counts the same visits
(DOMAIN §5); it needs no scan of a visiting unit's letter, which shows that unit's people.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

import dangqun.bases.booking_settings  # noqa: F401  (registers the settings wherever the schema is)
from dangqun.core.model_base import Base, SyncedRecord, UTCDateTime


class BaseSite(SyncedRecord, Base):
    """A 开放式组织生活基地 (named BaseSite: ``Base`` is SQLAlchemy's declarative base)."""

    __tablename__ = "bases_bases"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    base_type: Mapped[str] = mapped_column(String(16))
    address: Mapped[str | None] = mapped_column(String(300))
    contact: Mapped[str | None] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(20))
    introduction: Mapped[str | None] = mapped_column(Text)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)


class Room(SyncedRecord, Base):
    __tablename__ = "bases_rooms"
    __table_args__ = (UniqueConstraint("base_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    base_id: Mapped[int] = mapped_column(ForeignKey("bases_bases.id"))
    name: Mapped[str] = mapped_column(String(64))
    capacity: Mapped[int] = mapped_column(Integer)
    """People, not bookings (DOMAIN §2: a party of 30 in a room for 40 leaves 10)."""
    exclusive: Mapped[bool] = mapped_column(Boolean, default=False)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)


class OpeningHours(SyncedRecord, Base):
    """One opening interval of a base on a weekday (0 = Monday); a day may have several."""

    __tablename__ = "bases_opening_hours"
    __table_args__ = (Index("ix_bases_opening_hours_base", "base_id", "weekday"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    base_id: Mapped[int] = mapped_column(ForeignKey("bases_bases.id"))
    weekday: Mapped[int] = mapped_column(Integer)
    opens_minute: Mapped[int] = mapped_column(Integer)
    closes_minute: Mapped[int] = mapped_column(Integer)


class Closure(SyncedRecord, Base):
    """A closed date or range: once (``starts_on``–``ends_on``) or yearly (``yearly_from``–
    ``yearly_to`` as ``MM-DD``, which may run over the new year)."""

    __tablename__ = "bases_closures"

    id: Mapped[int] = mapped_column(primary_key=True)
    base_id: Mapped[int] = mapped_column(ForeignKey("bases_bases.id"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    yearly_from: Mapped[str | None] = mapped_column(String(5))
    yearly_to: Mapped[str | None] = mapped_column(String(5))


class Material(SyncedRecord, Base):
    """Something a base lends to activities (党旗 1, 投影仪 1): bookings overlapping in time
    share ``quantity``."""

    __tablename__ = "bases_materials"
    __table_args__ = (UniqueConstraint("base_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    base_id: Mapped[int] = mapped_column(ForeignKey("bases_bases.id"))
    name: Mapped[str] = mapped_column(String(64))
    quantity: Mapped[int] = mapped_column(Integer)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)


class Lecturer(SyncedRecord, Base):
    """A 讲师团 member: exactly one of ``member_id``, ``volunteer_id``, ``name`` is set."""

    __tablename__ = "bases_lecturers"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), unique=True)
    volunteer_id: Mapped[int | None] = mapped_column(
        ForeignKey("timebank_volunteers.id"), unique=True
    )
    name: Mapped[str | None] = mapped_column(String(64))
    topics_json: Mapped[str] = mapped_column(Text, default="[]")
    retired: Mapped[bool] = mapped_column(Boolean, default=False)


class MenuItem(SyncedRecord, Base):
    """One activity of a base's 特色菜单 (重温入党誓词, 专题党课 …)."""

    __tablename__ = "bases_menu_items"
    __table_args__ = (UniqueConstraint("base_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    base_id: Mapped[int] = mapped_column(ForeignKey("bases_bases.id"))
    name: Mapped[str] = mapped_column(String(64))
    description: Mapped[str | None] = mapped_column(Text)
    duration_minutes: Mapped[int] = mapped_column(Integer)
    min_group: Mapped[int] = mapped_column(Integer)
    max_group: Mapped[int] = mapped_column(Integer)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)


class MenuLecturer(SyncedRecord, Base):
    __tablename__ = "bases_menu_lecturers"
    __table_args__ = (UniqueConstraint("menu_item_id", "lecturer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    menu_item_id: Mapped[int] = mapped_column(ForeignKey("bases_menu_items.id"))
    lecturer_id: Mapped[int] = mapped_column(ForeignKey("bases_lecturers.id"), index=True)


class MenuMaterial(SyncedRecord, Base):
    """A material a menu item needs, and how many."""

    __tablename__ = "bases_menu_materials"
    __table_args__ = (UniqueConstraint("menu_item_id", "material_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    menu_item_id: Mapped[int] = mapped_column(ForeignKey("bases_menu_items.id"))
    material_id: Mapped[int] = mapped_column(ForeignKey("bases_materials.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)


class Organization(SyncedRecord, Base):
    """A visiting organization (支部 / 驻区单位 / 两新组织 / 流动党员小组)."""

    __tablename__ = "bases_organizations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    org_type: Mapped[str] = mapped_column(String(16))
    contact: Mapped[str | None] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(20))


class Series(SyncedRecord, Base):
    """A recurring booking: the rule, the date range and the template every occurrence copies
    (so a skipped date can be added later exactly as the others)."""

    __tablename__ = "bases_series"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    weekday: Mapped[int | None] = mapped_column(Integer)
    ordinal: Mapped[int | None] = mapped_column(Integer)
    """每月第 N 个: 1–5, or -1 for the last one."""
    day_of_month: Mapped[int | None] = mapped_column(Integer)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    template_json: Mapped[str] = mapped_column(Text)


class Booking(SyncedRecord, Base):
    __tablename__ = "bases_bookings"
    __table_args__ = (
        Index("ix_bases_bookings_room", "room_id", "on_date", "status"),
        Index("ix_bases_bookings_base", "base_id", "on_date", "status", "actual_headcount"),
        Index("ix_bases_bookings_lecturer", "lecturer_id", "on_date"),
        Index("ix_bases_bookings_organization", "organization_id", "on_date"),
        Index("ix_bases_bookings_date", "on_date", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(16), unique=True)
    """``YY-2026-000001``: allocated once in the booking's transaction, never reused."""
    base_id: Mapped[int] = mapped_column(ForeignKey("bases_bases.id"))
    """The room's base, repeated so statistics and the week view read one index."""
    room_id: Mapped[int] = mapped_column(ForeignKey("bases_rooms.id"))
    organization_id: Mapped[int] = mapped_column(ForeignKey("bases_organizations.id"))
    series_id: Mapped[int | None] = mapped_column(ForeignKey("bases_series.id"), index=True)
    on_date: Mapped[date] = mapped_column(Date)
    start_minute: Mapped[int] = mapped_column(Integer)
    end_minute: Mapped[int] = mapped_column(Integer)
    time_zone: Mapped[str] = mapped_column(String(64))
    headcount: Mapped[int] = mapped_column(Integer)
    """Expected people: what the room's capacity is checked against."""
    lecturer_id: Mapped[int | None] = mapped_column(ForeignKey("bases_lecturers.id"))
    contact: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(16))
    taken_by: Mapped[str] = mapped_column(String(64))
    """The user who took the booking (the call, for a phone booking)."""
    taken_by_user_id: Mapped[int | None] = mapped_column(Integer)
    letter_path: Mapped[str | None] = mapped_column(String(300))
    """Derived flag, kept by migration 0010: ``sha256:<hex>`` of the 介绍信 held in
    :class:`BookingLetter`, None without one. Before 0010 it was the scan's path under the data
    directory. Kept rather than dropped because a district refuses a package carrying a column
    it does not know (:func:`dangqun.sync.package.open_package`): dropping it would have a
    district on this version refuse every package of a center not yet upgraded. The district
    learns that a letter is on file (and when it changes), never its content."""
    status: Mapped[str] = mapped_column(String(16))
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    actual_headcount: Mapped[int | None] = mapped_column(Integer)
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    notes: Mapped[str | None] = mapped_column(Text)


class BookingItem(SyncedRecord, Base):
    __tablename__ = "bases_booking_items"
    __table_args__ = (
        UniqueConstraint("booking_id", "menu_item_id"),
        Index("ix_bases_booking_items_menu_item", "menu_item_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(ForeignKey("bases_bookings.id"))
    menu_item_id: Mapped[int] = mapped_column(ForeignKey("bases_menu_items.id"))


class BookingMaterial(SyncedRecord, Base):
    """What a booking holds of a material while it occupies its slot."""

    __tablename__ = "bases_booking_materials"
    __table_args__ = (
        UniqueConstraint("booking_id", "material_id"),
        Index("ix_bases_booking_materials_material", "material_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(ForeignKey("bases_bookings.id"))
    material_id: Mapped[int] = mapped_column(ForeignKey("bases_materials.id"))
    quantity: Mapped[int] = mapped_column(Integer)


class Attendee(SyncedRecord, Base):
    """A named attendee of a check-in: a member by id, or a visitor by the name typed in."""

    __tablename__ = "bases_attendees"

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(ForeignKey("bases_bookings.id"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    name: Mapped[str | None] = mapped_column(String(64))


class BookingLetter(Base):
    """A booking's 介绍信 scan (PDF, JPEG or PNG, at most 20 MB), one per booking.

    Kept in the database, not beside it (migration 0010): a backup is a copy of the SQLite file
    (:mod:`dangqun.core.backup`), so a scan in a folder was lost by every restore and every
    move to another computer, or outlived the booking it belonged to. Not a
    :class:`SyncedRecord`: the sync export reads only those (:mod:`dangqun.sync.export`).
    ``content`` is deferred and the last column, so lists read the name and size only.
    """

    __tablename__ = "bases_booking_letters"

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(ForeignKey("bases_bookings.id"), unique=True)
    file_name: Mapped[str] = mapped_column(String(200))
    """The name of the file the clerk chose (what the viewer's temporary copy is called)."""
    media_type: Mapped[str] = mapped_column(String(32))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    attached_at: Mapped[datetime] = mapped_column(UTCDateTime)
    attached_by: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
