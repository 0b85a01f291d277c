"""The main window: navigation for the areas of the plan, menus, remembered state."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

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
from wombat_desktop.ui.pages.contacts_page import ContactsPage
from wombat_desktop.ui.pages.events_page import EventsPage  # issue 7
from wombat_desktop.ui.pages.followups_page import FollowUpsPage  # issue 6
from wombat_desktop.ui.pages.kits_page import KitsPage  # issue 7
from wombat_desktop.ui.pages.scan_page import ScanPage  # issue 4
from wombat_desktop.ui.widgets.activity_panel import ActivityPanel  # issue 6

STATE_VERSION = 1


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
        self.contacts_page = ContactsPage(services.contacts, self.undo_stack, self.jobs, today,
                                          recovery)
        self.pages: dict[str, QWidget] = {"contacts": self.contacts_page}
        # >>> card scanning (issue 4)
        self.scan_page = ScanPage(services.scanning, self.jobs)
        self.pages["scan"] = self.scan_page
        # <<< card scanning
        # >>> lunches and activity (issue 6)
        self.activity_panel = ActivityPanel(services.interactions, services.referrals,
                                            self.undo_stack, today)
        self.contacts_page.add_detail_panel(self.activity_panel)
        self.followups_page = FollowUpsPage(services.followups, self.undo_stack, self.jobs,
                                            today, lambda: _organizations(services),
                                            lambda: services.interactions.losing_touch(500))
        self.pages["followups"] = self.followups_page
        # <<< lunches and activity
        # >>> events and print kits (issue 7)
        self.events_page = EventsPage(services.events, services.contacts, self.undo_stack,
                                      self.jobs, today)
        self.kits_page = KitsPage(services.kits, self.jobs, today)
        self.pages["events"] = self.events_page
        self.pages["kits"] = self.kits_page
        # <<< events and print kits
        self.duplicates = DuplicatesController(self, services, self.jobs, self.undo_stack)
        self.exporter = ExportController(self, services, self.jobs,
                                         self.contacts_page.selected_ids)
        self.importer = ImportController(self, services, self.jobs)
        self._build_ui()
        # >>> messages, memory hooks and introductions (issue 5, plan part II)
        from wombat_desktop.ui.pages.hooks_page import HooksPage
        from wombat_desktop.ui.pages.messages_page import MessagesPage
        from wombat_desktop.ui.pages.scripts_page import ScriptsPage

        self.messages_page = MessagesPage(services.messages, self.undo_stack, self.jobs, today)
        self.hooks_page = HooksPage(services.messages, self.undo_stack, self.jobs, lambda: [
            (e.id, f"{e.starts_at:%Y-%m-%d} {e.name}" if e.starts_at else e.name)
            for e in services.events.list_events()])
        self.scripts_page = ScriptsPage(services.messages, self.undo_stack, self.jobs)
        part_two = {"messages": self.messages_page, "hooks": self.hooks_page,
                    "scripts": self.scripts_page}
        for key, label, tip in (
            ("messages", "Messages & materials", "Plan II.1–II.8: image, press, the 18-item "
             "checklist, networking tools, incentives"),
            ("hooks", "Memory hooks", "Plan II.9: vivid phrases, their versions and where "
             "you used them"),
            ("scripts", "Introductions", "Plan II.10: 10-, 30- and 60-second "
             "self-introductions; rehearse them"),
        ):
            self.pages[key] = part_two[key]
            item = QListWidgetItem(label, self.nav)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(tip)
            self.stack.addWidget(part_two[key])
            part_two[key].message.connect(self._show_message)
        self.nav.setFixedWidth(max(self.nav.width(), self.nav.sizeHintForColumn(0)
                                   + 2 * self.nav.frameWidth() + 8))  # fit the longer labels
        self.nav.currentRowChanged.connect(  # load a part II page when it is shown
            lambda row: part_two[k].reload() if (k := list(self.pages)[row]) in part_two
            else None)
        # <<< messages, memory hooks and introductions
        # >>> spheres, hub, organisations, strategy matrix, weekly review (issue 5)
        from wombat_desktop.ui.pages.matrix_page import MatrixPage
        from wombat_desktop.ui.pages.organizations_page import OrganizationsPage
        from wombat_desktop.ui.pages.spheres_page import SpheresPage
        from wombat_desktop.ui.pages.weekly_page import WeeklyPage

        self.weekly_page = WeeklyPage(services.weekly, self.jobs)
        self.spheres_page = SpheresPage(services.spheres, services.contacts, self.undo_stack,
                                        self.jobs)
        self.organizations_page = OrganizationsPage(services.organizations, self.undo_stack,
                                                    self.jobs, today)
        self.matrix_page = MatrixPage(services.matrix, self.jobs)
        network = {"weekly": self.weekly_page, "spheres": self.spheres_page,
                   "organizations": self.organizations_page, "matrix": self.matrix_page}
        for key, label, tip in (
            ("weekly", "Weekly review", "Your Monday desk ritual: sphere gaps, stale "
             "materials, scripts to rehearse, meetings missed"),
            ("spheres", "Spheres & hub", "Plan I.3–I.4: contact spheres, their gaps and who "
             "you connected to whom"),
            ("organizations", "Organisations", "Plan I.5 and II.8: your portfolio of "
             "networking groups and your memberships"),
            ("matrix", "Strategy matrix", "Plan 13: where you stand, and the next three steps"),
        ):
            row = 1 if key == "weekly" else self.nav.count()  # weekly right after Contacts
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(tip)
            self.nav.insertItem(row, item)
            self.stack.insertWidget(row, network[key])
            network[key].message.connect(self._show_message)
        others = {k: v for k, v in self.pages.items() if k != "contacts"}
        self.pages = {"contacts": self.contacts_page, "weekly": self.weekly_page, **others,
                      **{k: v for k, v in network.items() if k != "weekly"}}
        self.nav.currentRowChanged.connect(  # load a page of this block when it is shown
            lambda row: network[k].reload() if (k := list(self.pages)[row]) in network
            else None)
        self.weekly_page.openRequested.connect(
            lambda key: self.show_page(key) if key in self.pages else None)
        # <<< spheres, hub, organisations, strategy matrix, weekly review
        self._build_menus()
        self._connect()
        self.restore_state()

    def _build_ui(self) -> None:
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        self.nav = QListWidget(central)
        self.nav.setAccessibleName("Areas")
        self.nav.setFixedWidth(130)
        self.stack = QStackedWidget(central)
        for key, label, tip in (
            ("contacts", "Contacts", "Everyone you know, strong and weak (I.1–I.2)"),
            ("scan", "Scan cards", "Photos and scans of paper business cards become "
             "contacts, offline (I.1)"),  # issue 4
            ("followups", "Lunches", "Plan sections 11–12: invite the people you referred "
             "who never sent business back, and call the people you want to do business "
             "with to set a lunch"),  # issue 6
            ("events", "Events", "Networking events: goals, who to meet, who you met"),  # 7
            ("kits", "Print kits", "Handout, prep pack, call sheet and the whole plan as "
             "print-ready PDFs"),  # issue 7
        ):
            item = QListWidgetItem(label, self.nav)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(tip)
            self.stack.addWidget(self.pages[key])
        self.nav.setCurrentRow(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.totals_status = QLabel(self)
        self.statusBar().addPermanentWidget(self.totals_status)

    def _build_menus(self) -> None:
        page = self.contacts_page
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(page.new_action)
        file_menu.addSeparator()
        file_menu.addAction(self.importer.import_action)
        file_menu.addAction(self.importer.history_action)
        file_menu.addAction(self.exporter.export_action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        edit = self.menuBar().addMenu("&Edit")
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        edit.addAction(page.find_action)
        edit.addAction(page.delete_action)
        contacts = self.menuBar().addMenu("&Contacts")
        for act in (page.strong_action, page.weak_action, page.auto_action):
            contacts.addAction(act)
        contacts.addSeparator()
        contacts.addAction(self.duplicates.find_action)
        # >>> lunches menu (issue 6)
        lunches = self.menuBar().addMenu("&Lunches")
        lunches.addAction(self.followups_page.plan_action)
        lunches.addAction(self.followups_page.visit_action)
        lunches.addSeparator()
        lunches.addAction(self.followups_page.planner.export_one_action)
        lunches.addAction(self.followups_page.planner.export_all_action)
        lunches.addSeparator()
        lunches.addAction(self.followups_page.reload_action)
        # <<< lunches menu
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About WOMBAT Desktop", self)
        about.triggered.connect(self._on_about_triggered)
        help_menu.addAction(about)

    def _connect(self) -> None:
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.contacts_page.totalsChanged.connect(self._on_totals_changed)
        for source in (self.contacts_page, self.duplicates, self.exporter, self.importer):
            source.message.connect(self._show_message)
        self.duplicates.contactsChanged.connect(self.contacts_page.refresh_ids)
        self.importer.contactsChanged.connect(self.contacts_page.reload)
        self.importer.reviewRequested.connect(self.duplicates.review)
        self.importer.install_drop(self)
        # >>> lunches and activity (issue 6)
        self.activity_panel.follow(self.contacts_page)
        self.followups_page.contactsChanged.connect(self.contacts_page.refresh_ids)
        self.followups_page.contactsChanged.connect(
            lambda _ids: self.activity_panel.set_contact(self.contacts_page.current_id()))
        self.activity_panel.contactsChanged.connect(self._on_activity_changed)
        for source in (self.activity_panel, self.followups_page):
            source.message.connect(self._show_message)
        self.nav.currentRowChanged.connect(self._on_nav_row_changed)
        # <<< lunches and activity
        # >>> events and print kits (issue 7)
        for source in (self.events_page, self.kits_page):
            source.message.connect(self._show_message)
        self.events_page.contactsChanged.connect(self.contacts_page.refresh_ids)
        self.nav.currentRowChanged.connect(self._on_nav_row_changed_events)
        # <<< events and print kits
        # >>> card scanning (issue 4)
        self.scan_page.message.connect(self._show_message)
        self.scan_page.contactsChanged.connect(lambda _ids: self.contacts_page.reload())
        # <<< card scanning

    def _on_nav_row_changed_events(self, row: int) -> None:  # issue 7: load when shown
        key = list(self.pages)[row]
        if key == "events":
            self.events_page.reload()
        elif key == "kits":
            self.kits_page.reload()

    def _on_nav_row_changed(self, row: int) -> None:  # issue 6: load lunches when shown
        if list(self.pages)[row] == "followups":
            self.followups_page.reload()

    def _on_activity_changed(self, _ids: list[int]) -> None:  # issue 6
        if self.followups_page.isVisible():
            self.followups_page.reload()

    def show_page(self, key: str) -> None:
        keys = list(self.pages)
        self.nav.setCurrentRow(keys.index(key))

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
        self.totals_status.setText(
            f"Strong contacts: {totals.strong:,}   Weak contacts: {totals.weak:,}   "
            f"(of {totals.contacts:,})"
        )

    def _on_about_triggered(self) -> None:
        prompts.info(
            self, "About WOMBAT Desktop",
            f"WOMBAT Desktop {__version__}\n\nWord-Of-Mouth Business Acquisition Tactics: "
            "build a strong, diverse network and deliver positive messages efficiently.\n\n"
            f"Database: {self._services.db.url}",
        )


def _organizations(services: Services) -> list[tuple[int, str]]:  # issue 6
    """Organisations to invite people to visit: those the ledger knows.

    The services have no list of the user's organisations yet; referrals made through one
    are the best source there is.
    """
    return [(b.key_id, b.name) for b in services.referrals.organization_balances()]
