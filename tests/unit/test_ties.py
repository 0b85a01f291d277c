import datetime as dt

import pytest

from wombat_desktop.core.model import Tie
from wombat_desktop.core.ties import TieFacts, ago, suggest_tie

TODAY = dt.date(2026, 11, 22)


def test_nothing_known_is_weak_and_says_so() -> None:
    s = suggest_tie(TieFacts(), TODAY)
    assert s.tie is Tie.WEAK
    assert s.reason == "weak: no interaction or referral recorded"


def test_referrals_received_and_recent_lunch_make_strong_with_reason() -> None:
    facts = TieFacts(referrals_received=2, last_interaction_on=TODAY - dt.timedelta(days=21),
                     last_interaction_kind="lunch")
    s = suggest_tie(facts, TODAY)
    assert s.tie is Tie.STRONG
    assert s.reason == "strong: 2 referrals received, lunch 3 weeks ago"


def test_one_old_call_stays_weak() -> None:
    facts = TieFacts(last_interaction_on=TODAY - dt.timedelta(days=420),
                     last_interaction_kind="call")
    s = suggest_tie(facts, TODAY)
    assert s.tie is Tie.WEAK
    assert s.reason == "weak: last call 1 year ago"


def test_giving_referrals_alone_is_not_enough() -> None:
    s = suggest_tie(TieFacts(referrals_given=3), TODAY)
    assert s.tie is Tie.WEAK
    assert "3 referrals given" in s.reason


def test_family_is_strong_even_without_logged_contact() -> None:
    s = suggest_tie(TieFacts(relation="family"), TODAY)
    assert s.tie is Tie.STRONG
    assert s.reason == "strong: family"


def test_frequent_recent_meetings_make_strong() -> None:
    facts = TieFacts(last_interaction_on=TODAY - dt.timedelta(days=5),
                     last_interaction_kind="one_to_one", interactions_last_year=6)
    s = suggest_tie(facts, TODAY)
    assert s.tie is Tie.STRONG
    assert "one-to-one 5 days ago" in s.reason


def test_recent_email_only_is_weak() -> None:
    facts = TieFacts(last_interaction_on=TODAY - dt.timedelta(days=2),
                     last_interaction_kind="email")
    assert suggest_tie(facts, TODAY).tie is Tie.WEAK


@pytest.mark.parametrize(
    ("days", "text"),
    [(0, "today"), (1, "yesterday"), (9, "9 days ago"), (21, "3 weeks ago"),
     (95, "3 months ago"), (800, "2 years ago"), (-3, "planned")],
)
def test_ago(days: int, text: str) -> None:
    assert ago(TODAY - dt.timedelta(days=days), TODAY) == text
