"""Review queue: inbound messages whose intent is unclear.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from stopline.storage.columns import BigId, UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_items",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("inbound_id", BigId, nullable=False),
        sa.Column("number", sa.String(20), nullable=False),
        sa.Column("sender", sa.String(64), nullable=False),
        sa.Column("received_at", UTCDateTime, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("due_at", UTCDateTime, nullable=False),
        sa.Column("escalate_at", UTCDateTime, nullable=False),
        sa.Column("default_at", UTCDateTime, nullable=False),
        sa.Column("escalated_at", UTCDateTime),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("decision", sa.String(16)),
        sa.Column("decided_at", UTCDateTime),
        sa.Column("decided_by", sa.String(200)),
        sa.Column("note", sa.Text),
        sa.Column("event_id", BigId),
        sa.PrimaryKeyConstraint("id", name="pk_review_items"),
        sa.UniqueConstraint("inbound_id", name="uq_review_items_inbound_id"),
        sa.ForeignKeyConstraint(
            ["inbound_id"],
            ["inbound_messages.id"],
            name="fk_review_items_inbound_id_inbound_messages",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["consent_events.id"], name="fk_review_items_event_id_consent_events"
        ),
    )
    op.create_index("ix_review_items_status_due_at", "review_items", ["status", "due_at"])
    op.create_index("ix_review_items_number", "review_items", ["number"])


def downgrade() -> None:
    op.drop_table("review_items")
