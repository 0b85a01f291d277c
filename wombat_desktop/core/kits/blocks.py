"""Flowable building blocks the kits share: title blocks, bullets, tables, boxes, dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from wombat_desktop.core.kits.pages import ACCENT, MUTED, RULE, SOFT, Styles
from wombat_desktop.core.kits.text import Ink

BOX = "☐"


def day(value: dt.date | dt.datetime | None, with_time: bool = False) -> str:
    if value is None:
        return ""
    if with_time and isinstance(value, dt.datetime):
        return f"{value:%a %d %b %Y, %H:%M}"
    return f"{value:%d %b %Y}"


def title_block(ink: Ink, st: Styles, kicker: str, title: str, subtitle: str = "") -> list[Any]:
    kick = st.muted.clone("kicker", textColor=ACCENT, fontName=ink.bold, fontSize=8.5)
    out: list[Any] = [Paragraph(ink.rich(kicker.upper(), bold=True), kick),
                      Paragraph(ink.rich(title, bold=True), st.h1)]
    if subtitle:
        out.append(Paragraph(ink.rich(subtitle), st.muted))
    out.append(Spacer(1, 6))
    return out


def bullets(ink: Ink, items: Sequence[str], style: Any, mark: str = "•") -> list[Paragraph]:
    style = style.clone("bulleted", bulletFontName=ink.regular, leftIndent=10,
                        bulletIndent=0)
    return [Paragraph(ink.rich(t), style, bulletText=mark) for t in items if t.strip()]


def split_items(text: str) -> list[str]:
    """A free-text list ("a; b" or one per line) as items."""
    return [t.strip(" .") for t in text.replace("\n", ";").split(";") if t.strip(" .")]


def boxed(content: list[Any], width: float, fill: Any = SOFT, edge: Any = None) -> Table:
    box = Table([[content]], colWidths=[width])
    style = [("BACKGROUND", (0, 0), (-1, -1), fill), ("LEFTPADDING", (0, 0), (-1, -1), 9),
             ("RIGHTPADDING", (0, 0), (-1, -1), 9), ("TOPPADDING", (0, 0), (-1, -1), 6),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 7)]
    if edge is not None:
        style.append(("LINEBEFORE", (0, 0), (0, -1), 3, edge))
    box.setStyle(TableStyle(style))
    return box


def grid(rows: list[list[Any]], widths: Sequence[float], header: bool = True,
         zebra: bool = True) -> Table:
    """A light table: accent header row repeated on every page, zebra rows."""
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0)
    style: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4), ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]
    if header:
        style += [("BACKGROUND", (0, 0), (-1, 0), ACCENT),
                  ("TEXTCOLOR", (0, 0), (-1, 0), colors.white)]
    if zebra:
        start = 1 if header else 0
        for r in range(start + 1, len(rows), 2):
            style.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor("#f4f7f8")))
    table.setStyle(TableStyle(style))
    return table


def head_cells(ink: Ink, st: Styles, labels: Sequence[str]) -> list[Paragraph]:
    style = st.cell_bold.clone("head", textColor=colors.white)
    return [Paragraph(ink.rich(label, bold=True), style) for label in labels]


def empty(ink: Ink, st: Styles, text: str) -> Paragraph:
    return Paragraph(ink.rich(text), st.muted.clone("empty", textColor=MUTED))
