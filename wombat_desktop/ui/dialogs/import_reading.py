"""The import dialog's reading step, run on the job runner: parse the files, sample the
CSVs that still need a column mapping, preview the rest; progress comes back by a relay."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from wombat_desktop.core.csvfiles import ColumnMapping
from wombat_desktop.core.progress import CancelToken

if TYPE_CHECKING:
    from wombat_desktop.core.contact_files import ParsedFile
    from wombat_desktop.services.importing import ImportPreview
    from wombat_desktop.services.registry import Services

SAMPLE_BYTES = 256 * 1024  # the start of a CSV file is enough to map its columns


class ProgressRelay(QObject):
    """Brings progress from the worker thread to the dialog (a queued signal)."""

    changed = Signal(int, int, str)

    def callback(self, cancel: CancelToken) -> Callable[[int, int, str], None]:
        last = [0.0]

        def progress(done: int, total: int, label: str = "") -> None:
            now = time.monotonic()
            if now - last[0] >= 0.05 or done >= total:  # at most ~20 repaints a second
                last[0] = now
                self.changed.emit(done, total, label)
            if cancel.cancelled:
                cancel.check()

        return progress


@dataclass(slots=True)
class Reading:
    files: list[ParsedFile]
    preview: ImportPreview | None  # None while generic CSVs still need a mapping
    unmapped: list[tuple[int, bytes]]  # (index in files, start of the file)


def file_head(path: str) -> bytes:
    """The start of a file (whole lines, about SAMPLE_BYTES) for the column mapping."""
    with open(path, "rb") as handle:
        data = handle.read(SAMPLE_BYTES + 1)
    if len(data) <= SAMPLE_BYTES:
        return data
    cut = data.rfind(b"\n", 0, SAMPLE_BYTES)
    if data.startswith(b"\xff\xfe"):  # UTF-16 LE: keep the newline's second byte
        cut += 1
    return data[: cut + 1] if cut > 0 else data[:SAMPLE_BYTES]


def read_files(services: Services, paths: list[str], mappings: dict[str, ColumnMapping],
               keep: dict[int, ParsedFile], progress: Callable[[int, int, str], None],
               cancel: CancelToken) -> Reading:
    """Read ``paths`` (reusing the files in ``keep`` by index); preview them once every
    generic CSV has a mapping. Runs off the UI thread."""
    importing = services.importing  # first use pulls in vobject: not on the UI thread
    todo = [p for i, p in enumerate(paths) if i not in keep]
    fresh = iter(importing.read(todo, mappings, progress, cancel))
    files = [keep[i] if i in keep else next(fresh) for i in range(len(paths))]
    unmapped = [(i, file_head(paths[i])) for i, f in enumerate(files)
                if f.kind == "csv" and f.format == "generic" and paths[i] not in mappings]
    if unmapped:
        return Reading(files, None, unmapped)
    return Reading(files, importing.preview(files, progress, cancel), [])
