"""The whole WOMBAT plan as filled in, section by section, for a binder."""

from __future__ import annotations

import os
from typing import Any

from reportlab.platypus import KeepTogether, Paragraph

from wombat_desktop.core.kits.blocks import (
    BOX,
    boxed,
    bullets,
    day,
    empty,
    grid,
    head_cells,
    title_block,
)
from wombat_desktop.core.kits.data import Call, KitData, Paper
from wombat_desktop.core.kits.pages import MARGIN, Styles, page_size, styles
from wombat_desktop.core.kits.pages import write_pdf as _write
from wombat_desktop.core.kits.text import Ink


def _section(ink: Ink, st: Styles, number: str, title: str, body: list[Any]) -> list[Any]:
    return [KeepTogether([Paragraph(ink.rich(f"{number}  {title}"), st.h2), *body[:1]]),
            *body[1:]]


def _table(ink: Ink, st: Styles, head: list[str], rows: list[list[str]],
           widths: list[float], note: str) -> list[Any]:
    if not rows:
        return [empty(ink, st, note)]
    cells = [head_cells(ink, st, head)]
    cells += [[Paragraph(ink.rich(v), st.cell) for v in row] for row in rows]
    return [grid(cells, widths)]


def _lunches(calls: list[Call]) -> list[list[str]]:
    return [[c.name, c.company, c.phone, c.status.replace("_", " "), day(c.due_on)]
            for c in calls]


def build_plan(data: KitData, out: str | os.PathLike[str], paper: Paper, ink: Ink) -> int:
    """Write every WOMBAT section as filled in; returns the page count."""
    st = styles(ink)
    width, _ = page_size(paper)
    w = width - 2 * MARGIN
    me = data.me
    s: list[Any] = title_block(ink, st, "Word-of-mouth business acquisition plan", me.name,
                               " · ".join(p for p in (me.company, me.profession,
                                                      f"as of {day(data.today)}") if p))
    s.append(Paragraph("Part I: a strong, diverse contact network", st.h1.clone(
        "part", fontSize=15, leading=19, spaceBefore=6)))
    s += _section(ink, st, "I.1–2", "Contact network, classified", [Paragraph(ink.rich(
        f"Total strong contacts: {data.strong:,} · total weak contacts: {data.weak:,} · "
        f"Opinion leaders: {data.opinion_leaders:,}"), st.body)])
    sphere_rows = [[sp.name, prof, ", ".join(names) or "open seat"]
                   for sp in data.spheres for prof, names in sp.seats]
    s += _section(ink, st, "I.3–4", "Contact spheres and hub", _table(
        ink, st, ["Sphere", "Seat", "Who fills it"], sphere_rows, [w * 0.3, w * 0.25, w * 0.45],
        "No contact spheres yet."))
    org_rows = [[o.organization, o.kind.replace("_", " "), o.cadence]
                for o in data.organizations]
    s += _section(ink, st, "I.5", "Networking organisations", _table(
        ink, st, ["Organisation", "Kind", "Meets"], org_rows, [w * 0.5, w * 0.22, w * 0.28],
        "No organisations yet."))
    s.append(Paragraph("Part II: positive messages, delivered efficiently", st.h1.clone(
        "part2", fontSize=15, leading=19, spaceBefore=14)))
    s += _section(ink, st, "II.1", "The image I want to build", [boxed(
        [Paragraph(ink.rich(me.image_statement or "Not written yet."), st.body)], w)])
    s += _section(ink, st, "II.2", "Press releases and articles", _table(
        ink, st, ["Topic", "Outlet", "Status"],
        [[t.topic, t.outlet, t.status] for t in data.press_topics],
        [w * 0.55, w * 0.3, w * 0.15], "No topics yet."))
    s += _section(ink, st, "II.3", "Press coverage I hold", _table(
        ink, st, ["Title", "Outlet", "Published"],
        [[c.title, c.outlet, day(c.published_on)] for c in data.clippings],
        [w * 0.55, w * 0.3, w * 0.15], "No clippings yet."))
    for section, number, title in (("material", "II.4", "Promotional-material checklist"),
                                   ("tool", "II.5", "Networking tools")):
        rows = [[f"{c.number}", "have" if c.have else "MISSING", c.title, c.notes]
                for c in data.checklist if c.section == section]
        s += _section(ink, st, number, title, _table(
            ink, st, ["#", "Status", "Item", "Notes"], rows,
            [w * 0.05, w * 0.11, w * 0.49, w * 0.35], "Checklist not started."))
    s += _section(ink, st, "II.6–7", "Incentive programme", _table(
        ink, st, ["For", "Scheme", "What it is", "Preparation steps"],
        [[i.target + (" ★" if i.best else ""), i.scheme, i.description, i.preparation]
         for i in data.incentives], [w * 0.13, w * 0.22, w * 0.35, w * 0.30],
        "No incentive schemes yet."))
    s += _section(ink, st, "II.8", "Memberships and visible positions", _table(
        ink, st, ["Organisation", "Role", "Visibility"],
        [[m.organization, m.role, m.visibility] for m in data.memberships],
        [w * 0.4, w * 0.2, w * 0.4], "No memberships yet."))
    s += _section(ink, st, "II.9", "Memory hooks",
                  bullets(ink, [f"“{h}”" for h in data.hooks], st.body)
                  or [empty(ink, st, "No memory hooks yet.")])
    scripts = [boxed([Paragraph(ink.rich(sc.title if f"{sc.seconds} s" in sc.title
                                         else f"{sc.title} ({sc.seconds} s)", bold=True),
                                st.cell_bold), Paragraph(ink.rich(sc.text), st.body)], w)
               for sc in data.scripts]
    s += _section(ink, st, "II.10", "Self-introduction scripts",
                  scripts or [empty(ink, st, "No scripts yet.")])
    head = ["Name", "Company", "Phone", "Status", "Due"]
    widths = [w * 0.25, w * 0.3, w * 0.2, w * 0.13, w * 0.12]
    s += _section(ink, st, "II.11", "Work your network: lunch invitations", _table(
        ink, st, head, _lunches(data.nurture), widths, "Nobody on the nurture list."))
    s += _section(ink, st, "II.12", "Expand your network: people to call", _table(
        ink, st, head, _lunches(data.expand), widths, "Nobody on the expand list."))
    stage = data.matrix_stage or "not assessed yet"
    s += _section(ink, st, "II.13", "Look ahead", [Paragraph(ink.rich(
        f"Strategy-matrix stage: {stage}. {BOX} Re-check after working the plan for a "
        "quarter: building word-of-mouth business is a journey, not a destination."),
        st.body)])
    return _write(out, paper, f"WOMBAT plan: {me.name}", me.name, s, ink,
                  subject="WOMBAT plan", footer_note=f"WOMBAT plan · {me.name}")
