"""Whole-plan figures in bulk: tie totals, reciprocity, hub links, matrix snapshots.

Each function is one or two aggregate queries, so the matrix and the hub stay fast at
50,000 contacts. Portable SQL only.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import and_, case, func, insert, select
from sqlalchemy.orm import Session

from wombat_desktop.core.hub import Link
from wombat_desktop.core.model import ReferralDirection, Tie
from wombat_desktop.storage import contact_reads
from wombat_desktop.storage.contact_filters import live
from wombat_desktop.storage.orm import (
    ContactRow,
    MatrixSnapshotRow,
    ReferralRow,
    SphereRow,
    SphereSeatMemberRow,
    SphereSeatRow,
)

CHUNK = 900


def self_contact_id(session: Session) -> int | None:
    return session.execute(select(ContactRow.id).where(
        ContactRow.is_self.is_(True), ContactRow.deleted_at.is_(None))
        .order_by(ContactRow.id).limit(1)).scalar()


def tie_totals(session: Session, today: dt.date) -> tuple[int, int]:
    """(strong, weak) over the live network, by the same rule the contact list uses."""
    strong = weak = 0
    for item in contact_reads.list_items(session, today):
        if item.tie is Tie.STRONG:
            strong += 1
        else:
            weak += 1
    return strong, weak


def reciprocity(session: Session) -> tuple[int, int]:
    """(contacts the user referred business to, of those how many sent some back)."""
    given = ContactRow.referrals_given > 0
    row = session.execute(select(
        func.sum(case((given, 1), else_=0)),
        func.sum(case((and_(given, ContactRow.referrals_received > 0), 1), else_=0)),
    ).where(live())).one()
    return int(row[0] or 0), int(row[1] or 0)


def hub_links(session: Session, self_id: int | None) -> list[Link]:
    """Routed referrals (given, with a known prospect) and recorded introductions."""
    links = [Link(a, b, "referral", True) for a, b in session.execute(
        select(ReferralRow.contact_id, ReferralRow.for_contact_id).where(
            ReferralRow.direction == ReferralDirection.GIVEN.value,
            ReferralRow.for_contact_id.is_not(None),
            ReferralRow.for_contact_id != ReferralRow.contact_id))]
    for cid, by in session.execute(select(ContactRow.id, ContactRow.introduced_by_id).where(
            ContactRow.introduced_by_id.is_not(None), live())):
        mine = by == self_id
        links.append(Link(0 if mine else by, cid, "introduction", mine))
    return links


def names(session: Session, ids: Iterable[int]) -> dict[int, str]:
    ids = sorted(set(ids))
    out: dict[int, str] = {}
    for start in range(0, len(ids), CHUNK):
        out.update(session.execute(select(ContactRow.id, ContactRow.display_name).where(
            ContactRow.id.in_(ids[start : start + CHUNK]))).all())
    return out


def spheres_of_contacts(session: Session) -> tuple[dict[int, list[str]], int]:
    """contact id -> names of the user's spheres they sit in; and how many spheres there are."""
    out: dict[int, list[str]] = {}
    for cid, name in session.execute(
            select(SphereSeatMemberRow.contact_id, SphereRow.name)
            .join(SphereSeatRow, SphereSeatRow.id == SphereSeatMemberRow.seat_id)
            .join(SphereRow, SphereRow.id == SphereSeatRow.sphere_id)
            .where(SphereRow.is_template.is_(False))
            .order_by(SphereRow.is_mine.desc(), SphereRow.id)):
        spheres = out.setdefault(cid, [])
        if name not in spheres:
            spheres.append(name)
    total = session.execute(select(func.count()).select_from(SphereRow)
                            .where(SphereRow.is_template.is_(False))).scalar_one()
    return out, int(total)


def save_snapshot(session: Session, taken_at: dt.datetime, network: float, message: float,
                  stage: str, details: dict[str, Any]) -> int:
    return int(session.execute(insert(MatrixSnapshotRow).values(
        taken_at=taken_at, network_strength=network, message_readiness=message, stage=stage,
        details=json.dumps(details, sort_keys=True, default=str))
        .returning(MatrixSnapshotRow.id)).scalar_one())


def snapshots(session: Session) -> list[tuple[int, dt.datetime, float, float, str]]:
    return [tuple(r) for r in session.execute(select(  # type: ignore[misc]
        MatrixSnapshotRow.id, MatrixSnapshotRow.taken_at, MatrixSnapshotRow.network_strength,
        MatrixSnapshotRow.message_readiness, MatrixSnapshotRow.stage)
        .order_by(MatrixSnapshotRow.taken_at, MatrixSnapshotRow.id))]
