"""The prep pack to carry to an event: script, hooks, goals, what to bring, who is coming,
and blank follow-up note cards."""

from __future__ import annotations

import os
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from wombat_desktop.core.kits.blocks import (
    BOX,
    boxed,
    bullets,
    day,
    empty,
    grid,
    head_cells,
    split_items,
    title_block,
)
from wombat_desktop.core.kits.data import Attendee, KitData, Paper
from wombat_desktop.core.kits.pages import ACCENT, MARGIN, RULE, Styles, page_size, styles
from wombat_desktop.core.kits.pages import write_pdf as _write
from wombat_desktop.core.kits.text import Ink

WORDS_PER_MINUTE = 150  # a relaxed, clear speaking pace


def _intro(ink: Ink, st: Styles, data: KitData, width: float) -> list[Any]:
    script = data.event.script if data.event and data.event.script else None
    script = script or (data.scripts[0] if data.scripts else None)
    if script is None or not script.text:
        return [Paragraph("Your introduction", st.h2),
                empty(ink, st, "No self-introduction script yet: write one in the plan.")]
    words = len(script.text.split())
    seconds = round(words * 60 / WORDS_PER_MINUTE)
    timing = (f"{script.title} · {words} words ≈ {seconds} s spoken "
              f"(target {script.seconds} s). Rehearse it aloud twice on the way in.")
    return [Paragraph(ink.rich(f"Your introduction ({script.seconds} seconds)"), st.h2),
            boxed([Paragraph(ink.rich(script.text), st.body.clone("script", fontSize=11,
                                                                  leading=16))],
                  width, edge=ACCENT),
            Spacer(1, 3), Paragraph(ink.rich(timing), st.muted)]


def _hooks(ink: Ink, st: Styles, data: KitData) -> list[Any]:
    chosen = data.event.hook if data.event else ""
    hooks = ([chosen] if chosen else []) + [h for h in data.hooks if h != chosen]
    out: list[Any] = [Paragraph("Memory hooks", st.h2)]
    if not hooks:
        return [*out, empty(ink, st, "No memory hooks yet.")]
    out.append(Paragraph(ink.rich(f"“{hooks[0]}”"), st.quote.clone("hook", fontSize=12.5,
                                                                    leading=16)))
    if chosen:
        out.append(Paragraph("Lead with this one tonight.", st.muted))
    return out + bullets(ink, [f"“{h}”" for h in hooks[1:4]], st.body)


def _goals(ink: Ink, st: Styles, data: KitData) -> list[Any]:
    out: list[Any] = [Paragraph("Goals", st.h2)]
    event = data.event
    goals = split_items(event.goals) if event else []
    return out + (bullets(ink, goals, st.body)
                  or [empty(ink, st, "No goals set for this event.")])


def _look_for(ink: Ink, st: Styles, data: KitData) -> list[Any]:
    """Everyone expected with a goal, full width so that a long list flows onto the next
    page (a cut at 12 used to drop the CJK names, which sort last)."""
    targeted = [a for a in data.event.attendees if a.goal and a.expected] if data.event else []
    if not targeted:
        return []
    return [Paragraph(ink.rich(f"People to look for ({len(targeted)})"), st.h3),
            *bullets(ink, [f"{a.name}: {a.goal}" for a in targeted], st.body)]


def _bring(ink: Ink, st: Styles, data: KitData) -> list[Any]:
    tools = {c.number: c for c in data.checklist if c.section == "tool"}
    badge = tools.get(1)
    items = ["Name badge" + ("" if badge is None or badge.have else " (you have none yet)"),
             "Business cards (20 or more)", "Handouts and cut-out referral cards (the handout kit)",
             "This prep pack and a pen"]
    materials = [c for c in data.checklist if c.section == "material"]
    items += [c.title for c in materials if c.have and c.number in (1, 4, 6, 15)]
    missing = [c.title for c in materials if not c.have][:4]
    out: list[Any] = [Paragraph("What to bring", st.h2), *bullets(ink, items, st.body, BOX)]
    if missing:
        out.append(Paragraph("Still missing from your materials", st.h3))
        out += bullets(ink, missing, st.muted)
    return out


def _ask_about(a: Attendee) -> str:
    parts = [a.goal, a.notes]
    if a.last_summary:
        parts.append(f"Last time: {a.last_summary}")
    return "\n".join(p for p in parts if p)


def _cheat_sheet(ink: Ink, st: Styles, data: KitData, width: float) -> list[Any]:
    everyone = data.event.attendees if data.event else ()
    people = [a for a in everyone if a.expected]
    walk_ins = [a for a in everyone if not a.expected]
    title = f"Who is coming ({len(people)})" + (
        f" · met there: {len(walk_ins)} new" if walk_ins else "")
    out: list[Any] = [Paragraph(ink.rich(title), st.h2)]
    if walk_ins:
        out.append(Paragraph(ink.rich("Met there: " + "; ".join(
            a.name + (f" ({a.company})" if a.company else "") for a in walk_ins)), st.muted))
    if not people:
        return [*out, empty(ink, st, "No expected attendees yet: add them to the event.")]
    widths = [w * width for w in (0.2, 0.19, 0.08, 0.13, 0.08, 0.32)]
    rows: list[list[Any]] = [head_cells(ink, st, ["Name", "Company", "Tie", "Last contact",
                                                  "Open refs", "Ask about"])]
    cell, bold = st.cell, st.cell_bold
    for a in people:
        name = ink.rich(a.name, bold=True) + (f"<br/>{ink.rich(a.title)}" if a.title else "")
        last = day(a.last_on) + (f"<br/>{ink.rich(a.last_kind.replace('_', ' '))}"
                                 if a.last_kind else "")
        rows.append([Paragraph(name, bold), Paragraph(ink.rich(a.company), cell),
                     Paragraph(ink.rich(a.tie), cell), Paragraph(last or "–", cell),
                     Paragraph(str(a.open_referrals) if a.open_referrals else "–", cell),
                     Paragraph(ink.rich(_ask_about(a)), cell)])
    return [*out, grid(rows, widths)]


def _note_cards(ink: Ink, st: Styles, width: float, height: float) -> list[Any]:
    labels = ["Name", "Company / role", "Phone / e-mail", "We talked about", "",
              "Follow up", f"{BOX} lunch   {BOX} call   {BOX} send material   {BOX} introduce"]
    cw, ch = (width - 6 * mm) / 2, (height - 16 * mm) / 3
    line = st.small

    def card() -> list[Any]:
        cells: list[Any] = []
        for label in labels:
            if label.startswith(BOX):
                cells.append(Paragraph(ink.rich(label), line))
            else:
                cells.append(Table([[Paragraph(ink.rich(label), st.muted), ""]],
                                   colWidths=[28 * mm, cw - 28 * mm - 10 * mm], rowHeights=[
                                       9 * mm], style=TableStyle([
                                           ("LINEBELOW", (1, 0), (1, 0), 0.5, RULE),
                                           ("LINEBELOW", (0, 0), (0, 0), 0.5,
                                            RULE if not label else None or RULE),
                                           ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                           ("FONTNAME", (0, 0), (-1, -1), ink.regular),
                                           ("LEFTPADDING", (0, 0), (-1, -1), 0)])))
        return cells

    rows = [[card(), card()] for _ in range(3)]
    table = Table(rows, colWidths=[cw, cw], rowHeights=[ch] * 3)
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, RULE),
                               ("INNERGRID", (0, 0), (-1, -1), 0.5, RULE),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 5 * mm),
                               ("TOPPADDING", (0, 0), (-1, -1), 3 * mm)]))
    return [Paragraph("Follow-up notes", st.h2),
            Paragraph("Fill one in right after each good conversation; type them into WOMBAT "
                      "the next morning.", st.muted), Spacer(1, 4), table]


def build_prep(data: KitData, out: str | os.PathLike[str], paper: Paper, ink: Ink) -> int:
    """Write the prep pack; returns the page count."""
    st = styles(ink)
    width, height = page_size(paper)
    inner = width - 2 * MARGIN
    event = data.event
    name = event.name if event else "Networking event"
    where = " · ".join(p for p in (day(event.starts_at, True) if event else "",
                                   event.place if event else "",
                                   event.organization if event else "") if p)
    story: list[Any] = title_block(ink, st, f"Prep pack · {data.me.name}", name, where)
    story += _intro(ink, st, data, inner)
    left = _hooks(ink, st, data) + _goals(ink, st, data)
    right = _bring(ink, st, data)
    cols = Table([[left, right]], colWidths=[inner * 0.56, inner * 0.44])
    cols.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (0, 0), 12),
                              ("RIGHTPADDING", (1, 0), (1, 0), 0)]))
    story += [cols, *_look_for(ink, st, data), CondPageBreak(60 * mm)]
    story += _cheat_sheet(ink, st, data, inner)
    story += [PageBreak(), KeepTogether(_note_cards(ink, st, inner,
                                                    height - 2 * MARGIN - 4 * mm - 30 * mm))]
    return _write(out, paper, f"Prep pack: {name}", data.me.name, story, ink,
                  subject="Prep pack", footer_note=f"Prep pack · {name}")
