"""Owns "Export contacts…": the dialog, the export job and its report."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from wombat_desktop.core.model import Tie
from wombat_desktop.services.registry import Services
from wombat_desktop.ui import prompts
from wombat_desktop.ui.jobs import JobRunner

if TYPE_CHECKING:
    from wombat_desktop.services.exporting import ExportFormat
    from wombat_desktop.ui.dialogs.export_dialog import ExportDialog


def _documents() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


class ExportController(QObject):
    """Exports all contacts, a selection, or one tie as vCard 4.0/3.0 or Google CSV."""

    message = Signal(str)  # a line for the status bar
    exported = Signal(int, str)  # how many, the file written
    failed = Signal(str)

    def __init__(self, parent: QWidget, services: Services, jobs: JobRunner,
                 selected_ids: Callable[[], list[int]]) -> None:
        super().__init__(parent)
        self._window = parent
        self._services = services
        self._jobs = jobs
        self._selected_ids = selected_ids
        self.directory: Path = _documents()
        self.dialog: ExportDialog | None = None
        self.export_action = QAction(self.tr("&Export contacts…"), parent)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setStatusTip(self.tr("Write contacts to a vCard or CSV file"))
        self.export_action.triggered.connect(lambda _checked=False: self.open_dialog())
        parent.addAction(self.export_action)

    def open_dialog(self) -> ExportDialog:
        """Open the export dialog (counting each scope off the UI thread)."""
        from wombat_desktop.ui.dialogs.export_dialog import ExportDialog

        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        dialog = ExportDialog(self._selected_ids(), self.directory, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._on_dialog_accepted)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        contacts = self._services.contacts

        def count() -> tuple[int, int, int]:
            totals = contacts.totals(contacts.list_items())
            return totals.contacts, totals.strong, totals.weak

        self._jobs.start(count, self._on_counted)
        dialog.open()
        return dialog

    def _on_counted(self, counts: tuple[int, int, int] | None,
                    error: BaseException | None) -> None:
        if error is not None:
            self.message.emit(self.tr("Could not count the contacts: {error}").format(
                error=error))
        elif self.dialog is not None:
            self.dialog.set_counts(counts)

    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None

    def _on_dialog_accepted(self) -> None:
        if self.dialog is None:
            return
        req = self.dialog.request()
        self.export(req.fmt, req.path, req.ids, req.tie)

    def export(self, fmt: ExportFormat, path: Path, ids: Sequence[int] | None = None,
               tie: Tie | None = None) -> None:
        """Write the file on the job runner; report the count and path, or the error."""
        exporting = self._services.exporting
        chosen = list(ids) if ids is not None else None
        self.export_action.setEnabled(False)
        self.message.emit(self.tr("Exporting to {path} …").format(path=path))

        def work() -> int:
            return exporting.export(fmt, path, ids=chosen, tie=tie)

        self._jobs.start(work, lambda n, err: self._on_export_done(path, n, err))

    def _on_export_done(self, path: Path, count: int | None,
                        error: BaseException | None) -> None:
        self.export_action.setEnabled(True)
        if error is not None:
            if isinstance(error, OSError):
                text = self.tr("Could not write {path}: {reason}.").format(
                    path=path, reason=error.strerror or error)
            else:
                text = str(error) or type(error).__name__
            self.message.emit(self.tr("Export failed."))
            prompts.error(self._window, self.tr("Could not export"), text)
            self.failed.emit(text)
            return
        n = count or 0
        self.directory = path.parent
        text = (self.tr("Exported 1 contact to {path}.") if n == 1
                else self.tr("Exported {n:,} contacts to {path}.")).format(n=n, path=path)
        self.message.emit(text)
        prompts.info(self._window, self.tr("Export finished"), text)
        self.exported.emit(n, str(path))
