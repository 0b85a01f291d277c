"""Networking events: plan who to meet, record who was met, turn them into follow-ups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from wombat_desktop.core.errors import NotFoundError, ValidationError
from wombat_desktop.core.kits.data import is_upcoming, upcoming_first
from wombat_desktop.core.model import ContactDraft, FollowUpList, TypedValue
from wombat_desktop.core.phones import format_phone
from wombat_desktop.services.contacts import validate
from wombat_desktop.services.followups import FollowUpService
from wombat_desktop.storage import event_store as store
from wombat_desktop.storage.contact_writes import ContactWriter
from wombat_desktop.storage.database import Database

MAX_NAME = 300
MAX_TEXT = 20_000
FOLLOW_UP_WEEKDAYS = 2  # follow-ups fall due this many working days after the event


def follow_up_due(event_day: dt.date | None, today: dt.date,
                  weekdays: int = FOLLOW_UP_WEEKDAYS) -> dt.date:
    """``weekdays`` working days after the event (after today when undated), never before today."""
    day = event_day or today
    while weekdays > 0:
        day += dt.timedelta(days=1)
        weekdays -= day.weekday() < 5
    return max(day, today)


@dataclass(frozen=True, slots=True)
class EventDraft:
    """What the user types about an event."""

    name: str
    starts_at: dt.datetime | None = None
    place: str = ""
    organization_id: int | None = None
    goals: str = ""
    memory_hook_id: int | None = None
    intro_script_id: int | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class EventSummary:
    """One event in the list."""

    id: int
    name: str
    starts_at: dt.datetime | None
    place: str
    organization: str
    attendees: int  # everyone on the list: expected ones and walk-ins
    met: int
    upcoming: bool
    walk_ins: int = 0  # met there without being expected

    @property
    def expected(self) -> int:
        return self.attendees - self.walk_ins


@dataclass(frozen=True, slots=True)
class AttendeeView:
    contact_id: int
    name: str
    company: str
    tie: str  # strong | weak
    last_on: dt.date | None
    last_kind: str
    goal: str
    notes: str
    met: bool
    expected: bool


@dataclass(frozen=True, slots=True)
class EventView:
    """One event with everything the detail panel shows."""

    id: int
    draft: EventDraft
    organization: str
    hook: str
    script_title: str
    script_text: str
    attendees: tuple[AttendeeView, ...]
    future: bool = False  # its day has not come yet

    @property
    def met(self) -> tuple[AttendeeView, ...]:
        return tuple(a for a in self.attendees if a.met)

    @property
    def expected(self) -> tuple[AttendeeView, ...]:
        return tuple(a for a in self.attendees if a.expected)

    @property
    def walk_ins(self) -> tuple[AttendeeView, ...]:
        """People met there who were not on the list."""
        return tuple(a for a in self.attendees if not a.expected)


@dataclass(frozen=True, slots=True)
class Choice:
    """An organisation, memory hook or script to pick from."""

    id: int
    label: str
    text: str = ""


@dataclass(frozen=True, slots=True)
class FollowUpOutcome:
    """What `EventService.follow_up_met` did: lunches planned and people skipped (why)."""

    planned: tuple[int, ...]
    skipped: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class EventSnapshot:
    """A deleted event or removed attendees, opaque to callers, for undo."""

    event_id: int
    data: Any


def _text(value: str, what: str, limit: int = MAX_TEXT) -> str:
    value = value.strip()
    if len(value) > limit:
        raise ValidationError(f"{what} is longer than {limit:,} characters.")
    return value


def _check(draft: EventDraft) -> dict[str, Any]:
    name = " ".join(draft.name.split())
    if not name:
        raise ValidationError("An event needs a name.")
    values = asdict(draft)
    values["name"] = _text(name, "The name", MAX_NAME)
    for key, what in (("place", "The place"), ("goals", "The goals"), ("notes", "The notes")):
        values[key] = _text(values[key], what)
    return values


class EventService:
    """Events and their attendees. Plain values in, frozen views out."""

    def __init__(self, db: Database, followups: FollowUpService,
                 today: Callable[[], dt.date] = dt.date.today, region: str = "US") -> None:
        self._db = db
        self._followups = followups
        self._today = today
        self._region = region

    # --- reading --------------------------------------------------------------------

    def list_events(self) -> list[EventSummary]:
        """Upcoming events first (soonest first), then past ones (most recent first)."""
        from wombat_desktop.storage import kit_reads

        today = self._today()
        with self._db.unit_of_work() as uow:
            items = kit_reads.list_events(uow.session)
        return upcoming_first([EventSummary(e.id, e.name, e.starts_at, e.place, e.organization,
                                            e.attendees, e.met,
                                            is_upcoming(e.starts_at, today), e.walk_ins)
                               for e in items], today)

    def get(self, event_id: int) -> EventView:
        """One event with its attendees (strong first, then by name)."""
        with self._db.unit_of_work() as uow:
            s = uow.session
            row = store.event_row(s, event_id)
            rows = store.attendee_rows(s, event_id)
            items = store.attendee_items(s, self._today(), [r["contact_id"] for r in rows])
            orgs = dict(store.organizations(s))
            hooks = dict(store.hooks(s))
            scripts = {i: (t, x) for i, t, _sec, x in store.scripts(s)}
        draft = EventDraft(**{k: row[k] for k in store.EVENT_FIELDS})
        attendees = [AttendeeView(r["contact_id"], item.name, item.organization, item.tie.value,
                                  item.last_interaction_on, item.last_interaction_kind,
                                  r["goal"], r["notes"], r["met"], r["expected"])
                     for r in rows if (item := items.get(r["contact_id"])) is not None]
        attendees.sort(key=lambda a: (a.tie != "strong", a.name.casefold(), a.contact_id))
        title, text = scripts.get(draft.intro_script_id or 0, ("", ""))
        future = draft.starts_at is not None and draft.starts_at.date() > self._today()
        return EventView(event_id, draft, orgs.get(draft.organization_id or 0, ""),
                         hooks.get(draft.memory_hook_id or 0, ""), title, text,
                         tuple(attendees), future)

    def organizations(self) -> list[Choice]:
        with self._db.unit_of_work() as uow:
            return [Choice(i, n) for i, n in store.organizations(uow.session)]

    def hooks(self) -> list[Choice]:
        with self._db.unit_of_work() as uow:
            return [Choice(i, t) for i, t in store.hooks(uow.session)]

    def scripts(self) -> list[Choice]:
        with self._db.unit_of_work() as uow:
            return [Choice(i, f"{t or 'Script'} ({sec} s)", x)
                    for i, t, sec, x in store.scripts(uow.session)]

    # --- events ---------------------------------------------------------------------

    def create(self, draft: EventDraft) -> int:
        """Add an event; returns its id.

        Raises:
            ValidationError: no name, or a text too long.
        """
        values = _check(draft)
        with self._db.unit_of_work() as uow:
            event_id = store.insert_event(uow.session, values)
            uow.commit()
        return event_id

    def update(self, event_id: int, draft: EventDraft) -> None:
        """Save an edited event.

        Raises:
            ValidationError: no name, or a text too long.
            NotFoundError: the event is gone.
        """
        values = _check(draft)
        with self._db.unit_of_work() as uow:
            store.update_event(uow.session, event_id, values)
            store.sync_met_interactions(uow.session, event_id, self._today())  # a new day
            uow.commit()

    def set_notes(self, event_id: int, notes: str) -> None:
        """The after-event notes."""
        with self._db.unit_of_work() as uow:
            store.update_event(uow.session, event_id, {"notes": _text(notes, "The notes")})
            uow.commit()

    def delete(self, event_id: int) -> EventSnapshot:
        """Delete an event and its attendee list; `restore` undoes it."""
        with self._db.unit_of_work() as uow:
            snap = store.snapshot_event(uow.session, event_id)
            store.delete_event(uow.session, event_id)
            uow.commit()
        return EventSnapshot(event_id, snap)

    def restore(self, snapshot: EventSnapshot) -> int:
        """Undo `delete` (or `remove_attendees`); returns the event's id, which is new when
        the old one was given to an event created in between."""
        with self._db.unit_of_work() as uow:
            if isinstance(snapshot.data, dict):
                event_id = store.restore_event(uow.session, snapshot.data)
            else:
                event_id = snapshot.event_id
                store.event_row(uow.session, event_id)
                store.restore_attendees(uow.session, event_id, snapshot.data)
                store.sync_met_interactions(uow.session, event_id, self._today(),
                                            [r["contact_id"] for r in snapshot.data])
            uow.commit()
        return event_id

    # --- attendees ------------------------------------------------------------------

    def add_attendees(self, event_id: int, contact_ids: Sequence[int], goal: str = "") -> list[int]:
        """Expect contacts at an event (those already listed are left alone).

        Returns:
            The ids added.

        Raises:
            NotFoundError: the event or a contact is missing, trashed or merged.
        """
        goal = _text(goal, "The goal")
        with self._db.unit_of_work() as uow:
            s = uow.session
            store.event_row(s, event_id)
            live = store.attendee_items(s, self._today(), contact_ids)
            if missing := [c for c in contact_ids if c not in live]:
                raise NotFoundError(f"Contact {missing[0]} does not exist or is in the trash.")
            added = store.add_attendees(s, event_id, contact_ids, goal)
            uow.commit()
        return added

    def remove_attendees(self, event_id: int, contact_ids: Sequence[int]) -> EventSnapshot:
        """Take contacts off the list; `restore` puts them back with their goals and notes."""
        with self._db.unit_of_work() as uow:
            store.event_row(uow.session, event_id)
            rows = store.attendee_rows(uow.session, event_id, contact_ids)
            store.remove_attendees(uow.session, event_id, contact_ids)
            store.sync_met_interactions(uow.session, event_id, self._today(), contact_ids)
            uow.commit()
        return EventSnapshot(event_id, rows)

    def set_goal(self, event_id: int, contact_id: int, goal: str) -> None:
        """What to get from this person (an introduction, a referral to ask for …)."""
        self._set(event_id, [contact_id], {"goal": _text(goal, "The goal")})

    def set_attendee_notes(self, event_id: int, contact_id: int, notes: str) -> None:
        self._set(event_id, [contact_id], {"notes": _text(notes, "The notes")})

    def set_met(self, event_id: int, contact_ids: Sequence[int], met: bool = True) -> None:
        """Tick (or untick) who was met.

        Once the event's day has come, each person met gets one "event" interaction dated
        that day (unticking removes it): their tie, last contact and cadence follow.
        """
        self._set(event_id, contact_ids, {"met": met}, sync=True)

    def _set(self, event_id: int, contact_ids: Sequence[int], values: dict[str, Any],
             sync: bool = False) -> None:
        with self._db.unit_of_work() as uow:
            store.event_row(uow.session, event_id)
            if store.set_attendee(uow.session, event_id, contact_ids, values) < len(
                    set(contact_ids)):
                raise NotFoundError("That person is not on this event's list.")
            if sync:
                store.sync_met_interactions(uow.session, event_id, self._today(), contact_ids)
            uow.commit()

    def capture_contact(self, event_id: int, name: str, company: str = "", email: str = "",
                        phone: str = "", notes: str = "") -> int:
        """Someone new met at the event: a contact (met at the event) ticked as met.

        The phone is formatted like the others ("+1 503-555-0199", the user's region);
        once the event's day has come, the meeting is logged as for `set_met`.

        Raises:
            ValidationError: no name, or an e-mail or phone that does not look like one.
            NotFoundError: the event is gone.
        """
        name = " ".join(name.split())
        if not name:
            raise ValidationError("Type the name of the person you met.")
        given, _, family = name.rpartition(" ") if " " in name else (name, "", "")
        from wombat_desktop.storage.kit_reads import profile_region

        with self._db.unit_of_work() as uow:
            s = uow.session
            event = store.event_row(s, event_id)
            region = profile_region(s) or self._region
            draft = validate(ContactDraft(
                formatted_name=name, given_name=given, family_name=family,
                organization=company.strip(),
                emails=[TypedValue(email.strip(), ["work"])] if email.strip() else [],
                phones=[TypedValue(format_phone(phone, region), ["cell"])]
                if phone.strip() else [],
                met_at=event["name"], source=f"event:{event_id}"))
            (cid,) = ContactWriter(s, region).insert([draft])
            store.add_attendees(s, event_id, [cid], met=True, expected=False)
            if notes.strip():
                store.set_attendee(s, event_id, [cid], {"notes": _text(notes, "The notes")})
            store.sync_met_interactions(s, event_id, self._today(), [cid])
            uow.commit()
        return cid

    # --- after the event --------------------------------------------------------------

    def follow_up_met(self, event_id: int, due_on: dt.date | None = None) -> FollowUpOutcome:
        """Plan a lunch with everyone met at the event (one each, due two weekdays after it).

        People who already have an open lunch are skipped, with the reason.

        Raises:
            ValidationError: the event has not happened yet.
            NotFoundError: the event is gone.
        """
        view = self.get(event_id)
        starts = view.draft.starts_at
        if view.future and starts is not None:
            raise ValidationError(
                f"{view.draft.name} is on {starts:%Y-%m-%d}, still ahead: create follow-ups "
                "for the people you met once it has taken place.")
        due = due_on or follow_up_due(starts.date() if starts else None, self._today())
        planned: list[int] = []
        skipped: list[tuple[str, str]] = []
        for a in view.met:
            reason = f"Met at {view.draft.name}" + (
                f" on {view.draft.starts_at:%Y-%m-%d}" if view.draft.starts_at else "")
            points = "\n".join(p for p in (a.goal, a.notes) if p)
            try:
                self._followups.plan(a.contact_id, FollowUpList.OTHER.value, due_on=due,
                                     reason=reason, talking_points=points)
            except (ValidationError, NotFoundError) as exc:
                skipped.append((a.name, str(exc)))
            else:
                planned.append(a.contact_id)
        return FollowUpOutcome(tuple(planned), tuple(skipped))
