"""Reading many full contacts at once (exports, duplicate detection): one query per table."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import literal, select
from sqlalchemy.orm import Session

from wombat_desktop.core.dedupe import DedupeRecord
from wombat_desktop.core.model import ContactDraft, Photo, PostalAddress, TypedValue
from wombat_desktop.storage.contact_filters import live
from wombat_desktop.storage.orm import (
    ContactAddressRow,
    ContactEmailRow,
    ContactExtraRow,
    ContactPhoneRow,
    ContactPhotoRow,
    ContactRow,
    ContactTagRow,
    ContactUidRow,
    ContactUrlRow,
    TagRow,
)

CHUNK = 900  # stays under SQLite's bound-parameter limit


def _types(kind: str) -> list[str]:
    return [t for t in kind.split(",") if t]


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def load_drafts(session: Session, ids: Iterable[int]) -> dict[int, ContactDraft]:
    """Full drafts for the given contacts, in id order, with every list value."""
    id_list = sorted(set(ids))
    drafts: dict[int, ContactDraft] = {}
    conn = session.connection()
    for chunk in _chunks(id_list):
        for r in conn.execute(select(ContactRow).where(ContactRow.id.in_(chunk))).mappings():
            drafts[r["id"]] = ContactDraft(
                formatted_name=r["formatted_name"], family_name=r["family_name"],
                given_name=r["given_name"], additional_names=r["additional_names"],
                honorific_prefix=r["honorific_prefix"], honorific_suffix=r["honorific_suffix"],
                nickname=r["nickname"], phonetic_family_name=r["phonetic_family_name"],
                phonetic_given_name=r["phonetic_given_name"], organization=r["organization"],
                department=r["department"], title=r["title"], role=r["role"],
                birthday=r["birthday"], anniversary=r["anniversary"], note=r["note"],
                kind=r["kind"], met_at=r["met_at"],
            )
        for table, attr in ((ContactEmailRow, "emails"), (ContactPhoneRow, "phones"),
                            (ContactUrlRow, "urls")):
            stmt = (select(table.contact_id, table.value, table.kind, table.label,
                           getattr(table, "pref", literal(False)))
                    .where(table.contact_id.in_(chunk)).order_by(table.contact_id, table.position))
            for cid, value, kind, label, pref in conn.execute(stmt):
                values: list[TypedValue] = getattr(drafts[cid], attr)
                values.append(TypedValue(value, _types(kind), bool(pref), label))
        a = ContactAddressRow
        for row in conn.execute(select(a).where(a.contact_id.in_(chunk))
                                .order_by(a.contact_id, a.position)).mappings():
            drafts[row["contact_id"]].addresses.append(PostalAddress(
                row["street"], row["locality"], row["region"], row["postal_code"],
                row["country"], row["po_box"], row["extended"], _types(row["kind"]),
                row["label"]))
        for cid, line in conn.execute(
            select(ContactExtraRow.contact_id, ContactExtraRow.line)
            .where(ContactExtraRow.contact_id.in_(chunk))
            .order_by(ContactExtraRow.contact_id, ContactExtraRow.position)
        ):
            drafts[cid].extra_lines.append(line)
        for cid, name in conn.execute(
            select(ContactTagRow.contact_id, TagRow.name)
            .join(TagRow, TagRow.id == ContactTagRow.tag_id)
            .where(ContactTagRow.contact_id.in_(chunk)).order_by(TagRow.name)
        ):
            drafts[cid].tags.append(name)
        for cid, uid in conn.execute(
            select(ContactUidRow.contact_id, ContactUidRow.uid)
            .where(ContactUidRow.contact_id.in_(chunk))
            .order_by(ContactUidRow.contact_id, ContactUidRow.is_primary.desc(),
                      ContactUidRow.id)
        ):
            if not drafts[cid].uid:
                drafts[cid].uid = uid
        for cid, mime, data in conn.execute(
            select(ContactPhotoRow.contact_id, ContactPhotoRow.mime, ContactPhotoRow.data)
            .where(ContactPhotoRow.contact_id.in_(chunk))
        ):
            drafts[cid].photo = Photo(data, mime)
    return {cid: drafts[cid] for cid in id_list if cid in drafts}


def dedupe_records(session: Session, ids: Iterable[int] | None = None) -> list[DedupeRecord]:
    """What duplicate detection needs about live contacts (or the given ones)."""
    conn = session.connection()
    stmt = select(ContactRow.id, ContactRow.display_name, ContactRow.given_name,
                  ContactRow.family_name, ContactRow.organization)
    stmt = stmt.where(live()) if ids is None else stmt.where(ContactRow.id.in_(list(ids)))
    base = conn.execute(stmt).all()
    wanted = {r[0] for r in base}
    emails: dict[int, list[str]] = defaultdict(list)
    phones: dict[int, list[str]] = defaultdict(list)
    uids: dict[int, list[str]] = defaultdict(list)
    cities: dict[int, str] = {}
    for cid, value in conn.execute(select(ContactEmailRow.contact_id, ContactEmailRow.value)):
        if cid in wanted:
            emails[cid].append(value)
    for cid, value in conn.execute(select(ContactPhoneRow.contact_id, ContactPhoneRow.value)):
        if cid in wanted:
            phones[cid].append(value)
    for cid, value in conn.execute(select(ContactUidRow.contact_id, ContactUidRow.uid)):
        if cid in wanted:
            uids[cid].append(value)
    for cid, city in conn.execute(
        select(ContactAddressRow.contact_id, ContactAddressRow.locality)
        .where(ContactAddressRow.locality != "").order_by(ContactAddressRow.position.desc())
    ):
        if cid in wanted:
            cities[cid] = city
    return [
        DedupeRecord(cid, name, given, family, org, cities.get(cid, ""),
                     tuple(emails.get(cid, ())), tuple(phones.get(cid, ())),
                     tuple(uids.get(cid, ())))
        for cid, name, given, family, org in base
    ]
