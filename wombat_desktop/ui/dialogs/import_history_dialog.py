"""Every import the user made, as a batch that can be undone as a whole.

Also the pieces the import dialog shares: the summary of an import and the confirm strip.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, QTimeZone, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.ui import prompts
from wombat_desktop.ui.jobs import JobRunner

if TYPE_CHECKING:
    from wombat_desktop.services.importing import (
        BatchView,
        FileReport,
        ImportPreview,
        ImportResult,
    )
    from wombat_desktop.services.registry import Services

BATCH_ROLE = Qt.ItemDataRole.UserRole
FORMAT_NAMES = {"vcard": "vCard", "google": "Google CSV", "google_legacy": "Google CSV (old)",
                "outlook": "Outlook CSV", "outlook_com": "Outlook.com CSV",
                "linkedin": "LinkedIn CSV", "thunderbird": "Thunderbird CSV",
                "generic": "CSV (own columns)", "": "unreadable"}


def local_time(utc: dt.datetime) -> str:
    """A stored (naive UTC) time in the user's zone and locale, short format."""
    moment = QDateTime(utc.date(), utc.time(), QTimeZone.utc()).toLocalTime()
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


def undo_question(label: str, imported: int, merged: int) -> str:
    """What undoing a batch will do, in words (plain text)."""
    text = QCoreApplication.translate(
        "ImportHistoryDialog", "Undo “%1”? The contacts it added (%2) go to the trash and what "
        "it merged into existing contacts (%3) is reverted.")
    return text.replace("%1", label).replace("%2", f"{imported:,}").replace("%3", f"{merged:,}")


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


def default_label(paths: list[str], today: dt.date) -> str:
    """"Imported from a.vcf, b.csv on 2026-11-22" (three names at most)."""
    names = [Path(p).name for p in paths]
    shown = ", ".join(names[:3])
    if len(names) > 3:
        shown = QCoreApplication.translate("ImportDialog", "%1 and %2 more").replace(
            "%1", shown).replace("%2", str(len(names) - 3))
    return QCoreApplication.translate("ImportDialog", "Imported from %1 on %2").replace(
        "%1", shown).replace("%2", today.isoformat())


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


class ImportHistoryDialog(QDialog):
    """The import batches, newest first, with "Undo import" for the selected one."""

    contactsChanged = Signal()
    loaded = Signal()
    undone = Signal(object)  # BatchView
    message = Signal(str)  # a line for the status bar

    def __init__(self, services: Services, jobs: JobRunner, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self._services = services
        self._jobs = jobs
        self._busy = False
        self.batches: list[BatchView] = []
        self._build_ui()
        self._connect()

    def _build_ui(self) -> None:
        self.setWindowTitle(self.tr("Import history"))
        self.resize(860, 420)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 7, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Import"), self.tr("Date"), self.tr("Found"), self.tr("New"),
            self.tr("Merged"), self.tr("Errors"), self.tr("State")])
        self.table.setAccessibleName(self.tr("Imports"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.status_label = QLabel(self.tr("Loading imports …"), self)
        layout.addWidget(self.status_label)
        self.confirm_bar = ConfirmBar(self.tr("&Undo import"), self)
        layout.addWidget(self.confirm_bar)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.undo_button = QPushButton(self.tr("&Undo import…"), self)
        self.undo_button.setEnabled(False)
        self.buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        self.confirm_bar.confirmed.connect(self._on_confirm_bar_confirmed)
        self.buttons.rejected.connect(self.reject)

    # --- loading --------------------------------------------------------------------

    def reload(self) -> None:
        """Load the batches off the UI thread."""
        self._busy = True
        self._update_buttons()
        self._jobs.start(lambda: self._services.importing.batches(), self._on_batches_loaded)

    def _on_batches_loaded(self, batches: list[BatchView] | None, error: BaseException | None
                           ) -> None:
        self._busy = False
        if error is not None:
            self.status_label.setText(self.tr("Could not load the imports."))
            prompts.error(self, self.tr("Import history"), str(error))
            return
        selected = self.selected_batch()
        self.batches = batches or []
        self.table.setRowCount(len(self.batches))
        for row, batch in enumerate(self.batches):
            state = (self.tr("Undone %s") % local_time(batch.undone_at) if batch.undone_at
                     else self.tr("Imported"))
            cells: list[Any] = [batch.label, local_time(batch.created_at), batch.found,
                                batch.imported, batch.merged, batch.errors, state]
            for col, value in enumerate(cells):
                item = QTableWidgetItem(f"{value:,}" if isinstance(value, int) else value)
                if isinstance(value, int):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                item.setData(BATCH_ROLE, batch.id)
                if col == 0:
                    item.setToolTip(batch.label)
                self.table.setItem(row, col, item)
            if selected is not None and batch.id == selected.id:
                self.table.selectRow(row)
        if self.batches and not self.table.selectedItems():
            self.table.selectRow(0)
        self.status_label.setText(
            self.tr("No imports yet.") if not self.batches else
            self.tr("Undoing an import moves the contacts it added to the trash and reverts "
                    "what it merged into existing contacts."))
        self._update_buttons()
        self.loaded.emit()

    # --- undo -----------------------------------------------------------------------

    def selected_batch(self) -> BatchView | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.batches):
            return None
        return self.batches[rows[0].row()]

    def _update_buttons(self) -> None:
        batch = self.selected_batch()
        self.undo_button.setEnabled(
            not self._busy and batch is not None and batch.undone_at is None)

    def _on_table_selection_changed(self) -> None:
        self.confirm_bar.hide()
        self._update_buttons()

    def _on_undo_button_clicked(self) -> None:
        batch = self.selected_batch()
        if batch is not None:
            self.confirm_bar.ask(undo_question(batch.label, batch.imported, batch.merged))

    def _on_confirm_bar_confirmed(self) -> None:
        batch = self.selected_batch()
        if batch is None or self._busy:
            return
        self._busy = True
        self._update_buttons()
        self.status_label.setText(self.tr("Undoing “%s” …") % batch.label)
        batch_id = batch.id
        self._jobs.start(lambda: self._services.importing.undo(batch_id), self._on_undo_done)

    def _on_undo_done(self, batch: BatchView | None, error: BaseException | None) -> None:
        self._busy = False
        if error is not None:
            self._update_buttons()
            self.status_label.setText(self.tr("The import was not undone."))
            prompts.error(self, self.tr("Could not undo the import"), str(error))
            return
        self.contactsChanged.emit()
        self.undone.emit(batch)
        self.message.emit(self.tr("Import undone"))
        self.reload()
