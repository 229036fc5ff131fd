"""outbox.attempted_at: the moment the current claim's HTTP call began

Revision ID: 0008_s3_rel15a
Revises: 0005_0007
Create Date: 2026-12-01 13:00:00

A claimed row ("sending") with no attempted_at was never handed to its channel: after a crash it
is sent again at once, with no risk of a second copy. A row with attempted_at set was in flight
when its process died: it is the only kind that may reach a chat twice.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.types

revision = "0008_s3_rel15a"
down_revision = "0005_0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("attempted_at", storage.types.UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("attempted_at")
