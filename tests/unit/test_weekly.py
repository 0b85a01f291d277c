"""The Monday review."""

from __future__ import annotations

import datetime as dt

from wombat_desktop.core.portfolio import OrganizationFacts, portfolio
from wombat_desktop.core.spheres import SeatGap, SeatStatus
from wombat_desktop.core.weekly import (
    ScriptDue,
    StaleMaterial,
    attendance_due,
    monday_of,
    review,
    scripts_due,
)

TODAY = dt.date(2026, 11, 22)  # a Sunday
NOW = dt.datetime(2026, 11, 22, 9, 0)


def test_week_starts_on_monday() -> None:
    assert monday_of(TODAY) == dt.date(2026, 11, 16)
    assert monday_of(dt.date(2026, 11, 16)) == dt.date(2026, 11, 16)


def test_scripts_not_rehearsed_in_two_weeks() -> None:
    scripts = [ScriptDue(1, "A", 30, NOW - dt.timedelta(days=3)),
               ScriptDue(2, "B", 60, NOW - dt.timedelta(days=20)),
               ScriptDue(3, "C", 10, None)]
    due = scripts_due(scripts, NOW)
    assert [s.id for s in due] == [3, 2]
    assert due[0].hint == "Never rehearsed."


def test_organisations_not_attended_by_cadence() -> None:
    orgs = portfolio([
        OrganizationFacts(1, "Weekly club", "community_service", "weekly", joined=True,
                          last_attended_on=TODAY - dt.timedelta(days=30)),
        OrganizationFacts(2, "Monthly chamber", "casual_contact", "monthly", joined=True,
                          last_attended_on=TODAY - dt.timedelta(days=20)),
        OrganizationFacts(3, "Not mine", "professional", "weekly", joined=False),
        OrganizationFacts(4, "Forum", "online", "always on", joined=True),
    ], TODAY).organizations
    due = attendance_due(orgs)
    assert [(a.name, a.days_overdue) for a in due] == [("Weekly club", 20)]
    assert "20 days overdue" in due[0].hint


def test_review_collects_every_section() -> None:
    gap = SeatGap(1, "S", 2, "Lawyer", SeatStatus.EMPTY, (), (), "No lawyer yet.")
    stale = StaleMaterial("material", 2, "Photos", dt.date(2025, 1, 1), "22 months old")
    result = review(TODAY, [gap], [stale], [ScriptDue(1, "A", 30, None)], [], NOW)
    assert result.week_of == dt.date(2026, 11, 16)
    assert result.total == 3
    assert not result.is_clear
    assert review(TODAY, [], [], [], [], NOW).is_clear


def test_an_empty_plan_is_not_started() -> None:
    assert review(TODAY, [], [], [], [], NOW).plan_started  # the default: a plan in use
    empty = review(TODAY, [], [], [], [], NOW, plan_started=False)
    assert empty.is_clear
    assert not empty.plan_started
