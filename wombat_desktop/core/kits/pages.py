"""What every kit shares: paper, colours, styles, "page n of N" footers, safe writing, QR."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import segno
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Table, TableStyle

from wombat_desktop.core.kits.data import Paper
from wombat_desktop.core.kits.text import Ink

INK = colors.HexColor("#1d2b36")
ACCENT = colors.HexColor("#1f5f6b")
SOFT = colors.HexColor("#e8f0f1")
MUTED = colors.HexColor("#5c6b75")
RULE = colors.HexColor("#c5d1d6")

MARGIN = 16 * mm


def page_size(paper: Paper) -> tuple[float, float]:
    return A4 if paper is Paper.A4 else LETTER


@dataclass(frozen=True, slots=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    quote: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle


def styles(ink: Ink) -> Styles:
    reg, bold = ink.regular, ink.bold

    def s(name: str, font: str, size: float, lead: float, color: Any = INK,
          **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=lead, textColor=color,
                              alignment=TA_LEFT, **kw)

    return Styles(
        body=s("body", reg, 10, 14, spaceAfter=4),
        small=s("small", reg, 8, 10.5),
        muted=s("muted", reg, 8.5, 11.5, MUTED),
        h1=s("h1", bold, 20, 24, ACCENT, spaceAfter=2),
        h2=s("h2", bold, 13, 17, ACCENT, spaceBefore=12, spaceAfter=5),
        h3=s("h3", bold, 10, 13, INK, spaceBefore=6, spaceAfter=2),
        quote=s("quote", bold, 15, 20, ACCENT, spaceAfter=6),
        cell=s("cell", reg, 8, 10),
        cell_bold=s("cell_bold", bold, 8, 10),
    )


class _NumberedCanvas(Canvas):
    """Holds pages back so that the footer can say "page n of N"."""

    footer: Callable[[Canvas, int, int], None] | None = None
    plain_page = False  # set by a page's onPage to go without the footer (card sheets)

    initial_font = "Helvetica"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Start in an embedded font, so that no base-14 font is ever referenced.
        kwargs.setdefault("initialFontName", self.initial_font)
        super().__init__(*args, **kwargs)
        self._saved: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._saved.append(dict(self.__dict__))
        self.plain_page = False
        self._startPage()

    def save(self) -> None:
        total = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            if self.footer is not None and not self.plain_page:
                self.footer(self, self._pageNumber, total)
            super().showPage()
        super().save()


def write_pdf(out: str | os.PathLike[str], paper: Paper, title: str, author: str,
              story: Sequence[Flowable], ink: Ink, *, subject: str = "",
              templates: Sequence[PageTemplate] = (), footer_note: str = "") -> int:
    """Lay out ``story`` into ``out`` (via ``*.part`` and a rename); returns the page count."""
    target = Path(out)  # its folder must exist: a typo must not create folders
    part = target.with_name(target.name + ".part")
    size = page_size(paper)
    doc = BaseDocTemplate(str(part), pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=MARGIN, bottomMargin=MARGIN + 4 * mm, title=title,
                          author=author, subject=subject, creator="WOMBAT Desktop",
                          invariant=1)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    # The first template dresses page 1: a kit's own, else the plain body page.
    doc.addPageTemplates([*templates, PageTemplate("body", [frame], pagesize=size)])

    def footer(canvas: Canvas, page: int, total: int) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        y = MARGIN - 2 * mm
        canvas.line(MARGIN, y + 9, size[0] - MARGIN, y + 9)
        canvas.setFillColor(MUTED)
        ink.draw(canvas, MARGIN, y, footer_note or title, 7.5, max_width=size[0] * 0.6)
        ink.draw(canvas, size[0] - MARGIN, y, f"{page} / {total}", 7.5, align="right")
        canvas.restoreState()

    class Numbered(_NumberedCanvas):
        pass

    Numbered.footer = staticmethod(footer)  # type: ignore[assignment]
    Numbered.initial_font = ink.regular
    _table_fonts(story, ink.regular)
    try:
        doc.build(list(story), canvasmaker=Numbered)
        pages = doc.page
        os.replace(part, target)
    finally:
        if part.exists():
            part.unlink()
    return pages


def _table_fonts(flowables: Sequence[Any], font: str) -> None:
    """Give every table our embedded font (reportlab's cell default is base-14 Helvetica)."""
    for f in flowables:
        if isinstance(f, list | tuple):
            _table_fonts(f, font)
        elif isinstance(f, Table):
            f.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font)]))
            for row in f._cellvalues:
                _table_fonts(row, font)
        elif hasattr(f, "_content"):
            _table_fonts(f._content, font)


@lru_cache(maxsize=8)
def qr_matrix(payload: str) -> tuple[tuple[int, ...], ...]:
    """The QR symbol's modules (1 = dark), quiet zone excluded. Error level M."""
    code = segno.make(payload, error="m", micro=False, boost_error=False)
    return tuple(tuple(row) for row in code.matrix)


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """Draw a QR code of ``payload`` with its lower-left corner at (x, y), ``size`` wide.

    Drawn as filled rectangles (vector, crisp at any print resolution); runs of dark modules
    in a row are merged to keep the PDF small.
    """
    matrix = qr_matrix(payload)
    n = len(matrix)
    cell = size / n
    canvas.saveState()
    canvas.setFillColor(colors.black)
    canvas.setStrokeColor(colors.black)
    path = canvas.beginPath()
    for r, row in enumerate(matrix):
        top = y + size - (r + 1) * cell
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                path.rect(x + start * cell, top, (c - start) * cell, cell)
            else:
                c += 1
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


class QrFlowable(Flowable):
    """A QR code as a flowable (``size`` points square)."""

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        self.payload = payload
        self.size = size

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_qr(self.canv, self.payload, 0, 0, self.size)
