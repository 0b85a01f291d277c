"""The summary of an import: big figures, a per-file table and the error list.

The import dialog shows it twice: as the preview before writing and as the report after.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from wombat_desktop.services.importing import FileReport, ImportPreview, ImportResult

FORMAT_NAMES = {"vcard": "vCard", "google": "Google CSV", "google_legacy": "Google CSV (old)",
                "outlook": "Outlook CSV", "outlook_com": "Outlook.com CSV",
                "linkedin": "LinkedIn CSV", "thunderbird": "Thunderbird CSV",
                "generic": "CSV (own columns)", "": "unreadable"}


def error_lines(reports: list[FileReport]) -> list[str]:
    """"file — card N, line L: message" for every error (rows for CSV files)."""
    lines = []
    for report in reports:
        name = Path(report.path).name
        unit = "card" if report.format == "vcard" else "row"
        for e in report.errors:
            where = f"{unit} {e.card}, line {e.line}: " if e.card else (
                f"line {e.line}: " if e.line else "")
            lines.append(f"{name} — {where}{e.message}")
    return lines


class SummaryView(QWidget):
    """Big figures, a per-file table and the error list: the preview and the report."""

    COLUMNS = ("File", "Format", "Found", "New", "Merged", "Errors")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._error_count = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label = QLabel(self)
        self.note_label.setWordWrap(True)
        self.note_label.hide()
        layout.addWidget(self.heading)
        layout.addWidget(self.note_label)
        figures = QHBoxLayout()
        self.figures: list[tuple[QLabel, QLabel]] = []
        for _ in range(5):
            frame = QFrame(self)
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            box = QVBoxLayout(frame)
            number, caption = QLabel(frame), QLabel(frame)
            big = number.font()
            big.setPointSizeF(big.pointSizeF() * 2.2)
            big.setBold(True)
            number.setFont(big)
            caption.setWordWrap(True)
            for label in (number, caption):
                label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
                box.addWidget(label)
            figures.addWidget(frame, 1)
            self.figures.append((number, caption))
        layout.addLayout(figures)
        self.files_table = QTableWidget(0, len(self.COLUMNS), self)
        self.files_table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.files_table.setAccessibleName(self.tr("Files"))
        self.files_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.files_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        rows = self.files_table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.files_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.files_table)
        self.errors_toggle = QToolButton(self)
        self.errors_toggle.setCheckable(True)
        self.errors_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.errors_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.errors_toggle.setAutoRaise(True)
        self.errors_list = QListWidget(self)
        self.errors_list.setAccessibleName(self.tr("Errors"))
        self.errors_list.hide()
        layout.addWidget(self.errors_toggle)
        layout.addWidget(self.errors_list, 1)
        self.filler = QWidget(self)  # takes the spare height while the error list is closed
        layout.addWidget(self.filler, 1)
        self.errors_toggle.toggled.connect(self._on_errors_toggle_toggled)

    @property
    def title(self) -> str:
        return self.heading.text()

    def figure_values(self) -> list[int]:
        return [int(n.text().replace(",", "")) for n, _ in self.figures]

    def set_note(self, text: str) -> None:
        self.note_label.setText(text)
        self.note_label.setVisible(bool(text))

    def show_preview(self, preview: ImportPreview) -> None:
        found = sum(f.found for f in preview.files)
        self.heading.setText(self.tr("Ready to import") if preview.people
                             else self.tr("Nothing to import"))
        self.set_note("")
        self._fill((found, preview.new, preview.merged, preview.to_review,
                    preview.errors),
                   (self.tr("cards and rows found"), self.tr("new"),
                    self.tr("merged automatically"),
                    self.tr("possible duplicates to review"), self._errors_caption(preview.errors)),
                   preview.reports())

    def show_report(self, result: ImportResult, label: str, people: int) -> None:
        t = result.totals()
        self.heading.setText(label)
        self.set_note(self.tr("Imported. Undo it here or later in File → Import history."))
        del people  # the figures count cards and rows, as the preview does
        self._fill((t["found"], t["imported"], t["merged"], t["to_review"], t["errors"]),
                   (self.tr("cards and rows found"), self.tr("new contacts"),
                    self.tr("merged into existing"), self.tr("possible duplicates to review"),
                    self._errors_caption(t["errors"])), result.files)

    def _fill(self, values: tuple[int, ...], captions: tuple[str, ...],
              reports: list[FileReport]) -> None:
        for (number, caption), value, text in zip(self.figures, values, captions, strict=True):
            number.setText(f"{value:,}")
            caption.setText(text)
            number.setAccessibleName(f"{value:,} {text}")
        self.files_table.setRowCount(len(reports))
        for row, r in enumerate(reports):
            cells = (Path(r.path).name, self.tr(FORMAT_NAMES.get(r.format, r.format or "?")),
                     r.found, r.imported, r.merged,
                     len(r.errors))
            for col, value in enumerate(cells):
                item = QTableWidgetItem(f"{value:,}" if isinstance(value, int) else value)
                if isinstance(value, int):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(r.path if col == 0 else "")
                self.files_table.setItem(row, col, item)
        self._fit_table()
        lines = error_lines(reports)
        self.errors_list.clear()
        self.errors_list.addItems(lines)
        self._error_count = len(lines)
        self.errors_toggle.setText(self.tr("Show the errors (%s)") % f"{len(lines):,}")
        self.errors_toggle.setVisible(bool(lines))
        self.errors_toggle.setChecked(False)
        self.errors_list.hide()

    def _errors_caption(self, n: int) -> str:
        return self.tr("error") if n == 1 else self.tr("errors")

    def _fit_table(self) -> None:
        """As tall as its rows (up to eight), so the figures and the errors keep the room."""
        table = self.files_table
        rows = table.verticalHeader().defaultSectionSize() * max(1, min(table.rowCount(), 8))
        table.setFixedHeight(table.horizontalHeader().sizeHint().height() + rows
                             + 2 * table.frameWidth() + 2)

    def _on_errors_toggle_toggled(self, shown: bool) -> None:
        count = f"{self._error_count:,}"
        self.errors_toggle.setText((self.tr("Hide the errors (%s)") if shown
                                    else self.tr("Show the errors (%s)")) % count)
        self.errors_list.setVisible(shown)
        self.filler.setVisible(not shown)
        self.errors_toggle.setArrowType(Qt.ArrowType.DownArrow if shown
                                        else Qt.ArrowType.RightArrow)
