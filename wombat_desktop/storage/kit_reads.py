"""Everything a printed kit needs, read in bulk into the plain values of `core.kits.data`.

A handful of queries per kit whatever the event's size (ids go in chunks under SQLite's
parameter limit); only portable SQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from wombat_desktop.core.kits.data import (
    Attendee,
    Call,
    ChecklistEntry,
    Clipping,
    EventInfo,
    EventListItem,
    Incentive,
    KitData,
    Me,
    Membership,
    PressTopic,
    Script,
    Sphere,
)
from wombat_desktop.core.model import ContactDraft, ReferralStatus, Tie, display_name_of
from wombat_desktop.core.vcard import write_vcards
from wombat_desktop.core.views import ContactListItem
from wombat_desktop.storage import contact_reads
from wombat_desktop.storage.contact_bulk_reads import CHUNK, load_drafts
from wombat_desktop.storage.contact_filters import live
from wombat_desktop.storage.orm import (
    ChecklistItemRow,
    ClippingRow,
    ContactRow,
    EventAttendeeRow,
    EventRow,
    FollowUpRow,
    IncentiveProgramRow,
    InteractionRow,
    IntroScriptRow,
    MatrixSnapshotRow,
    MembershipRow,
    MemoryHookRow,
    OrganizationRow,
    PressTopicRow,
    ProfileRow,
    ReferralRow,
    SphereRow,
    SphereSeatMemberRow,
    SphereSeatRow,
)

OPEN_REFERRALS = (ReferralStatus.GIVEN.value, ReferralStatus.CONTACTED.value,
                  ReferralStatus.MET.value)
OPEN_CALLS = ("to_call", "invited")


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield list(ids[start : start + CHUNK])


def list_events(session: Session) -> list[EventListItem]:
    """Every event, newest first, with attendee, met and walk-in counts."""
    counts = {eid: (n, int(met or 0), int(walk_ins or 0)) for eid, n, met, walk_ins in
              session.execute(
        select(EventAttendeeRow.event_id, func.count(),
               func.sum(case((EventAttendeeRow.met.is_(True), 1), else_=0)),
               func.sum(case((EventAttendeeRow.expected.is_(False), 1), else_=0)))
        .group_by(EventAttendeeRow.event_id))}
    orgs = dict(session.execute(select(OrganizationRow.id, OrganizationRow.name)).all())
    rows = session.execute(select(EventRow.id, EventRow.name, EventRow.starts_at, EventRow.place,
                                  EventRow.organization_id)).all()
    items = [EventListItem(eid, name, at, place, orgs.get(org, "") if org else "",
                           *counts.get(eid, (0, 0, 0))) for eid, name, at, place, org in rows]
    items.sort(key=lambda e: (e.starts_at or dt.datetime.min, e.id), reverse=True)
    return items


def profile_region(session: Session) -> str:
    """The user's region (ISO 3166, e.g. "US") from the profile; "" when there is none."""
    region = session.execute(select(ProfileRow.default_region)
                             .order_by(ProfileRow.id)).scalars().first()
    return (region or "").strip().upper()


def self_contact_id(session: Session) -> int | None:
    return session.execute(
        select(ContactRow.id).where(ContactRow.is_self.is_(True),
                                    ContactRow.deleted_at.is_(None)).order_by(ContactRow.id)
    ).scalar()


def _qr_card(d: ContactDraft) -> str:
    """The user's card for the QR code: contact fields only (no photo, note or extras)."""
    slim = ContactDraft(
        formatted_name=d.formatted_name, family_name=d.family_name, given_name=d.given_name,
        additional_names=d.additional_names, honorific_prefix=d.honorific_prefix,
        honorific_suffix=d.honorific_suffix, organization=d.organization, title=d.title,
        emails=d.emails[:2], phones=d.phones[:2], urls=d.urls[:1], addresses=d.addresses[:1])
    return write_vcards([slim], "3.0")


def load_me(session: Session) -> Me:
    """The user's card and profile (an empty card when there is none yet)."""
    profile = session.execute(select(ProfileRow).order_by(ProfileRow.id)).scalars().first()
    cid = (profile.contact_id if profile and profile.contact_id else None) or \
        self_contact_id(session)
    draft = load_drafts(session, [cid]).get(cid) if cid else None
    d = draft or ContactDraft(formatted_name="Your name")
    address = ""
    if d.addresses:
        a = d.addresses[0]
        address = ", ".join(p for p in (a.street, a.locality, a.region, a.postal_code, a.country)
                            if p)
    return Me(
        name=d.formatted_name or display_name_of("", d.given_name, d.family_name) or "Your name",
        title=d.title, company=d.organization,
        profession=profile.profession if profile else "",
        phones=tuple(p.value for p in d.phones), emails=tuple(e.value for e in d.emails),
        urls=tuple(u.value for u in d.urls), address=address,
        photo=d.photo.data if d.photo else None, vcard=_qr_card(d),
        background=profile.background if profile else "",
        product_intro=profile.product_intro if profile else "",
        services=profile.services if profile else "",
        image_statement=profile.image_statement if profile else "",
    )


def _hooks(session: Session) -> dict[int, str]:
    return dict(session.execute(select(MemoryHookRow.id, MemoryHookRow.text)
                                .where(MemoryHookRow.archived.is_(False))
                                .order_by(MemoryHookRow.id)).all())


def _scripts(session: Session, hooks: dict[int, str]) -> dict[int, Script]:
    out: dict[int, Script] = {}
    for r in session.execute(select(IntroScriptRow).order_by(IntroScriptRow.seconds,
                                                             IntroScriptRow.id)).scalars():
        hook = hooks.get(r.memory_hook_id, "") if r.memory_hook_id else ""
        text = r.text or " ".join(p for p in (r.name_part, r.background_part, hook,
                                              r.product_part) if p)
        out[r.id] = Script(r.title, r.seconds, text, r.name_part, r.background_part, hook,
                           r.product_part)
    return out


def _last_summaries(session: Session, ids: Sequence[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for chunk in _chunks(ids):
        for cid, summary in session.execute(
            select(InteractionRow.contact_id, InteractionRow.summary)
            .where(InteractionRow.contact_id.in_(chunk))
            .order_by(InteractionRow.contact_id, InteractionRow.occurred_on.desc(),
                      InteractionRow.id.desc())
        ):
            out.setdefault(cid, summary)
    return out


def _open_referrals(session: Session, ids: Sequence[int]) -> dict[int, int]:
    out: dict[int, int] = {}
    for chunk in _chunks(ids):
        out.update(session.execute(
            select(ReferralRow.contact_id, func.count())
            .where(ReferralRow.contact_id.in_(chunk), ReferralRow.status.in_(OPEN_REFERRALS))
            .group_by(ReferralRow.contact_id)).all())
    return out


def _items(session: Session, today: dt.date, ids: Sequence[int]) -> dict[int, ContactListItem]:
    out: dict[int, ContactListItem] = {}
    for chunk in _chunks(ids):
        out.update((i.id, i) for i in contact_reads.list_items(session, today, chunk))
    return out


def load_event(session: Session, today: dt.date, event_id: int, hooks: dict[int, str],
               scripts: dict[int, Script]) -> EventInfo | None:
    """One event with its attendees (tie, last interaction, open referrals), by name."""
    ev = session.get(EventRow, event_id)
    if ev is None:
        return None
    org = session.get(OrganizationRow, ev.organization_id) if ev.organization_id else None
    rows = session.execute(select(EventAttendeeRow.contact_id, EventAttendeeRow.goal,
                                  EventAttendeeRow.notes, EventAttendeeRow.met,
                                  EventAttendeeRow.expected)
                           .where(EventAttendeeRow.event_id == event_id)).all()
    ids = [r[0] for r in rows]
    items = _items(session, today, ids)
    summaries = _last_summaries(session, ids)
    referrals = _open_referrals(session, ids)
    attendees = [
        Attendee(cid, items[cid].name, items[cid].organization, items[cid].title,
                 items[cid].tie.value, items[cid].last_interaction_on,
                 items[cid].last_interaction_kind, summaries.get(cid, ""),
                 referrals.get(cid, 0), goal, notes, met, expected)
        for cid, goal, notes, met, expected in rows if cid in items
    ]
    attendees.sort(key=lambda a: (a.tie != Tie.STRONG.value, a.name.casefold()))
    return EventInfo(
        ev.id, ev.name, ev.starts_at, ev.place, org.name if org else "", ev.goals, ev.notes,
        hooks.get(ev.memory_hook_id, "") if ev.memory_hook_id else "",
        scripts.get(ev.intro_script_id) if ev.intro_script_id else None, tuple(attendees))


def load_calls(session: Session, today: dt.date, open_only: bool = True) -> list[Call]:
    """Lunch follow-ups (the open ones: to call or invited), soonest due first."""
    stmt = select(FollowUpRow)
    if open_only:
        stmt = stmt.where(FollowUpRow.status.in_(OPEN_CALLS))
    rows = list(session.execute(stmt).scalars())
    ids = sorted({r.contact_id for r in rows})
    items = _items(session, today, ids)
    summaries = _last_summaries(session, ids)
    calls = []
    for r in rows:
        item = items.get(r.contact_id)
        if item is None:
            continue
        calls.append(Call(item.name, item.organization, item.phone, item.email, r.list_name,
                          r.status, r.kind, r.due_on, r.reason, r.talking_points,
                          r.notes_before, r.place, item.last_interaction_on,
                          summaries.get(r.contact_id, ""), item.referrals_given,
                          item.referrals_received))
    calls.sort(key=lambda c: (c.due_on or dt.date.max, c.name.casefold()))
    return calls


def load_kit_data(session: Session, today: dt.date, *, event_id: int | None = None,
                  calls: bool = False, plan: bool = False) -> KitData:
    """What a kit prints: always the user and messages; the event, calls or plan on request."""
    hooks = _hooks(session)
    scripts = _scripts(session, hooks)
    data = KitData(me=load_me(session), today=today, hooks=list(hooks.values()),
                   scripts=list(scripts.values()))
    if event_id is not None:
        data.event = load_event(session, today, event_id, hooks, scripts)
    data.checklist = [ChecklistEntry(r.section, r.number, r.title, r.have, r.notes)
                      for r in session.execute(select(ChecklistItemRow).order_by(
                          ChecklistItemRow.section, ChecklistItemRow.number)).scalars()]
    data.clippings = [Clipping(r.title, r.outlet, r.published_on, r.notes) for r in
                      session.execute(select(ClippingRow)).scalars()]
    data.clippings.sort(key=lambda c: c.published_on or dt.date.min, reverse=True)
    if calls or plan:
        every = load_calls(session, today, open_only=not plan)
        data.calls = [c for c in every if c.status in OPEN_CALLS]
        data.nurture = [c for c in every if c.list_name == "nurture"]
        data.expand = [c for c in every if c.list_name == "expand"]
    if plan:
        _load_plan(session, today, data)
    return data


def _load_plan(session: Session, today: dt.date, data: KitData) -> None:
    orgs = {r.id: r for r in session.execute(select(OrganizationRow)).scalars()}
    data.organizations = [Membership(o.name, o.kind, cadence=o.meeting_cadence)
                          for o in orgs.values()]
    data.memberships = [
        Membership(orgs[m.organization_id].name, orgs[m.organization_id].kind, m.role,
                   m.visibility_positions, orgs[m.organization_id].meeting_cadence)
        for m in session.execute(select(MembershipRow).where(MembershipRow.contact_id.is_(None))
                                 .order_by(MembershipRow.id)).scalars()]
    data.incentives = [Incentive(r.target, r.scheme, r.description, r.preparation_steps,
                                 r.is_best) for r in session.execute(
        select(IncentiveProgramRow).order_by(IncentiveProgramRow.id)).scalars()]
    data.press_topics = [PressTopic(r.topic, r.outlet, r.status) for r in session.execute(
        select(PressTopicRow).order_by(PressTopicRow.position, PressTopicRow.id)).scalars()]
    items = contact_reads.list_items(session, today)
    data.strong = sum(1 for i in items if i.tie is Tie.STRONG)
    data.weak = len(items) - data.strong
    data.opinion_leaders = int(session.execute(
        select(func.count()).select_from(ContactRow)
        .where(live(), ContactRow.opinion_leader.is_(True))).scalar_one())
    names = {i.id: i.name for i in items}
    seats: dict[int, list[tuple[int, str]]] = {}
    for sid, seat_id, prof in session.execute(
            select(SphereSeatRow.sphere_id, SphereSeatRow.id, SphereSeatRow.profession)
            .order_by(SphereSeatRow.sphere_id, SphereSeatRow.position)):
        seats.setdefault(sid, []).append((seat_id, prof))
    members: dict[int, list[str]] = {}
    for seat_id, cid in session.execute(select(SphereSeatMemberRow.seat_id,
                                               SphereSeatMemberRow.contact_id)):
        if cid in names:
            members.setdefault(seat_id, []).append(names[cid])
    data.spheres = [
        Sphere(s.name, tuple((prof, tuple(members.get(seat, []))) for seat, prof in
                             seats.get(s.id, [])))
        for s in session.execute(select(SphereRow).where(SphereRow.is_template.is_(False))
                                 .order_by(SphereRow.is_mine.desc(), SphereRow.id)).scalars()]
    stage = session.execute(select(MatrixSnapshotRow.stage)
                            .order_by(MatrixSnapshotRow.taken_at.desc())).scalars().first()
    data.matrix_stage = stage or ""
