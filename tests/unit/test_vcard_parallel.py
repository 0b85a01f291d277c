"""The multi-process reader gives exactly what the single reader gives."""

from __future__ import annotations

import random

from bench.bench_import import _card
from wombat_desktop.core.vcard import read_vcards
from wombat_desktop.core.vcard_parallel import read_vcards_parallel


def _file(cards: int) -> bytes:
    rng = random.Random(5)
    parts = [_card(i, rng) for i in range(cards)]
    parts.insert(300, "FN:orphan\r\nEND:VCARD\r\n")  # lines without BEGIN
    parts.append("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut short\r\n")  # truncated card
    return "".join(parts).encode("utf-8")


def _number(draft) -> int:  # type: ignore[no-untyped-def]
    return int(draft.source.rsplit("#", 1)[1])


def test_parallel_read_equals_serial_read() -> None:
    data = _file(1200)
    serial = read_vcards(data, "big.vcf")
    parallel = read_vcards_parallel(data, "big.vcf", workers=2, min_bytes=0)
    assert parallel.found == serial.found == 1202
    assert parallel.errors == serial.errors
    assert [(e.card, e.message[:13]) for e in parallel.errors] == [
        (301, "no BEGIN:VCAR"), (1202, "the card is c")]
    assert sorted(parallel.contacts, key=_number) == sorted(serial.contacts, key=_number)


def test_small_files_stay_on_one_process() -> None:
    data = _file(20)
    assert read_vcards_parallel(data, "s.vcf").contacts == read_vcards(data, "s.vcf").contacts


def test_a_card_left_open_mid_file_reads_the_same_in_pieces() -> None:
    rng = random.Random(9)
    parts = [_card(i, rng) for i in range(900)]
    parts.insert(100, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Left open\r\n")  # nests what follows
    parts.insert(700, "FN:closing\r\nEND:VCARD\r\n")
    data = "".join(parts).encode("utf-8")
    serial = read_vcards(data, "n.vcf")
    parallel = read_vcards_parallel(data, "n.vcf", workers=2, min_bytes=0)
    assert (parallel.found, parallel.errors) == (serial.found, serial.errors)
    assert sorted(parallel.contacts, key=_number) == sorted(serial.contacts, key=_number)
