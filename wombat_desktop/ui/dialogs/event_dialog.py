"""Dialogs of the Events page: edit an event, pick expected attendees, capture someone new.

Each dialog hands its values to a ``submit`` callable (a service call) when OK is pressed; a
refused value (`WombatError`) is shown inside the dialog, which then stays open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from wombat_desktop.core.search import filter_items
from wombat_desktop.core.views import ContactListItem
from wombat_desktop.services.events import Choice, EventDraft
from wombat_desktop.ui.dialogs.submit_dialog import SubmitDialog

EVENT_DIALOG_WIDTH = 460
SHOWN = 200  # matches listed in the picker; typing narrows them


def _combo(parent: QWidget, name: str, none: str, choices: Sequence[Choice],
           current: int | None) -> QComboBox:
    combo = QComboBox(parent)
    combo.setAccessibleName(name)
    combo.addItem(none, None)
    for c in choices:
        label = c.label if len(c.label) <= 90 else c.label[:88] + "…"
        combo.addItem(label, c.id)
        combo.setItemData(combo.count() - 1, c.text or c.label, Qt.ItemDataRole.ToolTipRole)
    combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(30)
    return combo


class EventDialog(SubmitDialog):
    """Name, date and time, place, organisation, goals, memory hook and script of an event."""

    def __init__(self, draft: EventDraft | None, organizations: Sequence[Choice],
                 hooks: Sequence[Choice], scripts: Sequence[Choice],
                 submit: Callable[[EventDraft], Any], default_start: dt.datetime,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New event") if draft is None else self.tr("Edit event"),
                         parent, EVENT_DIALOG_WIDTH)
        self._submit_fn = submit
        d = draft or EventDraft("")
        self.name_edit = QLineEdit(d.name, self)
        self.name_edit.setAccessibleName(self.tr("Event name"))
        self.name_edit.setPlaceholderText(self.tr("e.g. Chamber of Commerce breakfast"))
        self.when_edit = QDateTimeEdit(self)
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat("yyyy-MM-dd  HH:mm")
        self.when_edit.setDateTime(QDateTime(d.starts_at or default_start))
        self.when_edit.setAccessibleName(self.tr("Date and time"))
        self.no_date_check = QCheckBox(self.tr("No date yet"), self)
        self.no_date_check.setChecked(draft is not None and d.starts_at is None)
        self.when_edit.setEnabled(not self.no_date_check.isChecked())
        self.place_edit = QLineEdit(d.place, self)
        self.place_edit.setAccessibleName(self.tr("Place"))
        self.org_combo = _combo(self, self.tr("Organisation"), self.tr("— none —"),
                                organizations, d.organization_id)
        self.goals_edit = QPlainTextEdit(d.goals, self)
        self.goals_edit.setAccessibleName(self.tr("Goals"))
        self.goals_edit.setPlaceholderText(
            self.tr("People to meet, referrals to ask for, what you want to learn …"))
        self.goals_edit.setTabChangesFocus(True)
        self.goals_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.hook_combo = _combo(self, self.tr("Memory hook"), self.tr("— none —"), hooks,
                                 d.memory_hook_id)
        self.script_combo = _combo(self, self.tr("Script"), self.tr("— none —"), scripts,
                                   d.intro_script_id)
        when = QHBoxLayout()
        when.addWidget(self.when_edit, 1)
        when.addWidget(self.no_date_check)
        self.form.addRow(self.tr("&Name:"), self.name_edit)
        when_label = QLabel(self.tr("&When:"), self)  # a layout row gets no buddy by itself
        when_label.setBuddy(self.when_edit)
        self.form.addRow(when_label, when)
        self.form.addRow(self.tr("&Place:"), self.place_edit)
        self.form.addRow(self.tr("&Organisation:"), self.org_combo)
        self.form.addRow(self.tr("&Goals:"), self.goals_edit)
        self.form.addRow(self.tr("Memory &hook:"), self.hook_combo)
        self.form.addRow(self.tr("&Script to use:"), self.script_combo)
        self._notes = d.notes
        self.finish_layout()
        self.no_date_check.toggled.connect(self._on_no_date_check_toggled)

    def _on_no_date_check_toggled(self, checked: bool) -> None:
        self.when_edit.setEnabled(not checked)

    def draft(self) -> EventDraft:
        start = None
        if not self.no_date_check.isChecked():
            start = self.when_edit.dateTime().toPython()
            assert isinstance(start, dt.datetime)
            start = start.replace(second=0, microsecond=0)
        return EventDraft(self.name_edit.text(), start, self.place_edit.text(),
                          self.org_combo.currentData(), self.goals_edit.toPlainText(),
                          self.hook_combo.currentData(), self.script_combo.currentData(),
                          self._notes)

    def _submit(self) -> Any:
        return self._submit_fn(self.draft())


class AttendeePickerDialog(SubmitDialog):
    """Search the contact book and tick the people expected at the event."""

    def __init__(self, items: Sequence[ContactListItem], listed: set[int],
                 submit: Callable[[list[int], str], Any], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add expected attendees"), parent, EVENT_DIALOG_WIDTH)
        self.setMinimumSize(560, 480)
        self._items = [i for i in items if i.id not in listed]
        self._submit_fn = submit
        self._chosen: dict[int, ContactListItem] = {}
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Search names, companies, e-mails …"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("Search contacts"))
        self.results = QListWidget(self)
        self.results.setAccessibleName(self.tr("Matching contacts"))
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.count_label = QLabel(self)
        self.goal_edit = QLineEdit(self)
        self.goal_edit.setAccessibleName(self.tr("Goal for these people"))
        self.goal_edit.setPlaceholderText(self.tr("optional, e.g. ask about their new office"))
        self.outer.insertWidget(0, self.search_edit)
        self.outer.insertWidget(1, self.results, 1)
        self.outer.insertWidget(2, self.count_label)
        self.form.addRow(self.tr("&Goal:"), self.goal_edit)
        self.finish_layout()
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.results.itemChanged.connect(self._on_results_item_changed)
        self._fill("")

    def _fill(self, query: str) -> None:
        matches = filter_items(self._items, query)
        self.results.blockSignals(True)
        self.results.clear()
        for item in matches[:SHOWN]:
            last = item.last_interaction_on.isoformat() if item.last_interaction_on else "—"
            text = self.tr("{name} — {company}   ·   {tie}   ·   last: {last}").format(
                name=item.name, company=item.organization or "—",
                tie=self.tr("strong") if item.tie.value == "strong" else self.tr("weak"),
                last=last)
            row = QListWidgetItem(text, self.results)
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if item.id in self._chosen
                              else Qt.CheckState.Unchecked)
        self.results.blockSignals(False)
        self._update_count(len(matches))

    def _update_count(self, matches: int) -> None:
        shown = min(matches, SHOWN)
        more = self.tr(" (type to narrow)") if matches > SHOWN else ""
        self.count_label.setText(self.tr("{shown:,} of {matches:,} shown{more} · {n} chosen")
                                 .format(shown=shown, matches=matches, more=more,
                                         n=len(self._chosen)))

    def _on_search_edit_text_changed(self, text: str) -> None:
        self._fill(text)

    def _on_results_item_changed(self, row: QListWidgetItem) -> None:
        cid = int(row.data(Qt.ItemDataRole.UserRole))
        if row.checkState() == Qt.CheckState.Checked:
            self._chosen[cid] = next(i for i in self._items if i.id == cid)
        else:
            self._chosen.pop(cid, None)
        self._update_count(len(filter_items(self._items, self.search_edit.text())))

    def choose(self, contact_ids: Sequence[int]) -> None:
        """Tick contacts (as a click on each would)."""
        for r in range(self.results.count()):
            row = self.results.item(r)
            if int(row.data(Qt.ItemDataRole.UserRole)) in contact_ids:
                row.setCheckState(Qt.CheckState.Checked)

    def chosen_ids(self) -> list[int]:
        return list(self._chosen)

    def _submit(self) -> Any:
        return self._submit_fn(self.chosen_ids(), self.goal_edit.text())


class MetSomeoneDialog(SubmitDialog):
    """Capture a new person met at the event: becomes a contact, ticked as met."""

    def __init__(self, event_name: str, submit: Callable[[str, str, str, str, str], Any],
                 parent: QWidget | None = None, warning: str = "") -> None:
        super().__init__(self.tr("Someone new I met at {event}").format(event=event_name),
                         parent, EVENT_DIALOG_WIDTH)
        self._submit_fn = submit
        self.warning_label = QLabel(f"⚠ {warning}", self)  # e.g. the event is still ahead
        self.warning_label.setWordWrap(True)
        self.warning_label.setAccessibleName(self.tr("Warning"))
        self.warning_label.setVisible(bool(warning))
        self.outer.insertWidget(0, self.warning_label)
        self.name_edit = QLineEdit(self)
        self.company_edit = QLineEdit(self)
        self.email_edit = QLineEdit(self)
        self.phone_edit = QLineEdit(self)
        self.notes_edit = QLineEdit(self)
        self.notes_edit.setPlaceholderText(self.tr("what you talked about, what to send them"))
        for label, widget, name in (
            (self.tr("&Name:"), self.name_edit, self.tr("Name")),
            (self.tr("&Company:"), self.company_edit, self.tr("Company")),
            (self.tr("&E-mail:"), self.email_edit, self.tr("E-mail")),
            (self.tr("&Phone:"), self.phone_edit, self.tr("Phone")),
            (self.tr("N&otes:"), self.notes_edit, self.tr("Notes")),
        ):
            widget.setAccessibleName(name)
            self.form.addRow(label, widget)
        self.finish_layout()

    def _submit(self) -> Any:
        return self._submit_fn(self.name_edit.text(), self.company_edit.text(),
                               self.email_edit.text(), self.phone_edit.text(),
                               self.notes_edit.text())
