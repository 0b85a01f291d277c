"""Reading contacts: the flat 50k-row list (a few aggregate queries) and one full record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wombat_desktop.core.errors import NotFoundError
from wombat_desktop.core.model import Tie
from wombat_desktop.core.ties import STRONG_AT, explain_tie, suggest_tie, tie_score
from wombat_desktop.core.views import ContactDetail, ContactListItem
from wombat_desktop.storage.contact_bulk_reads import load_drafts
from wombat_desktop.storage.contact_filters import live
from wombat_desktop.storage.orm import (
    ContactEmailRow,
    ContactPhoneRow,
    ContactRow,
    ContactSourceRow,
    ContactUidRow,
    InteractionRow,
)


def recent_interactions(
    session: Session, today: dt.date, ids: Iterable[int] | None = None
) -> dict[int, int]:
    """contact id -> interactions in the last 365 days (this one drifts with the date)."""
    stmt = (
        select(InteractionRow.contact_id, func.count())
        .where(InteractionRow.occurred_on >= today - dt.timedelta(days=365))
        .group_by(InteractionRow.contact_id)
    )
    if ids is not None:
        stmt = stmt.where(InteractionRow.contact_id.in_(list(ids)))
    return {cid: n for cid, n in session.connection().execute(stmt)}


LIST_COLUMNS = (
    ContactRow.id, ContactRow.display_name, ContactRow.organization, ContactRow.title,
    ContactRow.primary_email, ContactRow.primary_phone, ContactRow.tie_override,
    ContactRow.last_interaction_on, ContactRow.last_interaction_kind,
    ContactRow.referrals_given, ContactRow.referrals_received, ContactRow.relation,
    ContactRow.has_photo, ContactRow.search_text,
)


def list_items(
    session: Session, today: dt.date, ids: Iterable[int] | None = None
) -> list[ContactListItem]:
    """Every live contact (or those of ``ids``) as a light list item, with its tie."""
    if ids is not None:
        ids = list(ids)
    recent = recent_interactions(session, today, ids)
    stmt = select(*LIST_COLUMNS).where(live())
    if ids is not None:
        stmt = stmt.where(ContactRow.id.in_(ids))
    # Core rows through the connection: no ORM loading for 50k tuples.
    rows = session.connection().execute(stmt).all()
    items: list[ContactListItem] = []
    append = items.append
    strong, weak = Tie.STRONG, Tie.WEAK
    for (cid, name, org, title, email, phone, override, last_on, kind, given, received,
         relation, photo, text) in rows:
        n_recent = recent.get(cid, 0)
        if override:
            tie = Tie(override)
        else:
            score = tie_score(given, received, last_on, kind, n_recent, relation, today)
            tie = strong if score >= STRONG_AT else weak
        append(ContactListItem(
            cid, name, org, title, email, phone, tie, override, last_on, kind, n_recent,
            given, received, relation, photo, text, today,
        ))
    return items


def detail(session: Session, contact_id: int, today: dt.date) -> ContactDetail:
    """Everything about one contact, with its tie suggestion and reason."""
    row = session.get(ContactRow, contact_id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError(f"Contact {contact_id} no longer exists.")
    draft = load_drafts(session, [contact_id])[contact_id]
    (item,) = list_items(session, today, [contact_id]) or (None,)
    if item is None:
        raise NotFoundError(f"Contact {contact_id} is not in your network.")
    facts = item.facts
    given, received = item.referrals_given, item.referrals_received
    suggestion = suggest_tie(facts, today)
    tie = Tie(row.tie_override) if row.tie_override else suggestion.tie
    reason = explain_tie(facts, row.tie_override, today)
    uids = session.execute(
        select(ContactUidRow.uid).where(ContactUidRow.contact_id == contact_id)
        .order_by(ContactUidRow.is_primary.desc(), ContactUidRow.id)
    ).scalars().all()
    sources = session.execute(
        select(ContactSourceRow.source).where(ContactSourceRow.contact_id == contact_id)
        .order_by(ContactSourceRow.id)
    ).scalars().all()
    return ContactDetail(
        id=contact_id, draft=draft, display_name=row.display_name, tie=tie, tie_reason=reason,
        tie_override=Tie(row.tie_override) if row.tie_override else None,
        suggested_tie=suggestion.tie, relation=row.relation, stage=row.stage,
        opinion_leader=row.opinion_leader, want_business=row.want_business,
        want_refer=row.want_refer, uids=tuple(uids), sources=tuple(sources),
        referrals_given=given, referrals_received=received,
        last_interaction_on=item.last_interaction_on, created_at=row.created_at,
        updated_at=row.updated_at,
    )


def all_uids(session: Session) -> dict[int, list[str]]:
    """contact id -> every UID it carries (for JSON output and duplicate checks)."""
    out: dict[int, list[str]] = {}
    for cid, uid in session.execute(
        select(ContactUidRow.contact_id, ContactUidRow.uid).order_by(
            ContactUidRow.contact_id, ContactUidRow.is_primary.desc(), ContactUidRow.id
        )
    ):
        out.setdefault(cid, []).append(uid)
    return out


def all_values(session: Session, table: type[ContactEmailRow] | type[ContactPhoneRow]
               ) -> dict[int, list[str]]:
    """contact id -> every e-mail (or phone) in order."""
    out: dict[int, list[str]] = {}
    for cid, value in session.execute(
        select(table.contact_id, table.value).order_by(table.contact_id, table.position)
    ):
        out.setdefault(cid, []).append(value)
    return out


def all_emails(session: Session) -> dict[int, list[str]]:
    return all_values(session, ContactEmailRow)


def all_phones(session: Session) -> dict[int, list[str]]:
    return all_values(session, ContactPhoneRow)
