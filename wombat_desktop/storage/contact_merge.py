"""Folding one contact row into another, and back (for undo). Portable SQL only."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from wombat_desktop.storage.orm import (
    ContactRow,
    ContactSourceRow,
    ContactUidRow,
    EventAttendeeRow,
    FollowUpRow,
    InteractionRow,
    MembershipRow,
    ReferralRow,
    SphereSeatMemberRow,
)

# (table, column) pairs whose rows simply change owner.
MOVABLE = (
    (ContactUidRow, "contact_id"),
    (ContactSourceRow, "contact_id"),
    (InteractionRow, "contact_id"),
    (ReferralRow, "contact_id"),
    (ReferralRow, "for_contact_id"),
    (FollowUpRow, "contact_id"),
    (MembershipRow, "contact_id"),
    (ContactRow, "introduced_by_id"),
)


def absorb(session: Session, keep_id: int, other_id: int) -> dict[str, Any]:
    """Move everything that points at ``other_id`` to ``keep_id`` and mark ``other`` merged.

    Returns what was moved, so that `unabsorb` can put it back.
    """
    moved: dict[str, Any] = {"primary_uids": list(session.execute(
        select(ContactUidRow.id).where(ContactUidRow.contact_id == other_id,
                                       ContactUidRow.is_primary.is_(True))).scalars())}
    for table, column in MOVABLE:
        col = getattr(table, column)
        ids = list(session.execute(select(table.id).where(col == other_id)).scalars())
        if ids:
            session.execute(update(table).where(table.id.in_(ids)).values({column: keep_id}))
            moved[f"{table.__tablename__}.{column}"] = ids
    session.execute(update(ContactUidRow).where(ContactUidRow.id.in_(
        moved.get("contact_uids.contact_id", []))).values(is_primary=False))
    for table, key in ((EventAttendeeRow, "event_id"), (SphereSeatMemberRow, "seat_id")):
        pairs = []
        for (owner,) in session.execute(
            select(getattr(table, key)).where(table.contact_id == other_id)
        ):
            exists = session.execute(
                select(table.contact_id).where(getattr(table, key) == owner,
                                               table.contact_id == keep_id)
            ).first()
            if exists is None:
                session.execute(update(table).where(
                    getattr(table, key) == owner, table.contact_id == other_id
                ).values(contact_id=keep_id))
                pairs.append(owner)
        if pairs:
            moved[table.__tablename__] = pairs
    session.execute(update(ContactRow).where(ContactRow.id == other_id)
                    .values(merged_into_id=keep_id))
    return moved


def unabsorb(session: Session, keep_id: int, other_id: int, moved: dict[str, Any]) -> None:
    """Undo `absorb`: give ``other`` its rows back and make it live again."""
    for table, column in MOVABLE:
        ids = moved.get(f"{table.__tablename__}.{column}")
        if ids:
            session.execute(update(table).where(table.id.in_(ids)).values({column: other_id}))
    for table, key in ((EventAttendeeRow, "event_id"), (SphereSeatMemberRow, "seat_id")):
        for owner in moved.get(table.__tablename__, []):
            session.execute(update(table).where(
                getattr(table, key) == owner, table.contact_id == keep_id
            ).values(contact_id=other_id))
    if moved.get("primary_uids"):
        session.execute(update(ContactUidRow).where(
            ContactUidRow.id.in_(moved["primary_uids"])).values(is_primary=True))
    session.execute(update(ContactRow).where(ContactRow.id == other_id)
                    .values(merged_into_id=None))


def add_identity(session: Session, contact_id: int, uids: list[str], source: str,
                 batch_id: int | None) -> list[str]:
    """Give a contact more UIDs and a source record; returns the UIDs that were new."""
    known = set(session.execute(select(ContactUidRow.uid)
                                .where(ContactUidRow.contact_id == contact_id)).scalars())
    new = [u for u in dict.fromkeys(uids) if u and u not in known]
    if new:
        session.execute(insert(ContactUidRow.__table__), [
            {"contact_id": contact_id, "uid": u[:500], "is_primary": False} for u in new])
    if source:
        session.execute(insert(ContactSourceRow.__table__).values(
            contact_id=contact_id, source=source[:1000], import_batch_id=batch_id))
    return new


def remove_identity(session: Session, contact_id: int, uids: list[str],
                    batch_id: int | None) -> None:
    """Undo `add_identity` for one import batch."""
    if uids:
        session.execute(delete(ContactUidRow).where(ContactUidRow.contact_id == contact_id,
                                                    ContactUidRow.uid.in_(uids)))
    if batch_id is not None:
        session.execute(delete(ContactSourceRow).where(
            ContactSourceRow.contact_id == contact_id,
            ContactSourceRow.import_batch_id == batch_id))
