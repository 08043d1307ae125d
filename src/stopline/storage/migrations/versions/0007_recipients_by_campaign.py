"""An index on each campaign's due recipients, so that broadcast workers claim from every
sending campaign in turn (a large campaign no longer holds up the others).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_campaign_recipients_campaign_due",
        "campaign_recipients",
        ["campaign_id", "status", "not_before"],
    )


def downgrade() -> None:
    op.drop_index("ix_campaign_recipients_campaign_due", table_name="campaign_recipients")
