"""Each campaign's next send slot, kept in the database so that every broadcast worker (the
servers' own, `stopline worker`, `campaigns send --wait`) paces the campaign on one clock:
two workers no longer send it at twice its rate.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("campaigns", sa.Column("next_slot", sa.Float))


def downgrade() -> None:
    op.drop_column("campaigns", "next_slot")
