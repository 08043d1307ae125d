"""Inbound messages answered 503 (committed after the request's deadline): their inline
reply never reached the provider, so they do not count as a delivered confirmation.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from stopline.storage.columns import UTCDateTime

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "late_answers",
        sa.Column("provider", sa.String(32), primary_key=True),
        sa.Column("provider_message_id", sa.String(128), primary_key=True),
        sa.Column("answered_at", UTCDateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("late_answers")
