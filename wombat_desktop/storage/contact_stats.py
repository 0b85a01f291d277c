"""Per-contact interaction and referral figures, stored on the contact row.

Every writer of interactions or referrals calls `refresh_stats` for the contacts it
touched; the list of 50,000 contacts then needs no aggregate query. Portable SQL only.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from wombat_desktop.storage.orm import ContactRow, InteractionRow, ReferralRow

CHUNK = 500


def _stats_values() -> dict[str, object]:
    def referrals(direction: str) -> object:
        return (
            select(func.count())
            .where(ReferralRow.contact_id == ContactRow.id, ReferralRow.direction == direction)
            .scalar_subquery()
        )

    latest = (
        select(InteractionRow.kind)
        .where(InteractionRow.contact_id == ContactRow.id)
        .order_by(InteractionRow.occurred_on.desc(), InteractionRow.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    return {
        "referrals_given": referrals("given"),
        "referrals_received": referrals("received"),
        "last_interaction_on": select(func.max(InteractionRow.occurred_on))
        .where(InteractionRow.contact_id == ContactRow.id)
        .scalar_subquery(),
        "last_interaction_kind": func.coalesce(latest, ""),
    }


def refresh_stats(session: Session, contact_ids: Iterable[int] | None = None) -> None:
    """Recompute the stored figures for some contacts (``None``: for all of them)."""
    values = _stats_values()
    if contact_ids is None:
        session.execute(update(ContactRow).values(**values))
        return
    ids = sorted(set(contact_ids))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        session.execute(
            update(ContactRow).where(ContactRow.id.in_(chunk)).values(**values)
        )
