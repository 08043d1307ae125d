"""Campaigns: broadcast queues, recorded sends (ours and reported), insight events, and each
sender's sending rate.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from stopline.storage.columns import BigId, UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("senders", sa.Column("rate_per_second", sa.Float))
    op.create_table(
        "campaigns",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("sender", sa.String(64), nullable=False),
        sa.Column("topic", sa.String(100)),
        sa.Column("template", sa.Text),
        sa.Column("body", sa.Text),
        sa.Column("locale", sa.String(16)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("rate_per_second", sa.Float),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("started_at", UTCDateTime),
        sa.Column("finished_at", UTCDateTime),
        sa.PrimaryKeyConstraint("id", name="pk_campaigns"),
        sa.UniqueConstraint("name", name="uq_campaigns_name"),
    )
    op.create_table(
        "campaign_recipients",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("campaign_id", BigId, nullable=False),
        sa.Column("number", sa.String(20), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("not_before", UTCDateTime, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("detail", sa.Text),
        sa.Column("provider_message_id", sa.String(128)),
        sa.Column("sent_at", UTCDateTime),
        sa.PrimaryKeyConstraint("id", name="pk_campaign_recipients"),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name="fk_campaign_recipients_campaign_id_campaigns",
        ),
        sa.UniqueConstraint("campaign_id", "number", name="uq_campaign_recipients_campaign_id"),
    )
    op.create_index(
        "ix_campaign_recipients_status_not_before",
        "campaign_recipients",
        ["status", "not_before"],
    )
    op.create_table(
        "sends",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("dedupe_key", sa.String(250), nullable=False),
        sa.Column("campaign_id", BigId, nullable=False),
        sa.Column("number", sa.String(20), nullable=False),
        sa.Column("sender", sa.String(64), nullable=False),
        sa.Column("topic", sa.String(100)),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("sent_at", UTCDateTime, nullable=False),
        sa.Column("recorded_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sends"),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name="fk_sends_campaign_id_campaigns"
        ),
        sa.UniqueConstraint("dedupe_key", name="uq_sends_dedupe_key"),
    )
    op.create_index("ix_sends_number_sent_at", "sends", ["number", "sent_at"])
    op.create_index("ix_sends_campaign_id", "sends", ["campaign_id"])
    op.create_table(
        "insight_events",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("delivered_at", UTCDateTime),
        sa.PrimaryKeyConstraint("id", name="pk_insight_events"),
        sa.UniqueConstraint("kind", "subject", name="uq_insight_events_kind"),
    )


def downgrade() -> None:
    op.drop_table("insight_events")
    op.drop_index("ix_sends_campaign_id", table_name="sends")
    op.drop_index("ix_sends_number_sent_at", table_name="sends")
    op.drop_table("sends")
    op.drop_index("ix_campaign_recipients_status_not_before", table_name="campaign_recipients")
    op.drop_table("campaign_recipients")
    op.drop_table("campaigns")
    op.drop_column("senders", "rate_per_second")
