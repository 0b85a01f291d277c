"""One entry point for every kit: pick the fonts, lay out, report what could not print."""

from __future__ import annotations

import os
from importlib import import_module

from wombat_desktop.core.kits.data import KitData, KitKind, Paper
from wombat_desktop.core.kits.fonts import font_book
from wombat_desktop.core.kits.text import Ink


def build_kit(kind: KitKind, data: KitData, out: str | os.PathLike[str],
              paper: Paper) -> tuple[int, list[str], list[str]]:
    """Write the kit; returns (pages, scripts that could not print, notes)."""
    module = import_module(f"wombat_desktop.core.kits.{kind.value}")
    builder = getattr(module, f"build_{kind.value}")
    ink = Ink(font_book())
    pages: int = builder(data, out, paper, ink)
    return pages, sorted(ink.missing), sorted(ink.notes)
