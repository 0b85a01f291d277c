"""File → Import, drag and drop, and the import history: one object the main window owns."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QWidget

from wombat_desktop.services.registry import Services
from wombat_desktop.services.settings import SettingsService
from wombat_desktop.ui import prompts
from wombat_desktop.ui.dialogs.import_dialog import ImportDialog
from wombat_desktop.ui.dialogs.import_history_dialog import ImportHistoryDialog
from wombat_desktop.ui.jobs import JobRunner
from wombat_desktop.ui.widgets.file_drop import FileDropFilter, expand_paths

FOLDER_KEY = "import_folder"


class ImportController(QObject):
    """Owns the import actions and dialogs; tells the window when contacts changed.

    ``contactsChanged`` fires after an import was written or undone; ``reviewRequested``
    carries `ImportResult.review` (a list of `ImportReview`) when the user asks to review
    the possible duplicates an import left; ``message`` is a line for the status bar.
    """

    contactsChanged = Signal()
    reviewRequested = Signal(list)
    message = Signal(str)  # a line for the status bar

    def __init__(self, parent: QWidget, services: Services, jobs: JobRunner,
                 settings: SettingsService | None = None) -> None:
        super().__init__(parent)
        self._window = parent
        self._services = services
        self._jobs = jobs
        self.settings = settings or SettingsService(services.db)
        self.dialog: ImportDialog | None = None
        self.history_dialog: ImportHistoryDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self.import_action = QAction(self.tr("&Import contacts…"), parent)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.setStatusTip(self.tr("Import vCard or CSV files as one undoable batch"))
        self.history_action = QAction(self.tr("Import &history…"), parent)
        self.history_action.setStatusTip(self.tr("See past imports and undo one"))
        self.import_action.triggered.connect(self._on_import_action_triggered)
        self.history_action.triggered.connect(self._on_history_action_triggered)

    def install_drop(self, widget: QWidget) -> FileDropFilter:
        """Let files and folders dropped on ``widget`` be imported."""
        return FileDropFilter.install(widget, self.import_paths)

    # --- importing ------------------------------------------------------------------

    def _on_import_action_triggered(self) -> None:
        folder = self.settings.get_json(FOLDER_KEY, "")
        if not isinstance(folder, str) or not Path(folder).is_dir():
            folder = str(Path.home())
        dialog = QFileDialog(self._window, self.tr("Import contacts"), folder)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters([self.tr("Contact files (*.vcf *.vcard *.csv)"),
                               self.tr("vCard files (*.vcf *.vcard)"),
                               self.tr("CSV files (*.csv)"), self.tr("All files (*)")])
        dialog.filesSelected.connect(self._on_file_dialog_files_selected)
        self.file_dialog = dialog
        dialog.open()

    def _on_file_dialog_files_selected(self, paths: list[str]) -> None:
        if self.file_dialog is not None:
            self.file_dialog.deleteLater()
            self.file_dialog = None
        if not paths:
            return
        self.settings.set_json(FOLDER_KEY, str(Path(paths[0]).parent))
        self.import_paths(paths)

    def import_paths(self, paths: list[str]) -> ImportDialog | None:
        """Open the import dialog on ``paths`` (folders are searched for contact files)."""
        files = [p for p in paths if not Path(p).is_dir()] + expand_paths(
            [p for p in paths if Path(p).is_dir()])
        if not files:
            self.message.emit(self.tr("No vCard or CSV files there to import."))
            return None
        if self.dialog is not None and self.dialog.isVisible():
            prompts.info(self._window, self.tr("Import contacts"),
                         self.tr("An import is open already: finish or close it first."))
            self.dialog.raise_()
            return None
        if self.dialog is not None:
            self.dialog.deleteLater()
        dialog = ImportDialog(self._services, self._jobs, self.settings, self._window)
        dialog.contactsChanged.connect(self.contactsChanged)
        dialog.reviewRequested.connect(self.reviewRequested)
        dialog.message.connect(self.message)
        self.dialog = dialog
        dialog.open()
        dialog.start(files)
        return dialog

    def cancel_running(self) -> None:
        """Stop a running import (the window is closing): a cancelled commit rolls back."""
        if self.dialog is not None and self.dialog.busy():
            self.dialog.reject()

    # --- history --------------------------------------------------------------------

    def _on_history_action_triggered(self) -> None:
        self.show_history()

    def show_history(self) -> ImportHistoryDialog:
        """Open the import history (one window; it reloads when opened again)."""
        if self.history_dialog is None:
            self.history_dialog = ImportHistoryDialog(self._services, self._jobs, self._window)
            self.history_dialog.contactsChanged.connect(self.contactsChanged)
            self.history_dialog.message.connect(self.message)
        self.history_dialog.open()
        self.history_dialog.reload()
        return self.history_dialog
