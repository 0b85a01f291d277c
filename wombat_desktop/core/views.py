"""Read models the services hand to the UI and the command line (frozen, Qt-free)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from wombat_desktop.core.model import ContactDraft, Tie


@dataclass(frozen=True, slots=True)
class ContactListItem:
    """One row of the contact book: cheap to hold 50,000 of."""

    id: int
    name: str
    organization: str
    title: str
    email: str
    phone: str
    tie: Tie
    tie_reason: str
    tie_is_override: bool
    last_interaction_on: dt.date | None
    referrals_given: int
    referrals_received: int
    has_photo: bool
    search_text: str
    sort_name: str


@dataclass(frozen=True, slots=True)
class ContactDetail:
    """Everything about one contact, for the detail panel and exports."""

    id: int
    draft: ContactDraft
    display_name: str
    tie: Tie
    tie_reason: str
    tie_override: Tie | None
    suggested_tie: Tie
    relation: str
    stage: str
    opinion_leader: bool
    want_business: bool
    want_refer: bool
    uids: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    referrals_given: int = 0
    referrals_received: int = 0
    last_interaction_on: dt.date | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class TieTotals:
    contacts: int
    strong: int
    weak: int
