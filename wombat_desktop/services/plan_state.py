"""One read of the whole plan inside a unit of work, shared by the matrix and the review."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wombat_desktop.core import checklist as cl
from wombat_desktop.core.matrix import MatrixInputs
from wombat_desktop.core.model import IncentiveTarget
from wombat_desktop.core.portfolio import PortfolioView, kind_label, portfolio
from wombat_desktop.core.spheres import Coverage, SeatGap, coverage, sphere_gaps
from wombat_desktop.core.weekly import REHEARSE_EVERY_DAYS, ScriptDue, StaleMaterial
from wombat_desktop.storage import (
    hook_store,
    message_store,
    org_store,
    plan_store,
    sphere_store,
)
from wombat_desktop.storage.database import UnitOfWork


@dataclass(frozen=True, slots=True)
class PlanState:
    strong: int
    weak: int
    coverage: Coverage
    gaps: tuple[SeatGap, ...]
    portfolio: PortfolioView
    given_to: int
    reciprocated: int
    materials_have: tuple[str, ...]  # titles
    materials_missing: tuple[str, ...]
    stale: tuple[StaleMaterial, ...]
    tools_have: int
    hooks: int
    scripts: tuple[ScriptDue, ...]
    image_statement: bool
    press_topics: int
    clippings: int
    targets_with_best: tuple[str, ...]


def load_state(uow: UnitOfWork, today: dt.date, *, ties: bool = True) -> PlanState:
    """Everything the matrix and the weekly review look at (*ties*: count strong/weak too)."""
    s = uow.session
    strong, weak = plan_store.tie_totals(s, today) if ties else (0, 0)
    spheres = sphere_store.list_spheres(s, today)
    gaps = tuple(sphere_gaps(spheres, sphere_store.recruiters(s)))
    given_to, reciprocated = plan_store.reciprocity(s)
    rows = message_store.checklist_rows(s)
    have, missing, stale = [], [], []
    tools = 0
    for (section, number), row in rows.items():
        if section == cl.Section.TOOL.value and row.have and number <= len(cl.TOOLS):
            tools += 1
    for number, title in enumerate(cl.MATERIALS, 1):
        row = rows.get((cl.Section.MATERIAL.value, number))
        if row is None or not row.have:
            missing.append(title)
            continue
        have.append(title)
        hint = cl.stale_hint(cl.Section.MATERIAL, number, True, row.last_refreshed_on, today)
        if hint:
            stale.append(StaleMaterial("material", number, title, row.last_refreshed_on, hint))
    profile, _ = message_store.profile(s)
    best = {i.target for i in message_store.incentives(s) if i.is_best}
    return PlanState(
        strong, weak, coverage(spheres), gaps, portfolio(org_store.facts(s), today),
        given_to, reciprocated, tuple(have), tuple(missing), tuple(stale), tools,
        sum(1 for h in hook_store.hooks(s) if not h.archived),
        tuple(ScriptDue(r.id, r.title, r.seconds, r.last_rehearsed_at)
              for r, _ in hook_store.scripts(s)),
        bool(profile and profile.image_statement.strip()),
        len(message_store.press_topics(s)), len(message_store.clippings(s)),
        tuple(t.value for t in IncentiveTarget if t.value in best))


def matrix_inputs(state: PlanState, now: dt.datetime) -> MatrixInputs:
    """The matrix's plain inputs from a plan state."""
    limit = now - dt.timedelta(days=REHEARSE_EVERY_DAYS)
    empty = tuple(f"{g.profession.lower()} ({g.sphere_name})" for g in state.gaps
                  if g.status == "empty")
    return MatrixInputs(
        strong_contacts=state.strong, weak_contacts=state.weak, seats=state.coverage.seats,
        seats_covered=state.coverage.covered, seats_thin=state.coverage.thin,
        diversity=state.portfolio.diversity, given_to=state.given_to,
        reciprocated=state.reciprocated, materials_have=len(state.materials_have),
        materials_stale=len(state.stale), materials_total=len(cl.MATERIALS),
        tools_have=state.tools_have, tools_total=len(cl.TOOLS), hooks=state.hooks,
        script_lengths=tuple(sorted({s.seconds for s in state.scripts})),
        scripts_rehearsed=sum(1 for s in state.scripts
                              if s.last_rehearsed_at and s.last_rehearsed_at >= limit),
        image_statement=state.image_statement, press_topics=state.press_topics,
        clippings=state.clippings, incentive_targets=len(state.targets_with_best),
        empty_seats=empty, missing_materials=state.materials_missing,
        stale_materials=tuple(m.title for m in state.stale),
        missing_kinds=tuple(kind_label(k) for k in state.portfolio.kinds_missing),
        targets_without_best=tuple(t.value for t in IncentiveTarget
                                   if t.value not in state.targets_with_best),
        unreciprocated=state.given_to - state.reciprocated,
    )
