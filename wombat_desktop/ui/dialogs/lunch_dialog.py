"""Small dialogs of the lunch planner: schedule a lunch, notes after it, a visit invitation.

Each dialog hands its values to a ``submit`` callable (a service call) when OK is pressed;
a refused value (`WombatError`) is shown in the dialog, which stays open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from wombat_desktop.core import followups as rules
from wombat_desktop.core.activity_views import LunchView
from wombat_desktop.ui.dialogs.submit_dialog import SubmitDialog


class ScheduleDialog(SubmitDialog):
    """Date, time, place and length of a lunch; a time in the past is refused.

    It opens on the next free weekday lunch slot and warns (without refusing) when the
    time overlaps one of the ``others`` (the lunches already scheduled).
    """

    def __init__(self, lunch: LunchView, now: dt.datetime,
                 submit: Callable[[dt.datetime, str, int], LunchView],
                 parent: QWidget | None = None, others: Sequence[LunchView] = ()) -> None:
        super().__init__(self.tr("Schedule lunch with {name}").format(name=lunch.name), parent)
        self._submit_fn = submit
        self._others = [o for o in others if o.starts_at is not None and o.id != lunch.id]
        start = lunch.starts_at or rules.next_free_slot(
            now, [(o.starts_at, o.duration_minutes) for o in self._others
                  if o.starts_at is not None], lunch.duration_minutes or 60)
        self.date_edit = QDateEdit(QDate(start.date()), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd yyyy-MM-dd")
        self.time_edit = QTimeEdit(QTime(start.hour, start.minute), self)
        self.time_edit.setDisplayFormat("HH:mm")
        self.place_edit = QLineEdit(lunch.place, self)
        self.place_edit.setPlaceholderText(self.tr("Restaurant, café, their office …"))
        self.duration_spin = QSpinBox(self)
        self.duration_spin.setRange(15, 12 * 60)
        self.duration_spin.setSingleStep(15)
        self.duration_spin.setSuffix(self.tr(" min"))
        self.duration_spin.setValue(lunch.duration_minutes or 60)
        for label, widget in ((self.tr("&Date:"), self.date_edit),
                              (self.tr("&Time:"), self.time_edit),
                              (self.tr("&Place:"), self.place_edit),
                              (self.tr("&Length:"), self.duration_spin)):
            self.form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        self.clash_label = QLabel(self)
        self.clash_label.setWordWrap(True)
        self.clash_label.setAccessibleName(self.tr("Overlapping lunch"))
        self.outer.addWidget(self.clash_label)
        self.finish_layout()
        for signal in (self.date_edit.dateChanged, self.time_edit.timeChanged,
                       self.duration_spin.valueChanged):
            signal.connect(lambda *_a: self._check_clash())
        self._check_clash()

    def clashes(self) -> list[LunchView]:
        """The scheduled lunches that overlap the time chosen."""
        at, minutes = self.starts_at(), self.duration_spin.value()
        return [o for o in self._others if o.starts_at is not None
                and rules.overlaps(at, minutes, o.starts_at, o.duration_minutes)]

    def _check_clash(self) -> None:
        found = self.clashes()
        self.clash_label.setVisible(bool(found))
        if found:
            o = found[0]
            assert o.starts_at is not None
            self.clash_label.setText(self.tr(
                "Heads up: you already have lunch with {name} at {when}.").format(
                name=o.name, when=f"{o.starts_at:%a %H:%M}"))

    def starts_at(self) -> dt.datetime:
        day = self.date_edit.date().toPython()
        t = self.time_edit.time()
        assert isinstance(day, dt.date)
        return dt.datetime.combine(day, dt.time(t.hour(), t.minute()))

    def _submit(self) -> LunchView:
        return self._submit_fn(self.starts_at(), self.place_edit.text(),
                               self.duration_spin.value())


class NotesDialog(SubmitDialog):
    """One block of text (notes after a lunch, why it was declined …)."""

    def __init__(self, title: str, prompt: str, submit: Callable[[str], Any], text: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._submit_fn = submit
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        self.text_edit = QPlainTextEdit(text, self)
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setAccessibleName(prompt)
        label.setBuddy(self.text_edit)
        self.outer.addWidget(label)
        self.outer.addWidget(self.text_edit)
        self.finish_layout()
        self.resize(440, 260)

    def _submit(self) -> Any:
        return self._submit_fn(self.text_edit.toPlainText())


class VisitDialog(SubmitDialog):
    """Invite people to visit one of the user's organisations."""

    def __init__(self, names: Sequence[str], organizations: Sequence[tuple[int, str]],
                 submit: Callable[[int], Any], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Invite to visit an organisation"), parent)
        self._submit_fn = submit
        shown = ", ".join(names[:5]) + (self.tr(" and {n} more").format(n=len(names) - 5)
                                        if len(names) > 5 else "")
        who = QLabel(shown, self)
        who.setWordWrap(True)
        self.org_combo = QComboBox(self)
        self.org_combo.setAccessibleName(self.tr("Organisation"))
        for oid, name in organizations:
            self.org_combo.addItem(name, oid)
        self.form.addRow(self.tr("Invite:"), who)
        self.form.addRow(self.tr("To &visit:"), self.org_combo)
        if not organizations:
            self.error_label.setText(self.tr(
                "No organisation found yet: record a referral made through one of your "
                "groups, or add your memberships first."))
            self.error_label.show()
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.finish_layout()

    def _submit(self) -> Any:
        return self._submit_fn(int(self.org_combo.currentData()))
