"""Pairs the user said are not the same person, remembered across runs."""

from __future__ import annotations

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from wombat_desktop.storage.orm import NotDuplicateRow


def not_duplicate_pairs(session: Session) -> frozenset[tuple[int, int]]:
    return frozenset(
        (a, b) for a, b in session.execute(
            select(NotDuplicateRow.contact_a_id, NotDuplicateRow.contact_b_id))
    )


def mark_not_duplicate(session: Session, a: int, b: int) -> None:
    low, high = sorted((a, b))
    exists = session.execute(select(NotDuplicateRow.contact_a_id).where(
        NotDuplicateRow.contact_a_id == low, NotDuplicateRow.contact_b_id == high)).first()
    if exists is None:
        session.execute(insert(NotDuplicateRow).values(contact_a_id=low, contact_b_id=high))


def unmark_not_duplicate(session: Session, a: int, b: int) -> None:
    low, high = sorted((a, b))
    session.execute(delete(NotDuplicateRow).where(
        NotDuplicateRow.contact_a_id == low, NotDuplicateRow.contact_b_id == high))
