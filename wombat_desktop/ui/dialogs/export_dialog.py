"""Choosing what to export, in which format, and where."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.core.model import Tie
from wombat_desktop.services.exporting import ExportFormat

DEFAULT_STEM = "wombat-contacts"


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What the user asked for: ``ids`` for a selection, else ``tie`` (None: everyone)."""

    fmt: ExportFormat
    path: Path
    ids: list[int] | None
    tie: Tie | None


class ExportDialog(QDialog):
    """Format, scope and file; the controller runs the export when it is accepted."""

    def __init__(self, selected_ids: list[int], directory: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export contacts"))
        self._selected = list(selected_ids)
        self._counts: tuple[int, int, int] | None = None
        self.file_dialog: QFileDialog | None = None
        self._build_ui()
        self._connect()
        self.path_edit.setText(str(directory / (DEFAULT_STEM + ExportFormat.VCARD4.suffix)))
        self.set_counts(None)

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.format_combo = QComboBox(self)
        self.format_combo.setAccessibleName(self.tr("Format"))
        for text, fmt in ((self.tr("vCard 4.0"), ExportFormat.VCARD4),
                          (self.tr("vCard 3.0 (older phones, Outlook)"), ExportFormat.VCARD3),
                          (self.tr("CSV for Google Contacts"), ExportFormat.CSV)):
            self.format_combo.addItem(text, fmt)
        form.addRow(self.tr("&Format:"), self.format_combo)
        scope = QVBoxLayout()
        self.scope_group = QButtonGroup(self)
        self.all_radio = QRadioButton(self)
        self.selected_radio = QRadioButton(self)
        self.strong_radio = QRadioButton(self)
        self.weak_radio = QRadioButton(self)
        for button, name in ((self.all_radio, self.tr("All contacts")),
                             (self.selected_radio, self.tr("Selected contacts")),
                             (self.strong_radio, self.tr("Strong contacts only")),
                             (self.weak_radio, self.tr("Weak contacts only"))):
            button.setAccessibleName(name)
            self.scope_group.addButton(button)
            scope.addWidget(button)
        self.all_radio.setChecked(True)
        form.addRow(self.tr("Contacts:"), scope)
        where = QHBoxLayout()
        self.path_edit = QLineEdit(self)
        self.path_edit.setAccessibleName(self.tr("File to write"))
        self.path_edit.setMinimumWidth(340)
        self.browse_button = QPushButton(self.tr("&Choose…"), self)
        self.browse_button.setAutoDefault(False)
        where.addWidget(self.path_edit, 1)
        where.addWidget(self.browse_button)
        file_label = QLabel(self.tr("F&ile:"), self)
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, where)
        layout.addLayout(form)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = self.button_box.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(self.tr("&Export"))
        layout.addWidget(self.button_box)

    def _connect(self) -> None:
        self.format_combo.currentIndexChanged.connect(self._on_format_combo_changed)
        self.path_edit.textChanged.connect(self._on_path_edit_text_changed)
        self.scope_group.buttonToggled.connect(self._on_scope_group_toggled)
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)

    # --- state ----------------------------------------------------------------------

    def set_counts(self, counts: tuple[int, int, int] | None) -> None:
        """Show how many people each scope holds: (all, strong, weak); None while counting."""
        self._counts = counts

        def label(text: str, n: int | None) -> str:
            return text if n is None else self.tr("{text} ({n:,})").format(text=text, n=n)

        total, strong, weak = counts if counts is not None else (None, None, None)
        self.all_radio.setText(label(self.tr("&All contacts"), total))
        self.strong_radio.setText(label(self.tr("&Strong contacts only"), strong))
        self.weak_radio.setText(label(self.tr("&Weak contacts only"), weak))
        count = len(self._selected)
        self.selected_radio.setText(
            self.tr("Se&lected contacts (none selected)") if count == 0
            else self.tr("The se&lected contact") if count == 1
            else self.tr("The {n:,} se&lected contacts").format(n=count))
        self.selected_radio.setEnabled(count > 0)
        if count > 1 and self.all_radio.isChecked() and counts is None:
            self.selected_radio.setChecked(True)  # several chosen: that is what is meant
        self._update_ok()

    def fmt(self) -> ExportFormat:
        return ExportFormat(self.format_combo.currentData())

    def set_format(self, fmt: ExportFormat) -> None:
        self.format_combo.setCurrentIndex(self.format_combo.findData(fmt))

    def request(self) -> ExportRequest:
        """The export the dialog describes."""
        ids = self._selected if self.selected_radio.isChecked() else None
        tie = (Tie.STRONG if self.strong_radio.isChecked()
               else Tie.WEAK if self.weak_radio.isChecked() else None)
        return ExportRequest(self.fmt(), Path(self.path_edit.text().strip()).expanduser(),
                             ids, tie)

    def _update_ok(self) -> None:
        empty = False
        if self._counts is not None:
            total, strong, weak = self._counts
            empty = ((self.all_radio.isChecked() and not total)
                     or (self.strong_radio.isChecked() and not strong)
                     or (self.weak_radio.isChecked() and not weak))
        self.export_button.setEnabled(bool(self.path_edit.text().strip()) and not empty)

    # --- slots ----------------------------------------------------------------------

    def _on_format_combo_changed(self, _index: int) -> None:
        text = self.path_edit.text().strip()
        if text:
            path = Path(text)
            if path.suffix.lower() in (".vcf", ".csv", ""):
                self.path_edit.setText(str(path.with_suffix(self.fmt().suffix)))

    def _on_path_edit_text_changed(self, _text: str) -> None:
        self._update_ok()

    def _on_scope_group_toggled(self, _button: QRadioButton, _checked: bool) -> None:
        self._update_ok()

    def _on_browse_button_clicked(self) -> None:
        fmt = self.fmt()
        wanted = (self.tr("CSV files (*.csv)") if fmt is ExportFormat.CSV
                  else self.tr("vCard files (*.vcf *.vcard)"))
        dialog = QFileDialog(self, self.tr("Export to"), self.path_edit.text(), wanted)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(fmt.suffix.lstrip("."))
        dialog.selectFile(self.path_edit.text())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.path_edit.setText)
        self.file_dialog = dialog
        dialog.open()
