"""Exporting contacts to vCard 4.0/3.0 or Google CSV, safely (written to *.part, renamed)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path

from wombat_desktop.core.csvfiles import write_google_csv
from wombat_desktop.core.errors import ValidationError
from wombat_desktop.core.model import Tie
from wombat_desktop.core.vcard import write_vcards
from wombat_desktop.storage import contact_reads
from wombat_desktop.storage.contact_bulk_reads import load_drafts
from wombat_desktop.storage.database import Database


class ExportFormat(StrEnum):
    VCARD4 = "vcard4"
    VCARD3 = "vcard3"
    CSV = "csv"

    @property
    def suffix(self) -> str:
        return ".csv" if self is ExportFormat.CSV else ".vcf"


class ExportService:
    def __init__(self, db: Database, today: Callable[[], dt.date] = dt.date.today) -> None:
        self._db = db
        self._today = today

    def contact_ids(self, tie: Tie | None = None) -> list[int]:
        """Every live contact's id, or only the strong (weak) ones."""
        with self._db.unit_of_work() as uow:
            items = contact_reads.list_items(uow.session, self._today())
        return sorted(i.id for i in items if tie is None or i.tie is tie)

    def render(self, fmt: ExportFormat, ids: Sequence[int]) -> str:
        """The export as text (vCard with CRLF lines, or CSV)."""
        with self._db.unit_of_work() as uow:
            drafts = list(load_drafts(uow.session, ids).values())
        if fmt is ExportFormat.CSV:
            return write_google_csv(drafts)
        return write_vcards(drafts, "4.0" if fmt is ExportFormat.VCARD4 else "3.0")

    def export(self, fmt: ExportFormat, out: str | Path, ids: Sequence[int] | None = None,
               tie: Tie | None = None) -> int:
        """Write contacts (all, the given ids, or one tie) to ``out``; returns how many.

        The file is written beside its target as ``*.part`` and renamed when complete, so a
        crash never leaves half a file under the real name.
        """
        chosen = list(ids) if ids is not None else self.contact_ids(tie)
        if not chosen:
            raise ValidationError("There are no contacts to export.")
        text = self.render(fmt, chosen)
        target = Path(out)
        target.parent.mkdir(parents=True, exist_ok=True)
        part = target.with_name(target.name + ".part")
        # CSV gets a BOM so that spreadsheet programs read UTF-8 names correctly.
        encoding = "utf-8-sig" if fmt is ExportFormat.CSV else "utf-8"
        with open(part, "w", encoding=encoding, newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(part, target)
        return len(chosen)
