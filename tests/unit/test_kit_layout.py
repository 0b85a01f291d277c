"""Kit layouts on hand-made data: every kit, both papers, names in many scripts, markup."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.unit.test_kit_fonts import cjk_available
from wombat_desktop.core.kits.build import build_kit
from wombat_desktop.core.kits.data import (
    Attendee,
    Call,
    ChecklistEntry,
    EventInfo,
    KitData,
    KitKind,
    Me,
    Paper,
    Script,
)
from wombat_desktop.core.kits.pages import qr_matrix

NAMES = ["José Ødegård", "Ольга Иванова", "Γιώργος", "王小明", "佐藤健", "김민준", "محمد", "יעל"]
CJK = {"王小明", "佐藤健", "김민준"}
RTL = {"محمد", "יעל"}
MARKUP = "<b>Bold & Sons</b> ]]>"
VCARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:José Ødegård\r\nTEL:+47 555 0101\r\nEND:VCARD\r\n"


def sample() -> KitData:
    me = Me(name="José Ødegård", title="Partner <b>", company=MARKUP, profession="Printing",
            phones=("+47 555 0101",), emails=("jose@example.com",), vcard=VCARD,
            services="Offset; <i>digital</i> & more", product_intro="We print ]]> things.",
            background="A" * 30 + " long " * 60)
    people = tuple(Attendee(i, n, MARKUP, tie="strong" if i % 2 else "weak",
                            last_on=dt.date(2026, 10, 1), open_referrals=i,
                            goal=f"Ask {n} about <b>it</b>")
                   for i, n in enumerate(NAMES))
    script = Script("Mixer", 30, "I'm José & I print <things>.")
    event = EventInfo(1, "Mixer <b> & ]]>", dt.datetime(2026, 12, 1, 17, 30), "Hall",
                      "Chamber", "Meet 3; book 2 lunches", hook="I make <paper> & ink",
                      script=script, attendees=people)
    calls = [Call(n, MARKUP, "+1 555 0100", reason="Lunch <soon>", talking_points="& more")
             for n in NAMES]
    return KitData(me=me, today=dt.date(2026, 11, 22), hooks=["I make <paper> & ink"],
                   scripts=[script], event=event, calls=calls, nurture=calls[:4],
                   expand=calls[4:],
                   checklist=[ChecklistEntry("tool", 1, "Name badge", False),
                              ChecklistEntry("material", 1, "Letters & <notes>", True)])


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


@pytest.mark.parametrize("paper", list(Paper))
@pytest.mark.parametrize("kind", list(KitKind))
def test_every_kit_prints_every_script(tmp_path: Path, kind: KitKind, paper: Paper) -> None:
    out = tmp_path / f"{kind}.pdf"
    pages, missing, _notes = build_kit(kind, sample(), out, paper)
    reader = PdfReader(out)
    assert pages == len(reader.pages)
    assert not (tmp_path / f"{kind}.pdf.part").exists()
    text = text_of(out)
    assert "José Ødegård" in text
    if kind is KitKind.HANDOUT:
        assert "<b>Bold & Sons</b> ]]>" in text
        return
    assert "<b>Bold & Sons</b>" in text
    for name in NAMES:
        if name in RTL:
            continue  # printed in visual order; checked in the font tests
        if name in CJK and not cjk_available():
            continue
        assert name in text, name
    if not cjk_available():
        assert missing


def test_qr_matrix_is_segnos_encoding_of_the_vcard() -> None:
    import segno

    assert qr_matrix(VCARD) == tuple(tuple(r) for r in segno.make(VCARD, error="m").matrix)
