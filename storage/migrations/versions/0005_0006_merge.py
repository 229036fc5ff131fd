"""Join the two heads: 0005 (directive.amends_id, this branch) and 0006 (deadline.until_at, main).

0005 still follows 0002 as the branch wrote it; this empty revision only gives Alembic one head
so `chibot db upgrade` and the tests run. When 0005 is re-chained after 0006 this file goes.

Revision ID: 0005_0006
Revises: 0005, 0006
"""

from __future__ import annotations

revision = "0005_0006"
down_revision = ("0005", "0006")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
