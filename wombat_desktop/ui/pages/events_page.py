"""The Events page: plan a networking event, tick who was met, turn them into lunches."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette, QUndoStack
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.core.errors import WombatError
from wombat_desktop.core.views import ContactListItem
from wombat_desktop.services.contacts import ContactService
from wombat_desktop.services.events import EventDraft, EventService, EventView, FollowUpOutcome
from wombat_desktop.ui import prompts
from wombat_desktop.ui.dialogs.event_dialog import (
    AttendeePickerDialog,
    EventDialog,
    MetSomeoneDialog,
)
from wombat_desktop.ui.event_commands import SnapshotCommand
from wombat_desktop.ui.jobs import JobRunner
from wombat_desktop.ui.widgets.event_attendees import GOAL, MET, NOTES, counts_text
from wombat_desktop.ui.widgets.event_detail import EventDetail, when_text


class EventsPage(QWidget):
    """Networking events: goals before, attendees, and who was met after."""

    message = Signal(str)
    contactsChanged = Signal(list)  # contact ids added
    loaded = Signal()
    followUpsDone = Signal(object)  # FollowUpOutcome

    def __init__(self, events: EventService, contacts: ContactService, undo_stack: QUndoStack,
                 jobs: JobRunner, today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._events, self._contacts = events, contacts
        self._undo, self._jobs, self._today = undo_stack, jobs, today
        self._view: EventView | None = None
        self.dialog: EventDialog | AttendeePickerDialog | MetSomeoneDialog | None = None
        self._build_ui()
        self._connect()

    # --- building -------------------------------------------------------------------

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(self.splitter)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.new_button = QPushButton(self.tr("&New event…"), left)
        self.event_list = QListWidget(left)
        self.event_list.setAccessibleName(self.tr("Events"))
        self.event_list.setWordWrap(True)
        self.event_list.setSpacing(3)
        column.addWidget(self.new_button)
        column.addWidget(self.event_list, 1)

        self.detail = d = EventDetail()
        self.heading, self.info_label, self.plan_label = d.heading, d.info_label, d.plan_label
        self.edit_button, self.delete_button = d.edit_button, d.delete_button
        self.table, self.count_label, self.future_label = d.table, d.count_label, d.future_label
        self.add_button, self.remove_button = d.add_button, d.remove_button
        self.new_person_button, self.followups_button = d.new_person_button, d.followups_button
        self.notes_edit, self.save_notes_button = d.notes_edit, d.save_notes_button
        self.empty_label = d.empty_label

        scroll = QScrollArea(self.splitter)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.detail)
        self.splitter.addWidget(left)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([240, 900])
        layout.addWidget(self.splitter)
        self._show_view(None)

    def _connect(self) -> None:
        self.event_list.currentItemChanged.connect(self._on_event_list_current_changed)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.new_person_button.clicked.connect(self._on_new_person_button_clicked)
        self.followups_button.clicked.connect(self._on_followups_button_clicked)
        self.table.edited.connect(self._on_table_edited)
        self.notes_edit.textChanged.connect(self._on_notes_edit_text_changed)
        self.save_notes_button.clicked.connect(self._on_save_notes_button_clicked)

    # --- loading --------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        """Reload the list of events (upcoming first) and show ``select`` or the current one."""
        keep = select if select is not None else self.current_id()
        summaries = self._events.list_events()
        self.event_list.blockSignals(True)
        self.event_list.clear()
        dim = self.palette().color(QPalette.ColorRole.PlaceholderText)
        for e in summaries:
            when = when_text(e.starts_at) or self.tr("no date yet")
            where = f" · {e.place}" if e.place else ""
            counts = counts_text(e.expected, e.met, e.walk_ins)
            item = QListWidgetItem(f"{e.name}\n{when}{where}\n{counts}", self.event_list)
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            if not e.upcoming:
                item.setForeground(dim)
                item.setToolTip(self.tr("Past event"))
        self.event_list.blockSignals(False)
        ids = [e.id for e in summaries]
        row = ids.index(keep) if keep in ids else (0 if ids else -1)
        self.event_list.setCurrentRow(row)
        self._show(ids[row] if row >= 0 else None)
        self.loaded.emit()

    def current_id(self) -> int | None:
        item = self.event_list.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _on_event_list_current_changed(self, current: QListWidgetItem | None,
                                       _previous: QListWidgetItem | None) -> None:
        self._save_notes_if_dirty()
        self._show(int(current.data(Qt.ItemDataRole.UserRole)) if current else None)

    def _show(self, event_id: int | None) -> None:
        try:
            view = self._events.get(event_id) if event_id is not None else None
        except WombatError as exc:
            self.message.emit(str(exc))
            view = None
        self._show_view(view)

    def _show_view(self, view: EventView | None) -> None:
        self._view = view
        self.detail.show_view(view)

    def _changed(self, select: int | None = None) -> None:
        self.reload(select)

    # --- the event ------------------------------------------------------------------

    def _on_new_button_clicked(self) -> None:
        self._open_event_dialog(None)

    def _on_edit_button_clicked(self) -> None:
        if self._view is not None:
            self._open_event_dialog(self._view)

    def _open_event_dialog(self, view: EventView | None) -> None:
        start = dt.datetime.combine(self._today() + dt.timedelta(days=7), dt.time(18, 0))
        submit: Callable[[EventDraft], object] = self._events.create
        if view is not None:
            event_id = view.id

            def submit(draft: EventDraft) -> object:
                self._events.update(event_id, draft)
                return event_id
        self.dialog = EventDialog(view.draft if view else None, self._events.organizations(),
                                  self._events.hooks(), self._events.scripts(), submit, start,
                                  self)
        dialog = self.dialog
        dialog.accepted.connect(lambda: self._after_event_dialog(dialog, view))
        dialog.open()

    def _after_event_dialog(self, dialog: EventDialog, view: EventView | None) -> None:
        new_id = dialog.result_value if view is None else view.id
        self._changed(new_id)
        self.message.emit(self.tr("Saved {name}.").format(name=dialog.draft().name.strip()))

    def _on_delete_button_clicked(self) -> None:
        view = self._view
        if view is None:
            return
        try:
            snap = self._events.delete(view.id)
        except WombatError as exc:
            prompts.error(self, self.tr("Cannot delete this event"), str(exc))
            return
        self._undo.push(SnapshotCommand(
            self.tr("Delete event {name}").format(name=view.draft.name), snap,
            self._events.delete, self._events.restore, self._changed))
        self._changed()
        self.message.emit(self.tr("Deleted {name}. Undo with Ctrl+Z.").format(
            name=view.draft.name))

    def _on_notes_edit_text_changed(self) -> None:
        self.save_notes_button.setEnabled(self._view is not None)

    def _on_save_notes_button_clicked(self) -> None:
        self._save_notes_if_dirty()

    def _save_notes_if_dirty(self) -> None:
        if self._view is None or not self.save_notes_button.isEnabled():
            return
        try:
            self._events.set_notes(self._view.id, self.notes_edit.toPlainText())
        except WombatError as exc:
            prompts.error(self, self.tr("Cannot save the notes"), str(exc))
            return
        self.save_notes_button.setEnabled(False)
        self.message.emit(self.tr("Saved the notes."))

    # --- attendees ------------------------------------------------------------------

    def selected_contact_ids(self) -> list[int]:
        return self.table.selected_contact_ids()

    def _on_add_button_clicked(self) -> None:
        self.add_button.setEnabled(False)
        self._jobs.start(self._contacts.list_items, self._open_picker)

    def _open_picker(self, items: list[ContactListItem] | None,
                     error: BaseException | None) -> None:
        self.add_button.setEnabled(self._view is not None)
        view = self._view
        if error is not None or view is None:
            if error is not None:
                prompts.error(self, self.tr("Could not load contacts"), str(error))
            return
        listed = {a.contact_id for a in view.attendees}

        def submit(ids: list[int], goal: str) -> list[int]:
            return self._events.add_attendees(view.id, ids, goal)

        self.dialog = dialog = AttendeePickerDialog(items or [], listed, submit, self)
        dialog.accepted.connect(lambda: self._after_add(dialog.result_value))
        dialog.open()

    def _after_add(self, added: Sequence[int]) -> None:
        self._changed()
        self.message.emit(self.tr("Added {n} to the list.").format(n=len(added)))

    def _on_remove_button_clicked(self) -> None:
        ids, view = self.selected_contact_ids(), self._view
        if not ids or view is None:
            return
        try:
            snap = self._events.remove_attendees(view.id, ids)
        except WombatError as exc:
            prompts.error(self, self.tr("Cannot remove"), str(exc))
            return
        text = self.tr("Remove {n} from {name}").format(n=len(ids), name=view.draft.name)
        self._undo.push(SnapshotCommand(
            text, snap, lambda event_id: self._events.remove_attendees(event_id, ids),
            self._events.restore, self._changed))
        self._changed()
        self.message.emit(self.tr("Removed {n} from the list. Undo with Ctrl+Z.").format(
            n=len(ids)))

    def _on_table_edited(self, contact_id: int, column: int, value: object) -> None:
        view = self._view
        if view is None:
            return
        try:
            if column == MET:
                self._events.set_met(view.id, [contact_id], bool(value))
                if value and view.future:
                    self.message.emit(self.detail.future_warning(view))
            elif column == GOAL:
                self._events.set_goal(view.id, contact_id, str(value))
            elif column == NOTES:
                self._events.set_attendee_notes(view.id, contact_id, str(value))
            else:
                return
        except WombatError as exc:
            prompts.error(self, self.tr("Not saved"), str(exc))
        self._show(view.id)
        self._refresh_current_summary()

    def _refresh_current_summary(self) -> None:
        item, view = self.event_list.currentItem(), self._view
        if item is None or view is None:
            return
        lines = item.text().split("\n")
        lines[-1] = counts_text(len(view.expected), len(view.met), len(view.walk_ins))
        item.setText("\n".join(lines))

    def _on_new_person_button_clicked(self) -> None:
        view = self._view
        if view is None:
            return

        def submit(name: str, company: str, email: str, phone: str, notes: str) -> int:
            return self._events.capture_contact(view.id, name, company, email, phone, notes)

        # A future event gets a warning, not a refusal: its date may just be wrong.
        self.dialog = dialog = MetSomeoneDialog(
            view.draft.name, submit, self, self.detail.future_warning(view) if view.future else "")
        dialog.accepted.connect(lambda: self._after_capture(dialog))
        dialog.open()

    def _after_capture(self, dialog: MetSomeoneDialog) -> None:
        self._changed()
        self.contactsChanged.emit([dialog.result_value])
        self.message.emit(self.tr("Added {name} to your contacts, met at {event}.").format(
            name=dialog.name_edit.text().strip(), event=self._view.draft.name if self._view
            else ""))

    def _on_followups_button_clicked(self) -> None:
        view = self._view
        if view is None:
            return
        if not view.met:
            prompts.info(self, self.tr("No one ticked as met"),
                         self.tr("Tick the people you met first, then create follow-ups."))
            return
        self.followups_button.setEnabled(False)
        self.message.emit(self.tr("Planning lunches …"))
        self._jobs.start(lambda: self._events.follow_up_met(view.id), self._after_followups)

    def _after_followups(self, outcome: FollowUpOutcome | None,
                         error: BaseException | None) -> None:
        self.followups_button.setEnabled(self._view is not None)
        if error is not None or outcome is None:
            prompts.error(self, self.tr("Could not create follow-ups"), str(error))
            return
        text = self.tr("Planned {n} lunch follow-ups (see Lunches).").format(
            n=len(outcome.planned))
        if outcome.skipped:
            lines = "\n".join(f"• {name}: {why}" for name, why in outcome.skipped)
            prompts.info(self, self.tr("Follow-ups"),
                         text + "\n\n" + self.tr("Skipped:") + "\n" + lines)
        self.message.emit(text)
        self.contactsChanged.emit(list(outcome.planned))
        self.followUpsDone.emit(outcome)

