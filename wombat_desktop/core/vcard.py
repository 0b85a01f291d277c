"""Tolerant vCard (2.1, 3.0, 4.0) reading and writing: the public API.

``read_vcards`` turns any vCard file into `ContactDraft`s, one card at a time, so a broken card
is reported as a `CardError` without losing the rest of the file. ``write_vcards`` writes
drafts back as vCard 4.0 or 3.0.
"""

from __future__ import annotations

import gc
import os
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from wombat_desktop.core.errors import CancelledError
from wombat_desktop.core.model import ContactDraft
from wombat_desktop.core.progress import CancelToken, ProgressFn
from wombat_desktop.core.vcard_read import (
    CardReadError,
    PreparedCard,
    finish_card,
    parse_prepared,
    prepare_card,
)
from wombat_desktop.core.vcard_text import RawCard, count_begins, split_cards, to_utf8_bytes
from wombat_desktop.core.vcard_write import write_vcards

__all__ = ["CardError", "VCardReadResult", "read_vcard_file", "read_vcards", "write_vcards"]

_BATCH = 64  # cards per vobject parse


@dataclass(frozen=True, slots=True)
class CardError:
    """A card that could not be imported."""

    card: int  # 1-based index of the card in the file
    line: int  # 1-based line number where the card starts (or the failing line)
    message: str


@dataclass(slots=True)
class VCardReadResult:
    contacts: list[ContactDraft] = field(default_factory=list)
    errors: list[CardError] = field(default_factory=list)
    found: int = 0  # cards seen, good and bad


def _has_content(d: ContactDraft) -> bool:
    return any((d.formatted_name, d.family_name, d.given_name, d.additional_names,
                d.nickname, d.organization, d.title, d.note, d.emails, d.phones,
                d.addresses, d.urls, d.photo, d.phonetic_family_name,
                d.phonetic_given_name))


def read_vcards(
    data: bytes,
    source: str = "",
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
) -> VCardReadResult:
    """Read every card of a vCard file; never raises except `CancelledError` on cancel.

    Each draft's ``source`` is ``vcard:{source}#{card_number}``.
    """
    result = VCardReadResult()
    # The parse makes millions of short-lived, acyclic objects: pausing the cyclic collector
    # saves ~10% (reference counting still frees them).
    collecting = gc.isenabled()
    gc.disable()
    try:
        data = to_utf8_bytes(data)
        total = count_begins(data)
        pending: list[tuple[int, str]] = []  # (line, text) of embedded AGENT cards
        cards = split_cards(data)
        while batch := list(islice(cards, _BATCH)):
            _read_batch(batch, source, result, pending, cancel)
            if progress is not None:
                progress(result.found, max(total, result.found), source)
        while pending:
            line, text = pending.pop(0)
            batch = list(split_cards(to_utf8_bytes(text.encode("utf-8"))))
            for card in batch:
                card.start = line
            _read_batch(batch, source, result, pending, cancel)
    except CancelledError:
        raise
    except Exception as exc:  # noqa: BLE001 - last line of defence: report, never crash
        result.errors.append(CardError(result.found + 1, 0, f"unreadable file: {exc!r}"))
    finally:
        if collecting:
            gc.enable()
    if progress is not None:
        progress(result.found, result.found, source)
    return result


def _read_batch(batch: list[RawCard], source: str, result: VCardReadResult,
                pending: list[tuple[int, str]], cancel: CancelToken | None) -> None:
    """Prepare each card, let vobject parse the batch at once, then build the drafts."""
    ready: list[tuple[int, PreparedCard, str]] = []
    for card in batch:
        if cancel is not None:
            cancel.check()
        result.found += 1
        number = result.found
        if card.orphan:
            last = card.lines[-1][0] if card.lines else card.start
            note = f"no BEGIN:VCARD before line {last + 1}: read as a card anyway"
        elif not card.complete:
            note = "the card is cut off (END:VCARD missing): imported what it holds"
        else:
            note = ""
        try:
            prepared = prepare_card(card)
        except Exception as exc:  # noqa: BLE001 - one bad card must not stop the file
            result.errors.append(CardError(number, card.start,
                                           note or f"unreadable card: {exc!r}"))
            continue
        ready.append((number, prepared, note))
    if not ready:
        return
    comps = parse_prepared([prep for _, prep, _ in ready])
    for (number, prep, note), comp in zip(ready, comps, strict=True):
        start = prep.card.start
        if isinstance(comp, CardReadError):
            result.errors.append(CardError(number, comp.line, note or comp.message))
            continue
        try:
            draft, agents = finish_card(prep, comp)
        except Exception as exc:  # noqa: BLE001
            result.errors.append(CardError(number, start, note or f"unreadable card: {exc!r}"))
            continue
        pending.extend((start, text) for text in agents)
        if not _has_content(draft):
            result.errors.append(CardError(
                number, start, note or "empty card: no name, e-mail, phone or organisation"))
            continue
        if note:  # a broken card whose contents were saved: reported, nothing lost
            result.errors.append(CardError(number, start, note))
        draft.source = f"vcard:{source}#{number}"
        result.contacts.append(draft)


def read_vcard_file(path: str | os.PathLike[str]) -> VCardReadResult:
    """Read a vCard file from disk; drafts are tagged with the file name."""
    p = Path(path)
    return read_vcards(p.read_bytes(), source=p.name)
