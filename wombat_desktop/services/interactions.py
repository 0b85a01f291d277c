"""The interaction log and the keep-in-touch cadence (plan sections I.2, II.11-12)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from wombat_desktop.core.activity_views import InteractionView, KeepInTouchView
from wombat_desktop.core.cadence import TouchFacts, check_days, losing_touch, touch_status
from wombat_desktop.core.errors import ValidationError
from wombat_desktop.core.model import InteractionKind
from wombat_desktop.storage import activity_store as store
from wombat_desktop.storage import contact_reads
from wombat_desktop.storage import followup_store as fstore
from wombat_desktop.storage.database import Database

MAX_TEXT = 100_000


def check_kind(kind: str) -> str:
    try:
        return InteractionKind(kind).value
    except ValueError:
        names = ", ".join(k.value for k in InteractionKind)
        raise ValidationError(f"Unknown interaction kind {kind!r}; use one of {names}.") from None


def check_text(text: str, what: str = "The summary") -> str:
    if len(text) > MAX_TEXT:
        raise ValidationError(f"{what} is longer than {MAX_TEXT:,} characters.")
    return text.strip()


class InteractionService:
    """Log lunches, calls, meetings …; any of them restarts the contact's cadence clock."""

    def __init__(self, db: Database, today: Callable[[], dt.date] = dt.date.today) -> None:
        self._db = db
        self._today = today

    def _check_day(self, on: dt.date | None) -> dt.date:
        today = self._today()
        if on is None:
            return today
        if on > today:
            raise ValidationError(
                f"{on:%Y-%m-%d} is in the future: log what happened, plan lunches in the "
                "lunch planner.")
        return on

    # --- writing ----------------------------------------------------------------------

    def log(self, contact_id: int, kind: str, on: dt.date | None = None,
            summary: str = "") -> InteractionView:
        """Record an interaction (default: today).

        Raises:
            ValidationError: unknown kind, a future date, or an over-long summary.
            NotFoundError: the contact is missing, in the trash or merged away.
        """
        kind, day, text = check_kind(kind), self._check_day(on), check_text(summary)
        with self._db.unit_of_work() as uow:
            store.live_contact_name(uow.session, contact_id)
            new_id = store.add_interaction(uow.session, contact_id, kind, day, text)
            view = store.interaction(uow.session, new_id)
            uow.commit()
        return view

    def edit(self, interaction_id: int, *, kind: str | None = None, on: dt.date | None = None,
             summary: str | None = None) -> InteractionView:
        """Change an interaction; only the values given change."""
        values: dict[str, object] = {}
        if kind is not None:
            values["kind"] = check_kind(kind)
        if on is not None:
            values["occurred_on"] = self._check_day(on)
        if summary is not None:
            values["summary"] = check_text(summary)
        with self._db.unit_of_work() as uow:
            store.update_interaction(uow.session, interaction_id, **values)
            view = store.interaction(uow.session, interaction_id)
            uow.commit()
        return view

    def delete(self, interaction_id: int) -> InteractionView:
        """Delete an interaction; returns it so that undo can log it again."""
        with self._db.unit_of_work() as uow:
            view = store.delete_interaction(uow.session, interaction_id)
            uow.commit()
        return view

    def set_cadence(self, contact_id: int, days: int | None) -> KeepInTouchView:
        """Set how often to keep in touch (``None`` or 0: the default for the tie)."""
        value = check_days(days)
        with self._db.unit_of_work() as uow:
            store.live_contact_name(uow.session, contact_id)
            fstore.set_keep_in_touch_days(uow.session, contact_id, value)
            uow.commit()
        return self.cadence(contact_id)

    # --- reading ----------------------------------------------------------------------

    def for_contact(self, contact_id: int, limit: int | None = None) -> list[InteractionView]:
        """A contact's interactions, newest first."""
        with self._db.unit_of_work() as uow:
            return store.interactions(uow.session, contact_id, limit)

    def recent(self, limit: int = 100) -> list[InteractionView]:
        """The newest interactions with anyone."""
        with self._db.unit_of_work() as uow:
            return store.interactions(uow.session, None, limit)

    def cadence(self, contact_id: int) -> KeepInTouchView:
        """A contact's cadence, last interaction and due date."""
        today = self._today()
        with self._db.unit_of_work() as uow:
            store.live_contact_name(uow.session, contact_id)
            (item,) = contact_reads.list_items(uow.session, today, [contact_id])
            own = fstore.keep_in_touch_days(uow.session).get(contact_id)
        status = touch_status(TouchFacts(item.id, item.tie, item.last_interaction_on, own),
                              today)
        return KeepInTouchView(item.id, item.name, item.tie.value, item.phone,
                               status.cadence_days, status.is_default, item.last_interaction_on,
                               item.last_interaction_kind, status.due_on, status.days_overdue)

    def losing_touch(self, limit: int | None = None) -> list[KeepInTouchView]:
        """Contacts past their keep-in-touch cadence, longest overdue first."""
        today = self._today()
        with self._db.unit_of_work() as uow:
            items = contact_reads.list_items(uow.session, today)
            own = fstore.keep_in_touch_days(uow.session)
        by_id = {i.id: i for i in items}
        facts = (TouchFacts(i.id, i.tie, i.last_interaction_on, own.get(i.id)) for i in items)
        out: list[KeepInTouchView] = []
        for s in losing_touch(facts, today)[:limit]:
            i = by_id[s.contact_id]
            out.append(KeepInTouchView(i.id, i.name, i.tie.value, i.phone, s.cadence_days,
                                       s.is_default, i.last_interaction_on,
                                       i.last_interaction_kind, s.due_on, s.days_overdue))
        return out
