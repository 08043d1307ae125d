"""Core schema: consent ledger, suppressions, inbound messages, API keys.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from stopline.storage.columns import BigId, UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "consent_events",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("number", sa.String(20), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("scope", sa.String(200), nullable=False),
        sa.Column("source", sa.String(32), nullable=False),
        sa.Column("sender", sa.String(64)),
        sa.Column("provider", sa.String(32)),
        sa.Column("provider_message_id", sa.String(128)),
        sa.Column("raw_text", sa.Text),
        sa.Column("rule", sa.String(128)),
        sa.Column("language", sa.String(16)),
        sa.Column("confidence", sa.Float),
        sa.Column("actor", sa.String(200)),
        sa.Column("evidence", sa.Text),
        sa.Column("occurred_at", UTCDateTime, nullable=False),
        sa.Column("recorded_at", UTCDateTime, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("txid", sa.BigInteger),
        sa.PrimaryKeyConstraint("id", name="pk_consent_events"),
        sa.UniqueConstraint("number", "seq", name="uq_consent_events_number_seq"),
    )
    op.create_index(
        "ix_consent_events_txid",
        "consent_events",
        ["txid"],
        sqlite_where=sa.text("txid IS NOT NULL"),
        postgresql_where=sa.text("txid IS NOT NULL"),
    )
    if op.get_bind().dialect.name == "postgresql":
        # Commit-order change feed for the in-memory suppression index.
        op.execute(
            "ALTER TABLE consent_events ALTER COLUMN txid "
            "SET DEFAULT (pg_current_xact_id()::text::bigint)"
        )
    op.create_table(
        "suppressions",
        sa.Column("number", sa.String(20), nullable=False),
        sa.Column("scope", sa.String(200), nullable=False),
        sa.Column("event_id", BigId, nullable=False),
        sa.Column("source", sa.String(32), nullable=False),
        sa.Column("since", UTCDateTime, nullable=False),
        sa.Column("recorded_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("number", "scope", name="pk_suppressions"),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["consent_events.id"],
            name="fk_suppressions_event_id_consent_events",
        ),
    )
    op.create_index("ix_suppressions_scope", "suppressions", ["scope"])
    op.create_index("ix_suppressions_event_id", "suppressions", ["event_id"])
    op.create_table(
        "inbound_messages",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("provider", sa.String(32), nullable=False),
        sa.Column("provider_message_id", sa.String(128), nullable=False),
        sa.Column("from_number", sa.String(20), nullable=False),
        sa.Column("to_address", sa.String(64), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("received_at", UTCDateTime, nullable=False),
        sa.Column("recorded_at", UTCDateTime, nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("intent", sa.String(64), nullable=False),
        sa.Column("rule", sa.String(128), nullable=False),
        sa.Column("language", sa.String(16)),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("outcome", sa.String(32), nullable=False),
        sa.Column("reply_text", sa.Text),
        sa.Column("event_id", BigId),
        sa.PrimaryKeyConstraint("id", name="pk_inbound_messages"),
        sa.UniqueConstraint(
            "provider", "provider_message_id", name="uq_inbound_messages_provider_id"
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["consent_events.id"],
            name="fk_inbound_messages_event_id_consent_events",
        ),
    )
    op.create_index("ix_inbound_messages_from_number", "inbound_messages", ["from_number"])
    op.create_table(
        "api_keys",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("prefix", sa.String(16), nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("scopes", sa.String(200), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("revoked_at", UTCDateTime),
        sa.PrimaryKeyConstraint("id", name="pk_api_keys"),
        sa.UniqueConstraint("key_hash", name="uq_api_keys_key_hash"),
    )


def downgrade() -> None:
    op.drop_table("api_keys")
    op.drop_table("inbound_messages")
    op.drop_table("suppressions")
    op.drop_table("consent_events")
