"""The demo network generator: scripts, determinism, plan content, tie mix."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

import pytest

from wombat_desktop.core import demo_plan as plan
from wombat_desktop.core.demo_data import DemoNetwork, build_network
from wombat_desktop.core.demo_names import phone_for, to_ascii
from wombat_desktop.core.demo_people import png_square
from wombat_desktop.core.model import LunchStatus, Tie
from wombat_desktop.core.ties import TieFacts, suggest_tie

TODAY = dt.date(2025, 6, 1)


@pytest.fixture(scope="module")
def net() -> DemoNetwork:
    return build_network(300, 7, TODAY)


def _names(net: DemoNetwork) -> list[str]:
    return [c.draft.display_name() for c in net.contacts]


def test_names_in_several_scripts(net: DemoNetwork) -> None:
    names = _names(net)
    assert any(any("\u4e00" <= ch <= "\u9fff" for ch in n) for n in names)  # CJK
    assert any(any("\u0400" <= ch <= "\u04ff" for ch in n) for n in names)  # Cyrillic
    assert any(any(ch in "éèüöäłøåñçãó" for ch in n) for n in names)  # accented Latin
    japanese = [c.draft for c in net.contacts if any("\u3040" <= ch <= "\u309f"
                                                     for ch in c.draft.phonetic_family_name)]
    assert japanese, "Japanese contacts carry kana phonetic names"


def test_emails_are_ascii_and_phones_international(net: DemoNetwork) -> None:
    for c in net.contacts:
        for e in c.draft.emails:
            local, _, domain = e.value.partition("@")
            assert local.isascii()
            assert domain.isascii()
            assert local
            assert "." in domain
        assert all(p.value.startswith("+") for p in c.draft.phones)
    assert to_ascii("Łukasz Wiśniewski") == "lukaszwisniewski"
    assert to_ascii("Соловьёв") == "solovyov"


def test_phone_patterns() -> None:
    import random

    rng = random.Random(1)
    assert phone_for(rng, "US", "503").startswith("+1 503-555-")
    assert phone_for(rng, "JP").startswith("+81 3-")


def test_self_contact_first(net: DemoNetwork) -> None:
    me = net.contacts[0]
    assert me.is_self
    assert me.draft.given_name == plan.ME_GIVEN
    assert sum(c.is_self for c in net.contacts) == 1
    assert len(net.contacts) == 301


def test_photo_is_a_png() -> None:
    data = png_square((10, 20, 30), 8)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert data.endswith(b"IEND\xaeB`\x82")


def test_deterministic_with_seed() -> None:
    assert build_network(80, 3, TODAY) == build_network(80, 3, TODAY)
    assert build_network(80, 3, TODAY) != build_network(80, 4, TODAY)


def test_tie_mix_strong_and_weak(net: DemoNetwork) -> None:
    acts: dict[int, list] = defaultdict(list)
    for a in net.interactions:
        acts[a.contact].append(a)
    refs: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for r in net.referrals:
        refs[r.contact][0 if r.direction == "given" else 1] += 1
    ties = Counter()
    for i, c in enumerate(net.contacts[1:], 1):
        mine = acts.get(i, [])
        last = max((a.on for a in mine), default=None)
        kind = max((a.kind for a in mine if a.on == last), default="")
        recent = sum(1 for a in mine if (TODAY - a.on).days <= 365)
        facts = TieFacts(refs[i][0], refs[i][1], last, kind, recent, c.relation.value)
        ties[c.tie_override or suggest_tie(facts, TODAY).tie] += 1
    share = ties[Tie.STRONG] / 300
    assert 0.15 <= share <= 0.27, ties
    assert 2 <= len(net.interactions) / 300 <= 4


def test_referrals_both_ways_and_every_lunch_status(net: DemoNetwork) -> None:
    assert {r.direction for r in net.referrals} == {"given", "received"}
    assert {r.kind for r in net.referrals} == {"referral", "promotion"}
    assert {f.status for f in net.follow_ups} == {s.value for s in LunchStatus}
    assert {f.list_name for f in net.follow_ups} == {"nurture", "expand"}


def test_plan_content(net: DemoNetwork) -> None:
    materials = [i for i in net.checklist if i.section == "material"]
    assert [i.title for i in materials] == plan.MATERIAL_TITLES
    assert len(materials) == 18
    assert any(i.have for i in materials)
    assert not all(i.have for i in materials)
    assert len([i for i in net.checklist if i.section == "tool"]) == 3
    assert len(net.press_topics) == 4
    assert net.clippings
    assert sorted(s.seconds for s in net.scripts) == [10, 30, 60]
    assert any("for visitors" in h.tags for h in net.hooks)
    assert {o.kind for o in net.organizations} >= {"casual_contact", "strong_contact"}
    assert any(m.contact is None and m.role for m in net.memberships)
    assert any(m.contact is not None for m in net.memberships)
    assert any(s.is_mine for s in net.spheres)
    assert {i.target for i in net.incentives} == {"clients", "employees", "suppliers",
                                                   "others"}


def test_upcoming_event_has_attendees(net: DemoNetwork) -> None:
    upcoming = [e for e in net.events if e.starts_at.date() > TODAY]
    assert len(upcoming) == 1
    assert 12 <= len(upcoming[0].attendees) <= 15
    assert upcoming[0].goals


def test_tiny_network_still_builds() -> None:
    small = build_network(0, 1, TODAY)
    assert len(small.contacts) == 1
    assert len(small.checklist) == 21
    assert len(build_network(5, 1, TODAY).contacts) == 6


@pytest.mark.parametrize("contacts", [120, 300, 2000])
def test_referrals_are_never_for_the_referrer(contacts: int) -> None:
    net = build_network(contacts, today=dt.date(2026, 11, 22))
    names = [c.draft.formatted_name for c in net.contacts]
    for r in net.referrals:
        prospect = names[r.for_contact] if r.for_contact is not None else r.for_name
        assert r.for_contact != r.contact
        assert prospect.split(" (")[0] != names[r.contact]


@pytest.mark.parametrize("contacts", [120, 300, 2000])
def test_companies_and_lunch_reasons_match_the_profession(contacts: int) -> None:
    net = build_network(contacts, today=dt.date(2026, 11, 22))
    words = {p.name: p.words for p in plan.PROFESSIONS}
    every = {w for ws in words.values() for w in ws}
    for c in net.contacts[1:]:
        org = c.draft.organization
        if any(org.endswith(" " + w) for w in every):  # a US company, named for its trade
            assert any(org.endswith(" " + w) for w in words[c.profession]), (c.profession, org)
    for f in net.follow_ups:
        if f.reason.startswith("Would like to work with this"):
            assert net.contacts[f.contact].profession.lower() in f.reason
