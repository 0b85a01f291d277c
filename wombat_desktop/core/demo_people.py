"""Demo contacts: believable people with jobs, companies, details and a closeness tier."""

from __future__ import annotations

import datetime as dt
import random
import struct
import uuid
import zlib

from wombat_desktop.core import demo_plan as plan
from wombat_desktop.core.demo_model import DemoCompany, DemoContact
from wombat_desktop.core.demo_names import (
    ABROAD,
    STREET_KINDS,
    STREETS,
    TLD,
    US_CITIES,
    Person,
    make_person,
    phone_for,
    to_ascii,
)
from wombat_desktop.core.model import (
    ContactDraft,
    Photo,
    PostalAddress,
    Relationship,
    Stage,
    Tie,
    TypedValue,
)

# tier: (weight, relations, stages)
TIERS: dict[str, tuple[int, list[Relationship], list[Stage]]] = {
    "inner": (8, [Relationship.FRIEND] * 3 + [Relationship.FAMILY],
              [Stage.SPREADER, Stage.FOLLOWER, Stage.CUSTOMER]),
    "partner": (7, [Relationship.PARTNER], [Stage.PARTNER, Stage.PARTNER, Stage.SPREADER]),
    "active": (6, [Relationship.CLIENT] * 3 + [Relationship.COLLEAGUE],
               [Stage.CUSTOMER, Stage.SPREADER]),
    "warm": (20, [Relationship.CLIENT, Relationship.SUPPLIER, Relationship.COLLEAGUE],
             [Stage.CUSTOMER, Stage.FOLLOWER]),
    "acquaintance": (35, [Relationship.ACQUAINTANCE] * 3 + [Relationship.UNKNOWN],
                     [Stage.ONLOOKER, Stage.FOLLOWER]),
    "cold": (24, [Relationship.UNKNOWN, Relationship.ACQUAINTANCE],
             [Stage.ONLOOKER, Stage.UNKNOWN]),
}
_TIER_NAMES = list(TIERS)
_TIER_WEIGHTS = [TIERS[t][0] for t in _TIER_NAMES]
_SPHERE = [p for p in plan.PROFESSIONS if p.sphere]
MET_AT = [
    "Chamber mixer", "Referral Circle breakfast", "Print trade show, Las Vegas",
    "Service club holiday food drive", "Client's open house", "Online small-business forum",
    "Pearl District dinner", "Neighbour at the co-working space", "Alumni reunion",
    "Kid's soccer team", "Conference on packaging design",
]
NOTES = [
    "Prefers e-mail before 9 am. Coffee: flat white.",
    "Runs marathons; ask about the next race.",
    "Looking for a printer for a new location opening in the spring.",
    "Has two kids at Lincoln High; volunteers at the robotics club.",
    "Knows everyone in the downtown restaurant scene.",
    "Old colleague from the press floor; reliable and blunt.",
    "Wants introductions to commercial landlords.",
    "Big on sustainability; ask about recycled stock samples.",
]


def png_square(rgb: tuple[int, int, int], size: int = 24) -> bytes:
    """A tiny solid-colour PNG (no imaging library needed)."""
    def chunk(tag: bytes, data: bytes) -> bytes:
        body = tag + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + bytes(rgb) * size
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(row * size)) + chunk(b"IEND", b""))


def _uid(rng: random.Random) -> str:
    return f"urn:uuid:{uuid.UUID(int=rng.getrandbits(128), version=4)}"


class CompanyPool:
    """Companies per profession, shared by colleagues; abroad companies use local names."""

    def __init__(self, rng: random.Random, contacts: int) -> None:
        self.rng = rng
        self.per_profession = max(3, min(80, contacts // 120))
        self.by_key: dict[tuple[str, str], list[DemoCompany]] = {}
        self.all: dict[str, DemoCompany] = {}

    def pick(self, prof: plan.Profession, country: str) -> DemoCompany:
        """A company of *prof* (never another profession's: a dentist at a bistro)."""
        key = (prof.name, country if country in plan.ABROAD_COMPANIES else "US")
        pool = self.by_key.setdefault(key, [])
        limit = 2 if key[1] != "US" else self.per_profession
        if len(pool) < limit and (not pool or self.rng.random() < 0.6):
            for _ in range(8 if pool else 50):  # a new name (one taken by another profession
                company = self._new(prof, key[1])  # is retried)
                if company.name not in self.all:
                    self.all[company.name] = company
                    pool.append(company)
                    return company
        if pool:
            return self.rng.choice(pool)
        company = self._new(prof, "US")  # abroad names all taken: a US-style unique name
        company = DemoCompany(f"{company.name} {len(self.all)}", company.industry,
                              company.website)
        self.all[company.name] = company
        pool.append(company)
        return company

    def _new(self, prof: plan.Profession, country: str) -> DemoCompany:
        rng = self.rng
        if country != "US":
            name = rng.choice(plan.ABROAD_COMPANIES[country])
            domain = f"{to_ascii(make_person(rng).ascii_family)}-{len(self.all)}.{TLD[country]}"
        else:
            base = (rng.choice(plan.COMPANY_PLACES) if rng.random() < 0.6
                    else make_person(rng, "english").family)
            name = f"{base} {rng.choice(prof.words)}"
            slug = to_ascii(name.replace("&", "and").replace(" ", ""))[:24]
            domain = f"{slug}.com"
        return DemoCompany(name, prof.industry, f"https://www.{domain}")


def _email_domain(company: DemoCompany) -> str:
    return company.website.removeprefix("https://www.")


def make_self(rng: random.Random) -> DemoContact:
    draft = ContactDraft(
        formatted_name=f"{plan.ME_GIVEN} {plan.ME_FAMILY}", given_name=plan.ME_GIVEN,
        family_name=plan.ME_FAMILY, organization=plan.ME_COMPANY,
        title="Senior account executive",
        emails=[TypedValue(f"alex@{plan.ME_DOMAIN}", ["work"], True)],
        phones=[TypedValue("+1 503-555-0142", ["cell"], True),
                TypedValue("+1 503-555-0100", ["work"])],
        addresses=[PostalAddress("1120 SE Alder St", "Portland", "OR", "97214", "USA",
                                 types=["work"])],
        urls=[TypedValue(f"https://www.{plan.ME_DOMAIN}", ["work"])],
        tags=["me"], photo=Photo(png_square((40, 90, 160)), "image/png"), uid=_uid(rng),
        source="demo", note="My own card: share it as a QR code or vCard.",
    )
    return DemoContact(draft, tier="self", is_self=True, profession=plan.ME_PROFESSION)


def make_contact(rng: random.Random, companies: CompanyPool, today: dt.date) -> DemoContact:
    """One network contact with a tier that drives its interactions and referrals."""
    tier = rng.choices(_TIER_NAMES, _TIER_WEIGHTS)[0]
    _, relations, stages = TIERS[tier]
    relation = rng.choice(relations)
    prof = rng.choice(_SPHERE if tier == "partner" else plan.PROFESSIONS)
    person = make_person(rng)
    abroad = rng.random() < 0.18 and person.culture != "english"
    country = person.country if abroad else "US"
    company = companies.pick(prof, country)
    draft = _draft(rng, person, prof, company, country, today)
    stage = rng.choice(stages)
    contact = DemoContact(
        draft, relation, stage, profession=prof.name, tier=tier,
        opinion_leader=rng.random() < (0.25 if tier in ("partner", "active") else 0.03),
        want_business=tier in ("acquaintance", "cold") and rng.random() < 0.12,
        want_refer=prof.sphere and tier != "partner" and rng.random() < 0.15,
    )
    roll = rng.random()
    if roll < 0.006 and tier in ("acquaintance", "cold"):
        contact.tie_override = Tie.STRONG
        contact.tie_override_note = "Mentor: we rarely talk, but I'd call in an emergency."
    elif roll < 0.012 and tier == "inner":
        contact.tie_override = Tie.WEAK
        contact.tie_override_note = "Family, but we never talk business."
    return contact


def _draft(rng: random.Random, person: Person, prof: plan.Profession, company: DemoCompany,
           country: str, today: dt.date) -> ContactDraft:
    local = f"{person.ascii_given}.{person.ascii_family}".strip(".") or "info"
    emails = [TypedValue(f"{local}@{_email_domain(company)}", ["work"], True)]
    if rng.random() < 0.25:
        emails.append(TypedValue(f"{person.ascii_given}{rng.randint(1, 99)}@example.net",
                                 ["home"]))
    city, state, zip3, area = rng.choice(US_CITIES)
    phones = [TypedValue(phone_for(rng, country, area), ["work"])]
    if rng.random() < 0.3:
        phones.insert(0, TypedValue(phone_for(rng, country, area), ["cell"]))
    if country == "US":
        address = PostalAddress(
            f"{rng.randint(100, 9999)} {rng.choice('NSEW')}{rng.choice('EW ')} "
            f"{rng.choice(STREETS)} {rng.choice(STREET_KINDS)}".replace("  ", " "),
            city, state, f"{zip3}{rng.randint(0, 99):02d}", "USA", types=["work"])
    else:
        abroad_city, country_name, _ = ABROAD[country]
        address = PostalAddress(locality=abroad_city, country=country_name, types=["work"])
    tags = list(prof.tags)
    if country != "US":
        tags.append("international")
    if rng.random() < 0.1:
        tags.append("holiday card")
    birthday = ""
    if rng.random() < 0.3:
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        birthday = (f"--{month:02d}-{day:02d}" if rng.random() < 0.3
                    else f"{today.year - rng.randint(25, 68)}-{month:02d}-{day:02d}")
    photo = None
    if rng.random() < 0.04:
        photo = Photo(png_square((rng.randint(60, 220), rng.randint(60, 220),
                                  rng.randint(60, 220))), "image/png")
    met = rng.choice(MET_AT)
    return ContactDraft(
        formatted_name=person.formatted, given_name=person.given, family_name=person.family,
        phonetic_given_name=person.phonetic_given, phonetic_family_name=person.phonetic_family,
        organization=company.name, title=rng.choice(prof.titles), emails=emails,
        phones=phones, addresses=[address], birthday=birthday,
        note=rng.choice(NOTES) if rng.random() < 0.3 else "", tags=tags, photo=photo,
        uid=_uid(rng), source="demo",
        met_at=f"{met}, {today.year - rng.randint(0, 8)}",
    )
