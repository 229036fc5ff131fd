"""one send budget per bot token across processes: the live processes that share it; an
index to ask whether a broadcast has messages left to go

Revision ID: 0011_s4_sendrate
Revises: 0010_s4_fanout
Create Date: 2026-12-01 16:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.types  # noqa: F401

revision = "0011_s4_sendrate"
down_revision = "0010_s4_fanout"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "send_share_member",
        sa.Column("budget_key", sa.String(length=80), nullable=False),
        sa.Column("worker", sa.String(length=64), nullable=False),
        sa.Column("joined_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("seen_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("budget_key", "worker", name=op.f("pk_send_share_member")),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_broadcast_id_status", ["broadcast_id", "status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_broadcast_id_status")
    op.drop_table("send_share_member")
