"""Byte-level vCard handling: file encodings, splitting into cards, unfolding, QP, charsets.

Everything here works on ``bytes`` so that a fold or a quoted-printable soft break that splits a
multi-byte character is joined *before* any decoding. The output is a list of logical content
lines per card, which `vcard_read` turns into clean UTF-8 text for vobject.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

_EOL = re.compile(rb"\r*\n|\r")
_BEGIN = re.compile(rb"[ \t]*BEGIN[ \t]*:[ \t]*VCARD[ \t]*", re.I)
_END = re.compile(rb"[ \t]*END[ \t]*:[ \t]*VCARD[ \t]*", re.I)
_BEGIN_COUNT = re.compile(rb"^[ \t]*BEGIN[ \t]*:[ \t]*VCARD", re.I | re.M)
# group . name params : — names may be illegal ("X-GOOGLE TALK"); params may quote ';' and ':'.
_LINE = re.compile(
    rb"(?:([A-Za-z0-9_-]+)\.)?([A-Za-z0-9_-]+(?: [A-Za-z0-9_-]+)*)[ \t]*"
    rb'((?:;(?:"[^"]*"|[^";:])*)*):'
)
# Where a new property starts (params may be folded before the ':').
_START = re.compile(rb"(?:[A-Za-z0-9_-]+\.)?[A-Za-z0-9_-]+(?: [A-Za-z0-9_-]+)*[ \t]*[;:]")
_PARAM_STR = re.compile(r';((?:"[^"]*"|[^";])*)')
_QP_HEAD = re.compile(rb"QUOTED-PRINTABLE", re.I)
_B64_HEAD = re.compile(rb"[;=,](?:B|BASE64)(?=[;,:])", re.I)
_ENCODING_WORDS = {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"}
_CHARSET_ALIASES = {"shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932",
                    "x-sjis": "cp932", "windows-31j": "cp932", "iso-8859-1": "cp1252",
                    "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252"}


def count_begins(data: bytes) -> int:
    """How many ``BEGIN:VCARD`` lines the (UTF-8 normalised) data holds."""
    return len(_BEGIN_COUNT.findall(data))


def to_utf8_bytes(data: bytes) -> bytes:
    """Strip a UTF-8 BOM and re-encode UTF-16 (with or without BOM) as UTF-8."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:]
    head = data[:400]
    codec = ""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16"
    elif len(head) >= 4 and head.count(0) * 3 > len(head):
        even_nuls = head[0::2].count(0)
        odd_nuls = head[1::2].count(0)
        codec = "utf-16-be" if even_nuls > odd_nuls else "utf-16-le"
    if not codec:
        return data
    return data.decode(codec, errors="replace").lstrip("\ufeff").encode("utf-8")


@dataclass(slots=True)
class RawCard:
    """One card as logical (unfolded) byte lines; ``lines`` holds ``(line_no, parts)``."""

    number: int
    start: int
    lines: list[tuple[int, list[bytes]]] = field(default_factory=list)
    complete: bool = False
    orphan: bool = False  # content followed by END:VCARD with no BEGIN:VCARD
    qp_open: bool = False  # the last line is quoted-printable and ends with a soft break
    last_qp: bool = False
    last_b64: bool = False

    def add(self, line_no: int, raw: bytes) -> None:
        head = raw[: raw.find(b":") + 1]
        self.last_qp = bool(_QP_HEAD.search(head))
        self.last_b64 = bool(_B64_HEAD.search(head))
        self.lines.append((line_no, [raw]))
        self.qp_open = self.last_qp and raw.endswith(b"=")

    def extend(self, raw: bytes, sep: bytes = b"") -> None:
        parts = self.lines[-1][1]
        if sep:
            parts.append(sep)
        parts.append(raw)
        self.qp_open = self.last_qp and raw.endswith(b"=")

    def soft_break(self, raw: bytes) -> None:
        parts = self.lines[-1][1]
        parts[-1] = parts[-1][:-1]
        self.extend(raw)

    def logical_lines(self) -> Iterator[tuple[int, bytes]]:
        for line_no, parts in self.lines:
            yield line_no, parts[0] if len(parts) == 1 else b"".join(parts)


def split_cards(data: bytes) -> Iterator[RawCard]:
    """Yield the cards of UTF-8-compatible vCard bytes in order of their BEGIN lines.

    Handles any line ending (CRLF, LF, CR, CR CR LF), folds with space or TAB, vCard 2.1
    quoted-printable soft breaks, unindented base64 continuation lines, ``#`` comments, nested
    cards (yielded as their own cards), junk outside cards and missing BEGIN or END lines.
    """
    stack: list[RawCard] = []
    counter = 0
    orphan: RawCard | None = None
    done: list[RawCard] = []
    for line_no, raw in enumerate(_EOL.split(data), 1):
        cur = stack[-1] if stack else None
        if cur is not None and cur.qp_open and not (_END.fullmatch(raw) or _BEGIN.fullmatch(raw)):
            cur.soft_break(raw)
            continue
        first = raw[:1]
        if first in (b" ", b"\t"):
            if cur is not None and cur.lines:
                cur.extend(raw[1:])
            continue
        if not raw or not raw.strip():
            continue
        if _BEGIN.fullmatch(raw):
            counter += 1
            if orphan is not None:
                orphan = None
            stack.append(RawCard(counter, line_no))
            continue
        if _END.fullmatch(raw):
            if stack:
                card = stack.pop()
                card.complete = True
                done.append(card)
            elif orphan is not None:
                counter += 1
                orphan.number = counter
                orphan.orphan = True
                done.append(orphan)
                orphan = None
            if not stack:
                done.sort(key=lambda c: c.number)
                yield from done
                done.clear()
            continue
        if raw[:1] == b"#" and cur is not None:
            continue
        if cur is None:
            if _START.match(raw):
                if orphan is None:
                    orphan = RawCard(0, line_no)
                orphan.add(line_no, raw)
            continue
        if _START.match(raw) or not cur.lines:
            cur.add(line_no, raw)
        else:  # a continuation without indentation: unindented base64 or a bare CR in text
            cur.extend(raw.strip(), b"" if cur.last_b64 else b"\\n")
    while stack:
        done.append(stack.pop())
    done.sort(key=lambda c: c.number)
    yield from done


# --- one content line -----------------------------------------------------------------------


@dataclass(slots=True)
class RawLine:
    """A content line split into its parts; params keep their order, bare ones have key ``""``."""

    group: str
    name: str  # upper case, illegal characters replaced by '-'
    params: list[tuple[str, str]]
    value: bytes
    spelled: str = ""  # the name as written (case kept), for extra lines

    def param(self, key: str) -> str | None:
        for k, v in self.params:
            if k == key:
                return v
        return None

    @property
    def encoding(self) -> str:
        if not self.params:
            return ""
        enc = (self.param("ENCODING") or "").upper()
        if not enc:
            for k, v in self.params:
                if not k and v.upper() in _ENCODING_WORDS:
                    enc = v.upper()
        return "BASE64" if enc == "B" else enc


def parse_line(raw: bytes, caret: bool = False) -> RawLine | None:
    """Split a logical line; ``caret`` decodes RFC 6868 escapes in parameter values."""
    m = _LINE.match(raw)
    if m is None:
        return None
    group_b, name_b, params_b = m.groups()
    spelled = name_b.decode("ascii")
    if " " in spelled or "_" in spelled:
        spelled = spelled.replace(" ", "-").replace("_", "-")
    params: list[tuple[str, str]] = []
    if params_b:
        text = _param_text(params_b)
        pieces = text[1:].split(";") if '"' not in text else _PARAM_STR.findall(text)
        for piece in pieces:
            key, eq, val = piece.partition("=")
            if eq:
                val = val.strip()
                if caret and "^" in val:
                    val = uncaret(val)
                params.append((key.strip().upper(), val))
            elif piece.strip():
                params.append(("", piece.strip()))
    return RawLine(group_b.decode("ascii") if group_b else "", spelled.upper(), params,
                   raw[m.end():], spelled)


def _param_text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def uncaret(val: str) -> str:
    return re.sub(r"\^(.)", lambda m: {"n": "\n", "^": "^", "'": '"'}.get(m.group(1),
                                                                          m.group(0)), val)


def split_param_values(value: str) -> list[str]:
    """Split ``a,"b,c",d`` into ``['a', 'b,c', 'd']`` (quotes removed)."""
    if '"' not in value:
        return [v.strip() for v in value.split(",") if v.strip()]
    return [v.strip().strip('"') for v in re.findall(r'"[^"]*"|[^,]+', value) if v.strip()]


# --- values ---------------------------------------------------------------------------------


def decode_qp(value: bytes) -> bytes:
    """Decode quoted-printable bytes (soft breaks are already joined)."""
    try:
        return binascii.a2b_qp(value)
    except (binascii.Error, ValueError):
        return value


def lookup_charset(name: str | None) -> str | None:
    """A Python codec for a declared charset, or None when it is unknown."""
    if not name:
        return None
    name = name.strip().strip('"').lower()
    name = _CHARSET_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def guess_charset(samples: list[bytes]) -> str:
    """Guess the codec of undeclared 8-bit text; cp1252 when detection has no opinion."""
    from charset_normalizer import from_bytes

    best = from_bytes(b"\n".join(samples)).best()
    if best is None or best.encoding in {"ascii", "utf_8"}:
        return "cp1252"
    return best.encoding


# --- photos and dates -----------------------------------------------------------------------

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)


def image_mime(data: bytes) -> str | None:
    """The MIME type of image bytes judged by their signature, or None."""
    for sig, mime in _SIGNATURES:
        if data.startswith(sig):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:8] == b"ftyp" and data[8:12] in (b"heic", b"heix", b"mif1", b"avif"):
        return "image/avif" if data[8:12] == b"avif" else "image/heic"
    return None


_B64_JUNK = re.compile(rb"[^A-Za-z0-9+/]")


def decode_base64(text: bytes) -> bytes | None:
    """Lenient base64: ignores whitespace and junk, repairs missing or broken padding."""
    clean = _B64_JUNK.sub(b"", text.split(b"=", 1)[0])
    if len(clean) % 4 == 1:
        clean = clean[:-1]
    clean += b"=" * (-len(clean) % 4)
    try:
        return base64.b64decode(clean)
    except (binascii.Error, ValueError):
        return None


def decode_photo(value: bytes, declared_b64: bool) -> tuple[bytes, str] | None:
    """Photo bytes and MIME type from a PHOTO value (base64 or ``data:`` URI), else None."""
    value = value.strip()
    if value[:5].lower() == b"data:":
        header, _, payload = value.partition(b",")
        if b"base64" not in header.lower():
            return None
        data = decode_base64(payload)
    elif b"://" in value[:12] or not value:
        return None
    else:
        data = decode_base64(value)
        if data is None and not declared_b64:
            return None
    if not data:
        return None
    mime = image_mime(data)
    return (data, mime) if mime else None


_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?")
_NOYEAR = re.compile(r"--(\d{2})-?(\d{2})")


def normalise_date(value: str) -> str | None:
    """ISO form of a vCard date (``19800412`` -> ``1980-04-12``, ``--0412`` -> ``--04-12``)."""
    value = value.strip()
    m = _DATE.fullmatch(value)
    if m:
        y, mo, d = m.groups()
        prefix = f"{y}-"
    else:
        m = _NOYEAR.fullmatch(value)
        if not m:
            return None
        mo, d = m.groups()
        prefix = "--"
    if not (1 <= int(mo) <= 12 and 1 <= int(d) <= 31):
        return None
    return f"{prefix}{mo}-{d}"
