"""The Monday review: one list of what slipped this week.

Sphere gaps (from `core.spheres`), stale materials (from `core.checklist`), scripts not
rehearsed lately, and organisations whose meetings the user has missed by their cadence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from wombat_desktop.core.portfolio import OrganizationView
from wombat_desktop.core.spheres import SeatGap

REHEARSE_EVERY_DAYS = 14


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


@dataclass(frozen=True, slots=True)
class StaleMaterial:
    section: str
    number: int
    title: str
    last_refreshed_on: dt.date | None
    hint: str


@dataclass(frozen=True, slots=True)
class ScriptDue:
    id: int
    title: str
    seconds: int
    last_rehearsed_at: dt.datetime | None

    @property
    def hint(self) -> str:
        if self.last_rehearsed_at is None:
            return "Never rehearsed."
        return f"Last rehearsed {self.last_rehearsed_at:%Y-%m-%d}."


@dataclass(frozen=True, slots=True)
class AttendanceDue:
    organization_id: int
    name: str
    meeting_cadence: str
    last_attended_on: dt.date | None
    days_overdue: int

    @property
    def hint(self) -> str:
        if self.last_attended_on is None:
            return f"{self.meeting_cadence}: no attendance recorded."
        return (f"{self.meeting_cadence}: last there {self.last_attended_on:%Y-%m-%d} "
                f"({self.days_overdue} days overdue).")


@dataclass(frozen=True, slots=True)
class WeeklyReview:
    week_of: dt.date  # the Monday
    sphere_gaps: tuple[SeatGap, ...]
    stale_materials: tuple[StaleMaterial, ...]
    scripts_to_rehearse: tuple[ScriptDue, ...]
    organisations_to_attend: tuple[AttendanceDue, ...]
    plan_started: bool = True  # any sphere seat, organisation, material or script at all

    @property
    def total(self) -> int:
        return (len(self.sphere_gaps) + len(self.stale_materials)
                + len(self.scripts_to_rehearse) + len(self.organisations_to_attend))

    @property
    def is_clear(self) -> bool:
        return self.total == 0


def scripts_due(scripts: Sequence[ScriptDue], now: dt.datetime,
                every_days: int = REHEARSE_EVERY_DAYS) -> tuple[ScriptDue, ...]:
    """Scripts never rehearsed or not in the last *every_days*, the longest-idle first."""
    limit = now - dt.timedelta(days=every_days)
    due = [s for s in scripts if s.last_rehearsed_at is None or s.last_rehearsed_at < limit]
    due.sort(key=lambda s: (s.last_rehearsed_at is not None,
                            s.last_rehearsed_at or dt.datetime.min, s.seconds))
    return tuple(due)


def attendance_due(orgs: Sequence[OrganizationView]) -> tuple[AttendanceDue, ...]:
    """The user's organisations overdue by their cadence, the most overdue first."""
    due = [AttendanceDue(o.id, o.name, o.meeting_cadence, o.last_attended_on, o.days_overdue)
           for o in orgs if o.joined and o.days_overdue is not None]
    due.sort(key=lambda a: (-a.days_overdue, a.name.casefold()))
    return tuple(due)


def review(today: dt.date, gaps: Sequence[SeatGap], stale: Sequence[StaleMaterial],
           scripts: Sequence[ScriptDue], orgs: Sequence[OrganizationView],
           now: dt.datetime | None = None, *, plan_started: bool = True) -> WeeklyReview:
    """Assemble the review for the week holding *today*; *plan_started* is False while the
    plan holds nothing to review (an empty list then means "start", not "all clear")."""
    now = now or dt.datetime.combine(today, dt.time(9))
    return WeeklyReview(monday_of(today), tuple(gaps), tuple(stale), scripts_due(scripts, now),
                        attendance_due(orgs), plan_started)
