"""The organisation portfolio: kinds joined twice, kinds missing, returns, attendance."""

from __future__ import annotations

import datetime as dt

from wombat_desktop.core.model import OrganizationKind as K
from wombat_desktop.core.portfolio import (
    OrganizationFacts,
    cadence_days,
    days_overdue,
    diversity_score,
    portfolio,
)

TODAY = dt.date(2026, 11, 22)


def test_cadences_from_free_text() -> None:
    assert cadence_days("weekly breakfast, Tuesday") == 7
    assert cadence_days("Bi-weekly lunch") == 14
    assert cadence_days("twice a month") == 14
    assert cadence_days("monthly mixer, 2nd Thursday") == 31
    assert cadence_days("quarterly") == 92
    assert cadence_days("every 3 weeks") == 21
    assert cadence_days("annual conference") == 365
    assert cadence_days("always on") is None
    assert cadence_days("") is None


def test_overdue_by_cadence_with_grace() -> None:
    assert days_overdue("weekly", TODAY - dt.timedelta(days=9), TODAY) is None
    assert days_overdue("weekly", TODAY - dt.timedelta(days=20), TODAY) == 10
    assert days_overdue("monthly", None, TODAY) == 0
    assert days_overdue("always on", None, TODAY) is None


def _org(i: int, kind: K, joined: bool = True, **kw: object) -> OrganizationFacts:
    return OrganizationFacts(i, f"Org {i}", kind.value, joined=joined, **kw)  # type: ignore[arg-type]


def test_kinds_joined_twice_and_missing() -> None:
    view = portfolio([
        _org(1, K.CASUAL_CONTACT), _org(2, K.CASUAL_CONTACT), _org(3, K.STRONG_CONTACT),
        _org(4, K.ONLINE, joined=False),
    ], TODAY)
    assert view.kinds_twice == (K.CASUAL_CONTACT.value,)
    assert K.ONLINE.value in view.kinds_missing
    assert K.STRONG_CONTACT.value not in view.kinds_missing
    assert len(view.kinds_missing) == 5
    flagged = [o.name for o in view.organizations if o.kind_joined_twice]
    assert flagged == ["Org 1", "Org 2"]
    assert any("same kind" in a for a in view.advice)
    assert [o.joined for o in view.organizations] == [True, True, True, False]


def test_returns_and_costs() -> None:
    view = portfolio([_org(1, K.STRONG_CONTACT, dues_per_year=480.0, hours_per_month=8.0,
                           referrals_received=14, referrals_closed=3, closed_value=12400.0,
                           referrals_from_members=2)], TODAY)
    (org,) = view.organizations
    assert org.returned == 16
    assert org.return_label == "14 referrals (3 closed, $12,400) · 2 more from members"
    assert view.dues_per_year == 480.0
    assert view.hours_per_year == 96.0


def test_diversity_rewards_distinct_kinds_and_penalises_doubles() -> None:
    assert diversity_score({"a": 1, "b": 1, "c": 1, "d": 1}) == 100
    assert diversity_score({"a": 1, "b": 1}) == 50
    assert diversity_score({"a": 2, "b": 1}) == 35
    assert diversity_score({}) == 0


def test_not_joined_organisations_are_never_overdue() -> None:
    view = portfolio([_org(1, K.PROFESSIONAL, joined=False, meeting_cadence="weekly")], TODAY)
    assert view.organizations[0].days_overdue is None
    assert view.kinds_joined == ()
