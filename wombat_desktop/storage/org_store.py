"""Organisations, memberships and what each organisation returned; portable SQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import case, delete, func, insert, select, update
from sqlalchemy.orm import Session

from wombat_desktop.core.errors import NotFoundError
from wombat_desktop.core.message_views import MembershipView
from wombat_desktop.core.model import ReferralDirection, ReferralStatus
from wombat_desktop.core.portfolio import OrganizationFacts
from wombat_desktop.storage.orm import MembershipRow, OrganizationRow, ReferralRow
from wombat_desktop.storage.orm_base import utc_now

RECEIVED = ReferralDirection.RECEIVED.value



def org_row(session: Session, organization_id: int) -> OrganizationRow:
    row = session.get(OrganizationRow, organization_id)
    if row is None:
        raise NotFoundError(f"Organisation {organization_id} no longer exists.")
    return row


def facts(session: Session) -> list[OrganizationFacts]:
    """Every organisation with the user's membership, member count and referral returns."""
    mine = {oid: (role, pos) for oid, role, pos in session.execute(
        select(MembershipRow.organization_id, MembershipRow.role,
               MembershipRow.visibility_positions).where(MembershipRow.contact_id.is_(None)))}
    members = dict(session.execute(
        select(MembershipRow.organization_id, func.count(func.distinct(MembershipRow.contact_id)))
        .where(MembershipRow.contact_id.is_not(None)).group_by(MembershipRow.organization_id)
    ).all())
    closed = ReferralRow.status == ReferralStatus.CLOSED.value
    tagged = {oid: (n, c or 0, v or 0.0) for oid, n, c, v in session.execute(
        select(ReferralRow.organization_id, func.count(),
               func.sum(case((closed, 1), else_=0)),
               func.sum(case((closed, func.coalesce(ReferralRow.value, 0.0)), else_=0.0)))
        .where(ReferralRow.direction == RECEIVED, ReferralRow.organization_id.is_not(None))
        .group_by(ReferralRow.organization_id))}
    from_members = dict(session.execute(
        select(MembershipRow.organization_id, func.count(func.distinct(ReferralRow.id)))
        .join(ReferralRow, ReferralRow.contact_id == MembershipRow.contact_id)
        .where(ReferralRow.direction == RECEIVED, ReferralRow.organization_id.is_(None))
        .group_by(MembershipRow.organization_id)).all())
    out = []
    for r in session.execute(select(OrganizationRow).order_by(OrganizationRow.name)).scalars():
        role, positions = mine.get(r.id, ("", ""))
        n, c, v = tagged.get(r.id, (0, 0, 0.0))
        out.append(OrganizationFacts(
            r.id, r.name, r.kind, r.meeting_cadence, r.dues_per_year, r.hours_per_month,
            r.professions, r.notes, r.last_attended_on, r.id in mine, role, positions,
            members.get(r.id, 0), n, int(c), float(v), from_members.get(r.id, 0)))
    return out


def create(session: Session, values: dict[str, Any]) -> int:
    now = utc_now()
    return int(session.execute(insert(OrganizationRow).values(
        created_at=now, updated_at=now, **values).returning(OrganizationRow.id)).scalar_one())


def update_values(session: Session, organization_id: int, values: dict[str, Any]) -> None:
    org_row(session, organization_id)
    session.execute(update(OrganizationRow).where(OrganizationRow.id == organization_id)
                    .values(updated_at=utc_now(), **values))


def delete_org(session: Session, organization_id: int) -> None:
    org_row(session, organization_id)
    session.execute(delete(MembershipRow).where(MembershipRow.organization_id == organization_id))
    session.execute(update(ReferralRow).where(ReferralRow.organization_id == organization_id)
                    .values(organization_id=None))
    session.execute(delete(OrganizationRow).where(OrganizationRow.id == organization_id))


def set_my_membership(session: Session, organization_id: int, role: str, positions: str,
                      since: dt.date | None) -> int:
    """Join (or update the user's membership of) an organisation; returns the membership id."""
    org_row(session, organization_id)
    current = session.execute(select(MembershipRow.id).where(
        MembershipRow.organization_id == organization_id, MembershipRow.contact_id.is_(None))
    ).scalar()
    values = {"role": role, "visibility_positions": positions, "since": since,
              "updated_at": utc_now()}
    if current is not None:
        session.execute(update(MembershipRow).where(MembershipRow.id == current).values(**values))
        return int(current)
    return int(session.execute(insert(MembershipRow).values(
        organization_id=organization_id, contact_id=None, created_at=utc_now(), **values)
        .returning(MembershipRow.id)).scalar_one())


def leave(session: Session, organization_id: int) -> None:
    org_row(session, organization_id)
    session.execute(delete(MembershipRow).where(
        MembershipRow.organization_id == organization_id, MembershipRow.contact_id.is_(None)))


def my_memberships(session: Session) -> list[MembershipView]:
    """The user's memberships (II.8), by organisation name."""
    return [MembershipView(mid, oid, name, kind, role, positions, since)
            for mid, oid, name, kind, role, positions, since in session.execute(
                select(MembershipRow.id, OrganizationRow.id, OrganizationRow.name,
                       OrganizationRow.kind, MembershipRow.role,
                       MembershipRow.visibility_positions, MembershipRow.since)
                .join(OrganizationRow, OrganizationRow.id == MembershipRow.organization_id)
                .where(MembershipRow.contact_id.is_(None)).order_by(OrganizationRow.name))]
