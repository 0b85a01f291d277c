"""Reading contact CSV files: encoding, delimiter and header sniffing, and row recovery.

Records are parsed with the `csv` module over our own list of physical lines, so every row
knows its line number and a row broken by an unbalanced quote can be reported and skipped:
when a record spans several lines but its cell count does not match the header, the parser
starts again on the line after the record's first line.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from wombat_desktop.core.csv_formats import (
    ColumnMapping,
    CsvFormat,
    base_field,
    detect_format,
    mapping_for,
)
from wombat_desktop.core.csv_values import build_draft, has_content, unneutralise
from wombat_desktop.core.model import ContactDraft
from wombat_desktop.core.progress import CancelToken, ProgressFn

PREVIEW_ROWS = 20
_DELIMITERS = (",", ";", "\t", "|")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
_SNIFF_LINES = 200
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"),
         (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# charset-normalizer guesses we trust; anything else is read as cp1252 (else latin-1): on short
# samples it says cp1250 or cp775 for German or Spanish text and turns "ñ" into "ń".
_TRUSTED = {"big5", "big5hkscs", "cp932", "cp949", "euc_jis_2004", "euc_jp", "euc_kr", "gb2312",
            "gb18030", "gbk", "hz", "iso2022_jp", "iso2022_kr", "johab", "shift_jis",
            "shift_jis_2004", "cp1251", "koi8_r", "koi8_u", "iso8859_5", "cp1253", "iso8859_7",
            "cp1255", "iso8859_8", "cp1256", "iso8859_6", "cp874", "tis_620", "cp1258"}


@dataclass(frozen=True, slots=True)
class CsvRowError:
    """A data row we could not read; ``row`` counts data rows, ``line`` physical lines."""

    row: int
    line: int
    message: str


@dataclass(slots=True)
class CsvSniff:
    """What a CSV file looks like, for the column-mapping dialog."""

    encoding: str
    delimiter: str
    format: CsvFormat
    headers: list[str]
    header_line: int
    preview: list[list[str]]


@dataclass(slots=True)
class CsvReadResult:
    contacts: list[ContactDraft]
    errors: list[CsvRowError]
    found: int
    format: CsvFormat
    headers: list[str]


@dataclass(slots=True)
class _Layout:
    lines: list[str]
    encoding: str
    delimiter: str
    headers: list[str]
    header_index: int  # 0-based index of the header's first line
    data_start: int  # index of the first line after the header


def decode(data: bytes) -> tuple[str, str]:
    """The text of the file and the encoding it was read with; never raises."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    sample = data[:4096]
    if len(sample) >= 4 and sample.count(0) > len(sample) // 4:  # UTF-16 without a BOM
        encoding = "utf-16-be" if sample[0::2].count(0) > sample[1::2].count(0) else "utf-16-le"
        return data.decode(encoding, errors="replace"), encoding
    text = data.decode("utf-8", errors="replace")
    non_ascii = sum(1 for b in data if b >= 0x80) if "\ufffd" in text else 0
    if text.count("\ufffd") * 10 <= non_ascii:  # UTF-8 with a few broken bytes at most
        return text, "utf-8"
    encoding = _guess_8bit(data)
    return data.decode(encoding, errors="replace"), encoding


def _guess_8bit(data: bytes) -> str:
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:65536]).best()
        if best is not None and best.encoding in _TRUSTED:
            "".encode(best.encoding)  # a codec Python knows
            return best.encoding
    except Exception:  # noqa: BLE001 - detection is a hint; fall back below
        pass
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return "latin-1"
    return "cp1252"


class _Feed:
    """Physical lines for `csv.reader`, remembering how far the reader has read."""

    def __init__(self, lines: list[str], pos: int, end: int) -> None:
        self.lines, self.pos, self.end = lines, pos, end

    def __iter__(self) -> _Feed:
        return self

    def __next__(self) -> str:
        if self.pos >= self.end:
            raise StopIteration
        self.pos += 1
        return self.lines[self.pos - 1]


def iter_records(
    lines: list[str], start: int, delimiter: str, width: int = 0, end: int | None = None
) -> Iterator[tuple[int, int, list[str] | None, str]]:
    """Yield ``(first line index, next line index, cells or None, error message)``."""
    end = len(lines) if end is None else min(end, len(lines))
    pos = start
    while pos < end:
        feed = _Feed(lines, pos, end)
        reader = csv.reader(feed, delimiter=delimiter, quotechar='"', strict=False)
        while True:
            first = feed.pos
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield first, first + 1, None, f"unreadable row: {exc}"
                break
            if feed.pos - first > 1 and width and len(cells) != width:
                yield first, first + 1, None, "unbalanced quote (the row is skipped)"
                break
            yield first, feed.pos, cells, ""
        pos = first + 1


def _filled(cells: list[str] | None) -> int:
    return sum(1 for c in cells if c.strip()) if cells else 0


def _find_layout(lines: list[str]) -> tuple[str, int, int, list[str]]:
    """Pick the delimiter and header record: the first record with two or more filled cells
    (LinkedIn puts a "Notes:" preamble above it) whose width the next rows agree with."""
    best: tuple[float, str, int, int, list[str]] | None = None
    for delimiter in _DELIMITERS:
        records = list(islice(iter_records(lines, 0, delimiter, 0, _SNIFF_LINES), 40))
        i = next((i for i, r in enumerate(records) if _filled(r[2]) >= 2), -1)
        if i < 0:
            continue
        first, after, cells, _ = records[i]
        cells = cells or []
        width = len(cells)
        rows = [c for _, _, c, _ in records[i + 1 : i + 11] if c is not None and _filled(c)]
        agree = sum(1.0 if len(c) == width else 0.5 if len(c) < width else 0.0 for c in rows)
        score = width * (1 + agree) / (1 + len(rows))
        if best is None or score > best[0]:
            best = (score, delimiter, first, after, cells)
    if best is not None:
        return best[1:]
    for first, after, cells, _ in iter_records(lines, 0, ",", 0, _SNIFF_LINES):
        if _filled(cells):
            return ",", first, after, cells or []
    return ",", 0, 0, []


def _clean_headers(cells: list[str]) -> list[str]:
    """Header names made unique and non-empty, so they can key a mapping."""
    headers: list[str] = []
    for i, cell in enumerate(cells, 1):
        name = " ".join(cell.replace("\ufeff", "").split()) or f"Column {i}"
        unique, n = name, 1
        while unique in headers:
            n += 1
            unique = f"{name} ({n})"
        headers.append(unique)
    return headers


def _layout(data: bytes) -> _Layout:
    text, encoding = decode(data)
    lines = _LINE.findall(text)
    delimiter, first, after, cells = _find_layout(lines)
    return _Layout(lines, encoding, delimiter, _clean_headers(cells), first, after)


def sniff_csv(data: bytes) -> CsvSniff:
    """Encoding, delimiter, header, detected format and the first data rows of a CSV file."""
    layout = _layout(data)
    width = len(layout.headers)
    preview: list[list[str]] = []
    records = iter_records(layout.lines, layout.data_start, layout.delimiter, width)
    for _, _, cells, _ in records:
        if len(preview) >= PREVIEW_ROWS:
            break
        if cells is not None and _filled(cells):
            preview.append([*cells[:width], *[""] * (width - len(cells))])
    return CsvSniff(layout.encoding, layout.delimiter, detect_format(layout.headers),
                    layout.headers, layout.header_index + 1 if layout.headers else 0, preview)


def read_csv(
    data: bytes,
    source: str = "",
    mapping: ColumnMapping | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
) -> CsvReadResult:
    """Read contacts from CSV bytes; bad rows become `CsvRowError`s, never exceptions.

    Args:
        data: the file's bytes.
        source: a name for `ContactDraft.source` (``csv:{source}#{row}``).
        mapping: header -> target (see `csv_formats`); None uses the detected format's map.
        progress: called with (lines done, lines in total, label) every 200 rows.
        cancel: checked every 200 rows; raises `CancelledError` when cancelled.
    """
    layout = _layout(data)
    headers, width = layout.headers, len(layout.headers)
    fmt = detect_format(headers)
    if mapping is None:
        mapping = mapping_for(fmt, headers)
    plan: list[tuple[int, str, str]] = []
    for i, header in enumerate(headers):
        target = mapping.get(header)
        if isinstance(target, str) and base_field(target) not in ("", "ignore"):
            base, _, slot = target.partition("#")
            plan.append((i, base, slot))

    contacts: list[ContactDraft] = []
    errors: list[CsvRowError] = []
    row = found = 0
    total = len(layout.lines)
    for first, _, cells, message in iter_records(
        layout.lines, layout.data_start, layout.delimiter, width
    ):
        row += 1
        if row % 200 == 0:
            if cancel is not None:
                cancel.check()
            if progress is not None:
                progress(first, total, f"Row {row}")
        if cells is None:
            found += 1
            errors.append(CsvRowError(row, first + 1, message))
            continue
        if not _filled(cells):
            continue
        found += 1
        if len(cells) > width and _filled(cells[width:]):
            errors.append(CsvRowError(
                row, first + 1, f"the row has {len(cells)} cells but the header {width}"))
            continue
        draft = build_draft(
            (base, slot, value)
            for i, base, slot in plan
            if i < len(cells) and cells[i] and (value := unneutralise(cells[i]))
        )
        if not has_content(draft):
            errors.append(CsvRowError(row, first + 1, "no name, e-mail or phone in this row"))
            continue
        draft.source = f"csv:{source}#{row}"
        contacts.append(draft)
    if progress is not None:
        progress(total, total, "")
    return CsvReadResult(contacts, errors, found, fmt, headers)
