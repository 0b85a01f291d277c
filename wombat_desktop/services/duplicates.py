"""Duplicates on demand: find them, merge two people with field-level choice, or keep both."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from wombat_desktop.core.dedupe import DuplicatePair, find_duplicates
from wombat_desktop.core.draft_json import draft_from_dict, draft_to_dict
from wombat_desktop.core.errors import NotFoundError, ValidationError
from wombat_desktop.core.merge import merge_drafts
from wombat_desktop.core.model import ContactDraft
from wombat_desktop.core.progress import CancelToken, ProgressFn
from wombat_desktop.storage.contact_bulk_reads import dedupe_records, load_drafts
from wombat_desktop.storage.contact_merge import absorb, unabsorb
from wombat_desktop.storage.contact_stats import refresh_stats
from wombat_desktop.storage.contact_writes import ContactWriter
from wombat_desktop.storage.database import Database
from wombat_desktop.storage.duplicate_marks import (
    mark_not_duplicate,
    not_duplicate_pairs,
    unmark_not_duplicate,
)


@dataclass(frozen=True, slots=True)
class DuplicateView:
    """A likely pair with both people's full records, for side-by-side review."""

    pair: DuplicatePair
    a: ContactDraft
    b: ContactDraft


@dataclass(frozen=True, slots=True)
class MergeUndo:
    """Everything needed to take a merge back."""

    keep_id: int
    other_id: int
    keep_before: dict[str, Any]
    moved: dict[str, Any]
    keep_flags: dict[str, Any] = field(default_factory=dict)


def merged_flags(keep: dict[str, Any], other: dict[str, Any]) -> dict[str, Any]:
    """The kept contact's flags, filled in from the other where it says nothing; a yes on
    either side stays a yes."""
    out = dict(keep)
    for name, value in other.items():
        if isinstance(value, bool):
            out[name] = bool(keep.get(name)) or value
        elif keep.get(name) in (None, "") and value not in (None, ""):
            out[name] = value
    if keep.get("tie_override"):  # the note belongs to the kept choice
        out["tie_override_note"] = keep.get("tie_override_note", "")
    return out


class DuplicateService:
    def __init__(self, db: Database, region: str = "US") -> None:
        self._db = db
        self.region = region

    def find(self, min_score: int = 80, progress: ProgressFn | None = None,
             cancel: CancelToken | None = None) -> list[DuplicatePair]:
        """Likely and exact duplicate pairs among live contacts, minus those marked
        "not a duplicate"."""
        with self._db.unit_of_work() as uow:
            records = dedupe_records(uow.session)
            ignore = not_duplicate_pairs(uow.session)
        return find_duplicates(records, region=self.region, min_score=min_score,
                               ignore=ignore, progress=progress, cancel=cancel)

    def view(self, pair: DuplicatePair) -> DuplicateView:
        with self._db.unit_of_work() as uow:
            drafts = load_drafts(uow.session, [pair.a, pair.b])
        if pair.a not in drafts or pair.b not in drafts:
            raise NotFoundError("One of these contacts no longer exists.")
        return DuplicateView(pair, drafts[pair.a], drafts[pair.b])

    def merge(self, keep_id: int, other_id: int,
              choices: Mapping[str, str] | None = None) -> MergeUndo:
        """Fold ``other`` into ``keep``: every value, UID, source, interaction and referral
        is kept; ``choices`` maps a field to "other" to take that side's value."""
        if keep_id == other_id:
            raise ValidationError("A contact cannot be merged with itself.")
        with self._db.unit_of_work() as uow:
            session = uow.session
            writer = ContactWriter(session, self.region)
            if not (writer.exists(keep_id) and writer.exists(other_id)):
                raise NotFoundError("One of these contacts was deleted or merged already.")
            drafts = load_drafts(session, [keep_id, other_id])
            before = drafts[keep_id]
            flags = writer.flags(keep_id)
            writer.rewrite(keep_id, merge_drafts(before, drafts[other_id], choices))
            other_flags = writer.flags(other_id)
            if other_flags.get("introduced_by_id") == keep_id:
                other_flags["introduced_by_id"] = None  # nobody introduces themselves
            writer.set_columns(keep_id, merged_flags(flags, other_flags))
            moved = absorb(session, keep_id, other_id)
            refresh_stats(session, [keep_id, other_id])
            uow.commit()
        return MergeUndo(keep_id, other_id, draft_to_dict(before), moved, flags)

    def undo_merge(self, undo: MergeUndo) -> None:
        with self._db.unit_of_work() as uow:
            session = uow.session
            unabsorb(session, undo.keep_id, undo.other_id, undo.moved)
            writer = ContactWriter(session, self.region)
            writer.rewrite(undo.keep_id, draft_from_dict(undo.keep_before))
            if undo.keep_flags:
                writer.set_columns(undo.keep_id, undo.keep_flags)
            refresh_stats(session, [undo.keep_id, undo.other_id])
            uow.commit()

    def keep_both(self, a: int, b: int) -> None:
        """Remember that these two are different people."""
        with self._db.unit_of_work() as uow:
            mark_not_duplicate(uow.session, a, b)
            uow.commit()

    def forget_keep_both(self, a: int, b: int) -> None:
        with self._db.unit_of_work() as uow:
            unmark_not_duplicate(uow.session, a, b)
            uow.commit()
