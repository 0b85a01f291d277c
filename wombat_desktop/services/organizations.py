"""Networking organisations (WOMBAT I.5) and the user's memberships in them (II.8)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wombat_desktop.core.errors import NotFoundError, ValidationError
from wombat_desktop.core.message_views import MembershipView
from wombat_desktop.core.model import OrganizationKind
from wombat_desktop.core.portfolio import (
    OrganizationView,
    PortfolioView,
    cadence_days,
    portfolio,
)
from wombat_desktop.services.spheres import clean_name
from wombat_desktop.storage import org_store
from wombat_desktop.storage.database import Database


@dataclass(frozen=True, slots=True)
class OrganizationDraft:
    """An organisation as the user types it. ``professions``: a comma list of members' jobs."""

    name: str
    kind: str
    meeting_cadence: str = ""
    dues_per_year: float | None = None
    hours_per_month: float | None = None
    professions: str = ""
    notes: str = ""
    last_attended_on: dt.date | None = None


class OrganizationService:
    """The organisation portfolio: kinds, cost, attendance and what each returned."""

    def __init__(self, db: Database, today: Callable[[], dt.date] = dt.date.today) -> None:
        self._db = db
        self._today = today

    def portfolio(self) -> PortfolioView:
        """Every organisation (joined first) with the portfolio flags and advice."""
        with self._db.unit_of_work() as uow:
            facts = org_store.facts(uow.session)
        return portfolio(facts, self._today())

    def get(self, organization_id: int) -> OrganizationView:
        for org in self.portfolio().organizations:
            if org.id == organization_id:
                return org
        raise NotFoundError(f"Organisation {organization_id} no longer exists.")

    def memberships(self) -> list[MembershipView]:
        """The user's memberships with the positions that raise visibility (II.8)."""
        with self._db.unit_of_work() as uow:
            return org_store.my_memberships(uow.session)

    def create(self, draft: OrganizationDraft) -> int:
        """Add an organisation; returns its id."""
        values = self._values(draft)
        with self._db.unit_of_work() as uow:
            oid = org_store.create(uow.session, values)
            uow.commit()
        return oid

    def update(self, organization_id: int, draft: OrganizationDraft) -> None:
        values = self._values(draft)
        with self._db.unit_of_work() as uow:
            org_store.update_values(uow.session, organization_id, values)
            uow.commit()

    def delete(self, organization_id: int) -> None:
        """Remove it with its memberships; referrals keep their record, untagged."""
        with self._db.unit_of_work() as uow:
            org_store.delete_org(uow.session, organization_id)
            uow.commit()

    def record_attendance(self, organization_id: int, on: dt.date | None = None) -> None:
        """The user went to a meeting (today by default)."""
        day = on or self._today()
        if day > self._today():
            raise ValidationError("Attendance cannot be recorded for a future date.")
        with self._db.unit_of_work() as uow:
            org_store.update_values(uow.session, organization_id, {"last_attended_on": day})
            uow.commit()

    def join(self, organization_id: int, role: str = "", visibility_positions: str = "",
             since: dt.date | None = None) -> int:
        """Join (or edit the user's membership of) an organisation; returns the membership id."""
        role = clean_name(role, "role", 200, required=False)
        if len(visibility_positions) > 5000:
            raise ValidationError("The visibility positions are longer than 5,000 characters.")
        with self._db.unit_of_work() as uow:
            mid = org_store.set_my_membership(uow.session, organization_id, role,
                                              visibility_positions.strip(), since)
            uow.commit()
        return mid

    def leave(self, organization_id: int) -> None:
        with self._db.unit_of_work() as uow:
            org_store.leave(uow.session, organization_id)
            uow.commit()

    def _values(self, d: OrganizationDraft) -> dict[str, Any]:
        try:
            kind = OrganizationKind(d.kind).value
        except ValueError:
            names = ", ".join(k.value for k in OrganizationKind)
            raise ValidationError(f"Unknown organisation kind {d.kind!r}; use one of {names}."
                                  ) from None
        for value, what in ((d.dues_per_year, "dues"), (d.hours_per_month, "hours")):
            if value is not None and value < 0:
                raise ValidationError(f"The {what} cannot be negative.")
        if d.hours_per_month is not None and d.hours_per_month > 744:
            raise ValidationError("A month has at most 744 hours.")
        if d.last_attended_on is not None and d.last_attended_on > self._today():
            raise ValidationError("The last attendance cannot be in the future.")
        cadence = clean_name(d.meeting_cadence, "meeting cadence", 100, required=False)
        if cadence and cadence_days(cadence) is None and len(cadence) < 3:
            raise ValidationError(f"“{cadence}” is not a meeting cadence (e.g. weekly).")
        professions = ", ".join(p.strip() for p in d.professions.split(",") if p.strip())
        return {"name": clean_name(d.name, "organisation's name"), "kind": kind,
                "meeting_cadence": cadence, "dues_per_year": d.dues_per_year,
                "hours_per_month": d.hours_per_month, "professions": professions,
                "notes": d.notes.strip(), "last_attended_on": d.last_attended_on}
