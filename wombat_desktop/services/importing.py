"""Importing contact files as one undoable batch: read, preview, commit, undo."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wombat_desktop.core.contact_files import FileError, ParsedFile, read_contact_file
from wombat_desktop.core.csvfiles import ColumnMapping
from wombat_desktop.core.draft_json import draft_from_dict, draft_to_dict
from wombat_desktop.core.errors import ValidationError
from wombat_desktop.core.import_plan import ImportPlan, ReviewPair, plan_import
from wombat_desktop.core.merge import merge_drafts, unmerge
from wombat_desktop.core.progress import CancelToken, ProgressFn, no_progress
from wombat_desktop.storage import import_batches
from wombat_desktop.storage.contact_bulk_reads import dedupe_records, load_drafts
from wombat_desktop.storage.contact_merge import add_identity, remove_identity
from wombat_desktop.storage.contact_writes import ContactWriter
from wombat_desktop.storage.database import Database
from wombat_desktop.storage.duplicate_marks import not_duplicate_pairs


@dataclass(slots=True)
class FileReport:
    """What happened to one file (the `wombat import --json` per-file object)."""

    path: str
    format: str
    found: int
    imported: int = 0
    merged: int = 0
    errors: list[FileError] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "path": self.path, "format": self.format, "found": self.found,
            "imported": self.imported, "merged": self.merged,
            "errors": [{"card": e.card, "line": e.line, "message": e.message}
                       for e in self.errors],
        }


@dataclass(slots=True)
class ImportPreview:
    """Read and planned, nothing written yet."""

    files: list[ParsedFile]
    plan: ImportPlan
    origin_file: list[int]  # incoming draft index -> file index

    @property
    def people(self) -> int:
        return len(self.plan.people)

    @property
    def new(self) -> int:
        return len(self.plan.new)

    @property
    def merged(self) -> int:
        return len(self.plan.merges) + self.plan.folded

    @property
    def to_review(self) -> int:
        return len(self.plan.review)

    @property
    def errors(self) -> int:
        return sum(len(f.errors) for f in self.files)

    def reports(self) -> list[FileReport]:
        """Per-file counts as they will be once committed."""
        reports = [FileReport(f.path, f.format, f.found, errors=list(f.errors))
                   for f in self.files]
        for person in self.plan.people:
            first = self.origin_file[person.origins[0]]
            if person.merge_into is None:
                reports[first].imported += 1
                extra = person.origins[1:]
            else:
                extra = person.origins
            for origin in extra:
                reports[self.origin_file[origin]].merged += 1
        return reports


@dataclass(frozen=True, slots=True)
class ImportReview:
    """A likely duplicate left for the user, as two contact ids."""

    new_id: int
    existing_id: int
    score: int
    reasons: tuple[str, ...]


@dataclass(slots=True)
class ImportResult:
    batch_id: int | None
    files: list[FileReport]
    review: list[ImportReview]

    def totals(self) -> dict[str, int]:
        return {
            "files": len(self.files),
            "found": sum(f.found for f in self.files),
            "imported": sum(f.imported for f in self.files),
            "merged": sum(f.merged for f in self.files),
            "errors": sum(len(f.errors) for f in self.files),
            "to_review": len(self.review),
        }

    def as_json(self) -> dict[str, Any]:
        return {
            "batch": self.batch_id,
            "files": [f.as_json() for f in self.files],
            "totals": self.totals(),
            "review": [{"a": r.new_id, "b": r.existing_id, "score": r.score,
                        "reasons": list(r.reasons)} for r in self.review],
        }


@dataclass(frozen=True, slots=True)
class BatchView:
    id: int
    label: str
    created_at: dt.datetime
    found: int
    imported: int
    merged: int
    errors: int
    undone_at: dt.datetime | None

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "created_at": self.created_at.isoformat(),
                "found": self.found, "imported": self.imported, "merged": self.merged,
                "errors": self.errors,
                "undone_at": self.undone_at.isoformat() if self.undone_at else None}


class ImportService:
    """File -> Import, drag and drop, and ``wombat import``."""

    def __init__(self, db: Database, region: str = "US") -> None:
        self._db = db
        self.region = region

    def read(self, paths: Sequence[str | Path], mappings: dict[str, ColumnMapping] | None = None,
             progress: ProgressFn = no_progress, cancel: CancelToken | None = None
             ) -> list[ParsedFile]:
        """Parse files (no database work); ``mappings`` gives a CSV mapping per path."""
        parsed = []
        for n, path in enumerate(paths):
            if cancel:
                cancel.check()
            progress(n, len(paths), f"Reading {Path(path).name}")
            mapping = (mappings or {}).get(str(path))
            parsed.append(read_contact_file(path, mapping, cancel=cancel, region=self.region))
        progress(len(paths), len(paths), "Read")
        return parsed

    def preview(self, files: list[ParsedFile], progress: ProgressFn = no_progress,
                cancel: CancelToken | None = None) -> ImportPreview:
        """Compare the files' people with the stored ones; nothing is written."""
        drafts, origin = [], []
        for index, parsed in enumerate(files):
            drafts.extend(parsed.drafts)
            origin.extend([index] * len(parsed.drafts))
        progress(0, 3, "Looking for duplicates")
        with self._db.unit_of_work() as uow:
            existing = dedupe_records(uow.session)
            ignore = not_duplicate_pairs(uow.session)
        plan = plan_import(drafts, existing, region=self.region, ignore=ignore,
                           progress=progress, cancel=cancel)
        return ImportPreview(files, plan, origin)

    def commit(self, preview: ImportPreview, label: str = "",
               progress: ProgressFn = no_progress, cancel: CancelToken | None = None
               ) -> ImportResult:
        """Write the batch in one transaction; cancelling rolls everything back."""
        plan = preview.plan
        label = label or _label(preview.files)
        with self._db.unit_of_work() as uow:
            session = uow.session
            batch = import_batches.create(session, label)
            writer = ContactWriter(session, self.region)
            new = plan.new
            new_ids: dict[int, int] = {}
            for start in range(0, len(new), 1000):
                if cancel:
                    cancel.check()
                chunk = new[start : start + 1000]
                ids = writer.insert([p.draft for p in chunk], batch_id=batch)
                for person, cid in zip(chunk, ids, strict=True):
                    new_ids[id(person)] = cid
                    if len(person.origins) > 1:  # folded duplicates keep every UID/source
                        add_identity(session, cid, person.uids[1:], "", batch)
                        for source in person.sources[1:]:
                            add_identity(session, cid, [], source, batch)
                progress(start + len(chunk), len(plan.people), "Saving new contacts")
            undo: dict[str, Any] = {"merged": []}
            merges = plan.merges
            stored = load_drafts(session, {p.merge_into for p in merges if p.merge_into})
            for person in merges:
                if cancel:
                    cancel.check()
                target = person.merge_into
                assert target is not None
                before = stored[target]
                after = merge_drafts(before, person.draft)
                writer.rewrite(target, after)
                added = add_identity(session, target, person.uids, "", batch)
                for source in person.sources:
                    add_identity(session, target, [], source, batch)
                undo["merged"].append({"id": target, "before": draft_to_dict(before),
                                       "after": draft_to_dict(after), "uids": added})
                stored[target] = after
            reports = preview.reports()
            import_batches.finish(
                session, batch, found=sum(r.found for r in reports),
                imported=sum(r.imported for r in reports),
                merged=sum(r.merged for r in reports),
                errors=sum(len(r.errors) for r in reports), undo=undo)
            uow.commit()
        review = [
            ImportReview(new_ids[id(plan.people[r.planned])], r.existing, r.score, r.reasons)
            for r in plan.review if id(plan.people[r.planned]) in new_ids
        ]
        return ImportResult(batch, reports, review)

    def import_paths(self, paths: Sequence[str | Path], *, dry_run: bool = False,
                     progress: ProgressFn = no_progress, cancel: CancelToken | None = None
                     ) -> ImportResult:
        """Read, plan and (unless ``dry_run``) commit, as ``wombat import`` does."""
        preview = self.preview(self.read(paths, progress=progress, cancel=cancel),
                               progress, cancel)
        if dry_run or not preview.people:  # nothing to write: no empty batch either
            return ImportResult(None, preview.reports(), [
                _dry_review(r) for r in preview.plan.review])
        return self.commit(preview, progress=progress, cancel=cancel)

    def batches(self) -> list[BatchView]:
        with self._db.unit_of_work() as uow:
            return [BatchView(b.id, b.label, b.created_at, b.found, b.imported, b.merged,
                              b.errors, b.undone_at)
                    for b in import_batches.all_batches(uow.session)]

    def undo(self, batch_id: int) -> BatchView:
        """Take a whole import back: its new contacts go to the trash, merges are reverted."""
        with self._db.unit_of_work() as uow:
            session = uow.session
            row = import_batches.get(session, batch_id)
            if row.undone_at is not None:
                raise ValidationError(f"Import {batch_id} was already undone.")
            writer = ContactWriter(session, self.region)
            writer.soft_delete(import_batches.contacts_of(session, batch_id))
            undo = json.loads(row.undo_data or "{}")
            targets = [m["id"] for m in undo.get("merged", [])]
            now = load_drafts(session, targets)
            for merged in reversed(undo.get("merged", [])):
                cid = merged["id"]
                if cid not in now:
                    continue
                before = draft_from_dict(merged["before"])
                if "after" in merged:  # take back only what this import added
                    restored = unmerge(now[cid], before, draft_from_dict(merged["after"]))
                else:
                    restored = before
                writer.rewrite(cid, restored)
                now[cid] = restored
                remove_identity(session, cid, merged.get("uids", []), batch_id)
            import_batches.mark_undone(session, batch_id)
            uow.commit()
        return next(b for b in self.batches() if b.id == batch_id)


def _label(files: Sequence[ParsedFile]) -> str:
    names = [Path(f.path).name for f in files]
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    return f"Imported from {shown} on {dt.date.today().isoformat()}"


def _dry_review(pair: ReviewPair) -> ImportReview:
    # Without a commit the new person has no id yet: a negative index stands for it.
    return ImportReview(-(pair.planned + 1), pair.existing, pair.score, pair.reasons)
