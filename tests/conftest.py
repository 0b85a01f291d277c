"""Shared fixtures: offscreen Qt, a real SQLite file per test, services built on it."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from wombat_desktop.services.registry import Services, build_services
from wombat_desktop.storage.database import Database

TODAY = dt.date(2026, 11, 22)
FIXTURES = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures" / "contacts"


@pytest.fixture
def today() -> dt.date:
    return TODAY


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(f"sqlite:///{tmp_path / 'wombat.sqlite3'}", tmp_path / "backups")
    yield database
    database.close()


@pytest.fixture
def services(db: Database) -> Services:
    return build_services(db, today=lambda: TODAY)


@pytest.fixture
def shot(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Save ``widget.grab()`` to $WOMBAT_SCREENSHOT_DIR (when set) for a person to look at."""
    folder = os.environ.get("WOMBAT_SCREENSHOT_DIR")

    def take(widget, name: str = "") -> Path | None:  # type: ignore[no-untyped-def]
        if not folder:
            return None
        path = Path(folder) / f"{request.node.name}{'-' + name if name else ''}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(path))
        return path

    return take
