"""Owns "Export to calendar" for lunches: the .ics save dialog, the write job, its report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from wombat_desktop.services.followups import FollowUpService
from wombat_desktop.ui import prompts
from wombat_desktop.ui.jobs import JobRunner


class LunchCalendarExport(QObject):
    """Writes the chosen lunches (or every scheduled one) to an iCalendar file."""

    message = Signal(str)  # a line for the status bar

    def __init__(self, service: FollowUpService, jobs: JobRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._service = service
        self._jobs = jobs
        self._window = parent
        self.directory = Path.home()

    def file_dialog(self, ids: list[int] | None) -> QFileDialog:
        """A save dialog for a .ics file that writes lunches ``ids`` (None: all scheduled)."""
        stem = "wombat-lunch" if ids else "wombat-lunches"
        dialog = QFileDialog(self._window, self.tr("Export to calendar"),
                             str(self.directory / stem))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("iCalendar (*.ics)"))
        dialog.setDefaultSuffix("ics")
        dialog.selectFile(str(self.directory / f"{stem}.ics"))
        dialog.fileSelected.connect(lambda path: self.write_ics(Path(path), ids))
        return dialog

    def write_ics(self, path: Path, ids: list[int] | None) -> None:
        """Write the file on the job runner and report how many events it holds."""
        service = self._service
        self._jobs.start(lambda: service.export_ics(path, ids),
                         lambda n, err: self.report(path, n, err))

    def report(self, path: Path, count: int | None, error: BaseException | None) -> None:
        """Say what was written (or why not) and remember the folder for next time."""
        if error is not None:
            reason = error.strerror if isinstance(error, OSError) else None
            prompts.error(self._window, self.tr("Could not export"), self.tr(
                "Could not write {path}: {reason}").format(path=path, reason=reason or error))
            return
        self.directory = path.parent
        if not count:
            self.message.emit(self.tr("No scheduled lunch to export; {path} holds no "
                                      "events.").format(path=path))
            return
        text = (self.tr("Exported 1 lunch to {path}.") if count == 1
                else self.tr("Exported {n} lunches to {path}."))
        self.message.emit(text.format(n=count, path=path))
