"""The Monday review: sphere gaps, stale materials, scripts to rehearse, meetings missed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from wombat_desktop.core.weekly import WeeklyReview, review
from wombat_desktop.services.plan_state import load_state
from wombat_desktop.storage.database import Database


class WeeklyService:
    """One screen for the weekly desk ritual."""

    def __init__(self, db: Database, today: Callable[[], dt.date] = dt.date.today,
                 now: Callable[[], dt.datetime] | None = None) -> None:
        self._db = db
        self._today = today
        self._now = now or (lambda: dt.datetime.combine(today(), dt.datetime.now().time()))

    def review(self) -> WeeklyReview:
        """This week's list; each entry carries the ids a page needs to jump to it."""
        today = self._today()
        with self._db.unit_of_work() as uow:
            state = load_state(uow, today, ties=False)
        started = bool(state.coverage.seats or state.portfolio.organizations
                       or state.materials_have or state.scripts or state.hooks)
        return review(today, state.gaps, state.stale, state.scripts,
                      state.portfolio.organizations, self._now(), plan_started=started)
