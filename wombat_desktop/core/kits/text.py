"""User text into reportlab safely: escaped markup, per-character fonts, shrink-to-fit.

Every user string goes through `Ink.rich` before it reaches a ``Paragraph`` (which parses
markup: ``<b>``, ``&`` or ``]]>`` typed by a user must print as typed). Characters the base
font lacks are wrapped in ``<font name=…>`` of a fallback that has them; Hebrew and Arabic
runs are put in visual order (reportlab has no bidi), and characters no font can print are
replaced by "?" and reported, never printed as silent boxes.
"""

from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from wombat_desktop.core.kits.fonts import ARABIC, RTL_SCRIPTS, FontBook, script_of

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class Ink:
    """Typesetting helpers bound to one font book; collects what could not print."""

    def __init__(self, book: FontBook) -> None:
        self.book = book
        self.missing: set[str] = set()
        self.notes: set[str] = set()

    @property
    def regular(self) -> str:
        return self.book.regular

    @property
    def bold(self) -> str:
        return self.book.bold

    def runs(self, text: str, bold: bool = False) -> list[tuple[str, str]]:
        """``text`` split into (font name, text) runs in visual order."""
        text = _CONTROL.sub("", unicodedata.normalize("NFC", text))
        base = self.bold if bold else self.regular
        out: list[tuple[str, str]] = []
        for ch in _visual(text):
            face = self.book.face_for(ch) if not ch.isspace() else self.book.base
            if face is None:
                self.missing.add(script_of(ch))
                font, ch = base, "?"
            elif face is self.book.base:
                font = base
            else:
                font = face.bold_name if bold else face.name
            if script_of(ch) == ARABIC:
                self.notes.add("Arabic prints with unjoined letters (no shaping engine).")
            if out and out[-1][0] == font:
                out[-1] = (font, out[-1][1] + ch)
            else:
                out.append((font, ch))
        return out

    def rich(self, text: str, bold: bool = False) -> str:
        """Escaped Paragraph markup for ``text``; newlines become line breaks."""
        base = self.bold if bold else self.regular
        lines = []
        for line in text.split("\n"):
            parts = []
            for font, run in self.runs(line, bold):
                safe = escape(run)
                parts.append(safe if font == base else f'<font name="{font}">{safe}</font>')
            lines.append("".join(parts))
        return "<br/>".join(lines)

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return sum(stringWidth(run, font, size) for font, run in self.runs(text, bold))

    def fit(self, text: str, max_width: float, size: float, smallest: float = 6.0,
            bold: bool = False) -> float:
        """The largest size up to ``size`` at which one line of ``text`` fits."""
        width = self.width(text, size, bold)
        if width <= max_width or width == 0:
            return size
        return max(smallest, size * max_width / width)

    def clip(self, text: str, max_width: float, size: float, bold: bool = False) -> str:
        """``text`` cut with an ellipsis so that it fits on one line."""
        if self.width(text, size, bold) <= max_width:
            return text
        while text and self.width(text + "…", size, bold) > max_width:
            text = text[:-1]
        return text.rstrip() + "…"

    def draw(self, canvas: Canvas, x: float, y: float, text: str, size: float,
             bold: bool = False, max_width: float | None = None, align: str = "left",
             smallest: float = 6.0) -> float:
        """Draw one line (shrunk, then clipped, to ``max_width``); returns the size used."""
        if max_width is not None:
            size = self.fit(text, max_width, size, smallest, bold)
            text = self.clip(text, max_width, size, bold)
        runs = self.runs(text, bold)
        total = sum(stringWidth(r, f, size) for f, r in runs)
        if align == "right":
            x -= total
        elif align == "center":
            x -= total / 2
        for font, run in runs:
            canvas.setFont(font, size)
            canvas.drawString(x, y, run)
            x += stringWidth(run, font, size)
        return size


def _visual(text: str) -> str:
    """Reverse right-to-left runs (with the spaces inside them) into visual order."""
    if not any(script_of(ch) in RTL_SCRIPTS for ch in text):
        return text
    out: list[str] = []
    run: list[str] = []
    for ch in text:
        if script_of(ch) in RTL_SCRIPTS or (run and ch == " "):
            run.append(ch)
            continue
        _flush(run, out)
        out.append(ch)
    _flush(run, out)
    return "".join(out)


def _flush(run: list[str], out: list[str]) -> None:
    if not run:
        return
    trailing = len(run) - len("".join(run).rstrip(" "))
    core = run[: len(run) - trailing]
    out.extend(reversed(core))
    out.extend(" " * trailing)
    run.clear()
