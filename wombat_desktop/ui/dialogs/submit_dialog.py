"""The base of the small edit dialogs: OK hands the input to a service, and a refusal is
shown inside the dialog, which stays open with what was typed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.core.errors import WombatError


class SubmitDialog(QDialog):
    """OK runs `_submit()`; a `WombatError` is shown in `error_label` and OK is refused."""

    def __init__(self, title: str, parent: QWidget | None = None, min_width: int = 420) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(min_width)
        self.result_value: Any = None
        self.outer = QVBoxLayout(self)
        self.form = QFormLayout()
        self.outer.addLayout(self.form)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setAccessibleName(self.tr("Problem"))
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.outer.addWidget(self.error_label)
        self.outer.addWidget(self.buttons)

    def _submit(self) -> Any:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.result_value = self._submit()
        except WombatError as exc:
            self.error_label.setText(f"<b>{self.tr('Not saved:')}</b> {exc}")
            self.error_label.show()
            return
        super().accept()
