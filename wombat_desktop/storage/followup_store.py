"""Lunch follow-ups (plan sections 11 and 12): CRUD and the bulk reads of the planner.

Every read is one or two set queries, so that the lists stay fast at 50,000 contacts.
``starts_at`` is a naive local datetime. Portable SQL only; flush, never commit.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from wombat_desktop.core.activity_views import LunchView
from wombat_desktop.core.errors import NotFoundError
from wombat_desktop.core.followups import OPEN, action_on, due_state
from wombat_desktop.storage.contact_filters import live
from wombat_desktop.storage.orm import (
    ContactRow,
    FollowUpRow,
    MemoryHookRow,
    OrganizationRow,
)
from wombat_desktop.storage.orm_base import utc_now

CHUNK = 500



CARD = (ContactRow.id, ContactRow.display_name, ContactRow.organization,
        ContactRow.primary_phone, ContactRow.primary_email)


def cards(session: Session, contact_ids: Iterable[int]) -> dict[int, tuple[str, str, str, str]]:
    """Live contact id -> (name, organisation, phone, e-mail), in chunks of IN lists."""
    ids = sorted(set(contact_ids))
    out: dict[int, tuple[str, str, str, str]] = {}
    conn = session.connection()
    for start in range(0, len(ids), CHUNK):
        stmt = select(*CARD).where(ContactRow.id.in_(ids[start : start + CHUNK]), live())
        for cid, name, org, phone, email in conn.execute(stmt):
            out[cid] = (name, org, phone, email)
    return out


def expand_candidates(session: Session) -> list[tuple[Any, ...]]:
    """Live contacts marked want-business or want-refer: card columns plus both flags."""
    stmt = (select(*CARD, ContactRow.want_business, ContactRow.want_refer)
            .where(live(), ContactRow.want_business.is_(True) | ContactRow.want_refer.is_(True)))
    return [tuple(r) for r in session.connection().execute(stmt)]


def current_follow_ups(session: Session) -> dict[tuple[int, str], tuple[int, str]]:
    """(contact id, list) -> (follow-up id, status) of its current lunch.

    The current lunch is the newest open one, else the newest of any status.
    """
    stmt = select(FollowUpRow.id, FollowUpRow.contact_id, FollowUpRow.list_name,
                  FollowUpRow.status).order_by(FollowUpRow.id)
    out: dict[tuple[int, str], tuple[int, str]] = {}
    for fid, cid, list_name, status in session.connection().execute(stmt):
        key = (cid, list_name)
        prev = out.get(key)
        if prev is None or status in OPEN or prev[1] not in OPEN:
            out[key] = (fid, status)
    return out


def open_follow_up(session: Session, contact_id: int) -> tuple[int, str] | None:
    """The contact's open lunch (id, status), if any."""
    row = session.execute(
        select(FollowUpRow.id, FollowUpRow.status)
        .where(FollowUpRow.contact_id == contact_id,
               FollowUpRow.status.in_([s.value for s in OPEN]))
        .order_by(FollowUpRow.id.desc()).limit(1)
    ).first()
    return (int(row[0]), str(row[1])) if row else None


def _lunch_stmt() -> Any:
    return (
        select(FollowUpRow.id, FollowUpRow.contact_id, ContactRow.display_name,
               ContactRow.organization, ContactRow.primary_phone, ContactRow.primary_email,
               FollowUpRow.list_name, FollowUpRow.kind, FollowUpRow.status, FollowUpRow.due_on,
               FollowUpRow.starts_at, FollowUpRow.duration_minutes, FollowUpRow.place,
               FollowUpRow.organization_id, func.coalesce(OrganizationRow.name, ""),
               FollowUpRow.reason, FollowUpRow.notes_before, FollowUpRow.notes_after,
               FollowUpRow.talking_points, FollowUpRow.ics_uid, FollowUpRow.created_at)
        .join(ContactRow, ContactRow.id == FollowUpRow.contact_id)
        .outerjoin(OrganizationRow, OrganizationRow.id == FollowUpRow.organization_id)
    )


def _view(row: Sequence[Any], today: dt.date) -> LunchView:
    (fid, cid, name, org, phone, email, list_name, kind, status, due_on, starts_at, minutes,
     place, org_id, org_name, reason, before, after, points, uid, created) = row
    day = action_on(status, due_on, starts_at)
    if not uid:  # rows written before UIDs were stored: stable across exports all the same
        stamp = created.strftime("%Y%m%dT%H%M%S") if created else "0"
        uid = f"lunch-{fid}-{stamp}@wombat-desktop"
    return LunchView(fid, cid, name, org, phone, email, list_name, kind, status, due_on,
                     starts_at, minutes or 60, place, org_id, org_name, reason, before, after,
                     points, uid, day, due_state(day, today))


def lunches(session: Session, today: dt.date, *, statuses: Iterable[str] | None = None,
            contact_id: int | None = None, ids: Iterable[int] | None = None,
            include_removed: bool = False) -> list[LunchView]:
    """Lunches of live contacts (trashed ones keep theirs, hidden until restored)."""
    stmt = _lunch_stmt()
    if not include_removed:
        stmt = stmt.where(live())
    if statuses is not None:
        stmt = stmt.where(FollowUpRow.status.in_(list(statuses)))
    if contact_id is not None:
        stmt = stmt.where(FollowUpRow.contact_id == contact_id)
    if ids is not None:
        stmt = stmt.where(FollowUpRow.id.in_(list(ids)))
    rows = session.connection().execute(stmt.order_by(FollowUpRow.id)).all()
    return [_view(r, today) for r in rows]


def lunch(session: Session, follow_up_id: int, today: dt.date) -> LunchView:
    found = lunches(session, today, ids=[follow_up_id], include_removed=True)
    if not found:
        raise NotFoundError(f"Lunch {follow_up_id} no longer exists.")
    return found[0]


def add_follow_up(session: Session, values: dict[str, Any]) -> int:
    now = utc_now()
    values = {"ics_uid": f"{uuid.uuid4()}@wombat-desktop", **values}
    new_id = session.execute(insert(FollowUpRow).returning(FollowUpRow.id).values(
        created_at=now, updated_at=now, **values)).scalar_one()
    return int(new_id)


def update_follow_up(session: Session, follow_up_id: int, **values: Any) -> None:
    result = session.execute(update(FollowUpRow).where(FollowUpRow.id == follow_up_id)
                             .values(updated_at=utc_now(), **values))
    if not result.rowcount:  # type: ignore[attr-defined]
        raise NotFoundError(f"Lunch {follow_up_id} no longer exists.")


def delete_follow_up(session: Session, follow_up_id: int) -> None:
    session.execute(delete(FollowUpRow).where(FollowUpRow.id == follow_up_id))


def memory_hook(session: Session) -> str:
    """The user's newest memory hook that is not archived ("" when none)."""
    text = session.execute(
        select(MemoryHookRow.text).where(MemoryHookRow.archived.is_(False))
        .order_by(MemoryHookRow.updated_at.desc(), MemoryHookRow.id.desc()).limit(1)
    ).scalar()
    return str(text or "")


def organization_exists(session: Session, organization_id: int) -> bool:
    return session.execute(select(OrganizationRow.id).where(
        OrganizationRow.id == organization_id)).scalar() is not None


def keep_in_touch_days(session: Session) -> dict[int, int]:
    """contact id -> its own cadence, for the few contacts that have one."""
    stmt = select(ContactRow.id, ContactRow.keep_in_touch_days).where(
        ContactRow.keep_in_touch_days.is_not(None), live())
    return {cid: int(days) for cid, days in session.connection().execute(stmt)}


def set_keep_in_touch_days(session: Session, contact_id: int, days: int | None) -> None:
    session.execute(update(ContactRow).where(ContactRow.id == contact_id)
                    .values(keep_in_touch_days=days, updated_at=utc_now()))
