"""Tests for duplicate-person detection in wombat_desktop.core.dedupe."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from wombat_desktop.core.dedupe import (
    DedupeRecord,
    DuplicatePair,
    find_duplicates,
    match_against,
)
from wombat_desktop.core.dedupe_keys import name_key, names_compatible, org_key
from wombat_desktop.core.errors import CancelledError
from wombat_desktop.core.progress import CancelToken

R = DedupeRecord


def _pair(pairs: list[DuplicatePair], a: int, b: int) -> DuplicatePair | None:
    return next((p for p in pairs if {p.a, p.b} == {a, b}), None)


def _bench() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "bench" / "bench_dedupe.py"
    spec = importlib.util.spec_from_file_location("bench_dedupe", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_dedupe"] = module
    spec.loader.exec_module(module)
    return module


# --- exact signals -------------------------------------------------------------------------


def test_same_email_case_insensitive_is_exact() -> None:
    pairs = find_duplicates([R(1, "Anna Berg", emails=("Anna@X.com",)),
                             R(2, "Anna Berg", emails=(" anna@x.COM ",))])
    assert pairs == [DuplicatePair(1, 2, 100, ("same e-mail anna@x.com",), True)]


def test_gmail_dots_and_plus_tags_are_not_merged() -> None:
    pairs = find_duplicates([R(1, "Anna Berg", emails=("anna.berg@gmail.com",)),
                             R(2, "Bob Stone", emails=("annaberg@gmail.com",)),
                             R(3, "Carl Hahn", emails=("anna.berg+news@gmail.com",))])
    assert pairs == []


def test_same_uid_is_exact_even_with_other_names() -> None:
    pairs = find_duplicates([R(5, "Anna Berg", uids=("urn:uuid:ABC-1",)),
                             R(3, "Bob Stone", uids=("abc-1",))])
    assert [(p.a, p.b, p.exact) for p in pairs] == [(3, 5, True)]


def test_same_email_with_different_names_needs_review() -> None:
    pairs = find_duplicates([R(1, "Anna Berg", emails=("info@acme.com",)),
                             R(2, "Bob Stone", emails=("info@acme.com",))])
    assert len(pairs) == 1
    assert not pairs[0].exact
    assert pairs[0].score == 90


@pytest.mark.parametrize(
    ("first", "second", "region"),
    [("+1 (555) 123-4567", "555-123-4567", "US"), ("+49 30 123456", "030 123456", "DE")],
)
def test_phone_formats_match_exactly(first: str, second: str, region: str) -> None:
    pairs = find_duplicates([R(1, "Anna Berg", phones=(first,)),
                             R(2, "Anna Berg", phones=(second,))], region=region)
    assert len(pairs) == 1
    assert pairs[0].exact
    assert pairs[0].reasons[0].startswith("same phone +")


def test_same_phone_with_compatible_names_is_exact() -> None:
    pairs = find_duplicates([R(1, "J. Smith", phones=("555-123-4567",)),
                             R(2, "John A. Smith", phones=("5551234567",)),
                             R(3, "", phones=("+15551234567",))])
    assert {(p.a, p.b) for p in pairs if p.exact} == {(1, 2), (1, 3), (2, 3)}


def test_same_phone_with_different_names_is_likely() -> None:
    pairs = find_duplicates([R(1, "Anna Berg", phones=("555-123-4567",)),
                             R(2, "Bob Berg", phones=("555 123 4567",))])
    assert len(pairs) == 1
    assert not pairs[0].exact
    assert pairs[0].score == 80
    assert "different names" in pairs[0].reasons[0]


def test_short_numbers_are_no_evidence() -> None:
    assert find_duplicates([R(1, "Anna", phones=("112",)), R(2, "Bob", phones=("112",))]) == []


def test_record_with_many_emails() -> None:
    many = tuple(f"alias{i}@x.com" for i in range(200)) + ("anna@x.com",)
    records = [R(1, "Anna Berg", emails=many), R(2, "Anna Berg", emails=("ANNA@x.com",)),
               *(R(10 + i, f"Person {i}", emails=(f"p{i}@y.com",)) for i in range(50))]
    pairs = find_duplicates(records)
    assert [(p.a, p.b, p.exact) for p in pairs] == [(1, 2, True)]


def test_a_switchboard_shared_by_many_pairs_only_same_names() -> None:
    staff = [R(i, f"Person{i} Acme", phones=("+1 555 000 1000",)) for i in range(100)]
    staff.append(R(500, "Person7 Acme", phones=("555-000-1000",)))
    pairs = find_duplicates(staff)
    assert [(p.a, p.b, p.exact) for p in pairs] == [(7, 500, True)]


# --- names -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [("José García", "Jose Garcia"), ("Smith, John", "John Smith"), ("John Smith", "Jon Smith"),
     ("Katherine Müller", "Katherine Mueller"), ("Dr. Anna Berg", "anna berg"),
     ("王小明", "王 小明"), ("王, 小明", "王小明")],
)
def test_similar_names_at_one_company(first: str, second: str) -> None:
    pairs = find_duplicates([R(1, first, organization="Acme Inc."),
                             R(2, second, organization="ACME, Inc")])
    assert len(pairs) == 1
    assert not pairs[0].exact
    assert pairs[0].score >= 80
    assert "same company" in pairs[0].reasons[0]


def test_similar_names_in_one_city() -> None:
    pairs = find_duplicates([R(1, "José García", city="São Paulo"),
                             R(2, "Garcia, Jose", city="Sao Paulo")])
    assert len(pairs) == 1
    assert "same city" in pairs[0].reasons[0]


def test_similar_names_elsewhere_are_not_paired() -> None:
    records = [R(1, "John Smith", organization="Acme"), R(2, "John Smith", organization="Globex"),
               R(3, "John Smith")]
    assert find_duplicates(records) == []


def test_different_first_names_are_not_similar() -> None:
    pairs = find_duplicates([R(1, "Katalin Larsen", organization="Acme"),
                             R(2, "Nathan Larsen", organization="Acme")])
    assert pairs == []


def test_latin_and_cjk_names_match_only_through_contact_data() -> None:
    a = R(1, "Wang Xiaoming", organization="Acme")
    b = R(2, "王小明", organization="Acme")
    assert find_duplicates([a, b]) == []
    pairs = find_duplicates([R(1, "Wang Xiaoming", emails=("wxm@acme.cn",)),
                             R(2, "王小明", emails=("wxm@acme.cn",))])
    assert len(pairs) == 1
    assert pairs[0].exact


def test_cjk_names_compare_as_written() -> None:
    assert names_compatible(name_key("王小明"), name_key("王小明"))
    assert not names_compatible(name_key("王小明"), name_key("李娜"))
    assert find_duplicates([R(1, "王小明", organization="阿克米有限公司"),
                            R(2, "李娜", organization="阿克米有限公司")]) == []


def test_empty_names() -> None:
    records = [R(1, "", organization="Acme"), R(2, "  ", organization="Acme"),
               R(3, "", emails=("x@y.z",)), R(4, "", emails=("X@y.z",))]
    pairs = find_duplicates(records)
    assert [(p.a, p.b, p.exact) for p in pairs] == [(3, 4, True)]


def test_given_and_family_name_fill_in_for_display_name() -> None:
    pairs = find_duplicates([R(1, "", given_name="Anna", family_name="Berg", organization="Acme"),
                             R(2, "Berg, Anna", organization="Acme")])
    assert len(pairs) == 1


def test_org_key_drops_legal_forms() -> None:
    assert org_key("ACME, Inc.") == org_key("Acme Inc") == org_key("acme") == "acme"
    assert org_key("株式会社") == "株式会社"
    assert org_key("阿克米有限公司") == "阿克米"


# --- options ---------------------------------------------------------------------------------


def test_ignored_pairs_in_either_order() -> None:
    records = [R(1, "Anna", emails=("a@x.com",)), R(2, "Anna", emails=("a@x.com",)),
               R(3, "Anna", emails=("a@x.com",))]
    pairs = find_duplicates(records, ignore={(2, 1), (1, 3)})
    assert [(p.a, p.b) for p in pairs] == [(2, 3)]


def test_min_score_drops_likely_but_never_exact_pairs() -> None:
    records = [R(1, "Anna Berg", phones=("555-123-4567",)),
               R(2, "Bob Stone", phones=("555-123-4567",)),
               R(3, "Carl Hahn", emails=("c@x.com",)), R(4, "Carl Hahn", emails=("c@x.com",))]
    assert [(p.a, p.b) for p in find_duplicates(records, min_score=95)] == [(3, 4)]
    assert len(find_duplicates(records, min_score=0)) == 2


def test_signals_combine_into_one_pair() -> None:
    pairs = find_duplicates([R(1, "Anna Berg", organization="Acme", emails=("a@x.com",),
                               phones=("555-123-4567",)),
                             R(2, "Anna Berg", organization="Acme", emails=("a@x.com",),
                               phones=("5551234567",))])
    assert len(pairs) == 1
    assert pairs[0].exact
    assert pairs[0].score == 100
    assert len(pairs[0].reasons) == 3


def test_match_against_reports_only_new_vs_existing() -> None:
    existing = [R(1, "Anna Berg", emails=("a@x.com",)), R(2, "Bob Stone", organization="Acme")]
    new = [R(1, "Bob Stone", organization="Acme"), R(2, "Anna Berg", emails=("A@x.com",)),
           R(3, "Anna Berg", emails=("a@x.com",))]
    pairs = match_against(new, existing)
    assert {(p.a, p.b, p.exact) for p in pairs} == {(2, 1, True), (3, 1, True), (1, 2, False)}


def test_progress_and_cancel() -> None:
    records = [R(i, f"Person {i}", organization="Acme") for i in range(3000)]
    calls: list[tuple[int, int, str]] = []
    find_duplicates(records, progress=lambda d, t, label="": calls.append((d, t, label)))
    assert calls
    assert calls[-1][0] == calls[-1][1]
    token = CancelToken()
    token.cancel()
    with pytest.raises(CancelledError):
        find_duplicates(records, cancel=token)


# --- synthetic address books -----------------------------------------------------------------


def _check_synthetic(n: int) -> None:
    bench = _bench()
    data = bench.make_dataset(n)
    stats = bench.evaluate(find_duplicates(data.records), data)
    assert stats["exact_recall"] == 1.0
    assert stats["near_recall"] >= 0.9
    assert stats["precision"] >= 0.9


def test_synthetic_5k() -> None:
    _check_synthetic(5_000)


@pytest.mark.slow
def test_synthetic_50k() -> None:
    _check_synthetic(50_000)
