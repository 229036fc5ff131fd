"""a report implies receipt: stamp acknowledged_at on reported assignments that lack it

Revision ID: 0007
Revises: 0004
Create Date: 2026-11-30 09:00:00

Before this, a cell that reported without pressing "Đã nhận" was counted received by /status
but had an empty "Nhận lúc" in the exports (storage/queries/acknowledged.py). Its first
report's time is the moment receipt became certain.
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "UPDATE assignment SET acknowledged_at = ("
        " SELECT MIN(report.submitted_at) FROM report WHERE report.assignment_id = assignment.id)"
        " WHERE acknowledged_at IS NULL AND status IN ('reported', 'completed')"
        " AND EXISTS (SELECT 1 FROM report WHERE report.assignment_id = assignment.id)"
    )


def downgrade() -> None:
    pass  # the stamped times cannot be told from real acknowledgements; nothing to undo
