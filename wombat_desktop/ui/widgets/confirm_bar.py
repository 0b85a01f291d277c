"""An inline "are you sure?" strip, shared by the import dialog and the import history."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class ConfirmBar(QFrame):
    """An inline "are you sure?" strip: no modal box, keyboard reachable, easy to test."""

    confirmed = Signal()

    def __init__(self, confirm_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        layout = QHBoxLayout(self)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.confirm_button = QPushButton(confirm_text, self)
        self.keep_button = QPushButton(self.tr("&Keep it"), self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.confirm_button)
        layout.addWidget(self.keep_button)
        self.confirm_button.clicked.connect(self._on_confirm_button_clicked)
        self.keep_button.clicked.connect(self.hide)
        self.hide()

    def ask(self, text: str) -> None:
        self.label.setText(text)
        self.show()
        self.keep_button.setFocus()  # the safe choice has the focus

    def _on_confirm_button_clicked(self) -> None:
        self.hide()
        self.confirmed.emit()
