"""Plain domain values shared by every layer: enums and the contact draft.

Nothing here imports Qt or SQLAlchemy. Readers (vCard, CSV, card scans, the demo) produce
`ContactDraft`s; storage persists them; services return frozen views built from them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Tie(StrEnum):
    """Tie strength of a contact (plan section I.2)."""

    STRONG = "strong"
    WEAK = "weak"


class Relationship(StrEnum):
    """How the user knows a contact; feeds the tie-strength suggestion."""

    UNKNOWN = ""
    FAMILY = "family"
    FRIEND = "friend"
    CLIENT = "client"
    PARTNER = "partner"
    COLLEAGUE = "colleague"
    SUPPLIER = "supplier"
    ACQUAINTANCE = "acquaintance"


class Stage(StrEnum):
    """Where a contact stands on the word-of-mouth ladder."""

    UNKNOWN = ""
    ONLOOKER = "onlooker"
    FOLLOWER = "follower"
    CUSTOMER = "customer"
    SPREADER = "spreader"
    PARTNER = "partner"


class InteractionKind(StrEnum):
    LUNCH = "lunch"
    CALL = "call"
    ONE_TO_ONE = "one_to_one"
    MEETING = "meeting"
    EVENT = "event"
    EMAIL = "email"
    NOTE = "note"


class ReferralDirection(StrEnum):
    GIVEN = "given"
    RECEIVED = "received"


class ReferralKind(StrEnum):
    REFERRAL = "referral"
    PROMOTION = "promotion"


class ReferralStatus(StrEnum):
    GIVEN = "given"
    CONTACTED = "contacted"
    MET = "met"
    CLOSED = "closed"
    LOST = "lost"


class FollowUpList(StrEnum):
    """Which lunch list a follow-up came from (plan sections 11 and 12)."""

    NURTURE = "nurture"
    EXPAND = "expand"
    OTHER = "other"


class LunchStatus(StrEnum):
    TO_CALL = "to_call"
    INVITED = "invited"
    SCHEDULED = "scheduled"
    HELD = "held"
    FOLLOWED_UP = "followed_up"
    DECLINED = "declined"


class OrganizationKind(StrEnum):
    """The usual kinds of networking organisation (plan section I.5)."""

    CASUAL_CONTACT = "casual_contact"
    STRONG_CONTACT = "strong_contact"
    COMMUNITY_SERVICE = "community_service"
    PROFESSIONAL = "professional"
    SOCIAL_BUSINESS = "social_business"
    WOMEN_MINORITY = "women_minority"
    ONLINE = "online"


class IncentiveTarget(StrEnum):
    CLIENTS = "clients"
    EMPLOYEES = "employees"
    SUPPLIERS = "suppliers"
    OTHERS = "others"


# --- the contact draft -------------------------------------------------------------------


@dataclass(slots=True)
class TypedValue:
    """An e-mail, phone or URL with its vCard types (``home``, ``work``, ``cell`` …)."""

    value: str
    types: list[str] = field(default_factory=list)
    pref: bool = False
    label: str = ""  # a free label such as Apple's X-ABLabel

    @property
    def kind(self) -> str:
        """The types as one lower-case, comma-joined string (storage form)."""
        return ",".join(t.lower() for t in self.types)


@dataclass(slots=True)
class PostalAddress:
    street: str = ""
    locality: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""
    po_box: str = ""
    extended: str = ""
    types: list[str] = field(default_factory=list)
    label: str = ""

    def is_empty(self) -> bool:
        return not any(
            (self.street, self.locality, self.region, self.postal_code, self.country,
             self.po_box, self.extended)
        )

    def one_line(self) -> str:
        """The address on one line, for display and search."""
        parts = [self.po_box, self.extended, self.street, self.postal_code, self.locality,
                 self.region, self.country]
        return ", ".join(p.replace("\n", " ").strip() for p in parts if p and p.strip())


@dataclass(slots=True)
class Photo:
    data: bytes
    mime: str = "image/jpeg"


@dataclass(slots=True)
class ContactDraft:
    """Everything known about a person, as read from a source or typed by the user.

    ``extra_lines`` holds unmodelled vCard properties as unfolded content lines (for example
    ``item1.X-ABDATE;type=pref:2000-01-01``) so an export can write them back unchanged.
    """

    formatted_name: str = ""
    family_name: str = ""
    given_name: str = ""
    additional_names: str = ""
    honorific_prefix: str = ""
    honorific_suffix: str = ""
    nickname: str = ""
    phonetic_family_name: str = ""
    phonetic_given_name: str = ""
    organization: str = ""
    department: str = ""
    title: str = ""
    role: str = ""
    emails: list[TypedValue] = field(default_factory=list)
    phones: list[TypedValue] = field(default_factory=list)
    addresses: list[PostalAddress] = field(default_factory=list)
    urls: list[TypedValue] = field(default_factory=list)
    birthday: str = ""  # ISO 8601 date, possibly partial ("--04-12")
    anniversary: str = ""
    note: str = ""
    tags: list[str] = field(default_factory=list)
    photo: Photo | None = None
    uid: str = ""
    kind: str = "individual"
    source: str = ""  # e.g. "vcard:contacts.vcf#3"
    met_at: str = ""
    extra_lines: list[str] = field(default_factory=list)

    def display_name(self) -> str:
        """The best name to show: FN, else the structured name, else org, e-mail or phone."""
        return display_name_of(
            self.formatted_name,
            self.given_name,
            self.family_name,
            self.organization,
            self.emails[0].value if self.emails else "",
            self.phones[0].value if self.phones else "",
        )


def display_name_of(
    formatted: str, given: str, family: str, organization: str = "", email: str = "",
    phone: str = "",
) -> str:
    """Pick a display name; CJK names join family + given without a space."""
    formatted = " ".join(formatted.split())
    if formatted:
        return formatted
    given, family = given.strip(), family.strip()
    if given or family:
        if is_cjk(family + given):
            return family + given
        return " ".join(p for p in (given, family) if p)
    for fallback in (organization, email, phone):
        if fallback.strip():
            return fallback.strip()
    return ""


def is_cjk(text: str) -> bool:
    """True when the text contains Chinese, Japanese or Korean characters."""
    for ch in text:
        code = ord(ch)
        if (
            0x3040 <= code <= 0x30FF  # kana
            or 0x3400 <= code <= 0x4DBF
            or 0x4E00 <= code <= 0x9FFF
            or 0xAC00 <= code <= 0xD7AF  # hangul
            or 0xF900 <= code <= 0xFAFF
            or 0x20000 <= code <= 0x2FA1F
        ):
            return True
    return False
