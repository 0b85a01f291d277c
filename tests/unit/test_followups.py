"""The pure rules behind the lunch lists: reciprocity, cadence and the lunch status flow."""

from __future__ import annotations

import datetime as dt

import pytest

from wombat_desktop.core.cadence import (
    TouchFacts,
    cadence_days,
    check_days,
    losing_touch,
    touch_status,
)
from wombat_desktop.core.errors import ValidationError
from wombat_desktop.core.followups import (
    ReferralFact,
    action_on,
    allowed_moves,
    check_move,
    due_state,
    expand_reason,
    follow_up_due,
    keep_in_touch_reason,
    next_free_slot,
    next_weekday,
    nurture,
    nurture_reason,
    overlaps,
    survivor,
)
from wombat_desktop.core.model import LunchStatus, Tie

TODAY = dt.date(2026, 11, 22)
S = LunchStatus


def given(cid: int, days: int, kind: str = "referral", for_name: str = "") -> ReferralFact:
    return ReferralFact(cid, "given", kind, TODAY - dt.timedelta(days=days), for_name)


def received(cid: int, days: int, kind: str = "referral") -> ReferralFact:
    return ReferralFact(cid, "received", kind, TODAY - dt.timedelta(days=days))


# --- reciprocity --------------------------------------------------------------------------


def test_given_without_return_is_nurtured() -> None:
    found = nurture([given(1, 30, for_name="Ann Lee"), given(1, 10, for_name="Bo Chan")])
    assert set(found) == {1}
    f = found[1]
    assert f.referrals == 2
    assert f.first_given_on == TODAY - dt.timedelta(days=30)
    assert f.last_given_on == TODAY - dt.timedelta(days=10)
    assert f.last_for == "Bo Chan"
    assert "referred 2 clients" in nurture_reason(f, TODAY)
    assert "Bo Chan" in nurture_reason(f, TODAY)


def test_referral_received_long_ago_still_counts_as_reciprocated() -> None:
    assert nurture([given(1, 5), received(1, 3650)]) == {}


def test_promotion_without_referral_counts_as_given() -> None:
    found = nurture([given(2, 40, kind="promotion")])
    assert found[2].promotions == 1
    assert found[2].referrals == 0
    assert "promoted them 1 time" in nurture_reason(found[2], TODAY)


def test_promotion_received_counts_as_sent_back() -> None:
    assert nurture([given(2, 40), received(2, 20, kind="promotion")]) == {}


def test_only_received_is_not_nurtured() -> None:
    assert nurture([received(3, 10)]) == {}


def test_merged_contact_counts_under_the_survivor() -> None:
    # 5 was merged into 6: what 5 sent back reciprocates what the user gave 6.
    assert nurture([given(6, 20), received(5, 400)], {5: 6}) == {}
    # and what was given to 5 is listed under 6
    found = nurture([given(5, 20), given(6, 10)], {5: 6})
    assert set(found) == {6}
    assert found[6].given == 2


def test_merge_chains_and_cycles_resolve() -> None:
    assert survivor(1, {1: 2, 2: 3}) == 3
    assert survivor(1, {1: 2, 2: 1}) in (1, 2)
    assert survivor(9, {}) == 9


def test_expand_reason() -> None:
    assert "do business" in expand_reason(True, False)
    assert "refer business" in expand_reason(False, True)
    assert "and refer" in expand_reason(True, True)
    assert expand_reason(False, False) == ""


# --- cadence --------------------------------------------------------------------------------


def test_default_cadence_by_tie_and_override() -> None:
    assert cadence_days(Tie.STRONG, None) == 30
    assert cadence_days(Tie.WEAK, None) == 90
    assert cadence_days(Tie.WEAK, 14) == 14


def test_check_days() -> None:
    assert check_days(0) is None
    assert check_days(None) is None
    assert check_days(45) == 45
    with pytest.raises(ValidationError, match="between 1 and"):
        check_days(-3)


def test_touch_status_resets_with_an_interaction() -> None:
    late = touch_status(TouchFacts(1, Tie.STRONG, TODAY - dt.timedelta(days=40)), TODAY)
    assert late.due_on == TODAY - dt.timedelta(days=10)
    assert late.days_overdue == 10
    fresh = touch_status(TouchFacts(1, Tie.STRONG, TODAY), TODAY)
    assert fresh.days_overdue == 0
    assert fresh.due_on == TODAY + dt.timedelta(days=30)


def test_losing_touch_list() -> None:
    facts = [
        TouchFacts(1, Tie.STRONG, TODAY - dt.timedelta(days=35)),  # strong, 5 days late
        TouchFacts(2, Tie.WEAK, TODAY - dt.timedelta(days=200)),  # weak, 110 days late
        TouchFacts(3, Tie.WEAK, TODAY - dt.timedelta(days=60)),  # weak, on time
        TouchFacts(4, Tie.WEAK, TODAY - dt.timedelta(days=2000)),  # long lost: not listed
        TouchFacts(5, Tie.WEAK, None),  # never met, weak: not listed
        TouchFacts(6, Tie.WEAK, None, own_days=20),  # never met, but the user set a cadence
        TouchFacts(7, Tie.WEAK, TODAY - dt.timedelta(days=25), own_days=14),  # own cadence
    ]
    ids = [s.contact_id for s in losing_touch(facts, TODAY)]
    assert ids[0] == 1  # strong ties first
    assert set(ids) == {1, 2, 6, 7}
    assert ids.index(2) < ids.index(6) < ids.index(7)  # then longest overdue


# --- lunch status flow ----------------------------------------------------------------------


def test_the_happy_path_is_allowed() -> None:
    flow = [S.TO_CALL, S.INVITED, S.SCHEDULED, S.HELD, S.FOLLOWED_UP]
    for a, b in zip(flow, flow[1:], strict=False):
        assert check_move(a, b) is b


@pytest.mark.parametrize("start", [S.TO_CALL, S.INVITED, S.SCHEDULED])
def test_declined_from_any_open_step(start: LunchStatus) -> None:
    assert check_move(start, S.DECLINED) is S.DECLINED


def test_bad_moves_say_what_is_possible() -> None:
    with pytest.raises(ValidationError, match="held cannot become invited; it can become "
                                              "followed up"):
        check_move(S.HELD, S.INVITED)
    with pytest.raises(ValidationError, match="it is finished"):
        check_move(S.FOLLOWED_UP, S.TO_CALL)
    with pytest.raises(ValidationError, match="Unknown lunch status"):
        check_move("to_call", "eaten")


def test_declined_can_be_tried_again_and_scheduled_moved() -> None:
    assert allowed_moves(S.DECLINED) == [S.TO_CALL]
    assert check_move(S.SCHEDULED, S.SCHEDULED) is S.SCHEDULED
    assert check_move(S.TO_CALL, S.SCHEDULED) is S.SCHEDULED  # called and fixed a date


def test_action_dates_and_due_states() -> None:
    noon = dt.datetime(2026, 11, 25, 12, 30)
    assert action_on("scheduled", None, noon) == noon.date()
    assert action_on("held", None, noon) == dt.date(2026, 11, 27)
    assert action_on("to_call", TODAY, None) == TODAY
    assert action_on("declined", TODAY, None) is None
    assert due_state(TODAY - dt.timedelta(days=1), TODAY) == "overdue"
    assert due_state(TODAY, TODAY) == "today"
    assert due_state(TODAY + dt.timedelta(days=7), TODAY) == "this_week"
    assert due_state(TODAY + dt.timedelta(days=8), TODAY) == "later"
    assert due_state(None, TODAY) == ""


# --- weekdays, lunch slots, keep-in-touch reason ---------------------------------------------

FRI = dt.date(2026, 11, 20)


def test_next_weekday_skips_the_weekend() -> None:
    assert next_weekday(FRI) == FRI
    assert next_weekday(FRI + dt.timedelta(days=1)) == FRI + dt.timedelta(days=3)
    assert next_weekday(FRI + dt.timedelta(days=2)) == FRI + dt.timedelta(days=3)


def test_follow_up_after_a_thursday_lunch_falls_on_monday() -> None:
    thursday = FRI - dt.timedelta(days=1)
    assert follow_up_due(thursday) == FRI + dt.timedelta(days=3)
    held_at = dt.datetime.combine(thursday, dt.time(12, 0))
    assert action_on("held", None, held_at) == FRI + dt.timedelta(days=3)


def test_next_free_slot_skips_weekends_and_taken_slots() -> None:
    friday_9 = dt.datetime.combine(FRI, dt.time(9, 0))
    monday = FRI + dt.timedelta(days=3)
    assert next_free_slot(friday_9, []) == dt.datetime.combine(monday, dt.time(12, 0))
    noon = dt.datetime.combine(monday, dt.time(12, 0))
    assert next_free_slot(friday_9, [(noon, 30)]) == noon.replace(minute=30)
    tuesday = dt.datetime.combine(monday + dt.timedelta(days=1), dt.time(12, 0))
    assert next_free_slot(friday_9, [(noon, 90)]) == tuesday


def test_overlaps() -> None:
    noon = dt.datetime(2026, 11, 23, 12, 0)
    assert overlaps(noon, 60, noon.replace(minute=30), 60)
    assert not overlaps(noon, 30, noon.replace(minute=30), 60)


def test_keep_in_touch_reason() -> None:
    today = dt.date(2026, 11, 22)
    assert keep_in_touch_reason(today - dt.timedelta(days=95), today) == (
        "Keep in touch: last contact 3 months ago.")
    assert "no contact" in keep_in_touch_reason(None, today)
