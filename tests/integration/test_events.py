"""EventService on a real SQLite file: plan an event, record who was met, follow up."""

from __future__ import annotations

import datetime as dt

import pytest

from wombat_desktop.core.errors import NotFoundError, ValidationError
from wombat_desktop.core.model import ContactDraft
from wombat_desktop.services.events import EventDraft, EventService, follow_up_due
from wombat_desktop.services.registry import Services
from wombat_desktop.storage.orm import ContactRow, FollowUpRow, InteractionRow

DAY = dt.datetime(2026, 12, 3, 18, 30)


@pytest.fixture
def events(services: Services) -> EventService:
    return services.events


@pytest.fixture
def people(services: Services) -> list[int]:
    return [services.contacts.create(ContactDraft(given_name=g, family_name=f, organization=o))
            for g, f, o in (("Ana", "Silva", "Acme"), ("Björn", "Berg", "Nord AB"),
                            ("美咲", "佐藤", "東京データ"))]


def test_create_update_and_list_upcoming_first(events: EventService) -> None:
    past = events.create(EventDraft("Old mixer", DAY.replace(year=2025)))
    soon = events.create(EventDraft("  Chamber   breakfast ", DAY, place="Hotel <b>&</b>"))
    later = events.create(EventDraft("Expo", DAY + dt.timedelta(days=30)))
    assert [e.id for e in events.list_events()] == [soon, later, past]
    view = events.get(soon)
    assert view.draft.name == "Chamber breakfast"
    assert view.draft.place == "Hotel <b>&</b>"
    events.update(soon, EventDraft("Chamber breakfast", DAY, goals="Meet two bankers"))
    assert events.get(soon).draft.goals == "Meet two bankers"
    assert events.list_events()[0].upcoming


def test_validation_and_missing(events: EventService) -> None:
    with pytest.raises(ValidationError, match="needs a name"):
        events.create(EventDraft("   "))
    with pytest.raises(ValidationError, match="longer"):
        events.create(EventDraft("x" * 301))
    with pytest.raises(NotFoundError):
        events.get(999)
    with pytest.raises(NotFoundError):
        events.update(999, EventDraft("Gone"))
    eid = events.create(EventDraft("Mixer"))
    with pytest.raises(NotFoundError):
        events.add_attendees(eid, [12345])
    with pytest.raises(NotFoundError, match="not on this event"):
        events.set_met(eid, [12345])
    with pytest.raises(ValidationError, match="name"):
        events.capture_contact(eid, "  ")
    with pytest.raises(ValidationError, match="e-mail"):
        events.capture_contact(eid, "Kim Lee", email="not-an-address")


def test_attendees_goals_met_and_undo_of_remove(events: EventService, people: list[int]) -> None:
    eid = events.create(EventDraft("Mixer", DAY))
    assert events.add_attendees(eid, people) == people
    assert events.add_attendees(eid, people[:1]) == []  # already listed
    events.set_goal(eid, people[0], "Ask for an intro to her banker")
    events.set_met(eid, people[:2])
    events.set_attendee_notes(eid, people[1], "Wants a quote in January")
    view = events.get(eid)
    assert {a.contact_id for a in view.met} == set(people[:2])
    goals = {a.contact_id: a.goal for a in view.attendees}
    assert goals[people[0]] == "Ask for an intro to her banker"
    snap = events.remove_attendees(eid, [people[1]])
    assert len(events.get(eid).attendees) == 2
    events.restore(snap)
    back = {a.contact_id: a for a in events.get(eid).attendees}[people[1]]
    assert back.met
    assert back.notes == "Wants a quote in January"
    assert events.list_events()[0].met == 2


def test_delete_and_undo_keeps_attendees(events: EventService, people: list[int]) -> None:
    eid = events.create(EventDraft("Mixer", DAY, goals="Three new spheres"))
    events.add_attendees(eid, people, goal="say hello")
    snap = events.delete(eid)
    assert events.list_events() == []
    with pytest.raises(NotFoundError):
        events.get(eid)
    events.restore(snap)
    view = events.get(eid)
    assert view.draft.goals == "Three new spheres"
    assert len(view.attendees) == 3


def test_capture_new_contact_met_there(events: EventService, services: Services) -> None:
    eid = events.create(EventDraft("Expo Ωmega", DAY))
    cid = events.capture_contact(eid, "Olga Ivanova", "Bravo", "olga@bravo.example",
                                 "+1 555 010 2000", notes="printer for flyers")
    (a,) = events.get(eid).attendees
    assert a.contact_id == cid
    assert a.met
    assert not a.expected
    assert a.notes == "printer for flyers"
    detail = services.contacts.get(cid)
    assert detail.display_name == "Olga Ivanova"
    assert detail.draft.organization == "Bravo"
    with services.db.unit_of_work() as uow:
        row = uow.session.get(ContactRow, cid)
        assert row is not None
        assert row.met_at == "Expo Ωmega"
        assert row.primary_email == "olga@bravo.example"


def test_follow_ups_for_people_met(events: EventService, services: Services,
                                   people: list[int]) -> None:
    eid = events.create(EventDraft("Mixer", dt.datetime(2026, 11, 19, 18, 30)))  # Thursday
    events.add_attendees(eid, people)
    events.set_goal(eid, people[0], "Referral to her accountant")
    events.set_met(eid, people[:2])
    outcome = events.follow_up_met(eid)
    assert set(outcome.planned) == set(people[:2])
    assert outcome.skipped == ()
    with services.db.unit_of_work() as uow:
        rows = uow.session.query(FollowUpRow).all()
        assert {r.contact_id for r in rows} == set(people[:2])
        first = next(r for r in rows if r.contact_id == people[0])
        assert first.status == "to_call"
        assert first.reason.startswith("Met at Mixer")
        assert first.talking_points == "Referral to her accountant"
        assert first.due_on == dt.date(2026, 11, 23)  # two weekdays after (Fri, Mon)
    again = events.follow_up_met(eid)  # an open lunch already exists: skipped, told why
    assert again.planned == ()
    assert len(again.skipped) == 2


def test_follow_up_due_after_the_event_never_before_today() -> None:
    today = dt.date(2026, 11, 22)  # a Sunday
    assert follow_up_due(dt.date(2026, 12, 1), today) == dt.date(2026, 12, 3)
    assert follow_up_due(dt.date(2026, 11, 27), today) == dt.date(2026, 12, 1)  # Fri -> Tue
    assert follow_up_due(dt.date(2026, 1, 5), today) == today
    assert follow_up_due(None, today) == dt.date(2026, 11, 24)


def test_no_follow_ups_for_a_future_event(events: EventService, services: Services,
                                          people: list[int]) -> None:
    eid = events.create(EventDraft("Chamber mixer", dt.datetime(2026, 12, 1, 18, 0)))
    events.add_attendees(eid, people)
    events.set_met(eid, people[:1])  # allowed (the UI warns)
    assert events.get(eid).future
    with pytest.raises(ValidationError, match="2026-12-01, still ahead"):
        events.follow_up_met(eid)
    with services.db.unit_of_work() as uow:
        assert uow.session.query(FollowUpRow).count() == 0


def _event_interactions(services: Services, eid: int) -> list[tuple[int, dt.date]]:
    with services.db.unit_of_work() as uow:
        return sorted((r.contact_id, r.occurred_on) for r in uow.session.query(InteractionRow)
                      .filter_by(event_id=eid, kind="event"))


def test_meeting_people_at_an_event_is_logged_as_contact(events: EventService,
                                                         services: Services,
                                                         people: list[int]) -> None:
    day = dt.datetime(2026, 11, 18, 7, 30)
    eid = events.create(EventDraft("Breakfast", day))
    events.add_attendees(eid, people)
    events.set_met(eid, people[:2])
    events.set_met(eid, people[:2])  # once per person and event
    assert _event_interactions(services, eid) == [(people[0], day.date()),
                                                  (people[1], day.date())]
    item = services.contacts.get(people[0])
    assert item.last_interaction_on == day.date()
    events.set_met(eid, [people[1]], met=False)  # unticking takes it back
    assert _event_interactions(services, eid) == [(people[0], day.date())]
    assert services.contacts.get(people[1]).last_interaction_on is None
    new = events.capture_contact(eid, "Olga Ivanova")
    assert (new, day.date()) in _event_interactions(services, eid)
    events.update(eid, EventDraft("Breakfast", dt.datetime(2026, 12, 9)))  # moved ahead
    assert _event_interactions(services, eid) == []


def test_nothing_logged_before_the_event(events: EventService, services: Services,
                                         people: list[int]) -> None:
    eid = events.create(EventDraft("Expo", DAY))
    events.add_attendees(eid, people)
    events.set_met(eid, people)
    events.capture_contact(eid, "Kim Lee")
    assert _event_interactions(services, eid) == []


def test_walk_ins_are_counted_apart(events: EventService, people: list[int]) -> None:
    eid = events.create(EventDraft("Expo", DAY))
    events.add_attendees(eid, people)
    events.set_met(eid, people[:1])
    events.capture_contact(eid, "Kim Lee")
    (summary,) = events.list_events()
    assert summary.attendees == 4
    assert summary.expected == 3
    assert summary.walk_ins == 1
    assert summary.met == 2
    view = events.get(eid)
    assert len(view.expected) == 3
    assert [a.name for a in view.walk_ins] == ["Kim Lee"]


def test_captured_phone_is_formatted_like_the_others(events: EventService,
                                                     services: Services) -> None:
    eid = events.create(EventDraft("Expo", DAY))
    cid = events.capture_contact(eid, "Kim Lee", phone="503 555 0199")
    assert services.contacts.get(cid).draft.phones[0].value == "+1 503-555-0199"
