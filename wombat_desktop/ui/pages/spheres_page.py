"""Contact spheres and the hub (I.3–I.4): the user's spheres and their seats, the gap view
with where to recruit, and the picture of who the user connected to whom."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.core.errors import WombatError
from wombat_desktop.core.hub import HubView
from wombat_desktop.core.spheres import Coverage, SeatGap, SphereView
from wombat_desktop.core.views import ContactListItem
from wombat_desktop.services.contacts import ContactService
from wombat_desktop.services.spheres import SphereService
from wombat_desktop.ui import prompts
from wombat_desktop.ui.dialogs.sphere_dialog import SphereDialog
from wombat_desktop.ui.jobs import JobRunner
from wombat_desktop.ui.models.network_tables import GapTableModel
from wombat_desktop.ui.network_commands import DeleteSphereCommand, SeatMemberCommand
from wombat_desktop.ui.widgets.hub_view import HubPanel
from wombat_desktop.ui.widgets.sphere_gaps import GapsTab
from wombat_desktop.ui.widgets.sphere_seats import ID_ROLE, MEMBER_ROLE, SeatsTab


@dataclass(frozen=True, slots=True)
class SpheresSnapshot:
    spheres: list[SphereView]
    templates: list[SphereView]
    gaps: list[SeatGap]
    coverage: Coverage
    hub: HubView


class SpheresPage(QWidget):
    """Spheres list on the left; seats, gaps and the hub in tabs on the right."""

    loaded = Signal()
    candidatesLoaded = Signal()
    message = Signal(str)

    def __init__(self, service: SphereService, contacts: ContactService, undo_stack: QUndoStack,
                 jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._contacts = contacts
        self._undo = undo_stack
        self._jobs = jobs
        self.snapshot: SpheresSnapshot | None = None
        self.dialog: SphereDialog | None = None
        self.gap_model = GapTableModel(self)
        self._build_ui()
        self._connect()

    # --- building ---------------------------------------------------------------------

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(split)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        self.coverage_label = QLabel(left)
        self.coverage_label.setWordWrap(True)
        self.sphere_list = QListWidget(left)
        self.sphere_list.setAccessibleName(self.tr("Your spheres"))
        self.sphere_list.setWordWrap(True)
        self.new_button = QPushButton(self.tr("&New sphere…"), left)
        self.new_button.setToolTip(self.tr("Start a sphere from a template or from scratch"))
        self.delete_button = QPushButton(self.tr("&Delete sphere"), left)
        self.delete_button.setToolTip(self.tr("Delete the selected sphere (undo with Ctrl+Z)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        lv.addWidget(QLabel(self.tr("Your spheres"), left))
        lv.addWidget(self.sphere_list, 1)
        lv.addWidget(self.coverage_label)
        lv.addLayout(buttons)

        self.tabs = QTabWidget(split)
        self.tabs.setAccessibleName(self.tr("Spheres, gaps and hub"))
        self.tabs.addTab(self._build_seats_tab(), self.tr("&Seats"))
        self.gaps_tab = GapsTab(self.gap_model, self)
        self.gap_table = self.gaps_tab.gap_table
        self.gaps_hint = self.gaps_tab.gaps_hint
        self.tabs.addTab(self.gaps_tab, self.tr("&Gaps"))
        self.hub_panel = HubPanel(self)
        self.hub_picture = self.hub_panel.picture
        self.tabs.addTab(self.hub_panel, self.tr("&Hub"))
        split.addWidget(left)
        split.addWidget(self.tabs)
        split.setStretchFactor(1, 1)
        split.setSizes([200, 800])
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)

    def _build_seats_tab(self) -> QWidget:
        self.seats_tab = tab = SeatsTab(self)
        self.sphere_title = tab.sphere_title
        self.seat_tree = tab.seat_tree
        self.new_seat_edit = tab.new_seat_edit
        self.add_seat_button = tab.add_seat_button
        self.remove_seat_button = tab.remove_seat_button
        self.remove_member_button = tab.remove_member_button
        self.candidates_title = tab.candidates_title
        self.search_edit = tab.search_edit
        self.candidate_list = tab.candidate_list
        self.seat_button = tab.seat_button
        return tab

    def _connect(self) -> None:
        self.seats_tab.candidatesLoaded.connect(self.candidatesLoaded)
        self.sphere_list.currentRowChanged.connect(self._on_sphere_list_current_row_changed)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.seat_tree.currentItemChanged.connect(self._on_seat_tree_current_item_changed)
        self.add_seat_button.clicked.connect(self._on_add_seat_button_clicked)
        self.new_seat_edit.returnPressed.connect(self._on_add_seat_button_clicked)
        self.remove_seat_button.clicked.connect(self._on_remove_seat_button_clicked)
        self.remove_member_button.clicked.connect(self._on_remove_member_button_clicked)
        self.seat_button.clicked.connect(self._on_seat_button_clicked)
        self.candidate_list.itemActivated.connect(lambda _i: self._on_seat_button_clicked())
        self.search_edit.returnPressed.connect(self._on_search_edit_return_pressed)
        self.gap_table.doubleClicked.connect(self._on_gap_table_double_clicked)

    # --- loading ----------------------------------------------------------------------

    def reload(self) -> None:
        """Read spheres, gaps and the hub on the job runner."""
        s = self._service

        def read() -> SpheresSnapshot:
            spheres = s.spheres()
            return SpheresSnapshot(spheres, s.templates(), s.gaps(), s.coverage(), s.hub())

        self._jobs.start(read, self._on_loaded)

    def _on_loaded(self, snap: SpheresSnapshot | None, error: BaseException | None) -> None:
        if error is not None or snap is None:
            prompts.error(self, self.tr("Spheres"), str(error))
            return
        keep = self.current_sphere_id()
        self.snapshot = snap
        self.sphere_list.blockSignals(True)
        self.sphere_list.clear()
        for sp in snap.spheres:
            mark = self.tr(" (yours)") if sp.is_mine else ""
            item = QListWidgetItem(f"{sp.name}{mark}\n{sp.coverage_label}", self.sphere_list)
            item.setData(ID_ROLE, sp.id)
        self.sphere_list.blockSignals(False)
        row = next((i for i, sp in enumerate(snap.spheres) if sp.id == keep), 0)
        self.sphere_list.setCurrentRow(row if snap.spheres else -1)
        self._show_sphere()
        c = snap.coverage
        self.coverage_label.setText(self.tr(
            "{covered} of {seats} seats covered, {thin} weak only, {empty} empty "
            "(coverage {score:.0f}%)").format(covered=c.covered, seats=c.seats, thin=c.thin,
                                               empty=c.empty, score=c.score))
        self.gap_model.set_items(snap.gaps)
        self.gaps_tab.show_gaps(snap.gaps)
        self.tabs.setTabText(1, self.tr("&Gaps ({n})").format(n=len(snap.gaps)))
        self.hub_panel.set_hub(snap.hub)
        self.delete_button.setEnabled(bool(snap.spheres))
        self.loaded.emit()

    def current_sphere(self) -> SphereView | None:
        if self.snapshot is None:
            return None
        sid = self.current_sphere_id()
        return next((s for s in self.snapshot.spheres if s.id == sid), None)

    def current_sphere_id(self) -> int | None:
        item = self.sphere_list.currentItem()
        return None if item is None else int(item.data(ID_ROLE))

    def _show_sphere(self) -> None:
        self.seats_tab.show_sphere(self.current_sphere())

    def current_seat_id(self) -> int | None:
        return self.seats_tab.current_seat_id()

    def select_seat(self, seat_id: int) -> None:
        self.seats_tab.select_seat(seat_id)

    def _fill_candidates(self, items: list[ContactListItem]) -> None:
        self.seats_tab.fill_candidates(items)

    def _run(self, write: object, *args: object) -> bool:
        try:
            write(*args)  # type: ignore[operator]
        except WombatError as exc:
            prompts.error(self, self.tr("Spheres"), str(exc))
            return False
        return True

    # --- slots ------------------------------------------------------------------------

    def _on_sphere_list_current_row_changed(self, _row: int) -> None:
        self._show_sphere()

    def _on_seat_tree_current_item_changed(self, current: QTreeWidgetItem | None,
                                           _prev: QTreeWidgetItem | None) -> None:
        if current is None:
            return
        seat_id = int(current.data(0, ID_ROLE))
        top = current if current.parent() is None else current.parent()
        self.candidates_title.setText(self.tr(
            "Contacts whose title or company names “{p}”:").format(p=top.text(0)))
        self._jobs.start(lambda: self._service.candidates(seat_id), self._on_candidates)

    def _on_candidates(self, items: list[ContactListItem] | None,
                       error: BaseException | None) -> None:
        if error is not None:
            self._fill_candidates([])  # never leave another seat's candidates showing
            self.message.emit(self.tr("Could not find candidates: {error}").format(error=error))
        elif items is not None:
            self._fill_candidates(items)

    def _on_search_edit_return_pressed(self) -> None:
        text = self.search_edit.text().strip()
        if not text:
            self._on_seat_tree_current_item_changed(self.seat_tree.currentItem(), None)
            return
        self.candidates_title.setText(self.tr("Contacts matching “{q}”:").format(q=text))
        self._jobs.start(lambda: self._contacts.search(text)[:50], self._on_candidates)

    def _on_new_button_clicked(self) -> None:
        snap = self.snapshot
        templates = snap.templates if snap else self._service.templates()
        mine = any(s.is_mine for s in snap.spheres) if snap else False
        self.dialog = SphereDialog(templates, mine, self)
        self.dialog.accepted.connect(self._on_dialog_accepted)
        self.dialog.open()

    def _on_dialog_accepted(self) -> None:
        d = self.dialog
        if d is None:
            return
        template = d.template()
        name, mine = d.name_edit.text(), d.mine_check.isChecked()
        try:
            if template is not None and d.seats_unchanged():
                sid = self._service.create_from_template(template.id, name, is_mine=mine)
            else:
                sid = self._service.create(name, d.profession_edit.text(), d.seats(),
                                           is_mine=mine)
        except WombatError as exc:
            prompts.error(self, self.tr("New sphere"), str(exc))
            return
        self.message.emit(self.tr("Sphere “{name}” created.").format(name=name))
        self._select_after(sid)

    def _select_after(self, sphere_id: int) -> None:
        item = QListWidgetItem()
        item.setData(ID_ROLE, sphere_id)
        self.sphere_list.addItem(item)
        self.sphere_list.setCurrentItem(item)
        self.reload()

    def _on_delete_button_clicked(self) -> None:
        sphere = self.current_sphere()
        if sphere is None:
            return
        if self._run(self._service.delete, sphere.id):
            self._undo.push(DeleteSphereCommand(self._service, sphere, self.reload))
            self.message.emit(self.tr("Sphere “{name}” deleted (Ctrl+Z brings it back)."
                                      ).format(name=sphere.name))
            self.reload()

    def _on_add_seat_button_clicked(self) -> None:
        sid = self.current_sphere_id()
        if sid is None:
            return
        if self._run(self._service.add_seat, sid, self.new_seat_edit.text()):
            self.new_seat_edit.clear()
            self.reload()

    def _on_remove_seat_button_clicked(self) -> None:
        item = self.seat_tree.currentItem()
        if item is None or item.parent() is not None:
            return
        if item.childCount():
            prompts.error(self, self.tr("Remove seat"), self.tr(
                "Take the contacts out of this seat first."))
            return
        if self._run(self._service.remove_seat, int(item.data(0, ID_ROLE))):
            self.reload()

    def _on_remove_member_button_clicked(self) -> None:
        item = self.seat_tree.currentItem()
        if item is None or item.parent() is None:
            return
        seat_id, cid = int(item.data(0, ID_ROLE)), int(item.data(0, MEMBER_ROLE))
        if self._run(self._service.remove_member, seat_id, cid):
            self._undo.push(SeatMemberCommand(self._service, seat_id, cid, item.text(0), False,
                                              self.reload))
            self.reload()

    def _on_seat_button_clicked(self) -> None:
        seat_id, item = self.current_seat_id(), self.candidate_list.currentItem()
        if seat_id is None or item is None:
            return
        cid = int(item.data(ID_ROLE))
        name = item.text().split("\n")[0]
        if self._run(self._service.add_member, seat_id, cid):
            self._undo.push(SeatMemberCommand(self._service, seat_id, cid, name, True,
                                              self.reload))
            self.message.emit(self.tr("{name} seated.").format(name=name))
            self.reload()

    def _on_gap_table_double_clicked(self, index: object) -> None:
        gap = self.gap_model.item(self.gap_table.currentIndex().row())
        for row in range(self.sphere_list.count()):
            if self.sphere_list.item(row).data(ID_ROLE) == gap.sphere_id:
                self.sphere_list.setCurrentRow(row)
        self.tabs.setCurrentIndex(0)
        self.select_seat(gap.seat_id)
