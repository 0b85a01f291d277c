"""Record a referral or promotion given to, or received from, a contact."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from wombat_desktop.core.activity_views import ReferralView
from wombat_desktop.services.referrals import ReferralDraft
from wombat_desktop.ui.dialogs.submit_dialog import SubmitDialog

STATUSES = [("given", "Given"), ("contacted", "Contacted"), ("met", "Met"),
            ("closed", "Closed (business done)"), ("lost", "Lost")]


class ReferralDialog(SubmitDialog):
    """Direction, kind, for whom, date, status, temperature 1–5 and closed value."""

    def __init__(self, contact_id: int, name: str, today: dt.date,
                 submit: Callable[[ReferralDraft], ReferralView],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Record a referral with {name}").format(name=name), parent)
        self._contact_id = contact_id
        self._submit_fn = submit
        self.given_radio = QRadioButton(self.tr("I &gave them business"), self)
        self.received_radio = QRadioButton(self.tr("They gave &me business"), self)
        self.given_radio.setChecked(True)
        self.direction_group = QButtonGroup(self)
        direction = QHBoxLayout()
        for button in (self.given_radio, self.received_radio):
            self.direction_group.addButton(button)
            button.setAccessibleName(button.text().replace("&", ""))
            direction.addWidget(button)
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("Referral (a client)"), "referral")
        self.kind_combo.addItem(self.tr("Promotion (talked them up)"), "promotion")
        self.for_edit = QLineEdit(self)
        self.for_edit.setPlaceholderText(self.tr("The prospect, e.g. Ann Lee (Acme)"))
        self.date_edit = QDateEdit(QDate(today), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd yyyy-MM-dd")
        self.date_edit.setMaximumDate(QDate(today))
        self.status_combo = QComboBox(self)
        for value, label in STATUSES:
            self.status_combo.addItem(self.tr(label), value)
        self.temperature_spin = QSpinBox(self)
        self.temperature_spin.setRange(1, 5)
        self.temperature_spin.setValue(3)
        self.temperature_spin.setToolTip(self.tr("1 = cold, 5 = hot"))
        self.value_spin = QDoubleSpinBox(self)
        self.value_spin.setRange(0, 1e9)
        self.value_spin.setDecimals(2)
        self.value_spin.setSpecialValueText(self.tr("— (not closed)"))
        self.value_spin.setToolTip(self.tr("Closed-business value; private, never printed"))
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.notes_edit.fontMetrics().lineSpacing() * 3 + 12)
        self.form.addRow(self.tr("Direction:"), direction)
        for label, widget in ((self.tr("&Kind:"), self.kind_combo),
                              (self.tr("&For whom:"), self.for_edit),
                              (self.tr("&Date:"), self.date_edit),
                              (self.tr("&Status:"), self.status_combo),
                              (self.tr("&Temperature:"), self.temperature_spin),
                              (self.tr("&Value:"), self.value_spin),
                              (self.tr("&Notes:"), self.notes_edit)):
            self.form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        self.finish_layout()
        self.resize(460, 0)
        self.received_radio.toggled.connect(self._on_received_radio_toggled)

    def _on_received_radio_toggled(self, received: bool) -> None:
        """Business they sent reached the user: it is at least "contacted" by then."""
        if self.status_combo.currentData() in ("given", "contacted"):
            value = "contacted" if received else "given"
            self.status_combo.setCurrentIndex(self.status_combo.findData(value))

    def draft(self) -> ReferralDraft:
        day = self.date_edit.date().toPython()
        assert isinstance(day, dt.date)
        value = self.value_spin.value()
        return ReferralDraft(
            direction="given" if self.given_radio.isChecked() else "received",
            contact_id=self._contact_id, occurred_on=day,
            kind=str(self.kind_combo.currentData()), for_name=self.for_edit.text(),
            status=str(self.status_combo.currentData()),
            temperature=self.temperature_spin.value(), value=value or None,
            notes=self.notes_edit.toPlainText())

    def _submit(self) -> ReferralView:
        return self._submit_fn(self.draft())
