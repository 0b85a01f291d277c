"""The contact book's table model: a Python list of light rows, sorted and filtered in
Python (never a QSortFilterProxyModel over 50k rows)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from wombat_desktop.core.model import Tie
from wombat_desktop.core.ties import ago
from wombat_desktop.core.views import ContactListItem

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


def _last(item: ContactListItem, today: dt.date) -> str:
    return ago(item.last_interaction_on, today) if item.last_interaction_on else "never"


# (header, text for a row, sort key)
Column = tuple[str, Callable[[ContactListItem, dt.date], str], Callable[[ContactListItem], Any]]
COLUMNS: list[Column] = [
    ("Name", lambda i, _t: i.name or "(no name)", lambda i: i.sort_name),
    ("Tie", lambda i, _t: i.tie.value + (" *" if i.tie_is_override else ""),
     lambda i: (i.tie is Tie.WEAK, i.sort_name)),
    # The Tie column says strong/weak already: the reason is shown without that prefix.
    ("Why", lambda i, _t: i.tie_reason.split(": ", 1)[-1], lambda i: i.tie_reason),
    ("Company", lambda i, _t: i.organization, lambda i: i.organization.casefold()),
    ("Title", lambda i, _t: i.title, lambda i: i.title.casefold()),
    ("Last contact", _last,
     lambda i: i.last_interaction_on.toordinal() if i.last_interaction_on else 0),
    ("Referrals", lambda i, _t: f"{i.referrals_given} ↗ {i.referrals_received} ↙"
     if i.referrals_given or i.referrals_received else "",
     lambda i: (i.referrals_given + i.referrals_received, i.referrals_received)),
    ("E-mail", lambda i, _t: i.email, lambda i: i.email.casefold()),
    ("Phone", lambda i, _t: i.phone, lambda i: i.phone),
]
HEADER_TIPS = [
    "Display name",
    "Strong or weak contact (plan section I.2). * = set by you rather than suggested.",
    "Why the tie strength was suggested",
    "Organisation",
    "Job title",
    "The last logged lunch, call, meeting, event or e-mail",
    "Referrals and promotions you gave them (↗) and received from them (↙)",
    "First e-mail",
    "First phone",
]
NAME, TIE, WHY, COMPANY, TITLE, LAST, REFERRALS, EMAIL, PHONE = range(len(COLUMNS))


class ContactTableModel(QAbstractTableModel):
    """Rows are `ContactListItem`s; `ITEM_ROLE` returns the item itself."""

    def __init__(self, today: Callable[[], dt.date] = dt.date.today, parent: Any = None) -> None:
        super().__init__(parent)
        self._base: list[ContactListItem] = []  # every row, in the current sort order
        self._items: list[ContactListItem] = []  # the rows shown: a filtered _base
        self._today = today
        self._sort: tuple[int, Qt.SortOrder] = (NAME, Qt.SortOrder.AscendingOrder)
        self._bold = QFont()
        self._bold.setBold(True)

    # --- content --------------------------------------------------------------------

    def set_items(self, items: Sequence[ContactListItem]) -> None:
        """Replace every row; they are sorted once here and shown unfiltered."""
        self.beginResetModel()
        self._base = self._sorted(list(items))
        self._items = self._base
        self.endResetModel()

    def show_only(self, keep: Callable[[Sequence[ContactListItem]], list[ContactListItem]],
                  narrowing: bool = False) -> None:
        """Show the rows ``keep`` returns from all rows (or, when ``narrowing``, from the rows
        shown now). ``keep`` must preserve order, so a keystroke never re-sorts."""
        self.beginResetModel()
        self._items = keep(self._items if narrowing else self._base)
        self.endResetModel()

    def items(self) -> list[ContactListItem]:
        """The rows shown."""
        return self._items

    def all_items(self) -> list[ContactListItem]:
        return self._base

    def item(self, row: int) -> ContactListItem:
        return self._items[row]

    def row_of(self, contact_id: int) -> int:
        for row, item in enumerate(self._items):
            if item.id == contact_id:
                return row
        return -1

    def replace_item(self, item: ContactListItem) -> None:
        row = self.row_of(item.id)
        if row >= 0:
            self._items[row] = item
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    # --- Qt model -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[col][1](item, self._today())
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.ToolTipRole:
            if col in (TIE, WHY):
                return item.tie_reason + ("  (* = set by you)" if item.tie_is_override else "")
            if col == REFERRALS:
                return (f"{item.referrals_given} given to them (referrals and promotions), "
                        f"{item.referrals_received} received from them")
            return None
        if role == Qt.ItemDataRole.FontRole and col == TIE and item.tie is Tie.STRONG:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and col in (WHY, LAST):
            app = QApplication.instance()
            if isinstance(app, QApplication):
                return app.palette().color(QPalette.ColorRole.PlaceholderText)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._items[p.row()].id for p in persistent]
        self._sort = (column, order)
        shown = len(self._items) == len(self._base)
        self._base = self._sorted(self._base)
        self._items = self._base if shown else self._sorted(self._items)
        if persistent:
            rows = {item.id: row for row, item in enumerate(self._items)}
            self.changePersistentIndexList(
                persistent,
                [self.index(rows[cid], p.column()) for cid, p in zip(ids, persistent, strict=True)],
            )
        self.layoutChanged.emit()

    def _sorted(self, items: list[ContactListItem]) -> list[ContactListItem]:
        column, order = self._sort
        items.sort(key=COLUMNS[column][2], reverse=order == Qt.SortOrder.DescendingOrder)
        return items
