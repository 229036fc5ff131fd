"""fan-out jobs: publishing to many units writes its rows in batches after the publish

Revision ID: 0010_s4_fanout
Revises: 0009
Create Date: 2026-12-01 16:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.types  # noqa: F401

revision = "0010_s4_fanout"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fanout_job",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("directive_id", sa.Integer(), nullable=False),
        sa.Column("unit_ids", sa.JSON(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("done", sa.Integer(), nullable=False),
        sa.Column("queued", sa.Integer(), nullable=False),
        sa.Column("reached", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("notify_account_id", sa.Integer(), nullable=True),
        sa.Column("published_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("finished_at", storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["directive_id"], ["directive.id"], name=op.f("fk_fanout_job_directive_id_directive")),
        sa.ForeignKeyConstraint(
            ["notify_account_id"], ["chat_account.id"], name=op.f("fk_fanout_job_notify_account_id_chat_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fanout_job")),
    )
    with op.batch_alter_table("fanout_job", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fanout_job_directive_id"), ["directive_id"], unique=False)
        batch_op.create_index("ix_fanout_job_status", ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("fanout_job", schema=None) as batch_op:
        batch_op.drop_index("ix_fanout_job_status")
        batch_op.drop_index(batch_op.f("ix_fanout_job_directive_id"))
    op.drop_table("fanout_job")
