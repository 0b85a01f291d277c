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

from wombat_desktop.core.errors import ValidationError
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


def test_events_upcoming_first_then_most_recent(kits: KitService) -> None:
    events = kits.events()
    upcoming = [e for e in events if e.starts_at is None or e.starts_at.date() >= TODAY]
    past = [e for e in events if e not in upcoming]
    assert events == upcoming + past
    assert [e.starts_at for e in past] == sorted((e.starts_at for e in past), reverse=True)


def test_prep_pack_counts_walk_ins_apart_and_lists_everyone(services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    DemoService(services.db, lambda: TODAY).fill(contacts=120)
    kits = KitService(services.db, lambda: TODAY)
    event_id = kits.resolve_event(None)
    assert event_id is not None
    view = services.events.get(event_id)
    assert len(view.attendees) == 15
    services.events.capture_contact(event_id, "Kim Lee", "Lee Design")
    (item,) = [e for e in kits.events() if e.id == event_id]
    assert item.expected == 15
    assert item.walk_ins == 1
    data = kits.data(KitKind.PREP)
    assert data.event is not None
    text = _text(kits.build(KitKind.PREP, tmp_path / "p.pdf", paper=Paper.A4).path)
    assert "Who is coming (15) · met there: 1 new" in text
    for a in data.event.attendees:  # everyone with a goal, CJK names too
        if a.goal and a.expected:
            assert f"{a.name}: {a.goal}" in text


def _text(path: Path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages)


def test_paper_follows_the_profile_region_then_the_locale(kits: KitService,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path) -> None:
    from wombat_desktop.storage.orm import ProfileRow

    assert kits.default_paper("DE") is Paper.LETTER  # the demo profile's region: US
    assert kits.build(KitKind.HANDOUT, tmp_path / "h.pdf").paper is Paper.LETTER
    with kits._db.unit_of_work() as uow:
        uow.session.query(ProfileRow).update({"default_region": "DE"})
        uow.commit()
    assert kits.default_paper() is Paper.A4
    with kits._db.unit_of_work() as uow:
        uow.session.query(ProfileRow).update({"default_region": ""})
        uow.commit()
    assert kits.default_paper("MX") is Paper.LETTER
    monkeypatch.setenv("LC_ALL", "en_PH.UTF-8")
    assert kits.default_paper() is Paper.LETTER
    monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")
    assert kits.default_paper() is Paper.A4


def test_missing_folder_is_refused(kits: KitService, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    from wombat_desktop import cli, cli_kits

    target = tmp_path / "nonexistent" / "x.pdf"
    with pytest.raises(ValidationError, match="the folder does not exist"):
        kits.build(KitKind.HANDOUT, target)
    assert not target.parent.exists()
    monkeypatch.setattr(cli_kits, "_kits", lambda _args: kits)
    assert cli.main(["kit", "handout", "--out", str(target)]) == 1
    err = capsys.readouterr().err
    assert f"cannot write {target}: the folder does not exist" in err
    assert "Traceback" not in err
    assert not target.parent.exists()


def test_cli_paper_defaults_to_the_users_region(kits: KitService, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    from wombat_desktop import cli, cli_kits

    monkeypatch.setattr(cli_kits, "_kits", lambda _args: kits)
    assert cli.main(["kit", "handout", "--out", str(tmp_path / "h.pdf")]) in (0, 2)
    assert "letter" in capsys.readouterr().out  # the demo user is in Portland, US
