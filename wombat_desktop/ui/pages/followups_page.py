"""The Lunches page (plan sections II.11 and II.12): the agenda, the nurture and expand
lists, the lunch planner and the call sheet. Everything is loaded off the UI thread."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from wombat_desktop.core import followups as rules
from wombat_desktop.core.activity_views import (
    AgendaView,
    CallSheetEntry,
    FollowUpLists,
    KeepInTouchView,
    LunchView,
)
from wombat_desktop.core.errors import WombatError
from wombat_desktop.services.followups import FollowUpService
from wombat_desktop.ui import prompts
from wombat_desktop.ui.dialogs.lunch_dialog import VisitDialog
from wombat_desktop.ui.followup_commands import PlanLunchesCommand
from wombat_desktop.ui.jobs import JobRunner
from wombat_desktop.ui.models.lunch_table import CallSheetTableModel, status_label
from wombat_desktop.ui.widgets.agenda_strip import AgendaStrip
from wombat_desktop.ui.widgets.lunch_lists import LOSING, OPEN, LunchLists
from wombat_desktop.ui.widgets.lunch_planner import LunchPlanner
from wombat_desktop.ui.widgets.read_only_table import read_only_table

Organizations = Callable[[], list[tuple[int, str]]]


@dataclass(frozen=True, slots=True)
class LunchesSnapshot:
    """Everything the page shows, read in one job."""

    agenda: AgendaView
    lists: FollowUpLists
    lunches: list[LunchView]
    calls: list[CallSheetEntry]
    organizations: list[tuple[int, str]]
    losing_touch: list[KeepInTouchView]


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
        self.calls_model = CallSheetTableModel(self)
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

        lists = self.lunch_lists = LunchLists(self._today, split)
        self.nurture_model, self.expand_model, self.losing_model = (
            lists.nurture_model, lists.expand_model, lists.losing_model)
        self.nurture_table, self.expand_table, self.losing_table = (
            lists.nurture_table, lists.expand_table, lists.losing_table)
        self.lists_tabs, self.lists_hint = lists.lists_tabs, lists.lists_hint
        self.plan_button, self.visit_button = lists.plan_button, lists.visit_button

        self.lower_tabs = QTabWidget(split)
        self.lower_tabs.setAccessibleName(self.tr("Planner and call sheet"))
        self.planner = LunchPlanner(self._service, self._undo, self._jobs, self._now,
                                    self.lower_tabs)
        calls = QWidget(self.lower_tabs)
        calls_layout = QVBoxLayout(calls)
        self.hook_label = QLabel(calls)
        self.hook_label.setWordWrap(True)
        self.hook_label.setAccessibleName(self.tr("Your memory hook"))
        self.calls_table = read_only_table(calls, self.calls_model, self.tr("Call sheet"),
                                           (170, 140, 160, 380))
        calls_layout.addWidget(self.hook_label)
        calls_layout.addWidget(self.calls_table, 1)
        self.lower_tabs.addTab(self.planner, "")
        self.lower_tabs.addTab(calls, "")
        split.addWidget(self.lunch_lists)
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
        self.lunch_lists.lunchActivated.connect(self._on_agenda_lunch_activated)
        self.planner.filter_combo.currentIndexChanged.connect(
            lambda _i: self._set_planner_title(True))

    def _set_titles(self, snap: LunchesSnapshot | None) -> None:
        self.lunch_lists.set_titles(snap.lists if snap else None,
                                    len(snap.losing_touch) if snap else 0)
        self._set_planner_title(snap is not None)
        calls = f" ({len(snap.calls)})" if snap else ""
        self.lower_tabs.setTabText(1, self.tr("&Call sheet") + calls)

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
        self.agenda.set_agenda(snap.agenda)
        self.lunch_lists.set_lists(snap.lists)
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
        self.lunch_lists.update_hint()
        self.loaded.emit()

    # --- the lists ------------------------------------------------------------------

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

    def select_contacts(self, contact_ids: Sequence[int], list_name: str = "nurture") -> None:
        """Select entries of one list (tests, and links from elsewhere)."""
        self.lunch_lists.select_contacts(contact_ids, list_name)

    def plan_selected(self) -> None:
        """Put the selected people on the call list (undo removes the new lunches)."""
        service = self._service
        if self.lists_tabs.currentIndex() == LOSING:
            open_ = self.losing_model.open_lunches()
            views = self.lunch_lists.losing_views()
            self._say_busy([(v.name, open_[v.contact_id]) for v in views
                            if v.contact_id in open_])
            todo = self._keep_in_touch_plans([v for v in views if v.contact_id not in open_])
            if not todo:
                return

            def again() -> list[LunchView]:
                return [service.plan(cid, list_name, reason=why, talking_points=points)
                        for cid, list_name, why, points in todo]
        else:
            every = self.lunch_lists.chosen()
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
        chosen = [e for e in self.lunch_lists.chosen() if e.status not in OPEN]
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
