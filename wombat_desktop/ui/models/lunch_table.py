"""Table models of the Lunches page: the two lunch lists, the planner and the call sheet.

Each is a plain `QAbstractTableModel` over a Python list of frozen views (reset on reload),
with `ITEM_ROLE` returning the view itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from wombat_desktop.core.activity_views import (
    CallSheetEntry,
    KeepInTouchView,
    ListEntryView,
    LunchView,
)
from wombat_desktop.core.ties import KIND_LABEL, ago

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")


def _t(text: str) -> str:
    return QCoreApplication.translate("Lunches", text)


def status_label(status: str) -> str:
    """A lunch (or list entry) status as the user reads it."""
    labels = {
        "new": _t("not planned"), "to_call": _t("to call"), "invited": _t("invited"),
        "scheduled": _t("scheduled"), "held": _t("held"), "followed_up": _t("followed up"),
        "declined": _t("declined"),
    }
    return labels.get(status, status)


def kind_label(kind: str) -> str:
    """An interaction kind as the user reads it ("one-to-one", not "one_to_one")."""
    return _t(KIND_LABEL.get(kind, kind))  # type: ignore[call-overload]


def when(v: LunchView) -> str:
    """Date and time of a lunch, or the day its next step is due."""
    if v.starts_at is not None and v.status in ("scheduled", "held", "followed_up"):
        return f"{v.starts_at:%a %Y-%m-%d %H:%M}"
    if v.status == "declined":  # nothing to do: no due date
        return ""
    return _t("call by {day}").format(day=f"{v.action_on:%Y-%m-%d}") if v.action_on else ""


def _list_name(v: LunchView) -> str:
    names = {"nurture": _t("Nurture"), "expand": _t("Expand"), "other": _t("Other")}
    what = names.get(v.list_name, v.list_name)
    return f"{what} · {_t('visit')}" if v.kind == "visit" else what


# (header, text of a cell)
Column = tuple[str, Callable[[Any], str]]


class ViewTableModel(QAbstractTableModel, Generic[T]):
    """Rows are frozen views; subclasses name the columns."""

    columns: list[Column] = []
    tips: list[str] = []

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[T] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_items(self, items: Sequence[T]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> list[T]:
        return self._items

    def item(self, row: int) -> T:
        return self._items[row]

    def row_where(self, test: Callable[[T], bool]) -> int:
        return next((r for r, it in enumerate(self._items) if test(it)), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[index.column()][1](item)
        if role == ITEM_ROLE:
            return item
        return self.extra(item, index.column(), role)

    def extra(self, item: T, column: int, role: int) -> Any:
        """Tooltips, fonts and colours of one cell (subclasses)."""
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section][0]
        if role == Qt.ItemDataRole.ToolTipRole and section < len(self.tips):
            return self.tips[section]
        return None

    def _dim(self) -> Any:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            return app.palette().color(QPalette.ColorRole.PlaceholderText)
        return None


class ListEntryTableModel(ViewTableModel[ListEntryView]):
    """One of the two lunch lists (nurture or expand)."""

    def __init__(self, today: Callable[[], dt.date], parent: Any = None) -> None:
        super().__init__(parent)
        self._today = today
        self.columns = [
            (_t("Name"), lambda e: e.name),
            (_t("Company"), lambda e: e.organization),
            (_t("Why"), lambda e: e.reason),
            (_t("Given"), lambda e: self._given(e)),
            (_t("Lunch"), lambda e: status_label(e.status)),
            (_t("Phone"), lambda e: e.phone),
        ]
        self.tips = [_t("Contact"), _t("Their organisation"),
                     _t("What you gave them, or why you want to meet"),
                     _t("Referrals and promotions you gave them, and when the last one was"),
                     _t("Where the lunch with them stands"), _t("First phone number")]

    def _given(self, e: ListEntryView) -> str:
        if not e.given:
            return ""
        last = ago(e.last_given_on, self._today()) if e.last_given_on else ""
        return f"{e.given} · {last}" if last else str(e.given)

    def extra(self, item: ListEntryView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return item.reason
        if role == Qt.ItemDataRole.ForegroundRole and column == 4 and item.status != "new":
            return self._dim()
        return None


class LunchTableModel(ViewTableModel[LunchView]):
    """The lunch planner: every lunch with its status, time, place and list."""

    columns = [
        (_t("Contact"), lambda v: v.name),
        (_t("Status"), lambda v: status_label(v.status)),
        (_t("Date / time"), when),
        (_t("Place"), lambda v: v.organization_name if v.kind == "visit" else v.place),
        (_t("List"), _list_name),
        (_t("Phone"), lambda v: v.phone),
    ]
    tips = [_t("Who the lunch is with"), _t("to call → invited → scheduled → held → followed up"),
            _t("When it is, or when the next step is due"), _t("Where you meet"),
            _t("Which lunch list it came from"), _t("First phone number")]

    def extra(self, item: LunchView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and item.due_state in ("overdue", "today"):
            return self._bold if column in (1, 2) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            due = {"overdue": _t("The next step is overdue."),
                   "today": _t("The next step is due today.")}.get(item.due_state, "")
            return "\n".join(x for x in (item.reason, due) if x) or None
        if role == Qt.ItemDataRole.ForegroundRole and item.status in ("followed_up", "declined"):
            return self._dim()
        return None


class CallSheetTableModel(ViewTableModel[CallSheetEntry]):
    """Who to call and what to say; entries without a phone number are flagged."""

    columns = [
        (_t("Name"), lambda c: c.name),
        (_t("Phone"), lambda c: c.phone or _t("⚠ no phone")),
        (_t("Company"), lambda c: c.organization),
        (_t("Why you are calling"), lambda c: c.why),
        (_t("Talking points"), lambda c: c.talking_points),
    ]
    tips = [_t("Contact"), _t("Number to call"), _t("Their organisation"),
            _t("The reason for the call"), _t("What to bring up")]

    def extra(self, item: CallSheetEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            if item.warnings and column == 1:
                return "\n".join(item.warnings)
            if column in (3, 4):
                return self.columns[column][1](item) or None
        if role == Qt.ItemDataRole.FontRole and column == 1 and not item.has_phone:
            return self._bold
        return None


class KeepInTouchTableModel(ViewTableModel[KeepInTouchView]):
    """People whose keep-in-touch cadence has run out, most overdue strong ties first."""

    def __init__(self, today: Callable[[], dt.date], parent: Any = None) -> None:
        super().__init__(parent)
        self._today = today
        self._open: dict[int, str] = {}
        self.columns = [
            (_t("Name"), lambda v: v.name),
            (_t("Tie"), lambda v: _t(v.tie)),
            (_t("Last contact"), lambda v: (
                f"{ago(v.last_interaction_on, self._today())} "
                f"({kind_label(v.last_interaction_kind)})"
                if v.last_interaction_on else _t("never"))),
            (_t("Keep in touch"), lambda v: _t("every {n} days").format(n=v.cadence_days)),
            (_t("Overdue"), lambda v: _t("{n} days").format(n=v.days_overdue)),
            (_t("Lunch"), lambda v: status_label(self._open.get(v.contact_id, "new"))),
            (_t("Phone"), lambda v: v.phone),
        ]
        self.tips = ["", _t("Strong or weak contact"), _t("The last logged interaction"),
                     _t("Your cadence for this person (defaults by tie strength)"),
                     _t("Days past the cadence"),
                     _t("Their open lunch in the planner, if any"), ""]

    def set_open(self, open_lunches: dict[int, str]) -> None:
        """contact id -> status of their open lunch (set before `set_items`)."""
        self._open = dict(open_lunches)

    def open_lunches(self) -> dict[int, str]:
        return self._open

    def extra(self, item: KeepInTouchView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and column == 1 and item.tie == "strong":
            return self._bold
        return None
