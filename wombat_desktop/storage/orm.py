"""The database schema for the whole WOMBAT plan, as SQLAlchemy 2.x typed ORM rows.

Enums are stored as short strings (portable across SQLite and PostgreSQL, and new values need
no migration). Every table that the user edits has ``created_at``/``updated_at``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Stamped:
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime, default=_now, server_default=func.now()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime, default=_now, onupdate=_now, server_default=func.now()
    )


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
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


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
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
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


# --- interactions, referrals, follow-ups -------------------------------------------------


class InteractionRow(Stamped, Base):
    __tablename__ = "interactions"
    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    occurred_on: Mapped[dt.date] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text, default="")
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"))
    __table_args__ = (Index("ix_interactions_contact_date", "contact_id", "occurred_on"),)


class ReferralRow(Stamped, Base):
    """A referral or promotion, given by the user to a contact or received from one.

    ``contact_id`` is the other party (who got it, or who sent it); ``for_contact_id`` is the
    person the business is for (the prospect), when known.
    """

    __tablename__ = "referrals"
    id: Mapped[int] = mapped_column(primary_key=True)
    direction: Mapped[str] = mapped_column(String(10))
    kind: Mapped[str] = mapped_column(String(20), default="referral")
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    for_contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL")
    )
    for_name: Mapped[str] = mapped_column(String(300), default="")
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL")
    )
    occurred_on: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="given")
    temperature: Mapped[int] = mapped_column(Integer, default=3)
    value: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (
        Index("ix_referrals_contact", "contact_id", "direction"),
        Index("ix_referrals_for_contact", "for_contact_id"),
    )


class FollowUpRow(Stamped, Base):
    """A lunch (or visit invitation) follow-up from the nurture or expand list."""

    __tablename__ = "follow_ups"
    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    list_name: Mapped[str] = mapped_column(String(20), default="other")
    kind: Mapped[str] = mapped_column(String(20), default="lunch")  # lunch | visit
    status: Mapped[str] = mapped_column(String(20), default="to_call")
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    starts_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60)
    place: Mapped[str] = mapped_column(String(500), default="")
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL")
    )
    reason: Mapped[str] = mapped_column(Text, default="")
    notes_before: Mapped[str] = mapped_column(Text, default="")
    notes_after: Mapped[str] = mapped_column(Text, default="")
    talking_points: Mapped[str] = mapped_column(Text, default="")
    ics_uid: Mapped[str] = mapped_column(String(200), default="")
    __table_args__ = (
        Index("ix_follow_ups_status_due", "status", "due_on"),
        Index("ix_follow_ups_contact", "contact_id"),
    )


# --- organisations, spheres, events -------------------------------------------------------


class OrganizationRow(Stamped, Base):
    __tablename__ = "organizations"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(30))
    meeting_cadence: Mapped[str] = mapped_column(String(100), default="")
    dues_per_year: Mapped[float | None] = mapped_column(Float)
    hours_per_month: Mapped[float | None] = mapped_column(Float)
    professions: Mapped[str] = mapped_column(Text, default="")  # comma list, for sphere gaps
    notes: Mapped[str] = mapped_column(Text, default="")
    last_attended_on: Mapped[dt.date | None] = mapped_column(Date)


class MembershipRow(Stamped, Base):
    """The user's (contact_id NULL) or a contact's membership of an organisation (II.8)."""

    __tablename__ = "memberships"
    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(200), default="")
    visibility_positions: Mapped[str] = mapped_column(Text, default="")
    since: Mapped[dt.date | None] = mapped_column(Date)


class SphereRow(Stamped, Base):
    __tablename__ = "spheres"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    profession: Mapped[str] = mapped_column(String(200), default="")
    is_template: Mapped[bool] = mapped_column(Boolean, default=False)
    is_mine: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")


class SphereSeatRow(Base):
    __tablename__ = "sphere_seats"
    id: Mapped[int] = mapped_column(primary_key=True)
    sphere_id: Mapped[int] = mapped_column(ForeignKey("spheres.id", ondelete="CASCADE"), index=True)
    profession: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)


class SphereSeatMemberRow(Base):
    __tablename__ = "sphere_seat_members"
    seat_id: Mapped[int] = mapped_column(
        ForeignKey("sphere_seats.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )


class EventRow(Stamped, Base):
    __tablename__ = "events"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    starts_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    place: Mapped[str] = mapped_column(String(500), default="")
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL")
    )
    goals: Mapped[str] = mapped_column(Text, default="")
    memory_hook_id: Mapped[int | None] = mapped_column(
        ForeignKey("memory_hooks.id", ondelete="SET NULL")
    )
    intro_script_id: Mapped[int | None] = mapped_column(
        ForeignKey("intro_scripts.id", ondelete="SET NULL")
    )
    notes: Mapped[str] = mapped_column(Text, default="")


class EventAttendeeRow(Base):
    __tablename__ = "event_attendees"
    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    expected: Mapped[bool] = mapped_column(Boolean, default=True)
    met: Mapped[bool] = mapped_column(Boolean, default=False)
    goal: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


# --- part II: messages -------------------------------------------------------------------


class ProfileRow(Stamped, Base):
    """The user's own profile and plan free texts (one row)."""

    __tablename__ = "profile"
    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    profession: Mapped[str] = mapped_column(String(200), default="")
    background: Mapped[str] = mapped_column(Text, default="")
    product_intro: Mapped[str] = mapped_column(Text, default="")
    services: Mapped[str] = mapped_column(Text, default="")
    image_statement: Mapped[str] = mapped_column(Text, default="")
    default_region: Mapped[str] = mapped_column(String(2), default="US")


class ChecklistItemRow(Stamped, Base):
    """An item of the promotional-material checklist (II.4) or a networking tool (II.5)."""

    __tablename__ = "checklist_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    section: Mapped[str] = mapped_column(String(20), default="material")  # material | tool
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    have: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    last_refreshed_on: Mapped[dt.date | None] = mapped_column(Date)
    __table_args__ = (UniqueConstraint("section", "number"),)


class AttachmentRow(Base):
    """A file attached to a checklist item or a clipping (stored path, not the bytes)."""

    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_kind: Mapped[str] = mapped_column(String(20))  # checklist | clipping
    owner_id: Mapped[int] = mapped_column(Integer)
    path: Mapped[str] = mapped_column(String(2000))
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    __table_args__ = (Index("ix_attachments_owner", "owner_kind", "owner_id"),)


class MemoryHookRow(Stamped, Base):
    __tablename__ = "memory_hooks"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("memory_hooks.id", ondelete="SET NULL")
    )
    tags: Mapped[str] = mapped_column(String(500), default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class MemoryHookUseRow(Base):
    __tablename__ = "memory_hook_uses"
    hook_id: Mapped[int] = mapped_column(
        ForeignKey("memory_hooks.id", ondelete="CASCADE"), primary_key=True
    )
    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )


class IntroScriptRow(Stamped, Base):
    __tablename__ = "intro_scripts"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    seconds: Mapped[int] = mapped_column(Integer, default=30)
    name_part: Mapped[str] = mapped_column(Text, default="")
    background_part: Mapped[str] = mapped_column(Text, default="")
    memory_hook_id: Mapped[int | None] = mapped_column(
        ForeignKey("memory_hooks.id", ondelete="SET NULL")
    )
    product_part: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    last_rehearsed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class IncentiveProgramRow(Stamped, Base):
    __tablename__ = "incentive_programs"
    id: Mapped[int] = mapped_column(primary_key=True)
    target: Mapped[str] = mapped_column(String(20))
    scheme: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    preparation_steps: Mapped[str] = mapped_column(Text, default="")
    is_best: Mapped[bool] = mapped_column(Boolean, default=False)


class PressTopicRow(Stamped, Base):
    __tablename__ = "press_topics"
    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    topic: Mapped[str] = mapped_column(String(500))
    outlet: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(20), default="idea")
    notes: Mapped[str] = mapped_column(Text, default="")


class ClippingRow(Stamped, Base):
    __tablename__ = "clippings"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    outlet: Mapped[str] = mapped_column(String(300), default="")
    published_on: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


class MatrixSnapshotRow(Base):
    __tablename__ = "matrix_snapshots"
    id: Mapped[int] = mapped_column(primary_key=True)
    taken_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    network_strength: Mapped[float] = mapped_column(Float)
    message_readiness: Mapped[float] = mapped_column(Float)
    stage: Mapped[str] = mapped_column(String(50))
    details: Mapped[str] = mapped_column(Text, default="")  # JSON of the inputs


class SettingRow(Base):
    """Domain preferences (window state lives in QSettings instead)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
