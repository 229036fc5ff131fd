"""one person on several channels: one-time link codes

Revision ID: 0004
Revises: 0006
Create Date: 2026-11-25 10:00:00

(Chained after main's head when merged: 0006 now; the chat-menu branch's 0003 goes in
front of it when that lands.)
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes  # noqa: F401  (autogenerate names AutoString by this path)
from alembic import op

import storage.types  # noqa: F401

revision = "0004"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "link_code",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("used_at", storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("used_by_account_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["account_id"], ["chat_account.id"], name=op.f("fk_link_code_account_id_chat_account")),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_link_code_person_id_person")),
        sa.ForeignKeyConstraint(
            ["used_by_account_id"], ["chat_account.id"], name=op.f("fk_link_code_used_by_account_id_chat_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_link_code")),
    )
    with op.batch_alter_table("link_code", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_link_code_code_hash"), ["code_hash"], unique=True)
        batch_op.create_index(batch_op.f("ix_link_code_person_id"), ["person_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("link_code", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_link_code_person_id"))
        batch_op.drop_index(batch_op.f("ix_link_code_code_hash"))
    op.drop_table("link_code")
