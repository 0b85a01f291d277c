"""Interactions and the referral ledger: CRUD and the bulk reads behind the lunch lists.

Every write calls `refresh_stats` for the contacts it touched, so the contact list's stored
figures (and its tie rule) stay in step with the ledger. Portable SQL only; flush, never
commit.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import and_, case, delete, func, insert, select, update
from sqlalchemy.orm import Session, aliased

from wombat_desktop.core.activity_views import InteractionView, LedgerBalance, ReferralView
from wombat_desktop.core.errors import NotFoundError
from wombat_desktop.core.followups import ReferralFact
from wombat_desktop.storage.contact_stats import refresh_stats
from wombat_desktop.storage.orm import (
    ContactRow,
    InteractionRow,
    OrganizationRow,
    ReferralRow,
)
from wombat_desktop.storage.orm_base import utc_now


def live_contact_name(session: Session, contact_id: int) -> str:
    """The contact's name, or a `NotFoundError` saying why it cannot be used."""
    row = session.execute(
        select(ContactRow.display_name, ContactRow.deleted_at, ContactRow.merged_into_id)
        .where(ContactRow.id == contact_id)
    ).first()
    if row is None:
        raise NotFoundError(f"Contact {contact_id} does not exist.")
    name, deleted_at, merged_into = row
    if deleted_at is not None:
        raise NotFoundError(f"{name or 'This contact'} is in the trash; restore them first.")
    if merged_into is not None:
        raise NotFoundError(f"{name or 'This contact'} was merged into contact {merged_into}.")
    return str(name)


def organization_name(session: Session, organization_id: int) -> str:
    name = session.execute(
        select(OrganizationRow.name).where(OrganizationRow.id == organization_id)
    ).scalar()
    if name is None:
        raise NotFoundError(f"Organisation {organization_id} does not exist.")
    return str(name)


# --- interactions ---------------------------------------------------------------------------


def _interaction_stmt() -> Any:
    return (select(InteractionRow.id, InteractionRow.contact_id, ContactRow.display_name,
                   InteractionRow.kind, InteractionRow.occurred_on, InteractionRow.summary)
            .join(ContactRow, ContactRow.id == InteractionRow.contact_id))


def interactions(session: Session, contact_id: int | None = None, limit: int | None = None
                 ) -> list[InteractionView]:
    """Interactions, newest first (of one contact, or of everyone)."""
    stmt = _interaction_stmt().order_by(InteractionRow.occurred_on.desc(),
                                        InteractionRow.id.desc())
    if contact_id is not None:
        stmt = stmt.where(InteractionRow.contact_id == contact_id)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [InteractionView(*row) for row in session.execute(stmt)]


def interaction(session: Session, interaction_id: int) -> InteractionView:
    row = session.execute(_interaction_stmt().where(InteractionRow.id == interaction_id)).first()
    if row is None:
        raise NotFoundError(f"Interaction {interaction_id} no longer exists.")
    return InteractionView(*row)


def add_interaction(session: Session, contact_id: int, kind: str, on: dt.date,
                    summary: str, event_id: int | None = None) -> int:
    """Log one interaction (tied to an event when ``event_id`` is given)."""
    now = utc_now()
    new_id = session.execute(insert(InteractionRow).returning(InteractionRow.id).values(
        contact_id=contact_id, kind=kind, occurred_on=on, summary=summary, event_id=event_id,
        created_at=now, updated_at=now)).scalar_one()
    refresh_stats(session, [contact_id])
    return int(new_id)


def update_interaction(session: Session, interaction_id: int, **values: Any) -> None:
    view = interaction(session, interaction_id)
    session.execute(update(InteractionRow).where(InteractionRow.id == interaction_id)
                    .values(updated_at=utc_now(), **values))
    refresh_stats(session, [view.contact_id])


def delete_interaction(session: Session, interaction_id: int) -> InteractionView:
    view = interaction(session, interaction_id)
    session.execute(delete(InteractionRow).where(InteractionRow.id == interaction_id))
    refresh_stats(session, [view.contact_id])
    return view


def delete_logged(session: Session, contact_id: int, kind: str, on: dt.date,
                  summary_start: str) -> int | None:
    """Delete the newest interaction of that kind and day whose summary starts so
    (undo of a held lunch); returns its id, or None when the user already removed it."""
    rows = session.execute(
        select(InteractionRow.id, InteractionRow.summary)
        .where(InteractionRow.contact_id == contact_id, InteractionRow.kind == kind,
               InteractionRow.occurred_on == on)
        .order_by(InteractionRow.id.desc())).all()
    found = next((int(i) for i, text in rows if str(text).startswith(summary_start)), None)
    if found is not None:
        delete_interaction(session, found)
    return found


# --- referrals ------------------------------------------------------------------------------


def _referral_stmt() -> Any:
    prospect = aliased(ContactRow)
    return (
        select(ReferralRow.id, ReferralRow.direction, ReferralRow.kind, ReferralRow.contact_id,
               ContactRow.display_name, ReferralRow.for_contact_id,
               func.coalesce(prospect.display_name, ReferralRow.for_name),
               ReferralRow.organization_id, func.coalesce(OrganizationRow.name, ""),
               ReferralRow.occurred_on, ReferralRow.status, ReferralRow.temperature,
               ReferralRow.value, ReferralRow.notes)
        .join(ContactRow, ContactRow.id == ReferralRow.contact_id)
        .outerjoin(prospect, prospect.id == ReferralRow.for_contact_id)
        .outerjoin(OrganizationRow, OrganizationRow.id == ReferralRow.organization_id)
    )


def referrals(session: Session, contact_id: int | None = None,
              organization_id: int | None = None) -> list[ReferralView]:
    """Ledger records, newest first; of one contact (either side) or one organisation."""
    stmt = _referral_stmt().order_by(ReferralRow.occurred_on.desc(), ReferralRow.id.desc())
    if contact_id is not None:
        stmt = stmt.where((ReferralRow.contact_id == contact_id)
                          | (ReferralRow.for_contact_id == contact_id))
    if organization_id is not None:
        stmt = stmt.where(ReferralRow.organization_id == organization_id)
    return [ReferralView(*row) for row in session.execute(stmt)]


def referral(session: Session, referral_id: int) -> ReferralView:
    row = session.execute(_referral_stmt().where(ReferralRow.id == referral_id)).first()
    if row is None:
        raise NotFoundError(f"Referral {referral_id} no longer exists.")
    return ReferralView(*row)


def add_referral(session: Session, values: dict[str, Any]) -> int:
    now = utc_now()
    new_id = session.execute(insert(ReferralRow).returning(ReferralRow.id).values(
        created_at=now, updated_at=now, **values)).scalar_one()
    refresh_stats(session, [values["contact_id"]])
    return int(new_id)


def update_referral(session: Session, referral_id: int, **values: Any) -> None:
    before = referral(session, referral_id)
    session.execute(update(ReferralRow).where(ReferralRow.id == referral_id)
                    .values(updated_at=utc_now(), **values))
    refresh_stats(session, {before.contact_id, values.get("contact_id", before.contact_id)})


def delete_referral(session: Session, referral_id: int) -> ReferralView:
    view = referral(session, referral_id)
    session.execute(delete(ReferralRow).where(ReferralRow.id == referral_id))
    refresh_stats(session, [view.contact_id])
    return view


def referral_facts(session: Session) -> list[ReferralFact]:
    """Every ledger record, lightly (a few thousand at 50k contacts), for the nurture rule."""
    prospect = aliased(ContactRow)
    stmt = (select(ReferralRow.contact_id, ReferralRow.direction, ReferralRow.kind,
                   ReferralRow.occurred_on,
                   func.coalesce(prospect.display_name, ReferralRow.for_name))
            .outerjoin(prospect, prospect.id == ReferralRow.for_contact_id))
    return [ReferralFact(*row) for row in session.connection().execute(stmt)]


def merged_map(session: Session) -> dict[int, int]:
    """merged contact id -> the contact it was merged into."""
    stmt = select(ContactRow.id, ContactRow.merged_into_id).where(
        ContactRow.merged_into_id.is_not(None))
    return {cid: int(into) for cid, into in session.connection().execute(stmt)}


def _balance_columns() -> tuple[Any, ...]:
    given = ReferralRow.direction == "given"
    received = ReferralRow.direction == "received"
    closed = ReferralRow.status == "closed"
    return (
        func.sum(case((given, 1), else_=0)), func.sum(case((received, 1), else_=0)),
        func.sum(case((and_(given, closed), func.coalesce(ReferralRow.value, 0.0)), else_=0.0)),
        func.sum(case((and_(received, closed), func.coalesce(ReferralRow.value, 0.0)),
                      else_=0.0)),
    )


def balances_by_contact(session: Session, contact_ids: list[int] | None = None
                        ) -> list[LedgerBalance]:
    """Given vs received per contact (and closed value), most active first."""
    stmt = (select(ReferralRow.contact_id, ContactRow.display_name, *_balance_columns())
            .join(ContactRow, ContactRow.id == ReferralRow.contact_id)
            .group_by(ReferralRow.contact_id, ContactRow.display_name))
    if contact_ids is not None:
        stmt = stmt.where(ReferralRow.contact_id.in_(contact_ids))
    rows = [LedgerBalance(cid, name, int(g), int(r), float(gv), float(rv))
            for cid, name, g, r, gv, rv in session.execute(stmt)]
    rows.sort(key=lambda b: (-(b.given + b.received), b.name))
    return rows


def balances_by_organization(session: Session) -> list[LedgerBalance]:
    """Given vs received per organisation the referrals came through."""
    stmt = (select(OrganizationRow.id, OrganizationRow.name, *_balance_columns())
            .join(OrganizationRow, OrganizationRow.id == ReferralRow.organization_id)
            .group_by(OrganizationRow.id, OrganizationRow.name))
    rows = [LedgerBalance(oid, name, int(g), int(r), float(gv), float(rv))
            for oid, name, g, r, gv, rv in session.execute(stmt)]
    rows.sort(key=lambda b: (-(b.given + b.received), b.name))
    return rows
