"""Interactions, the referral ledger and the lunch planner on a real SQLite file."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from wombat_desktop.core.errors import NotFoundError, ValidationError
from wombat_desktop.core.ics import read_ics
from wombat_desktop.core.model import ContactDraft, TypedValue
from wombat_desktop.services.contacts import ContactFlags
from wombat_desktop.services.demo import DemoService
from wombat_desktop.services.followups import FollowUpService
from wombat_desktop.services.interactions import InteractionService
from wombat_desktop.services.referrals import ReferralDraft, ReferralService
from wombat_desktop.services.registry import Services
from wombat_desktop.storage.contact_merge import absorb
from wombat_desktop.storage.database import Database

NOON = dt.time(12, 30)


def person(services: Services, name: str, phone: str = "", **flags: bool) -> int:
    draft = ContactDraft(formatted_name=name,
                         phones=[TypedValue(phone, ["cell"])] if phone else [])
    return services.contacts.create(draft, ContactFlags(**flags) if flags else None)


@pytest.fixture
def svc(services: Services, today: dt.date
        ) -> tuple[FollowUpService, InteractionService, ReferralService]:
    def clock() -> dt.datetime:
        return dt.datetime.combine(today, dt.time(9, 0))

    return (FollowUpService(services.db, services.today, clock),
            InteractionService(services.db, services.today),
            ReferralService(services.db, services.today))


def test_ledger_feeds_the_nurture_list_and_the_contact_figures(
        services: Services, svc: tuple, today: dt.date) -> None:
    follow, _, refs = svc
    ann = person(services, "Ann Given", "+1 503 555 0101")
    bob = person(services, "Bob Both")
    cat = person(services, "Cat Promoted")
    refs.record(ReferralDraft("given", ann, today - dt.timedelta(days=20), for_name="Dee"))
    refs.record(ReferralDraft("given", bob, today - dt.timedelta(days=5)))
    refs.record(ReferralDraft("received", bob, today - dt.timedelta(days=3000)))
    refs.record(ReferralDraft("given", cat, kind="promotion"))
    lists = follow.lists()
    assert {e.contact_id for e in lists.nurture} == {ann, cat}
    entry = next(e for e in lists.nurture if e.contact_id == ann)
    assert entry.status == "new"
    assert "Dee" in entry.reason
    assert entry.given == 1
    rows = {i.id: i for i in services.contacts.list_items()}
    assert (rows[bob].referrals_given, rows[bob].referrals_received) == (1, 1)
    assert refs.balance(bob).balance == 0
    # deleting a record keeps the stored figures in step
    (record,) = [r for r in refs.ledger(ann) if r.direction == "given"]
    refs.delete(record.id)
    assert services.contacts.items([ann])[0].referrals_given == 0
    assert ann not in {e.contact_id for e in follow.lists().nurture}


def test_merged_contacts_count_under_the_survivor(services: Services, svc: tuple,
                                                  today: dt.date) -> None:
    follow, _, refs = svc
    keep = person(services, "Eve Keep")
    other = person(services, "Eve Duplicate")
    refs.record(ReferralDraft("given", keep, today))
    refs.record(ReferralDraft("received", other, today - dt.timedelta(days=900)))
    assert keep in {e.contact_id for e in follow.lists().nurture}
    with services.db.unit_of_work() as uow:
        absorb(uow.session, keep, other)
        uow.commit()
    assert follow.lists().nurture == ()


def test_expand_list_and_deleted_contacts(services: Services, svc: tuple) -> None:
    follow, _, _ = svc
    fay = person(services, "Fay Wanted", want_business=True)
    gus = person(services, "Gus Referee", want_refer=True)
    assert [e.name for e in follow.lists().expand] == ["Fay Wanted", "Gus Referee"]
    services.contacts.delete([gus])
    assert [e.contact_id for e in follow.lists().expand] == [fay]
    with pytest.raises(NotFoundError, match="in the trash; restore them first"):
        follow.plan(gus)


def test_a_lunch_through_its_statuses(services: Services, svc: tuple, today: dt.date) -> None:
    follow, log, _ = svc
    hal = person(services, "Hal Lunch", "+1 503 555 0199", want_business=True)
    lunch = follow.plan(hal, talking_points="Ask about their new shop")
    # planned on a Sunday: the call falls due on Monday
    assert (lunch.status, lunch.list_name, lunch.due_state) == ("to_call", "expand", "this_week")
    assert lunch.due_on == today + dt.timedelta(days=1)
    assert "do business" in lunch.reason
    with pytest.raises(ValidationError, match="already has a lunch that is to call"):
        follow.plan(hal)
    lunch = follow.invite(lunch.id, today + dt.timedelta(days=2))
    assert lunch.status == "invited"
    with pytest.raises(ValidationError, match="in the past"):
        follow.schedule(lunch.id, dt.datetime.combine(today - dt.timedelta(days=1), NOON))
    when = dt.datetime.combine(today + dt.timedelta(days=3), NOON)
    lunch = follow.schedule(lunch.id, when, "Riverside Grill", 90)
    assert lunch.starts_at == when
    assert lunch.ends_at == when + dt.timedelta(minutes=90)
    assert lunch in follow.agenda().this_week
    with pytest.raises(ValidationError, match="once it has happened"):
        follow.mark_held(lunch.id)
    with pytest.raises(ValidationError, match="cannot become followed up"):
        follow.mark_followed_up(lunch.id)
    text, count = follow.ics_text()
    (event,) = read_ics(text)
    assert count == 1
    assert event.uid == lunch.ics_uid
    assert event.summary == "Lunch with Hal Lunch"
    assert event.location == "Riverside Grill"
    # the lunch happened (moved to yesterday via a direct edit of the clock)
    later = FollowUpService(services.db, lambda: today + dt.timedelta(days=3))
    held = later.mark_held(lunch.id, "Great chat; two intros promised.")
    assert held.status == "held"
    assert held.due_on == today + dt.timedelta(days=5)
    (logged,) = log.for_contact(hal)
    assert (logged.kind, logged.occurred_on) == ("lunch", today + dt.timedelta(days=3))
    assert "two intros" in logged.summary
    assert services.contacts.items([hal])[0].last_interaction_kind == "lunch"
    done = later.mark_followed_up(lunch.id)
    assert done.status == "followed_up"
    assert done.action_on is None
    assert follow.plan(hal).status == "to_call"  # a new round is fine once finished


def test_decline_reopen_visit_and_call_sheet(services: Services, svc: tuple,
                                             today: dt.date) -> None:
    follow, _, _ = svc
    ivy = person(services, "Ivy NoPhone", want_refer=True)
    lunch = follow.plan(ivy)
    (entry,) = follow.call_sheet()
    assert entry.warnings == ("No phone number: find one or write to them.",)
    assert not entry.has_phone
    declined = follow.decline(lunch.id, "Busy season")
    assert (declined.status, declined.notes_after) == ("declined", "Busy season")
    assert follow.lists().expand[0].status == "declined"
    assert follow.lists(include_finished=False).expand == ()
    assert follow.reopen(lunch.id).status == "to_call"
    assert follow.move(lunch.id, "invited").status == "invited"
    with pytest.raises(ValidationError, match="Pick a date and time"):
        follow.move(lunch.id, "scheduled")
    follow.delete(lunch.id)
    with pytest.raises(ValidationError, match="Pick the organisation"):
        follow.plan(ivy, kind="visit")
    with pytest.raises(NotFoundError, match="Organisation 999"):
        follow.plan(ivy, kind="visit", organization_id=999)


def test_interactions_reset_the_cadence(services: Services, svc: tuple,
                                        today: dt.date) -> None:
    _, log, _ = svc
    jo = person(services, "Jo Slipping")
    log.log(jo, "call", today - dt.timedelta(days=120), "Catch-up call")
    assert jo in {v.contact_id for v in log.losing_touch()}
    assert log.cadence(jo).days_overdue == 30
    view = log.log(jo, "email", summary="Sent the catalogue")
    assert view.occurred_on == today
    assert jo not in {v.contact_id for v in log.losing_touch()}
    assert log.set_cadence(jo, 7).cadence_days == 7
    assert log.set_cadence(jo, None).is_default
    with pytest.raises(ValidationError, match="in the future"):
        log.log(jo, "lunch", today + dt.timedelta(days=1))
    with pytest.raises(ValidationError, match="Unknown interaction kind"):
        log.log(jo, "fax")
    removed = log.delete(view.id)
    assert removed.summary == "Sent the catalogue"
    assert services.contacts.items([jo])[0].last_interaction_kind == "call"


def test_referral_validation(services: Services, svc: tuple, today: dt.date) -> None:
    _, _, refs = svc
    kim = person(services, "Kim Ledger")
    with pytest.raises(ValidationError, match="Temperature"):
        refs.record(ReferralDraft("given", kim, temperature=9))
    with pytest.raises(ValidationError, match="future"):
        refs.record(ReferralDraft("given", kim, today + dt.timedelta(days=1)))
    with pytest.raises(ValidationError, match="Unknown direction"):
        refs.record(ReferralDraft("sideways", kim))
    with pytest.raises(NotFoundError, match="does not exist"):
        refs.record(ReferralDraft("given", 424242))
    rec = refs.record(ReferralDraft("received", kim, temperature=5))
    closed = refs.set_status(rec.id, "closed", 1200.0)
    assert (closed.status, closed.value) == ("closed", 1200.0)
    assert refs.balances()[0].closed_value_received == 1200.0


def test_demo_network_gives_both_lists_and_many_statuses(db: Database,
                                                         today: dt.date) -> None:
    DemoService(db, lambda: today).fill(contacts=120)
    follow = FollowUpService(db, lambda: today)
    lists = follow.lists()
    assert lists.nurture
    assert lists.expand
    statuses = Counter(v.status for v in follow.lunches())
    assert len(statuses) >= 5
    agenda = follow.agenda()
    assert agenda.overdue or agenda.today or agenda.this_week
    assert follow.call_sheet()


def _held_lunch(services: Services, follow: FollowUpService, today: dt.date
                ) -> tuple[int, FollowUpService]:
    cid = person(services, "Una Undo", want_business=True)
    lunch = follow.plan(cid)
    lunch = follow.schedule(lunch.id, dt.datetime.combine(today + dt.timedelta(days=1), NOON),
                            "Cafe Nola")
    return lunch.id, FollowUpService(services.db, lambda: today + dt.timedelta(days=1))


def test_restore_undoes_held_and_deletes_its_interaction(
        services: Services, svc: tuple, today: dt.date) -> None:
    follow, log, _ = svc
    fid, later = _held_lunch(services, follow, today)
    before = later.get(fid)
    held = later.mark_held(fid, "Good chat.")
    assert len(log.for_contact(held.contact_id)) == 1
    followed = later.mark_followed_up(fid)
    assert later.restore(held) == later.get(fid)  # undo "followed up": back to held
    assert len(log.for_contact(held.contact_id)) == 1
    back = later.restore(before)  # undo "held": scheduled again, the logged lunch is gone
    assert (back.status, back.starts_at, back.place, back.notes_after) == (
        before.status, before.starts_at, before.place, before.notes_after)
    assert back.due_on == before.due_on
    assert log.for_contact(held.contact_id) == []
    assert followed.status == "followed_up"


def test_restore_puts_back_a_time_now_past(services: Services, svc: tuple,
                                          today: dt.date) -> None:
    follow, _, _ = svc
    fid, later = _held_lunch(services, follow, today)
    before = follow.get(fid)
    moved = later.schedule(fid, dt.datetime.combine(today + dt.timedelta(days=4), NOON))
    assert moved.starts_at != before.starts_at
    # one day later the old time (today + 1 at 00:00 clock) is still allowed; make it past:
    past = FollowUpService(services.db, lambda: today + dt.timedelta(days=2))
    assert past.restore(before).starts_at == before.starts_at


def test_an_open_lunch_shows_on_both_lists(services: Services, svc: tuple,
                                          today: dt.date) -> None:
    follow, _, refs = svc
    diego = person(services, "Diego Both", want_business=True)
    refs.record(ReferralDraft("given", diego, today - dt.timedelta(days=30)))
    lunch = follow.plan(diego, "expand")
    follow.invite(lunch.id)
    lists = follow.lists()
    (on_nurture,) = [e for e in lists.nurture if e.contact_id == diego]
    (on_expand,) = [e for e in lists.expand if e.contact_id == diego]
    assert (on_nurture.status, on_nurture.follow_up_id) == ("invited", lunch.id)
    assert (on_expand.status, on_expand.follow_up_id) == ("invited", lunch.id)


def test_export_to_a_missing_folder_names_the_file(svc: tuple, tmp_path: Path) -> None:
    follow, _, _ = svc
    target = tmp_path / "missing" / "l.ics"
    with pytest.raises(OSError, match="the folder does not exist") as info:
        follow.export_ics(target)
    assert info.value.filename == str(target)
