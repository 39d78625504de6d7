"""Open organizational-life bases (issue 14): bases, rooms, hours, closures, materials, menus,
lecturers, visiting organizations, series, bookings and check-ins.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-20 09:00:00.000000

The tables of :mod:`dangqun.bases.models`, with the indexes the calendar, the conflict check and
the statistics read (room/base/lecturer/organization by date). No rows: a center adds its bases.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_TABLES = (
    "bases_booking_materials",
    "bases_booking_items",
    "bases_attendees",
    "bases_menu_lecturers",
    "bases_bookings",
    "bases_lecturers",
    "bases_menu_materials",
    "bases_rooms",
    "bases_opening_hours",
    "bases_menu_items",
    "bases_materials",
    "bases_closures",
    "bases_series",
    "bases_organizations",
    "bases_bases",
)


def upgrade() -> None:
    op.create_table(
        "bases_bases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("base_type", sa.String(length=16), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("contact", sa.String(length=64), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("introduction", sa.Text(), nullable=True),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bases_bases")),
        sa.UniqueConstraint("name", name=op.f("uq_bases_bases_name")),
        sa.UniqueConstraint("uuid", name=op.f("uq_bases_bases_uuid")),
    )
    with op.batch_alter_table("bases_bases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bases_bases_change_seq"), ["change_seq"], unique=False)

    op.create_table(
        "bases_organizations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("org_type", sa.String(length=16), nullable=False),
        sa.Column("contact", sa.String(length=64), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bases_organizations")),
        sa.UniqueConstraint("name", name=op.f("uq_bases_organizations_name")),
        sa.UniqueConstraint("uuid", name=op.f("uq_bases_organizations_uuid")),
    )
    with op.batch_alter_table("bases_organizations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bases_organizations_change_seq"), ["change_seq"], unique=False
        )

    op.create_table(
        "bases_series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=True),
        sa.Column("ordinal", sa.Integer(), nullable=True),
        sa.Column("day_of_month", sa.Integer(), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("template_json", sa.Text(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bases_series")),
        sa.UniqueConstraint("uuid", name=op.f("uq_bases_series_uuid")),
    )
    with op.batch_alter_table("bases_series", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bases_series_change_seq"), ["change_seq"], unique=False
        )

    op.create_table(
        "bases_closures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("base_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("yearly_from", sa.String(length=5), nullable=True),
        sa.Column("yearly_to", sa.String(length=5), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["base_id"], ["bases_bases.id"], name=op.f("fk_bases_closures_base_id_bases_bases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bases_closures")),
        sa.UniqueConstraint("uuid", name=op.f("uq_bases_closures_uuid")),
    )
    with op.batch_alter_table("bases_closures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bases_closures_base_id"), ["base_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_bases_closures_change_seq"), ["change_seq"], unique=False
        )

    op.create_table(
        "bases_materials",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("base_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["base_id"], ["bases_bases.id"], name=op.f("fk_bases_materials_base_id_bases_bases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bases_materials")),
        sa.UniqueConstraint("base_id", "name", name=op.f("uq_bases_materials_base_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_bases_materials_uuid")),
    )
    with op.batch_alter_table("bases_materials", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bases_materials_change_seq"), ["change_seq"], unique=False
        )

    op.create_table(
        "bases_menu_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("base_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("min_group", sa.Integer(), nullable=False),
        sa.Column("max_group", sa.Integer(), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["base_id"], ["bases_bases.id"], name=op.f("fk_bases_menu_items_base_id_bases_bases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bases_menu_items")),
        sa.UniqueConstraint("base_id", "name", name=op.f("uq_bases_menu_items_base_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_bases_menu_items_uuid")),
    )
    with op.batch_alter_table("bases_menu_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bases_menu_items_change_seq"), ["change_seq"], unique=False
        )

    op.create_table(
        "bases_opening_hours",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("base_id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("opens_minute", sa.Integer(), nullable=False),
        sa.Column("closes_minute", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["base_id"], ["bases_bases.id"], name=op.f("fk_bases_opening_hours_base_id_bases_bases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bases_opening_hours")),
        sa.UniqueConstraint("uuid", name=op.f("uq_bases_opening_hours_uuid")),
    )
    with op.batch_alter_table("bases_opening_hours", schema=None) as batch_op:
        batch_op.create_index("ix_bases_opening_hours_base", ["base_id", "weekday"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_bases_opening_hours_change_seq"), ["change_seq"], unique=False
        )

    op.create_table(
        "bases_rooms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("base_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("exclusive", sa.Boolean(), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["base_id"], ["bases_bases.id"], name=op.f("fk_bases_rooms_base_id_bases_bases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bases_rooms")),
        sa.UniqueConstraint("base_id", "name", name=op.f("uq_bases_rooms_base_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_bases_rooms_uuid")),
    )
    with op.batch_alter_table("bases_rooms", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bases_rooms_change_seq"), ["change_seq"], unique=False)

    op.create_table(
        "bases_menu_materials",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("menu_item_id", sa.Integer(), nullable=False),
        sa.Column("material_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["material_id"],
            ["bases_materials.id"],
            name=op.f("fk_bases_menu_materials_material_id_bases_materials"),
        ),
        sa.ForeignKeyConstraint(
            ["menu_item_id"],
            ["bases_menu_items.id"],
            name=op.f("fk_bases_menu_materials_menu_item_id_bases_menu_items"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bases_menu_materials")),
        sa.UniqueConstraint(
            "menu_item_id", "material_id", name=op.f("uq_bases_menu_materials_menu_item_id")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_bases_menu_materials_uuid")),
    )
    with op.batch_alter_table("bases_menu_materials", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bases_menu_materials_change_seq"), ["change_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_bases_menu_materials_material_id"), ["material_id"], unique=False
        )

    op.create_table(
        "bases_lecturers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("volunteer_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=64), nullable=True),
        sa.Column("topics_json", sa.Text(), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_bases_lecturers_member_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["timebank_volunteers.id"],
            name=op.f("fk_bases_lecturers_volunteer_id_timebank_volunteers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bases_lecturers")),
        sa.UniqueConstraint("member_id", name=op.f("uq_bases_lecturers_member_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_bases_lecturers_uuid")),
        sa.UniqueConstraint("volunteer_id", name=op.f("uq_bases_lecturers_volunteer_id")),
    )
    with op.batch_alter_table("bases_lecturers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bases_lecturers_change_seq"), ["change_seq"], unique=False
        )

    op.create_table(
        "bases_bookings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=16), nullable=False),
        sa.Column("base_id", sa.Integer(), nullable=False),
        sa.Column("room_id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=True),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("start_minute", sa.Integer(), nullable=False),
        sa.Column("end_minute", sa.Integer(), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("headcount", sa.Integer(), nullable=False),
        sa.Column("lecturer_id", sa.Integer(), nullable=True),
        sa.Column("contact", sa.String(length=64), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("taken_by", sa.String(length=64), nullable=False),
        sa.Column("taken_by_user_id", sa.Integer(), nullable=True),
        sa.Column("letter_path", sa.String(length=300), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("cancel_reason", sa.Text(), nullable=True),
        sa.Column("actual_headcount", sa.Integer(), nullable=True),
        sa.Column("checked_in_at", sa.DateTime(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["base_id"], ["bases_bases.id"], name=op.f("fk_bases_bookings_base_id_bases_bases")
        ),
        sa.ForeignKeyConstraint(
            ["lecturer_id"],
            ["bases_lecturers.id"],
            name=op.f("fk_bases_bookings_lecturer_id_bases_lecturers"),
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["bases_organizations.id"],
            name=op.f("fk_bases_bookings_organization_id_bases_organizations"),
        ),
        sa.ForeignKeyConstraint(
            ["room_id"], ["bases_rooms.id"], name=op.f("fk_bases_bookings_room_id_bases_rooms")
        ),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["bases_series.id"],
            name=op.f("fk_bases_bookings_series_id_bases_series"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bases_bookings")),
        sa.UniqueConstraint("number", name=op.f("uq_bases_bookings_number")),
        sa.UniqueConstraint("uuid", name=op.f("uq_bases_bookings_uuid")),
    )
    with op.batch_alter_table("bases_bookings", schema=None) as batch_op:
        batch_op.create_index(
            "ix_bases_bookings_base",
            ["base_id", "on_date", "status", "actual_headcount"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_bases_bookings_change_seq"), ["change_seq"], unique=False
        )
        batch_op.create_index("ix_bases_bookings_date", ["on_date", "status"], unique=False)
        batch_op.create_index(
            "ix_bases_bookings_lecturer", ["lecturer_id", "on_date"], unique=False
        )
        batch_op.create_index(
            "ix_bases_bookings_organization", ["organization_id", "on_date"], unique=False
        )
        batch_op.create_index(
            "ix_bases_bookings_room", ["room_id", "on_date", "status"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_bases_bookings_series_id"), ["series_id"], unique=False
        )

    op.create_table(
        "bases_menu_lecturers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("menu_item_id", sa.Integer(), nullable=False),
        sa.Column("lecturer_id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["lecturer_id"],
            ["bases_lecturers.id"],
            name=op.f("fk_bases_menu_lecturers_lecturer_id_bases_lecturers"),
        ),
        sa.ForeignKeyConstraint(
            ["menu_item_id"],
            ["bases_menu_items.id"],
            name=op.f("fk_bases_menu_lecturers_menu_item_id_bases_menu_items"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bases_menu_lecturers")),
        sa.UniqueConstraint(
            "menu_item_id", "lecturer_id", name=op.f("uq_bases_menu_lecturers_menu_item_id")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_bases_menu_lecturers_uuid")),
    )
    with op.batch_alter_table("bases_menu_lecturers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bases_menu_lecturers_change_seq"), ["change_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_bases_menu_lecturers_lecturer_id"), ["lecturer_id"], unique=False
        )

    op.create_table(
        "bases_attendees",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=64), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["bases_bookings.id"],
            name=op.f("fk_bases_attendees_booking_id_bases_bookings"),
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_bases_attendees_member_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bases_attendees")),
        sa.UniqueConstraint("uuid", name=op.f("uq_bases_attendees_uuid")),
    )
    with op.batch_alter_table("bases_attendees", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bases_attendees_booking_id"), ["booking_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_bases_attendees_change_seq"), ["change_seq"], unique=False
        )

    op.create_table(
        "bases_booking_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=False),
        sa.Column("menu_item_id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["bases_bookings.id"],
            name=op.f("fk_bases_booking_items_booking_id_bases_bookings"),
        ),
        sa.ForeignKeyConstraint(
            ["menu_item_id"],
            ["bases_menu_items.id"],
            name=op.f("fk_bases_booking_items_menu_item_id_bases_menu_items"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bases_booking_items")),
        sa.UniqueConstraint(
            "booking_id", "menu_item_id", name=op.f("uq_bases_booking_items_booking_id")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_bases_booking_items_uuid")),
    )
    with op.batch_alter_table("bases_booking_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bases_booking_items_change_seq"), ["change_seq"], unique=False
        )
        batch_op.create_index("ix_bases_booking_items_menu_item", ["menu_item_id"], unique=False)

    op.create_table(
        "bases_booking_materials",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=False),
        sa.Column("material_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["bases_bookings.id"],
            name=op.f("fk_bases_booking_materials_booking_id_bases_bookings"),
        ),
        sa.ForeignKeyConstraint(
            ["material_id"],
            ["bases_materials.id"],
            name=op.f("fk_bases_booking_materials_material_id_bases_materials"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bases_booking_materials")),
        sa.UniqueConstraint(
            "booking_id", "material_id", name=op.f("uq_bases_booking_materials_booking_id")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_bases_booking_materials_uuid")),
    )
    with op.batch_alter_table("bases_booking_materials", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bases_booking_materials_change_seq"), ["change_seq"], unique=False
        )
        batch_op.create_index("ix_bases_booking_materials_material", ["material_id"], unique=False)


def downgrade() -> None:
    for table in _TABLES:
        op.drop_table(table)
