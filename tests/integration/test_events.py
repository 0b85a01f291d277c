"""EventService on a real SQLite file: plan an event, record who was met, follow up."""

from __future__ import annotations

import datetime as dt

import pytest

from wombat_desktop.core.errors import NotFoundError, ValidationError
from wombat_desktop.core.model import ContactDraft
from wombat_desktop.services.events import EventDraft, EventService
from wombat_desktop.services.registry import Services
from wombat_desktop.storage.orm import ContactRow, FollowUpRow

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
    eid = events.create(EventDraft("Mixer", DAY))
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
        assert first.due_on == services.today() + dt.timedelta(days=7)
    again = events.follow_up_met(eid)  # an open lunch already exists: skipped, told why
    assert again.planned == ()
    assert len(again.skipped) == 2
