"""Business-card scanning: images -> OCR -> fields -> reviewed contacts, as one batch.

A saved batch is an import batch too, so File → Import history can undo it.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from wombat_desktop.core.cardtext import CardFields, parse_card
from wombat_desktop.core.dedupe import match_against
from wombat_desktop.core.draft_json import draft_to_dict
from wombat_desktop.core.errors import ValidationError
from wombat_desktop.core.import_plan import record_of
from wombat_desktop.core.merge import merge_drafts
from wombat_desktop.core.model import ContactDraft, Photo, PostalAddress, TypedValue, is_cjk
from wombat_desktop.core.ocr import (
    Box,
    OcrEngine,
    OcrError,
    OcrResult,
    crop_array,
    load_image,
    shared_engine,
)
from wombat_desktop.core.phones import phone_digits
from wombat_desktop.core.progress import CancelToken, ProgressFn, no_progress
from wombat_desktop.services.contacts import validate
from wombat_desktop.storage import import_batches
from wombat_desktop.storage.contact_bulk_reads import dedupe_records, load_drafts
from wombat_desktop.storage.contact_writes import ContactWriter
from wombat_desktop.storage.database import Database
from wombat_desktop.storage.duplicate_marks import not_duplicate_pairs

PHOTO_SIDE = 1000  # the card image kept with the contact: long side in px (≈ 80-150 KB JPEG)
_VCARD_TYPES = {"mobile": ["cell"], "office": ["work", "voice"], "fax": ["work", "fax"]}


@dataclass(frozen=True, slots=True)
class FieldDifference:
    """A field where the scanned card and the stored contact disagree."""

    field: str
    scanned: str
    stored: str


@dataclass(frozen=True, slots=True)
class PossibleDuplicate:
    contact_id: int
    name: str
    score: int
    reasons: tuple[str, ...]
    differences: tuple[FieldDifference, ...]


@dataclass(frozen=True, slots=True)
class ScanResult:
    """One image: its fields, or why it could not be read."""

    path: str
    fields: CardFields | None = None
    error: str = ""
    rotation: int = 0
    seconds: float = 0.0
    image: bytes = b""  # the upright card as JPEG (shown in review, kept as the photo)
    duplicate: PossibleDuplicate | None = None
    crop: Box | None = None  # the part of the (turned) image that was read, if cropped
    size: tuple[int, int] = (0, 0)  # the whole (turned) image, width x height: crop's frame

    @property
    def ok(self) -> bool:
        return self.fields is not None

    def as_json(self) -> dict[str, Any]:
        """The ``wombat scan --json`` object (a contract: extend, never rename)."""
        f = self.fields or CardFields()
        return {
            "path": self.path,
            "name": f.name.value if f.name else "",
            "other_name": f.other_name.value if f.other_name else "",
            "title": f.title.value if f.title else "",
            "company": f.company.value if f.company else "",
            "phones": [{"value": p.value, "raw": p.raw, "kind": p.kind} for p in f.phones],
            "emails": [e.value for e in f.emails],
            "website": f.website.value if f.website else "",
            "address": f.address.value if f.address else "",
            "note": f.note,
            "confidence": f.confidence,
            "lines": list(f.lines),
            "error": self.error,
            "duplicate_of": self.duplicate.contact_id if self.duplicate else None,
        }


@dataclass(slots=True)
class ScanEntry:
    """What to save for one card: the reviewed draft, and an existing contact to update."""

    draft: ContactDraft
    update_id: int | None = None


@dataclass(frozen=True, slots=True)
class SaveSummary:
    batch_id: int
    created: tuple[int, ...] = ()
    updated: tuple[int, ...] = ()
    skipped: tuple[str, ...] = field(default_factory=tuple)  # why some entries were not saved


class ScanService:
    """Card scanning for the scan page and ``wombat scan``."""

    def __init__(self, db: Database, region: str = "US", engine: OcrEngine | None = None,
                 threads: int = 1) -> None:
        self._db = db
        self.region = region
        self._engine = engine
        self._threads = threads

    @property
    def engine(self) -> OcrEngine:
        if self._engine is None:
            self._engine = shared_engine(self._threads)
        return self._engine

    def warm_up(self) -> None:
        """Load the OCR models (≈ 1-2 s; call off the UI thread)."""
        self.engine.warm_up()

    # --- reading --------------------------------------------------------------------

    def scan(self, paths: Sequence[str | Path], region: str | None = None,
             progress: ProgressFn = no_progress, cancel: CancelToken | None = None
             ) -> list[ScanResult]:
        """Read each image (cancel is checked between images); errors are per image."""
        results = []
        total = len(paths)
        for done, path in enumerate(paths):
            if cancel is not None:
                cancel.check()
            progress(done, total, f"Reading {Path(path).name}")
            results.append(self.scan_one(path, region))
        progress(total, total, "Read")
        return results

    def scan_one(self, path: str | Path, region: str | None = None, turn: int = 0,
                 crop: Box | None = None) -> ScanResult:
        """Read one image; ``turn`` (degrees clockwise) rotates it first, e.g. from review.

        ``crop`` (pixels of the loaded image once turned: see ``ScanResult.size``) reads only
        that part, e.g. the card on a photo of a desk, and keeps it as the card image. A
        cropped or turned image is read as it is: the user has set its orientation.
        """
        try:
            array = load_image(path)
            if turn % 360:
                import numpy as np

                array = np.ascontiguousarray(np.rot90(array, k=-(turn % 360 // 90)))
            size = (int(array.shape[1]), int(array.shape[0]))
            if crop is not None:
                array = crop_array(array, crop)
            ocr = self.engine.read_array(array, rotations=not turn % 360 and crop is None)
        except OcrError as exc:
            return ScanResult(str(path), error=str(exc), crop=crop)
        except (OSError, ValueError, RuntimeError) as exc:  # a corrupt file inside OpenCV/ORT
            return ScanResult(str(path), error=f"{Path(path).name}: {exc}", crop=crop)
        result = self._result(str(path), array, ocr, region or self.region)
        if ocr.rotation:  # the frame a later crop is given in is the upright image
            size = (ocr.width, ocr.height)
        return replace(result, crop=crop, size=size)

    def _result(self, path: str, array: Any, ocr: OcrResult, region: str) -> ScanResult:
        from wombat_desktop.core.cardtext import CardLine

        fields = parse_card([CardLine(line.text, line.confidence, line.height)
                             for line in ocr.lines], region)
        image = _jpeg(array, ocr.rotation)
        result = ScanResult(path, fields, "", ocr.rotation, ocr.seconds, image)
        if not ocr.lines:
            return replace(result, error=f"{Path(path).name}: no text found on the image.")
        return replace(result, duplicate=self.find_duplicate(self.to_draft(result)))

    # --- drafts and duplicates ------------------------------------------------------

    def to_draft(self, result: ScanResult, event: str = "") -> ContactDraft:
        """A contact draft from a scan: typed phones, the card image as the photo, the tag."""
        f = result.fields or CardFields()
        draft = ContactDraft(source=f"scan:{Path(result.path).name}")
        name = f.name.value if f.name else ""
        draft.formatted_name = name
        if name and is_cjk(name) and " " not in name and 2 <= len(name) <= 4:
            draft.family_name, draft.given_name = name[:1], name[1:]
        elif name:
            parts = name.split()
            draft.given_name, draft.family_name = " ".join(parts[:-1]), parts[-1]
        if f.other_name:
            draft.nickname = f.other_name.value
        draft.title = f.title.value if f.title else ""
        draft.organization = f.company.value if f.company else ""
        draft.phones = [TypedValue(p.value, list(_VCARD_TYPES.get(p.kind, ["work"])))
                        for p in f.phones]
        draft.emails = [TypedValue(e.value, ["work"]) for e in f.emails]
        if f.website:
            draft.urls = [TypedValue(f.website.value, ["work"])]
        if f.address:
            draft.addresses = [PostalAddress(street=f.address.value, types=["work"])]
        draft.note = f.note
        if result.image:
            draft.photo = Photo(result.image, "image/jpeg")
        if event.strip():
            draft.tags = [event.strip()]
            draft.met_at = event.strip()
        return draft

    def find_duplicate(self, draft: ContactDraft) -> PossibleDuplicate | None:
        """The stored contact this card most likely belongs to, with the differences."""
        if not draft.display_name().strip():
            return None
        with self._db.unit_of_work() as uow:
            existing = dedupe_records(uow.session)
            ignore = not_duplicate_pairs(uow.session)
            pairs = match_against([record_of(-1, draft)], existing, region=self.region,
                                  ignore=ignore)
            if not pairs:
                return None
            best = max(pairs, key=lambda p: p.score)
            stored = load_drafts(uow.session, [best.b])[best.b]
        return PossibleDuplicate(best.b, stored.display_name(), best.score, best.reasons,
                                 tuple(differences(draft, stored)))

    # --- saving ---------------------------------------------------------------------

    def save(self, entries: Sequence[ScanEntry], event: str = "", label: str = ""
             ) -> SaveSummary:
        """Create (or update) the contacts of a reviewed batch in one undoable transaction."""
        created: list[int] = []
        updated: list[int] = []
        skipped: list[str] = []
        with self._db.unit_of_work() as uow:
            session = uow.session
            batch = import_batches.create(session, label or _label(len(entries), event))
            writer = ContactWriter(session, self.region)
            undo: dict[str, Any] = {"merged": []}
            for entry in entries:
                draft = entry.draft
                if event.strip() and event.strip() not in draft.tags:
                    draft.tags.append(event.strip())
                try:
                    draft = validate(draft)
                except ValidationError as exc:
                    skipped.append(f"{draft.source or draft.display_name()}: {exc}")
                    continue
                if entry.update_id is None:
                    created.extend(writer.insert([draft], batch_id=batch))
                    continue
                live = writer.exists(entry.update_id)  # not trashed or merged meanwhile
                before = (load_drafts(session, [entry.update_id]).get(entry.update_id)
                          if live else None)
                if before is None:
                    created.extend(writer.insert([draft], batch_id=batch))
                    continue
                writer.rewrite(entry.update_id, _updated(before, draft))
                undo["merged"].append({"id": entry.update_id, "before": draft_to_dict(before),
                                       "uids": []})
                updated.append(entry.update_id)
            import_batches.finish(session, batch, found=len(entries), imported=len(created),
                                  merged=len(updated), errors=len(skipped), undo=undo)
            uow.commit()
        return SaveSummary(batch, tuple(created), tuple(updated), tuple(skipped))

    def save_results(self, results: Sequence[ScanResult], event: str = "") -> SaveSummary:
        """Save every readable result as a new contact (``wombat scan --save``)."""
        return self.save([ScanEntry(self.to_draft(r, event)) for r in results if r.ok
                          and not r.error], event)


def box_from_fractions(result: ScanResult, left: float, top: float, right: float,
                       bottom: float) -> Box:
    """A crop box for ``scan_one`` from a selection on the shown card image (0-1 each way).

    The shown image is ``result.crop`` of the whole image (or all of it), so a selection on
    an already cropped card narrows that crop.
    """
    x0, y0, x1, y1 = result.crop or (0, 0, *result.size)
    width, height = x1 - x0, y1 - y0

    def clamp(value: float) -> float:
        return max(0.0, min(1.0, value))

    return (x0 + round(clamp(min(left, right)) * width),
            y0 + round(clamp(min(top, bottom)) * height),
            x0 + round(clamp(max(left, right)) * width),
            y0 + round(clamp(max(top, bottom)) * height))


def differences(scanned: ContactDraft, stored: ContactDraft) -> list[FieldDifference]:
    """Fields the card shows that differ from (or are missing in) the stored contact."""
    out: list[FieldDifference] = []
    for label, mine, theirs in (
        ("name", scanned.display_name(), stored.display_name()),
        ("title", scanned.title, stored.title),
        ("company", scanned.organization, stored.organization),
    ):
        if mine.strip() and mine.strip().casefold() != theirs.strip().casefold():
            out.append(FieldDifference(label, mine, theirs))
    for label, new, old, key in (
        ("phone", scanned.phones, stored.phones, phone_digits),
        ("email", scanned.emails, stored.emails, str.casefold),
        ("website", scanned.urls, stored.urls, str.casefold),
    ):
        known = {key(v.value)[-9:] if label == "phone" else key(v.value) for v in old}
        for value in new:
            probe = key(value.value)[-9:] if label == "phone" else key(value.value)
            if probe not in known:
                out.append(FieldDifference(label, value.value,
                                           ", ".join(v.value for v in old)))
    return out


def _updated(stored: ContactDraft, card: ContactDraft) -> ContactDraft:
    """``stored`` merged with a reviewed card; the card is newer, so its title and company win.

    (A plain merge keeps the stored title: someone promoted since would stay "Owner".)
    """
    merged = merge_drafts(stored, card)
    for attr in ("title", "organization"):
        value = getattr(card, attr).strip()
        if value:
            setattr(merged, attr, value)
    return merged


def _jpeg(array: Any, rotation: int) -> bytes:
    import numpy as np
    from PIL import Image

    if rotation:
        array = np.rot90(array, k=-(rotation // 90))
    image = Image.fromarray(np.ascontiguousarray(array))
    image.thumbnail((PHOTO_SIDE, PHOTO_SIDE))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True)
    return buffer.getvalue()


def _label(count: int, event: str) -> str:
    where = f" from {event.strip()}" if event.strip() else ""
    return f"Scanned {count} card{'s' if count != 1 else ''}{where} on {dt.date.today()}"
