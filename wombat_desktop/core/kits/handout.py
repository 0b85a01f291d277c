"""The handout: a one-page introduction to give away, plus a sheet of 10 referral cards."""

from __future__ import annotations

import io
import os
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import inch, mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Frame,
    KeepInFrame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from wombat_desktop.core.kits.blocks import bullets, split_items
from wombat_desktop.core.kits.data import KitData, Paper
from wombat_desktop.core.kits.pages import (
    ACCENT,
    INK,
    MARGIN,
    MUTED,
    RULE,
    SOFT,
    draw_qr,
    page_size,
    styles,
    write_pdf,
)
from wombat_desktop.core.kits.text import Ink

BAND = 62 * mm  # height of the header band
BOTTOM = MARGIN + 4 * mm + 30 * mm  # the body ends above the call to action
QR_SIZE = 40 * mm


def qr_box(paper: Paper) -> tuple[float, float, float]:
    """Where the handout draws its vCard QR code: (x, y, size) in points from bottom-left."""
    width, height = page_size(paper)
    return width - MARGIN - QR_SIZE - 3 * mm, height - BAND + 13 * mm, QR_SIZE


def card_size(paper: Paper) -> tuple[float, float]:
    """Business-card size: 85 x 55 mm on A4, 3.5 x 2 in on US Letter."""
    return (85 * mm, 55 * mm) if paper is Paper.A4 else (3.5 * inch, 2 * inch)


def initials(name: str) -> str:
    parts = [p for p in name.replace("-", " ").split() if p[:1].isalnum()]
    if not parts:
        return "?"
    if len(parts) == 1:
        return parts[0][:2].upper() if parts[0].isascii() else parts[0][:1]
    return (parts[0][0] + parts[-1][0]).upper()


def _portrait(canvas: Canvas, ink: Ink, data: KitData, x: float, y: float, d: float) -> None:
    """The user's photo in a circle, or a monogram when there is none (or it is unreadable)."""
    canvas.saveState()
    path = canvas.beginPath()
    path.circle(x + d / 2, y + d / 2, d / 2)
    if data.me.photo:
        try:
            image = ImageReader(io.BytesIO(data.me.photo))
            iw, ih = image.getSize()
            scale = d / min(iw, ih)
            canvas.clipPath(path, stroke=0, fill=0)
            canvas.drawImage(image, x + (d - iw * scale) / 2, y + (d - ih * scale) / 2,
                             iw * scale, ih * scale, mask="auto")
            canvas.restoreState()
            return
        except Exception:  # noqa: BLE001 - a broken photo must not stop the kit
            canvas.restoreState()
            canvas.saveState()
    canvas.setFillColor(colors.white)
    canvas.circle(x + d / 2, y + d / 2, d / 2, stroke=0, fill=1)
    canvas.setFillColor(ACCENT)
    ink.draw(canvas, x + d / 2, y + d / 2 - d * 0.13, initials(data.me.name), d * 0.36,
             bold=True, align="center", max_width=d * 0.8)
    canvas.restoreState()


def _header(canvas: Canvas, ink: Ink, data: KitData, paper: Paper) -> None:
    width, height = page_size(paper)
    me = data.me
    canvas.saveState()
    canvas.setFillColor(ACCENT)
    canvas.rect(0, height - BAND, width, BAND, stroke=0, fill=1)
    d = 30 * mm
    _portrait(canvas, ink, data, MARGIN, height - BAND + (BAND - d) / 2, d)
    qx, qy, qs = qr_box(paper)
    canvas.setFillColor(colors.white)
    canvas.roundRect(qx - 3 * mm, qy - 3 * mm, qs + 6 * mm, qs + 6 * mm, 2 * mm, stroke=0,
                     fill=1)
    draw_qr(canvas, me.vcard, qx, qy, qs)
    canvas.setFillColor(colors.white)
    ink.draw(canvas, qx + qs / 2, qy - 8.5 * mm, "Scan to save my contact", 8, align="center")
    left = MARGIN + d + 7 * mm
    room = qx - 8 * mm - left
    top = height - BAND / 2 + 6 * mm
    ink.draw(canvas, left, top, me.name, 26, bold=True, max_width=room, smallest=12)
    line = " · ".join(p for p in (me.title, me.company) if p)
    canvas.setFillColor(colors.HexColor("#d7e7ea"))
    ink.draw(canvas, left, top - 8 * mm, line, 11.5, max_width=room, smallest=7)
    if me.profession:
        ink.draw(canvas, left, top - 14 * mm, me.profession, 9, max_width=room, smallest=6)
    ask = (f"Know someone who could use {me.profession.lower() or 'what I do'}? An "
           "introduction is the best compliment: pass this page on, or hand them one of my "
           "cards.")
    para = Paragraph(ink.rich(ask), styles(ink).quote.clone("ask", fontSize=11, leading=15,
                                                              textColor=INK))
    inner = width - 2 * MARGIN
    _, ph = para.wrap(inner - 16 * mm, 30 * mm)
    y = MARGIN + 4 * mm + 4 * mm
    canvas.setFillColor(SOFT)
    canvas.roundRect(MARGIN, y, inner, ph + 10 * mm, 2 * mm, stroke=0, fill=1)
    canvas.setFillColor(ACCENT)
    canvas.rect(MARGIN, y, 1.6 * mm, ph + 10 * mm, stroke=0, fill=1)
    para.drawOn(canvas, MARGIN + 8 * mm, y + 5 * mm)
    canvas.restoreState()


def _story(ink: Ink, data: KitData, paper: Paper) -> list[Any]:
    st = styles(ink)
    me = data.me
    width, height = page_size(paper)
    hook = data.event.hook if data.event and data.event.hook else (data.hooks or [""])[0]
    script = data.event.script if data.event and data.event.script else (
        data.scripts[1] if len(data.scripts) > 1 else (data.scripts or [None])[0])
    left: list[Any] = []
    first = (me.name.split() or [""])[0]
    if script and script.text:
        left += [Paragraph(ink.rich(f"Hello, I'm {first}"), st.h2),
                 Paragraph(ink.rich(script.text), st.body)]
    if me.product_intro:
        left += [Paragraph("What I do", st.h2), Paragraph(ink.rich(me.product_intro), st.body)]
    if me.background:
        left += [Paragraph("Background", st.h2), Paragraph(ink.rich(me.background), st.body)]
    right: list[Any] = []
    if me.services:
        right += [Paragraph("Services", st.h2), *bullets(ink, split_items(me.services), st.body)]
    contact = [*me.phones[:2], *me.emails[:2], *me.urls[:1]]
    if me.address:
        contact.append(me.address)
    if contact:
        right += [Paragraph("Get in touch", st.h2)]
        right += [Paragraph(ink.rich(c), st.body) for c in contact]
    if data.clippings:
        c = data.clippings[0]
        when = f", {c.published_on:%B %Y}" if c.published_on else ""
        press = [Paragraph("In the press", st.h3),
                 Paragraph(ink.rich(f"“{c.title}”"), st.body),
                 Paragraph(ink.rich(f"{c.outlet}{when}"), st.muted)]
        box = Table([[press]], colWidths=[None])
        box.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), SOFT),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 8),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                                 ("TOPPADDING", (0, 0), (-1, -1), 2),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
        right += [Spacer(1, 10), box]
    inner = width - 2 * MARGIN
    cols = Table([[left, right]], colWidths=[inner * 0.58, inner * 0.42])
    cols.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (0, 0), 14),
                              ("RIGHTPADDING", (1, 0), (1, 0), 0),
                              ("LINEBEFORE", (1, 0), (1, 0), 0.5, RULE)]))
    cols.setStyle(TableStyle([("LEFTPADDING", (1, 0), (1, 0), 14)]))
    body: list[Any] = []
    if hook:
        body.append(Paragraph(ink.rich(f"“{hook}”"), st.quote))
    if me.image_statement:
        body.append(Paragraph(ink.rich(me.image_statement), st.muted))
    body += [Spacer(1, 6), cols]
    room = height - BAND - 8 * mm - BOTTOM
    return [KeepInFrame(inner, room, body, mode="shrink"),
            NextPageTemplate("cards"), PageBreak(), Spacer(1, 1)]


def _card(canvas: Canvas, ink: Ink, data: KitData, x: float, y: float, w: float,
          h: float, hook: str) -> None:
    me = data.me
    pad = 4 * mm
    qr = 19 * mm
    text_w = w - 2 * pad - qr - 4 * mm
    canvas.saveState()
    canvas.setFillColor(ACCENT)
    canvas.rect(x, y + h - 2.2 * mm, w, 2.2 * mm, stroke=0, fill=1)
    canvas.setFillColor(INK)
    top = y + h - pad - 7 * mm
    ink.draw(canvas, x + pad, top, me.name, 12, bold=True, max_width=text_w, smallest=7)
    canvas.setFillColor(MUTED)
    ink.draw(canvas, x + pad, top - 4.5 * mm, me.title, 7.5, max_width=text_w, smallest=5.5)
    ink.draw(canvas, x + pad, top - 7.8 * mm, me.company, 7.5, bold=True, max_width=text_w,
             smallest=5.5)
    canvas.setFillColor(ACCENT)
    if hook:
        para = Paragraph(ink.rich(f"“{hook}”"), _card_style(ink))
        _, ph = para.wrap(text_w, 20 * mm)
        if ph <= 12 * mm:
            para.drawOn(canvas, x + pad, top - 10.5 * mm - ph)
    canvas.setFillColor(INK)
    lines = [v for v in (*me.phones[:1], *me.emails[:1], *me.urls[:1]) if v]
    for n, value in enumerate(lines):
        ink.draw(canvas, x + pad, y + pad + 5.5 * mm + (len(lines) - 1 - n) * 3.3 * mm, value,
                 7, max_width=text_w, smallest=5)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.setFillColor(MUTED)
    ink.draw(canvas, x + pad, y + pad, "Referred by:", 6.5)
    canvas.line(x + pad + 15 * mm, y + pad - 0.5, x + w - pad, y + pad - 0.5)
    draw_qr(canvas, me.vcard, x + w - pad - qr, y + pad + 3.5 * mm, qr)
    canvas.restoreState()


def _card_style(ink: Ink) -> Any:
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle("cardhook", fontName=ink.regular, fontSize=7, leading=8.6,
                          textColor=ACCENT)


def _cards_page(ink: Ink, data: KitData, paper: Paper) -> PageTemplate:
    width, height = page_size(paper)
    cw, ch = card_size(paper)
    x0 = (width - 2 * cw) / 2
    y0 = (height - 5 * ch) / 2
    hook = data.event.hook if data.event and data.event.hook else (data.hooks or [""])[0]

    def draw(canvas: Canvas, _doc: Any) -> None:
        canvas.plain_page = True  # type: ignore[attr-defined]
        for row in range(5):
            for col in range(2):
                _card(canvas, ink, data, x0 + col * cw, y0 + row * ch, cw, ch, hook)
        canvas.saveState()
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(0.3)
        gap, length = 2 * mm, 5 * mm
        for xc in (x0, x0 + cw, x0 + 2 * cw):
            canvas.line(xc, y0 - gap, xc, y0 - gap - length)
            canvas.line(xc, y0 + 5 * ch + gap, xc, y0 + 5 * ch + gap + length)
        for yc in (y0 + r * ch for r in range(6)):
            canvas.line(x0 - gap, yc, x0 - gap - length, yc)
            canvas.line(x0 + 2 * cw + gap, yc, x0 + 2 * cw + gap + length, yc)
        canvas.setFillColor(MUTED)
        ink.draw(canvas, x0 + 3 * mm, y0 + 5 * ch + gap + 1.5 * mm,
                 "Referral cards: cut along the marks.", 6.5, max_width=cw - 6 * mm)
        canvas.restoreState()

    frame = Frame(x0, y0, 2 * cw, 5 * ch, id="cards")
    return PageTemplate("cards", [frame], onPage=draw, pagesize=(width, height))


def build_handout(data: KitData, out: str | os.PathLike[str], paper: Paper, ink: Ink) -> int:
    """Write the handout PDF; returns the page count (2: the page and the card sheet)."""
    width, height = page_size(paper)
    first = Frame(MARGIN, BOTTOM, width - 2 * MARGIN, height - BAND - 8 * mm - BOTTOM,
                  id="first",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    intro = PageTemplate("intro", [first], pagesize=(width, height),
                         onPage=lambda c, _d: _header(c, ink, data, paper))
    story = _story(ink, data, paper)
    title = f"{data.me.name}: introduction"
    return write_pdf(out, paper, title, data.me.name, story, ink, subject="Handout",
                     templates=[intro, _cards_page(ink, data, paper)],
                     footer_note=f"{data.me.name} · {data.me.company}".strip(" ·"))
