"""Domain preferences as key/value text in the ``settings`` table (portable SQL)."""

from __future__ import annotations

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from wombat_desktop.storage.orm import SettingRow


def get(session: Session, key: str) -> str | None:
    """The stored text for ``key``, or None when it was never set."""
    return session.execute(
        select(SettingRow.value).where(SettingRow.key == key)
    ).scalar_one_or_none()


def put(session: Session, key: str, value: str) -> None:
    """Store ``value`` under ``key``: update the row, else insert it (no dialect upsert)."""
    changed = session.execute(
        update(SettingRow).where(SettingRow.key == key).values(value=value)
    ).rowcount
    if not changed:
        session.execute(insert(SettingRow).values(key=key, value=value))


def remove(session: Session, key: str) -> None:
    session.execute(delete(SettingRow).where(SettingRow.key == key))
