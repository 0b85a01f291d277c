"""`wombat demo`: fill an empty database with a believable salesperson's network."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable
from dataclasses import dataclass

from wombat_desktop.core.demo_data import build_network
from wombat_desktop.core.errors import ValidationError
from wombat_desktop.core.progress import CancelToken, ProgressFn, no_progress
from wombat_desktop.storage import demo_writes
from wombat_desktop.storage.contact_writes import CHUNK
from wombat_desktop.storage.database import Database

MAX_CONTACTS = 200_000
_PLAN_STEPS = 6  # steps `write_network` reports after the contact chunks


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What a demo fill wrote. ``contacts`` excludes the user's own card."""

    contacts: int
    interactions: int
    referrals: int
    organizations: int
    memberships: int
    follow_ups: int
    events: int
    event_attendees: int
    companies: int
    self_contact_id: int


class DemoService:
    """Fills the database with demo data in one transaction."""

    def __init__(self, db: Database, today: Callable[[], dt.date] = dt.date.today,
                 region: str = "US") -> None:
        self._db = db
        self._today = today
        self.region = region

    def fill(
        self,
        contacts: int = 300,
        seed: int = 7,
        progress: ProgressFn | None = None,
        cancel: CancelToken | None = None,
        *,
        replace: bool = False,
    ) -> DemoSummary:
        """Write the user's card, *contacts* network contacts and a filled-in plan.

        Args:
            contacts: how many network contacts to generate (the user's card is extra).
            seed: the random seed; the same seed and day give the same network.
            progress: called as ``progress(done, total, label)`` between steps.
            cancel: checked between steps; cancelling rolls everything back.
            replace: delete every contact and plan record first (a backup is made).

        Raises:
            ValidationError: the count is out of range, or the database already holds
                contacts and ``replace`` is false.
            CancelledError: the token was cancelled.
        """
        if not 0 <= contacts <= MAX_CONTACTS:
            raise ValidationError(f"The demo makes between 0 and {MAX_CONTACTS:,} contacts.")
        report = progress or no_progress
        chunks = (contacts + 1 + CHUNK - 1) // CHUNK
        total = 2 + chunks + _PLAN_STEPS
        done = 0

        def step(label: str) -> None:
            nonlocal done
            if cancel is not None:
                cancel.check()
            done += 1
            report(min(done, total), total, label)

        # Millions of short-lived objects: the cyclic collector would only slow the fill.
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            with self._db.unit_of_work() as uow:
                existing = demo_writes.user_records(uow.session)
                if existing and not replace:
                    raise ValidationError(
                        f"The database already holds {existing:,} contacts or plan records. "
                        "The demo fills "
                        "an empty database only: replace them with `wombat demo --replace` "
                        "(deletes every contact and plan record, after a backup) or use a "
                        "new database (--db)."
                    )
            if existing:
                self._db.backup("before-demo")
            net = build_network(contacts, seed, self._today())
            step("Generated the network")
            with self._db.unit_of_work() as uow:
                if existing:
                    demo_writes.clear_plan_data(uow.session)
                step("Cleared old data" if existing else "Ready")
                ids = demo_writes.write_network(uow.session, net, step, region=self.region)
                if cancel is not None:
                    cancel.check()
                uow.commit()
        finally:
            if was_enabled:
                gc.enable()
        report(total, total, "Done")
        return DemoSummary(
            contacts=len(net.contacts) - 1, interactions=len(net.interactions),
            referrals=len(net.referrals), organizations=len(net.organizations),
            memberships=len(net.memberships), follow_ups=len(net.follow_ups),
            events=len(net.events),
            event_attendees=sum(len(e.attendees) for e in net.events),
            companies=len(net.companies), self_contact_id=ids[0],
        )
