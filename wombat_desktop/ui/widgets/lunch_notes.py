"""The lunch planner's side panel: why the lunch, talking points, notes before and after."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QPushButton, QWidget

from wombat_desktop.core.activity_views import LunchView


class LunchNotes(QWidget):
    """The editors for one lunch's notes; the planner decides when they are saved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(6, 0, 0, 0)
        self.reason_label = QLabel(self)
        self.reason_label.setWordWrap(True)
        self.reason_label.setAccessibleName(self.tr("Why"))
        self.reason_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.points_edit = self._text(self.tr("What to bring up"))
        self.before_edit = self._text(self.tr("Before the lunch"))
        self.after_edit = self._text(self.tr("What was said, what comes next"))
        self.save_button = QPushButton(self.tr("Save n&otes"), self)
        self.save_button.setToolTip(self.tr("Save the talking points and notes (Ctrl+S)"))
        for label, widget in ((self.tr("Why:"), self.reason_label),
                              (self.tr("&Talking points:"), self.points_edit),
                              (self.tr("Notes &before:"), self.before_edit),
                              (self.tr("Notes &after:"), self.after_edit),
                              ("", self.save_button)):
            form.addRow(label, widget)
            if label:
                widget.setAccessibleName(label.replace("&", "").rstrip(":"))

    def _text(self, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 2 + 12)
        return edit

    def typed(self) -> dict[str, str]:
        """What the editors hold, by `LunchView` field name."""
        return {"talking_points": self.points_edit.toPlainText(),
                "notes_before": self.before_edit.toPlainText(),
                "notes_after": self.after_edit.toPlainText()}

    def show_lunch(self, v: LunchView | None, keep_typed: bool = False) -> None:
        """Show ``v`` (None: nothing picked); ``keep_typed`` leaves the editors' text alone."""
        for w in (self.points_edit, self.before_edit, self.after_edit, self.save_button):
            w.setEnabled(v is not None)
        self.reason_label.setText(v.reason if v else self.tr("Pick a lunch."))
        if keep_typed:  # a reload must not wipe what is being typed
            return
        self.points_edit.setPlainText(v.talking_points if v else "")
        self.before_edit.setPlainText(v.notes_before if v else "")
        self.after_edit.setPlainText(v.notes_after if v else "")
