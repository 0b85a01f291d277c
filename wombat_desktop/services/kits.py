"""Printed kits: build a handout, prep pack, call sheet or the whole plan as a PDF."""

from __future__ import annotations

import datetime as dt
import locale
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from wombat_desktop.core.errors import NotFoundError, ValidationError
from wombat_desktop.core.kits.data import (
    EventListItem,
    KitData,
    KitKind,
    Paper,
    paper_for_region,
    upcoming_first,
)
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


def locale_region() -> str:
    """The territory of the process's locale ("en_US.UTF-8" -> "US"); "" when unknown."""
    names = [os.environ.get(v, "") for v in ("LC_ALL", "LC_PAPER", "LANG")]
    names.append(locale.getlocale()[0] or "")
    for name in names:
        territory = name.split(".")[0].split("@")[0].rpartition("_")[2]
        if len(territory) == 2 and territory.isalpha() and "_" in name:
            return territory.upper()
    return ""


def check_target(out: str | os.PathLike[str]) -> Path:
    """The PDF's path, when its folder exists (kits never create folders).

    Raises:
        ValidationError: the folder does not exist (or is not a folder).
    """
    path = Path(out)
    if not path.parent.is_dir():
        raise ValidationError(f"cannot write {path}: the folder does not exist")
    return path


class KitService:
    """Reads what a kit needs in one unit of work and lays it out (reportlab, no Qt)."""

    def __init__(self, db: Database, today: Callable[[], dt.date] = dt.date.today) -> None:
        self._db = db
        self._today = today

    def events(self) -> list[EventListItem]:
        """Every event with attendee counts: upcoming (soonest first), then past (latest
        first), as on the Events page."""
        with self._db.unit_of_work() as uow:
            items = kit_reads.list_events(uow.session)
        return upcoming_first(items, self._today())

    def default_paper(self, fallback_region: str | None = None) -> Paper:
        """US Letter or A4 for the profile's region; unset: ``fallback_region`` or the locale's."""
        with self._db.unit_of_work() as uow:
            region = kit_reads.profile_region(uow.session)
        if not region:
            region = fallback_region if fallback_region is not None else locale_region()
        return paper_for_region(region)

    def resolve_event(self, key: str | int | None) -> int | None:
        """An event id from an id or a name (exact, then unique part); None: the next one.

        Raises:
            NotFoundError: nothing matches, or a name part matches several events.
        """
        events = self.events()
        if key is None or key == "":
            # `events` lists upcoming (soonest first) then past: the first dated one is it.
            chosen = next((e for e in events if e.starts_at), events[0] if events else None)
            return chosen.id if chosen else None
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
            data = kit_reads.load_kit_data(
                uow.session, self._today(), event_id=event_id,
                calls=kind is KitKind.CALLSHEET, plan=kind is KitKind.PLAN)
        if kind is KitKind.PLAN and not data.matrix_stage:
            # No snapshot saved yet: the plan still says where the user stands today.
            from wombat_desktop.services.matrix import MatrixService

            result = MatrixService(self._db, self._today).compute()
            data.matrix_stage = (f"{result.stage.value} (network {result.network:.0f}/100, "
                                 f"message {result.message:.0f}/100, as of today)")
        return data

    def build(self, kind: KitKind | str, out: str | os.PathLike[str],
              event: str | int | None = None, paper: Paper | str | None = None) -> KitResult:
        """Write a kit PDF to ``out`` (via ``*.part`` and a rename).

        Args:
            kind: handout, prep, callsheet or plan.
            out: the PDF's path.
            event: an event id or name (the prep pack defaults to the next event).
            paper: ``"a4"`` or ``"letter"``; None: `default_paper`.

        Raises:
            ValidationError: unknown kind or paper, a prep pack with no event, or a folder
                that does not exist.
            NotFoundError: the event does not exist.
        """
        try:
            kind = KitKind(kind)
            paper = self.default_paper() if paper is None else Paper(str(paper).lower())
        except ValueError as exc:
            raise ValidationError(str(exc)) from exc
        check_target(out)
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
