"""Interaction and referral figures on the contact row; indexes for contact-to-contact links

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 10:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contacts") as batch:
        batch.add_column(sa.Column("last_interaction_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("last_interaction_kind", sa.String(20), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("referrals_given", sa.Integer(), nullable=False,
                                   server_default="0"))
        batch.add_column(sa.Column("referrals_received", sa.Integer(), nullable=False,
                                   server_default="0"))
        batch.create_index("ix_contacts_introduced_by_id", ["introduced_by_id"])
        batch.create_index("ix_contacts_merged_into_id", ["merged_into_id"])
    op.execute(
        "UPDATE contacts SET "
        "referrals_given = (SELECT COUNT(*) FROM referrals r "
        "  WHERE r.contact_id = contacts.id AND r.direction = 'given'), "
        "referrals_received = (SELECT COUNT(*) FROM referrals r "
        "  WHERE r.contact_id = contacts.id AND r.direction = 'received'), "
        "last_interaction_on = (SELECT MAX(i.occurred_on) FROM interactions i "
        "  WHERE i.contact_id = contacts.id), "
        "last_interaction_kind = COALESCE((SELECT i.kind FROM interactions i "
        "  WHERE i.contact_id = contacts.id ORDER BY i.occurred_on DESC, i.id DESC LIMIT 1), '')"
    )


def downgrade() -> None:
    with op.batch_alter_table("contacts") as batch:
        batch.drop_index("ix_contacts_merged_into_id")
        batch.drop_index("ix_contacts_introduced_by_id")
        batch.drop_column("referrals_received")
        batch.drop_column("referrals_given")
        batch.drop_column("last_interaction_kind")
        batch.drop_column("last_interaction_on")
