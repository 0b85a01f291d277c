"""The referral ledger: referrals and promotions given and received (plan section II.11)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wombat_desktop.core.activity_views import LedgerBalance, ReferralView
from wombat_desktop.core.errors import ValidationError
from wombat_desktop.core.model import ReferralDirection, ReferralKind, ReferralStatus
from wombat_desktop.services.interactions import check_text
from wombat_desktop.storage import activity_store as store
from wombat_desktop.storage.database import Database


@dataclass(frozen=True, slots=True)
class ReferralDraft:
    """A referral or promotion as the user types it.

    ``contact_id`` is the other party: who got the business from the user (given) or who
    sent it (received). ``for_contact_id``/``for_name`` is the prospect, when known.
    ``value`` is closed-business value (private: never printed in kits).
    """

    direction: str
    contact_id: int
    occurred_on: dt.date | None = None
    kind: str = ReferralKind.REFERRAL.value
    for_contact_id: int | None = None
    for_name: str = ""
    organization_id: int | None = None
    status: str = ReferralStatus.GIVEN.value
    temperature: int = 3
    value: float | None = None
    notes: str = ""


def _enum(enum: Any, value: str, what: str) -> str:
    try:
        return str(enum(value).value)
    except ValueError:
        names = ", ".join(e.value for e in enum)
        raise ValidationError(f"Unknown {what} {value!r}; use one of {names}.") from None


class ReferralService:
    """Record and track referrals; keeps the contact list's given/received figures current."""

    def __init__(self, db: Database, today: Callable[[], dt.date] = dt.date.today) -> None:
        self._db = db
        self._today = today

    def _values(self, d: ReferralDraft) -> dict[str, Any]:
        today = self._today()
        on = d.occurred_on or today
        if on > today:
            raise ValidationError(f"A referral cannot be dated in the future ({on:%Y-%m-%d}).")
        if not 1 <= d.temperature <= 5:
            raise ValidationError("Temperature runs from 1 (cold) to 5 (hot).")
        if d.value is not None and d.value < 0:
            raise ValidationError("Closed-business value cannot be negative.")
        if d.for_contact_id is not None and d.for_contact_id == d.contact_id:
            raise ValidationError("A referral's prospect must be someone else than its contact.")
        return {
            "direction": _enum(ReferralDirection, d.direction, "direction"),
            "kind": _enum(ReferralKind, d.kind, "kind"),
            "contact_id": d.contact_id, "for_contact_id": d.for_contact_id,
            "for_name": d.for_name.strip()[:300], "organization_id": d.organization_id,
            "occurred_on": on, "status": _enum(ReferralStatus, d.status, "status"),
            "temperature": d.temperature, "value": d.value,
            "notes": check_text(d.notes, "The notes"),
        }

    def _check_refs(self, session: Any, values: dict[str, Any]) -> None:
        store.live_contact_name(session, values["contact_id"])
        if values["for_contact_id"] is not None:
            store.live_contact_name(session, values["for_contact_id"])
        if values["organization_id"] is not None:
            store.organization_name(session, values["organization_id"])

    def record(self, draft: ReferralDraft) -> ReferralView:
        """Add a ledger record.

        Raises:
            ValidationError: bad direction/kind/status, a future date, temperature outside
                1-5, a negative value, or the contact as its own prospect.
            NotFoundError: a contact is missing, in the trash or merged away; an unknown
                organisation.
        """
        values = self._values(draft)
        with self._db.unit_of_work() as uow:
            self._check_refs(uow.session, values)
            new_id = store.add_referral(uow.session, values)
            view = store.referral(uow.session, new_id)
            uow.commit()
        return view

    def update(self, referral_id: int, draft: ReferralDraft) -> ReferralView:
        """Replace a record with the draft's values."""
        values = self._values(draft)
        with self._db.unit_of_work() as uow:
            self._check_refs(uow.session, values)
            store.update_referral(uow.session, referral_id, **values)
            view = store.referral(uow.session, referral_id)
            uow.commit()
        return view

    def set_status(self, referral_id: int, status: str, value: float | None = None
                   ) -> ReferralView:
        """Move a referral along given -> contacted -> met -> closed, or to lost.

        A closed or lost referral can be reopened by setting an earlier status (a fix-up);
        ``value`` records the closed business.
        """
        new = ReferralStatus(_enum(ReferralStatus, status, "status"))
        if value is not None and value < 0:
            raise ValidationError("Closed-business value cannot be negative.")
        values: dict[str, Any] = {"status": new.value}
        if value is not None:
            values["value"] = value
        with self._db.unit_of_work() as uow:
            store.update_referral(uow.session, referral_id, **values)
            view = store.referral(uow.session, referral_id)
            uow.commit()
        return view

    def delete(self, referral_id: int) -> ReferralView:
        """Delete a record; returns it so that undo can record it again."""
        with self._db.unit_of_work() as uow:
            view = store.delete_referral(uow.session, referral_id)
            uow.commit()
        return view

    # --- reading ----------------------------------------------------------------------

    def ledger(self, contact_id: int | None = None,
               organization_id: int | None = None) -> list[ReferralView]:
        """Ledger records, newest first (of one contact, either side, or one organisation)."""
        with self._db.unit_of_work() as uow:
            return store.referrals(uow.session, contact_id, organization_id)

    def balances(self, contact_ids: list[int] | None = None) -> list[LedgerBalance]:
        """Given vs received per contact, most active first."""
        with self._db.unit_of_work() as uow:
            return store.balances_by_contact(uow.session, contact_ids)

    def balance(self, contact_id: int) -> LedgerBalance:
        """Given vs received for one contact (zeros when there is nothing yet)."""
        with self._db.unit_of_work() as uow:
            found = store.balances_by_contact(uow.session, [contact_id])
            name = found[0].name if found else store.live_contact_name(uow.session, contact_id)
        return found[0] if found else LedgerBalance(contact_id, name, 0, 0, 0.0, 0.0)

    def organization_balances(self) -> list[LedgerBalance]:
        """Given vs received per organisation."""
        with self._db.unit_of_work() as uow:
            return store.balances_by_organization(uow.session)
