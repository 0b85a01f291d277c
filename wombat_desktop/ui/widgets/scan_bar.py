"""The bar at the top of the Scan cards page: open images or a folder, the event the
cards are tagged with, and the country for phone numbers printed without one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

FILTER = "Card images (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.webp *.heic *.heif *.pdf)"


class ScanBar(QWidget):
    """Open buttons, the event box and the two-letter country box (``region``);
    ``pathsChosen`` carries the images or the folder picked in a file dialog."""

    pathsChosen = Signal(list)

    def __init__(self, region: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.file_dialog: QFileDialog | None = None
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        self.open_button = QPushButton(self.tr("&Open images…"), self)
        self.open_button.setToolTip(self.tr("Photos or scans of business cards (JPEG, PNG, "
                                            "PDF); you can also drop them here"))
        self.folder_button = QPushButton(self.tr("Scan a &folder…"), self)
        self.event_edit = QLineEdit(self)
        self.event_edit.setPlaceholderText(self.tr("Where you met them, e.g. Chamber mixer "
                                                   "May 2026"))
        self.event_edit.setAccessibleName(self.tr("Event"))
        self.event_edit.setToolTip(self.tr("Every card of this batch is tagged with it"))
        self.region_edit = QLineEdit(region, self)
        self.region_edit.setMaxLength(2)
        self.region_edit.setFixedWidth(self.region_edit.fontMetrics().horizontalAdvance("MMMM"))
        self.region_edit.setAccessibleName(self.tr("Country for local phone numbers"))
        self.region_edit.setToolTip(self.tr("Two-letter country for phone numbers printed "
                                            "without a country code"))
        event_label = QLabel(self.tr("&Event:"), self)
        event_label.setBuddy(self.event_edit)
        region_label = QLabel(self.tr("&Country:"), self)
        region_label.setBuddy(self.region_edit)
        for widget in (self.open_button, self.folder_button):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(event_label)
        bar.addWidget(self.event_edit, 1)
        bar.addWidget(region_label)
        bar.addWidget(self.region_edit)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.folder_button.clicked.connect(self._on_folder_button_clicked)

    def _on_open_button_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Open card images"), str(Path.home()))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters([self.tr(FILTER), self.tr("All files (*)")])
        dialog.filesSelected.connect(self._on_files_selected)
        self.file_dialog = dialog
        dialog.open()

    def _on_folder_button_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Scan a folder of card images"), str(Path.home()))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.fileSelected.connect(lambda folder: self._on_files_selected([folder]))
        self.file_dialog = dialog
        dialog.open()

    def _on_files_selected(self, paths: list[str]) -> None:
        if self.file_dialog is not None:
            self.file_dialog.deleteLater()
            self.file_dialog = None
        self.pathsChosen.emit(paths)
