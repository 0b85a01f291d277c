"""The Lunches page's list tabs (plan sections II.11 and II.12, and losing touch) with the
bar that plans lunches from them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.core.activity_views import FollowUpLists, KeepInTouchView, ListEntryView
from wombat_desktop.ui.models.lunch_table import KeepInTouchTableModel, ListEntryTableModel
from wombat_desktop.ui.widgets.read_only_table import read_only_table

OPEN = {"to_call", "invited", "scheduled", "held"}
LOSING = 2  # the tab index of "Losing touch"; 0 is nurture, 1 expand


class LunchLists(QWidget):
    """Nurture, expand and losing-touch tables; the selection says who to plan a lunch with."""

    lunchActivated = Signal(int)  # follow-up id of the open lunch of a double-clicked row

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.nurture_model = ListEntryTableModel(today, self)
        self.expand_model = ListEntryTableModel(today, self)
        self.losing_model = KeepInTouchTableModel(today, self)
        self._build_ui()
        self._connect()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.lists_tabs = QTabWidget(self)
        self.lists_tabs.setAccessibleName(self.tr("Lunch lists"))
        widths = (170, 170, 400, 110, 90)
        self.nurture_table = read_only_table(self, self.nurture_model, self.tr("Nurture list"),
                                             widths)
        self.expand_table = read_only_table(self, self.expand_model, self.tr("Expand list"),
                                            widths)
        self.losing_table = read_only_table(self, self.losing_model, self.tr("Losing touch"),
                                            (170, 60, 200, 130, 90, 90))
        self.lists_tabs.addTab(self.nurture_table, "")
        self.lists_tabs.addTab(self.expand_table, "")
        self.lists_tabs.addTab(self.losing_table, "")
        self.lists_tabs.setTabToolTip(2, self.tr(
            "People whose keep-in-touch cadence has run out: call them or plan a lunch"))
        self.lists_tabs.setTabToolTip(0, self.tr(
            "Plan section 11: people you referred or promoted who never sent business back"))
        self.lists_tabs.setTabToolTip(1, self.tr(
            "Plan section 12: people you want to do business with or refer business to"))
        bar = QHBoxLayout()
        self.lists_hint = QLabel(self)
        self.lists_hint.setWordWrap(True)
        self.plan_button = QPushButton(self.tr("&Plan lunch"), self)
        self.plan_button.setToolTip(self.tr("Put the selected people on the call list (P)"))
        self.visit_button = QPushButton(self.tr("Invite to &visit…"), self)
        self.visit_button.setToolTip(self.tr(
            "Invite the selected people to visit one of your organisations (V)"))
        bar.addWidget(self.lists_hint, 1)
        bar.addWidget(self.plan_button)
        bar.addWidget(self.visit_button)
        layout.addWidget(self.lists_tabs, 1)
        layout.addLayout(bar)

    def _connect(self) -> None:
        self.lists_tabs.currentChanged.connect(lambda _i: self.update_hint())
        for table in (self.nurture_table, self.expand_table, self.losing_table):
            table.selectionModel().selectionChanged.connect(lambda *_a: self.update_hint())
            table.doubleClicked.connect(self._on_table_double_clicked)

    def set_titles(self, lists: FollowUpLists | None, losing: int) -> None:
        """Tab titles; with counts once loaded (``lists`` is None before that)."""
        def n(count: int) -> str:
            return f" ({count})" if lists is not None else ""

        shown = lists or FollowUpLists((), ())
        self.lists_tabs.setTabText(2, self.tr("&Losing touch") + n(losing))
        self.lists_tabs.setTabText(0, self.tr("&Nurture — you referred them; nothing came "
                                              "back yet") + n(len(shown.nurture)))
        self.lists_tabs.setTabText(1, self.tr("&Expand — you want to do business with "
                                              "them") + n(len(shown.expand)))

    def set_lists(self, lists: FollowUpLists) -> None:
        """Show a fresh load of the nurture and expand lists, keeping who was selected."""
        keep = {t: [e.contact_id for e in self.chosen(t)] for t in (0, 1)}
        self.nurture_model.set_items(lists.nurture)
        self.expand_model.set_items(lists.expand)
        for tab, table in ((0, self.nurture_table), (1, self.expand_table)):
            model = self._list_model(tab)
            for cid in keep[tab]:
                row = model.row_where(lambda e, c=cid: e.contact_id == c)
                if row >= 0:
                    table.selectRow(row)

    def _list_model(self, tab: int) -> ListEntryTableModel:
        return self.nurture_model if tab == 0 else self.expand_model

    def chosen(self, tab: int | None = None) -> list[ListEntryView]:
        """The selected entries of the nurture or expand list (none on losing touch)."""
        tab = self.lists_tabs.currentIndex() if tab is None else tab
        if tab == LOSING:
            return []
        table = self.nurture_table if tab == 0 else self.expand_table
        model = self._list_model(tab)
        rows = sorted({i.row() for i in table.selectionModel().selectedRows()})
        return [model.item(r) for r in rows if r < model.rowCount()]

    def losing_views(self) -> list[KeepInTouchView]:
        """The selected rows of the losing-touch list."""
        rows = sorted({i.row() for i in self.losing_table.selectionModel().selectedRows()})
        return [self.losing_model.item(r) for r in rows]

    def update_hint(self) -> None:
        """Enable the buttons and say what planning would do for the selection."""
        if self.lists_tabs.currentIndex() == LOSING:
            ids = [v.contact_id for v in self.losing_views()]
            self.plan_button.setEnabled(bool(ids))
            self.visit_button.setEnabled(False)
            self.lists_hint.setText(self.tr("{n} selected").format(n=len(ids)) if ids else
                                    self.tr("Select people, then Plan lunch (P) to call them."))
            return
        chosen = self.chosen()
        busy = [e for e in chosen if e.status in OPEN]
        self.plan_button.setEnabled(len(busy) < len(chosen))
        self.visit_button.setEnabled(len(busy) < len(chosen))
        if not chosen:
            text = self.tr("Select people (Shift/Ctrl for several), then Plan lunch (P).")
        elif busy and len(busy) == len(chosen):
            text = self.tr("Already in the planner: double-click to open their lunch.")
        else:
            text = self.tr("{n} selected").format(n=len(chosen)) + (
                self.tr("; {b} already planned").format(b=len(busy)) if busy else "")
        self.lists_hint.setText(text)

    def select_contacts(self, contact_ids: Sequence[int], list_name: str = "nurture") -> None:
        """Select entries of one list (tests, and links from elsewhere)."""
        tab = 0 if list_name == "nurture" else 1
        self.lists_tabs.setCurrentIndex(tab)
        table = self.nurture_table if tab == 0 else self.expand_table
        table.clearSelection()
        mode = table.selectionMode()
        table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for cid in contact_ids:
            row = self._list_model(tab).row_where(lambda e, c=cid: e.contact_id == c)
            if row >= 0:
                table.selectRow(row)
        table.setSelectionMode(mode)
        self.update_hint()

    def _on_table_double_clicked(self, _index: object) -> None:
        chosen = self.chosen()
        if len(chosen) == 1 and chosen[0].follow_up_id is not None:
            self.lunchActivated.emit(chosen[0].follow_up_id)
