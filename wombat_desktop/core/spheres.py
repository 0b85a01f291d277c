"""Contact spheres (WOMBAT I.3): templates for common professions and the gap rule.

A sphere is a set of seats, one per profession that can feed the user business without
competing. A seat is *covered* by a strong contact, *thin* when only weak contacts sit in
it, and *empty* otherwise. For every thin or empty seat the gap view names the user's own
organisations whose members include that profession (where to recruit).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from wombat_desktop.core.model import Tie

# Profession -> extra words that name it (in titles, company names, organisation lists).
PROFESSIONS: dict[str, tuple[str, ...]] = {
    "Real-estate agent": ("realtor", "real estate", "realty", "listing agent", "estate agent"),
    "Mortgage broker": ("mortgage", "loan officer", "home lending"),
    "Financial planner": ("financial planner", "wealth", "financial advisor"),
    "Accountant": ("accountant", "cpa", "accounting", "bookkeeper", "tax"),
    "Lawyer": ("lawyer", "attorney", "law group", "solicitor", "legal"),
    "Insurance agent": ("insurance", "benefits consultant", "risk advisor"),
    "Banker": ("banker", "bank", "credit union", "relationship manager"),
    "Home inspector": ("home inspector", "inspection"),
    "Interior designer": ("interior", "interiors"),
    "Web designer": ("web designer", "web studio", "ux", "web developer"),
    "Marketing consultant": ("marketing", "brand strategist", "agency"),
    "Graphic designer": ("graphic designer", "art director", "creative"),
    "Commercial printer": ("printer", "printing", "print shop", "printworks"),
    "IT services": ("it consultant", "managed services", "it solutions", "tech support"),
    "Photographer": ("photographer", "photography"),
    "Event planner": ("event planner", "events", "catering"),
    "Sign maker": ("sign maker", "signs", "signage"),
    "Business coach": ("business coach", "coach", "coaching"),
    "Architect": ("architect",),
    "General contractor": ("contractor", "builder", "construction"),
    "Moving company": ("moving", "movers", "removals"),
    "Property manager": ("property manager", "property management"),
    "Appraiser": ("appraiser", "valuer", "appraisal"),
    "Title agent": ("title agent", "escrow", "title company"),
    "Estate-planning lawyer": ("estate planning", "trusts and estates", "probate"),
    "Tax advisor": ("tax advisor", "tax preparer", "enrolled agent"),
    "Payroll provider": ("payroll",),
    "Business broker": ("business broker", "m&a"),
    "Furniture dealer": ("furniture",),
    "Copywriter": ("copywriter", "content writer"),
    "Software developer": ("developer", "software"),
    "Office-supply dealer": ("office supply", "office supplies"),
    "Paper merchant": ("paper merchant", "paper co", "paper supply"),
    "Mail house": ("mail house", "mailing services", "direct mail"),
    "Promotional-products dealer": ("promotional products", "branded merchandise"),
    "Cybersecurity consultant": ("cybersecurity", "security consultant"),
    "Telecom provider": ("telecom", "phone systems", "voip"),
    "Office-furniture dealer": ("office furniture",),
}


@dataclass(frozen=True, slots=True)
class SphereTemplate:
    key: str
    name: str
    profession: str  # whose sphere it is
    seats: tuple[str, ...]


def _t(key: str, name: str, profession: str, seats: str) -> SphereTemplate:
    return SphereTemplate(key, name, profession, tuple(s.strip() for s in seats.split("|")))


TEMPLATES: tuple[SphereTemplate, ...] = (
    _t("real_estate", "Real-estate agent's sphere", "Real-estate agent",
       "Mortgage broker|Home inspector|Insurance agent|Lawyer|Appraiser|Title agent|"
       "Moving company|Interior designer|General contractor"),
    _t("mortgage", "Mortgage broker's sphere", "Mortgage broker",
       "Real-estate agent|Financial planner|Accountant|Insurance agent|Appraiser|Title agent|"
       "Lawyer"),
    _t("financial_planner", "Financial planner's sphere", "Financial planner",
       "Accountant|Estate-planning lawyer|Insurance agent|Banker|Mortgage broker|"
       "Business broker"),
    _t("accountant", "Accountant's sphere", "Accountant",
       "Lawyer|Banker|Financial planner|Insurance agent|Payroll provider|Business broker|"
       "IT services"),
    _t("lawyer", "Lawyer's sphere", "Lawyer",
       "Accountant|Banker|Financial planner|Insurance agent|Real-estate agent|Business broker"),
    _t("insurance", "Insurance agent's sphere", "Insurance agent",
       "Real-estate agent|Mortgage broker|Financial planner|Accountant|Lawyer|"
       "General contractor"),
    _t("banker", "Banker's sphere", "Banker",
       "Accountant|Lawyer|Financial planner|Insurance agent|Business broker|Real-estate agent"),
    _t("home_inspector", "Home inspector's sphere", "Home inspector",
       "Real-estate agent|Mortgage broker|Insurance agent|General contractor|Appraiser|"
       "Property manager"),
    _t("interior_designer", "Interior designer's sphere", "Interior designer",
       "Architect|General contractor|Real-estate agent|Furniture dealer|Photographer|"
       "Property manager"),
    _t("agency", "Web and marketing agency's sphere", "Marketing consultant",
       "Graphic designer|Commercial printer|Copywriter|Photographer|IT services|"
       "Business coach|Promotional-products dealer"),
    _t("printer", "Commercial printer's sphere", "Commercial printer",
       "Graphic designer|Marketing consultant|Web designer|Photographer|Sign maker|"
       "Event planner|Mail house|Promotional-products dealer"),
    _t("it_services", "IT services sphere", "IT services",
       "Software developer|Cybersecurity consultant|Telecom provider|Office-furniture dealer|"
       "Accountant|Web designer|Office-supply dealer"),
)
TEMPLATE_BY_KEY = {t.key: t for t in TEMPLATES}


def normalise(text: str) -> str:
    """A profession folded for comparison: "Real-estate agents" -> "real estate agent"."""
    words = re.sub(r"[^\w&]+", " ", text.casefold()).split()
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss")
                    else w for w in words)


def keywords(profession: str) -> tuple[str, ...]:
    """The words that name *profession*: its own name plus the known synonyms."""
    own = normalise(profession)
    for name, words in PROFESSIONS.items():
        if normalise(name) == own:
            return (own, *(normalise(w) for w in words))
    return (own,) if own else ()


def mentions(text: str, profession: str) -> bool:
    """Whether free *text* (a title, a company, an organisation's list) names the profession."""
    hay = f" {normalise(text)} "
    return any(f" {k} " in hay for k in keywords(profession) if k)


def carries(organisation_professions: str, profession: str) -> bool:
    """Whether an organisation's comma list of member professions includes *profession*."""
    return any(mentions(item, profession) or normalise(item) == normalise(profession)
               for item in organisation_professions.split(",") if item.strip())


# --- the gap rule ---------------------------------------------------------------------------


class SeatStatus(StrEnum):
    COVERED = "covered"  # at least one strong contact
    THIN = "thin"  # weak contacts only
    EMPTY = "empty"


@dataclass(frozen=True, slots=True)
class SeatMember:
    contact_id: int
    name: str
    tie: Tie


@dataclass(frozen=True, slots=True)
class SeatView:
    id: int
    profession: str
    position: int
    members: tuple[SeatMember, ...]

    @property
    def status(self) -> SeatStatus:
        return seat_status(self.members)


@dataclass(frozen=True, slots=True)
class SphereView:
    id: int
    name: str
    profession: str
    is_template: bool
    is_mine: bool
    notes: str
    seats: tuple[SeatView, ...]

    @property
    def covered(self) -> int:
        return sum(1 for s in self.seats if s.status is SeatStatus.COVERED)

    @property
    def coverage_label(self) -> str:
        return f"{self.covered} of {len(self.seats)} seats with a strong contact"


@dataclass(frozen=True, slots=True)
class Recruiter:
    """An organisation of the user's portfolio, with its member professions."""

    organization_id: int
    name: str
    professions: str


@dataclass(frozen=True, slots=True)
class SeatGap:
    sphere_id: int
    sphere_name: str
    seat_id: int
    profession: str
    status: SeatStatus  # THIN or EMPTY
    weak_members: tuple[str, ...]
    recruit_at: tuple[str, ...]  # organisation names
    advice: str


def seat_status(members: Sequence[SeatMember]) -> SeatStatus:
    if any(m.tie is Tie.STRONG for m in members):
        return SeatStatus.COVERED
    return SeatStatus.THIN if members else SeatStatus.EMPTY


def seat_advice(status: SeatStatus, profession: str, weak: Sequence[str],
                recruit_at: Sequence[str]) -> str:
    if status is SeatStatus.THIN:
        who = ", ".join(weak[:2])
        text = f"Only weak contacts ({who}): book a lunch to make one a referral partner."
    else:
        text = f"No {profession.lower()} yet."
    if recruit_at:
        return f"{text} Recruit at {', '.join(recruit_at[:3])}."
    if status is SeatStatus.EMPTY:
        return f"{text} Ask a sphere partner for an introduction, or visit a group that has one."
    return text


def sphere_gaps(spheres: Sequence[SphereView], recruiters: Sequence[Recruiter]
                ) -> list[SeatGap]:
    """Every thin or empty seat of non-template spheres, empty seats first."""
    gaps: list[SeatGap] = []
    for sphere in spheres:
        if sphere.is_template:
            continue
        for seat in sphere.seats:
            status = seat.status
            if status is SeatStatus.COVERED:
                continue
            weak = tuple(m.name for m in seat.members)
            where = tuple(r.name for r in recruiters if carries(r.professions, seat.profession))
            gaps.append(SeatGap(sphere.id, sphere.name, seat.id, seat.profession, status, weak,
                                where, seat_advice(status, seat.profession, weak, where)))
    gaps.sort(key=lambda g: (g.status is not SeatStatus.EMPTY, not g.sphere_name, g.sphere_id))
    return gaps


@dataclass(frozen=True, slots=True)
class Coverage:
    seats: int
    covered: int
    thin: int
    empty: int

    @property
    def score(self) -> float:
        """0–100: a covered seat counts fully, a thin one a third."""
        if not self.seats:
            return 0.0
        return round(100.0 * (self.covered + self.thin / 3) / self.seats, 1)


def coverage(spheres: Sequence[SphereView]) -> Coverage:
    statuses = [s.status for sp in spheres if not sp.is_template for s in sp.seats]
    return Coverage(len(statuses), statuses.count(SeatStatus.COVERED),
                    statuses.count(SeatStatus.THIN), statuses.count(SeatStatus.EMPTY))
