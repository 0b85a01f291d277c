"""The networking-organisation portfolio (WOMBAT I.5).

Diversify: one group of each useful kind beats several of the same kind. The portfolio
flags kinds the user joined twice or more and kinds missing, shows what each organisation
cost (dues, hours) and returned (referrals received through its members), and whether the
user is overdue at its meetings (by its cadence).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from wombat_desktop.core.model import OrganizationKind

KIND_LABELS: dict[OrganizationKind, str] = {
    OrganizationKind.CASUAL_CONTACT: "Casual-contact network (e.g. chamber of commerce)",
    OrganizationKind.STRONG_CONTACT: "Strong-contact referral group",
    OrganizationKind.COMMUNITY_SERVICE: "Community-service club",
    OrganizationKind.PROFESSIONAL: "Professional association",
    OrganizationKind.SOCIAL_BUSINESS: "Social/business organisation",
    OrganizationKind.WOMEN_MINORITY: "Women's/minority business organisation",
    OrganizationKind.ONLINE: "Online community",
}
DIVERSE_KINDS = 4  # joined kinds for a full diversity score: nobody needs all seven
GRACE_DAYS = 3  # a meeting missed by a few days is not yet a gap

_CADENCES: list[tuple[str, int]] = [
    (r"\bdaily\b|every day", 1),
    (r"twice a week|two times a week", 4),
    (r"bi-?weekly|fortnight|every (two|2|other) weeks?|twice a month|semi-?monthly", 14),
    (r"\bweekly\b|every week|each week|per week", 7),
    (r"bi-?monthly|every (two|2|other) months?", 61),
    (r"\bmonthly\b|every month|each month|per month|a month", 31),
    (r"quarterly|every (three|3) months", 92),
    (r"twice a year|semi-?annual|every (six|6) months", 183),
    (r"annual|yearly|every year|once a year", 365),
]


def kind_label(kind: str) -> str:
    try:
        return KIND_LABELS[OrganizationKind(kind)]
    except ValueError:
        return kind


def cadence_days(cadence: str) -> int | None:
    """Days between meetings from free text ("weekly breakfast", "every 3 weeks"), or None."""
    text = cadence.casefold()
    every = re.search(r"every (\d+) (day|week|month)s?", text)
    if every:
        return int(every.group(1)) * {"day": 1, "week": 7, "month": 31}[every.group(2)]
    for pattern, days in _CADENCES:
        if re.search(pattern, text):
            return days
    return None


def days_overdue(cadence: str, last_attended_on: dt.date | None, today: dt.date) -> int | None:
    """Days past the next expected meeting (0 = due now), or None when not overdue/unknown."""
    days = cadence_days(cadence)
    if days is None:
        return None
    if last_attended_on is None:
        return 0
    late = (today - last_attended_on).days - days - GRACE_DAYS
    return late if late >= 0 else None


@dataclass(frozen=True, slots=True)
class OrganizationFacts:
    """One organisation as storage reads it (plain values)."""

    id: int
    name: str
    kind: str
    meeting_cadence: str = ""
    dues_per_year: float | None = None
    hours_per_month: float | None = None
    professions: str = ""
    notes: str = ""
    last_attended_on: dt.date | None = None
    joined: bool = False  # the user has a membership
    role: str = ""
    visibility_positions: str = ""
    members: int = 0  # contacts who belong to it
    referrals_received: int = 0  # received with this organisation named
    referrals_closed: int = 0
    closed_value: float = 0.0
    referrals_from_members: int = 0  # received from its members, no organisation named


@dataclass(frozen=True, slots=True)
class OrganizationView:
    id: int
    name: str
    kind: str
    kind_label: str
    meeting_cadence: str
    dues_per_year: float | None
    hours_per_month: float | None
    professions: tuple[str, ...]
    notes: str
    last_attended_on: dt.date | None
    joined: bool
    role: str
    visibility_positions: str
    members: int
    referrals_received: int
    referrals_closed: int
    closed_value: float
    referrals_from_members: int
    kind_joined_twice: bool
    days_overdue: int | None

    @property
    def hours_per_year(self) -> float:
        return (self.hours_per_month or 0.0) * 12

    @property
    def returned(self) -> int:
        return self.referrals_received + self.referrals_from_members

    @property
    def return_label(self) -> str:
        """E.g. "14 referrals (3 closed, $12,400) · 2 more from members"."""
        text = f"{self.referrals_received} referral" + ("" if self.referrals_received == 1
                                                         else "s")
        if self.referrals_closed:
            text += f" ({self.referrals_closed} closed, ${self.closed_value:,.0f})"
        if self.referrals_from_members:
            text += f" · {self.referrals_from_members} more from members"
        return text


@dataclass(frozen=True, slots=True)
class PortfolioView:
    organizations: tuple[OrganizationView, ...]  # joined first, then by name
    kinds_joined: tuple[tuple[str, int], ...]  # (kind, how many joined), in enum order
    kinds_twice: tuple[str, ...]
    kinds_missing: tuple[str, ...]
    diversity: float  # 0–100
    dues_per_year: float
    hours_per_year: float
    advice: tuple[str, ...]

    @property
    def joined(self) -> tuple[OrganizationView, ...]:
        return tuple(o for o in self.organizations if o.joined)


def diversity_score(kind_counts: dict[str, int]) -> float:
    """Distinct kinds joined up to DIVERSE_KINDS, minus 15 points per extra same-kind group."""
    distinct = sum(1 for n in kind_counts.values() if n)
    extra = sum(n - 1 for n in kind_counts.values() if n > 1)
    return max(0.0, min(100.0, 100.0 * distinct / DIVERSE_KINDS) - 15.0 * extra)


def portfolio(orgs: Sequence[OrganizationFacts], today: dt.date) -> PortfolioView:
    """The portfolio rules applied to the organisations the user tracks."""
    counts: dict[str, int] = {k.value: 0 for k in OrganizationKind}
    for o in orgs:
        if o.joined:
            counts[o.kind] = counts.get(o.kind, 0) + 1
    twice = tuple(k for k, n in counts.items() if n > 1)
    missing = tuple(k.value for k in OrganizationKind if not counts.get(k.value))
    views = tuple(sorted((_view(o, o.joined and o.kind in twice, today) for o in orgs),
                         key=lambda v: (not v.joined, v.name.casefold())))
    joined = [v for v in views if v.joined]
    advice: list[str] = []
    for kind in twice:
        names = ", ".join(v.name for v in joined if v.kind == kind)
        advice.append(f"You joined {counts[kind]} of the same kind ({kind_label(kind)}): "
                      f"{names}. Keep the one that returns most.")
    if missing and len(joined) < DIVERSE_KINDS + 1:
        advice.append("Not yet in your portfolio: "
                      + "; ".join(kind_label(k) for k in missing[:3]) + ".")
    idle = [v.name for v in joined if v.returned == 0 and v.hours_per_year >= 24]
    if idle:
        advice.append(f"No referrals yet from {', '.join(idle[:3])}: ask members what a good "
                      "referral for them looks like.")
    return PortfolioView(
        views, tuple((k, n) for k, n in counts.items() if n), twice, missing,
        round(diversity_score(counts), 1), sum(v.dues_per_year or 0.0 for v in joined),
        sum(v.hours_per_year for v in joined), tuple(advice))


def _view(o: OrganizationFacts, twice: bool, today: dt.date) -> OrganizationView:
    return OrganizationView(
        o.id, o.name, o.kind, kind_label(o.kind), o.meeting_cadence, o.dues_per_year,
        o.hours_per_month, tuple(p.strip() for p in o.professions.split(",") if p.strip()),
        o.notes, o.last_attended_on, o.joined, o.role, o.visibility_positions, o.members,
        o.referrals_received, o.referrals_closed, o.closed_value, o.referrals_from_members,
        twice, days_overdue(o.meeting_cadence, o.last_attended_on, today) if o.joined else None,
    )
