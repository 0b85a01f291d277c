"""Read models for interactions, referrals and lunches (frozen, Qt-free).

Times are naive local datetimes, as stored in the database; `core.ics` attaches the local
time zone only when writing a calendar file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class InteractionView:
    id: int
    contact_id: int
    contact_name: str
    kind: str
    occurred_on: dt.date
    summary: str


@dataclass(frozen=True, slots=True)
class ReferralView:
    """One ledger record. ``contact_*`` is the other party; ``for_*`` the prospect."""

    id: int
    direction: str
    kind: str
    contact_id: int
    contact_name: str
    for_contact_id: int | None
    for_name: str
    organization_id: int | None
    organization_name: str
    occurred_on: dt.date
    status: str
    temperature: int
    value: float | None
    notes: str


@dataclass(frozen=True, slots=True)
class LedgerBalance:
    """Given vs received for one contact or one organisation (``key_id`` names it)."""

    key_id: int
    name: str
    given: int
    received: int
    closed_value_given: float
    closed_value_received: float

    @property
    def balance(self) -> int:
        return self.received - self.given


@dataclass(frozen=True, slots=True)
class ListEntryView:
    """One person on the nurture or expand lunch list, with everything a table row needs."""

    list_name: str
    contact_id: int
    name: str
    organization: str
    phone: str
    email: str
    reason: str
    status: str  # the lunch status, or "new" when none is planned
    follow_up_id: int | None
    given: int = 0  # referrals and promotions given (nurture)
    last_given_on: dt.date | None = None
    want_business: bool = False
    want_refer: bool = False


@dataclass(frozen=True, slots=True)
class FollowUpLists:
    nurture: tuple[ListEntryView, ...]
    expand: tuple[ListEntryView, ...]


@dataclass(frozen=True, slots=True)
class LunchView:
    """A lunch (or visit invitation) in the planner."""

    id: int
    contact_id: int
    name: str
    organization: str
    phone: str
    email: str
    list_name: str
    kind: str  # lunch | visit
    status: str
    due_on: dt.date | None
    starts_at: dt.datetime | None  # naive local time
    duration_minutes: int
    place: str
    organization_id: int | None  # the user's organisation to visit
    organization_name: str
    reason: str
    notes_before: str
    notes_after: str
    talking_points: str
    ics_uid: str
    action_on: dt.date | None  # when the next step falls due
    due_state: str  # overdue | today | this_week | later | ""

    @property
    def ends_at(self) -> dt.datetime | None:
        if self.starts_at is None:
            return None
        return self.starts_at + dt.timedelta(minutes=self.duration_minutes)


@dataclass(frozen=True, slots=True)
class AgendaView:
    """What the start page shows: lunch steps overdue, due today and later this week."""

    overdue: tuple[LunchView, ...]
    today: tuple[LunchView, ...]
    this_week: tuple[LunchView, ...]


@dataclass(frozen=True, slots=True)
class CallSheetEntry:
    """One line of the printed call sheet."""

    follow_up_id: int
    contact_id: int
    name: str
    organization: str
    phone: str
    memory_hook: str
    why: str
    talking_points: str
    warnings: tuple[str, ...]  # e.g. "No phone number" (allowed, but flagged)

    @property
    def has_phone(self) -> bool:
        return bool(self.phone)


@dataclass(frozen=True, slots=True)
class KeepInTouchView:
    contact_id: int
    name: str
    tie: str
    phone: str
    cadence_days: int
    is_default: bool
    last_interaction_on: dt.date | None
    last_interaction_kind: str
    due_on: dt.date | None
    days_overdue: int
