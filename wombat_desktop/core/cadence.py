"""The keep-in-touch cadence: how often to contact someone, and who is slipping away.

Default days follow tie strength (strong 30, weak 90); a contact's own
``keep_in_touch_days`` wins. Any logged interaction restarts the clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from wombat_desktop.core.errors import ValidationError
from wombat_desktop.core.model import Tie

DEFAULT_DAYS = {Tie.STRONG: 30, Tie.WEAK: 90}
MAX_DAYS = 3650
LOST_AFTER = 365  # weak contacts overdue longer than this have lost touch already


@dataclass(frozen=True, slots=True)
class TouchFacts:
    """What the cadence rule reads for one contact."""

    contact_id: int
    tie: Tie
    last_on: dt.date | None
    own_days: int | None = None


@dataclass(frozen=True, slots=True)
class TouchStatus:
    contact_id: int
    cadence_days: int
    is_default: bool
    last_on: dt.date | None
    due_on: dt.date | None  # None: never contacted
    days_overdue: int  # > 0 when losing touch


def cadence_days(tie: Tie | str, own_days: int | None) -> int:
    """The contact's cadence: its own setting, else the default for its tie."""
    if own_days:
        return own_days
    return DEFAULT_DAYS[Tie(tie)]


def check_days(days: int | None) -> int | None:
    """Validate a cadence the user typed (``None`` or 0 goes back to the default)."""
    if not days:
        return None
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError(f"Keep-in-touch days must be between 1 and {MAX_DAYS:,}.")
    return days


def touch_status(facts: TouchFacts, today: dt.date) -> TouchStatus:
    days = cadence_days(facts.tie, facts.own_days)
    if facts.last_on is None:
        return TouchStatus(facts.contact_id, days, not facts.own_days, None, None, 0)
    due = facts.last_on + dt.timedelta(days=days)
    return TouchStatus(facts.contact_id, days, not facts.own_days, facts.last_on, due,
                       max(0, (today - due).days))


def losing_touch(facts: Iterable[TouchFacts], today: dt.date) -> list[TouchStatus]:
    """Contacts slipping past their cadence: strong ties first, then longest overdue.

    Weak contacts are listed while they are less than `LOST_AFTER` days overdue: older ones
    are already lost touch, and in a 50k network they would drown the list. A contact never
    contacted is listed when it is strong or has its own cadence (then it counts as overdue by
    one full cadence).
    """
    found: list[tuple[bool, TouchStatus]] = []
    for f in facts:
        status = touch_status(f, today)
        strong = f.tie == Tie.STRONG
        keep = strong or bool(f.own_days)
        if f.last_on is None:
            if keep:
                found.append((strong, TouchStatus(f.contact_id, status.cadence_days,
                                                  status.is_default, None, today,
                                                  status.cadence_days)))
        elif status.days_overdue > 0 and (keep or status.days_overdue <= LOST_AFTER):
            found.append((strong, status))
    found.sort(key=lambda p: (not p[0], -p[1].days_overdue, p[1].contact_id))
    return [s for _, s in found]
