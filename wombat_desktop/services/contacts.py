"""Contact use cases: list, search, add, edit, delete with undo, classify strong/weak."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from wombat_desktop.core.errors import NotFoundError, ValidationError
from wombat_desktop.core.model import ContactDraft, Relationship, Stage, Tie
from wombat_desktop.core.search import filter_items
from wombat_desktop.core.views import ContactDetail, ContactListItem, TieTotals
from wombat_desktop.storage import contact_reads as reads
from wombat_desktop.storage.contact_writes import ContactWriter
from wombat_desktop.storage.database import Database

MAX_NOTE = 100_000


@dataclass(frozen=True, slots=True)
class ContactFlags:
    """What the user says about a contact beyond its card."""

    relation: str = ""
    stage: str = ""
    opinion_leader: bool = False
    want_business: bool = False
    want_refer: bool = False


def validate(draft: ContactDraft) -> ContactDraft:
    """Reject a contact nobody could find again; trim what is stored."""
    if not draft.display_name().strip():
        raise ValidationError("A contact needs a name, an e-mail, a phone or a company.")
    if len(draft.note) > MAX_NOTE:
        raise ValidationError(f"The note is longer than {MAX_NOTE:,} characters.")
    draft.emails = [e for e in draft.emails if e.value.strip()]
    draft.phones = [p for p in draft.phones if p.value.strip()]
    for email in draft.emails:
        local, at, domain = email.value.strip().rpartition("@")
        if not at or not local or not domain or " " in email.value.strip():
            raise ValidationError(f"“{email.value}” does not look like an e-mail address.")
    for phone in draft.phones:
        if sum(ch.isdigit() for ch in phone.value) < 3:
            raise ValidationError(f"“{phone.value}” does not look like a phone number.")
    draft.urls = [u for u in draft.urls if u.value.strip()]
    draft.addresses = [a for a in draft.addresses if not a.is_empty()]
    draft.tags = [t.strip() for t in draft.tags if t.strip()]
    return draft


def _flag_columns(flags: ContactFlags) -> dict[str, Any]:
    return {
        "relation": Relationship(flags.relation).value,
        "stage": Stage(flags.stage).value,
        "opinion_leader": flags.opinion_leader,
        "want_business": flags.want_business,
        "want_refer": flags.want_refer,
    }


class ContactService:
    """The contact book. Plain values in, frozen views out."""

    def __init__(self, db: Database, today: Callable[[], dt.date] = dt.date.today,
                 region: str = "US") -> None:
        self._db = db
        self._today = today
        self.region = region

    # --- reading --------------------------------------------------------------------

    def list_items(self) -> list[ContactListItem]:
        """Every contact as a light row, with its tie and reason."""
        with self._db.unit_of_work() as uow:
            return reads.list_items(uow.session, self._today())

    def items(self, contact_ids: Sequence[int]) -> list[ContactListItem]:
        """Fresh list rows for a few contacts (after an edit), skipping deleted ones."""
        with self._db.unit_of_work() as uow:
            return reads.list_items(uow.session, self._today(), contact_ids)

    def search(self, query: str = "", tie: Tie | None = None) -> list[ContactListItem]:
        items = self.list_items()
        if tie is not None:
            items = [i for i in items if i.tie is tie]
        return filter_items(items, query)

    @staticmethod
    def totals(items: Sequence[ContactListItem]) -> TieTotals:
        strong = sum(1 for i in items if i.tie is Tie.STRONG)
        return TieTotals(len(items), strong, len(items) - strong)

    def get(self, contact_id: int) -> ContactDetail:
        with self._db.unit_of_work() as uow:
            return reads.detail(uow.session, contact_id, self._today())

    def export_rows(self, items: Sequence[ContactListItem]) -> list[dict[str, Any]]:
        """The `wombat contacts --json` objects for the given items."""
        with self._db.unit_of_work() as uow:
            uids = reads.all_uids(uow.session)
            emails = reads.all_emails(uow.session)
            phones = reads.all_phones(uow.session)
        return [
            {
                "id": i.id,
                "name": i.name,
                "emails": emails.get(i.id, []),
                "phones": phones.get(i.id, []),
                "organization": i.organization,
                "title": i.title,
                "tie": i.tie.value,
                "tie_reason": i.tie_reason,
                "tie_set_by_user": i.tie_is_override,
                "has_photo": i.has_photo,
                "uid": (uids.get(i.id) or [""])[0],
                "uids": uids.get(i.id, []),
                "referrals_given": i.referrals_given,
                "referrals_received": i.referrals_received,
                "last_interaction": i.last_interaction_on.isoformat()
                if i.last_interaction_on
                else None,
            }
            for i in items
        ]

    # --- writing --------------------------------------------------------------------

    def create(self, draft: ContactDraft, flags: ContactFlags | None = None) -> int:
        """Add a contact typed by the user; returns its id."""
        draft = validate(draft)
        if not draft.source:
            draft.source = "manual"
        with self._db.unit_of_work() as uow:
            writer = ContactWriter(uow.session, self.region)
            extra = [_flag_columns(flags)] if flags else None
            (cid,) = writer.insert([draft], extra_columns=extra)
            uow.commit()
        return cid

    def update(self, contact_id: int, draft: ContactDraft,
               flags: ContactFlags | None = None) -> None:
        """Save an edited contact (names, lists, note, tags, flags)."""
        draft = validate(draft)
        with self._db.unit_of_work() as uow:
            writer = ContactWriter(uow.session, self.region)
            if not writer.exists(contact_id):
                raise NotFoundError(f"Contact {contact_id} no longer exists.")
            writer.rewrite(contact_id, draft)
            if flags is not None:
                writer.set_columns(contact_id, _flag_columns(flags))
            uow.commit()

    def delete(self, contact_ids: Sequence[int]) -> list[int]:
        """Move contacts to the trash (undoable with `restore`); returns the ids deleted."""
        with self._db.unit_of_work() as uow:
            ids = ContactWriter(uow.session).soft_delete(contact_ids)
            uow.commit()
        return ids

    def restore(self, contact_ids: Sequence[int]) -> None:
        """Undo a delete."""
        with self._db.unit_of_work() as uow:
            ContactWriter(uow.session).restore(contact_ids)
            uow.commit()

    def set_tie(
        self, contact_ids: Sequence[int], tie: Tie | None, note: str = ""
    ) -> dict[int, tuple[Tie | None, str]]:
        """Override the suggestion (``None`` goes back to it); returns the previous overrides
        and their notes, for `restore_ties`."""
        with self._db.unit_of_work() as uow:
            writer = ContactWriter(uow.session)
            before = {cid: (Tie(o) if o else None, old_note)
                      for cid, (o, old_note) in writer.tie_overrides(contact_ids).items()}
            writer.set_tie_override(list(before), tie.value if tie else None, note)
            uow.commit()
        return before

    def restore_ties(self, previous: dict[int, tuple[Tie | None, str]]) -> None:
        """Put back the overrides (and notes) `set_tie` returned (undo)."""
        with self._db.unit_of_work() as uow:
            writer = ContactWriter(uow.session)
            for cid, (tie, note) in previous.items():
                writer.set_tie_override([cid], tie.value if tie else None, note)
            uow.commit()
