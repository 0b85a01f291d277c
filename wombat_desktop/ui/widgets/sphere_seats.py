"""The Seats tab of the Spheres page: a sphere's seats and who sits in them, and the
contacts who could fill the selected seat."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.core.spheres import SeatStatus, SphereView
from wombat_desktop.core.views import ContactListItem
from wombat_desktop.ui.models.network_tables import status_label

ID_ROLE = Qt.ItemDataRole.UserRole
MEMBER_ROLE = Qt.ItemDataRole.UserRole + 2


class SeatsTab(QWidget):
    """Seat tree (seats, their members) beside the candidate list for the current seat."""

    candidatesLoaded = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        v = QVBoxLayout(self)
        self.sphere_title = QLabel(self)
        self.sphere_title.setWordWrap(True)
        v.addWidget(self.sphere_title)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        seats = QWidget(split)
        sv = QVBoxLayout(seats)
        sv.setContentsMargins(0, 0, 0, 0)
        self.seat_tree = QTreeWidget(seats)
        self.seat_tree.setAccessibleName(self.tr("Seats and who sits in them"))
        self.seat_tree.setHeaderLabels([self.tr("Seat / contact"), self.tr("Status")])
        self.seat_tree.header().resizeSection(0, 260)
        self.seat_tree.setAlternatingRowColors(True)
        self.new_seat_edit = QLineEdit(seats)
        self.new_seat_edit.setPlaceholderText(self.tr("Profession, e.g. Photographer"))
        self.new_seat_edit.setAccessibleName(self.tr("New seat's profession"))
        self.add_seat_button = QPushButton(self.tr("&Add seat"), seats)
        self.remove_seat_button = QPushButton(self.tr("Remove s&eat"), seats)
        self.remove_member_button = QPushButton(self.tr("Take &out of seat"), seats)
        self.remove_member_button.setToolTip(self.tr(
            "Take the selected contact out of the seat (undo with Ctrl+Z)"))
        row = QHBoxLayout()
        row.addWidget(self.new_seat_edit, 1)
        row.addWidget(self.add_seat_button)
        row2 = QHBoxLayout()
        row2.addWidget(self.remove_member_button)
        row2.addWidget(self.remove_seat_button)
        row2.addStretch(1)
        sv.addWidget(self.seat_tree, 1)
        sv.addLayout(row)
        sv.addLayout(row2)
        cands = QWidget(split)
        cv = QVBoxLayout(cands)
        cv.setContentsMargins(0, 0, 0, 0)
        self.candidates_title = QLabel(self.tr("Select a seat to see who could fill it."), cands)
        self.candidates_title.setWordWrap(True)
        self.search_edit = QLineEdit(cands)
        self.search_edit.setPlaceholderText(self.tr("Search all contacts…"))
        self.search_edit.setAccessibleName(self.tr("Search contacts for the seat"))
        self.search_edit.setClearButtonEnabled(True)
        self.candidate_list = QListWidget(cands)
        self.candidate_list.setAccessibleName(self.tr("Contacts who could fill the seat"))
        self.seat_button = QPushButton(self.tr("&Put in seat"), cands)
        self.seat_button.setToolTip(self.tr("Seat the selected contact (Enter)"))
        cv.addWidget(self.candidates_title)
        cv.addWidget(self.search_edit)
        cv.addWidget(self.candidate_list, 1)
        cv.addWidget(self.seat_button)
        split.addWidget(seats)
        split.addWidget(cands)
        split.setSizes([480, 300])
        split.setChildrenCollapsible(False)
        v.addWidget(split, 1)

    def show_sphere(self, sphere: SphereView | None) -> None:
        """Fill the seat tree with ``sphere``'s seats (the current seat stays current)."""
        keep = self.current_seat_id()
        self.seat_tree.clear()
        if sphere is None:
            self.sphere_title.setText(self.tr("No sphere yet: click “New sphere…” and start "
                                              "from a template."))
            return
        self.sphere_title.setText(f"<b>{sphere.name}</b> — {sphere.coverage_label}")
        bold = QFont(self.seat_tree.font())
        bold.setBold(True)
        for seat in sphere.seats:
            head = QTreeWidgetItem(self.seat_tree, [seat.profession, status_label(seat.status)])
            head.setData(0, ID_ROLE, seat.id)
            if seat.status is not SeatStatus.COVERED:
                head.setFont(1, bold)
            for m in seat.members:
                child = QTreeWidgetItem(head, [m.name, self.tr(m.tie.value)])
                child.setData(0, ID_ROLE, seat.id)
                child.setData(0, MEMBER_ROLE, m.contact_id)
            if seat.id == keep:
                self.seat_tree.setCurrentItem(head)
        self.seat_tree.expandAll()

    def current_seat_id(self) -> int | None:
        item = self.seat_tree.currentItem()
        return None if item is None else int(item.data(0, ID_ROLE))

    def select_seat(self, seat_id: int) -> None:
        for i in range(self.seat_tree.topLevelItemCount()):
            item = self.seat_tree.topLevelItem(i)
            if item.data(0, ID_ROLE) == seat_id:
                self.seat_tree.setCurrentItem(item)

    def fill_candidates(self, items: list[ContactListItem]) -> None:
        self.candidate_list.clear()
        for c in items:
            extra = " · ".join(x for x in (c.title, c.organization) if x)
            row = QListWidgetItem(f"{c.name} ({self.tr(c.tie.value)})" +
                                  (f"\n{extra}" if extra else ""), self.candidate_list)
            row.setData(ID_ROLE, c.id)
        if items:
            self.candidate_list.setCurrentRow(0)
        self.candidatesLoaded.emit()
