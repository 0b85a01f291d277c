"""Plain values a kit is built from (storage fills them in bulk; builders only read them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol, TypeVar


class KitKind(StrEnum):
    HANDOUT = "handout"
    PREP = "prep"
    CALLSHEET = "callsheet"
    PLAN = "plan"


class Paper(StrEnum):
    A4 = "a4"
    LETTER = "letter"


# Where US Letter is the usual paper (CLDR's "US-Letter" territories); A4 everywhere else.
LETTER_REGIONS = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "PA", "SV",
                            "NI", "BZ", "PR"})


def paper_for_region(region: str | None) -> Paper:
    """US Letter in `LETTER_REGIONS` (ISO 3166 codes, any case), A4 elsewhere."""
    return Paper.LETTER if (region or "").strip().upper() in LETTER_REGIONS else Paper.A4


@dataclass(frozen=True, slots=True)
class Me:
    """The user's own card and profile."""

    name: str
    title: str = ""
    company: str = ""
    profession: str = ""
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    address: str = ""
    photo: bytes | None = None
    vcard: str = ""  # what the QR code holds
    background: str = ""
    product_intro: str = ""
    services: str = ""
    image_statement: str = ""


@dataclass(frozen=True, slots=True)
class Script:
    title: str
    seconds: int
    text: str
    name_part: str = ""
    background_part: str = ""
    hook: str = ""
    product_part: str = ""


@dataclass(frozen=True, slots=True)
class Attendee:
    contact_id: int
    name: str
    company: str = ""
    title: str = ""
    tie: str = ""  # strong | weak
    last_on: dt.date | None = None
    last_kind: str = ""
    last_summary: str = ""
    open_referrals: int = 0
    goal: str = ""
    notes: str = ""
    met: bool = False
    expected: bool = True  # False: met there without being on the list (a walk-in)


@dataclass(frozen=True, slots=True)
class EventInfo:
    id: int
    name: str
    starts_at: dt.datetime | None = None
    place: str = ""
    organization: str = ""
    goals: str = ""
    notes: str = ""
    hook: str = ""
    script: Script | None = None
    attendees: tuple[Attendee, ...] = ()


@dataclass(frozen=True, slots=True)
class ChecklistEntry:
    section: str  # material | tool
    number: int
    title: str
    have: bool
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Clipping:
    title: str
    outlet: str = ""
    published_on: dt.date | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Call:
    """A lunch (or visit) follow-up to phone about."""

    name: str
    company: str = ""
    phone: str = ""
    email: str = ""
    list_name: str = ""
    status: str = ""
    kind: str = "lunch"
    due_on: dt.date | None = None
    reason: str = ""
    talking_points: str = ""
    notes_before: str = ""
    place: str = ""
    last_on: dt.date | None = None
    last_summary: str = ""
    referrals_given: int = 0
    referrals_received: int = 0


@dataclass(frozen=True, slots=True)
class Membership:
    organization: str
    kind: str = ""
    role: str = ""
    visibility: str = ""
    cadence: str = ""


@dataclass(frozen=True, slots=True)
class Incentive:
    target: str
    scheme: str
    description: str = ""
    preparation: str = ""
    best: bool = False


@dataclass(frozen=True, slots=True)
class Sphere:
    name: str
    seats: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (profession, member names)


@dataclass(frozen=True, slots=True)
class PressTopic:
    topic: str
    outlet: str = ""
    status: str = ""


@dataclass(slots=True)
class KitData:
    """Everything any kit may print. Empty lists are fine: sections then say so."""

    me: Me
    today: dt.date
    hooks: list[str] = field(default_factory=list)
    scripts: list[Script] = field(default_factory=list)
    event: EventInfo | None = None
    checklist: list[ChecklistEntry] = field(default_factory=list)
    clippings: list[Clipping] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    organizations: list[Membership] = field(default_factory=list)  # every group, by kind
    incentives: list[Incentive] = field(default_factory=list)
    spheres: list[Sphere] = field(default_factory=list)
    press_topics: list[PressTopic] = field(default_factory=list)
    strong: int = 0
    weak: int = 0
    opinion_leaders: int = 0
    nurture: list[Call] = field(default_factory=list)
    expand: list[Call] = field(default_factory=list)
    matrix_stage: str = ""

    def texts(self) -> list[str]:
        """Every user string, for finding which scripts must print."""
        out = [self.me.name, self.me.title, self.me.company, self.me.address,
               self.me.background, self.me.product_intro, self.me.services,
               self.me.image_statement, *self.hooks]
        out += [s.text for s in self.scripts]
        if self.event:
            e = self.event
            out += [e.name, e.place, e.organization, e.goals, e.hook]
            for a in e.attendees:
                out += [a.name, a.company, a.goal, a.notes, a.last_summary]
        out += [c.title for c in self.clippings] + [c.outlet for c in self.clippings]
        for c in [*self.calls, *self.nurture, *self.expand]:
            out += [c.name, c.company, c.reason, c.talking_points]
        for s in self.spheres:
            out += [n for _, names in s.seats for n in names]
        return [t for t in out if t]


@dataclass(frozen=True, slots=True)
class EventListItem:
    """One event for `wombat events` and the kit chooser."""

    id: int
    name: str
    starts_at: dt.datetime | None
    place: str
    organization: str
    attendees: int  # everyone on the list: the expected ones and the walk-ins
    met: int
    walk_ins: int = 0  # met there without being expected

    @property
    def expected(self) -> int:
        return self.attendees - self.walk_ins

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name,
                "starts_at": self.starts_at.isoformat() if self.starts_at else None,
                "place": self.place, "organization": self.organization,
                "attendees": self.attendees, "expected": self.expected,
                "walk_ins": self.walk_ins, "met": self.met}


class Dated(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def starts_at(self) -> dt.datetime | None: ...


D = TypeVar("D", bound=Dated)


def is_upcoming(starts_at: dt.datetime | None, today: dt.date) -> bool:
    """Today or later; an event with no date yet counts as upcoming."""
    return starts_at is None or starts_at.date() >= today


def upcoming_first(events: Iterable[D], today: dt.date) -> list[D]:
    """Upcoming events (soonest first, undated last), then past ones (most recent first)."""
    items = list(events)
    upcoming = sorted((e for e in items if is_upcoming(e.starts_at, today)),
                      key=lambda e: (e.starts_at or dt.datetime.max, e.id))
    past = sorted((e for e in items if not is_upcoming(e.starts_at, today)),
                  key=lambda e: (e.starts_at or dt.datetime.min, e.id), reverse=True)
    return upcoming + past
