"""The detail panel: view and edit one contact, and classify it strong or weak."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.core.model import ContactDraft, Relationship, Stage, Tie
from wombat_desktop.core.typed_lines import format_typed_lines, parse_typed_lines
from wombat_desktop.core.views import ContactDetail
from wombat_desktop.services.contacts import ContactFlags

RELATION_LABELS = {
    Relationship.UNKNOWN: "—",
    Relationship.FAMILY: "Family",
    Relationship.FRIEND: "Friend",
    Relationship.CLIENT: "Client",
    Relationship.PARTNER: "Business partner",
    Relationship.COLLEAGUE: "Colleague",
    Relationship.SUPPLIER: "Supplier",
    Relationship.ACQUAINTANCE: "Acquaintance",
}
STAGE_LABELS = {
    Stage.UNKNOWN: "—",
    Stage.ONLOOKER: "Onlooker",
    Stage.FOLLOWER: "Follower",
    Stage.CUSTOMER: "Customer",
    Stage.SPREADER: "Spreader",
    Stage.PARTNER: "Partner",
}


def _small_text(parent: QWidget, placeholder: str, lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    height = edit.fontMetrics().lineSpacing() * lines + 12
    edit.setFixedHeight(height)
    return edit


class ContactForm(QWidget):
    """Shows a `ContactDetail`; emits `saveRequested` and `tieChosen`."""

    saveRequested = Signal()
    tieChosen = Signal(object)  # Tie | None (None = back to the suggestion)
    dirtyChanged = Signal(bool)
    edited = Signal()  # any keystroke or choice in the form

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._detail: ContactDetail | None = None
        self._base = ContactDraft()
        self._loading = False
        self._dirty = False
        self._build_ui()
        self._connect()
        self.show_empty()

    # --- building -------------------------------------------------------------------

    def _build_ui(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.setMinimumWidth(330)
        self.heading = QLabel(self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.heading)

        tie_row = QHBoxLayout()
        self.strong_button = QPushButton(self.tr("Strong"), self)
        self.weak_button = QPushButton(self.tr("Weak"), self)
        self.auto_button = QPushButton(self.tr("Suggested"), self)
        self.strong_button.setToolTip(self.tr("Mark as a strong contact (S)"))
        self.weak_button.setToolTip(self.tr("Mark as a weak contact (W)"))
        self.auto_button.setToolTip(self.tr("Go back to the suggestion (A)"))
        self.tie_group = QButtonGroup(self)
        for button in (self.strong_button, self.weak_button, self.auto_button):
            button.setCheckable(True)
            self.tie_group.addButton(button)
            tie_row.addWidget(button)
        tie_row.addStretch(1)
        outer.addLayout(tie_row)
        self.tie_reason = QLabel(self)
        self.tie_reason.setWordWrap(True)
        self.tie_reason.setAccessibleName(self.tr("Why this tie strength"))
        outer.addWidget(self.tie_reason)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(scroll)
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.given_edit = QLineEdit(body)
        self.family_edit = QLineEdit(body)
        self.display_edit = QLineEdit(body)
        self.display_edit.setPlaceholderText(self.tr("Shown as (optional)"))
        self.company_edit = QLineEdit(body)
        self.title_edit = QLineEdit(body)
        self.emails_edit = _small_text(
            body, self.tr("one per line, e.g. work: anna@example.com"), 2
        )
        self.phones_edit = _small_text(body, self.tr("one per line, e.g. cell: +1 555 0100"), 2)
        for edit in (self.emails_edit, self.phones_edit):
            edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.relation_combo = QComboBox(body)
        for rel, label in RELATION_LABELS.items():
            self.relation_combo.addItem(self.tr(label), rel.value)
        self.stage_combo = QComboBox(body)
        for stage, label in STAGE_LABELS.items():
            self.stage_combo.addItem(self.tr(label), stage.value)
        self.want_business_check = QCheckBox(self.tr("Want to do business with them"), body)
        self.want_refer_check = QCheckBox(self.tr("Want to refer business to them"), body)
        self.opinion_leader_check = QCheckBox(self.tr("Opinion leader (connector)"), body)
        self.tags_edit = QLineEdit(body)
        self.tags_edit.setPlaceholderText(self.tr("comma separated, e.g. golf, chamber"))
        self.met_edit = QLineEdit(body)
        self.note_edit = _small_text(body, self.tr("Notes, things to ask about …"), 5)
        self.source_label = QLabel(body)
        self.source_label.setWordWrap(True)
        self.source_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label, widget in (
            ("&First name", self.given_edit),
            ("&Last name", self.family_edit),
            ("Shown &as", self.display_edit),
            ("&Company", self.company_edit),
            ("T&itle", self.title_edit),
            ("&E-mails", self.emails_edit),
            ("&Phones", self.phones_edit),
            ("&Relationship", self.relation_combo),
            ("Sta&ge", self.stage_combo),
            ("", self.want_business_check),
            ("", self.want_refer_check),
            ("", self.opinion_leader_check),
            ("&Tags", self.tags_edit),
            ("&Met at", self.met_edit),
            ("&Notes", self.note_edit),
            ("Sources", self.source_label),
        ):
            form.addRow(self.tr(label) if label else "", widget)
            widget.setAccessibleName(label.replace("&", "") or widget.text())
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setToolTip(self.tr("Save changes (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(self.tr("Re&vert"), self)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _connect(self) -> None:
        for edit in (
            self.given_edit,
            self.family_edit,
            self.display_edit,
            self.company_edit,
            self.title_edit,
            self.tags_edit,
            self.met_edit,
        ):
            edit.textEdited.connect(self._on_edited)
        for text in (self.emails_edit, self.phones_edit, self.note_edit):
            text.textChanged.connect(self._on_edited)
        for combo in (self.relation_combo, self.stage_combo):
            combo.currentIndexChanged.connect(self._on_edited)
        for check in (self.want_business_check, self.want_refer_check, self.opinion_leader_check):
            check.toggled.connect(self._on_edited)
        self.save_button.clicked.connect(self.saveRequested)
        self.save_shortcut.activated.connect(self.saveRequested)
        self.revert_button.clicked.connect(self._on_revert_button_clicked)
        self.strong_button.clicked.connect(lambda: self.tieChosen.emit(Tie.STRONG))
        self.weak_button.clicked.connect(lambda: self.tieChosen.emit(Tie.WEAK))
        self.auto_button.clicked.connect(lambda: self.tieChosen.emit(None))

    # --- showing --------------------------------------------------------------------

    def show_empty(self) -> None:
        """No contact selected: a new, blank card."""
        self._detail = None
        self._fill(ContactDraft(), ContactFlags())
        self.heading.setText(self.tr("New contact"))
        self.tie_reason.setText(self.tr("Type a name and save (Ctrl+S) to add a contact."))
        for button in (self.strong_button, self.weak_button, self.auto_button):
            button.setEnabled(False)
            button.setChecked(False)
        self.source_label.setText(self.tr(""))

    def show_detail(self, detail: ContactDetail) -> None:
        self._detail = detail
        flags = ContactFlags(
            detail.relation,
            detail.stage,
            detail.opinion_leader,
            detail.want_business,
            detail.want_refer,
        )
        self._fill(detail.draft, flags)
        self.show_tie(detail)
        self.source_label.setText(self.tr("\n").join(detail.sources))

    def show_tie(self, detail: ContactDetail) -> None:
        self.heading.setText(detail.display_name)
        self.tie_reason.setText(detail.tie_reason)
        for button in (self.strong_button, self.weak_button, self.auto_button):
            button.setEnabled(True)
        if detail.tie_override is Tie.STRONG:
            self.strong_button.setChecked(True)
        elif detail.tie_override is Tie.WEAK:
            self.weak_button.setChecked(True)
        else:
            self.auto_button.setChecked(True)
        self.auto_button.setText(
            self.tr("Suggested ({tie})").format(tie=self.tr(detail.suggested_tie.value))
        )

    def _fill(self, draft: ContactDraft, flags: ContactFlags) -> None:
        self._loading = True
        self._base = copy.deepcopy(draft)
        self.given_edit.setText(draft.given_name)
        self.family_edit.setText(draft.family_name)
        self.display_edit.setText(draft.formatted_name)
        self.company_edit.setText(draft.organization)
        self.title_edit.setText(draft.title)
        self.emails_edit.setPlainText(format_typed_lines(draft.emails))
        self.phones_edit.setPlainText(format_typed_lines(draft.phones))
        self.relation_combo.setCurrentIndex(max(0, self.relation_combo.findData(flags.relation)))
        self.stage_combo.setCurrentIndex(max(0, self.stage_combo.findData(flags.stage)))
        self.want_business_check.setChecked(flags.want_business)
        self.want_refer_check.setChecked(flags.want_refer)
        self.opinion_leader_check.setChecked(flags.opinion_leader)
        self.tags_edit.setText(self.tr(", ").join(draft.tags))
        self.met_edit.setText(draft.met_at)
        self.note_edit.setPlainText(draft.note)
        self._loading = False
        self._set_dirty(False)

    # --- reading back ---------------------------------------------------------------

    @property
    def detail(self) -> ContactDetail | None:
        return self._detail

    @property
    def dirty(self) -> bool:
        return self._dirty

    def draft(self) -> ContactDraft:
        """The loaded contact with the form's edits applied (unshown fields kept)."""
        draft = copy.deepcopy(self._base)
        draft.given_name = self.given_edit.text().strip()
        draft.family_name = self.family_edit.text().strip()
        draft.formatted_name = self.display_edit.text().strip()
        draft.organization = self.company_edit.text().strip()
        draft.title = self.title_edit.text().strip()
        draft.emails = parse_typed_lines(self.emails_edit.toPlainText(), self._base.emails)
        draft.phones = parse_typed_lines(self.phones_edit.toPlainText(), self._base.phones)
        draft.tags = [t.strip() for t in self.tags_edit.text().split(",") if t.strip()]
        draft.met_at = self.met_edit.text().strip()
        draft.note = self.note_edit.toPlainText()
        return draft

    def flags(self) -> ContactFlags:
        return ContactFlags(
            relation=self.relation_combo.currentData() or "",
            stage=self.stage_combo.currentData() or "",
            opinion_leader=self.opinion_leader_check.isChecked(),
            want_business=self.want_business_check.isChecked(),
            want_refer=self.want_refer_check.isChecked(),
        )

    def saved_state(self) -> tuple[ContactDraft, ContactFlags]:
        """The contact as it was loaded (for undo)."""
        d = self._detail
        flags = (
            ContactFlags(d.relation, d.stage, d.opinion_leader, d.want_business, d.want_refer)
            if d
            else ContactFlags()
        )
        return copy.deepcopy(self._base), flags

    def mark_saved(self) -> None:
        self._set_dirty(False)

    def restore_edit(self, draft: ContactDraft, flags: ContactFlags) -> None:
        """Put back an unsaved edit (after a crash) over the contact shown now."""
        base = self._base
        self._fill(draft, flags)
        self._base = base
        self._set_dirty(True)

    # --- slots ----------------------------------------------------------------------

    def _on_edited(self, *_args: object) -> None:
        if not self._loading:
            self._set_dirty(True)
            self.edited.emit()

    def _on_revert_button_clicked(self) -> None:
        if self._detail is not None:
            self.show_detail(self._detail)
        else:
            self.show_empty()

    def _set_dirty(self, dirty: bool) -> None:
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)
