"""Property tests: the vCard reader never crashes, and written drafts read back the same."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit.vcard_checks import every_card_accounted
from wombat_desktop.core.model import ContactDraft, Photo, PostalAddress, TypedValue
from wombat_desktop.core.vcard import read_vcards, write_vcards

DATA = Path(__file__).resolve().parents[1] / "data" / "vcard"
SEEDS = [p.read_bytes() for p in sorted(DATA.glob("*.vcf"))]
FAST = settings(max_examples=200, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

_TOKENS = [
    b"BEGIN:VCARD", b"END:VCARD", b"\r\n", b"\n", b"\r", b" ", b"\t", b"=", b"=\r\n",
    b";", b":", b",", b"\\", b'"', b"VERSION:2.1", b"VERSION:4.0",
    b"ENCODING=QUOTED-PRINTABLE", b";CHARSET=SHIFT_JIS", b";CHARSET=bogus",
    b"PHOTO;ENCODING=b:", b"PHOTO:data:image/png;base64,",
    b"AGENT:BEGIN:VCARD\\nFN:x\\nEND:VCARD", b"item1.", b"X-ABLabel:", b"\xc3", b"\xff\xfe",
    b"\x00", b"N:", b"FN:", b"ADR:", b"TEL;CELL:", b"BDAY:", b"=C3=", b"^n", b"iVBORw0KGgo",
]


def _assert_sane(data: bytes) -> None:
    result = read_vcards(data, "fuzz")
    assert every_card_accounted(result)
    for draft in result.contacts:
        assert isinstance(draft, ContactDraft)
        assert all("\n" not in line and "\r" not in line for line in draft.extra_lines)
    # whatever we read, we can write and read again without crashing
    for version in ("4.0", "3.0"):
        again = read_vcards(write_vcards(result.contacts, version).encode("utf-8"))
        assert again.found == len(result.contacts)
        assert every_card_accounted(again)


@FAST
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash(data: bytes) -> None:
    _assert_sane(data)


@FAST
@given(st.lists(st.one_of(st.sampled_from(_TOKENS), st.binary(max_size=12)), max_size=60))
def test_token_soup_never_crashes(parts: list[bytes]) -> None:
    _assert_sane(b"".join(parts))


@FAST
@given(st.sampled_from(SEEDS), st.data())
def test_mutated_fixtures_never_crash(seed: bytes, data: st.DataObject) -> None:
    buf = bytearray(seed)
    for _ in range(data.draw(st.integers(1, 8))):
        if not buf:
            break
        pos = data.draw(st.integers(0, len(buf) - 1))
        action = data.draw(st.sampled_from(["flip", "cut", "insert", "truncate"]))
        if action == "flip":
            buf[pos] = data.draw(st.integers(0, 255))
        elif action == "cut":
            del buf[pos:pos + data.draw(st.integers(1, 40))]
        elif action == "insert":
            buf[pos:pos] = data.draw(st.sampled_from(_TOKENS))
        else:
            del buf[pos:]
    _assert_sane(bytes(buf))


# --- random drafts round-trip ---------------------------------------------------------------

_ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp", "Co", "Cn"))
_PUNCT = st.sampled_from([",", ";", "\\", ":", '"', "=", "^", "é", "山", "Ω", "ß", "€"])
_WORD = st.text(st.one_of(_ALPHABET, _PUNCT), min_size=1, max_size=12).map(str.strip).filter(bool)


def _text(max_words: int = 4, sep: str = " ") -> st.SearchStrategy[str]:
    return st.lists(_WORD, max_size=max_words).map(sep.join)


_TYPES = st.lists(st.sampled_from(["home", "work", "cell", "voice", "fax", "internet", "x-odd"]),
                  unique=True, max_size=3)
_TYPED = st.builds(TypedValue, value=_WORD, types=_TYPES, pref=st.booleans(),
                   label=st.sampled_from(["", "Boat", "Other, really"]))
_ADR = st.builds(PostalAddress, street=_text(4, "\n"), locality=_text(2), region=_text(1),
                 postal_code=_text(1), country=_text(2), po_box=_text(1), extended=_text(1),
                 types=_TYPES, label=st.sampled_from(["", "Summer"])).filter(
                     lambda a: not a.is_empty())
_DATE = st.one_of(st.just(""), st.dates().map(lambda d: d.isoformat()).filter(
    lambda s: len(s) == 10), st.sampled_from(["--04-12", "--12-31"]))
_PHOTO = st.one_of(st.none(), st.builds(
    Photo, data=st.binary(max_size=300).map(lambda b: b"\x89PNG\r\n\x1a\n" + b),
    mime=st.just("image/png")))
_EXTRA = st.lists(st.sampled_from([
    "X-FOO:bar", "X-CUSTOM;TYPE=a:x\\, y\\; z", "GENDER:F", "IMPP;TYPE=work:xmpp:a@b",
    "item9.X-ABDATE:2000-01-01", "item9.X-ABLabel:_$!<Anniversary>!$_", "TZ:-05:00",
    "X-UNICODE:山田\\n太郎"]), unique=True, max_size=4)


@st.composite
def drafts(draw: st.DrawFn) -> ContactDraft:
    d = ContactDraft(
        formatted_name=draw(_text()), family_name=draw(_text(2)), given_name=draw(_text(2)),
        additional_names=draw(_text(1)), honorific_prefix=draw(_text(1)),
        honorific_suffix=draw(_text(1)), nickname=draw(_text(1)),
        phonetic_family_name=draw(_text(1)), phonetic_given_name=draw(_text(1)),
        organization=draw(_text(2)), department=draw(_text(1)), title=draw(_text()),
        role=draw(_text(2)), emails=draw(st.lists(_TYPED, max_size=2)),
        phones=draw(st.lists(_TYPED, max_size=2)), addresses=draw(st.lists(_ADR, max_size=2)),
        urls=draw(st.lists(_TYPED, max_size=1)), birthday=draw(_DATE),
        anniversary=draw(_DATE), note=draw(_text(6, "\n")),
        tags=draw(st.lists(_WORD, unique=True, max_size=3)), photo=draw(_PHOTO),
        uid=draw(_text(1)), kind=draw(st.sampled_from(["individual", "org", "group"])),
        extra_lines=draw(_EXTRA),
    )
    if not d.formatted_name:
        d.formatted_name = d.display_name() if (d.family_name or d.given_name) else ""
    return d


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(drafts(), min_size=1, max_size=3), st.sampled_from(["4.0", "3.0"]))
def test_random_drafts_round_trip(items: list[ContactDraft], version: str) -> None:
    items = [d for d in items if d.display_name() or d.note or d.photo or d.title]
    result = read_vcards(write_vcards(items, version).encode("utf-8"))
    assert result.errors == []
    assert [dataclasses.replace(d, source="") for d in result.contacts] == items
