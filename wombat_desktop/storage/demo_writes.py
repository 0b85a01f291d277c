"""Writing a generated demo network: Core bulk inserts, and clearing plan data before a refill.

Only portable SQL (plain INSERT … RETURNING, UPDATE, DELETE), so PostgreSQL works the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from wombat_desktop.core.demo_model import DemoNetwork
from wombat_desktop.storage.contact_stats import refresh_stats
from wombat_desktop.storage.contact_writes import CHUNK, ContactWriter
from wombat_desktop.storage.orm import (
    AttachmentRow,
    ChecklistItemRow,
    ClippingRow,
    CompanyRow,
    ContactAddressRow,
    ContactEmailRow,
    ContactExtraRow,
    ContactPhoneRow,
    ContactPhotoRow,
    ContactRow,
    ContactSourceRow,
    ContactTagRow,
    ContactUidRow,
    ContactUrlRow,
    EventAttendeeRow,
    EventRow,
    FollowUpRow,
    ImportBatchRow,
    IncentiveProgramRow,
    InteractionRow,
    IntroScriptRow,
    MatrixSnapshotRow,
    MembershipRow,
    MemoryHookRow,
    MemoryHookUseRow,
    NotDuplicateRow,
    OrganizationRow,
    PressTopicRow,
    ProfileRow,
    ReferralRow,
    SphereRow,
    SphereSeatMemberRow,
    SphereSeatRow,
    TagRow,
)
from wombat_desktop.storage.orm_base import utc_now

Step = Callable[[str], None]  # called after each step with a label (progress and cancel)

# Children first, so that no delete has to cascade row by row.
_PLAN_TABLES: list[Any] = [
    EventAttendeeRow, MemoryHookUseRow, InteractionRow, ReferralRow, FollowUpRow, MembershipRow,
    SphereSeatMemberRow, EventRow, ProfileRow, IntroScriptRow, MemoryHookRow, AttachmentRow,
    ChecklistItemRow, IncentiveProgramRow, PressTopicRow, ClippingRow, MatrixSnapshotRow,
    OrganizationRow, NotDuplicateRow, ContactEmailRow, ContactPhoneRow, ContactAddressRow,
    ContactUrlRow, ContactUidRow, ContactSourceRow, ContactExtraRow, ContactPhotoRow,
    ContactTagRow,
]
_AFTER_CONTACTS: list[Any] = [TagRow, CompanyRow, ImportBatchRow]



def contact_count(session: Session) -> int:
    """Every contact row, trashed ones included."""
    return int(session.execute(select(func.count()).select_from(ContactRow)).scalar_one())


def user_records(session: Session) -> int:
    """Contacts plus the plan records a user writes (a plan without contacts counts too)."""
    total = contact_count(session)
    for table in (OrganizationRow, EventRow, MemoryHookRow, IntroScriptRow,
                  IncentiveProgramRow, PressTopicRow, ClippingRow, SphereRow):
        stmt = select(func.count()).select_from(table)
        if table is SphereRow:
            stmt = stmt.where(SphereRow.is_template.is_(False))
        total += int(session.execute(stmt).scalar_one())
    total += int(session.execute(select(func.count()).select_from(ProfileRow).where(
        ProfileRow.image_statement != "")).scalar_one())
    total += int(session.execute(select(func.count()).select_from(ChecklistItemRow).where(
        (ChecklistItemRow.have.is_(True)) | (ChecklistItemRow.notes != ""))).scalar_one())
    return total


def clear_plan_data(session: Session) -> None:
    """Delete contacts and every plan record (sphere templates and settings stay)."""
    for table in _PLAN_TABLES:
        session.execute(delete(table))
    mine = select(SphereRow.id).where(SphereRow.is_template.is_(False))
    session.execute(delete(SphereSeatRow).where(SphereSeatRow.sphere_id.in_(mine)))
    session.execute(delete(SphereRow).where(SphereRow.is_template.is_(False)))
    # Drop self-references first so that deleting contacts has nothing to set to NULL.
    session.execute(update(ContactRow).values(introduced_by_id=None, merged_into_id=None))
    session.execute(delete(ContactRow))
    for table in _AFTER_CONTACTS:
        session.execute(delete(table))


def _stamp(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    now = utc_now()
    for row in rows:
        row["created_at"] = now
        row["updated_at"] = now
    return rows


def _bulk(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    """Core executemany on the table itself (the ORM bulk path is about 3x slower)."""
    core = table.__table__
    for start in range(0, len(rows), CHUNK * 5):
        session.execute(insert(core), rows[start : start + CHUNK * 5])


def _returning(session: Session, table: Any, rows: list[dict[str, Any]]) -> list[int]:
    if not rows:
        return []
    result = session.execute(
        insert(table).returning(table.id, sort_by_parameter_order=True), rows
    )
    return [r[0] for r in result]


def write_network(session: Session, net: DemoNetwork, step: Step, *,
                  region: str = "US") -> list[int]:
    """Insert the whole network; returns the contact ids (index 0 is the user's card)."""
    existing = set(session.execute(select(CompanyRow.name)).scalars())
    _bulk(session, CompanyRow, _stamp([
        {"name": c.name, "industry": c.industry, "website": c.website, "notes": ""}
        for c in net.companies if c.name not in existing
    ]))
    writer = ContactWriter(session, region)
    drafts = [c.draft for c in net.contacts]
    extras = [{
        "relation": c.relation.value, "stage": c.stage.value,
        "opinion_leader": c.opinion_leader, "want_business": c.want_business,
        "want_refer": c.want_refer, "is_self": c.is_self,
        "tie_override": c.tie_override.value if c.tie_override else None,
        "tie_override_note": c.tie_override_note,
    } for c in net.contacts]
    ids: list[int] = []
    for start in range(0, len(drafts), CHUNK):
        ids.extend(writer.insert(drafts[start : start + CHUNK],
                                 extra_columns=extras[start : start + CHUNK]))
        step(f"Contacts {len(ids):,}/{len(drafts):,}")
    _write_plan(session, net, ids, step)
    refresh_stats(session)
    return ids


def _write_plan(session: Session, net: DemoNetwork, ids: Sequence[int], step: Step) -> None:
    org_ids = _returning(session, OrganizationRow, _stamp([
        {"name": o.name, "kind": o.kind, "meeting_cadence": o.meeting_cadence,
         "dues_per_year": o.dues_per_year, "hours_per_month": o.hours_per_month,
         "professions": o.professions, "notes": o.notes, "last_attended_on": o.last_attended_on}
        for o in net.organizations
    ]))

    def org(i: int | None) -> int | None:
        return None if i is None else org_ids[i]

    hook_ids = _returning(session, MemoryHookRow, _stamp([
        {"text": h.text, "tags": h.tags, "archived": h.archived, "version": 1}
        for h in net.hooks
    ]))
    script_ids = _returning(session, IntroScriptRow, _stamp([
        {"title": s.title, "seconds": s.seconds, "name_part": s.name_part,
         "background_part": s.background_part, "product_part": s.product_part, "text": s.text,
         "memory_hook_id": None if s.hook is None else hook_ids[s.hook]}
        for s in net.scripts
    ]))
    event_ids = _returning(session, EventRow, _stamp([
        {"name": e.name, "starts_at": e.starts_at, "place": e.place,
         "organization_id": org(e.organization), "goals": e.goals, "notes": e.notes,
         "memory_hook_id": None if e.hook is None else hook_ids[e.hook],
         "intro_script_id": None if e.script is None else script_ids[e.script]}
        for e in net.events
    ]))
    _bulk(session, EventAttendeeRow, [
        {"event_id": event_ids[n], "contact_id": ids[a.contact], "expected": a.expected,
         "met": a.met, "goal": a.goal, "notes": ""}
        for n, e in enumerate(net.events) for a in e.attendees
    ])
    _bulk(session, MemoryHookUseRow, [
        {"hook_id": hook_ids[e.hook], "event_id": event_ids[n]}
        for n, e in enumerate(net.events) if e.hook is not None
    ])
    step("Events")
    _bulk(session, InteractionRow, _stamp([
        {"contact_id": ids[a.contact], "kind": a.kind, "occurred_on": a.on,
         "summary": a.summary, "event_id": None if a.event is None else event_ids[a.event]}
        for a in net.interactions
    ]))
    step("Interactions")
    _bulk(session, ReferralRow, _stamp([
        {"direction": r.direction, "kind": r.kind, "contact_id": ids[r.contact],
         "for_contact_id": None if r.for_contact is None else ids[r.for_contact],
         "for_name": r.for_name, "organization_id": org(r.organization), "occurred_on": r.on,
         "status": r.status, "temperature": r.temperature, "value": r.value, "notes": r.notes}
        for r in net.referrals
    ]))
    step("Referrals")
    _bulk(session, MembershipRow, _stamp([
        {"organization_id": org_ids[m.organization],
         "contact_id": None if m.contact is None else ids[m.contact], "role": m.role,
         "visibility_positions": m.visibility_positions, "since": m.since}
        for m in net.memberships
    ]))
    _bulk(session, FollowUpRow, _stamp([
        {"contact_id": ids[f.contact], "list_name": f.list_name, "kind": f.kind,
         "status": f.status, "due_on": f.due_on, "starts_at": f.starts_at,
         "duration_minutes": 60, "place": f.place, "organization_id": org(f.organization),
         "reason": f.reason, "notes_before": f.notes_before, "notes_after": f.notes_after,
         "talking_points": f.talking_points, "ics_uid": ""}
        for f in net.follow_ups
    ]))
    step("Memberships and lunches")
    _write_spheres(session, net, ids)
    _write_messages(session, net, ids[0] if ids else None)
    step("Plan")


def _write_spheres(session: Session, net: DemoNetwork, ids: Sequence[int]) -> None:
    sphere_ids = _returning(session, SphereRow, _stamp([
        {"name": s.name, "profession": s.profession, "is_template": False, "is_mine": s.is_mine,
         "notes": s.notes} for s in net.spheres
    ]))
    seats = [(sphere_ids[n], pos, prof, members) for n, s in enumerate(net.spheres)
             for pos, (prof, members) in enumerate(s.seats)]
    seat_ids = _returning(session, SphereSeatRow, [
        {"sphere_id": sid, "profession": prof, "position": pos} for sid, pos, prof, _ in seats
    ])
    _bulk(session, SphereSeatMemberRow, [
        {"seat_id": seat_id, "contact_id": ids[m]}
        for seat_id, (_, _, _, members) in zip(seat_ids, seats, strict=True) for m in members
    ])


def _write_messages(session: Session, net: DemoNetwork, self_id: int | None) -> None:
    p = net.profile
    profile = {"contact_id": self_id, "profession": p.profession, "background": p.background,
               "product_intro": p.product_intro, "services": p.services,
               "image_statement": p.image_statement, "default_region": p.default_region,
               "updated_at": utc_now()}
    current = session.execute(select(ProfileRow.id).order_by(ProfileRow.id)).scalar()
    if current is None:
        session.execute(insert(ProfileRow).values(created_at=profile["updated_at"], **profile))
    else:
        session.execute(update(ProfileRow).where(ProfileRow.id == current).values(**profile))
    have = {(s, n): i for i, s, n in session.execute(
        select(ChecklistItemRow.id, ChecklistItemRow.section, ChecklistItemRow.number))}
    new = []
    for item in net.checklist:
        values = {"title": item.title, "have": item.have, "notes": item.notes,
                  "last_refreshed_on": item.last_refreshed_on, "updated_at": utc_now()}
        row_id = have.get((item.section, item.number))
        if row_id is None:
            new.append({"section": item.section, "number": item.number, **values})
        else:
            session.execute(update(ChecklistItemRow).where(ChecklistItemRow.id == row_id)
                            .values(**values))
    _bulk(session, ChecklistItemRow, _stamp(new))
    _bulk(session, IncentiveProgramRow, _stamp([
        {"target": i.target, "scheme": i.scheme, "description": i.description,
         "preparation_steps": i.preparation_steps, "is_best": i.is_best}
        for i in net.incentives
    ]))
    _bulk(session, PressTopicRow, _stamp([
        {"position": t.position, "topic": t.topic, "outlet": t.outlet, "status": t.status,
         "notes": ""} for t in net.press_topics
    ]))
    _bulk(session, ClippingRow, _stamp([
        {"title": c.title, "outlet": c.outlet, "published_on": c.published_on,
         "notes": c.notes} for c in net.clippings
    ]))

