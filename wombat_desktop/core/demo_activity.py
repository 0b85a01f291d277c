"""Demo activity: interactions, referrals, lunches, events, memberships and spheres.

Each tier's draws respect the tie rule (`core.ties`): inner, partner and active contacts
score strong; warm, acquaintance and cold ones stay weak (few points, old or remote contact).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from wombat_desktop.core import demo_plan as plan
from wombat_desktop.core.demo_model import (
    DemoAttendee,
    DemoContact,
    DemoEvent,
    DemoFollowUp,
    DemoInteraction,
    DemoMembership,
    DemoReferral,
    DemoSphere,
)
from wombat_desktop.core.demo_names import make_person
from wombat_desktop.core.followups import expand_reason
from wombat_desktop.core.model import (
    FollowUpList,
    InteractionKind,
    LunchStatus,
    ReferralDirection,
    ReferralKind,
    ReferralStatus,
)

K = InteractionKind
FACE = [K.LUNCH, K.ONE_TO_ONE, K.MEETING]
REMOTE = [K.CALL, K.EMAIL]
PLACES = ["Alder Street Bistro", "The Pearl Room café", "Hawthorne Noodle House",
          "Riverside Grill", "Division Street Tacos", "Sellwood Deli", "Burnside Brasserie"]
TOPICS = ["the spring catalogue", "a new store opening", "trade-show banners", "their rebrand",
          "referral ideas", "a client who needs packaging", "the chamber gala",
          "menu reprints", "year-end mailers", "a joint workshop"]
SUMMARY = {
    K.LUNCH: "Lunch at {place}: talked about {topic}.",
    K.ONE_TO_ONE: "One-to-one over coffee: {topic}.",
    K.MEETING: "Meeting at their office about {topic}.",
    K.CALL: "Call about {topic}.",
    K.EMAIL: "E-mailed samples and a note on {topic}.",
    K.EVENT: "Chatted at an event about {topic}.",
    K.NOTE: "Note: mentioned {topic}.",
}


def _ago(today: dt.date, rng: random.Random, lo: int, hi: int) -> dt.date:
    return today - dt.timedelta(days=rng.randint(lo, hi))


def _act(rng: random.Random, i: int, kind: InteractionKind, on: dt.date) -> DemoInteraction:
    text = SUMMARY[kind].format(place=rng.choice(PLACES), topic=rng.choice(TOPICS))
    return DemoInteraction(i, kind.value, on, text)


def interactions_for(rng: random.Random, i: int, c: DemoContact,
                     today: dt.date) -> list[DemoInteraction]:
    """Interactions shaped by the contact's tier (see module doc)."""
    tier = c.tier
    plan_: list[tuple[list[InteractionKind], int, int]] = []  # (kinds, min days, max days)
    if tier == "inner":
        plan_ = [(FACE + REMOTE, 3, 300)] * rng.randint(2, 5)
    elif tier == "partner":
        plan_ = [(FACE, 3, 80)] + [(FACE + REMOTE, 10, 400)] * rng.randint(3, 7)
    elif tier == "active":
        plan_ = [(FACE, 2, 85)] + [(FACE + REMOTE, 90, 700)] * rng.randint(2, 4)
    elif tier == "warm":
        first = (FACE, 100, 360) if rng.random() < 0.5 else (REMOTE, 5, 85)
        plan_ = [first] + [(FACE + REMOTE + [K.NOTE], 400, 1200)] * rng.randint(0, 2)
    elif tier == "acquaintance":
        first = (REMOTE, 5, 85) if rng.random() < 0.4 else (FACE + [K.EVENT], 100, 700)
        plan_ = [first] + [(REMOTE + [K.EVENT, K.NOTE], 400, 1500)] * rng.randint(0, 2)
    elif tier == "cold" and rng.random() < 0.7:
        plan_ = [([K.EVENT, K.EMAIL, K.NOTE], 400, 1500)]
    return [_act(rng, i, rng.choice(kinds), _ago(today, rng, lo, hi))
            for kinds, lo, hi in plan_]


def _prospect(rng: random.Random, not_named: str = "") -> str:
    """A prospect outside the network, never named like *not_named* (the referrer)."""
    person = make_person(rng)
    while person.formatted == not_named:
        person = make_person(rng)
    return f"{person.formatted} ({rng.choice(plan.COMPANY_PLACES)} {rng.choice(TOPICS_CO)})"


TOPICS_CO = ["Brewing", "Dental", "Bakery", "Yoga Studio", "Realty", "Law Group", "Bike Shop",
             "Coffee Roasters", "Veterinary Clinic", "Hotel"]
STATUSES = [ReferralStatus.GIVEN, ReferralStatus.CONTACTED, ReferralStatus.MET,
            ReferralStatus.CLOSED, ReferralStatus.LOST]


def _referral(rng: random.Random, i: int, direction: ReferralDirection,
              contacts: Sequence[DemoContact], today: dt.date, org: int | None
              ) -> DemoReferral:
    """A referral with contact *i*; the person it is for is always someone else."""
    n = len(contacts)
    status = rng.choices(STATUSES, [20, 25, 20, 25, 10])[0]
    value = round(rng.uniform(400, 25000), -1) if status is ReferralStatus.CLOSED else None
    name = contacts[i].draft.formatted_name
    for_contact = rng.randrange(1, n) if rng.random() < 0.2 and n > 2 else None
    if for_contact is not None and (for_contact == i
                                    or contacts[for_contact].draft.formatted_name == name):
        for_contact = None  # not themselves (nor a namesake): a prospect outside the network
    kind = ReferralKind.PROMOTION if rng.random() < 0.15 else ReferralKind.REFERRAL
    return DemoReferral(
        direction.value, kind.value, i, _ago(today, rng, 5, 700), status.value,
        rng.randint(1, 5), value, "" if for_contact is not None else _prospect(rng, name),
        for_contact, org,
    )


def referrals_for(rng: random.Random, i: int, contacts: Sequence[DemoContact],
                  today: dt.date) -> list[DemoReferral]:
    """Referrals both ways: many with partners, a few given to weak contacts (to nurture)."""
    c = contacts[i]
    given = received = 0
    if c.tier == "partner":
        given, received = rng.randint(1, 4), rng.randint(1, 4)
    elif c.tier == "active":
        received = int(rng.random() < 0.4)
        given = int(rng.random() < 0.3)
    elif c.tier == "inner":
        given, received = int(rng.random() < 0.3), int(rng.random() < 0.2)
    elif c.tier == "acquaintance" and rng.random() < 0.12:
        given = rng.randint(1, 2)
    elif c.tier == "cold" and rng.random() < 0.05:
        given = 1
    org = 1 if c.tier == "partner" and rng.random() < 0.4 else None
    return ([_referral(rng, i, ReferralDirection.GIVEN, contacts, today, org)
             for _ in range(given)]
            + [_referral(rng, i, ReferralDirection.RECEIVED, contacts, today, org)
               for _ in range(received)])


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def follow_ups(rng: random.Random, contacts: Sequence[DemoContact],
               referrals: Sequence[DemoReferral], today: dt.date
               ) -> tuple[list[DemoFollowUp], list[DemoInteraction]]:
    """The nurture list (II.11) and the expand list (II.12), in every lunch status."""
    got = {r.contact for r in referrals if r.direction == "received"}
    nurture = sorted({r.contact for r in referrals
                      if r.direction == "given" and r.contact not in got})
    expand = [i for i, c in enumerate(contacts) if c.want_business or c.want_refer]
    cap = max(18, min(len(contacts) // 8, 3000))
    picks = ([(i, FollowUpList.NURTURE) for i in nurture]
             + [(i, FollowUpList.EXPAND) for i in expand])
    rng.shuffle(picks)
    # One open lunch per person, as the planner allows: someone on both lists once.
    first: dict[int, FollowUpList] = {}
    for i, list_name in picks:
        first.setdefault(i, list_name)
    picks = list(first.items())
    statuses = list(LunchStatus)
    out: list[DemoFollowUp] = []
    lunches: list[DemoInteraction] = []
    for n, (i, list_name) in enumerate(picks[:cap]):
        status = statuses[n] if n < len(statuses) else rng.choices(
            statuses, [30, 20, 15, 10, 10, 15])[0]
        place = rng.choice(PLACES)
        visit = list_name is FollowUpList.NURTURE and rng.random() < 0.25
        reason = ("I sent them business; they have not sent any back yet."
                  if list_name is FollowUpList.NURTURE
                  else expand_reason(contacts[i].want_business, contacts[i].want_refer))
        due: dt.date | None = today + dt.timedelta(days=rng.randint(-3, 14))
        starts: dt.datetime | None = None
        after = ""
        if status is LunchStatus.SCHEDULED:
            starts = _at(today + dt.timedelta(days=rng.randint(1, 21)), 12, 30)
        elif status in (LunchStatus.HELD, LunchStatus.FOLLOWED_UP):
            lo, hi = (1, 20) if status is LunchStatus.HELD else (15, 90)
            starts = _at(_ago(today, rng, lo, hi), 12)
            due = None
            after = "Good talk; agreed to swap two introductions each."
            lunches.append(DemoInteraction(i, InteractionKind.LUNCH.value, starts.date(),
                                           f"Lunch at {place}: getting to know each other."))
        elif status is LunchStatus.DECLINED:
            after = "Busy season; try again next quarter."
        out.append(DemoFollowUp(
            i, list_name.value, status.value, due, starts, "Rose City Referral Circle breakfast"
            if visit else place, reason, "visit" if visit else "lunch", 1 if visit else None,
            talking_points="Ask what a good referral looks like for them.", notes_after=after,
        ))
    return out, lunches


def events(rng: random.Random, contacts: Sequence[DemoContact], today: dt.date
           ) -> tuple[list[DemoEvent], list[DemoInteraction]]:
    """One upcoming mixer with ~15 expected attendees and two past events."""
    strong = [i for i, c in enumerate(contacts) if c.tier in ("partner", "active")]
    weak = [i for i, c in enumerate(contacts) if c.tier in ("acquaintance", "warm")]
    goals = ["Ask for an introduction to their banker", "Thank them for the last referral",
             "Book a lunch", "Bring the recycled-stock samples", "Meet their new partner"]
    coming = rng.sample(strong, min(6, len(strong))) + rng.sample(weak, min(9, len(weak)))
    upcoming = DemoEvent(
        "Chamber monthly mixer", _at(today + dt.timedelta(days=9), 17, 30),
        "Pearl District event hall", 0,
        "Meet three new sphere partners (a banker, a web designer, a photographer); "
        "book two lunches; hand out 20 cards with the new QR code.",
        tuple(DemoAttendee(i, goal=rng.choice(goals)) for i in coming), hook=0, script=1,
    )
    partners = [i for i, c in enumerate(contacts) if c.tier == "partner"]
    breakfast_at = _at(today - dt.timedelta(days=12), 7, 0)
    breakfast = DemoEvent(
        "Referral Circle breakfast: member spotlight", breakfast_at, "Riverside Grill", 1,
        "Give my 60-second feature; bring two referrals.",
        tuple(DemoAttendee(i, met=True) for i in partners[:12]), hook=1, script=2,
    )
    show_at = _at(today - dt.timedelta(days=200), 9, 0)
    visitors = rng.sample(weak, min(8, len(weak)))
    show = DemoEvent("Print trade show, Las Vegas", show_at, "Convention centre, hall C", 3,
                     "See new digital presses; meet paper suppliers.",
                     tuple(DemoAttendee(i, met=True) for i in visitors), hook=0, script=0)
    acts = [DemoInteraction(i, InteractionKind.EVENT.value, breakfast_at.date(),
                            "Saw them at the Referral Circle breakfast.", 1)
            for i in partners[:12]]
    acts += [DemoInteraction(i, InteractionKind.EVENT.value, show_at.date(),
                             "Met at the print trade show.", 2) for i in visitors]
    return [upcoming, breakfast, show], acts


def contact_memberships(rng: random.Random, contacts: Sequence[DemoContact],
                        today: dt.date) -> list[DemoMembership]:
    """Contacts' memberships: partners in the referral group, others spread thinly."""
    out: list[DemoMembership] = []
    odds = [0.08, 0.0, 0.03, 0.02, 0.03, 0.02, 0.05]
    caps = [2000, 30, 300, 200, 300, 200, 1000]
    counts = [0] * len(odds)
    for i, c in enumerate(contacts):
        if c.is_self:
            continue
        for org, chance in enumerate(odds):
            join = (c.tier == "partner") if org == 1 else rng.random() < chance
            if join and counts[org] < caps[org]:
                counts[org] += 1
                role = "Member" if rng.random() < 0.9 else "Board member"
                out.append(DemoMembership(org, i, role,
                                          since=_ago(today, rng, 60, 3000)))
    return out


def spheres(contacts: Sequence[DemoContact]) -> list[DemoSphere]:
    """The user's printing sphere plus two classic spheres, seats filled from the network."""
    by_prof: dict[str, list[int]] = {}
    for i, c in enumerate(contacts):
        if c.tier in ("partner", "active", "warm"):
            by_prof.setdefault(c.profession, []).append(i)

    def seats(profs: list[str]) -> tuple[tuple[str, tuple[int, ...]], ...]:
        return tuple((p, tuple(by_prof.get(p, [])[:2])) for p in profs)

    return [
        DemoSphere("My printing sphere", plan.ME_PROFESSION, True, seats(
            ["Graphic designer", "Marketing consultant", "Web designer", "Photographer",
             "Sign maker", "Event planner", "Business coach", "Paper merchant"]),
            "Everyone here sells to businesses that need printed material."),
        DemoSphere("Home buyers' sphere", "Real-estate agent", False, seats(
            ["Real-estate agent", "Mortgage broker", "Home inspector", "Insurance agent",
             "Lawyer", "Interior designer"])),
        DemoSphere("Business owners' sphere", "Accountant", False, seats(
            ["Accountant", "Lawyer", "Banker", "Financial planner", "Insurance agent"])),
    ]
