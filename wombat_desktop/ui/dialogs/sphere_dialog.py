"""A new contact sphere: start from a template (its seats prefilled) or from scratch."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.core.spheres import SphereView


class SphereDialog(QDialog):
    """Name, whose sphere, and one seat (profession) per line; opened with `open()`."""

    def __init__(self, templates: Sequence[SphereView], mine_exists: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New contact sphere"))
        self._templates = list(templates)
        self._mine_exists = mine_exists
        self._build_ui()
        self._connect()
        self._on_template_combo_current_index_changed(self.template_combo.currentIndex())

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "A sphere is a group of professionals who can send you a steady stream of business "
            "without competing with you. Start from a template and adjust the seats."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.template_combo = QComboBox(self)
        self.template_combo.setAccessibleName(self.tr("Template"))
        self.template_combo.addItem(self.tr("Empty sphere"), 0)
        for t in self._templates:
            self.template_combo.addItem(t.name, t.id)
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(self.tr("Name"))
        self.profession_edit = QLineEdit(self)
        self.profession_edit.setAccessibleName(self.tr("Whose sphere (profession)"))
        self.mine_check = QCheckBox(self.tr("This is &my own sphere"), self)
        self.mine_check.setChecked(not self._mine_exists)
        self.seats_edit = QPlainTextEdit(self)
        self.seats_edit.setAccessibleName(self.tr("Seats, one profession per line"))
        self.seats_edit.setTabChangesFocus(True)
        form.addRow(self.tr("&Template:"), self.template_combo)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Whose sphere:"), self.profession_edit)
        form.addRow("", self.mine_check)
        form.addRow(self.tr("&Seats (one per line):"), self.seats_edit)
        layout.addLayout(form, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        layout.addWidget(self.buttons)
        self.resize(460, 480)

    def _connect(self) -> None:
        self.template_combo.currentIndexChanged.connect(
            self._on_template_combo_current_index_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _on_template_combo_current_index_changed(self, index: int) -> None:
        template = self.template()
        if template is None:
            return
        self.name_edit.setText(self.tr("My sphere") if self.mine_check.isChecked()
                               else template.name)
        self.profession_edit.setText(template.profession)
        self.seats_edit.setPlainText("\n".join(s.profession for s in template.seats))

    def select_template(self, name: str) -> None:
        self.template_combo.setCurrentIndex(self.template_combo.findText(name))

    def template(self) -> SphereView | None:
        tid = self.template_combo.currentData()
        return next((t for t in self._templates if t.id == tid), None)

    def seats(self) -> list[str]:
        return [s.strip() for s in self.seats_edit.toPlainText().splitlines() if s.strip()]

    def seats_unchanged(self) -> bool:
        template = self.template()
        return template is not None and self.seats() == [s.profession for s in template.seats]
