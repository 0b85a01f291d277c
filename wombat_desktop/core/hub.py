"""The hub (WOMBAT I.4): how central the user is among the people they know.

Two kinds of link count: a *routed referral* (the user gave contact A business for prospect
B: A and B met through the user) and an *introduction* (a contact's ``introduced_by`` names
who brought them in; when that is the user's own card the user made the introduction). The
picture is a star: the user in the middle, the people they connected on a ring grouped by
sphere, and a line for each connection.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

ROUTED_TARGET = 20  # routed referrals for full marks
INTRODUCTION_TARGET = 10
MAX_NODES = 60  # more would not read as a picture


@dataclass(frozen=True, slots=True)
class Link:
    """A connection between two contacts; ``via_you`` when the user made it."""

    source: int
    target: int
    kind: str  # referral | introduction
    via_you: bool


@dataclass(frozen=True, slots=True)
class HubNode:
    id: int  # contact id; 0 is the user
    label: str
    tie: str  # strong | weak | "" (the user)
    sphere: str  # the first sphere the contact sits in, or ""
    degree: int
    x: float  # layout in [-1, 1], the user at (0, 0)
    y: float


@dataclass(frozen=True, slots=True)
class HubEdge:
    source: int
    target: int
    kind: str
    count: int
    via_you: bool


@dataclass(frozen=True, slots=True)
class HubView:
    routed_referrals: int
    introductions_by_you: int
    introductions_between_contacts: int
    people_connected: int  # distinct contacts on either end of a link made by the user
    spheres_connected: int  # the user's spheres with a member among them
    spheres_total: int
    bridges: int  # links made by the user whose ends sit in different spheres (or none)
    score: float  # 0–100
    nodes: tuple[HubNode, ...]
    edges: tuple[HubEdge, ...]
    hidden_nodes: int  # people left out of the picture to keep it readable

    @property
    def summary(self) -> str:
        return (f"You connected {self.people_connected} people through "
                f"{self.routed_referrals} referrals and {self.introductions_by_you} "
                f"introductions, across {self.spheres_connected} of {self.spheres_total} "
                "spheres.")


def hub_score(routed: int, introductions: int, spheres_connected: int,
              spheres_total: int) -> float:
    """40 points for routed referrals, 30 for introductions, 30 for spheres reached."""
    score = 40.0 * min(1.0, routed / ROUTED_TARGET)
    score += 30.0 * min(1.0, introductions / INTRODUCTION_TARGET)
    if spheres_total:
        score += 30.0 * spheres_connected / spheres_total
    return round(score, 1)


def build_hub(links: Sequence[Link], names: Mapping[int, str], ties: Mapping[int, str],
              spheres_of: Mapping[int, Sequence[str]], spheres_total: int,
              max_nodes: int = MAX_NODES) -> HubView:
    """Count the user's connections and lay out the picture of the busiest ones."""
    mine = [ln for ln in links if ln.via_you]
    routed = sum(1 for ln in mine if ln.kind == "referral")
    intro_you = sum(1 for ln in mine if ln.kind == "introduction")
    between = sum(1 for ln in links if ln.kind == "introduction" and not ln.via_you)
    people = {p for ln in mine for p in (ln.source, ln.target) if p}
    reached = {s for p in people for s in spheres_of.get(p, ())}
    bridges = sum(1 for ln in mine if ln.source and ln.target
                  and set(spheres_of.get(ln.source, ())) != set(spheres_of.get(ln.target, ())))
    counts = Counter((min(ln.source, ln.target), max(ln.source, ln.target), ln.kind, ln.via_you)
                     for ln in links)
    degree: Counter[int] = Counter()
    for (a, b, _, _), n in counts.items():
        degree[a] += n
        degree[b] += n
    degree.pop(0, None)
    shown = [cid for cid, _ in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))
             [:max_nodes]]
    shown.sort(key=lambda c: (_first(spheres_of.get(c, ())), names.get(c, "").casefold()))
    nodes = [HubNode(0, "You", "", "", sum(n for k, n in counts.items() if k[3]), 0.0, 0.0)]
    for i, cid in enumerate(shown):
        angle = 2 * math.pi * i / max(1, len(shown)) - math.pi / 2
        radius = 0.9 if i % 2 == 0 or len(shown) < 16 else 0.65  # stagger crowded rings
        nodes.append(HubNode(cid, names.get(cid, f"#{cid}"), ties.get(cid, "weak"),
                             _first(spheres_of.get(cid, ())), degree[cid],
                             round(radius * math.cos(angle), 4),
                             round(radius * math.sin(angle), 4)))
    keep = {0, *shown}
    edges = tuple(HubEdge(a, b, kind, n, via) for (a, b, kind, via), n in sorted(counts.items())
                  if a in keep and b in keep)
    total = len(reached)
    return HubView(routed, intro_you, between, len(people), total, spheres_total, bridges,
                   hub_score(routed, intro_you, total, spheres_total), tuple(nodes), edges,
                   max(0, len(degree) - len(shown)))


def _first(values: Sequence[str]) -> str:
    return values[0] if values else ""
