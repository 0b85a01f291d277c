"""A believable salesperson's network for `wombat demo`: deterministic for a given seed.

`build_network(contacts, seed, today)` returns a `DemoNetwork` of plain values. Each contact
gets a closeness tier; its interactions and referrals are drawn so that the tie rule in
`core.ties` makes roughly a fifth of the network strong and the rest weak.
"""

from __future__ import annotations

import datetime as dt
import random

from wombat_desktop.core import demo_plan as plan
from wombat_desktop.core.demo_activity import (
    contact_memberships,
    events,
    follow_ups,
    interactions_for,
    referrals_for,
    spheres,
)
from wombat_desktop.core.demo_model import (
    DemoChecklistItem,
    DemoClipping,
    DemoContact,
    DemoHook,
    DemoIncentive,
    DemoMembership,
    DemoNetwork,
    DemoOrganization,
    DemoPressTopic,
    DemoProfile,
    DemoScript,
)
from wombat_desktop.core.demo_people import CompanyPool, make_contact, make_self

__all__ = ["DemoContact", "DemoNetwork", "build_network"]


def build_network(contacts: int = 300, seed: int = 7,
                  today: dt.date | None = None) -> DemoNetwork:
    """Generate the user's card plus *contacts* network contacts and a filled-in plan."""
    today = today or dt.date.today()
    rng = random.Random(seed)
    net = DemoNetwork(profile=_profile())
    net.contacts.append(make_self(rng))
    pool = CompanyPool(rng, contacts)
    net.contacts.extend(make_contact(rng, pool, today) for _ in range(contacts))
    net.companies = list(pool.all.values())
    net.organizations = _organizations(rng, today)
    for i in range(1, len(net.contacts)):
        net.interactions.extend(interactions_for(rng, i, net.contacts[i], today))
        net.referrals.extend(referrals_for(rng, i, net.contacts, today))
    net.memberships = _my_memberships(today) + contact_memberships(rng, net.contacts, today)
    net.hooks = [DemoHook(text, tags, archived="archived" in tags) for text, tags in plan.HOOKS]
    net.scripts = _scripts()
    net.events, event_interactions = events(rng, net.contacts, today)
    net.interactions.extend(event_interactions)
    net.follow_ups, lunch_interactions = follow_ups(rng, net.contacts, net.referrals, today)
    net.interactions.extend(lunch_interactions)
    net.spheres = spheres(net.contacts)
    net.checklist = _checklist(rng, today)
    net.incentives = [DemoIncentive(t.value, s, d, p, b) for t, s, d, p, b in plan.INCENTIVES]
    net.press_topics = [DemoPressTopic(i, topic, outlet, status)
                        for i, (topic, outlet, status) in enumerate(plan.PRESS_TOPICS)]
    net.clippings = [DemoClipping(title, outlet, today - dt.timedelta(days=days))
                     for title, outlet, days in plan.CLIPPINGS]
    return net


def _profile() -> DemoProfile:
    return DemoProfile(plan.ME_PROFESSION, plan.BACKGROUND, plan.PRODUCT_INTRO, plan.SERVICES,
                       plan.IMAGE_STATEMENT)


def _organizations(rng: random.Random, today: dt.date) -> list[DemoOrganization]:
    out = []
    for name, kind, cadence, dues, hours, professions in plan.ORGANIZATIONS:
        last = today - dt.timedelta(days=rng.randint(3, 60))
        out.append(DemoOrganization(name, kind.value, cadence, dues, hours, professions, "",
                                    last))
    return out


def _my_memberships(today: dt.date) -> list[DemoMembership]:
    return [
        DemoMembership(org, None, role, positions, today - dt.timedelta(days=400 + 170 * org))
        for org, (role, positions) in plan.MY_ROLES.items()
    ]


def _scripts() -> list[DemoScript]:
    name = f"I'm {plan.ME_GIVEN} {plan.ME_FAMILY} from {plan.ME_COMPANY}."
    hook = plan.HOOKS[0][0]
    short = plan.PRODUCT_INTRO.split(":")[0] + "."
    parts = [
        (name, "", 0, "We print for Portland's small businesses."),
        (name, "Twelve years in commercial print, from the press floor up.", 0, short),
        (name, plan.BACKGROUND, 1, plan.PRODUCT_INTRO
         + " A great referral for me is anyone opening a new location or rebranding."),
    ]
    out = []
    for (title, seconds), (n, background, hook_index, product) in zip(
            plan.SCRIPTS, parts, strict=True):
        hook_text = plan.HOOKS[hook_index][0] if seconds > 10 else hook
        text = " ".join(p for p in (n, background, hook_text, product) if p)
        out.append(DemoScript(title, seconds, n, background, hook_index, product, text))
    return out


def _checklist(rng: random.Random, today: dt.date) -> list[DemoChecklistItem]:
    items = []
    for number, title in enumerate(plan.MATERIAL_TITLES, 1):
        have = number in plan.MATERIAL_HAVE
        refreshed = today - dt.timedelta(days=rng.randint(10, 500)) if have else None
        items.append(DemoChecklistItem("material", number, title, have,
                                       plan.MATERIAL_NOTES.get(number, ""), refreshed))
    for number, title in enumerate(plan.TOOL_TITLES, 1):
        items.append(DemoChecklistItem("tool", number, title, number in plan.TOOL_HAVE))
    return items
