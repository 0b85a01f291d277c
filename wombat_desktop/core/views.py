"""Read models the services hand to the UI and the command line (frozen, Qt-free)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

from wombat_desktop.core.model import ContactDraft, Tie
from wombat_desktop.core.ties import TieFacts, explain_tie


class ContactListItem(NamedTuple):
    """One row of the contact book: cheap to hold (and build) 50,000 of.

    The tie is decided when the row is read; its reason is worded only when shown.
    ``search_text`` (folded names first) doubles as the name sort key.
    """

    id: int
    name: str
    organization: str
    title: str
    email: str
    phone: str
    tie: Tie
    tie_override: str | None
    last_interaction_on: dt.date | None
    last_interaction_kind: str
    interactions_last_year: int
    referrals_given: int
    referrals_received: int
    relation: str
    has_photo: bool
    search_text: str
    as_of: dt.date

    @property
    def tie_is_override(self) -> bool:
        return self.tie_override is not None

    @property
    def sort_name(self) -> str:
        return self.search_text

    @property
    def facts(self) -> TieFacts:
        return TieFacts(self.referrals_given, self.referrals_received, self.last_interaction_on,
                        self.last_interaction_kind, self.interactions_last_year, self.relation)

    @property
    def tie_reason(self) -> str:
        return explain_tie(self.facts, self.tie_override, self.as_of)


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
