"""Each sender's next send slot: the campaigns that take their rate from their sender (they
set none of their own) share it, so together they send at the sender's rate, not at that
rate each.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("senders", sa.Column("next_slot", sa.Float))


def downgrade() -> None:
    op.drop_column("senders", "next_slot")
