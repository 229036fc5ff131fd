"""chat menus: the numbered choices a chat without buttons was last sent

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 09:24:17.209024
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes  # noqa: F401  (autogenerate names AutoString by this path)
from alembic import op

import storage.types  # noqa: F401

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chat_menu",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("chat_id", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("flow", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("flow_nonce", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["chat_account.id"], name=op.f("fk_chat_menu_account_id_chat_account")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chat_menu")),
        sa.UniqueConstraint("channel", "chat_id", name=op.f("uq_chat_menu_channel_chat_id")),
    )
    with op.batch_alter_table("chat_menu", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_chat_menu_account_id"), ["account_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("chat_menu", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chat_menu_account_id"))

    op.drop_table("chat_menu")
