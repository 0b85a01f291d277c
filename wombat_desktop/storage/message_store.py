"""Part II records: profile texts, press topics, clippings, attachments, checklist, incentives.

Portable SQL only; every function flushes through the session and never commits.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from wombat_desktop.core.errors import NotFoundError
from wombat_desktop.core.message_views import AttachmentView, IncentiveView
from wombat_desktop.storage.orm import (
    AttachmentRow,
    ChecklistItemRow,
    ClippingRow,
    ContactRow,
    IncentiveProgramRow,
    PressTopicRow,
    ProfileRow,
)
from wombat_desktop.storage.orm_base import utc_now

# --- profile --------------------------------------------------------------------------------


def profile(session: Session) -> tuple[ProfileRow | None, str]:
    """The profile row (or None) and the user's own name."""
    row = session.execute(select(ProfileRow).order_by(ProfileRow.id).limit(1)).scalar()
    name_stmt = select(ContactRow.display_name).where(ContactRow.is_self.is_(True),
                                                      ContactRow.deleted_at.is_(None))
    if row is not None and row.contact_id is not None:
        name_stmt = select(ContactRow.display_name).where(ContactRow.id == row.contact_id)
    name = session.execute(name_stmt.limit(1)).scalar() or ""
    return row, name


def update_profile(session: Session, values: dict[str, Any]) -> None:
    current = session.execute(select(ProfileRow.id).order_by(ProfileRow.id)).scalar()
    if current is None:
        me = session.execute(select(ContactRow.id).where(ContactRow.is_self.is_(True))
                             .limit(1)).scalar()
        session.execute(insert(ProfileRow).values(contact_id=me, created_at=utc_now(),
                                                  updated_at=utc_now(), **values))
    else:
        session.execute(update(ProfileRow).where(ProfileRow.id == current)
                        .values(updated_at=utc_now(), **values))


# --- press topics (four slots: positions 0..3) ----------------------------------------------


def press_topics(session: Session) -> dict[int, PressTopicRow]:
    rows = session.execute(select(PressTopicRow).order_by(PressTopicRow.position,
                                                          PressTopicRow.id)).scalars()
    out: dict[int, PressTopicRow] = {}
    for row in rows:
        out.setdefault(row.position, row)
    return out


def set_press_topic(session: Session, position: int, values: dict[str, Any] | None) -> None:
    """Fill (or with None clear) one slot."""
    session.execute(delete(PressTopicRow).where(PressTopicRow.position == position))
    if values is not None:
        session.execute(insert(PressTopicRow).values(position=position, created_at=utc_now(),
                                                     updated_at=utc_now(), **values))


# --- attachments ----------------------------------------------------------------------------


def attachments(session: Session, owner_kind: str) -> dict[int, list[AttachmentView]]:
    out: dict[int, list[AttachmentView]] = {}
    for aid, owner, path, added in session.execute(
            select(AttachmentRow.id, AttachmentRow.owner_id, AttachmentRow.path,
                   AttachmentRow.added_at).where(AttachmentRow.owner_kind == owner_kind)
            .order_by(AttachmentRow.added_at, AttachmentRow.id)):
        out.setdefault(owner, []).append(AttachmentView(aid, path, added))
    return out


def add_attachment(session: Session, owner_kind: str, owner_id: int, path: str) -> int:
    return int(session.execute(insert(AttachmentRow).values(
        owner_kind=owner_kind, owner_id=owner_id, path=path, added_at=utc_now())
        .returning(AttachmentRow.id)).scalar_one())


def remove_attachment(session: Session, attachment_id: int) -> None:
    if session.get(AttachmentRow, attachment_id) is None:
        raise NotFoundError(f"Attachment {attachment_id} no longer exists.")
    session.execute(delete(AttachmentRow).where(AttachmentRow.id == attachment_id))


# --- clippings ------------------------------------------------------------------------------


def clippings(session: Session) -> list[ClippingRow]:
    return list(session.execute(select(ClippingRow).order_by(
        ClippingRow.published_on.desc(), ClippingRow.id.desc())).scalars())


def clipping_row(session: Session, clipping_id: int) -> ClippingRow:
    row = session.get(ClippingRow, clipping_id)
    if row is None:
        raise NotFoundError(f"Clipping {clipping_id} no longer exists.")
    return row


def save_clipping(session: Session, clipping_id: int | None, values: dict[str, Any]) -> int:
    if clipping_id is None:
        return int(session.execute(insert(ClippingRow).values(
            created_at=utc_now(), updated_at=utc_now(), **values).returning(ClippingRow.id))
            .scalar_one())
    clipping_row(session, clipping_id)
    session.execute(update(ClippingRow).where(ClippingRow.id == clipping_id)
                    .values(updated_at=utc_now(), **values))
    return clipping_id


def delete_clipping(session: Session, clipping_id: int) -> None:
    clipping_row(session, clipping_id)
    session.execute(delete(AttachmentRow).where(AttachmentRow.owner_kind == "clipping",
                                                AttachmentRow.owner_id == clipping_id))
    session.execute(delete(ClippingRow).where(ClippingRow.id == clipping_id))


# --- checklist ------------------------------------------------------------------------------


def checklist_rows(session: Session) -> dict[tuple[str, int], ChecklistItemRow]:
    return {(r.section, r.number): r
            for r in session.execute(select(ChecklistItemRow)).scalars()}


def checklist_id(session: Session, section: str, number: int, title: str) -> int:
    """The row of an item, inserted (not held, no notes) when missing."""
    found = session.execute(select(ChecklistItemRow.id).where(
        ChecklistItemRow.section == section, ChecklistItemRow.number == number)).scalar()
    if found is not None:
        return int(found)
    return int(session.execute(insert(ChecklistItemRow).values(
        section=section, number=number, title=title, have=False, notes="",
        created_at=utc_now(), updated_at=utc_now()).returning(ChecklistItemRow.id)).scalar_one())


def update_checklist(session: Session, row_id: int, values: dict[str, Any]) -> None:
    session.execute(update(ChecklistItemRow).where(ChecklistItemRow.id == row_id)
                    .values(updated_at=utc_now(), **values))


# --- incentives -----------------------------------------------------------------------------


def incentives(session: Session) -> list[IncentiveView]:
    return [IncentiveView(r.id, r.target, r.scheme, r.description, r.preparation_steps,
                          r.is_best)
            for r in session.execute(select(IncentiveProgramRow).order_by(
                IncentiveProgramRow.target, IncentiveProgramRow.is_best.desc(),
                IncentiveProgramRow.id)).scalars()]


def incentive_row(session: Session, incentive_id: int) -> IncentiveProgramRow:
    row = session.get(IncentiveProgramRow, incentive_id)
    if row is None:
        raise NotFoundError(f"Incentive programme {incentive_id} no longer exists.")
    return row


def save_incentive(session: Session, incentive_id: int | None, values: dict[str, Any]) -> int:
    if values.get("is_best"):  # one best scheme per target
        session.execute(update(IncentiveProgramRow).where(
            IncentiveProgramRow.target == values["target"]).values(is_best=False))
    if incentive_id is None:
        return int(session.execute(insert(IncentiveProgramRow).values(
            created_at=utc_now(), updated_at=utc_now(), **values)
            .returning(IncentiveProgramRow.id)).scalar_one())
    incentive_row(session, incentive_id)
    session.execute(update(IncentiveProgramRow).where(IncentiveProgramRow.id == incentive_id)
                    .values(updated_at=utc_now(), **values))
    return incentive_id


def delete_incentive(session: Session, incentive_id: int) -> None:
    incentive_row(session, incentive_id)
    session.execute(delete(IncentiveProgramRow).where(IncentiveProgramRow.id == incentive_id))
