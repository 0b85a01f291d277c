"""Plain dataclasses of a generated demo network; cross-references are list indexes.

``DemoNetwork.contacts[0]`` is the user's own card; other records refer to contacts,
organisations, hooks and scripts by their index in the network's lists.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from wombat_desktop.core.model import ContactDraft, Relationship, Stage, Tie


@dataclass(slots=True)
class DemoContact:
    draft: ContactDraft
    relation: Relationship = Relationship.UNKNOWN
    stage: Stage = Stage.UNKNOWN
    opinion_leader: bool = False
    want_business: bool = False
    want_refer: bool = False
    tie_override: Tie | None = None
    tie_override_note: str = ""
    profession: str = ""
    tier: str = ""  # inner | partner | active | warm | acquaintance | cold | self
    is_self: bool = False


@dataclass(frozen=True, slots=True)
class DemoCompany:
    name: str
    industry: str
    website: str


@dataclass(frozen=True, slots=True)
class DemoInteraction:
    contact: int
    kind: str
    on: dt.date
    summary: str
    event: int | None = None


@dataclass(frozen=True, slots=True)
class DemoReferral:
    direction: str
    kind: str
    contact: int
    on: dt.date
    status: str
    temperature: int
    value: float | None
    for_name: str = ""
    for_contact: int | None = None
    organization: int | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class DemoOrganization:
    name: str
    kind: str
    meeting_cadence: str
    dues_per_year: float | None
    hours_per_month: float | None
    professions: str
    notes: str
    last_attended_on: dt.date | None


@dataclass(frozen=True, slots=True)
class DemoMembership:
    organization: int
    contact: int | None  # None: the user's own membership
    role: str = ""
    visibility_positions: str = ""
    since: dt.date | None = None


@dataclass(frozen=True, slots=True)
class DemoFollowUp:
    contact: int
    list_name: str
    status: str
    due_on: dt.date | None
    starts_at: dt.datetime | None
    place: str
    reason: str
    kind: str = "lunch"
    organization: int | None = None
    notes_before: str = ""
    notes_after: str = ""
    talking_points: str = ""


@dataclass(frozen=True, slots=True)
class DemoAttendee:
    contact: int
    expected: bool = True
    met: bool = False
    goal: str = ""


@dataclass(frozen=True, slots=True)
class DemoEvent:
    name: str
    starts_at: dt.datetime
    place: str
    organization: int | None
    goals: str
    attendees: tuple[DemoAttendee, ...]
    hook: int | None = None
    script: int | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class DemoHook:
    text: str
    tags: str
    archived: bool = False


@dataclass(frozen=True, slots=True)
class DemoScript:
    title: str
    seconds: int
    name_part: str
    background_part: str
    hook: int | None
    product_part: str
    text: str


@dataclass(frozen=True, slots=True)
class DemoChecklistItem:
    section: str  # material | tool
    number: int
    title: str
    have: bool
    notes: str = ""
    last_refreshed_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class DemoIncentive:
    target: str
    scheme: str
    description: str
    preparation_steps: str
    is_best: bool


@dataclass(frozen=True, slots=True)
class DemoPressTopic:
    position: int
    topic: str
    outlet: str
    status: str


@dataclass(frozen=True, slots=True)
class DemoClipping:
    title: str
    outlet: str
    published_on: dt.date
    notes: str = ""


@dataclass(frozen=True, slots=True)
class DemoSphere:
    name: str
    profession: str
    is_mine: bool
    seats: tuple[tuple[str, tuple[int, ...]], ...]  # (profession, contact indexes)
    notes: str = ""


@dataclass(frozen=True, slots=True)
class DemoProfile:
    profession: str
    background: str
    product_intro: str
    services: str
    image_statement: str
    default_region: str = "US"


@dataclass(slots=True)
class DemoNetwork:
    """Everything `DemoService.fill` writes, as plain values."""

    profile: DemoProfile
    contacts: list[DemoContact] = field(default_factory=list)
    companies: list[DemoCompany] = field(default_factory=list)
    interactions: list[DemoInteraction] = field(default_factory=list)
    referrals: list[DemoReferral] = field(default_factory=list)
    organizations: list[DemoOrganization] = field(default_factory=list)
    memberships: list[DemoMembership] = field(default_factory=list)
    follow_ups: list[DemoFollowUp] = field(default_factory=list)
    events: list[DemoEvent] = field(default_factory=list)
    hooks: list[DemoHook] = field(default_factory=list)
    scripts: list[DemoScript] = field(default_factory=list)
    checklist: list[DemoChecklistItem] = field(default_factory=list)
    incentives: list[DemoIncentive] = field(default_factory=list)
    press_topics: list[DemoPressTopic] = field(default_factory=list)
    clippings: list[DemoClipping] = field(default_factory=list)
    spheres: list[DemoSphere] = field(default_factory=list)
