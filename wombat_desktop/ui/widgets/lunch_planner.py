"""The lunch planner: the lunch table and the status buttons, with its notes panel
(`lunch_notes`) and calendar export (`ui.lunch_calendar_export`).

Every status step goes through `FollowUpService` and is pushed on the undo stack (undo puts
the lunch back with `FollowUpService.restore`). Typed notes are saved, undoably, when another
lunch becomes current or the planner hides.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.core import followups as rules
from wombat_desktop.core.activity_views import LunchView
from wombat_desktop.core.errors import WombatError
from wombat_desktop.services.followups import FollowUpService
from wombat_desktop.ui import prompts
from wombat_desktop.ui.dialogs.lunch_dialog import NotesDialog, ScheduleDialog
from wombat_desktop.ui.followup_commands import EditLunchCommand, MoveLunchCommand
from wombat_desktop.ui.jobs import JobRunner
from wombat_desktop.ui.lunch_calendar_export import LunchCalendarExport
from wombat_desktop.ui.models.lunch_table import LunchTableModel
from wombat_desktop.ui.widgets.lunch_notes import LunchNotes
from wombat_desktop.ui.widgets.read_only_table import read_only_table

OPEN = {s.value for s in rules.OPEN}
FILTERS = [("Open lunches", OPEN), ("All lunches", None),
           ("Finished", {"followed_up", "declined"})]
# (status the button moves to, label, key on the table)
STEPS = [("invited", "&Invite", "I"), ("scheduled", "&Schedule…", "S"),
         ("held", "Mark &held…", "H"), ("followed_up", "&Followed up", "F"),
         ("declined", "&Declined", "D"), ("to_call", "&Reopen", "R")]


class LunchPlanner(QWidget):
    """Lunch table with buttons (and one-key shortcuts) that move a lunch along its flow."""

    changed = Signal()  # something was written: reload the page
    contactsChanged = Signal(list)  # contact ids whose last contact changed (held lunches)
    message = Signal(str)

    def __init__(self, service: FollowUpService, undo_stack: QUndoStack, jobs: JobRunner,
                 now: Callable[[], dt.datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._undo = undo_stack
        self._jobs = jobs
        self._now = now
        self._all: list[LunchView] = []
        self._shown: LunchView | None = None  # the lunch whose notes the editors hold
        self._resetting = False
        self.dialog: QDialog | None = None
        self.model = LunchTableModel(self)
        self.calendar = LunchCalendarExport(service, jobs, self)
        self._build_ui()
        self._build_actions()
        self._connect()
        self._on_current_changed()

    # --- building -------------------------------------------------------------------

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.filter_combo = QComboBox(self)
        self.filter_combo.setAccessibleName(self.tr("Show lunches"))
        for label, statuses in FILTERS:
            self.filter_combo.addItem(self.tr(label), statuses)
        bar.addWidget(self.filter_combo)
        self.step_buttons: dict[str, QPushButton] = {}
        for status, label, key in STEPS:
            button = QPushButton(self.tr(label), self)
            button.setToolTip(self.tr("{what} ({key} in the table)").format(
                what=label.replace("&", "").rstrip("…"), key=key))
            bar.addWidget(button)
            self.step_buttons[status] = button
        bar.addStretch(1)
        self.export_button = QPushButton(self.tr("E&xport to calendar…"), self)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.table = read_only_table(split, self.model, self.tr("Lunch planner"),
                                     (150, 80, 175, 140, 100))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.notes = LunchNotes(split)
        self.reason_label, self.points_edit, self.before_edit, self.after_edit = (
            self.notes.reason_label, self.notes.points_edit, self.notes.before_edit,
            self.notes.after_edit)
        self.save_button = self.notes.save_button
        split.addWidget(self.table)
        split.addWidget(self.notes)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([760, 320])
        layout.addWidget(split, 1)

    def _build_actions(self) -> None:
        self.step_actions: dict[str, QAction] = {}
        for status, label, key in STEPS:
            act = QAction(self.tr(label), self)
            act.setShortcut(QKeySequence(key))
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            act.triggered.connect(lambda _c=False, s=status: self.step(s))
            self.table.addAction(act)
            self.step_actions[status] = act
        self.delete_action = QAction(self.tr("Delete lunch"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.table.addAction(self.delete_action)
        self.save_action = QAction(self.tr("Save notes"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(self.save_notes)
        self.addAction(self.save_action)
        self.export_one_action = QAction(self.tr("Export the &selected lunches…"), self)
        self.export_one_action.triggered.connect(lambda: self.export_calendar(selected=True))
        self.export_all_action = QAction(self.tr("Export &all scheduled lunches…"), self)
        self.export_all_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_all_action.triggered.connect(lambda: self.export_calendar(selected=False))

    def _connect(self) -> None:
        for status, button in self.step_buttons.items():
            button.clicked.connect(lambda _c=False, s=status: self.step(s))
        self.filter_combo.currentIndexChanged.connect(lambda _i: self._show_filtered())
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.save_button.clicked.connect(self.save_notes)
        menu = QMenu(self.export_button)
        menu.addAction(self.export_one_action)
        menu.addAction(self.export_all_action)
        self.export_button.setMenu(menu)
        self.calendar.message.connect(self.message)

    # --- content --------------------------------------------------------------------

    def set_lunches(self, lunches: list[LunchView]) -> None:
        """Show a fresh load, keeping the current lunch selected."""
        keep = self.current()
        self._all = lunches
        self._show_filtered(keep.id if keep else None)

    def _show_filtered(self, keep_id: int | None = None) -> None:
        if keep_id is None and (cur := self.current()) is not None:
            keep_id = cur.id
        statuses = self.filter_combo.currentData()
        self._resetting = True  # one notes check after the new rows, not one per signal
        try:
            self.model.set_items([v for v in self._all
                                  if statuses is None or v.status in statuses])
            kept = keep_id is not None and self.select_lunch(keep_id, switch=False)
            if not kept and self.model.rowCount():
                self._select_row(0)
        finally:
            self._resetting = False
        self._on_current_changed()

    def shown_summary(self) -> str:
        """How many lunches the filter shows, e.g. "27 open of 37" (the tab title)."""
        total, shown = len(self._all), self.model.rowCount()
        if self.filter_combo.currentData() is None:
            return str(total)
        what = self.tr("open") if self.filter_combo.currentIndex() == 0 else self.tr("finished")
        return self.tr("{n} {what} of {total}").format(n=shown, what=what, total=total)

    def select_lunch(self, follow_up_id: int, switch: bool = True) -> bool:
        """Make a lunch current (``switch``: show "All lunches" when it is filtered out)."""
        row = self.model.row_where(lambda v: v.id == follow_up_id)
        if row < 0 and switch and any(v.id == follow_up_id for v in self._all):
            self.filter_combo.setCurrentIndex(1)
            row = self.model.row_where(lambda v: v.id == follow_up_id)
        if row < 0:
            return False
        self._select_row(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _select_row(self, row: int) -> None:
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)

    def current(self) -> LunchView | None:
        index = self.table.currentIndex()
        return self.model.item(index.row()) if index.isValid() else None

    def selected(self) -> list[LunchView]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.item(r) for r in rows] or (
            [c] if (c := self.current()) is not None else [])

    def _on_selection_changed(self, *_args: object) -> None:
        self.export_one_action.setEnabled(any(v.starts_at is not None for v in self.selected()))

    def _on_current_changed(self, *_args: object) -> None:
        if self._resetting:
            return
        v = self.current()
        same = v is not None and self._shown is not None and v.id == self._shown.id
        if not same and self._dirty():
            self._save(self._shown)  # the selection moved away from typed notes
        keep_typed = same and self._dirty()
        self._shown = v
        allowed = {s.value for s in rules.allowed_moves(v.status)} if v else set()
        for status in self.step_buttons:
            ok = status in allowed
            self.step_buttons[status].setEnabled(ok)
            self.step_actions[status].setEnabled(ok)
        self._check_held(v, "held" in allowed)
        if v is not None and v.status == "scheduled":
            self.step_buttons["scheduled"].setText(self.tr("Re&schedule…"))
        else:
            self.step_buttons["scheduled"].setText(self.tr("&Schedule…"))
        self._on_selection_changed()
        self.notes.show_lunch(v, keep_typed)

    def _check_held(self, v: LunchView | None, allowed: bool) -> None:
        """"Mark held" only once the lunch has started; the tooltip says why not."""
        button, action = self.step_buttons["held"], self.step_actions["held"]
        tip = self.tr("Mark held (H in the table)")
        if allowed and v is not None and v.starts_at is not None and v.starts_at > self._now():
            allowed = False
            tip = self.tr("The lunch is on {when}: mark it held once it has started.").format(
                when=f"{v.starts_at:%a %Y-%m-%d %H:%M}")
        button.setEnabled(allowed)
        action.setEnabled(allowed)
        button.setToolTip(tip)

    def _dirty(self) -> bool:
        v = self._shown
        return v is not None and any(x.strip() != getattr(v, k)
                                     for k, x in self.notes.typed().items())

    def hideEvent(self, event: QHideEvent) -> None:
        if self._dirty():
            self._save(self._shown)
        super().hideEvent(event)

    # --- steps ----------------------------------------------------------------------

    def step(self, status: str) -> None:
        """Move the current lunch to ``status`` (asking for a time or notes where needed)."""
        v = self.current()
        if v is None:
            return
        s = self._service
        if status == "scheduled":
            others = [x for x in self._all if x.status == "scheduled" and x.id != v.id]
            dialog = ScheduleDialog(v, self._now(), lambda at, place, minutes: s.schedule(
                v.id, at, place, minutes), self, others)
            dialog.accepted.connect(lambda: self._on_schedule_accepted(v, dialog))
            self._open(dialog)
            return
        if status == "held":
            dialog = NotesDialog(self.tr("Lunch with {name} held").format(name=v.name),
                                 self.tr("&How did it go? What comes next?"),
                                 lambda text: s.mark_held(v.id, text), v.notes_after, self)
            dialog.accepted.connect(lambda: self._on_held_accepted(v, dialog))
            self._open(dialog)
            return
        steps: dict[str, Callable[[], LunchView]] = {
            "invited": lambda: s.invite(v.id), "followed_up": lambda: s.mark_followed_up(v.id),
            "declined": lambda: s.decline(v.id), "to_call": lambda: s.reopen(v.id),
        }
        try:
            after = steps[status]()
        except WombatError as exc:
            prompts.error(self, self.tr("Cannot move this lunch"), str(exc))
            return
        self._moved(v, after, steps[status])

    def _on_schedule_accepted(self, before: LunchView, dialog: ScheduleDialog) -> None:
        # The dialog is gone by redo time: capture its values now.
        at, place, minutes = (dialog.starts_at(), dialog.place_edit.text(),
                              dialog.duration_spin.value())
        service = self._service
        self._moved(before, dialog.result_value,
                    lambda: service.schedule(before.id, at, place, minutes))

    def _on_held_accepted(self, before: LunchView, dialog: NotesDialog) -> None:
        text, service = dialog.text_edit.toPlainText(), self._service
        self._moved(before, dialog.result_value, lambda: service.mark_held(before.id, text))

    def _moved(self, before: LunchView, after: LunchView,
               again: Callable[[], LunchView] | None) -> None:
        label = rules.LABEL[rules.LunchStatus(after.status)]
        if again is not None:
            self._undo.push(MoveLunchCommand(self._service, before, after, again,
                                             self.changed.emit))
            self.message.emit(self.tr("{name}: {status}. Undo with Ctrl+Z.").format(
                name=after.name, status=label))
        else:
            self.message.emit(self.tr("{name}: {status}.").format(name=after.name, status=label))
        if after.status == "held":
            self.contactsChanged.emit([after.contact_id])
        self.changed.emit()

    def delete_selected(self) -> None:
        v = self.current()
        if v is None:
            return
        self._shown = None  # its typed notes go with it
        try:
            self._service.delete(v.id)
        except WombatError as exc:
            prompts.error(self, self.tr("Cannot delete this lunch"), str(exc))
            return
        self.message.emit(self.tr("Deleted the lunch with {name}.").format(name=v.name))
        self.changed.emit()

    def save_notes(self) -> None:
        """Save the typed talking points and notes of the current lunch (undoable)."""
        self._save(self.current())

    def _save(self, v: LunchView | None) -> None:
        if v is None:
            return
        values = {k: x for k, x in self.notes.typed().items() if x.strip() != getattr(v, k)}
        if not values:
            return
        try:
            self._service.edit(v.id, **values)
        except WombatError as exc:
            prompts.error(self, self.tr("Cannot save the notes"), str(exc))
            return
        self._undo.push(EditLunchCommand(self._service, v, values, self.changed.emit))
        if self._shown is not None and self._shown.id == v.id:
            self._shown = self._service.get(v.id)
        self.message.emit(self.tr("Saved the notes for {name}.").format(name=v.name))
        self.changed.emit()

    # --- calendar -------------------------------------------------------------------

    def export_calendar(self, selected: bool) -> QFileDialog:
        """Ask for a .ics file, then write the selected lunch or every scheduled one."""
        ids = [v.id for v in self.selected() if v.starts_at is not None] if selected else None
        dialog = self.calendar.file_dialog(ids)
        self._open(dialog)
        return dialog

    def _on_exported(self, path: Path, count: int | None, error: BaseException | None) -> None:
        self.calendar.report(path, count, error)

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()

    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None
