"""The call sheet for lunch follow-ups: who to phone, why, and what to say."""

from __future__ import annotations

import os
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from wombat_desktop.core.kits.blocks import BOX, boxed, day, empty, title_block
from wombat_desktop.core.kits.data import Call, KitData, Paper
from wombat_desktop.core.kits.pages import ACCENT, MARGIN, RULE, Styles, page_size, styles
from wombat_desktop.core.kits.pages import write_pdf as _write
from wombat_desktop.core.kits.text import Ink

LISTS = {"nurture": "Sent them business, none back yet", "expand": "Want to work with them",
         "other": "Follow-up"}


def _entry(ink: Ink, st: Styles, call: Call, hook: str, width: float) -> KeepTogether:
    big = st.h3.clone("callname", fontSize=12, leading=15, spaceBefore=0)
    phone = big.clone("phone", alignment=2, textColor=ACCENT)
    head = Table([[Paragraph(ink.rich(call.name, bold=True), big),
                   Paragraph(ink.rich(call.phone or "no phone", bold=True), phone)]],
                 colWidths=[width * 0.62, width * 0.38])
    head.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    facts = " · ".join(p for p in (call.company, LISTS.get(call.list_name, call.list_name),
                                   f"due {day(call.due_on)}" if call.due_on else "",
                                   call.status.replace("_", " ")) if p)
    lines: list[tuple[str, str]] = [("Why I'm calling", call.reason or "Catch up and book lunch"),
                                    ("Talking points", call.talking_points),
                                    ("Memory hook", f"“{hook}”" if hook else ""),
                                    ("Last contact", " – ".join(p for p in (
                                        day(call.last_on), call.last_summary) if p)),
                                    ("Referrals", f"you gave {call.referrals_given}, "
                                     f"received {call.referrals_received}"),
                                    ("Where", call.place)]
    label = st.muted.clone("label", fontName=ink.bold)
    rows = [[Paragraph(ink.rich(k, bold=True), label), Paragraph(ink.rich(v), st.body)]
            for k, v in lines if v]
    body = Table(rows, colWidths=[32 * mm, width - 32 * mm])
    body.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("TOPPADDING", (0, 0), (-1, -1), 1),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                              ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    outcome = (f"{BOX} lunch booked   {BOX} left a message   {BOX} call back   {BOX} declined"
               "      Date / place: ______________________")
    rule = Table([[""]], colWidths=[width], rowHeights=[4])
    rule.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.6, RULE),
                           ("FONTNAME", (0, 0), (-1, -1), ink.regular)]))
    return KeepTogether([head, Paragraph(ink.rich(facts), st.muted), Spacer(1, 3), body,
                         Spacer(1, 3), Paragraph(ink.rich(outcome), st.small), rule,
                         Spacer(1, 8)])


def build_callsheet(data: KitData, out: str | os.PathLike[str], paper: Paper,
                    ink: Ink) -> int:
    """Write the call sheet for open lunch follow-ups; returns the page count."""
    st = styles(ink)
    width, _ = page_size(paper)
    inner = width - 2 * MARGIN
    hook = next((h for h in data.hooks if "think of me" in h.casefold()),
                data.hooks[0] if data.hooks else "")
    story: list[Any] = title_block(
        ink, st, f"Call sheet · {data.me.name}", "Lunch follow-ups",
        f"{len(data.calls)} calls to make · printed {day(data.today)}")
    story.append(boxed([Paragraph(ink.rich(
        "Goal of every call: a date for lunch (or a visit to one of your groups). Ask what a "
        "good referral looks like for them, and say what one looks like for you."), st.body)],
        inner, edge=ACCENT))
    story.append(Spacer(1, 10))
    if not data.calls:
        story.append(empty(ink, st, "No lunch follow-ups to call: add people to the nurture "
                                    "or expand lists."))
    story += [_entry(ink, st, c, hook, inner) for c in data.calls]
    return _write(out, paper, "Call sheet: lunch follow-ups", data.me.name, story, ink,
                  subject="Call sheet", footer_note=f"Call sheet · {data.me.name}")
