"""The main window: navigation for the areas of the plan, menus, remembered state.

The Contacts page is built at once; every other page (see `page_specs.PAGES`) is built the
first time it is shown, so start-up pays for one page only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from wombat_desktop import __version__
from wombat_desktop.core.views import TieTotals
from wombat_desktop.services.recovery import RecoveryStore
from wombat_desktop.services.registry import Services
from wombat_desktop.ui import prompts
from wombat_desktop.ui.duplicates_controller import DuplicatesController
from wombat_desktop.ui.export_controller import ExportController
from wombat_desktop.ui.import_controller import ImportController
from wombat_desktop.ui.jobs import JobRunner
from wombat_desktop.ui.page_specs import PAGES, PageContext
from wombat_desktop.ui.pages.contacts_page import ContactsPage
from wombat_desktop.ui.widgets.activity_panel import ActivityPanel

STATE_VERSION = 1


class _Pages(Mapping[str, QWidget]):
    """key -> page, in navigation order; looking a page up builds it when needed."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def __getitem__(self, key: str) -> QWidget:
        return self._window.page(key)

    def __iter__(self) -> Iterator[str]:
        return (spec.key for spec in PAGES)

    def __len__(self) -> int:
        return len(PAGES)

    def __contains__(self, key: object) -> bool:  # without building the page
        return any(spec.key == key for spec in PAGES)


class MainWindow(QMainWindow):
    """Holds one page per working area of the plan; only areas that work are listed."""

    def __init__(self, services: Services, settings_file: Path, jobs: JobRunner | None = None,
                 today: Callable[[], dt.date] = dt.date.today,
                 recovery: RecoveryStore | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("WOMBAT Desktop")
        self._services = services
        self._settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
        self.jobs = jobs or JobRunner()
        self.undo_stack = QUndoStack(self)
        self._context = PageContext(services, self.undo_stack, self.jobs, today)
        self.contacts_page = ContactsPage(services.contacts, self.undo_stack, self.jobs, today,
                                          recovery)
        self.activity_panel = ActivityPanel(services.interactions, services.referrals,
                                            self.undo_stack, today)
        self.contacts_page.add_detail_panel(self.activity_panel)
        self._built: dict[str, QWidget] = {"contacts": self.contacts_page}
        self.pages = _Pages(self)
        self.duplicates = DuplicatesController(self, services, self.jobs, self.undo_stack)
        self.exporter = ExportController(self, services, self.jobs,
                                         self.contacts_page.selected_ids)
        self.importer = ImportController(self, services, self.jobs)
        self._build_ui()
        self._build_menus()
        self._connect()
        self.restore_state()

    # --- pages ----------------------------------------------------------------------

    def _build_ui(self) -> None:
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        self.nav = QListWidget(central)
        self.nav.setAccessibleName(self.tr("Areas"))
        self.stack = QStackedWidget(central)
        for spec in PAGES:
            item = QListWidgetItem(self.tr(spec.label), self.nav)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setToolTip(self.tr(spec.tip))
            self.stack.addWidget(self._built.get(spec.key) or QWidget(self.stack))
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 16)
        self.nav.setCurrentRow(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.totals_status = QLabel(self)
        self.statusBar().addPermanentWidget(self.totals_status)

    def page(self, key: str) -> QWidget:
        """The page for ``key``, built (and wired) on first use."""
        if key in self._built:
            return self._built[key]
        index = [spec.key for spec in PAGES].index(key)
        spec = PAGES[index]
        assert spec.build is not None
        widget = spec.build(self._context)
        self._built[key] = widget
        placeholder = self.stack.widget(index)
        current = self.stack.currentWidget()
        self.stack.insertWidget(index, widget)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.stack.setCurrentWidget(widget if current is placeholder else current)
        self._wire(key, widget)
        return widget

    def _wire(self, key: str, widget: Any) -> None:
        """Connect a freshly built page to the window and to the Contacts page."""
        if hasattr(widget, "message"):
            widget.message.connect(self._show_message)
        contacts = self.contacts_page
        if key == "scan":
            widget.contactsChanged.connect(lambda _ids: contacts.reload())
        elif key == "followups":
            widget.contactsChanged.connect(contacts.refresh_ids)
            widget.contactsChanged.connect(
                lambda _ids: self.activity_panel.set_contact(contacts.current_id()))
        elif key == "events":
            widget.contactsChanged.connect(contacts.refresh_ids)
        elif key == "weekly":
            widget.openRequested.connect(
                lambda target: self.show_page(target) if target in self.pages else None)

    def __getattr__(self, name: str) -> Any:
        # `window.kits_page` and friends: the page of that key, built on demand.
        if name.endswith("_page") and name[:-5] in {spec.key for spec in PAGES}:
            return self.page(name[:-5])
        raise AttributeError(name)

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(list(self.pages).index(key))

    def _on_nav_row_changed(self, row: int) -> None:
        if row < 0:
            return
        key = PAGES[row].key
        fresh = key not in self._built
        widget = self.page(key)
        self.stack.setCurrentIndex(row)
        if key != "contacts" and hasattr(widget, "reload") and (fresh or widget.isVisible()):
            widget.reload()

    # --- menus ----------------------------------------------------------------------

    def _build_menus(self) -> None:
        page = self.contacts_page
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(page.new_action)
        file_menu.addSeparator()
        file_menu.addAction(self.importer.import_action)
        file_menu.addAction(self.importer.history_action)
        file_menu.addAction(self.exporter.export_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        edit.addAction(page.find_action)
        edit.addAction(page.delete_action)
        contacts = self.menuBar().addMenu(self.tr("&Contacts"))
        for act in (page.strong_action, page.weak_action, page.auto_action):
            contacts.addAction(act)
        contacts.addSeparator()
        contacts.addAction(self.duplicates.find_action)
        self.lunches_menu = self.menuBar().addMenu(self.tr("&Lunches"))
        self.lunches_menu.aboutToShow.connect(self._fill_lunches_menu)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About WOMBAT Desktop"), self)
        about.triggered.connect(self._on_about_triggered)
        help_menu.addAction(about)

    def _fill_lunches_menu(self) -> None:
        """The Lunches menu holds the Lunches page's actions: build it when first opened."""
        if self.lunches_menu.actions():
            return
        lunches = self.page("followups")
        menu = self.lunches_menu
        menu.addAction(lunches.plan_action)
        menu.addAction(lunches.visit_action)
        menu.addSeparator()
        menu.addAction(lunches.planner.export_one_action)
        menu.addAction(lunches.planner.export_all_action)
        menu.addSeparator()
        menu.addAction(lunches.reload_action)

    def _connect(self) -> None:
        self.nav.currentRowChanged.connect(self._on_nav_row_changed)
        self.contacts_page.totalsChanged.connect(self._on_totals_changed)
        for source in (self.contacts_page, self.duplicates, self.exporter, self.importer,
                       self.activity_panel):
            source.message.connect(self._show_message)
        self.duplicates.contactsChanged.connect(self.contacts_page.refresh_ids)
        self.importer.contactsChanged.connect(self.contacts_page.reload)
        self.importer.reviewRequested.connect(self.duplicates.review)
        self.importer.install_drop(self)
        self.activity_panel.follow(self.contacts_page)
        self.activity_panel.contactsChanged.connect(self._on_activity_changed)

    def _on_activity_changed(self, _ids: list[int]) -> None:
        lunches = self._built.get("followups")
        if lunches is not None and lunches.isVisible():
            lunches.reload()  # type: ignore[attr-defined]

    # --- state ----------------------------------------------------------------------

    def restore_state(self) -> None:
        s = self._settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = s.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state, STATE_VERSION)
        splitter = s.value("contacts/splitter")
        if isinstance(splitter, QByteArray):
            self.contacts_page.splitter.restoreState(splitter)
        header = s.value("contacts/header")
        if isinstance(header, QByteArray):
            self.contacts_page.table.horizontalHeader().restoreState(header)
        page = s.value("window/page")
        if isinstance(page, str) and page in self.pages:
            self.show_page(page)

    def save_state(self) -> None:
        s = self._settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState(STATE_VERSION))
        s.setValue("contacts/splitter", self.contacts_page.splitter.saveState())
        s.setValue("contacts/header", self.contacts_page.table.horizontalHeader().saveState())
        item = self.nav.currentItem()
        if item is not None:
            s.setValue("window/page", item.data(Qt.ItemDataRole.UserRole))
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.contacts_page.form.dirty and not self.contacts_page.save_form():
            event.ignore()
            return
        self.save_state()
        self.importer.cancel_running()
        self.jobs.wait(10_000)
        super().closeEvent(event)

    # --- slots ----------------------------------------------------------------------

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _on_totals_changed(self, totals: TieTotals) -> None:
        self.totals_status.setText(self.tr(
            "Strong contacts: {strong}   Weak contacts: {weak}   (of {n})").format(
            strong=f"{totals.strong:,}", weak=f"{totals.weak:,}", n=f"{totals.contacts:,}"))

    def _on_about_triggered(self) -> None:
        prompts.info(
            self, self.tr("About WOMBAT Desktop"),
            self.tr("WOMBAT Desktop {version}\n\nWord-Of-Mouth Business Acquisition Tactics: "
                    "build a strong, diverse network and deliver positive messages "
                    "efficiently.\n\nDatabase: {url}").format(
                version=__version__, url=self._services.db.url),
        )
