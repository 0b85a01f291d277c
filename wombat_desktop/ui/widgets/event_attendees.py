"""The attendee table of an event: tick who was met, type goals and notes in place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from wombat_desktop.services.events import EventView

MET, NAME, COMPANY, TIE, LAST, GOAL, NOTES = range(7)


def counts_text(expected: int, met: int, walk_ins: int) -> str:
    """"15 expected, 4 met (1 new)": walk-ins are met, never expected."""
    tr = QCoreApplication.translate
    if walk_ins:
        return tr("AttendeeTable", "{n} expected, {m} met ({w} new)").format(
            n=expected, m=met, w=walk_ins)
    return tr("AttendeeTable", "{n} expected, {m} met").format(n=expected, m=met)


class AttendeeTable(QTableWidget):
    """One row a person; emits `edited(contact_id, column, value)` for the user's changes."""

    edited = Signal(int, int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 7, parent)
        self._filling = False
        self.setHorizontalHeaderLabels([
            self.tr("Met"), self.tr("Name"), self.tr("Company"), self.tr("Tie"),
            self.tr("Last interaction"), self.tr("Goal"), self.tr("Notes")])
        self.setAccessibleName(self.tr("Attendees"))
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setMinimumHeight(220)
        header = self.horizontalHeader()
        header.resizeSection(MET, 44)
        header.setSectionResizeMode(MET, QHeaderView.ResizeMode.Fixed)
        for col in (TIE, LAST):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        for col in (NAME, COMPANY, GOAL, NOTES):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.setWordWrap(False)  # one line a person; tooltips hold the whole text
        self.itemChanged.connect(self._on_item_changed)

    def fill(self, view: EventView) -> None:
        """Show the event's attendees (no `edited` signals while filling)."""
        self._filling = True
        self.setRowCount(len(view.attendees))
        fixed = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        for row, a in enumerate(view.attendees):
            met = QTableWidgetItem()
            met.setFlags(fixed | Qt.ItemFlag.ItemIsUserCheckable)
            met.setCheckState(Qt.CheckState.Checked if a.met else Qt.CheckState.Unchecked)
            met.setData(Qt.ItemDataRole.UserRole, a.contact_id)
            met.setToolTip(self.tr("Met at the event"))
            last = ""
            if a.last_on is not None:
                last = a.last_on.isoformat()  # as everywhere in the app: 2026-10-17
                last += f" ({a.last_kind.replace('_', ' ')})" if a.last_kind else ""
            name = a.name + ("" if a.expected else self.tr(" (new)"))
            tie = self.tr("strong") if a.tie == "strong" else self.tr("weak")
            self.setItem(row, MET, met)
            for col, text in ((NAME, name), (COMPANY, a.company), (TIE, tie), (LAST, last)):
                item = QTableWidgetItem(text)
                item.setFlags(fixed)
                item.setToolTip(text)
                self.setItem(row, col, item)
            for col, text in ((GOAL, a.goal), (NOTES, a.notes)):
                item = QTableWidgetItem(text)
                item.setFlags(fixed | Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(text or self.tr("Double-click to type"))
                self.setItem(row, col, item)
        self._filling = False

    def contact_id(self, row: int) -> int:
        return int(self.item(row, MET).data(Qt.ItemDataRole.UserRole))

    def selected_contact_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        return [self.contact_id(r) for r in rows]

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        column = item.column()
        value: object = (item.checkState() == Qt.CheckState.Checked if column == MET
                         else item.text())
        self.edited.emit(self.contact_id(item.row()), column, value)
