"""Domain preferences kept in the database as JSON (window state stays in QSettings)."""

from __future__ import annotations

import json
from typing import Any

from wombat_desktop.storage import settings_store
from wombat_desktop.storage.database import Database


class SettingsService:
    """Small JSON values by key: last import folder, saved CSV mappings …"""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get_json(self, key: str, default: Any = None) -> Any:
        """The value stored under ``key``; ``default`` when missing or unreadable."""
        with self._db.unit_of_work() as uow:
            text = settings_store.get(uow.session, key)
        if text is None or text == "":
            return default
        try:
            return json.loads(text)
        except ValueError:  # a hand-edited or truncated value must not break the app
            return default

    def set_json(self, key: str, value: Any) -> None:
        """Store any JSON-able ``value`` under ``key``, replacing what was there."""
        text = json.dumps(value, ensure_ascii=False)
        with self._db.unit_of_work() as uow:
            settings_store.put(uow.session, key, text)
            uow.commit()

    def remove(self, key: str) -> None:
        """Forget ``key`` (nothing happens when it is not set)."""
        with self._db.unit_of_work() as uow:
            settings_store.remove(uow.session, key)
            uow.commit()
