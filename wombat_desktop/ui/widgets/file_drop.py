"""Drag and drop of contact files (and folders of them) onto any widget."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

CONTACT_SUFFIXES = (".vcf", ".vcard", ".csv")


def is_contact_file(path: str | Path) -> bool:
    return Path(path).suffix.lower() in CONTACT_SUFFIXES


def expand_paths(paths: Iterable[str], suffixes: tuple[str, ...] = CONTACT_SUFFIXES
                 ) -> list[str]:
    """Files with a contact suffix, folders walked recursively (sorted), each path once."""
    found: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs.sort()
                found.extend(os.path.join(root, f) for f in sorted(files)
                             if f.lower().endswith(suffixes))
        elif path.lower().endswith(suffixes) and os.path.isfile(path):
            found.append(path)
    return list(dict.fromkeys(found))


def local_paths(mime: QMimeData | None) -> list[str]:
    """Local files and folders in a drag's data that an import could use (unexpanded)."""
    if mime is None or not mime.hasUrls():
        return []
    paths = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if os.path.isdir(p) or is_contact_file(p)]


class FileDropFilter(QObject):
    """Event filter: accepts drags of .vcf/.vcard/.csv files or folders, hands over the paths.

    Install it on a widget with ``FileDropFilter.install(widget, callback)``; anything else
    dragged (text, web links) is left to the widget as before.
    """

    def __init__(self, callback: Callable[[list[str]], None], parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self._callback = callback

    @classmethod
    def install(cls, widget: QWidget, callback: Callable[[list[str]], None]) -> FileDropFilter:
        drop = cls(callback, widget)
        widget.setAcceptDrops(True)
        widget.installEventFilter(drop)
        return drop

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDragMoveEvent)
            if local_paths(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            paths = local_paths(event.mimeData())
            if paths:
                event.acceptProposedAction()
                files = expand_paths(paths)
                if files:
                    self._callback(files)
                return True
        return super().eventFilter(watched, event)
