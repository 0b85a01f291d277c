"""Messages & materials (WOMBAT II.1–II.8): image and press, the checklist and tools, and
incentives. Everything is read in one job when the page is shown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.core.errors import WombatError
from wombat_desktop.core.message_views import (
    PRESS_STATUSES,
    ChecklistView,
    ClippingView,
    IncentiveTargetView,
    MembershipView,
    PressTopicView,
    ProfileView,
)
from wombat_desktop.services.messages import MessageService
from wombat_desktop.ui import prompts
from wombat_desktop.ui.jobs import JobRunner
from wombat_desktop.ui.widgets.checklist_view import ChecklistWidget
from wombat_desktop.ui.widgets.clippings_panel import ClippingsPanel
from wombat_desktop.ui.widgets.incentives_panel import IncentivesPanel


@dataclass(frozen=True, slots=True)
class MessagesSnapshot:
    """Everything the page shows, read in one job."""

    profile: ProfileView
    press: tuple[PressTopicView, ...]
    clippings: list[ClippingView]
    checklist: ChecklistView
    incentives: list[IncentiveTargetView]
    memberships: list[MembershipView]


class MessagesPage(QWidget):
    """The positive messages you send out and the material you hand over."""

    loaded = Signal()
    message = Signal(str)

    def __init__(self, service: MessageService, undo_stack: QUndoStack, jobs: JobRunner,
                 today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service, self._undo, self._jobs, self._today = service, undo_stack, jobs, today
        self._build_ui()
        self._connect()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Messages and materials"))
        self.tabs.addTab(self._build_image_tab(), self.tr("&Image && press"))
        self.checklist = ChecklistWidget(self._service, self.tabs)
        self.tabs.addTab(self.checklist, self.tr("&Materials checklist && tools"))
        self.incentives = IncentivesPanel(self._service, self._undo, self.tabs)
        self.tabs.addTab(self.incentives, self.tr("Ince&ntives"))
        layout.addWidget(self.tabs)

    def _build_image_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        image = QGroupBox(self.tr("The image you want to build (II.1)"), tab)
        image_row = QHBoxLayout(image)
        self.image_edit = QPlainTextEdit(image)
        self.image_edit.setAccessibleName(self.tr("Image statement"))
        self.image_edit.setPlaceholderText(self.tr(
            "How should people describe you and your business when you are not in the room?"))
        self.image_edit.setTabChangesFocus(True)
        self.image_edit.setMaximumHeight(90)
        self.image_save_button = QPushButton(self.tr("&Save image"), image)
        image_row.addWidget(self.image_edit, 1)
        image_row.addWidget(self.image_save_button)
        layout.addWidget(image)

        press = QGroupBox(self.tr("Four press releases or articles to publish (II.2)"), tab)
        grid = QGridLayout(press)
        grid.addWidget(QLabel(self.tr("Topic"), press), 0, 1)
        grid.addWidget(QLabel(self.tr("Outlet"), press), 0, 2)
        grid.addWidget(QLabel(self.tr("Status"), press), 0, 3)
        self.topic_edits: list[QLineEdit] = []
        self.outlet_edits: list[QLineEdit] = []
        self.status_combos: list[QComboBox] = []
        for n in range(4):
            topic, outlet, status = QLineEdit(press), QLineEdit(press), QComboBox(press)
            topic.setAccessibleName(self.tr("Press topic {n}").format(n=n + 1))
            outlet.setAccessibleName(self.tr("Outlet for topic {n}").format(n=n + 1))
            status.setAccessibleName(self.tr("Status of topic {n}").format(n=n + 1))
            for s in PRESS_STATUSES:
                status.addItem(self.tr(s), s)
            grid.addWidget(QLabel(f"{n + 1}.", press), n + 1, 0)
            grid.addWidget(topic, n + 1, 1)
            grid.addWidget(outlet, n + 1, 2)
            grid.addWidget(status, n + 1, 3)
            self.topic_edits.append(topic)
            self.outlet_edits.append(outlet)
            self.status_combos.append(status)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        self.press_save_button = QPushButton(self.tr("Save &topics"), press)
        grid.addWidget(self.press_save_button, 5, 3)
        layout.addWidget(press)

        clips = QGroupBox(self.tr("Press coverage you hold (II.3)"), tab)
        clips_layout = QVBoxLayout(clips)
        self.clippings = ClippingsPanel(self._service, self._undo, self._today, clips)
        clips_layout.addWidget(self.clippings)
        layout.addWidget(clips, 1)
        return tab

    def _connect(self) -> None:
        self.image_save_button.clicked.connect(self._on_image_save_button_clicked)
        self.press_save_button.clicked.connect(self._on_press_save_button_clicked)
        for panel in (self.checklist, self.clippings, self.incentives):
            panel.changed.connect(self.reload)
            panel.message.connect(self.message)

    # --- loading --------------------------------------------------------------------

    def reload(self) -> None:
        """Read every section off the UI thread."""
        s = self._service

        def work() -> MessagesSnapshot:
            return MessagesSnapshot(s.profile(), s.press_topics(), s.clippings(), s.checklist(),
                                    s.incentives(), s.memberships())

        self._jobs.start(work, self.take_loaded)

    def take_loaded(self, snap: MessagesSnapshot | None, error: BaseException | None) -> None:
        if error is not None or snap is None:
            prompts.error(self, self.tr("Could not load messages and materials"), str(error))
            return
        if self.image_edit.toPlainText() != snap.profile.image_statement:
            self.image_edit.setPlainText(snap.profile.image_statement)
        for p in snap.press:
            i = p.slot - 1
            self.topic_edits[i].setText(p.topic)
            self.outlet_edits[i].setText(p.outlet)
            self.status_combos[i].setCurrentIndex(max(0, self.status_combos[i].findData(
                p.status)))
        self.clippings.set_clippings(snap.clippings)
        self.checklist.set_checklist(snap.checklist)
        self.incentives.set_incentives(snap.incentives, snap.memberships)
        self.tabs.setTabText(1, self.tr("&Materials checklist && tools ({n}/18)").format(
            n=snap.checklist.have))
        self.loaded.emit()

    # --- slots ----------------------------------------------------------------------

    def _on_image_save_button_clicked(self) -> None:
        try:
            self._service.set_image_statement(self.image_edit.toPlainText())
        except WombatError as exc:
            prompts.error(self, self.tr("Cannot save the image statement"), str(exc))
            return
        self.message.emit(self.tr("Saved the image you want to build."))

    def _on_press_save_button_clicked(self) -> None:
        try:
            for i in range(4):
                self._service.set_press_topic(i + 1, self.topic_edits[i].text(),
                                              self.outlet_edits[i].text(),
                                              self.status_combos[i].currentData())
        except WombatError as exc:
            prompts.error(self, self.tr("Cannot save the press topics"), str(exc))
            return
        self.message.emit(self.tr("Saved the press topics."))
        self.reload()
