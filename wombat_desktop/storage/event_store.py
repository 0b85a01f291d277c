"""Networking events and their attendees: CRUD, snapshots for undo, the pick lists.

Rows come back as plain dicts and tuples (the service turns them into frozen views).
Portable SQL only; flush, never commit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from wombat_desktop.core.errors import NotFoundError
from wombat_desktop.core.views import ContactListItem
from wombat_desktop.storage import activity_store, contact_reads
from wombat_desktop.storage.orm import (
    ContactRow,
    EventAttendeeRow,
    EventRow,
    InteractionRow,
    IntroScriptRow,
    MemoryHookRow,
    MemoryHookUseRow,
    OrganizationRow,
)
from wombat_desktop.storage.orm_base import utc_now

CHUNK = 500
EVENT_FIELDS = ("name", "starts_at", "place", "organization_id", "goals", "memory_hook_id",
                "intro_script_id", "notes")
ATTENDEE_FIELDS = ("contact_id", "expected", "met", "goal", "notes")



def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield list(ids[start : start + CHUNK])


# --- events -------------------------------------------------------------------------------


def event_row(session: Session, event_id: int) -> dict[str, Any]:
    """The event's columns (``EVENT_FIELDS`` plus id), or a `NotFoundError`."""
    row = session.execute(select(EventRow.id, *(getattr(EventRow, f) for f in EVENT_FIELDS))
                          .where(EventRow.id == event_id)).first()
    if row is None:
        raise NotFoundError(f"Event {event_id} does not exist (any more).")
    return dict(row._mapping)


def insert_event(session: Session, values: dict[str, Any], event_id: int | None = None) -> int:
    """A new event (with a given id when an undo puts a deleted one back)."""
    now = utc_now()
    row = {**values, "created_at": now, "updated_at": now}
    if event_id is not None:
        row["id"] = event_id
    result = session.execute(insert(EventRow).values(**row).returning(EventRow.id))
    return int(result.scalar_one())


def update_event(session: Session, event_id: int, values: dict[str, Any]) -> None:
    event_row(session, event_id)
    session.execute(update(EventRow).where(EventRow.id == event_id)
                    .values(**values, updated_at=utc_now()))


def snapshot_event(session: Session, event_id: int) -> dict[str, Any]:
    """Everything a delete loses, so that undo can put it back exactly."""
    event = event_row(session, event_id)
    return {
        "event": event,
        "attendees": attendee_rows(session, event_id),
        "interactions": list(session.execute(select(InteractionRow.id)
                                             .where(InteractionRow.event_id == event_id))
                             .scalars()),
        "hook_uses": list(session.execute(select(MemoryHookUseRow.hook_id)
                                          .where(MemoryHookUseRow.event_id == event_id))
                          .scalars()),
    }


def delete_event(session: Session, event_id: int) -> None:
    session.execute(delete(EventAttendeeRow).where(EventAttendeeRow.event_id == event_id))
    session.execute(delete(MemoryHookUseRow).where(MemoryHookUseRow.event_id == event_id))
    session.execute(update(InteractionRow).where(InteractionRow.event_id == event_id)
                    .values(event_id=None))
    session.execute(delete(EventRow).where(EventRow.id == event_id))


def restore_event(session: Session, snapshot: dict[str, Any]) -> int:
    """Put back an event `snapshot_event` saw, with what pointed at it; returns its id (the
    old one, or a new one when SQLite gave the old id to an event created since)."""
    event = dict(snapshot["event"])
    old_id = int(event.pop("id"))
    taken = session.get(EventRow, old_id) is not None
    event_id = insert_event(session, _known_refs(session, event), None if taken else old_id)
    restore_attendees(session, event_id, snapshot["attendees"])
    for chunk in _chunks(snapshot["interactions"]):
        session.execute(update(InteractionRow).where(InteractionRow.id.in_(chunk))
                        .values(event_id=event_id))
    hooks = set(session.execute(select(MemoryHookRow.id)).scalars())
    for hook_id in snapshot["hook_uses"]:
        if hook_id in hooks:
            session.execute(insert(MemoryHookUseRow).values(hook_id=hook_id, event_id=event_id))
    return event_id


def _known_refs(session: Session, event: dict[str, Any]) -> dict[str, Any]:
    """Drop references to an organisation, hook or script deleted since the snapshot."""
    for key, table in (("organization_id", OrganizationRow), ("memory_hook_id", MemoryHookRow),
                       ("intro_script_id", IntroScriptRow)):
        if event.get(key) is not None and session.get(table, event[key]) is None:
            event[key] = None
    return event


def event_ids(session: Session) -> list[int]:
    return list(session.execute(select(EventRow.id)).scalars())


# --- attendees ----------------------------------------------------------------------------


def attendee_rows(session: Session, event_id: int,
                  contact_ids: Sequence[int] | None = None) -> list[dict[str, Any]]:
    """The event's attendee rows (``ATTENDEE_FIELDS``), optionally only some contacts."""
    stmt = select(*(getattr(EventAttendeeRow, f) for f in ATTENDEE_FIELDS)).where(
        EventAttendeeRow.event_id == event_id)
    if contact_ids is None:
        return [dict(r._mapping) for r in session.execute(stmt)]
    out: list[dict[str, Any]] = []
    for chunk in _chunks(list(contact_ids)):
        out += [dict(r._mapping) for r in session.execute(
            stmt.where(EventAttendeeRow.contact_id.in_(chunk)))]
    return out


def add_attendees(session: Session, event_id: int, contact_ids: Sequence[int],
                  goal: str = "", *, met: bool = False, expected: bool = True) -> list[int]:
    """Add contacts not yet on the list; returns the ids added."""
    have = {r["contact_id"] for r in attendee_rows(session, event_id, contact_ids)}
    new = [cid for cid in dict.fromkeys(contact_ids) if cid not in have]
    if new:
        session.execute(insert(EventAttendeeRow), [
            {"event_id": event_id, "contact_id": cid, "expected": expected, "met": met,
             "goal": goal, "notes": ""} for cid in new])
    return new


def remove_attendees(session: Session, event_id: int, contact_ids: Sequence[int]) -> None:
    for chunk in _chunks(list(contact_ids)):
        session.execute(delete(EventAttendeeRow).where(EventAttendeeRow.event_id == event_id,
                                                       EventAttendeeRow.contact_id.in_(chunk)))


def restore_attendees(session: Session, event_id: int, rows: Sequence[dict[str, Any]]) -> None:
    """Put back rows `attendee_rows` returned (skipping contacts purged meanwhile)."""
    if not rows:
        return
    wanted = [r["contact_id"] for r in rows]
    live: set[int] = set()
    for chunk in _chunks(wanted):
        live.update(session.execute(select(ContactRow.id).where(ContactRow.id.in_(chunk)))
                    .scalars())
    remove_attendees(session, event_id, [r["contact_id"] for r in rows])
    kept = [{**r, "event_id": event_id} for r in rows if r["contact_id"] in live]
    if kept:
        session.execute(insert(EventAttendeeRow), kept)


def set_attendee(session: Session, event_id: int, contact_ids: Sequence[int],
                 values: dict[str, Any]) -> int:
    """Change goal, notes, met or expected of attendees; returns how many rows changed."""
    changed = 0
    for chunk in _chunks(list(contact_ids)):
        result = session.execute(update(EventAttendeeRow).where(
            EventAttendeeRow.event_id == event_id, EventAttendeeRow.contact_id.in_(chunk))
            .values(**values))
        changed += int(getattr(result, "rowcount", 0) or 0)
    return changed


def sync_met_interactions(session: Session, event_id: int, today: dt.date,
                          contact_ids: Sequence[int] | None = None) -> None:
    """One "event" interaction per person met, dated the event day, once the day has come.

    People no longer met (or an event moved into the future) lose theirs; only these
    contacts when ``contact_ids`` is given. `activity_store` refreshes the contact stats.
    """
    event = event_row(session, event_id)
    at: dt.datetime | None = event["starts_at"]
    day = at.date() if at is not None and at.date() <= today else None
    rows = attendee_rows(session, event_id, contact_ids)
    met = {r["contact_id"] for r in rows if r["met"]} if day is not None else set()
    stmt = select(InteractionRow.id, InteractionRow.contact_id, InteractionRow.occurred_on
                  ).where(InteractionRow.event_id == event_id, InteractionRow.kind == "event")
    found: list[Any] = []
    for chunk in [None] if contact_ids is None else _chunks(list(contact_ids)):
        found += session.execute(
            stmt if chunk is None else stmt.where(InteractionRow.contact_id.in_(chunk))).all()
    logged: set[int] = set()
    for interaction_id, contact_id, on in found:
        if contact_id in met and on == day and contact_id not in logged:
            logged.add(contact_id)
        else:
            activity_store.delete_interaction(session, interaction_id)
    if day is not None:
        for contact_id in sorted(met - logged):
            activity_store.add_interaction(session, contact_id, "event", day,
                                           f"Met at {event['name']}.", event_id=event_id)


def attendee_items(session: Session, today: dt.date,
                   contact_ids: Sequence[int]) -> dict[int, ContactListItem]:
    """Live contacts among the attendees, as list rows (tie, last interaction …)."""
    out: dict[int, ContactListItem] = {}
    for chunk in _chunks(list(contact_ids)):
        out.update((i.id, i) for i in contact_reads.list_items(session, today, chunk))
    return out


# --- pick lists ---------------------------------------------------------------------------


def organizations(session: Session) -> list[tuple[int, str]]:
    return [(i, n) for i, n in session.execute(
        select(OrganizationRow.id, OrganizationRow.name).order_by(OrganizationRow.name))]


def hooks(session: Session) -> list[tuple[int, str]]:
    return [(i, t) for i, t in session.execute(
        select(MemoryHookRow.id, MemoryHookRow.text).where(MemoryHookRow.archived.is_(False))
        .order_by(MemoryHookRow.id))]


def scripts(session: Session) -> list[tuple[int, str, int, str]]:
    """(id, title, seconds, text) of every self-introduction script."""
    return [(i, t, s, x) for i, t, s, x in session.execute(
        select(IntroScriptRow.id, IntroScriptRow.title, IntroScriptRow.seconds,
               IntroScriptRow.text).order_by(IntroScriptRow.seconds, IntroScriptRow.id))]
