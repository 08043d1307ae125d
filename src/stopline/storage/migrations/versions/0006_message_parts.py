"""Message parts: the pieces of a long SMS that a provider delivers one webhook at a time
(Vonage's SMS API: concat-ref, concat-part, concat-total), kept until they can be read as
one message.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from stopline.storage.columns import BigId, UTCDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "message_parts",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("provider", sa.String(32), nullable=False),
        sa.Column("provider_message_id", sa.String(128), nullable=False),
        sa.Column("from_number", sa.String(20), nullable=False),
        sa.Column("to_address", sa.String(64), nullable=False),
        sa.Column("ref", sa.String(64), nullable=False),
        sa.Column("part", sa.Integer, nullable=False),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("received_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_message_parts"),
        sa.UniqueConstraint("provider", "provider_message_id", name="uq_message_parts_provider_id"),
    )
    op.create_index(
        "ix_message_parts_sender_ref", "message_parts", ["provider", "from_number", "ref"]
    )


def downgrade() -> None:
    op.drop_index("ix_message_parts_sender_ref", table_name="message_parts")
    op.drop_table("message_parts")
