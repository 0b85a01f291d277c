"""The Lunches page (plan sections II.11 and II.12): the agenda, the nurture and expand
lists, the lunch planner and the call sheet. Everything is loaded off the UI thread."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.core import followups as rules
from wombat_desktop.core.activity_views import (
    AgendaView,
    CallSheetEntry,
    FollowUpLists,
    KeepInTouchView,
    ListEntryView,
    LunchView,
)
from wombat_desktop.core.errors import WombatError
from wombat_desktop.services.followups import FollowUpService
from wombat_desktop.ui import prompts
from wombat_desktop.ui.dialogs.lunch_dialog import VisitDialog
from wombat_desktop.ui.followup_commands import PlanLunchesCommand
from wombat_desktop.ui.jobs import JobRunner
from wombat_desktop.ui.models.lunch_table import (
    CallSheetTableModel,
    KeepInTouchTableModel,
    ListEntryTableModel,
    ViewTableModel,
    status_label,
)
from wombat_desktop.ui.widgets.agenda_strip import AgendaStrip
from wombat_desktop.ui.widgets.lunch_planner import LunchPlanner

Organizations = Callable[[], list[tuple[int, str]]]
OPEN = {"to_call", "invited", "scheduled", "held"}


@dataclass(frozen=True, slots=True)
class LunchesSnapshot:
    """Everything the page shows, read in one job."""

    agenda: AgendaView
    lists: FollowUpLists
    lunches: list[LunchView]
    calls: list[CallSheetEntry]
    organizations: list[tuple[int, str]]
    losing_touch: list[KeepInTouchView]


def _table(parent: QWidget, model: ViewTableModel, name: str,  # type: ignore[type-arg]
           widths: Sequence[int]) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setStretchLastSection(True)
    for col, width in enumerate(widths):
        table.horizontalHeader().resizeSection(col, width)
    return table


class FollowUpsPage(QWidget):
    """Who to invite to lunch, and every lunch from the first call to the thank-you."""

    loaded = Signal()
    message = Signal(str)
    contactsChanged = Signal(list)  # contact ids whose last contact changed

    def __init__(self, service: FollowUpService, undo_stack: QUndoStack, jobs: JobRunner,
                 today: Callable[[], dt.date] = dt.date.today,
                 organizations: Organizations | None = None,
                 losing_touch: Callable[[], list[KeepInTouchView]] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._undo = undo_stack
        self._jobs = jobs
        self._today = today
        self._organizations = organizations or list
        self._losing_touch = losing_touch or list
        self._orgs: list[tuple[int, str]] = []
        self._lists = FollowUpLists((), ())
        self._select_after: int | None = None
        self.visit_dialog: VisitDialog | None = None
        self.nurture_model = ListEntryTableModel(today, self)
        self.expand_model = ListEntryTableModel(today, self)
        self.calls_model = CallSheetTableModel(self)
        self.losing_model = KeepInTouchTableModel(today, self)
        self._build_ui()
        self._build_actions()
        self._connect()

    def _now(self) -> dt.datetime:
        return dt.datetime.combine(self._today(), dt.datetime.now().time())

    # --- building -------------------------------------------------------------------

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.agenda = AgendaStrip(self)
        layout.addWidget(self.agenda)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter = split

        top = QWidget(split)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        self.lists_tabs = QTabWidget(top)
        self.lists_tabs.setAccessibleName(self.tr("Lunch lists"))
        widths = (170, 170, 400, 110, 90)
        self.nurture_table = _table(self, self.nurture_model, self.tr("Nurture list"), widths)
        self.expand_table = _table(self, self.expand_model, self.tr("Expand list"), widths)
        self.losing_table = _table(self, self.losing_model, self.tr("Losing touch"),
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
        self.lists_hint = QLabel(top)
        self.lists_hint.setWordWrap(True)
        self.plan_button = QPushButton(self.tr("&Plan lunch"), top)
        self.plan_button.setToolTip(self.tr("Put the selected people on the call list (P)"))
        self.visit_button = QPushButton(self.tr("Invite to &visit…"), top)
        self.visit_button.setToolTip(self.tr(
            "Invite the selected people to visit one of your organisations (V)"))
        bar.addWidget(self.lists_hint, 1)
        bar.addWidget(self.plan_button)
        bar.addWidget(self.visit_button)
        top_layout.addWidget(self.lists_tabs, 1)
        top_layout.addLayout(bar)

        self.lower_tabs = QTabWidget(split)
        self.lower_tabs.setAccessibleName(self.tr("Planner and call sheet"))
        self.planner = LunchPlanner(self._service, self._undo, self._jobs, self._now,
                                    self.lower_tabs)
        calls = QWidget(self.lower_tabs)
        calls_layout = QVBoxLayout(calls)
        self.hook_label = QLabel(calls)
        self.hook_label.setWordWrap(True)
        self.hook_label.setAccessibleName(self.tr("Your memory hook"))
        self.calls_table = _table(calls, self.calls_model, self.tr("Call sheet"),
                                  (170, 140, 160, 380))
        calls_layout.addWidget(self.hook_label)
        calls_layout.addWidget(self.calls_table, 1)
        self.lower_tabs.addTab(self.planner, "")
        self.lower_tabs.addTab(calls, "")
        split.addWidget(top)
        split.addWidget(self.lower_tabs)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([280, 420])
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)
        self._set_titles(None)

    def _build_actions(self) -> None:
        self.plan_action = QAction(self.tr("&Plan lunch"), self)
        self.plan_action.setShortcut(QKeySequence("P"))
        self.plan_action.triggered.connect(self.plan_selected)
        self.visit_action = QAction(self.tr("Invite to &visit…"), self)
        self.visit_action.setShortcut(QKeySequence("V"))
        self.visit_action.triggered.connect(self.invite_to_visit)
        for act in (self.plan_action, self.visit_action):
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.nurture_table.addAction(act)
            self.expand_table.addAction(act)
        self.losing_table.addAction(self.plan_action)
        self.reload_action = QAction(self.tr("&Refresh lunches"), self)
        self.reload_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.reload_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.reload_action.triggered.connect(self.reload)
        self.addAction(self.reload_action)

    def _connect(self) -> None:
        self.plan_button.clicked.connect(self.plan_selected)
        self.visit_button.clicked.connect(self.invite_to_visit)
        self.agenda.lunchActivated.connect(self._on_agenda_lunch_activated)
        self.planner.changed.connect(self.reload)
        self.planner.message.connect(self.message)
        self.planner.contactsChanged.connect(self.contactsChanged)
        self.lists_tabs.currentChanged.connect(lambda _i: self._update_hint())
        self.planner.filter_combo.currentIndexChanged.connect(
            lambda _i: self._set_planner_title(True))
        for table in (self.nurture_table, self.expand_table, self.losing_table):
            table.selectionModel().selectionChanged.connect(lambda *_a: self._update_hint())
            table.doubleClicked.connect(self._on_list_double_clicked)

    def _set_titles(self, snap: LunchesSnapshot | None) -> None:
        def n(count: int) -> str:
            return f" ({count})" if snap else ""

        lists = snap.lists if snap else FollowUpLists((), ())
        self.lists_tabs.setTabText(2, self.tr("&Losing touch") + n(
            len(snap.losing_touch) if snap else 0))
        self.lists_tabs.setTabText(0, self.tr("&Nurture — you referred them; nothing came "
                                              "back yet") + n(len(lists.nurture)))
        self.lists_tabs.setTabText(1, self.tr("&Expand — you want to do business with "
                                              "them") + n(len(lists.expand)))
        self._set_planner_title(snap is not None)
        self.lower_tabs.setTabText(1, self.tr("&Call sheet") + n(len(snap.calls) if snap else 0))

    def _set_planner_title(self, loaded: bool) -> None:
        """"Lunch planner (27 open of 37)": the count matches the rows the filter shows."""
        count = f" ({self.planner.shown_summary()})" if loaded else ""
        self.lower_tabs.setTabText(0, self.tr("Lunch planner") + count)

    # --- loading --------------------------------------------------------------------

    def reload(self) -> None:
        """Read the agenda, the lists, the lunches and the call sheet off the UI thread."""
        service, orgs, losing = self._service, self._organizations, self._losing_touch

        def work() -> LunchesSnapshot:
            return LunchesSnapshot(service.agenda(), service.lists(), service.lunches(),
                                   service.call_sheet(), orgs(), losing())

        self._jobs.start(work, self.take_loaded)

    def take_loaded(self, snap: LunchesSnapshot | None, error: BaseException | None) -> None:
        if error is not None or snap is None:
            prompts.error(self, self.tr("Could not load the lunches"), str(error))
            return
        keep = {t: [e.contact_id for e in self._chosen(t)] for t in (0, 1)}
        self.agenda.set_agenda(snap.agenda)
        self.nurture_model.set_items(snap.lists.nurture)
        self.expand_model.set_items(snap.lists.expand)
        for tab, table in ((0, self.nurture_table), (1, self.expand_table)):
            model = self._list_model(tab)
            for cid in keep[tab]:
                row = model.row_where(lambda e, c=cid: e.contact_id == c)
                if row >= 0:
                    table.selectRow(row)
        self.planner.set_lunches(snap.lunches)
        self._lists = snap.lists
        self.losing_model.set_open({v.contact_id: v.status for v in snap.lunches
                                    if v.status in OPEN})
        self.losing_model.set_items(snap.losing_touch)
        self.calls_model.set_items(snap.calls)
        self._orgs = snap.organizations
        hooks = {c.memory_hook for c in snap.calls if c.memory_hook}
        missing = sum(1 for c in snap.calls if not c.has_phone)
        hook = (self.tr("Your memory hook: <i>{hook}</i>").format(hook=hooks.pop())
                if len(hooks) == 1 else "")
        gaps = (self.tr("<b>{n} without a phone number</b>: find one or write to them.").format(
            n=missing) if missing else "")
        self.hook_label.setText("<br>".join(x for x in (hook, gaps) if x)
                                or self.tr("Everyone to call or chase."))
        self._set_titles(snap)
        if self._select_after is not None:
            self.lower_tabs.setCurrentIndex(0)
            self.planner.select_lunch(self._select_after)
            self._select_after = None
        self._update_hint()
        self.loaded.emit()

    # --- the lists ------------------------------------------------------------------

    def _list_model(self, tab: int) -> ListEntryTableModel:
        return self.nurture_model if tab == 0 else self.expand_model

    def _chosen(self, tab: int | None = None) -> list[ListEntryView]:
        tab = self.lists_tabs.currentIndex() if tab is None else tab
        if tab == 2:
            return []
        table = self.nurture_table if tab == 0 else self.expand_table
        model = self._list_model(tab)
        rows = sorted({i.row() for i in table.selectionModel().selectedRows()})
        return [model.item(r) for r in rows if r < model.rowCount()]

    def _losing_chosen(self) -> list[int]:
        return [v.contact_id for v in self._losing_views()]

    def _losing_views(self) -> list[KeepInTouchView]:
        rows = sorted({i.row() for i in self.losing_table.selectionModel().selectedRows()})
        return [self.losing_model.item(r) for r in rows]

    def _keep_in_touch_plans(self, chosen: Sequence[KeepInTouchView]
                             ) -> list[tuple[int, str, str, str]]:
        """(contact, list, reason, talking points) of lunches planned to keep in touch;
        the list is nurture or expand when the person is on one."""
        on_list = {e.contact_id: e for e in (*self._lists.expand, *self._lists.nurture)}
        out = []
        for v in chosen:
            entry = on_list.get(v.contact_id)
            points = self.tr("Catch up: what is new with them since you last spoke?")
            if entry is not None:
                points += "\n" + self.tr("Also on your {list} list: {why}").format(
                    list=self.tr(entry.list_name), why=entry.reason)
            out.append((v.contact_id, entry.list_name if entry else "other",
                        rules.keep_in_touch_reason(v.last_interaction_on, self._today()),
                        points))
        return out

    def _say_busy(self, names: Sequence[tuple[str, str]]) -> None:
        """Tell the user who was not planned because they have an open lunch."""
        if names:
            shown = ", ".join(f"{n} ({status_label(st)})" for n, st in names[:3])
            self.message.emit(self.tr("Already has an open lunch, not planned again: {who}. "
                                      "Double-click to open it.").format(who=shown))

    def _update_hint(self) -> None:
        if self.lists_tabs.currentIndex() == 2:
            ids = self._losing_chosen()
            self.plan_button.setEnabled(bool(ids))
            self.visit_button.setEnabled(False)
            self.lists_hint.setText(self.tr("{n} selected").format(n=len(ids)) if ids else
                                    self.tr("Select people, then Plan lunch (P) to call them."))
            return
        chosen = self._chosen()
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
        self._update_hint()

    def plan_selected(self) -> None:
        """Put the selected people on the call list (undo removes the new lunches)."""
        service = self._service
        if self.lists_tabs.currentIndex() == 2:
            open_ = self.losing_model.open_lunches()
            views = self._losing_views()
            self._say_busy([(v.name, open_[v.contact_id]) for v in views
                            if v.contact_id in open_])
            todo = self._keep_in_touch_plans([v for v in views if v.contact_id not in open_])
            if not todo:
                return

            def again() -> list[LunchView]:
                return [service.plan(cid, list_name, reason=why, talking_points=points)
                        for cid, list_name, why, points in todo]
        else:
            every = self._chosen()
            self._say_busy([(e.name, e.status) for e in every if e.status in OPEN])
            chosen = [e for e in every if e.status not in OPEN]
            ids = [e.contact_id for e in chosen]
            list_name = chosen[0].list_name if chosen else ""
            if not ids:
                return

            def again() -> list[LunchView]:
                return service.plan_many(ids, list_name)

        try:
            planned = again()
        except WombatError as exc:
            prompts.error(self, self.tr("Cannot plan this lunch"), str(exc))
            return
        self._after_plan(planned, again)

    def invite_to_visit(self) -> None:
        """Ask which organisation, then plan visit invitations for the selected people."""
        chosen = [e for e in self._chosen() if e.status not in OPEN]
        if not chosen:
            return
        service = self._service
        done: list[tuple[int, list[LunchView]]] = []

        def plan(org: int) -> list[LunchView]:
            return [service.plan(e.contact_id, e.list_name, kind="visit", organization_id=org)
                    for e in chosen]

        def submit(org: int) -> list[LunchView]:
            done.append((org, plan(org)))
            return done[-1][1]

        dialog = VisitDialog([e.name for e in chosen], self._orgs, submit, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._after_plan(done[-1][1], lambda: plan(done[-1][0])))
        dialog.finished.connect(lambda _r: setattr(self, "visit_dialog", None))
        self.visit_dialog = dialog
        dialog.open()

    def _after_plan(self, planned: list[LunchView], again: Callable[[], list[LunchView]]
                    ) -> None:
        if not planned:
            self.message.emit(self.tr("Everyone selected already has a lunch planned."))
            return
        self._undo.push(PlanLunchesCommand(self._service, planned, again, self.reload))
        self._select_after = planned[0].id
        self.message.emit(self.tr("Planned {n}: call them from the call sheet. Undo with "
                                  "Ctrl+Z.").format(n=len(planned)))
        self.reload()

    # --- slots ----------------------------------------------------------------------

    def _on_agenda_lunch_activated(self, follow_up_id: int) -> None:
        self.lower_tabs.setCurrentIndex(0)
        if self.planner.select_lunch(follow_up_id):
            self.planner.table.setFocus()

    def _on_list_double_clicked(self, _index: object) -> None:
        chosen = self._chosen()
        if len(chosen) == 1 and chosen[0].follow_up_id is not None:
            self._on_agenda_lunch_activated(chosen[0].follow_up_id)
