"""Attached files shown as links (opened by the desktop) and a file picker opened with open()."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from wombat_desktop.core.message_views import AttachmentView


class FileLinks(QLabel):
    """One link per attached file; Tab reaches each link and Enter opens it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.setAccessibleName(self.tr("Attached files"))
        self.opened: list[str] = []  # urls opened (tests read it)
        self.linkActivated.connect(self._on_link_activated)
        self.set_files(())

    def set_files(self, files: Sequence[AttachmentView]) -> None:
        if not files:
            self.setText(self.tr("<i>No files attached.</i>"))
            return
        links = [f'<a href="{html.escape(QUrl.fromLocalFile(f.path).toString())}">'
                 f"{html.escape(f.file_name)}</a>" for f in files]
        self.setText(" · ".join(links))
        self.setToolTip("\n".join(f.path for f in files))

    def _on_link_activated(self, link: str) -> None:
        self.opened.append(link)
        QDesktopServices.openUrl(QUrl(link))


def pick_files(parent: QWidget, title: str, chosen: Callable[[list[str]], None]) -> QFileDialog:
    """Open a non-blocking file dialog; *chosen* gets the picked paths."""
    dialog = QFileDialog(parent, title)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dialog.filesSelected.connect(chosen)
    dialog.open()
    return dialog
