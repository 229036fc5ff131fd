"""a deadline moved into the past: the moment its overdue chase starts (overdue_from)

Revision ID: 0012_s7_deadline_overdue_from
Revises: 0011_s4_sendrate
Create Date: 2026-12-02 16:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.types

revision = "0012_s7_deadline_overdue_from"
down_revision = "0011_s4_sendrate"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("deadline") as batch:
        batch.add_column(sa.Column("overdue_from", storage.types.UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("deadline") as batch:
        batch.drop_column("overdue_from")
