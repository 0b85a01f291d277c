"""The agenda strip at the top of the Lunches page: overdue, due today, this week."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.core.activity_views import AgendaView, LunchView
from wombat_desktop.ui.models.lunch_table import status_label

ROWS_SHOWN = 3


def _next_step(v: LunchView) -> str:
    """What to do next for a lunch, in a few words."""
    steps = {"to_call": "call", "invited": "chase an answer", "scheduled": "lunch",
             "held": "send a thank-you"}
    return steps.get(v.status, status_label(v.status))


class AgendaStrip(QWidget):
    """Three short lists; activating an entry emits `lunchActivated(follow_up_id)`."""

    lunchActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build_ui()
        self._connect()

    def _build_ui(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QGroupBox] = {}
        self.lists: dict[str, QListWidget] = {}
        for key in ("overdue", "today", "this_week"):
            box = QGroupBox(self)
            inner = QVBoxLayout(box)
            inner.setContentsMargins(4, 4, 4, 4)
            view = QListWidget(box)
            view.setAccessibleName(self._title(key, 0))
            view.setUniformItemSizes(True)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setTextElideMode(Qt.TextElideMode.ElideRight)
            QListWidgetItem("Xy", view)
            view.setFixedHeight(view.sizeHintForRow(0) * ROWS_SHOWN + 2 * view.frameWidth())
            view.clear()
            inner.addWidget(view)
            layout.addWidget(box, 1)
            self.boxes[key], self.lists[key] = box, view

    def _connect(self) -> None:
        for view in self.lists.values():
            view.itemActivated.connect(self._on_list_item_activated)

    def _title(self, key: str, n: int) -> str:
        names = {"overdue": self.tr("Overdue ({n})"), "today": self.tr("Due today ({n})"),
                 "this_week": self.tr("This week ({n})")}
        return names[key].format(n=n)

    def set_agenda(self, agenda: AgendaView | None) -> None:
        """Show an agenda (None: still loading)."""
        for key, view in self.lists.items():
            rows: tuple[LunchView, ...] = getattr(agenda, key) if agenda else ()
            box = self.boxes[key]
            box.setTitle(self._title(key, len(rows)) if agenda else self.tr("Loading …"))
            view.setAccessibleName(box.title())
            view.clear()
            for v in rows:
                day = f"{v.action_on:%a %d %b}" if v.action_on else ""
                text = f"{day} · {self.tr(_next_step(v))}: {v.name}"
                item = QListWidgetItem(text, view)
                item.setData(Qt.ItemDataRole.UserRole, v.id)
                item.setToolTip(v.reason)
            if agenda and not rows:
                empty = QListWidgetItem(self.tr("Nothing"), view)
                empty.setFlags(Qt.ItemFlag.NoItemFlags)

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        fid = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(fid, int):
            self.lunchActivated.emit(fid)
