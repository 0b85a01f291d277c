"""Every import the user made, as a batch that can be undone as a whole."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, QTimeZone, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.ui import prompts
from wombat_desktop.ui.jobs import JobRunner
from wombat_desktop.ui.widgets.confirm_bar import ConfirmBar

if TYPE_CHECKING:
    from wombat_desktop.services.importing import BatchView
    from wombat_desktop.services.registry import Services

BATCH_ROLE = Qt.ItemDataRole.UserRole


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


def default_label(paths: list[str], today: dt.date) -> str:
    """"Imported from a.vcf, b.csv on 2026-11-22" (three names at most)."""
    names = [Path(p).name for p in paths]
    shown = ", ".join(names[:3])
    if len(names) > 3:
        shown = QCoreApplication.translate("ImportDialog", "%1 and %2 more").replace(
            "%1", shown).replace("%2", str(len(names) - 3))
    return QCoreApplication.translate("ImportDialog", "Imported from %1 on %2").replace(
        "%1", shown).replace("%2", today.isoformat())


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
