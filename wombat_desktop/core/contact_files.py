"""Reading any contact file: tell vCard from CSV and hand it to the right reader."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from wombat_desktop.core.csvfiles import ColumnMapping, read_csv
from wombat_desktop.core.model import ContactDraft
from wombat_desktop.core.progress import CancelToken, ProgressFn
from wombat_desktop.core.vcard_parallel import read_vcards_parallel

VCARD_SUFFIXES = {".vcf", ".vcard", ".vcs"}
CSV_SUFFIXES = {".csv", ".tsv", ".txt"}
MAX_FILE_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class FileError:
    """A card or row that could not be read: which one, where, and why."""

    card: int
    line: int
    message: str


@dataclass(slots=True)
class ParsedFile:
    path: str
    kind: str  # "vcard", "csv" or "unknown"
    format: str  # e.g. "vcard", "google", "linkedin"
    found: int = 0
    drafts: list[ContactDraft] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)


def looks_like_vcard(data: bytes) -> bool:
    """True when the start of the file holds a BEGIN:VCARD (in UTF-8 or UTF-16)."""
    head = data[:8192]
    if b"BEGIN:VCARD" in head.upper():
        return True
    for codec in ("utf-16", "utf-16-le", "utf-16-be"):
        try:
            if "BEGIN:VCARD" in head.decode(codec, errors="ignore").upper():
                return True
        except LookupError:  # pragma: no cover - codecs always exist
            continue
    return False


def read_contact_bytes(
    data: bytes, name: str, mapping: ColumnMapping | None = None,
    progress: ProgressFn | None = None, cancel: CancelToken | None = None,
    region: str = "US",
) -> ParsedFile:
    """Read one file's bytes as vCard or CSV, by content first and by name second."""
    suffix = Path(name).suffix.lower()
    if looks_like_vcard(data) or suffix in VCARD_SUFFIXES:
        result = read_vcards_parallel(data, source=name, progress=progress, cancel=cancel,
                                      region=region)
        return explain_empty(ParsedFile(
            name, "vcard", "vcard", result.found, result.contacts,
            [FileError(e.card, e.line, e.message) for e in result.errors]))
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ParsedFile(name, "unknown", "", 0, [],
                          [FileError(0, 1, "binary data: neither a vCard nor a CSV file")])
    csv = read_csv(data, source=name, mapping=mapping, progress=progress, cancel=cancel)
    return explain_empty(ParsedFile(name, "csv", csv.format.value, csv.found, csv.contacts,
                                    [FileError(e.row, e.line, e.message) for e in csv.errors]))


def read_contact_file(
    path: str | Path, mapping: ColumnMapping | None = None,
    progress: ProgressFn | None = None, cancel: CancelToken | None = None,
    region: str = "US",
) -> ParsedFile:
    """Read a contact file from disk; an unreadable file becomes one error, not an exception."""
    p = Path(path)
    try:
        if p.stat().st_size > MAX_FILE_BYTES:
            return ParsedFile(str(p), "unknown", "", 0, [],
                              [FileError(0, 0, "file larger than 512 MB")])
        data = p.read_bytes()
    except OSError as exc:
        return ParsedFile(str(p), "unknown", "", 0, [],
                          [FileError(0, 0, f"cannot read the file: {exc.strerror or exc}")])
    parsed = read_contact_bytes(data, p.name, mapping, progress, cancel, region)
    parsed.path = str(p)
    return parsed


def explain_empty(parsed: ParsedFile) -> ParsedFile:
    """A file that yields nobody and no error gets one error saying so."""
    if parsed.found == 0 and not parsed.errors:
        parsed.errors.append(FileError(0, 0, "no contacts found: the file is empty or holds "
                                             "no vCard cards or CSV rows"))
    return parsed
