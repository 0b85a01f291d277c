"""The import dialog: read and preview, map unknown CSV columns, commit, report, undo.

Stages: reading (progress + Cancel) → preview (figures, files, errors, batch label) →
committing (progress + Cancel, which rolls back) → report (undo, review duplicates).
Every step that touches files or the database runs on the `JobRunner`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.core.csvfiles import ColumnMapping
from wombat_desktop.core.errors import CancelledError
from wombat_desktop.core.progress import CancelToken
from wombat_desktop.services.settings import SettingsService
from wombat_desktop.ui import prompts
from wombat_desktop.ui.dialogs.csv_mapping_dialog import CsvMappingDialog
from wombat_desktop.ui.dialogs.import_history_dialog import default_label, undo_question
from wombat_desktop.ui.dialogs.import_reading import ProgressRelay, Reading, read_files
from wombat_desktop.ui.jobs import JobRunner
from wombat_desktop.ui.widgets.confirm_bar import ConfirmBar
from wombat_desktop.ui.widgets.import_summary import SummaryView

if TYPE_CHECKING:
    from wombat_desktop.core.contact_files import ParsedFile
    from wombat_desktop.services.importing import (
        BatchView,
        ImportPreview,
        ImportResult,
    )
    from wombat_desktop.services.registry import Services


class ImportDialog(QDialog):
    """Imports the files given to `start` as one batch the user can undo."""

    contactsChanged = Signal()
    reviewRequested = Signal(list)  # list[ImportReview]
    stageChanged = Signal(str)  # "reading", "mapping", "preview", "committing", "report"
    message = Signal(str)  # a line for the status bar

    def __init__(self, services: Services, jobs: JobRunner, settings: SettingsService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._jobs = jobs
        self._settings = settings
        self._paths: list[str] = []
        self._mappings: dict[str, ColumnMapping] = {}
        self._files: list[ParsedFile] = []
        self._unmapped: list[tuple[int, bytes]] = []
        self._cancel = CancelToken()
        self._closing = False
        self.stage = ""
        self.preview: ImportPreview | None = None
        self.result: ImportResult | None = None
        self.mapping_dialog: CsvMappingDialog | None = None
        self._relay = ProgressRelay(self)
        self._build_ui()
        self._connect()

    # --- building -------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.setWindowTitle(self.tr("Import contacts"))
        self.resize(780, 500)
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack, 1)

        self.progress_page = QWidget(self.stack)
        box = QVBoxLayout(self.progress_page)
        box.addStretch(1)
        self.stage_label = QLabel(self.progress_page)
        font = self.stage_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.stage_label.setFont(font)
        self.progress_bar = QProgressBar(self.progress_page)
        self.progress_bar.setAccessibleName(self.tr("Progress"))
        self.progress_label = QLabel(self.progress_page)
        for widget in (self.stage_label, self.progress_bar, self.progress_label):
            box.addWidget(widget)
        box.addStretch(2)
        self.stack.addWidget(self.progress_page)

        self.summary = SummaryView(self.stack)
        self.stack.addWidget(self.summary)

        self.label_row = QWidget(self)
        row = QHBoxLayout(self.label_row)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("Import &name:"), self.label_row)
        self.label_edit = QLineEdit(self.label_row)
        self.label_edit.setAccessibleName(self.tr("Import name"))
        self.label_edit.setToolTip(self.tr("How this import is listed in the import history"))
        label.setBuddy(self.label_edit)
        row.addWidget(label)
        row.addWidget(self.label_edit, 1)
        layout.addWidget(self.label_row)

        self.confirm_bar = ConfirmBar(self.tr("&Undo import"), self)
        layout.addWidget(self.confirm_bar)
        self.buttons = QDialogButtonBox(self)
        self.undo_button = QPushButton(self.tr("&Undo this import…"), self)
        self.review_button = QPushButton(self)
        self.import_button = QPushButton(self.tr("&Import"), self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        role = QDialogButtonBox.ButtonRole
        for button, button_role in ((self.undo_button, role.ResetRole),
                                    (self.review_button, role.ActionRole),
                                    (self.import_button, role.AcceptRole),
                                    (self.cancel_button, role.RejectRole),
                                    (self.close_button, role.RejectRole)):
            button.setAutoDefault(False)
            self.buttons.addButton(button, button_role)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self._relay.changed.connect(self._on_relay_changed)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.close_button.clicked.connect(self.accept)
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        self.review_button.clicked.connect(self._on_review_button_clicked)
        self.confirm_bar.confirmed.connect(self._on_confirm_bar_confirmed)

    def _show_stage(self, stage: str, title: str = "") -> None:
        self.stage = stage
        working = stage in ("reading", "committing", "undoing")
        if working:
            self.stage_label.setText(title)
            self.progress_label.clear()
            self.progress_bar.setRange(0, 0)
            self.stack.setCurrentWidget(self.progress_page)
        elif stage in ("preview", "report"):
            self.stack.setCurrentWidget(self.summary)
        self.label_row.setVisible(stage == "preview")
        self.import_button.setVisible(stage == "preview")
        self.cancel_button.setVisible(stage in ("reading", "mapping", "committing", "preview"))
        self.cancel_button.setEnabled(stage != "undoing")
        self.close_button.setVisible(stage in ("report", "undoing"))
        self.close_button.setEnabled(stage == "report")
        batch = self.result.batch_id if self.result else None
        self.undo_button.setVisible(stage == "report" and batch is not None)
        review = len(self.result.review) if self.result else 0
        self.review_button.setVisible(stage == "report" and review > 0)
        if stage != "report":
            self.confirm_bar.hide()
        (self.import_button if stage == "preview" else self.close_button
         if stage == "report" else self.cancel_button).setDefault(True)
        self.stageChanged.emit(stage)

    # --- reading --------------------------------------------------------------------

    def start(self, paths: list[str]) -> None:
        """Read and preview ``paths`` off the UI thread (call after `open()`)."""
        self._paths = [str(p) for p in paths]
        self._files = []
        self._read()

    def _read(self) -> None:
        self._cancel = CancelToken()
        self._show_stage("reading", self.tr("Reading %s files …") % len(self._paths)
                         if len(self._paths) != 1 else
                         self.tr("Reading %s …") % Path(self._paths[0]).name)
        paths, mappings, cancel = list(self._paths), dict(self._mappings), self._cancel
        keep = {i: f for i, f in enumerate(self._files) if paths[i] not in mappings}
        progress = self._relay.callback(cancel)
        services = self._services
        self._jobs.start(lambda: read_files(services, paths, mappings, keep, progress, cancel),
                         self._on_read_done)

    def _on_read_done(self, reading: Reading | None, error: BaseException | None) -> None:
        if self._closing or self._cancel.cancelled:
            self._finish_closing()
            return
        if error is not None or reading is None:
            prompts.error(self.parentWidget(), self.tr("Could not read the files"), str(error))
            self._finish_closing()
            return
        self._files = reading.files
        self._unmapped = reading.unmapped
        if reading.preview is None:
            self._ask_next_mapping()
        else:
            self._show_preview(reading.preview)

    def _ask_next_mapping(self) -> None:
        if not self._unmapped:
            if self._paths:
                self._read()
            else:
                self._finish_closing()  # every file was left out
            return
        index, sample = self._unmapped[0]
        self._show_stage("mapping")
        self.stage_label.setText(self.tr("Waiting for the columns of %s …")
                                 % Path(self._paths[index]).name)
        self.mapping_dialog = CsvMappingDialog(self._paths[index], sample, self._settings, self)
        self.mapping_dialog.finished.connect(self._on_mapping_dialog_finished)
        self.mapping_dialog.open()

    def _on_mapping_dialog_finished(self, result: int) -> None:
        dialog = self.mapping_dialog
        assert dialog is not None
        index, _ = self._unmapped.pop(0)
        if result == QDialog.DialogCode.Accepted:
            self._mappings[self._paths[index]] = dialog.mapping()
        else:  # leave the file out of this import
            del self._paths[index], self._files[index]
            self._unmapped = [(i - (i > index), s) for i, s in self._unmapped]
        dialog.deleteLater()
        self.mapping_dialog = None
        self._ask_next_mapping()

    def _show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.summary.show_preview(preview)
        self.label_edit.setText(default_label(self._paths, self._services.today()))
        self.import_button.setEnabled(preview.people > 0)
        self._show_stage("preview")
        if preview.people:
            self.label_edit.setFocus()

    # --- committing -----------------------------------------------------------------

    def _on_import_button_clicked(self) -> None:
        preview = self.preview
        if preview is None:
            return
        self._cancel = CancelToken()
        cancel = self._cancel
        label = self.label_edit.text().strip() or default_label(self._paths,
                                                                self._services.today())
        progress = self._relay.callback(cancel)
        importing = self._services.importing
        self._show_stage("committing", self.tr("Importing %s people …") % f"{preview.people:,}"
                         if preview.people != 1 else self.tr("Importing 1 person …"))
        self._jobs.start(lambda: importing.commit(preview, label, progress, cancel),
                         self._on_commit_done)

    def _on_commit_done(self, result: ImportResult | None, error: BaseException | None) -> None:
        if result is not None:  # written, even if Cancel came too late to stop it
            self.result = result
            self.contactsChanged.emit()
            t = result.totals()
            self.message.emit(self.tr("Imported: %1 new, %2 merged, %3 errors").replace(
                "%1", f"{t['imported']:,}").replace("%2", f"{t['merged']:,}").replace(
                "%3", f"{t['errors']:,}"))
            if self._closing:
                self._finish_closing()
                return
            self.summary.show_report(result, self.label_edit.text(),
                                     self.preview.people if self.preview else 0)
            n = len(result.review)
            self.review_button.setText(self.tr("&Review 1 possible duplicate") if n == 1 else
                                       self.tr("&Review %s possible duplicates") % f"{n:,}")
            self._show_stage("report")
            return
        if self._closing:
            self._finish_closing()
            return
        self._show_stage("preview")
        if isinstance(error, CancelledError):
            self.summary.set_note(self.tr("Import cancelled: nothing was saved."))
        else:
            prompts.error(self, self.tr("Could not import"), str(error))

    # --- report ---------------------------------------------------------------------

    def _on_undo_button_clicked(self) -> None:
        if self.result is None:
            return
        totals = self.result.totals()
        self.confirm_bar.ask(undo_question(self.summary.title, totals["imported"],
                                           totals["merged"]))

    def _on_confirm_bar_confirmed(self) -> None:
        if self.result is None or self.result.batch_id is None:
            return
        batch_id = self.result.batch_id
        importing = self._services.importing
        self._show_stage("undoing", self.tr("Undoing the import …"))
        self._jobs.start(lambda: importing.undo(batch_id), self._on_undo_done)

    def _on_undo_done(self, batch: BatchView | None, error: BaseException | None) -> None:
        if error is not None:
            prompts.error(self, self.tr("Could not undo the import"), str(error))
            self._show_stage("report")
            return
        self.contactsChanged.emit()
        self.message.emit(self.tr("Import undone"))
        self.result = None  # nothing left to undo or review
        self._show_stage("report")
        self.summary.set_note(self.tr("This import was undone: its new contacts are in the "
                                      "trash and merged contacts are as they were before."))

    def _on_review_button_clicked(self) -> None:
        if self.result is not None:
            review = list(self.result.review)
            self.accept()
            self.reviewRequested.emit(review)

    # --- progress, cancel, closing ---------------------------------------------------

    def _on_relay_changed(self, done: int, total: int, label: str) -> None:
        if self.stage not in ("reading", "committing"):
            return
        self.progress_bar.setRange(0, max(total, 0))
        self.progress_bar.setValue(min(done, total))
        self.progress_label.setText(label)

    def _on_cancel_button_clicked(self) -> None:
        self.reject()

    def busy(self) -> bool:
        return self.stage in ("reading", "committing", "undoing")

    def reject(self) -> None:
        """Esc, Cancel or the close box: stop the running step, close when it has stopped."""
        if self.stage == "undoing":  # an undo cannot be stopped halfway; it is quick
            return
        if self.stage == "mapping" and self.mapping_dialog is not None:
            self.mapping_dialog.reject()
            return
        if self.busy():
            self._closing = True
            self._cancel.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling …"))
            return
        super().reject()

    def _finish_closing(self) -> None:
        self.stage = "closed"
        if self.result is not None:
            super().accept()
        else:
            super().reject()

    def closeEvent(self, event: Any) -> None:
        if self.busy():
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)
