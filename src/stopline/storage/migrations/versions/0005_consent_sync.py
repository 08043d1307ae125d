"""Consent sync: where each push target (a CRM, a warehouse) stands in the consent feed.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from stopline.storage.columns import UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The consent feed's order on PostgreSQL (storage/consent_feed.py): (txid, id) pages
    # straight off an index. Partial like the txid index: SQLite leaves txid NULL.
    op.create_index(
        "ix_consent_events_txid_id",
        "consent_events",
        ["txid", "id"],
        sqlite_where=sa.text("txid IS NOT NULL"),
        postgresql_where=sa.text("txid IS NOT NULL"),
    )
    op.create_table(
        "sync_targets",
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("cursor", sa.String(64), nullable=False),
        sa.Column("pending_cursor", sa.String(64)),
        sa.Column("batch_id", sa.String(40)),
        sa.Column("holder", sa.String(64)),
        sa.Column("lease_until", UTCDateTime),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", UTCDateTime, nullable=False),
        sa.Column("last_error", sa.Text),
        sa.Column("delivered", sa.BigInteger, nullable=False),
        sa.Column("delivered_at", UTCDateTime),
        sa.PrimaryKeyConstraint("name", name="pk_sync_targets"),
    )


def downgrade() -> None:
    op.drop_table("sync_targets")
    op.drop_index("ix_consent_events_txid_id", table_name="consent_events")
