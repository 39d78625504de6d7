"""Meeting minutes (issue 15): meetings, attendance, agenda and speeches, resolutions with
per-person votes and written opinions, attachments (and their bytes, local only), signatures,
corrections and autosaved drafts.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-28 09:00:00.000000

The tables of :mod:`dangqun.minutes.models`, with the indexes the compliance table (organization,
date, type), a member's attendance history (member, meeting) and the editor read. No rows. The
full-text index is derived data created by :mod:`dangqun.minutes.search` on first use, not here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_TABLES = (
    "minutes_written_opinions",
    "minutes_votes",
    "minutes_speeches",
    "minutes_attachment_contents",
    "minutes_signatures",
    "minutes_resolutions",
    "minutes_corrections",
    "minutes_attendance",
    "minutes_attachments",
    "minutes_agenda_items",
    "minutes_meetings",
    "minutes_drafts",
)


def upgrade() -> None:
    op.create_table(
        "minutes_drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("meeting_key", sa.Integer(), nullable=False),
        sa.Column("payload_json", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_drafts")),
        sa.UniqueConstraint("username", "meeting_key", name=op.f("uq_minutes_drafts_username")),
    )
    op.create_table(
        "minutes_meetings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("meeting_type", sa.String(length=24), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=True),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("start_minute", sa.Integer(), nullable=False),
        sa.Column("end_minute", sa.Integer(), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("room_id", sa.Integer(), nullable=True),
        sa.Column("host_member_id", sa.Integer(), nullable=True),
        sa.Column("host_name", sa.String(length=64), nullable=False),
        sa.Column("recorder_member_id", sa.Integer(), nullable=True),
        sa.Column("recorder_name", sa.String(length=64), nullable=False),
        sa.Column("lecturer_name", sa.String(length=64), nullable=True),
        sa.Column("topic", sa.String(length=200), nullable=True),
        sa.Column("observers", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("locked_at", sa.DateTime(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["host_member_id"],
            ["members.id"],
            name=op.f("fk_minutes_meetings_host_member_id_members"),
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_minutes_meetings_organization_id_organizations"),
        ),
        sa.ForeignKeyConstraint(
            ["recorder_member_id"],
            ["members.id"],
            name=op.f("fk_minutes_meetings_recorder_member_id_members"),
        ),
        sa.ForeignKeyConstraint(
            ["room_id"], ["bases_rooms.id"], name=op.f("fk_minutes_meetings_room_id_bases_rooms")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_meetings")),
        sa.UniqueConstraint("uuid", name=op.f("uq_minutes_meetings_uuid")),
    )
    with op.batch_alter_table("minutes_meetings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_minutes_meetings_change_seq"), ["change_seq"], unique=False
        )
        batch_op.create_index("ix_minutes_meetings_date", ["on_date", "meeting_type"], unique=False)
        batch_op.create_index(
            "ix_minutes_meetings_organization",
            ["organization_id", "on_date", "meeting_type"],
            unique=False,
        )

    op.create_table(
        "minutes_agenda_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("content", sa.Text(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["minutes_meetings.id"],
            name=op.f("fk_minutes_agenda_items_meeting_id_minutes_meetings"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_agenda_items")),
        sa.UniqueConstraint("uuid", name=op.f("uq_minutes_agenda_items_uuid")),
    )
    with op.batch_alter_table("minutes_agenda_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_minutes_agenda_items_change_seq"), ["change_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_minutes_agenda_items_meeting_id"), ["meeting_id"], unique=False
        )

    op.create_table(
        "minutes_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("stored_path", sa.String(length=300), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("caption", sa.String(length=200), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["minutes_meetings.id"],
            name=op.f("fk_minutes_attachments_meeting_id_minutes_meetings"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_attachments")),
        sa.UniqueConstraint("uuid", name=op.f("uq_minutes_attachments_uuid")),
    )
    with op.batch_alter_table("minutes_attachments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_minutes_attachments_change_seq"), ["change_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_minutes_attachments_meeting_id"), ["meeting_id"], unique=False
        )

    op.create_table(
        "minutes_attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("voting", sa.Boolean(), nullable=False),
        sa.Column("probationary", sa.Boolean(), nullable=False),
        sa.Column("observer", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=True),
        sa.Column("reason_note", sa.String(length=200), nullable=True),
        sa.Column("makeup_on", sa.Date(), nullable=True),
        sa.Column("makeup_notes", sa.String(length=300), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["minutes_meetings.id"],
            name=op.f("fk_minutes_attendance_meeting_id_minutes_meetings"),
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_minutes_attendance_member_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_attendance")),
        sa.UniqueConstraint(
            "meeting_id", "member_id", name=op.f("uq_minutes_attendance_meeting_id")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_minutes_attendance_uuid")),
    )
    with op.batch_alter_table("minutes_attendance", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_minutes_attendance_change_seq"), ["change_seq"], unique=False
        )
        batch_op.create_index(
            "ix_minutes_attendance_member", ["member_id", "meeting_id"], unique=False
        )

    op.create_table(
        "minutes_corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("made_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=64), nullable=False),
        sa.Column("author_user_id", sa.Integer(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["minutes_meetings.id"],
            name=op.f("fk_minutes_corrections_meeting_id_minutes_meetings"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_corrections")),
        sa.UniqueConstraint("uuid", name=op.f("uq_minutes_corrections_uuid")),
    )
    with op.batch_alter_table("minutes_corrections", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_minutes_corrections_change_seq"), ["change_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_minutes_corrections_meeting_id"), ["meeting_id"], unique=False
        )

    op.create_table(
        "minutes_resolutions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("decision_kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("on_admission", sa.Boolean(), nullable=False),
        sa.Column("voted", sa.Boolean(), nullable=False),
        sa.Column("yes_count", sa.Integer(), nullable=True),
        sa.Column("no_count", sa.Integer(), nullable=True),
        sa.Column("abstain_count", sa.Integer(), nullable=True),
        sa.Column("should_attend", sa.Integer(), nullable=True),
        sa.Column("present", sa.Integer(), nullable=True),
        sa.Column("may_vote", sa.Boolean(), nullable=True),
        sa.Column("passed", sa.Boolean(), nullable=True),
        sa.Column("rule", sa.Text(), nullable=True),
        sa.Column("explanation", sa.Text(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["minutes_meetings.id"],
            name=op.f("fk_minutes_resolutions_meeting_id_minutes_meetings"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_resolutions")),
        sa.UniqueConstraint("uuid", name=op.f("uq_minutes_resolutions_uuid")),
    )
    with op.batch_alter_table("minutes_resolutions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_minutes_resolutions_change_seq"), ["change_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_minutes_resolutions_meeting_id"), ["meeting_id"], unique=False
        )

    op.create_table(
        "minutes_signatures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("signer_name", sa.String(length=64), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
        sa.Column("entered_by", sa.String(length=64), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["minutes_meetings.id"],
            name=op.f("fk_minutes_signatures_meeting_id_minutes_meetings"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_signatures")),
        sa.UniqueConstraint("meeting_id", "role", name=op.f("uq_minutes_signatures_meeting_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_minutes_signatures_uuid")),
    )
    with op.batch_alter_table("minutes_signatures", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_minutes_signatures_change_seq"), ["change_seq"], unique=False
        )

    op.create_table(
        "minutes_attachment_contents",
        sa.Column("attachment_id", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attachment_id"],
            ["minutes_attachments.id"],
            name=op.f("fk_minutes_attachment_contents_attachment_id_minutes_attachments"),
        ),
        sa.PrimaryKeyConstraint("attachment_id", name=op.f("pk_minutes_attachment_contents")),
    )
    op.create_table(
        "minutes_speeches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("speaker_member_id", sa.Integer(), nullable=True),
        sa.Column("speaker_name", sa.String(length=64), nullable=False),
        sa.Column("points", sa.Text(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["minutes_agenda_items.id"],
            name=op.f("fk_minutes_speeches_agenda_item_id_minutes_agenda_items"),
        ),
        sa.ForeignKeyConstraint(
            ["speaker_member_id"],
            ["members.id"],
            name=op.f("fk_minutes_speeches_speaker_member_id_members"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_speeches")),
        sa.UniqueConstraint("uuid", name=op.f("uq_minutes_speeches_uuid")),
    )
    with op.batch_alter_table("minutes_speeches", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_minutes_speeches_agenda_item_id"), ["agenda_item_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_minutes_speeches_change_seq"), ["change_seq"], unique=False
        )

    op.create_table(
        "minutes_votes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resolution_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("vote", sa.String(length=8), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_minutes_votes_member_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["resolution_id"],
            ["minutes_resolutions.id"],
            name=op.f("fk_minutes_votes_resolution_id_minutes_resolutions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_votes")),
        sa.UniqueConstraint(
            "resolution_id", "member_id", name=op.f("uq_minutes_votes_resolution_id")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_minutes_votes_uuid")),
    )
    with op.batch_alter_table("minutes_votes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_minutes_votes_change_seq"), ["change_seq"], unique=False
        )

    op.create_table(
        "minutes_written_opinions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resolution_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("vote", sa.String(length=8), nullable=False),
        sa.Column("submitted_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_minutes_written_opinions_member_id_members"),
        ),
        sa.ForeignKeyConstraint(
            ["resolution_id"],
            ["minutes_resolutions.id"],
            name=op.f("fk_minutes_written_opinions_resolution_id_minutes_resolutions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_written_opinions")),
        sa.UniqueConstraint(
            "resolution_id", "member_id", name=op.f("uq_minutes_written_opinions_resolution_id")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_minutes_written_opinions_uuid")),
    )
    with op.batch_alter_table("minutes_written_opinions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_minutes_written_opinions_change_seq"), ["change_seq"], unique=False
        )


def downgrade() -> None:
    for table in _TABLES:
        op.drop_table(table)
