"""One scanned card under review: the card image beside its editable fields.

Fields the OCR or the parser was unsure of are marked with the style's warning icon, a
bold font and a tooltip (no hard-coded colours: it reads in light and dark themes alike).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QImage, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.core.cardtext import LOW_CONFIDENCE, CardField
from wombat_desktop.core.model import ContactDraft, PostalAddress, TypedValue
from wombat_desktop.core.typed_lines import format_typed_lines, parse_typed_lines
from wombat_desktop.services.scanning import ScanResult
from wombat_desktop.ui.widgets.crop_image import CropImage

TEXT_FIELDS = ("name", "other_name", "title", "company", "website", "address")


@dataclass(slots=True)
class ReviewItem:
    """A card in the queue: the scan, the draft being edited, and the user's choices."""

    result: ScanResult
    draft: ContactDraft
    update_existing: bool = False
    turn: int = 0  # degrees the user turned the card (0, 90, 180, 270)
    low: set[str] = field(default_factory=set)  # fields to check

    @property
    def title(self) -> str:
        return self.draft.display_name() or self.result.path.rsplit("/", 1)[-1]


def low_fields(result: ScanResult) -> set[str]:
    """The names of the fields read with little confidence."""
    f = result.fields
    if f is None:
        return set()
    out = {name for name in ("name", "other_name", "title", "company", "website", "address")
           if isinstance(getattr(f, name), CardField) and getattr(f, name).low}
    if any(p.low for p in f.phones):
        out.add("phones")
    if any(e.low for e in f.emails):
        out.add("emails")
    if f.name is None:
        out.add("name")
    return out


class CardReview(QWidget):
    """Shows one `ReviewItem`.

    ``rotateRequested`` carries -90 or +90 degrees; ``cropRequested`` carries the selection
    as (left, top, right, bottom) fractions of the shown image, or None for the whole image.
    """

    rotateRequested = Signal(int)
    cropRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item: ReviewItem | None = None
        self._build_ui()
        self._connect()
        self.show_item(None)

    def _build_ui(self) -> None:
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.image = CropImage(self)
        buttons = QHBoxLayout()
        style = self.style()
        self.rotate_left = QPushButton(self.tr("Rotate left"), self)
        self.rotate_left.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        self.rotate_right = QPushButton(self.tr("Rotate right"), self)
        self.rotate_right.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        for button in (self.rotate_left, self.rotate_right):
            button.setToolTip(self.tr("Turn the card and read it again"))
        self.crop_button = QPushButton(self.tr("Crop car&d"), self)
        self.crop_button.setToolTip(self.tr("Drag over the card on the image (or press this "
                                            "to select it with the keys), then Crop to read "
                                            "only that part"))
        self.reset_crop = QPushButton(self.tr("W&hole image"), self)
        self.reset_crop.setToolTip(self.tr("Undo the crop: read the whole image again"))
        buttons.addStretch(1)
        for button in (self.rotate_left, self.rotate_right, self.crop_button, self.reset_crop):
            buttons.addWidget(button)
        buttons.addStretch(1)
        # Always shown (one line) so that entering crop mode mid-drag never moves the image.
        self.crop_hint = QLabel(self)
        self.crop_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._on_image_crop_mode_changed(False)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        left.addWidget(self.image, 1)
        left.addLayout(buttons)
        left.addWidget(self.crop_hint)
        left.addWidget(self.error)
        right = QVBoxLayout()
        self.form = QFormLayout()
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.marks: dict[str, QLabel] = {}
        labels = {"name": self.tr("&Name"), "other_name": self.tr("Other &script"),
                  "title": self.tr("&Title"), "company": self.tr("&Company"),
                  "phones": self.tr("&Phones"), "emails": self.tr("&E-mails"),
                  "website": self.tr("&Website"), "address": self.tr("&Address"),
                  "note": self.tr("N&ote")}
        warn = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(16, 16)
        for key, label in labels.items():
            edit: QLineEdit | QPlainTextEdit
            if key in ("phones", "emails", "note"):
                edit = QPlainTextEdit(self)
                edit.setTabChangesFocus(True)
                edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 14)
            else:
                edit = QLineEdit(self)
            edit.setAccessibleName(label.replace("&", ""))
            mark = QLabel(self)
            mark.setPixmap(warn)
            mark.setVisible(False)
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(mark)
            caption = QLabel(label, self)
            caption.setBuddy(edit)
            self.form.addRow(caption, row)
            self.edits[key] = edit
            self.marks[key] = mark
        self.other_name_hint = self.tr("The name in the card's other script (kept as the "
                                       "nickname)")
        self.edits["other_name"].setToolTip(self.other_name_hint)
        self.duplicate_box = QGroupBox(self.tr("Possible duplicate"), self)
        box = QVBoxLayout(self.duplicate_box)
        self.duplicate_text = QLabel(self.duplicate_box)
        self.duplicate_text.setWordWrap(True)
        self.duplicate_text.setTextFormat(Qt.TextFormat.PlainText)
        self.update_existing = QCheckBox(self.tr("&Update the existing contact instead of "
                                                 "adding a new one"), self.duplicate_box)
        box.addWidget(self.duplicate_text)
        box.addWidget(self.update_existing)
        right.addLayout(self.form)
        right.addWidget(self.duplicate_box)
        right.addStretch(1)
        layout.addLayout(left, 5)
        layout.addLayout(right, 6)

    def _connect(self) -> None:
        self.rotate_left.clicked.connect(lambda: self.rotateRequested.emit(-90))
        self.rotate_right.clicked.connect(lambda: self.rotateRequested.emit(90))
        self.crop_button.clicked.connect(self._on_crop_button_clicked)
        self.reset_crop.clicked.connect(lambda: self.cropRequested.emit(None))
        self.image.cropAccepted.connect(self._on_crop_button_clicked)
        self.image.cropModeChanged.connect(self._on_image_crop_mode_changed)

    def _on_image_crop_mode_changed(self, cropping: bool) -> None:
        self.crop_hint.setText(
            self.tr("Drag over the card, then Crop (Enter); Esc cancels.") if cropping
            else self.tr("Drag over the card to read only that part."))
        self.crop_hint.setToolTip(self.tr("Arrow keys move the selection, Shift+arrows "
                                          "resize it") if cropping else "")

    def _on_crop_button_clicked(self) -> None:
        """Enter crop mode; with a selection already made, ask for the crop."""
        selection = self.image.selection()
        if selection is None:
            self.image.set_crop_mode(True)
            return
        self.image.set_crop_mode(False)
        self.cropRequested.emit(selection)

    # --- showing --------------------------------------------------------------------

    def show_item(self, item: ReviewItem | None) -> None:
        """Show a card (or nothing); edits of the previous card must be committed first."""
        self.item = item
        enabled = item is not None
        for widget in (*self.edits.values(), self.rotate_left, self.rotate_right):
            widget.setEnabled(enabled)
        self.crop_button.setEnabled(bool(item and item.result.image))
        self.reset_crop.setEnabled(bool(item and item.result.crop))
        self.duplicate_box.setVisible(bool(item and item.result.duplicate))
        if item is None:
            self.image.set_image(None, self.tr("Open or drop card images to scan them."))
            self.error.clear()
            for edit in self.edits.values():
                edit.clear() if isinstance(edit, QPlainTextEdit) else edit.setText("")
            for mark in self.marks.values():
                mark.setVisible(False)
            return
        self._show_image(item)
        self.error.setText(item.result.error)
        self.error.setVisible(bool(item.result.error))
        d = item.draft
        values = {"name": d.formatted_name, "other_name": d.nickname, "title": d.title,
                  "company": d.organization,
                  "website": d.urls[0].value if d.urls else "",
                  "address": d.addresses[0].one_line() if d.addresses else ""}
        for key, value in values.items():
            edit = self.edits[key]
            assert isinstance(edit, QLineEdit)
            edit.setText(value)
            edit.setCursorPosition(0)
        self._plain("phones").setPlainText(format_typed_lines(d.phones))
        self._plain("emails").setPlainText(format_typed_lines(d.emails))
        self._plain("note").setPlainText(d.note)
        self._mark(item)
        duplicate = item.result.duplicate
        if duplicate is not None:
            lines = [self.tr("{name} is already in your contacts ({score}% alike):")
                     .format(name=duplicate.name, score=duplicate.score)]
            lines += [f"  {reason}" for reason in duplicate.reasons]
            for diff in duplicate.differences:
                lines.append(self.tr("• {field}: card “{card}”, stored “{stored}”").format(
                    field=diff.field, card=diff.scanned, stored=diff.stored or "—"))
            if not duplicate.differences:
                lines.append(self.tr("The card adds nothing new."))
            self.duplicate_text.setText("\n".join(lines))
            self.update_existing.setChecked(item.update_existing)
            self._fit_duplicate_text()

    def _fit_duplicate_text(self) -> None:
        """Give the wrapped duplicate text the height it needs (else its lines overlap)."""
        label = self.duplicate_text
        width = label.width() if label.width() > 50 else max(300, self.width() // 2)
        label.setMinimumHeight(label.heightForWidth(width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.duplicate_box.isVisible():
            self._fit_duplicate_text()

    def focus_first_field(self) -> None:
        """Put the cursor on the first field to check (the name when none is marked)."""
        if self.item is None:
            return
        key = next((k for k in self.edits if k in self.item.low), "name")
        edit = self.edits[key]
        edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if isinstance(edit, QLineEdit):
            edit.selectAll()

    def _show_image(self, item: ReviewItem) -> None:
        if not item.result.image:
            self.image.set_image(None, self.tr("No image"))
            return
        self.image.set_image(QImage.fromData(item.result.image))

    def _mark(self, item: ReviewItem) -> None:
        for key, edit in self.edits.items():
            low = key in item.low
            self.marks[key].setVisible(low)
            font = QFont(edit.font())
            font.setBold(low)
            edit.setFont(font)
            tip = self.tr("Check this field: the card was hard to read here "
                          "(below {0:.0%} sure).").format(LOW_CONFIDENCE) if low else ""
            self.marks[key].setToolTip(tip)
            edit.setToolTip(tip or (self.other_name_hint if key == "other_name" else ""))

    def _plain(self, key: str) -> QPlainTextEdit:
        edit = self.edits[key]
        assert isinstance(edit, QPlainTextEdit)
        return edit

    def _line(self, key: str) -> str:
        edit = self.edits[key]
        assert isinstance(edit, QLineEdit)
        return edit.text().strip()

    # --- reading back ---------------------------------------------------------------

    def commit(self) -> None:
        """Copy the edited fields back into the shown item's draft."""
        item = self.item
        if item is None:
            return
        d = item.draft
        name = self._line("name")
        if name != d.formatted_name:
            d.formatted_name, d.given_name, d.family_name = name, "", ""
        d.nickname = self._line("other_name")
        d.title = self._line("title")
        d.organization = self._line("company")
        website = self._line("website")
        d.urls = [TypedValue(website, ["work"])] if website else []
        address = self._line("address")
        if not d.addresses or d.addresses[0].one_line() != address:
            d.addresses = [PostalAddress(street=address, types=["work"])] if address else []
        d.phones = parse_typed_lines(self._plain("phones").toPlainText(), d.phones)
        d.emails = parse_typed_lines(self._plain("emails").toPlainText(), d.emails)
        d.note = self._plain("note").toPlainText().strip()
        item.update_existing = (self.update_existing.isChecked()
                                and item.result.duplicate is not None)
