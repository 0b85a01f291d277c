"""Schema migrations at start: create a new database, or back up and upgrade an old one."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from wombat_desktop.core.errors import DatabaseTooNewError
from wombat_desktop.storage.db import sqlite_file
from wombat_desktop.storage.orm import Base

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
KEEP_BACKUPS = 5


@dataclass(frozen=True, slots=True)
class MigrationResult:
    created: bool
    from_revision: str | None
    to_revision: str
    backup: Path | None


def _config() -> Config:
    # Alembic is imported only when a database is created or upgraded: opening an
    # up-to-date database (every start but the first after an update) skips ~0.2 s.
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def known_revisions() -> list[str]:
    """Revision ids of the migration files, oldest first (files are named ``NNNN_*.py``)."""
    return sorted(p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9]*_*.py"))


def head_revision() -> str:
    return known_revisions()[-1]


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in the database, or None for a database without one."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def backup_sqlite(engine: Engine, backups: Path, reason: str) -> Path | None:
    """Copy a SQLite database with ``VACUUM INTO`` (safe under WAL); keep the last few."""
    if sqlite_file(str(engine.url)) is None:
        return None
    backups.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backups / f"wombat-{stamp}-{reason}.sqlite3"
    with engine.connect() as conn:
        conn.exec_driver_sql("VACUUM INTO ?", (str(target),))
    with contextlib.suppress(OSError):
        target.chmod(0o600)
    old = sorted(backups.glob("wombat-*.sqlite3"))
    for stale in old[:-KEEP_BACKUPS]:
        stale.unlink(missing_ok=True)
    return target


def migrate(engine: Engine, backups: Path) -> MigrationResult:
    """Bring the database to the newest schema.

    A new database gets ``create_all`` and is stamped at head. An existing one is backed up
    before any upgrade. A database stamped with a revision this version does not know was
    written by a newer app and is refused.
    """
    head = head_revision()
    current = current_revision(engine)
    if current == head:
        return MigrationResult(False, current, head, None)
    from alembic import command

    cfg = _config()
    has_tables = "contacts" in inspect(engine).get_table_names()
    if current is None and not has_tables:
        Base.metadata.create_all(engine)
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.stamp(cfg, "head")
        _secure(engine)
        return MigrationResult(True, None, head, None)
    if current is not None and current not in known_revisions():
        raise DatabaseTooNewError(
            f"This database was written by a newer version of WOMBAT Desktop "
            f"(schema {current}; this version knows up to {head}). Please update the app; "
            "your data has not been touched."
        )
    backup = backup_sqlite(engine, backups, f"before-{head}")
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return MigrationResult(False, current, head, backup)


def _secure(engine: Engine) -> None:
    file = sqlite_file(str(engine.url))
    if file is not None and file.exists():
        with contextlib.suppress(OSError):
            file.chmod(0o600)


def table_counts(engine: Engine, tables: list[str]) -> dict[str, int]:
    """Row counts per table (used by tests and the stats command)."""
    with engine.connect() as conn:
        return {t: conn.execute(text(f'SELECT COUNT(*) FROM "{t}"')).scalar_one() for t in tables}
