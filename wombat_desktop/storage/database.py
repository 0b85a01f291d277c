"""The database handle the composition root builds: engine, migrations, units of work."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from wombat_desktop.storage.db import make_engine, make_session_factory, sqlite_file
from wombat_desktop.storage.migrate import MigrationResult, backup_sqlite, migrate


class UnitOfWork:
    """One transaction: ``commit()`` keeps the work, leaving the block without it rolls back."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._committed = False

    def commit(self) -> None:
        self.session.commit()
        self._committed = True

    def rollback(self) -> None:
        self.session.rollback()


class Database:
    """An open, migrated database."""

    def __init__(self, url: str, backups: Path) -> None:
        self.url = url
        self.backups = backups
        self.engine: Engine = make_engine(url)
        self._sessions = make_session_factory(self.engine)
        self.migration: MigrationResult | None = None

    @classmethod
    def open(cls, url: str, backups: Path) -> Database:
        """Connect and bring the schema up to date (see `migrate`)."""
        db = cls(url, backups)
        try:
            db.migration = migrate(db.engine, backups)
        except Exception:
            db.close()
            raise
        return db

    @contextmanager
    def unit_of_work(self) -> Iterator[UnitOfWork]:
        session = self._sessions()
        uow = UnitOfWork(session)
        try:
            yield uow
        finally:
            if not uow._committed:
                session.rollback()
            session.close()

    def backup(self, reason: str) -> Path | None:
        """A `VACUUM INTO` copy of a SQLite database (None for other databases)."""
        return backup_sqlite(self.engine, self.backups, reason)

    @property
    def file(self) -> Path | None:
        return sqlite_file(self.url)

    def close(self) -> None:
        self.engine.dispose()
