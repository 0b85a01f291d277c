"""The database handle the composition root builds: engine, migrations, units of work."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, make_url
from sqlalchemy.exc import (
    ArgumentError,
    InterfaceError,
    NoSuchModuleError,
    OperationalError,
)
from sqlalchemy.orm import Session

from wombat_desktop.core.errors import WombatError
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
        """Connect and bring the schema up to date (see `migrate`).

        Raises:
            WombatError: the URL is malformed, its driver is missing, the server does not
                answer, or a SQLite file's folder does not exist (never created silently).
        """
        shown = _shown(url)
        file = sqlite_file(url)
        if file is not None and not file.parent.is_dir():
            raise WombatError(f"Cannot open the database {shown}: the folder {file.parent} "
                              "does not exist.")
        try:
            db = cls(url, backups)
        except (ArgumentError, NoSuchModuleError, ModuleNotFoundError) as exc:
            raise WombatError(f"Cannot open the database {shown}: {_reason(exc)}") from exc
        try:
            db.migration = migrate(db.engine, backups)
        except (OperationalError, InterfaceError) as exc:
            db.close()
            raise WombatError(f"Cannot open the database {shown}: {_reason(exc)}") from exc
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


def _shown(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return repr(url)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ModuleNotFoundError):
        return f"its driver is not installed ({exc.name})"
    if isinstance(exc, ArgumentError):
        return "that is not a database URL (e.g. sqlite:////path/to/file.sqlite3 or " \
               "postgresql+psycopg://user@host/db)"
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
