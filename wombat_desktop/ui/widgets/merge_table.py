"""Two records of one person side by side, with a choice of value for each single field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QWidget,
)

from wombat_desktop.core.merge import CHOOSABLE_FIELDS, merge_drafts
from wombat_desktop.core.model import ContactDraft, Photo
from wombat_desktop.services.duplicates import DuplicateView

LEFT, RIGHT = "left", "right"
LIST_FIELDS = ("emails", "phones", "addresses", "urls", "tags")
ORDER = (
    "formatted_name", "honorific_prefix", "given_name", "additional_names", "family_name",
    "honorific_suffix", "nickname", "phonetic_given_name", "phonetic_family_name",
    "organization", "department", "title", "role", "emails", "phones", "addresses", "urls",
    "birthday", "anniversary", "met_at", "note", "photo", "tags",
)
THUMB = 56
COLUMN = 250  # both value columns get at least this much, so that they start equal
ELIDE_PX = 220


def _photo_pixmap(photo: Photo | None) -> QPixmap | None:
    if photo is None:
        return None
    pixmap = QPixmap()
    if not pixmap.loadFromData(photo.data) or pixmap.isNull():
        return None
    return pixmap.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)


def field_text(draft: ContactDraft, field: str) -> str:
    """A field's value as one line of text ("" when empty)."""
    if field in ("emails", "phones", "urls"):
        return ", ".join(v.value for v in getattr(draft, field))
    if field == "addresses":
        return "; ".join(a.one_line() for a in draft.addresses if not a.is_empty())
    if field == "tags":
        return ", ".join(draft.tags)
    if field == "photo":
        return f"{draft.photo.mime}, {len(draft.photo.data):,} B" if draft.photo else ""
    return " ".join(str(getattr(draft, field)).split())


def _differs(a: ContactDraft, b: ContactDraft, field: str) -> bool:
    if field == "photo":
        return a.photo is not None and b.photo is not None and a.photo.data != b.photo.data
    return field_text(a, field) != field_text(b, field)


class MergeTable(QScrollArea):
    """Rows are the fields either record fills; single fields get a left/right choice, lists
    are shown united (a merge always keeps every value of both)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Compare and choose values"))
        self.groups: dict[str, QButtonGroup] = {}
        self.radios: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        self.row_text: dict[str, str] = {}
        self.view: DuplicateView | None = None
        self.clear()

    def labels(self) -> dict[str, str]:
        """Translated field names."""
        return {
            "formatted_name": self.tr("Full name"), "given_name": self.tr("Given name"),
            "family_name": self.tr("Family name"),
            "additional_names": self.tr("Middle names"),
            "honorific_prefix": self.tr("Prefix"), "honorific_suffix": self.tr("Suffix"),
            "nickname": self.tr("Nickname"),
            "phonetic_given_name": self.tr("Phonetic given"),
            "phonetic_family_name": self.tr("Phonetic family"),
            "organization": self.tr("Organisation"), "department": self.tr("Department"),
            "title": self.tr("Title"), "role": self.tr("Role"), "emails": self.tr("E-mails"),
            "phones": self.tr("Phones"), "addresses": self.tr("Addresses"),
            "urls": self.tr("Web sites"), "birthday": self.tr("Birthday"),
            "anniversary": self.tr("Anniversary"), "met_at": self.tr("Met at"),
            "note": self.tr("Note"), "photo": self.tr("Photo"), "tags": self.tr("Tags"),
            "ids": self.tr("UIDs / sources"),
        }

    # --- building -------------------------------------------------------------------

    def clear(self) -> None:
        """Show nothing (no pair chosen)."""
        self.view = None
        self._start()
        note = QLabel(self.tr("Choose a pair on the left."), self._body)
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._grid.addWidget(note, 0, 0)
        self.setWidget(self._body)

    def _start(self) -> None:
        for group in self.groups.values():
            group.deleteLater()
        self.groups, self.radios, self.row_text = {}, {}, {}
        self._body = QWidget(self)
        self._grid = QGridLayout(self._body)
        self._grid.setHorizontalSpacing(16)
        self._grid.setVerticalSpacing(6)
        for col in (1, 2):
            self._grid.setColumnStretch(col, 1)
            self._grid.setColumnMinimumWidth(col, COLUMN)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop)

    def set_view(self, view: DuplicateView, left_ids: str = "", right_ids: str = "") -> None:
        """Show one pair; ``left_ids``/``right_ids`` describe each side's UIDs and sources."""
        self._start()
        self.view = view
        a, b = view.a, view.b
        bold = QFont(self.font())
        bold.setBold(True)
        for col, text in ((1, self.tr("Left — #{id}").format(id=view.pair.a)),
                          (2, self.tr("Right — #{id}").format(id=view.pair.b))):
            head = QLabel(text, self._body)
            head.setFont(bold)
            self._grid.addWidget(head, 0, col)
        names = self.labels()
        row = 1
        for field in ORDER:
            left, right = field_text(a, field), field_text(b, field)
            if not left and not right:
                continue
            self._field_label(names[field], row)
            if field in LIST_FIELDS:
                self._united(field, row)
            elif field in CHOOSABLE_FIELDS and left and right and _differs(a, b, field):
                self._choice(field, names[field], left, right, row)
            else:
                self._plain(field, left, right, row)
            row += 1
        if left_ids or right_ids:
            self._field_label(names["ids"], row)
            self._cell(left_ids, row, 1, self.tr("Every UID and source is kept."))
            self._cell(right_ids, row, 2, self.tr("Every UID and source is kept."))
            self.row_text["ids"] = f"{left_ids} | {right_ids}"
        self.setWidget(self._body)  # after filling it, so that every child is shown at once

    def _field_label(self, text: str, row: int) -> None:
        label = QLabel(text, self._body)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._grid.addWidget(label, row, 0)

    def _cell(self, text: str, row: int, col: int, tip: str = "", span: int = 1) -> QLabel:
        label = QLabel(text or "—", self._body)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setToolTip(tip)
        if not text:
            label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._grid.addWidget(label, row, col, 1, span)
        return label

    def _united(self, field: str, row: int) -> None:
        assert self.view is not None
        both = merge_drafts(self.view.a, self.view.b)
        text = self.tr("united: {values}").format(values=field_text(both, field))
        self._cell(text, row, 1, self.tr("Lists are always united: nothing is lost."), span=2)
        self.row_text[field] = text

    def _plain(self, field: str, left: str, right: str, row: int) -> None:
        assert self.view is not None
        if field == "photo":
            for col, draft in ((1, self.view.a), (2, self.view.b)):
                pixmap = _photo_pixmap(draft.photo)
                label = self._cell("" if pixmap else field_text(draft, field), row, col)
                if pixmap is not None:
                    label.setPixmap(pixmap)
                    label.setAccessibleName(self.tr("Photo"))
        elif left == right:
            self._cell(self.tr("{value}  (same)").format(value=left), row, 1, left, span=2)
        else:
            self._cell(left, row, 1, left)
            self._cell(right, row, 2, right)
        self.row_text[field] = f"{left} | {right}"

    def _choice(self, field: str, name: str, left: str, right: str, row: int) -> None:
        assert self.view is not None
        group = QButtonGroup(self)
        buttons = []
        for col, side, text, draft in ((1, LEFT, left, self.view.a),
                                       (2, RIGHT, right, self.view.b)):
            shown = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, ELIDE_PX)
            button = QRadioButton(shown, self._body)
            button.setToolTip(text)
            button.setProperty("side", side)
            button.setAccessibleName(
                self.tr("Keep {side} {field}: {value}").format(
                    side=self.tr("left") if side == LEFT else self.tr("right"),
                    field=name, value=text))
            if field == "photo":
                pixmap = _photo_pixmap(draft.photo)
                if pixmap is not None:
                    button.setIcon(QIcon(pixmap))
                    button.setIconSize(pixmap.size())
                    button.setText(self.tr("this photo"))
            group.addButton(button)
            self._grid.addWidget(button, row, col)
            buttons.append(button)
        if field == "note":
            tip = self.tr("Both notes are kept; the chosen one comes first.")
            for button in buttons:
                button.setToolTip(f"{tip}\n\n{button.toolTip()}")
        buttons[0].setChecked(True)  # the left side unless empty: empty sides have no button
        self.groups[field] = group
        self.radios[field] = (buttons[0], buttons[1])
        self.row_text[field] = f"{left} | {right}"

    # --- choices --------------------------------------------------------------------

    def fields(self) -> list[str]:
        """The fields shown, in order."""
        return list(self.row_text)

    def choice(self, field: str) -> str | None:
        """"left", "right", or None when the field offers no choice."""
        pair = self.radios.get(field)
        if pair is None:
            return None
        return RIGHT if pair[1].isChecked() else LEFT

    def choose(self, field: str, side: str) -> None:
        left, right = self.radios[field]
        (right if side == RIGHT else left).setChecked(True)

    def choices(self, keep: str) -> dict[str, str]:
        """``{field: "other"}`` for every field whose chosen value is on the side that goes."""
        return {f: "other" for f in self.radios if self.choice(f) != keep}
