"""Kits from the demo network: every kit on both papers, read back with pypdf; the QR code
rendered from the PDF equals the QR encoding of the user's vCard; the CLI wiring."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import segno
from pypdf import PdfReader

from wombat_desktop.core.kits.data import KitKind, Paper
from wombat_desktop.core.kits.handout import qr_box
from wombat_desktop.services.demo import DemoService
from wombat_desktop.services.kits import KitService
from wombat_desktop.storage.database import Database

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def kits(db: Database) -> KitService:
    DemoService(db, lambda: TODAY).fill(contacts=120)
    return KitService(db, lambda: TODAY)


def embedded_fonts(reader: PdfReader) -> set[str]:
    """Names of fonts that carry TrueType programs (/FontFile2) in their descriptors.

    Fails when a page shows text in a font without one (reportlab lists base-14 Helvetica in
    every page's resources and selects it in an empty text object; nothing may print in it).
    """
    found: set[str] = set()
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {}).get_object()
        # reportlab opens every page with "BT /F1 12 Tf 14.4 TL ET" (Helvetica, no text).
        content = re.sub(rb"BT /\w+ [\d.]+ Tf [\d.]+ TL ET", b"", page.get_contents().get_data())
        used = {"/" + m.decode() for m in re.findall(rb"/(\w+) [\d.]+ Tf", content)}
        for key, ref in fonts.items():
            font = ref.get_object()
            desc = font.get("/FontDescriptor")
            if desc is not None and "/FontFile2" in desc.get_object():
                found.add(str(font["/BaseFont"]))
            else:
                assert key not in used, font
    return found


@pytest.mark.parametrize("paper", list(Paper))
@pytest.mark.parametrize("kind", list(KitKind))
def test_demo_kits_read_back(kits: KitService, tmp_path: Path, kind: KitKind,
                             paper: Paper) -> None:
    result = kits.build(kind, tmp_path / "kit.pdf", paper=paper)
    reader = PdfReader(result.path)
    assert result.pages == len(reader.pages)
    assert reader.metadata is not None
    assert reader.metadata.author == "Alex Morgan"
    assert reader.metadata.title
    assert embedded_fonts(reader)
    text = "\n".join(p.extract_text() or "" for p in reader.pages)
    assert "Alex Morgan" in text
    width = float(reader.pages[0].mediabox.width)
    assert round(width) == (595 if paper is Paper.A4 else 612)
    if kind is KitKind.HANDOUT:
        assert result.pages == 2
        assert "Scan to save my contact" in text
    if kind is KitKind.PREP:
        event = kits.data(KitKind.PREP).event
        assert event is not None
        assert event.attendees
        names = [a.name for a in event.attendees if a.name.isascii()]
        assert all(n in text for n in names)


@pytest.mark.parametrize("paper", list(Paper))
def test_handout_qr_is_the_users_vcard(kits: KitService, tmp_path: Path,
                                       paper: Paper) -> None:
    """Render page 1 and read every module of the printed QR back into a bit matrix.

    That matrix must equal segno's encoding of the user's vCard: a decoder would recover the
    same payload from both, since a QR symbol is a deterministic function of payload and
    settings.
    """
    me = kits.data(KitKind.HANDOUT).me
    assert "FN:Alex Morgan" in me.vcard
    assert "PHOTO" not in me.vcard
    expected = segno.make(me.vcard, error="m").matrix
    result = kits.build(KitKind.HANDOUT, tmp_path / "h.pdf", paper=paper)
    scale = 400 / 72
    page = pdfium.PdfDocument(str(result.path))[0]
    image = page.render(scale=scale).to_pil().convert("L")
    height = page.get_height()
    x, y, size = qr_box(paper)
    n = len(expected)
    cell = size / n
    seen = [[1 if image.getpixel((int((x + (c + 0.5) * cell) * scale),
                                  int((height - y - size + (r + 0.5) * cell) * scale))) < 128
             else 0 for c in range(n)] for r in range(n)]
    assert seen == [list(row) for row in expected]


def test_events_and_event_lookup(kits: KitService) -> None:
    events = kits.events()
    assert any(e.attendees >= 10 for e in events)
    upcoming = kits.resolve_event(None)
    assert upcoming is not None
    assert kits.resolve_event("chamber monthly") == upcoming
    assert kits.resolve_event(str(upcoming)) == upcoming


def test_cli_kit_and_events(kits: KitService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str]) -> None:
    from wombat_desktop import cli_kits

    monkeypatch.setattr(cli_kits, "_kits", lambda _args: kits)
    parser = argparse.ArgumentParser()
    handlers = cli_kits.add_parsers(parser.add_subparsers(dest="command"))
    out = tmp_path / "prep.pdf"
    args = parser.parse_args(["kit", "prep", "--out", str(out), "--paper", "letter",
                              "--event", "Chamber monthly mixer"])
    assert handlers[args.command](args) in (0, 2)
    assert out.exists()
    args = parser.parse_args(["events", "--json"])
    assert handlers["events"](args) == 0
    assert "Chamber monthly mixer" in capsys.readouterr().out
