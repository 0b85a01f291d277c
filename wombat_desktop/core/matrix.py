"""The word-of-mouth strategy matrix (WOMBAT 13): where the user stands, and what next.

Two axes, each 0–100 and a weighted sum of named parts so the screen can show why:
network strength (strong contacts, sphere coverage, portfolio diversity, reciprocity) and
message readiness (checklist and tools, memory hooks, intro scripts, press, incentives).
Fifty on an axis is the line between the quadrants of the 2x2.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from dataclasses import replace as r
from enum import StrEnum

STRONG_TARGET = 40  # strong contacts for full marks (an inner circle plus partners)
HOOK_TARGET = 3
THRESHOLD = 50.0


class MatrixStage(StrEnum):
    STARTING_OUT = "Starting out"
    CONNECTED_QUIET = "Well connected, quiet"
    KNOWN_THIN = "Known but thin"
    ENGINE = "Word-of-mouth engine"


STAGE_TEXT: dict[MatrixStage, str] = {
    MatrixStage.STARTING_OUT: "Few strong ties and little to hand out yet: build both.",
    MatrixStage.CONNECTED_QUIET: "People know and trust you, but they have little to pass "
                                 "on: sharpen your message and materials.",
    MatrixStage.KNOWN_THIN: "Your message is ready, but too few people carry it: deepen "
                            "ties and fill your spheres.",
    MatrixStage.ENGINE: "A strong network passing on a clear message: keep it current.",
}


@dataclass(frozen=True, slots=True)
class MatrixInputs:
    """The plan's own figures, gathered by the services (plain values only)."""

    strong_contacts: int = 0
    weak_contacts: int = 0
    seats: int = 0
    seats_covered: int = 0
    seats_thin: int = 0
    diversity: float = 0.0  # from core.portfolio
    given_to: int = 0  # contacts the user referred business to
    reciprocated: int = 0  # of those, how many sent business back
    materials_have: int = 0
    materials_stale: int = 0
    materials_total: int = 18
    tools_have: int = 0
    tools_total: int = 3
    hooks: int = 0
    script_lengths: tuple[int, ...] = ()  # target lengths of the saved scripts
    scripts_rehearsed: int = 0  # rehearsed in the last 14 days
    image_statement: bool = False
    press_topics: int = 0  # filled slots of four
    clippings: int = 0
    incentive_targets: int = 0  # targets (of four) with a best scheme
    # What the next steps name (first items matter most).
    empty_seats: tuple[str, ...] = ()  # "Banker (Business owners' sphere)"
    missing_materials: tuple[str, ...] = ()
    stale_materials: tuple[str, ...] = ()
    missing_kinds: tuple[str, ...] = ()  # organisation kind labels
    targets_without_best: tuple[str, ...] = ()
    unreciprocated: int = 0  # people referred who never sent any back


@dataclass(frozen=True, slots=True)
class MatrixPart:
    key: str
    label: str
    axis: str  # network | message
    score: float  # 0–100
    weight: float  # share of its axis (the weights of an axis add up to 1)
    detail: str


@dataclass(frozen=True, slots=True)
class NextStep:
    text: str
    part: str
    axis: str
    gain: float  # points the step adds to its axis


@dataclass(frozen=True, slots=True)
class MatrixResult:
    network: float
    message: float
    stage: MatrixStage
    stage_text: str
    parts: tuple[MatrixPart, ...]
    next_steps: tuple[NextStep, ...] = field(default=())

    def axis_parts(self, axis: str) -> tuple[MatrixPart, ...]:
        return tuple(p for p in self.parts if p.axis == axis)


def _pct(n: float, of: float) -> float:
    return 0.0 if of <= 0 else round(min(100.0, 100.0 * n / of), 1)


def stage_of(network: float, message: float) -> MatrixStage:
    if network >= THRESHOLD:
        return MatrixStage.ENGINE if message >= THRESHOLD else MatrixStage.CONNECTED_QUIET
    return MatrixStage.KNOWN_THIN if message >= THRESHOLD else MatrixStage.STARTING_OUT


def _scripts_score(lengths: tuple[int, ...], rehearsed: int) -> float:
    have = len({n for n in lengths if n in (10, 30, 60)})
    return round(min(100.0, 70.0 * have / 3 + 30.0 * min(1, rehearsed)), 1)


def _press_score(i: MatrixInputs) -> float:
    return round(min(100.0, 40.0 * i.image_statement + 10.0 * min(4, i.press_topics)
                     + 10.0 * min(2, i.clippings)), 1)


def _checklist_score(i: MatrixInputs) -> float:
    fresh = max(0, i.materials_have - i.materials_stale) + 0.5 * i.materials_stale
    return round(80.0 * fresh / max(1, i.materials_total)
                 + 20.0 * i.tools_have / max(1, i.tools_total), 1)


def parts_of(i: MatrixInputs) -> tuple[MatrixPart, ...]:
    seats = (_pct(i.seats_covered + i.seats_thin / 3, i.seats) if i.seats else 0.0)
    return (
        MatrixPart("strong", "Strong contacts", "network", _pct(i.strong_contacts,
                   STRONG_TARGET), 0.30,
                   f"{i.strong_contacts} strong, {i.weak_contacts} weak (aim: {STRONG_TARGET}"
                   " strong)"),
        MatrixPart("spheres", "Sphere coverage", "network", seats, 0.30,
                   f"{i.seats_covered} of {i.seats} seats with a strong contact, "
                   f"{i.seats_thin} with weak ones only"),
        MatrixPart("portfolio", "Portfolio diversity", "network", round(i.diversity, 1), 0.20,
                   f"{len(i.missing_kinds)} kinds of organisation missing"),
        MatrixPart("reciprocity", "Reciprocity", "network", _pct(i.reciprocated, i.given_to),
                   0.20, f"{i.reciprocated} of {i.given_to} people you referred sent "
                   "business back"),
        MatrixPart("checklist", "Materials and tools", "message", _checklist_score(i), 0.30,
                   f"{i.materials_have} of {i.materials_total} materials ({i.materials_stale}"
                   f" stale), {i.tools_have} of {i.tools_total} tools"),
        MatrixPart("hooks", "Memory hooks", "message", _pct(i.hooks, HOOK_TARGET), 0.15,
                   f"{i.hooks} memory hooks (aim: {HOOK_TARGET})"),
        MatrixPart("scripts", "Introduction scripts", "message",
                   _scripts_score(i.script_lengths, i.scripts_rehearsed), 0.20,
                   f"{len(set(i.script_lengths) & {10, 30, 60})} of the 10/30/60-second "
                   f"scripts, {i.scripts_rehearsed} rehearsed in the last two weeks"),
        MatrixPart("press", "Image and press", "message", _press_score(i), 0.20,
                   f"image statement {'written' if i.image_statement else 'missing'}, "
                   f"{i.press_topics} of 4 press topics, {i.clippings} clippings"),
        MatrixPart("incentives", "Incentives", "message", _pct(i.incentive_targets, 4), 0.15,
                   f"{i.incentive_targets} of 4 targets with a best scheme"),
    )


def compute(i: MatrixInputs) -> MatrixResult:
    """Score both axes, place the user on the 2x2 and pick the next three steps."""
    parts = parts_of(i)
    network = round(sum(p.score * p.weight for p in parts if p.axis == "network"), 1)
    message = round(sum(p.score * p.weight for p in parts if p.axis == "message"), 1)
    stage = stage_of(network, message)
    return MatrixResult(network, message, stage, STAGE_TEXT[stage], parts,
                        next_steps(i, parts, network, message))


def next_steps(i: MatrixInputs, parts: tuple[MatrixPart, ...], network: float,
               message: float, count: int = 3) -> tuple[NextStep, ...]:
    """The steps that would move the user most: each candidate is re-scored as if done.

    Gains on the weaker axis count 1.5 times, so that the steps lead towards the next
    stage; one step per part, so the list is varied.
    """
    current = {p.key: p for p in parts}
    candidates: list[tuple[float, NextStep]] = []

    def consider(key: str, text: str, changed: MatrixInputs) -> None:
        after = {p.key: p for p in parts_of(changed)}[key]
        part = current[key]
        gain = round((after.score - part.score) * part.weight, 1)
        if gain <= 0:
            return
        weaker = "network" if network <= message else "message"
        rank = gain * (1.5 if part.axis == weaker else 1.0)
        candidates.append((rank, NextStep(text, key, part.axis, gain)))

    if i.empty_seats:
        consider("spheres", f"Find a strong {i.empty_seats[0]}: ask a partner for an "
                 "introduction.", r(i, seats_covered=i.seats_covered + 1))
    if i.strong_contacts < STRONG_TARGET:
        consider("strong", "Book five lunches with weak contacts you like to make them "
                 "strong.", r(i, strong_contacts=i.strong_contacts + 5))
    if i.missing_kinds:
        consider("portfolio", f"Visit a {i.missing_kinds[0].lower()}: you have none yet.",
                 r(i, diversity=min(100.0, i.diversity + 25.0)))
    if i.unreciprocated:
        n = min(5, i.unreciprocated)
        consider("reciprocity", f"Invite {n} people you referred who never sent business "
                 "back to lunch.", r(i, reciprocated=i.reciprocated + n // 2 + 1))
    if i.missing_materials:
        consider("checklist", f"Make the missing material: {i.missing_materials[0]}.",
                 r(i, materials_have=i.materials_have + 1))
    elif i.stale_materials:
        consider("checklist", f"Refresh: {i.stale_materials[0]}.",
                 r(i, materials_stale=i.materials_stale - 1))
    if i.hooks < HOOK_TARGET:
        consider("hooks", "Write a memory hook people can picture.", r(i, hooks=i.hooks + 1))
    missing_lengths = [n for n in (10, 30, 60) if n not in i.script_lengths]
    if missing_lengths:
        consider("scripts", f"Build your {missing_lengths[0]}-second introduction.",
                 r(i, script_lengths=(*i.script_lengths, missing_lengths[0])))
    elif not i.scripts_rehearsed:
        consider("scripts", "Rehearse your introduction aloud against the clock.",
                 r(i, scripts_rehearsed=1))
    if not i.image_statement:
        consider("press", "Describe the image you want to build (one paragraph).",
                 r(i, image_statement=True))
    elif i.press_topics < 4:
        consider("press", "Fill the next press-release topic.",
                 r(i, press_topics=i.press_topics + 1))
    if i.targets_without_best:
        consider("incentives", f"Choose the best incentive for {i.targets_without_best[0]}.",
                 r(i, incentive_targets=i.incentive_targets + 1))
    candidates.sort(key=lambda c: -c[0])
    return tuple(step for _, step in candidates[:count])
