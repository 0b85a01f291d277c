"""Shared checks for the vCard reader tests."""

from __future__ import annotations

from wombat_desktop.core.vcard import VCardReadResult


def every_card_accounted(result: VCardReadResult) -> bool:
    """Each card number 1..found is a contact, an error, or both (a salvaged broken card)."""
    numbers = {int(d.source.rsplit("#", 1)[1]) for d in result.contacts if "#" in d.source}
    numbers |= {e.card for e in result.errors}
    return numbers == set(range(1, result.found + 1)) and len(result.contacts) <= result.found
