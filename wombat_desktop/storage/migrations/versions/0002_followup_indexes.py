"""Indexes for the lunch lists: referrals by prospect, follow-ups by contact

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 10:40:00
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("referrals") as batch:
        batch.create_index("ix_referrals_for_contact", ["for_contact_id"])
    with op.batch_alter_table("follow_ups") as batch:
        batch.create_index("ix_follow_ups_contact", ["contact_id"])


def downgrade() -> None:
    with op.batch_alter_table("follow_ups") as batch:
        batch.drop_index("ix_follow_ups_contact")
    with op.batch_alter_table("referrals") as batch:
        batch.drop_index("ix_referrals_for_contact")
