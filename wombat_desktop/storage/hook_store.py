"""Memory hooks (versions through ``parent_id``, tags, uses at events) and intro scripts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from wombat_desktop.core.errors import NotFoundError
from wombat_desktop.core.message_views import HookUse, HookVersion, MemoryHookView
from wombat_desktop.storage.orm import (
    EventRow,
    IntroScriptRow,
    MemoryHookRow,
    MemoryHookUseRow,
)
from wombat_desktop.storage.orm_base import utc_now


def split_tags(tags: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.strip() for t in tags.split(",") if t.strip()))


def hook_row(session: Session, hook_id: int) -> MemoryHookRow:
    row = session.get(MemoryHookRow, hook_id)
    if row is None:
        raise NotFoundError(f"Memory hook {hook_id} no longer exists.")
    return row


def hooks(session: Session) -> list[MemoryHookView]:
    """Current versions (no newer version exists), each with its history and uses."""
    rows = {r.id: r for r in session.execute(select(MemoryHookRow)).scalars()}
    parents = {r.parent_id for r in rows.values() if r.parent_id is not None}
    uses: dict[int, list[HookUse]] = {}
    for hook_id, eid, name, starts in session.execute(
            select(MemoryHookUseRow.hook_id, EventRow.id, EventRow.name, EventRow.starts_at)
            .join(EventRow, EventRow.id == MemoryHookUseRow.event_id)):
        uses.setdefault(hook_id, []).append(HookUse(eid, name, starts))
    out = []
    for row in rows.values():
        if row.id in parents:
            continue
        chain, seen = [], {row.id}
        parent = rows.get(row.parent_id) if row.parent_id is not None else None
        while parent is not None and parent.id not in seen:
            seen.add(parent.id)
            chain.append(HookVersion(parent.id, parent.version, parent.text, parent.created_at))
            parent = rows.get(parent.parent_id) if parent.parent_id is not None else None
        used = sorted((u for hid in seen for u in uses.get(hid, [])),
                      key=lambda u: u.starts_at or dt.datetime.min, reverse=True)
        out.append(MemoryHookView(row.id, row.text, row.version, split_tags(row.tags),
                                  row.archived, tuple(used), tuple(chain)))
    out.sort(key=lambda h: (h.archived, h.id))
    return out


def chain_ids(session: Session, hook_id: int) -> list[int]:
    """The hook and every earlier version of it."""
    ids, row = [], hook_row(session, hook_id)
    while row is not None and row.id not in ids:
        ids.append(row.id)
        row = session.get(MemoryHookRow, row.parent_id) if row.parent_id is not None else None
    return ids


def create_hook(session: Session, text: str, tags: str, parent: MemoryHookRow | None = None
                ) -> int:
    return int(session.execute(insert(MemoryHookRow).values(
        text=text, tags=tags, archived=False, version=1 if parent is None else parent.version + 1,
        parent_id=None if parent is None else parent.id, created_at=utc_now(), updated_at=utc_now())
        .returning(MemoryHookRow.id)).scalar_one())


def update_hook(session: Session, hook_id: int, values: dict[str, Any]) -> None:
    hook_row(session, hook_id)
    session.execute(update(MemoryHookRow).where(MemoryHookRow.id == hook_id)
                    .values(updated_at=utc_now(), **values))


def delete_chain(session: Session, hook_id: int) -> None:
    ids = chain_ids(session, hook_id)
    session.execute(delete(MemoryHookUseRow).where(MemoryHookUseRow.hook_id.in_(ids)))
    session.execute(update(EventRow).where(EventRow.memory_hook_id.in_(ids))
                    .values(memory_hook_id=None))
    session.execute(update(IntroScriptRow).where(IntroScriptRow.memory_hook_id.in_(ids))
                    .values(memory_hook_id=None))
    session.execute(update(MemoryHookRow).where(MemoryHookRow.parent_id.in_(ids))
                    .values(parent_id=None))
    session.execute(delete(MemoryHookRow).where(MemoryHookRow.id.in_(ids)))


def record_use(session: Session, hook_id: int, event_id: int, used: bool) -> None:
    hook_row(session, hook_id)
    if session.get(EventRow, event_id) is None:
        raise NotFoundError(f"Event {event_id} no longer exists.")
    session.execute(delete(MemoryHookUseRow).where(MemoryHookUseRow.hook_id == hook_id,
                                                   MemoryHookUseRow.event_id == event_id))
    if used:
        session.execute(insert(MemoryHookUseRow).values(hook_id=hook_id, event_id=event_id))


# --- intro scripts --------------------------------------------------------------------------


def scripts(session: Session) -> list[tuple[IntroScriptRow, str]]:
    """Every script with its memory hook's text ("" without one), shortest first."""
    texts = dict(session.execute(select(MemoryHookRow.id, MemoryHookRow.text)).all())
    rows = session.execute(select(IntroScriptRow).order_by(IntroScriptRow.seconds,
                                                           IntroScriptRow.id)).scalars()
    return [(r, texts.get(r.memory_hook_id, "") if r.memory_hook_id else "") for r in rows]


def script_row(session: Session, script_id: int) -> IntroScriptRow:
    row = session.get(IntroScriptRow, script_id)
    if row is None:
        raise NotFoundError(f"Introduction script {script_id} no longer exists.")
    return row


def save_script(session: Session, script_id: int | None, values: dict[str, Any]) -> int:
    if script_id is None:
        return int(session.execute(insert(IntroScriptRow).values(
            created_at=utc_now(), updated_at=utc_now(), **values).returning(IntroScriptRow.id))
            .scalar_one())
    script_row(session, script_id)
    session.execute(update(IntroScriptRow).where(IntroScriptRow.id == script_id)
                    .values(updated_at=utc_now(), **values))
    return script_id


def delete_script(session: Session, script_id: int) -> None:
    script_row(session, script_id)
    session.execute(update(EventRow).where(EventRow.intro_script_id == script_id)
                    .values(intro_script_id=None))
    session.execute(delete(IntroScriptRow).where(IntroScriptRow.id == script_id))


def rehearsed(session: Session, script_id: int, at: dt.datetime) -> None:
    script_row(session, script_id)
    session.execute(update(IntroScriptRow).where(IntroScriptRow.id == script_id)
                    .values(last_rehearsed_at=at))
