"""Import batches: what an import wrote, so that it can be listed and undone as a whole."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from wombat_desktop.core.errors import NotFoundError
from wombat_desktop.storage.orm import ContactRow, ImportBatchRow
from wombat_desktop.storage.orm_base import utc_now


def create(session: Session, label: str) -> int:
    return session.execute(
        insert(ImportBatchRow).values(label=label[:1000], created_at=utc_now())
        .returning(ImportBatchRow.id)
    ).scalar_one()


def finish(session: Session, batch_id: int, *, found: int, imported: int, merged: int,
           errors: int, undo: dict[str, Any]) -> None:
    session.execute(update(ImportBatchRow).where(ImportBatchRow.id == batch_id).values(
        found=found, imported=imported, merged=merged, errors=errors,
        undo_data=json.dumps(undo, ensure_ascii=False)))


def get(session: Session, batch_id: int) -> ImportBatchRow:
    row = session.get(ImportBatchRow, batch_id)
    if row is None:
        raise NotFoundError(f"There is no import batch {batch_id}.")
    return row


def all_batches(session: Session) -> list[ImportBatchRow]:
    return list(session.execute(
        select(ImportBatchRow).order_by(ImportBatchRow.id.desc())).scalars())


def contacts_of(session: Session, batch_id: int) -> list[int]:
    """The live contacts a batch created, less those the user has since merged other
    contacts into: trashing those would hide the people folded into them."""
    created = set(session.execute(select(ContactRow.id).where(
        ContactRow.import_batch_id == batch_id, ContactRow.deleted_at.is_(None)
    )).scalars())
    if not created:
        return []
    keepers = set(session.execute(select(ContactRow.merged_into_id).where(
        ContactRow.merged_into_id.in_(created))).scalars())
    return sorted(created - keepers)


def mark_undone(session: Session, batch_id: int) -> None:
    session.execute(update(ImportBatchRow).where(ImportBatchRow.id == batch_id)
                    .values(undone_at=utc_now()))
