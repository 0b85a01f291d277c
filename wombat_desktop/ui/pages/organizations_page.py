"""Networking organisations (I.5) and memberships (II.8): the portfolio with kinds joined
twice and kinds missing, what each returned, and the positions that raise visibility."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.core.errors import WombatError
from wombat_desktop.core.message_views import MembershipView
from wombat_desktop.core.portfolio import OrganizationView, PortfolioView, kind_label
from wombat_desktop.services.organizations import OrganizationService
from wombat_desktop.ui import prompts
from wombat_desktop.ui.dialogs.organization_dialog import JoinDialog, OrganizationDialog
from wombat_desktop.ui.jobs import JobRunner
from wombat_desktop.ui.models.lunch_table import ViewTableModel
from wombat_desktop.ui.models.network_tables import MembershipTableModel, OrganizationTableModel
from wombat_desktop.ui.network_commands import DeleteOrganizationCommand, MembershipCommand


@dataclass(frozen=True, slots=True)
class PortfolioSnapshot:
    portfolio: PortfolioView
    memberships: list[MembershipView]


def _table(parent: QWidget, model: ViewTableModel, name: str,  # type: ignore[type-arg]
           widths: tuple[int, ...]) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    for col, width in enumerate(widths):
        table.horizontalHeader().resizeSection(col, width)
    return table


class OrganizationsPage(QWidget):
    """The portfolio summary over a table of organisations, and a memberships tab."""

    loaded = Signal()
    message = Signal(str)

    def __init__(self, service: OrganizationService, undo_stack: QUndoStack, jobs: JobRunner,
                 today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._undo = undo_stack
        self._jobs = jobs
        self._today = today
        self.snapshot: PortfolioSnapshot | None = None
        self.dialog: OrganizationDialog | None = None
        self.join_dialog: JoinDialog | None = None
        self.org_model = OrganizationTableModel(self)
        self.membership_model = MembershipTableModel(self)
        self._build_ui()
        self._connect()
        self._update_buttons()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAccessibleName(self.tr("Portfolio summary"))
        # Many organisations give many advice lines: scroll them rather than squeeze the table.
        self.summary_area = QScrollArea(self)
        self.summary_area.setWidget(self.summary)
        self.summary_area.setWidgetResizable(True)
        self.summary_area.setFrameShape(QFrame.Shape.NoFrame)
        self.summary_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.summary_area.setMaximumHeight(7 * self.fontMetrics().lineSpacing() + 4)
        self.summary_area.setSizePolicy(QSizePolicy.Policy.Preferred,
                                        QSizePolicy.Policy.Maximum)
        layout.addWidget(self.summary_area)
        self.tabs = QTabWidget(self)
        self.org_table = _table(self, self.org_model, self.tr("Organisations"),
                                (210, 180, 90, 140, 80, 75, 60))
        self.membership_table = _table(self, self.membership_model, self.tr("Memberships"),
                                       (230, 200, 120, 85))
        self.tabs.addTab(self.org_table, self.tr("&Portfolio"))
        self.tabs.addTab(self.membership_table, self.tr("&Memberships and visibility"))
        layout.addWidget(self.tabs, 1)
        bar = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New…"), self)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.setToolTip(self.tr("Delete the organisation (undo with Ctrl+Z)"))
        self.join_button = QPushButton(self.tr("&Join / membership…"), self)
        self.leave_button = QPushButton(self.tr("&Leave"), self)
        self.leave_button.setToolTip(self.tr("End your membership (undo with Ctrl+Z)"))
        self.attend_button = QPushButton(self.tr("I went &today"), self)
        self.attend_button.setToolTip(self.tr("Record that you attended a meeting today"))
        for b in (self.new_button, self.edit_button, self.delete_button, self.join_button,
                  self.leave_button, self.attend_button):
            bar.addWidget(b)
        bar.addStretch(1)
        layout.addLayout(bar)

    def _connect(self) -> None:
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.join_button.clicked.connect(self._on_join_button_clicked)
        self.leave_button.clicked.connect(self._on_leave_button_clicked)
        self.attend_button.clicked.connect(self._on_attend_button_clicked)
        self.org_table.doubleClicked.connect(lambda _i: self._on_edit_button_clicked())
        self.org_table.selectionModel().selectionChanged.connect(
            lambda *_a: self._update_buttons())
        self.membership_table.doubleClicked.connect(self._on_membership_table_double_clicked)
        self.tabs.currentChanged.connect(lambda _i: self._update_buttons())

    # --- loading ----------------------------------------------------------------------

    def reload(self) -> None:
        """Read the portfolio and memberships on the job runner."""
        s = self._service
        self._jobs.start(lambda: PortfolioSnapshot(s.portfolio(), s.memberships()),
                         self._on_loaded)

    def _on_loaded(self, snap: PortfolioSnapshot | None, error: BaseException | None) -> None:
        if error is not None or snap is None:
            prompts.error(self, self.tr("Organisations"), str(error))
            return
        keep = self.current_org()
        self.snapshot = snap
        self.org_model.set_items(snap.portfolio.organizations)
        self.membership_model.set_items(snap.memberships)
        if keep is not None:
            self.select_org(keep.id)
        self.summary.setText(self._summary(snap.portfolio))
        self.tabs.setTabText(1, self.tr("&Memberships and visibility ({n})").format(
            n=len(snap.memberships)))
        self._update_buttons()
        self.loaded.emit()

    def _summary(self, p: PortfolioView) -> str:
        joined = ", ".join(f"{kind_label(k)}{' ×' + str(n) if n > 1 else ''}"
                           for k, n in p.kinds_joined) or self.tr("none yet")
        lines = [self.tr("<b>Diversity {d:.0f} / 100</b> · {n} joined · dues ${dues:,.0f} a "
                         "year · {hours:,.0f} hours a year").format(
            d=p.diversity, n=len(p.joined), dues=p.dues_per_year, hours=p.hours_per_year),
            self.tr("Kinds you are in: {kinds}").format(kinds=joined)]
        if p.kinds_twice:
            lines.append(self.tr("⚠ Joined twice: {kinds}").format(
                kinds="; ".join(kind_label(k) for k in p.kinds_twice)))
        if p.kinds_missing:
            lines.append(self.tr("Missing: {kinds}").format(
                kinds="; ".join(kind_label(k) for k in p.kinds_missing)))
        lines += [f"• {a}" for a in p.advice]
        return "<br>".join(_escape(x) if not x.startswith("<b>") else x for x in lines)

    def current_org(self) -> OrganizationView | None:
        if self.tabs.currentIndex() == 1:
            m = self._current_membership()
            return None if m is None else self._org_by_id(m.organization_id)
        rows = self.org_table.selectionModel().selectedRows()
        return self.org_model.item(rows[0].row()) if rows else None

    def _current_membership(self) -> MembershipView | None:
        rows = self.membership_table.selectionModel().selectedRows()
        return self.membership_model.item(rows[0].row()) if rows else None

    def _org_by_id(self, org_id: int) -> OrganizationView | None:
        row = self.org_model.row_where(lambda o: o.id == org_id)
        return self.org_model.item(row) if row >= 0 else None

    def membership_of(self, org_id: int) -> MembershipView | None:
        return next((m for m in self.membership_model.items() if m.organization_id == org_id),
                    None)

    def select_org(self, org_id: int) -> None:
        row = self.org_model.row_where(lambda o: o.id == org_id)
        if row >= 0:
            self.tabs.setCurrentIndex(0)
            self.org_table.selectRow(row)

    def _update_buttons(self) -> None:
        org = self.current_org()
        for b in (self.edit_button, self.delete_button, self.join_button):
            b.setEnabled(org is not None)
        joined = org is not None and org.joined
        self.leave_button.setEnabled(joined)
        self.attend_button.setEnabled(joined)

    def _run(self, title: str, write: Callable[[], object]) -> bool:
        try:
            write()
        except WombatError as exc:
            prompts.error(self, title, str(exc))
            return False
        return True

    # --- slots ------------------------------------------------------------------------

    def _on_new_button_clicked(self) -> None:
        self._open_dialog(None)

    def _on_edit_button_clicked(self) -> None:
        org = self.current_org()
        if org is not None:
            self._open_dialog(org)

    def _open_dialog(self, org: OrganizationView | None) -> None:
        self.dialog = OrganizationDialog(org, self)
        self.dialog.accepted.connect(self._on_dialog_accepted)
        self.dialog.open()

    def _on_dialog_accepted(self) -> None:
        d = self.dialog
        if d is None:
            return
        draft = d.draft()
        if d.org is None:
            if self._run(self.tr("New organisation"), lambda: self._service.create(draft)):
                self.message.emit(self.tr("“{name}” added.").format(name=draft.name))
        elif self._run(self.tr("Edit organisation"),
                       lambda: self._service.update(d.org.id, draft)):  # type: ignore[union-attr]
            self.message.emit(self.tr("“{name}” saved.").format(name=draft.name))
        self.reload()

    def _on_delete_button_clicked(self) -> None:
        org = self.current_org()
        if org is None:
            return
        membership = self.membership_of(org.id)
        if self._run(self.tr("Delete organisation"), lambda: self._service.delete(org.id)):
            self._undo.push(DeleteOrganizationCommand(self._service, org, membership,
                                                      self.reload))
            self.message.emit(self.tr("“{name}” deleted (Ctrl+Z brings it back).").format(
                name=org.name))
            self.reload()

    def _on_join_button_clicked(self) -> None:
        org = self.current_org()
        if org is None:
            return
        self.join_dialog = JoinDialog(org, self.membership_of(org.id), self._today(), self)
        self.join_dialog.accepted.connect(self._on_join_dialog_accepted)
        self.join_dialog.open()

    def _on_join_dialog_accepted(self) -> None:
        d = self.join_dialog
        if d is None:
            return
        org, values = d.org, d.values()
        before = self.membership_of(org.id)
        if self._run(self.tr("Join"), lambda: self._service.join(org.id, *values)):
            self._undo.push(MembershipCommand(self._service, org.id, org.name, before, values,
                                              self.reload))
            self.message.emit(self.tr("Membership of “{name}” saved.").format(name=org.name))
            self.reload()

    def _on_leave_button_clicked(self) -> None:
        org = self.current_org()
        if org is None or not org.joined:
            return
        before = self.membership_of(org.id)
        if self._run(self.tr("Leave"), lambda: self._service.leave(org.id)):
            self._undo.push(MembershipCommand(self._service, org.id, org.name, before, None,
                                              self.reload))
            self.message.emit(self.tr("You left “{name}” (Ctrl+Z undoes it).").format(
                name=org.name))
            self.reload()

    def _on_attend_button_clicked(self) -> None:
        org = self.current_org()
        if org is not None and self._run(
                self.tr("Attendance"), lambda: self._service.record_attendance(org.id)):
            self.message.emit(self.tr("Attendance at “{name}” recorded.").format(name=org.name))
            self.reload()

    def _on_membership_table_double_clicked(self, _index: object) -> None:
        self._on_join_button_clicked()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
