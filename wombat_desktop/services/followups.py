"""The two lunch lists (plan sections 11 and 12) and the lunch planner.

Lists are computed from the ledger and the contact flags, never typed by hand. A lunch moves
to_call -> invited -> scheduled -> held -> followed_up, or declined (see `core.followups`).
Times are naive local datetimes; `export_ics` attaches the local time zone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from wombat_desktop.core import followups as rules
from wombat_desktop.core.activity_views import (
    AgendaView,
    CallSheetEntry,
    FollowUpLists,
    ListEntryView,
    LunchView,
)
from wombat_desktop.core.errors import ValidationError
from wombat_desktop.core.model import FollowUpList, InteractionKind, LunchStatus
from wombat_desktop.services.interactions import check_text
from wombat_desktop.storage import activity_store as astore
from wombat_desktop.storage import followup_store as store
from wombat_desktop.storage.database import Database

S = LunchStatus
KINDS = ("lunch", "visit")
MAX_MINUTES = 12 * 60
OPEN_VALUES = frozenset(s.value for s in rules.OPEN)


class FollowUpService:
    """Who to invite, and every lunch from first call to thank-you note."""

    def __init__(self, db: Database, today: Callable[[], dt.date] = dt.date.today,
                 now: Callable[[], dt.datetime] | None = None) -> None:
        self._db = db
        self._today = today
        self._now = now

    def _clock(self) -> dt.datetime:
        """Now, in naive local time; on an injected day (tests) that day's start."""
        if self._now is not None:
            return self._now()
        today = self._today()
        real = dt.datetime.now()
        return real if real.date() == today else dt.datetime.combine(today, dt.time())

    # --- the two lists ----------------------------------------------------------------

    def lists(self, include_finished: bool = True) -> FollowUpLists:
        """The nurture and expand lists, each entry with its current lunch status.

        Args:
            include_finished: keep people whose lunch was held, followed up or declined.
        """
        today = self._today()
        with self._db.unit_of_work() as uow:
            s = uow.session
            found = rules.nurture(astore.referral_facts(s), astore.merged_map(s))
            people = store.cards(s, found)
            wanted = store.expand_candidates(s)
            current = store.current_follow_ups(s)

        open_now = {cid: hit for (cid, _l), hit in current.items() if hit[1] in OPEN_VALUES}

        def status(cid: int, list_name: str) -> tuple[str, int | None]:
            # An open lunch shows on every list the person is on, whatever list it came from.
            hit = (open_now.get(cid) or current.get((cid, list_name))
                   or current.get((cid, FollowUpList.OTHER.value)))
            return (hit[1], hit[0]) if hit else (rules.NEW, None)

        nurture: list[ListEntryView] = []
        for cid, f in found.items():
            if cid not in people:  # trashed, or the user's own card
                continue
            name, org, phone, email = people[cid]
            st, fid = status(cid, FollowUpList.NURTURE.value)
            nurture.append(ListEntryView(FollowUpList.NURTURE.value, cid, name, org, phone, email,
                                         rules.nurture_reason(f, today), st, fid, f.given,
                                         f.last_given_on))
        expand: list[ListEntryView] = []
        for cid, name, org, phone, email, business, refer in wanted:
            st, fid = status(cid, FollowUpList.EXPAND.value)
            expand.append(ListEntryView(FollowUpList.EXPAND.value, cid, name, org, phone, email,
                                        rules.expand_reason(business, refer), st, fid,
                                        want_business=business, want_refer=refer))
        if not include_finished:
            keep = {rules.NEW, *(s.value for s in rules.OPEN)}
            nurture = [e for e in nurture if e.status in keep]
            expand = [e for e in expand if e.status in keep]
        # Oldest unreturned favour first; expand by name.
        nurture.sort(key=lambda e: (e.last_given_on or today, e.name.casefold()))
        expand.sort(key=lambda e: (e.name.casefold(), e.contact_id))
        return FollowUpLists(tuple(nurture), tuple(expand))

    # --- planning ---------------------------------------------------------------------

    def plan(self, contact_id: int, list_name: str | None = None, *, kind: str = "lunch",
             due_on: dt.date | None = None, reason: str | None = None,
             talking_points: str = "", notes_before: str = "",
             organization_id: int | None = None) -> LunchView:
        """Put a contact on the call list (status "to call").

        ``list_name`` None picks nurture or expand from the lists; ``reason`` None takes the
        list's reason. ``kind`` "visit" invites them to ``organization_id`` instead of lunch.

        Raises:
            ValidationError: bad kind or list, a visit without an organisation, or the
                contact already has an open lunch.
            NotFoundError: the contact is missing, trashed or merged; unknown organisation.
        """
        if kind not in KINDS:
            raise ValidationError(f"A follow-up is a lunch or a visit, not {kind!r}.")
        if kind == "visit" and organization_id is None:
            raise ValidationError("Pick the organisation you are inviting them to visit.")
        if list_name is not None and list_name not in set(FollowUpList):
            raise ValidationError(f"Unknown list {list_name!r}; use nurture, expand or other.")
        if list_name is None or reason is None:
            entry = self._entry(contact_id, list_name)
            list_name = list_name or (entry.list_name if entry else FollowUpList.OTHER.value)
            reason = reason if reason is not None else (entry.reason if entry else "")
        with self._db.unit_of_work() as uow:
            s = uow.session
            astore.live_contact_name(s, contact_id)
            if organization_id is not None:
                astore.organization_name(s, organization_id)
            if (current := store.open_follow_up(s, contact_id)) is not None:
                raise ValidationError(
                    f"{astore.live_contact_name(s, contact_id)} already has a lunch that is "
                    f"{rules.LABEL[S(current[1])]} (#{current[0]}).")
            fid = store.add_follow_up(s, {
                "contact_id": contact_id, "list_name": list_name, "kind": kind,
                "status": S.TO_CALL.value, "due_on": due_on or rules.next_weekday(self._today()),
                "organization_id": organization_id, "reason": check_text(reason, "The reason"),
                "talking_points": check_text(talking_points, "The talking points"),
                "notes_before": check_text(notes_before, "The notes"),
            })
            view = store.lunch(s, fid, self._today())
            uow.commit()
        return view

    def plan_many(self, contact_ids: Iterable[int], list_name: str | None = None,
                  due_on: dt.date | None = None) -> list[LunchView]:
        """Plan lunches for several contacts, skipping those that already have one open."""
        out = []
        for cid in dict.fromkeys(contact_ids):
            with self._db.unit_of_work() as uow:
                busy = store.open_follow_up(uow.session, cid) is not None
            if not busy:
                out.append(self.plan(cid, list_name, due_on=due_on))
        return out

    def _entry(self, contact_id: int, list_name: str | None) -> ListEntryView | None:
        lists = self.lists()
        for entry in (*lists.nurture, *lists.expand):
            if entry.contact_id == contact_id and list_name in (None, entry.list_name):
                return entry
        return None

    # --- moving along -----------------------------------------------------------------

    def _move(self, follow_up_id: int, target: LunchStatus, **values: Any) -> LunchView:
        today = self._today()
        with self._db.unit_of_work() as uow:
            s = uow.session
            before = store.lunch(s, follow_up_id, today)
            astore.live_contact_name(s, before.contact_id)
            rules.check_move(before.status, target)
            extra = values.pop("_log", None)
            store.update_follow_up(s, follow_up_id, status=target.value, **values)
            if extra is not None:
                astore.add_interaction(s, before.contact_id, *extra)
            view = store.lunch(s, follow_up_id, today)
            uow.commit()
        return view

    def invite(self, follow_up_id: int, call_back_on: dt.date | None = None,
               notes: str | None = None) -> LunchView:
        """They were asked; ``call_back_on`` is when to chase an answer."""
        values: dict[str, Any] = {"due_on": call_back_on or rules.next_weekday(self._today())}
        if notes is not None:
            values["notes_before"] = check_text(notes, "The notes")
        return self._move(follow_up_id, S.INVITED, **values)

    def schedule(self, follow_up_id: int, starts_at: dt.datetime, place: str = "",
                 duration_minutes: int = 60) -> LunchView:
        """Set (or move) the date, time and place.

        Raises:
            ValidationError: the time is in the past, or the length is not 15 min-12 h.
        """
        if starts_at.tzinfo is not None:
            starts_at = starts_at.astimezone().replace(tzinfo=None)
        if starts_at < self._clock():
            raise ValidationError(
                f"{starts_at:%Y-%m-%d %H:%M} is in the past: pick a time from now on. "
                "To record a lunch that already happened, log it as a lunch on the contact "
                "(Log… in the activity panel).")
        if not 15 <= duration_minutes <= MAX_MINUTES:
            raise ValidationError("A lunch lasts between 15 minutes and 12 hours.")
        return self._move(follow_up_id, S.SCHEDULED, starts_at=starts_at.replace(microsecond=0),
                          place=place.strip()[:500], duration_minutes=duration_minutes,
                          due_on=starts_at.date())

    def mark_held(self, follow_up_id: int, notes_after: str = "") -> LunchView:
        """It happened: logs a lunch (or event) interaction, which resets the cadence."""
        today = self._today()
        lunch = self.get(follow_up_id)
        day = lunch.starts_at.date() if lunch.starts_at else today
        if day > today:
            raise ValidationError(
                f"This lunch is on {day:%Y-%m-%d}; mark it held once it has happened "
                "(or reschedule it).")
        text = check_text(notes_after, "The notes")
        kind, day, summary = _held_log(lunch, text, day)
        return self._move(follow_up_id, S.HELD, notes_after=text,
                          due_on=rules.follow_up_due(day), _log=(kind, day, summary))

    def mark_followed_up(self, follow_up_id: int, notes: str | None = None) -> LunchView:
        """The thank-you / next step is done; the lunch is finished."""
        values: dict[str, Any] = {"due_on": None}
        if notes is not None:
            values["notes_after"] = check_text(notes, "The notes")
        return self._move(follow_up_id, S.FOLLOWED_UP, **values)

    def decline(self, follow_up_id: int, note: str = "") -> LunchView:
        """They said no (or cancelled); the note says why."""
        values: dict[str, Any] = {"due_on": None}
        if note.strip():
            values["notes_after"] = check_text(note, "The note")
        return self._move(follow_up_id, S.DECLINED, **values)

    def reopen(self, follow_up_id: int, call_on: dt.date | None = None) -> LunchView:
        """Try a declined one again later: back to "to call"."""
        return self._move(follow_up_id, S.TO_CALL,
                          due_on=call_on or rules.next_weekday(self._today()))

    def move(self, follow_up_id: int, status: str) -> LunchView:
        """Move to a status with no extra input (for a drop-down or a drag in the UI)."""
        target = S(rules.check_move(self.get(follow_up_id).status, status))
        if target is S.SCHEDULED:
            lunch = self.get(follow_up_id)
            if lunch.starts_at is None:
                raise ValidationError("Pick a date and time to schedule the lunch.")
            return self.schedule(follow_up_id, lunch.starts_at, lunch.place,
                                 lunch.duration_minutes)
        steps: dict[LunchStatus, Callable[[int], LunchView]] = {
            S.TO_CALL: self.reopen, S.INVITED: self.invite, S.HELD: self.mark_held,
            S.FOLLOWED_UP: self.mark_followed_up, S.DECLINED: self.decline,
        }
        return steps[target](follow_up_id)

    def restore(self, before: LunchView) -> LunchView:
        """Put a lunch back exactly as ``before`` (undo only: skips the forward-only flow
        and the no-past-times rule). Undoing "held" deletes the interaction it logged."""
        today = self._today()
        with self._db.unit_of_work() as uow:
            s = uow.session
            now = store.lunch(s, before.id, today)
            done = {S.HELD.value, S.FOLLOWED_UP.value}
            if now.status in done and before.status not in done:
                # The summary is "Lunch at X." and then the notes (which may have changed).
                kind, day, prefix = _held_log(now, "", None if now.starts_at else today)
                astore.delete_logged(s, now.contact_id, kind, day, prefix)
            store.update_follow_up(
                s, before.id, status=before.status, due_on=before.due_on,
                starts_at=before.starts_at, duration_minutes=before.duration_minutes,
                place=before.place, reason=before.reason, notes_before=before.notes_before,
                notes_after=before.notes_after, talking_points=before.talking_points)
            view = store.lunch(s, before.id, today)
            uow.commit()
        return view

    def edit(self, follow_up_id: int, **values: Any) -> LunchView:
        """Change free details: place, reason, notes_before, notes_after, talking_points,
        due_on. Status and time change through the steps above."""
        allowed = {"place", "reason", "notes_before", "notes_after", "talking_points", "due_on"}
        if unknown := set(values) - allowed:
            raise ValidationError(f"Cannot edit {', '.join(sorted(unknown))} here.")
        clean = {k: (check_text(v) if isinstance(v, str) else v) for k, v in values.items()}
        with self._db.unit_of_work() as uow:
            store.update_follow_up(uow.session, follow_up_id, **clean)
            view = store.lunch(uow.session, follow_up_id, self._today())
            uow.commit()
        return view

    def delete(self, follow_up_id: int) -> LunchView:
        """Remove a lunch; returns it (the interaction a held lunch logged stays)."""
        view = self.get(follow_up_id)
        with self._db.unit_of_work() as uow:
            store.delete_follow_up(uow.session, follow_up_id)
            uow.commit()
        return view

    # --- reading ----------------------------------------------------------------------

    def get(self, follow_up_id: int) -> LunchView:
        with self._db.unit_of_work() as uow:
            return store.lunch(uow.session, follow_up_id, self._today())

    def lunches(self, statuses: Iterable[str] | None = None,
                contact_id: int | None = None) -> list[LunchView]:
        """Lunches of live contacts, soonest next step first (undated ones last)."""
        with self._db.unit_of_work() as uow:
            rows = store.lunches(uow.session, self._today(), statuses=statuses,
                                 contact_id=contact_id)
        far = dt.date.max
        rows.sort(key=lambda v: (v.action_on or far, v.starts_at or dt.datetime.max, v.id))
        return rows

    def agenda(self) -> AgendaView:
        """Lunch steps overdue, due today and due in the next seven days (start page)."""
        open_ = self.lunches([s.value for s in rules.OPEN])

        def pick(state: str) -> tuple[LunchView, ...]:
            return tuple(v for v in open_ if v.due_state == state)

        return AgendaView(pick("overdue"), pick("today"), pick("this_week"))

    def call_sheet(self, follow_up_ids: Sequence[int] | None = None) -> list[CallSheetEntry]:
        """Who to call and what to say (default: every lunch to call or invited).

        A missing phone number is allowed but flagged in ``warnings``.
        """
        if follow_up_ids is None:
            rows = self.lunches([S.TO_CALL.value, S.INVITED.value])
        else:
            with self._db.unit_of_work() as uow:
                rows = store.lunches(uow.session, self._today(), ids=follow_up_ids)
        with self._db.unit_of_work() as uow:
            hook = store.memory_hook(uow.session)
        out = []
        for v in rows:
            warnings = [] if v.phone else ["No phone number: find one or write to them."]
            if v.kind == "visit":
                why = f"Invite them to visit {v.organization_name}. {v.reason}".strip()
            else:
                why = v.reason or "Invite them to lunch."
            out.append(CallSheetEntry(v.id, v.contact_id, v.name, v.organization, v.phone, hook,
                                      why, v.talking_points, tuple(warnings)))
        return out

    def ics_text(self, follow_up_ids: Sequence[int] | None = None) -> tuple[str, int]:
        """iCalendar text of some lunches (default: every scheduled one) and their count."""
        from wombat_desktop.core import ics  # vobject stays off the start-up path

        if follow_up_ids is None:
            rows = self.lunches([S.SCHEDULED.value])
        else:
            rows = [self.get(i) for i in follow_up_ids]
        events = [_event(v) for v in rows if v.starts_at is not None]
        return ics.write_ics(events), len(events)

    def export_ics(self, path: str | Path,
                   follow_up_ids: Sequence[int] | None = None) -> int:
        """Write lunches to a .ics file (atomically); returns how many events it holds."""
        text, count = self.ics_text(follow_up_ids)
        target = Path(path)
        if not target.parent.is_dir():
            raise FileNotFoundError(2, "the folder does not exist", str(target))
        part = target.with_name(target.name + ".part")
        try:
            part.write_bytes(text.encode("utf-8"))
            part.replace(target)
        except OSError as exc:  # name the user's file, not the temporary one
            part.unlink(missing_ok=True)
            raise OSError(exc.errno, exc.strerror, str(target)) from None
        return count


def _held_log(lunch: LunchView, text: str, day: dt.date | None = None
              ) -> tuple[str, dt.date, str]:
    """(kind, day, summary) of the interaction that marking ``lunch`` held logs."""
    kind = InteractionKind.EVENT if lunch.kind == "visit" else InteractionKind.LUNCH
    where = f" at {lunch.organization_name or lunch.place}" if (
        lunch.organization_name or lunch.place) else ""
    summary = f"{'Visit' if lunch.kind == 'visit' else 'Lunch'}{where}." + (
        f" {text}" if text else "")
    when = day or (lunch.starts_at.date() if lunch.starts_at else lunch.due_on or dt.date.min)
    return kind.value, when, summary


def _event(v: LunchView) -> Any:
    from wombat_desktop.core.ics import CalendarEvent

    assert v.starts_at is not None
    what = f"Visit {v.organization_name} with {v.name}" if v.kind == "visit" else (
        f"Lunch with {v.name}")
    lines = [x for x in (v.organization and f"{v.name}, {v.organization}",
                         v.phone and f"Phone: {v.phone}", v.reason,
                         v.talking_points and f"Talking points: {v.talking_points}",
                         v.notes_before) if x]
    return CalendarEvent(v.ics_uid, v.starts_at, v.ends_at or v.starts_at, what, v.place,
                         "\n".join(lines))
