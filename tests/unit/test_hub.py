"""The hub: counts, score and a drawable star picture."""

from __future__ import annotations

import math

from wombat_desktop.core.hub import Link, build_hub, hub_score

NAMES = {1: "Ann", 2: "Bob", 3: "Cy", 4: "Di", 5: "Ed"}
SPHERES = {1: ["Home"], 2: ["Business"], 3: ["Home"]}


def test_counts_routed_referrals_introductions_and_spheres() -> None:
    links = [Link(1, 2, "referral", True), Link(1, 2, "referral", True),
             Link(3, 1, "referral", True), Link(0, 4, "introduction", True),
             Link(4, 5, "introduction", False)]
    hub = build_hub(links, NAMES, {1: "strong"}, SPHERES, spheres_total=3)
    assert hub.routed_referrals == 3
    assert hub.introductions_by_you == 1
    assert hub.introductions_between_contacts == 1
    assert hub.people_connected == 4  # Ann, Bob, Cy, Di
    assert hub.spheres_connected == 2
    assert hub.bridges == 2  # Ann-Bob twice (Home-Business); Cy-Ann share Home
    assert hub.score == hub_score(3, 1, 2, 3)
    assert "4 people" in hub.summary


def test_picture_has_the_user_in_the_middle_and_merged_edges() -> None:
    links = [Link(1, 2, "referral", True), Link(2, 1, "referral", True)]
    hub = build_hub(links, NAMES, {1: "strong", 2: "weak"}, SPHERES, 2)
    you = hub.nodes[0]
    assert (you.id, you.x, you.y, you.label) == (0, 0.0, 0.0, "You")
    assert {n.id for n in hub.nodes[1:]} == {1, 2}
    assert len(hub.edges) == 1
    assert hub.edges[0].count == 2
    for node in hub.nodes[1:]:
        assert math.hypot(node.x, node.y) <= 1.0
    assert {n.tie for n in hub.nodes[1:]} == {"strong", "weak"}


def test_picture_is_capped_for_readability() -> None:
    links = [Link(i, i + 1, "referral", True) for i in range(1, 200)]
    hub = build_hub(links, {}, {}, {}, 0, max_nodes=30)
    assert len(hub.nodes) == 31
    assert hub.hidden_nodes == 200 - 30
    shown = {n.id for n in hub.nodes}
    assert all(e.source in shown and e.target in shown for e in hub.edges)


def test_empty_network() -> None:
    hub = build_hub([], {}, {}, {}, 0)
    assert hub.score == 0
    assert len(hub.nodes) == 1
    assert hub.edges == ()


def test_score_caps_at_one_hundred() -> None:
    assert hub_score(100, 100, 4, 4) == 100
    assert hub_score(10, 0, 0, 0) == 20
