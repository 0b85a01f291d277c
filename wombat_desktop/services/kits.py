"""Printed kits: build a handout, prep pack, call sheet or the whole plan as a PDF."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from wombat_desktop.core.errors import NotFoundError, ValidationError
from wombat_desktop.core.kits.data import EventListItem, KitData, KitKind, Paper
from wombat_desktop.storage import kit_reads
from wombat_desktop.storage.database import Database


@dataclass(frozen=True, slots=True)
class KitResult:
    """A written kit. ``missing_scripts`` could not print here (no font has them);
    ``notes`` say what printed imperfectly (e.g. Arabic without joined letters)."""

    path: Path
    kind: KitKind
    paper: Paper
    pages: int
    missing_scripts: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    event_id: int | None = None


class KitService:
    """Reads what a kit needs in one unit of work and lays it out (reportlab, no Qt)."""

    def __init__(self, db: Database, today: Callable[[], dt.date] = dt.date.today) -> None:
        self._db = db
        self._today = today

    def events(self) -> list[EventListItem]:
        """Every event, newest first, with attendee counts."""
        with self._db.unit_of_work() as uow:
            return kit_reads.list_events(uow.session)

    def resolve_event(self, key: str | int | None) -> int | None:
        """An event id from an id or a name (exact, then unique part); None: the next one.

        Raises:
            NotFoundError: nothing matches, or a name part matches several events.
        """
        events = self.events()
        if key is None or key == "":
            upcoming = [e for e in events if e.starts_at and e.starts_at.date() >= self._today()]
            chosen = min(upcoming, key=lambda e: e.starts_at or dt.datetime.max, default=None)
            return chosen.id if chosen else (events[0].id if events else None)
        text = str(key).strip()
        if text.isdigit() and any(e.id == int(text) for e in events):
            return int(text)
        folded = text.casefold()
        exact = [e for e in events if e.name.casefold() == folded]
        if len(exact) == 1:
            return exact[0].id
        part = [e for e in events if folded in e.name.casefold()]
        if len(part) == 1:
            return part[0].id
        if part:
            raise NotFoundError(f"{len(part)} events match {text!r}: "
                                + "; ".join(f"{e.id} {e.name}" for e in part))
        raise NotFoundError(f"No event matches {text!r} (see `wombat events`).")

    def data(self, kind: KitKind, event: str | int | None = None) -> KitData:
        """Everything the kit prints, read in bulk."""
        event_id = self.resolve_event(event) if kind is KitKind.PREP or event else None
        if kind is KitKind.PREP and event_id is None:
            raise ValidationError("A prep pack needs an event; there are none yet.")
        with self._db.unit_of_work() as uow:
            return kit_reads.load_kit_data(
                uow.session, self._today(), event_id=event_id,
                calls=kind is KitKind.CALLSHEET, plan=kind is KitKind.PLAN)

    def build(self, kind: KitKind | str, out: str | os.PathLike[str],
              event: str | int | None = None, paper: Paper | str = Paper.A4) -> KitResult:
        """Write a kit PDF to ``out`` (via ``*.part`` and a rename).

        Args:
            kind: handout, prep, callsheet or plan.
            out: the PDF's path.
            event: an event id or name (the prep pack defaults to the next event).
            paper: ``"a4"`` or ``"letter"``.

        Raises:
            ValidationError: unknown kind or paper, or a prep pack with no event.
            NotFoundError: the event does not exist.
        """
        try:
            kind, paper = KitKind(kind), Paper(str(paper).lower())
        except ValueError as exc:
            raise ValidationError(str(exc)) from exc
        data = self.data(kind, event)
        return render(kind, data, out, paper)


def render(kind: KitKind, data: KitData, out: str | os.PathLike[str],
           paper: Paper) -> KitResult:
    """Lay out already-read kit data (used by `KitService.build` and the benchmarks)."""
    # reportlab costs ~0.5 s to import: only kits pay for it, never the app's start.
    from wombat_desktop.core.kits.build import build_kit

    pages, missing, notes = build_kit(kind, data, out, paper)
    return KitResult(Path(out), kind, paper, pages, tuple(missing), tuple(notes),
                     data.event.id if data.event else None)
