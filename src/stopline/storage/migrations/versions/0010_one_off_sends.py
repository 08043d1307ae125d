"""One-off sends about a topic that is not exempt (`POST /v1/messages`, `stopline send`) are
recorded in `sends` without a campaign, so that they count towards the frequency caps as a
campaign's sends do.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

from stopline.storage.columns import BigId

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sends") as batch:
        batch.alter_column("campaign_id", existing_type=BigId, nullable=True)


def downgrade() -> None:
    op.execute("DELETE FROM sends WHERE campaign_id IS NULL")
    with op.batch_alter_table("sends") as batch:
        batch.alter_column("campaign_id", existing_type=BigId, nullable=False)
