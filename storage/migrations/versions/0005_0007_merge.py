"""Join the two heads: 0005 (directive.amends_id, this branch) and 0007 (main's head).

0005 still follows 0002 as the branch wrote it; this empty revision only gives Alembic one head
so `chibot db upgrade` and the tests run. When 0005 is re-chained after main's last revision this file goes.

Revision ID: 0005_0007
Revises: 0005, 0007
"""

from __future__ import annotations

revision = "0005_0007"
down_revision = ("0005", "0007")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
