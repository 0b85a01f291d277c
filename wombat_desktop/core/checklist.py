"""The promotional-material checklist (WOMBAT II.4) and the networking tools (II.5).

The titles are the plan's own wording and never change; the database keeps only what the
user says about each item (have, notes, refreshed date, attached files).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from wombat_desktop.core.errors import ValidationError


class Section(StrEnum):
    MATERIAL = "material"
    TOOL = "tool"


MATERIALS: tuple[str, ...] = (
    "Thank-you letters or testimonials from satisfied clients",
    "Photos of the office interior (must include staff, products and clients)",
    "Photos of key managers and all staff",
    "Press clippings about the company or you",
    "Professional books or articles you have published",
    "A one-page fax letter (today: a one-page introduction letter)",
    "Books or articles not yet published in the media",
    "Media coverage of new product launches",
    "Copies of advertisements run in other media",
    "Company logos and registered trademarks used",
    "Envelopes and letterhead printed with the company name",
    "Annual report and audited financial statements",
    "Company vision and goals",
    "Proposals written for clients, or records of bids",
    "Presentation material and slides for clients",
    "Marketing letters written to clients",
    "Letters of recommendation from trade associations",
    "Banners and signs used at exhibitions",
)
TOOLS: tuple[str, ...] = (
    "A well-made name badge",
    "A systematic software or contact system (this app)",
    "A file folder holding the filed materials of item 4",
)

# Months after which an item (by number) should be redone; items absent never go stale
# (a logo or a trademark does not age by itself).
REFRESH_MONTHS: dict[int, int] = {
    1: 24, 2: 12, 3: 12, 4: 12, 5: 36, 6: 12, 7: 12, 8: 12, 9: 12, 11: 24, 12: 15, 13: 24,
    14: 12, 15: 12, 16: 12, 17: 24, 18: 24,
}


def titles(section: Section | str) -> tuple[str, ...]:
    return MATERIALS if Section(section) is Section.MATERIAL else TOOLS


def title_of(section: Section | str, number: int) -> str:
    """The exact title of an item; ValidationError for an unknown section or number."""
    try:
        items = titles(section)
    except ValueError:
        raise ValidationError(f"Unknown checklist section {section!r}; use material or tool.") \
            from None
    if not 1 <= number <= len(items):
        raise ValidationError(f"The {section} list has items 1 to {len(items)}, not {number}.")
    return items[number - 1]


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole months from *earlier* to *later* (negative when earlier is after later)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return months


def stale_hint(section: Section | str, number: int, have: bool,
               last_refreshed_on: dt.date | None, today: dt.date) -> str:
    """A short hint when an item the user has is due for a refresh, else ""."""
    if Section(section) is not Section.MATERIAL or not have:
        return ""
    limit = REFRESH_MONTHS.get(number)
    if limit is None:
        return ""
    if last_refreshed_on is None:
        return f"When was this last refreshed? Redo it every {limit} months."
    age = months_between(last_refreshed_on, today)
    if age <= limit:
        return ""
    return f"{age} months old; redo it every {limit} months."


def is_stale(section: Section | str, number: int, have: bool,
             last_refreshed_on: dt.date | None, today: dt.date) -> bool:
    return bool(stale_hint(section, number, have, last_refreshed_on, today))
