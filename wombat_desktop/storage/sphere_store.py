"""Spheres, their seats and the contacts in them; portable SQL, a few queries per read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy import delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from wombat_desktop.core.errors import NotFoundError
from wombat_desktop.core.model import Tie
from wombat_desktop.core.spheres import (
    Recruiter,
    SeatMember,
    SeatView,
    SphereTemplate,
    SphereView,
    keywords,
)
from wombat_desktop.core.views import ContactListItem
from wombat_desktop.storage import contact_reads
from wombat_desktop.storage.contact_filters import live
from wombat_desktop.storage.orm import (
    ContactRow,
    MembershipRow,
    OrganizationRow,
    SphereRow,
    SphereSeatMemberRow,
    SphereSeatRow,
)
from wombat_desktop.storage.orm_base import utc_now

CHUNK = 900  # ids per IN list, well under every database's parameter limit



def items_for(session: Session, today: dt.date, ids: Iterable[int]) -> dict[int, ContactListItem]:
    """Live contacts' list rows (tie included) for the given ids, in chunks."""
    ids = sorted(set(ids))
    out: dict[int, ContactListItem] = {}
    for start in range(0, len(ids), CHUNK):
        for item in contact_reads.list_items(session, today, ids[start : start + CHUNK]):
            out[item.id] = item
    return out


def list_spheres(session: Session, today: dt.date, *, templates: bool = False,
                 sphere_id: int | None = None) -> list[SphereView]:
    """The user's spheres (or the templates), own sphere first, seats in order."""
    stmt = select(SphereRow).where(SphereRow.is_template.is_(templates))
    if sphere_id is not None:
        stmt = select(SphereRow).where(SphereRow.id == sphere_id)
    rows = session.execute(stmt.order_by(SphereRow.is_mine.desc(), SphereRow.id)).scalars().all()
    if not rows:
        return []
    sphere_ids = [r.id for r in rows]
    seats: dict[int, list[tuple[int, str, int]]] = {}
    for sid, seat_id, prof, pos in session.execute(
            select(SphereSeatRow.sphere_id, SphereSeatRow.id, SphereSeatRow.profession,
                   SphereSeatRow.position).where(SphereSeatRow.sphere_id.in_(sphere_ids))
            .order_by(SphereSeatRow.position, SphereSeatRow.id)):
        seats.setdefault(sid, []).append((seat_id, prof, pos))
    seat_ids = [s[0] for v in seats.values() for s in v]
    members: dict[int, list[int]] = {}
    for start in range(0, len(seat_ids), CHUNK):
        for seat_id, cid in session.execute(
                select(SphereSeatMemberRow.seat_id, SphereSeatMemberRow.contact_id)
                .where(SphereSeatMemberRow.seat_id.in_(seat_ids[start : start + CHUNK]))):
            members.setdefault(seat_id, []).append(cid)
    items = items_for(session, today, (c for v in members.values() for c in v))

    def seat_members(seat_id: int) -> tuple[SeatMember, ...]:
        found = [items[c] for c in members.get(seat_id, []) if c in items]
        found.sort(key=lambda i: (i.tie is not Tie.STRONG, i.sort_name))
        return tuple(SeatMember(i.id, i.name, i.tie) for i in found)

    return [SphereView(r.id, r.name, r.profession, r.is_template, r.is_mine, r.notes,
                       tuple(SeatView(seat_id, prof, pos, seat_members(seat_id))
                             for seat_id, prof, pos in seats.get(r.id, [])))
            for r in rows]


def recruiters(session: Session) -> list[Recruiter]:
    """The organisations the user belongs to, with the professions among their members."""
    mine = select(MembershipRow.organization_id).where(MembershipRow.contact_id.is_(None))
    return [Recruiter(oid, name, profs) for oid, name, profs in session.execute(
        select(OrganizationRow.id, OrganizationRow.name, OrganizationRow.professions)
        .where(OrganizationRow.id.in_(mine)).order_by(OrganizationRow.name))]


def sphere_exists(session: Session, sphere_id: int) -> SphereRow:
    row = session.get(SphereRow, sphere_id)
    if row is None:
        raise NotFoundError(f"Sphere {sphere_id} no longer exists.")
    return row


def seat_row(session: Session, seat_id: int) -> SphereSeatRow:
    row = session.get(SphereSeatRow, seat_id)
    if row is None:
        raise NotFoundError(f"Seat {seat_id} no longer exists.")
    return row


def create_sphere(session: Session, name: str, profession: str, seats: Sequence[str], *,
                  is_mine: bool = False, is_template: bool = False, notes: str = "") -> int:
    if is_mine:
        session.execute(update(SphereRow).values(is_mine=False))
    now = utc_now()
    sphere_id = int(session.execute(insert(SphereRow).values(
        name=name, profession=profession, is_mine=is_mine, is_template=is_template,
        notes=notes, created_at=now, updated_at=now).returning(SphereRow.id)).scalar_one())
    if seats:
        session.execute(insert(SphereSeatRow), [
            {"sphere_id": sphere_id, "profession": p, "position": n}
            for n, p in enumerate(seats)])
    return sphere_id


def update_sphere(session: Session, sphere_id: int, name: str, profession: str, notes: str,
                  is_mine: bool) -> None:
    sphere_exists(session, sphere_id)
    if is_mine:
        session.execute(update(SphereRow).where(SphereRow.id != sphere_id).values(is_mine=False))
    session.execute(update(SphereRow).where(SphereRow.id == sphere_id).values(
        name=name, profession=profession, notes=notes, is_mine=is_mine, updated_at=utc_now()))


def delete_sphere(session: Session, sphere_id: int) -> None:
    sphere_exists(session, sphere_id)
    seat_ids = select(SphereSeatRow.id).where(SphereSeatRow.sphere_id == sphere_id)
    session.execute(delete(SphereSeatMemberRow).where(SphereSeatMemberRow.seat_id.in_(seat_ids)))
    session.execute(delete(SphereSeatRow).where(SphereSeatRow.sphere_id == sphere_id))
    session.execute(delete(SphereRow).where(SphereRow.id == sphere_id))


def add_seat(session: Session, sphere_id: int, profession: str) -> int:
    sphere_exists(session, sphere_id)
    last = session.execute(select(func.max(SphereSeatRow.position))
                           .where(SphereSeatRow.sphere_id == sphere_id)).scalar()
    return int(session.execute(insert(SphereSeatRow).values(
        sphere_id=sphere_id, profession=profession, position=0 if last is None else last + 1,
    ).returning(SphereSeatRow.id)).scalar_one())


def rename_seat(session: Session, seat_id: int, profession: str) -> None:
    seat_row(session, seat_id)
    session.execute(update(SphereSeatRow).where(SphereSeatRow.id == seat_id)
                    .values(profession=profession))


def remove_seat(session: Session, seat_id: int) -> None:
    seat_row(session, seat_id)
    session.execute(delete(SphereSeatMemberRow).where(SphereSeatMemberRow.seat_id == seat_id))
    session.execute(delete(SphereSeatRow).where(SphereSeatRow.id == seat_id))


def set_members(session: Session, seat_id: int, contact_ids: Sequence[int]) -> None:
    seat_row(session, seat_id)
    session.execute(delete(SphereSeatMemberRow).where(SphereSeatMemberRow.seat_id == seat_id))
    ids = list(dict.fromkeys(contact_ids))
    if ids:
        session.execute(insert(SphereSeatMemberRow),
                        [{"seat_id": seat_id, "contact_id": c} for c in ids])


def seat_member_ids(session: Session, seat_id: int) -> list[int]:
    return list(session.execute(select(SphereSeatMemberRow.contact_id)
                                .where(SphereSeatMemberRow.seat_id == seat_id)).scalars())


def ensure_templates(session: Session, templates: Sequence[SphereTemplate]) -> int:
    """Insert the built-in templates missing by name (edited ones stay); returns how many."""
    have = set(session.execute(select(SphereRow.name).where(SphereRow.is_template.is_(True)))
               .scalars())
    added = 0
    for t in templates:
        if t.name not in have:
            create_sphere(session, t.name, t.profession, t.seats, is_template=True)
            added += 1
    return added


def candidates(session: Session, today: dt.date, profession: str,
               limit: int = 20) -> list[ContactListItem]:
    """Contacts whose title or company names the profession, strong ones first."""
    words = [k for k in keywords(profession) if len(k) >= 3][:8]
    if not words:
        return []
    conds = [func.lower(col).like(f"%{w}%") for w in words
             for col in (ContactRow.title, ContactRow.organization)]
    ids = session.execute(select(ContactRow.id)
                          .where(live(), or_(*conds))
                          .limit(limit * 10)).scalars().all()
    items = list(items_for(session, today, ids).values())
    items.sort(key=lambda i: (i.tie is not Tie.STRONG, -i.referrals_received, i.sort_name))
    return items[:limit]
