"""Tables of the plan: interactions, referrals, follow-ups, organisations, spheres, events,
and the Part II messages."""

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
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from wombat_desktop.storage.orm_base import Base, Stamped, utc_now

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
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
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
    taken_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    network_strength: Mapped[float] = mapped_column(Float)
    message_readiness: Mapped[float] = mapped_column(Float)
    stage: Mapped[str] = mapped_column(String(50))
    details: Mapped[str] = mapped_column(Text, default="")  # JSON of the inputs


class SettingRow(Base):
    """Domain preferences (window state lives in QSettings instead)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")

