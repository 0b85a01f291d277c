"""The right-hand side of the Events page: one event's plan, attendees and notes after."""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.services.events import EventView
from wombat_desktop.ui.widgets.event_attendees import AttendeeTable, counts_text


def when_text(at: dt.datetime | None) -> str:
    """The start of an event in the locale's long date and 24-hour time ("" when unset)."""
    if at is None:
        return ""
    locale = QLocale()
    return (locale.toString(QDate(at.date()), QLocale.FormatType.LongFormat) + ", "
            + at.strftime("%H:%M"))


class EventDetail(QWidget):
    """Heading and buttons, goals and script, the attendee table and the notes after."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        d = QVBoxLayout(self)
        head = QHBoxLayout()
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.delete_button = QPushButton(self.tr("&Delete event"), self)
        head.addWidget(self.heading, 1)
        head.addWidget(self.edit_button)
        head.addWidget(self.delete_button)
        d.addLayout(head)
        self.info_label = self._text_label(self.tr("When, where and who organises it"))
        d.addWidget(self.info_label)
        plan = QGroupBox(self.tr("Before: goals, memory hook and script"), self)
        p = QVBoxLayout(plan)
        self.plan_label = self._text_label(self.tr("Goals, memory hook and script"))
        p.addWidget(self.plan_label)
        d.addWidget(plan)

        people = QGroupBox(self.tr("Attendees: tick who you met"), self)
        a = QVBoxLayout(people)
        self.table = AttendeeTable(people)
        self.count_label = QLabel(people)
        self.future_label = QLabel(people)  # a warning: people "met" before the event
        self.future_label.setWordWrap(True)
        self.future_label.setAccessibleName(self.tr("Event not started yet"))
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add attendees…"), people)
        self.remove_button = QPushButton(self.tr("&Remove"), people)
        self.new_person_button = QPushButton(self.tr("Add someone new I &met…"), people)
        self.followups_button = QPushButton(self.tr("Create &follow-ups for the people met"),
                                            people)
        for b in (self.add_button, self.remove_button, self.new_person_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        a.addWidget(self.table, 1)
        a.addWidget(self.count_label)
        a.addWidget(self.future_label)
        a.addLayout(buttons)
        d.addWidget(people, 1)

        after = QGroupBox(self.tr("After the event: notes"), self)
        n = QVBoxLayout(after)
        self.notes_edit = QPlainTextEdit(after)
        self.notes_edit.setAccessibleName(self.tr("Notes after the event"))
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.save_notes_button = QPushButton(self.tr("&Save notes"), after)
        self.save_notes_button.setEnabled(False)
        self.followups_button.setParent(after)
        row = QHBoxLayout()
        row.addWidget(self.save_notes_button)
        row.addStretch(1)
        row.addWidget(self.followups_button)
        n.addWidget(self.notes_edit)
        n.addLayout(row)
        d.addWidget(after)
        self.empty_label = QLabel(self.tr("No event yet. Press “New event…” to plan one."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        d.addWidget(self.empty_label)

    def _text_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAccessibleName(name)
        return label

    def show_view(self, view: EventView | None) -> None:
        """Show one event, or the empty state (controls disabled) for None."""
        for w in (self.edit_button, self.delete_button, self.add_button, self.remove_button,
                  self.new_person_button, self.followups_button, self.notes_edit, self.table):
            w.setEnabled(view is not None)
        self.empty_label.setVisible(view is None)
        if view is None:
            self.heading.setText(self.tr("Events"))
            self.info_label.clear()
            self.plan_label.clear()
            self.table.setRowCount(0)
            self.count_label.clear()
            self.future_label.hide()
            self.notes_edit.blockSignals(True)
            self.notes_edit.clear()
            self.notes_edit.blockSignals(False)
            return
        d = view.draft
        self.heading.setText(d.name)
        parts = [when_text(d.starts_at) or self.tr("No date yet"), d.place, view.organization]
        self.info_label.setText(" · ".join(escape(p) for p in parts if p))
        none = f"<i>{escape(self.tr('not set'))}</i>"
        script = (f"<b>{escape(view.script_title)}</b><br>{escape(view.script_text)}"
                  if view.script_title or view.script_text else none)
        self.plan_label.setText(
            f"<b>{escape(self.tr('Goals'))}</b><br>"
            f"{escape(d.goals).replace(chr(10), '<br>') if d.goals else none}<br><br>"
            f"<b>{escape(self.tr('Memory hook'))}</b><br>"
            f"{escape(view.hook) if view.hook else none}<br><br>"
            f"<b>{escape(self.tr('Script to use'))}</b><br>{script}")
        self._fill_table(view)
        self.notes_edit.blockSignals(True)
        self.notes_edit.setPlainText(d.notes)
        self.notes_edit.blockSignals(False)
        self.save_notes_button.setEnabled(False)

    def _fill_table(self, view: EventView) -> None:
        self.table.fill(view)
        self.count_label.setText(counts_text(len(view.expected), len(view.met),
                                             len(view.walk_ins)))
        self.future_label.setText(f"⚠ {self.future_warning(view)}")
        self.future_label.setVisible(view.future and bool(view.met))

    def future_warning(self, view: EventView) -> str:
        """Why ticking people as met before the event starts does not count yet."""
        return self.tr("{name} has not started yet ({when}): people ticked as met count as "
                       "contact and get follow-ups only once it has taken place.").format(
            name=view.draft.name, when=when_text(view.draft.starts_at))
