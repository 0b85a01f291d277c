"""The composition root: resolve paths and the database, migrate, build services and windows."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import Any

from wombat_desktop.core.errors import DatabaseTooNewError, WombatError
from wombat_desktop.paths import APP_NAME, app_paths, database_url
from wombat_desktop.services.registry import Services, build_services
from wombat_desktop.storage.database import Database


def open_services(db_url: str | None) -> tuple[Services, Path]:
    """Open the database the user asked for and build the services; returns the ini path."""
    paths = app_paths().ensure()
    db = Database.open(database_url(db_url, paths), paths.backups)
    return build_services(db), paths.window_settings


def _application() -> object:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from wombat_desktop.resource_files import resource

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setWindowIcon(QIcon(str(resource("icons/wombat.svg"))))
    app.setDesktopFileName("wombat-desktop")
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("WOMBAT")
    app.setApplicationDisplayName(APP_NAME)
    return app


def run_gui(db_url: str | None) -> int:
    """Open the main window on the user's database and run the event loop."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = _application()
    assert isinstance(app, QApplication)
    try:
        services, ini = open_services(db_url)
    except (DatabaseTooNewError, WombatError) as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    window = build_window(services, ini)
    window.show()
    code = app.exec()
    services.db.close()
    return code


def build_window(services: Services, ini: Path) -> Any:
    """The main window, with the contact list read on a worker while the window is built."""
    from wombat_desktop.services.recovery import RecoveryStore
    from wombat_desktop.ui.jobs import JobRunner
    from wombat_desktop.ui.main_window import MainWindow

    jobs = JobRunner()
    jobs.start(services.contacts.list_items, lambda items, error: _loaded(window, items, error))
    window = MainWindow(services, ini, jobs, recovery=RecoveryStore(recovery_file(services.db.url)))
    window.contacts_page.totals_label.setText(window.tr("Loading contacts …"))
    return window


def recovery_file(db_url: str) -> Path:
    """Where unsaved edits wait for the next start: one file per database."""
    digest = hashlib.sha1(db_url.encode("utf-8")).hexdigest()[:12]
    return app_paths().data / f"unsaved-edit-{digest}.json"


def _loaded(window: object, items: object, error: BaseException | None) -> None:
    page = window.contacts_page  # type: ignore[attr-defined]
    page.take_loaded(items, error)
    page.offer_recovery()


def snapshot_pages() -> list[str]:
    """The page names `wombat snapshot` knows (every area the window lists)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from wombat_desktop.ui.page_specs import PAGES

    return [spec.key for spec in PAGES]


def take_snapshot(db_url: str | None, page: str, out: str, size: tuple[int, int]) -> None:
    """Render a page of the app offscreen to a PNG (for the README and for support)."""
    if page not in snapshot_pages():
        raise WombatError(f"Unknown page {page!r}; pages: {', '.join(snapshot_pages())}.")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    # The offscreen platform warns about window hints it cannot honour: not news for a PNG.
    qInstallMessageHandler(lambda _kind, _context, text: None
                           if "propagateSizeHints" in text else sys.stderr.write(text + "\n"))
    from wombat_desktop.ui.main_window import MainWindow

    app = _application()
    assert isinstance(app, QApplication)
    services, _ini = open_services(db_url)
    # A throwaway settings file: a snapshot must not move the user's window state.
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        window = MainWindow(services, Path(tmp) / "window.ini")
        window.resize(*size)
        window.contacts_page.set_all(services.contacts.list_items())
        window.show()
        window.show_page(page)
        for _ in range(3):  # pages load on a worker: let every job finish and paint
            window.jobs.wait(30_000)
            app.processEvents()
        image = window.grab()
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        if not image.save(out, "PNG"):
            raise WombatError(f"Could not write {out}.")
        window.close()
    services.db.close()
