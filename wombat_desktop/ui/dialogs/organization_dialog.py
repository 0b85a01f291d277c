"""Add or edit a networking organisation, and join one (role and visibility positions)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.core.message_views import MembershipView
from wombat_desktop.core.portfolio import KIND_LABELS, OrganizationView
from wombat_desktop.services.organizations import OrganizationDraft


def _spin(parent: QWidget, maximum: float, suffix: str, name: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox(parent)
    spin.setRange(-1, maximum)
    spin.setDecimals(0 if maximum > 1000 else 1)
    spin.setSpecialValueText(parent.tr("not known"))
    spin.setSuffix(suffix)
    spin.setValue(-1)
    spin.setAccessibleName(name)
    return spin


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel, dialog)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class OrganizationDialog(QDialog):
    """The organisation's kind, cadence, cost and members' professions; `draft()` reads it."""

    def __init__(self, org: OrganizationView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.org = org
        self.setWindowTitle(self.tr("Edit organisation") if org else self.tr("New organisation"))
        self._build_ui()
        if org is not None:
            self._fill(org)

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(self.tr("Name"))
        self.kind_combo = QComboBox(self)
        self.kind_combo.setAccessibleName(self.tr("Kind"))
        for kind, label in KIND_LABELS.items():
            self.kind_combo.addItem(self.tr(label), kind.value)
        self.cadence_edit = QLineEdit(self)
        self.cadence_edit.setPlaceholderText(self.tr("e.g. weekly breakfast, monthly mixer"))
        self.cadence_edit.setAccessibleName(self.tr("Meeting cadence"))
        self.dues_spin = _spin(self, 1_000_000, " $", self.tr("Dues per year"))
        self.hours_spin = _spin(self, 744, self.tr(" h"), self.tr("Hours per month"))
        self.professions_edit = QLineEdit(self)
        self.professions_edit.setPlaceholderText(self.tr("Members' professions, comma separated"))
        self.professions_edit.setAccessibleName(self.tr("Members' professions"))
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Kind:"), self.kind_combo)
        form.addRow(self.tr("&Meets:"), self.cadence_edit)
        form.addRow(self.tr("&Dues per year:"), self.dues_spin)
        form.addRow(self.tr("&Hours per month:"), self.hours_spin)
        form.addRow(self.tr("Members' &professions:"), self.professions_edit)
        form.addRow(self.tr("N&otes:"), self.notes_edit)
        layout.addLayout(form, 1)
        self.buttons = _buttons(self)
        layout.addWidget(self.buttons)
        self.resize(480, 420)

    def _fill(self, org: OrganizationView) -> None:
        self.name_edit.setText(org.name)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(org.kind)))
        self.cadence_edit.setText(org.meeting_cadence)
        self.dues_spin.setValue(-1 if org.dues_per_year is None else org.dues_per_year)
        self.hours_spin.setValue(-1 if org.hours_per_month is None else org.hours_per_month)
        self.professions_edit.setText(", ".join(org.professions))
        self.notes_edit.setPlainText(org.notes)

    def draft(self) -> OrganizationDraft:
        def value(spin: QDoubleSpinBox) -> float | None:
            return None if spin.value() < 0 else spin.value()

        return OrganizationDraft(
            self.name_edit.text(), str(self.kind_combo.currentData()), self.cadence_edit.text(),
            value(self.dues_spin), value(self.hours_spin), self.professions_edit.text(),
            self.notes_edit.toPlainText(),
            self.org.last_attended_on if self.org is not None else None)


class JoinDialog(QDialog):
    """The user's membership: role, since when, and positions that raise visibility (II.8)."""

    def __init__(self, org: OrganizationView, current: MembershipView | None,
                 today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.org = org
        self.setWindowTitle(self.tr("Membership of {name}").format(name=org.name))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.role_edit = QLineEdit(current.role if current else "", self)
        self.role_edit.setPlaceholderText(self.tr("e.g. Member, Treasurer, Ambassador"))
        self.role_edit.setAccessibleName(self.tr("Role"))
        self.since_check = QCheckBox(self.tr("Member &since"), self)
        self.since_edit = QDateEdit(self)
        self.since_edit.setCalendarPopup(True)
        self.since_edit.setDisplayFormat("yyyy-MM-dd")
        self.since_edit.setAccessibleName(self.tr("Member since"))
        since = current.since if current and current.since else today
        self.since_edit.setDate(QDate(since.year, since.month, since.day))
        self.since_check.setChecked(current is None or current.since is not None)
        self.since_check.toggled.connect(self.since_edit.setEnabled)
        self.positions_edit = QPlainTextEdit(current.visibility_positions if current else "",
                                             self)
        self.positions_edit.setTabChangesFocus(True)
        self.positions_edit.setPlaceholderText(self.tr(
            "Positions that make you visible: greeter at the door, programme chair, "
            "newsletter editor, speaker…"))
        self.positions_edit.setAccessibleName(self.tr("Positions that raise your visibility"))
        form.addRow(self.tr("&Role:"), self.role_edit)
        form.addRow(self.since_check, self.since_edit)
        form.addRow(self.tr("&Visibility:"), self.positions_edit)
        layout.addLayout(form, 1)
        self.buttons = _buttons(self)
        layout.addWidget(self.buttons)
        self.resize(460, 320)

    def values(self) -> tuple[str, str, dt.date | None]:
        since = self.since_edit.date().toPython() if self.since_check.isChecked() else None
        return self.role_edit.text(), self.positions_edit.toPlainText(), since  # type: ignore[return-value]
