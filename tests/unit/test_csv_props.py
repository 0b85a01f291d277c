"""Property tests: no input makes the CSV reader raise."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wombat_desktop.core.csvfiles import CsvFormat, read_csv, sniff_csv, write_google_csv
from wombat_desktop.core.model import ContactDraft, TypedValue

DATA = Path(__file__).parents[1] / "data" / "csv"
SEEDS = [p.read_bytes() for p in sorted(DATA.glob("*.csv"))] or [b"Name,Email\nA,a@x.org\n"]
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=600))
def test_random_bytes_never_raise(data: bytes) -> None:
    sniff = sniff_csv(data)
    result = read_csv(data)
    assert result.found >= len(result.contacts)
    assert sniff.format in CsvFormat


@FAST
@given(
    st.sampled_from(SEEDS),
    st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 8),
                       st.sampled_from([b'"', b",", b";", b"\n", b"\r", b"\x00", b"\xff",
                                        b"\t", b"'", b"", b"\xef\xbb\xbf", b":::"])),
             max_size=8),
)
def test_mutated_csv_never_raises(seed: bytes, edits: list[tuple[int, int, bytes]]) -> None:
    data = bytearray(seed)
    for at, cut, insert in edits:
        at %= len(data) + 1
        data[at : at + cut] = insert
    result = read_csv(bytes(data), "mutated")
    for error in result.errors:
        assert error.row >= 1
        assert error.line >= 1
    for contact in result.contacts:
        assert contact.source.startswith("csv:mutated#")


@FAST
@given(st.lists(st.text(max_size=12), min_size=1, max_size=6))
def test_mapping_with_any_headers_and_targets_never_raises(headers: list[str]) -> None:
    data = (",".join(f'"{h.replace(chr(34), "")}"' for h in headers) + "\nx,y,z\n").encode()
    targets = ["street#1", "email_label#1", "phone_other#1", "bogus", "", "ignore", "tags"]
    mapping = {h: targets[i % len(targets)] for i, h in enumerate(sniff_csv(data).headers)}
    read_csv(data, mapping=mapping)


_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=15).map(str.strip)


@FAST
@given(st.lists(st.builds(
    lambda g, f, o, n, e: ContactDraft(given_name=g, family_name=f, organization=o, note=n,
                                       emails=[TypedValue(e)] if e else []),
    _text, _text, _text, _text, _text), max_size=4))
def test_export_round_trip_keeps_plain_fields(drafts: list[ContactDraft]) -> None:
    kept = [d for d in drafts if d.display_name() or d.note]
    back = read_csv(write_google_csv(kept).encode()).contacts
    assert len(back) == len(kept)
    for a, b in zip(kept, back, strict=True):
        assert (b.given_name, b.family_name, b.organization) == (
            a.given_name, a.family_name, a.organization)
