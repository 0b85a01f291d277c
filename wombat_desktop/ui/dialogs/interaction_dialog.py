"""Log an interaction with a contact: kind, date and what was said."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QPlainTextEdit, QWidget

from wombat_desktop.core.activity_views import InteractionView
from wombat_desktop.ui.dialogs.submit_dialog import SubmitDialog

# (kind, label) in the order the user picks them
KINDS = [("lunch", "Lunch"), ("call", "Call"), ("one_to_one", "One-to-one"),
         ("meeting", "Meeting"), ("event", "Event"), ("email", "E-mail"), ("note", "Note")]


class InteractionDialog(SubmitDialog):
    """Kind, date (today or earlier) and text; the service refuses a future date."""

    def __init__(self, name: str, today: dt.date,
                 submit: Callable[[str, dt.date, str], InteractionView],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Log an interaction with {name}").format(name=name), parent)
        self._submit_fn = submit
        self.kind_combo = QComboBox(self)
        for kind, label in KINDS:
            self.kind_combo.addItem(self.tr(label), kind)
        self.date_edit = QDateEdit(QDate(today), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd yyyy-MM-dd")
        self.date_edit.setMaximumDate(QDate(today))
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText(self.tr("What you talked about, what comes next …"))
        for label, widget in ((self.tr("&Kind:"), self.kind_combo),
                              (self.tr("&Date:"), self.date_edit),
                              (self.tr("&What:"), self.text_edit)):
            self.form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        self.finish_layout()
        self.resize(440, 300)

    def day(self) -> dt.date:
        day = self.date_edit.date().toPython()
        assert isinstance(day, dt.date)
        return day

    def _submit(self) -> InteractionView:
        return self._submit_fn(str(self.kind_combo.currentData()), self.day(),
                               self.text_edit.toPlainText())
