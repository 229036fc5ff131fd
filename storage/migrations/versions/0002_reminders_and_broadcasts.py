"""reminders and broadcasts

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 22:11:22.563519
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes  # noqa: F401  (autogenerate names AutoString by this path)
from alembic import op

import storage.types  # noqa: F401

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "broadcast",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("created_by_person_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("attachment", sa.JSON(), nullable=True),
        sa.Column("audience", sa.JSON(), nullable=False),
        sa.Column("directive_id", sa.Integer(), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("unreachable_units", sa.JSON(), nullable=False),
        sa.Column("progress_account_id", sa.Integer(), nullable=True),
        sa.Column("progress_message_id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("finished_at", storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_person_id"], ["person.id"], name=op.f("fk_broadcast_created_by_person_id_person")
        ),
        sa.ForeignKeyConstraint(["directive_id"], ["directive.id"], name=op.f("fk_broadcast_directive_id_directive")),
        sa.ForeignKeyConstraint(
            ["progress_account_id"], ["chat_account.id"], name=op.f("fk_broadcast_progress_account_id_chat_account")
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_broadcast_unit_id_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_broadcast")),
    )
    with op.batch_alter_table("broadcast", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_broadcast_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "report_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assignment_id", sa.Integer(), nullable=False),
        sa.Column("deadline_id", sa.Integer(), nullable=False),
        sa.Column("due_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=True),
        sa.Column("reported_at", storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignment_id"], ["assignment.id"], name=op.f("fk_report_request_assignment_id_assignment")
        ),
        sa.ForeignKeyConstraint(["deadline_id"], ["deadline.id"], name=op.f("fk_report_request_deadline_id_deadline")),
        sa.ForeignKeyConstraint(["report_id"], ["report.id"], name=op.f("fk_report_request_report_id_report")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_request")),
        sa.UniqueConstraint(
            "assignment_id", "deadline_id", "due_at", name=op.f("uq_report_request_assignment_id_deadline_id_due_at")
        ),
    )
    with op.batch_alter_table("report_request", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_report_request_assignment_id"), ["assignment_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_report_request_deadline_id"), ["deadline_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_report_request_due_at"), ["due_at"], unique=False)

    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("deadline_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("broadcast_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_outbox_broadcast_id"), ["broadcast_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_outbox_deadline_id"), ["deadline_id"], unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_outbox_deadline_id_deadline"), "deadline", ["deadline_id"], ["id"])
        batch_op.create_foreign_key(
            batch_op.f("fk_outbox_broadcast_id_broadcast"), "broadcast", ["broadcast_id"], ["id"]
        )

    with op.batch_alter_table("person", schema=None) as batch_op:
        # Existing people get no preferences; the model's default fills new rows.
        batch_op.add_column(sa.Column("preferences", sa.JSON(), nullable=False, server_default=sa.text("'{}'")))


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("preferences")

    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_outbox_broadcast_id_broadcast"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_outbox_deadline_id_deadline"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_outbox_deadline_id"))
        batch_op.drop_index(batch_op.f("ix_outbox_broadcast_id"))
        batch_op.drop_column("broadcast_id")
        batch_op.drop_column("deadline_id")

    with op.batch_alter_table("report_request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_report_request_due_at"))
        batch_op.drop_index(batch_op.f("ix_report_request_deadline_id"))
        batch_op.drop_index(batch_op.f("ix_report_request_assignment_id"))

    op.drop_table("report_request")
    with op.batch_alter_table("broadcast", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_broadcast_unit_id"))

    op.drop_table("broadcast")
