"""Tables of people: contacts and their list values, companies, tags, import batches."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from wombat_desktop.storage.orm_base import Base, Stamped, utc_now

# --- people ------------------------------------------------------------------------------


class CompanyRow(Stamped, Base):
    __tablename__ = "companies"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    industry: Mapped[str] = mapped_column(String(200), default="")
    website: Mapped[str] = mapped_column(String(500), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class ContactRow(Stamped, Base):
    """A person. Names in any script; list values live in child tables."""

    __tablename__ = "contacts"
    id: Mapped[int] = mapped_column(primary_key=True)
    display_name: Mapped[str] = mapped_column(String(500), default="")
    formatted_name: Mapped[str] = mapped_column(String(500), default="")
    given_name: Mapped[str] = mapped_column(String(200), default="")
    family_name: Mapped[str] = mapped_column(String(200), default="")
    additional_names: Mapped[str] = mapped_column(String(200), default="")
    honorific_prefix: Mapped[str] = mapped_column(String(100), default="")
    honorific_suffix: Mapped[str] = mapped_column(String(100), default="")
    nickname: Mapped[str] = mapped_column(String(200), default="")
    phonetic_given_name: Mapped[str] = mapped_column(String(200), default="")
    phonetic_family_name: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(20), default="individual")
    company_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id", ondelete="SET NULL"))
    organization: Mapped[str] = mapped_column(String(300), default="")
    department: Mapped[str] = mapped_column(String(300), default="")
    title: Mapped[str] = mapped_column(String(300), default="")
    role: Mapped[str] = mapped_column(String(300), default="")
    birthday: Mapped[str] = mapped_column(String(20), default="")
    anniversary: Mapped[str] = mapped_column(String(20), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    met_at: Mapped[str] = mapped_column(String(500), default="")
    introduced_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL")
    )
    relation: Mapped[str] = mapped_column(String(20), default="")
    stage: Mapped[str] = mapped_column(String(20), default="")
    opinion_leader: Mapped[bool] = mapped_column(Boolean, default=False)
    want_business: Mapped[bool] = mapped_column(Boolean, default=False)
    want_refer: Mapped[bool] = mapped_column(Boolean, default=False)
    keep_in_touch_days: Mapped[int | None] = mapped_column(Integer)
    # Tie strength: the user's choice wins over the rule's suggestion.
    tie_override: Mapped[str | None] = mapped_column(String(10))
    tie_override_note: Mapped[str] = mapped_column(String(500), default="")
    # Denormalised for a fast 50k-row list: first e-mail/phone and a folded search text.
    primary_email: Mapped[str] = mapped_column(String(320), default="")
    primary_phone: Mapped[str] = mapped_column(String(80), default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    has_photo: Mapped[bool] = mapped_column(Boolean, default=False)
    is_self: Mapped[bool] = mapped_column(Boolean, default=False)
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batches.id", ondelete="SET NULL")
    )
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL")
    )
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # Kept current by storage.contact_stats whenever interactions or referrals change, so
    # that the 50k-row list is one query (the tie rule reads them).
    last_interaction_on: Mapped[dt.date | None] = mapped_column(Date)
    last_interaction_kind: Mapped[str] = mapped_column(String(20), default="", server_default="")
    referrals_given: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    referrals_received: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    emails: Mapped[list[ContactEmailRow]] = relationship(
        cascade="all, delete-orphan", order_by="ContactEmailRow.position"
    )
    phones: Mapped[list[ContactPhoneRow]] = relationship(
        cascade="all, delete-orphan", order_by="ContactPhoneRow.position"
    )
    addresses: Mapped[list[ContactAddressRow]] = relationship(
        cascade="all, delete-orphan", order_by="ContactAddressRow.position"
    )
    urls: Mapped[list[ContactUrlRow]] = relationship(
        cascade="all, delete-orphan", order_by="ContactUrlRow.position"
    )
    uids: Mapped[list[ContactUidRow]] = relationship(cascade="all, delete-orphan")
    sources: Mapped[list[ContactSourceRow]] = relationship(cascade="all, delete-orphan")
    extra_properties: Mapped[list[ContactExtraRow]] = relationship(
        cascade="all, delete-orphan", order_by="ContactExtraRow.position"
    )
    tags: Mapped[list[TagRow]] = relationship(secondary="contact_tags", order_by="TagRow.name")

    __table_args__ = (
        Index("ix_contacts_display_name", "display_name"),
        Index("ix_contacts_deleted_at", "deleted_at"),
        Index("ix_contacts_introduced_by_id", "introduced_by_id"),
        Index("ix_contacts_merged_into_id", "merged_into_id"),
    )


class _ContactChild:
    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


class ContactEmailRow(_ContactChild, Base):
    __tablename__ = "contact_emails"
    value: Mapped[str] = mapped_column(String(320))
    kind: Mapped[str] = mapped_column(String(100), default="")
    label: Mapped[str] = mapped_column(String(200), default="")
    pref: Mapped[bool] = mapped_column(Boolean, default=False)
    __table_args__ = (Index("ix_contact_emails_value", "value"),)


class ContactPhoneRow(_ContactChild, Base):
    __tablename__ = "contact_phones"
    value: Mapped[str] = mapped_column(String(80))
    normalized: Mapped[str] = mapped_column(String(40), default="")
    kind: Mapped[str] = mapped_column(String(100), default="")
    label: Mapped[str] = mapped_column(String(200), default="")
    pref: Mapped[bool] = mapped_column(Boolean, default=False)
    __table_args__ = (Index("ix_contact_phones_normalized", "normalized"),)


class ContactAddressRow(_ContactChild, Base):
    __tablename__ = "contact_addresses"
    street: Mapped[str] = mapped_column(String(500), default="")
    locality: Mapped[str] = mapped_column(String(200), default="")
    region: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(40), default="")
    country: Mapped[str] = mapped_column(String(200), default="")
    po_box: Mapped[str] = mapped_column(String(100), default="")
    extended: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[str] = mapped_column(String(100), default="")
    label: Mapped[str] = mapped_column(String(200), default="")


class ContactUrlRow(_ContactChild, Base):
    __tablename__ = "contact_urls"
    value: Mapped[str] = mapped_column(String(1000))
    kind: Mapped[str] = mapped_column(String(100), default="")
    label: Mapped[str] = mapped_column(String(200), default="")


class ContactUidRow(Base):
    """Every vCard UID a person was known by; merging keeps them all."""

    __tablename__ = "contact_uids"
    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    uid: Mapped[str] = mapped_column(String(500))
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)
    __table_args__ = (Index("ix_contact_uids_uid", "uid"),)


class ContactSourceRow(Base):
    """Where a record came from: "manual", "demo", "vcard:file.vcf#3", "csv:…", "scan:…"."""

    __tablename__ = "contact_sources"
    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    source: Mapped[str] = mapped_column(String(1000))
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batches.id", ondelete="SET NULL")
    )
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)


class ContactExtraRow(_ContactChild, Base):
    """A vCard property the app does not model, kept verbatim for lossless export."""

    __tablename__ = "contact_extra_properties"
    line: Mapped[str] = mapped_column(Text)


class ContactPhotoRow(Base):
    """Photo bytes live apart from the contact so that listing 50k people stays light."""

    __tablename__ = "contact_photos"
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    mime: Mapped[str] = mapped_column(String(50), default="image/jpeg")
    data: Mapped[bytes] = mapped_column(LargeBinary)


class TagRow(Base):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class ContactTagRow(Base):
    __tablename__ = "contact_tags"
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True)
    __table_args__ = (Index("ix_contact_tags_tag_id", "tag_id"),)


class ImportBatchRow(Base):
    """One import the user can see and undo as a whole."""

    __tablename__ = "import_batches"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(1000), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    found: Mapped[int] = mapped_column(Integer, default=0)
    imported: Mapped[int] = mapped_column(Integer, default=0)
    merged: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # JSON of what merges changed, so that undo can restore merged-into contacts.
    undo_data: Mapped[str] = mapped_column(Text, default="")


class NotDuplicateRow(Base):
    """A pair the user said is not the same person (remembered across runs)."""

    __tablename__ = "not_duplicates"
    contact_a_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    contact_b_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )


