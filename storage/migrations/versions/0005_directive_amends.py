"""a changed version of a directive names the one it replaces

Revision ID: 0005
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # A plain ADD COLUMN, not a batch copy of the table: SQLite cannot drop and recreate
        # "directive" while other tables' foreign keys point at it.
        op.execute(
            "ALTER TABLE directive ADD COLUMN amends_id INTEGER "
            "CONSTRAINT fk_directive_amends_id_directive REFERENCES directive (id)"
        )
        return
    op.add_column("directive", sa.Column("amends_id", sa.Integer(), nullable=True))
    op.create_foreign_key("fk_directive_amends_id_directive", "directive", "directive", ["amends_id"], ["id"])


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint("fk_directive_amends_id_directive", "directive", type_="foreignkey")
    op.drop_column("directive", "amends_id")
