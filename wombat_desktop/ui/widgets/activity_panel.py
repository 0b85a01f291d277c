"""The activity panel under a contact's detail form: last contacted, keep-in-touch cadence,
referrals given and received, the latest interactions, "Log…" and "Record referral…"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.core.activity_views import InteractionView, KeepInTouchView, ReferralView
from wombat_desktop.core.errors import WombatError
from wombat_desktop.core.ties import ago
from wombat_desktop.services.interactions import InteractionService
from wombat_desktop.services.referrals import ReferralDraft, ReferralService
from wombat_desktop.ui.dialogs.interaction_dialog import KINDS, InteractionDialog
from wombat_desktop.ui.dialogs.referral_dialog import ReferralDialog
from wombat_desktop.ui.followup_commands import (
    LogInteractionCommand,
    RecordReferralCommand,
    SetCadenceCommand,
)

if TYPE_CHECKING:
    from wombat_desktop.ui.pages.contacts_page import ContactsPage

LOG_ROWS = 8
KIND_LABELS = dict(KINDS)


class ActivityPanel(QGroupBox):
    """Follows one contact; writes go through the undo stack and announce changed ids."""

    contactsChanged = Signal(list)  # contact ids whose tie, counts or last contact changed
    message = Signal(str)

    def __init__(self, interactions: InteractionService, referrals: ReferralService,
                 undo_stack: QUndoStack, today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Activity"))
        self._interactions = interactions
        self._referrals = referrals
        self._undo = undo_stack
        self._today = today
        self._contact: KeepInTouchView | None = None
        self._loading = False
        self.dialog: QDialog | None = None
        self._build_ui()
        self._connect()
        self.set_contact(None)

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.last_label = QLabel(self)
        self.last_label.setAccessibleName(self.tr("Last contacted"))
        self.last_label.setWordWrap(True)
        cadence = QHBoxLayout()
        self.cadence_spin = QSpinBox(self)
        self.cadence_spin.setRange(0, 3650)
        self.cadence_spin.setSuffix(self.tr(" days"))
        self.cadence_spin.setMinimumWidth(
            self.fontMetrics().horizontalAdvance(self.tr("default (90 days)")) + 36)
        self.cadence_spin.setAccessibleName(self.tr("Keep in touch every (days)"))
        self.cadence_spin.setToolTip(self.tr(
            "How often to get in touch; 0 goes back to the default for the tie strength. "
            "Any logged interaction restarts the clock."))
        cadence_label = QLabel(self.tr("Keep in touc&h every"), self)
        cadence_label.setBuddy(self.cadence_spin)
        self.due_label = QLabel(self)
        self.due_label.setAccessibleName(self.tr("Next contact due"))
        self.due_label.setWordWrap(True)
        cadence.addWidget(cadence_label)
        cadence.addWidget(self.cadence_spin)
        cadence.addWidget(self.due_label, 1)
        self.referrals_label = QLabel(self)
        self.referrals_label.setAccessibleName(self.tr("Referrals given and received"))
        self.log_list = QListWidget(self)
        self.log_list.setAccessibleName(self.tr("Latest interactions"))
        self.log_list.setWordWrap(True)
        line = self.fontMetrics().lineSpacing()
        self.log_list.setMinimumHeight(line * 2 + 8)
        self.log_list.setMaximumHeight(line * 5 + 8)
        buttons = QHBoxLayout()
        self.log_button = QPushButton(self.tr("L&og…"), self)
        self.log_button.setToolTip(self.tr("Log a lunch, call, meeting, e-mail or note"))
        self.referral_button = QPushButton(self.tr("Recor&d referral…"), self)
        self.referral_button.setToolTip(self.tr(
            "A referral or promotion you gave them or received from them"))
        buttons.addWidget(self.referrals_label, 1)
        buttons.addWidget(self.log_button)
        buttons.addWidget(self.referral_button)
        layout.addWidget(self.last_label)
        layout.addLayout(cadence)
        layout.addWidget(self.log_list)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.log_button.clicked.connect(self._on_log_button_clicked)
        self.referral_button.clicked.connect(self._on_referral_button_clicked)
        self.cadence_spin.editingFinished.connect(self._on_cadence_spin_editing_finished)

    def follow(self, page: ContactsPage) -> None:
        """Show whichever contact the Contacts page has current."""
        page.table.selectionModel().currentRowChanged.connect(
            lambda *_a: self._follow_contact(page.current_id()))
        self.contactsChanged.connect(page.refresh_ids)
        self.set_contact(page.current_id())

    # --- showing --------------------------------------------------------------------

    @property
    def contact_id(self) -> int | None:
        return self._contact.contact_id if self._contact else None

    def _follow_contact(self, contact_id: int | None) -> None:
        if contact_id is None or contact_id != self.contact_id:  # not the same person again
            self.set_contact(contact_id)

    def set_contact(self, contact_id: int | None) -> None:
        """Show one contact's activity (None: nothing to show)."""
        try:
            self._contact = (self._interactions.cadence(contact_id)
                             if contact_id is not None else None)
        except WombatError:
            self._contact = None
        self.refresh()

    def refresh(self) -> None:
        c = self._contact
        for w in (self.log_button, self.referral_button, self.cadence_spin):
            w.setEnabled(c is not None)
        self.log_list.clear()
        if c is None:
            self.last_label.setText(self.tr("Save a contact to log lunches, calls and referrals."))
            self.due_label.setText("")
            self.referrals_label.setText("")
            self._set_spin(0, "")
            return
        today = self._today()
        if c.last_interaction_on is None:
            last = self.tr("never")
        else:
            kind = KIND_LABELS.get(c.last_interaction_kind, c.last_interaction_kind)
            last = f"{ago(c.last_interaction_on, today)} ({self.tr(kind).lower()})"
        self.last_label.setText(self.tr("Last contacted: <b>{last}</b>").format(last=last))
        self._set_spin(0 if c.is_default else c.cadence_days,
                       self.tr("default ({n} days)").format(n=c.cadence_days))
        if c.due_on is None:
            due = self.tr("no contact logged yet")
        elif c.days_overdue > 0:
            due = self.tr("<b>overdue by {n} days</b>").format(n=c.days_overdue)
        else:
            due = self.tr("next by {day}").format(day=f"{c.due_on:%Y-%m-%d}")
        self.due_label.setText(due)
        b = self._referrals.balance(c.contact_id)
        self.referrals_label.setText(self.tr("Referrals: {g} given · {r} received").format(
            g=b.given, r=b.received))
        for v in self._interactions.for_contact(c.contact_id, LOG_ROWS):
            self._add_row(v)
        if not self.log_list.count():
            QListWidgetItem(self.tr("No interactions logged yet."), self.log_list)

    def _add_row(self, v: InteractionView) -> None:
        kind = self.tr(KIND_LABELS.get(v.kind, v.kind))
        text = f"{v.occurred_on:%Y-%m-%d} · {kind}" + (f" — {v.summary}" if v.summary else "")
        item = QListWidgetItem(text, self.log_list)
        item.setToolTip(v.summary)
        item.setData(Qt.ItemDataRole.UserRole, v.id)

    def _set_spin(self, value: int, default_text: str) -> None:
        self._loading = True
        self.cadence_spin.setSpecialValueText(default_text or " ")
        self.cadence_spin.setValue(value)
        self._loading = False

    def _changed(self, ids: Sequence[int]) -> None:
        if self._contact is not None and self._contact.contact_id in ids:
            self.set_contact(self._contact.contact_id)
        self.contactsChanged.emit(list(ids))

    # --- slots ----------------------------------------------------------------------

    def _on_cadence_spin_editing_finished(self) -> None:
        c = self._contact
        if self._loading or c is None:
            return
        before = None if c.is_default else c.cadence_days
        after = self.cadence_spin.value() or None
        if before == after:
            return
        try:
            self._interactions.set_cadence(c.contact_id, after)
        except WombatError as exc:
            self.message.emit(str(exc))
            return
        self._undo.push(SetCadenceCommand(self._interactions, c.contact_id, c.name, before,
                                          after, self._changed))
        self._changed([c.contact_id])

    def _on_log_button_clicked(self) -> None:
        c = self._contact
        if c is None:
            return
        contact_id = c.contact_id

        def submit(kind: str, day: dt.date, text: str) -> InteractionView:
            return self._interactions.log(contact_id, kind, day, text)

        dialog = InteractionDialog(c.name, self._today(), submit, self)
        dialog.accepted.connect(lambda: self._on_logged(dialog.result_value))
        self._open(dialog)

    def _on_logged(self, view: InteractionView) -> None:
        self._undo.push(LogInteractionCommand(self._interactions, view, self._changed))
        self._changed([view.contact_id])
        self.message.emit(self.tr("Logged {kind} with {name}.").format(
            kind=self.tr(KIND_LABELS.get(view.kind, view.kind)).lower(), name=view.contact_name))

    def _on_referral_button_clicked(self) -> None:
        c = self._contact
        if c is None:
            return
        drafts: list[ReferralDraft] = []

        def submit(draft: ReferralDraft) -> ReferralView:
            view = self._referrals.record(draft)
            drafts.append(draft)
            return view

        dialog = ReferralDialog(c.contact_id, c.name, self._today(), submit, self)
        dialog.accepted.connect(lambda: self._on_recorded(drafts[-1], dialog.result_value))
        self._open(dialog)

    def _on_recorded(self, draft: ReferralDraft, view: ReferralView) -> None:
        command = RecordReferralCommand(self._referrals, draft, view, self._changed)
        self._undo.push(command)
        self._changed([view.contact_id])
        self.message.emit(self.tr("Recorded a {kind} {direction} — {name}.").format(
            kind=view.kind, direction=view.direction, name=view.contact_name))

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()

    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None
