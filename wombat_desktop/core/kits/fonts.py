"""Fonts that print every name: TrueType-outline fonts found per script, embedded as subsets.

reportlab embeds only TrueType (``glyf``) outlines; CFF fonts (Noto CJK ``.otf``/``.ttc``,
Hiragino …) fail, so every candidate is checked by its table directory before use. The
search order: ``$WOMBAT_FONT_DIRS``, well-known files on Linux/Windows/macOS, fontconfig's
list, and reportlab's own Vera (Latin only) as the last resort. Fonts load lazily: a kit whose
text has no CJK never parses the 5 MB CJK font.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

# --- scripts ---------------------------------------------------------------------------------

LATIN, GREEK, CYRILLIC, HEBREW, ARABIC = "Latin", "Greek", "Cyrillic", "Hebrew", "Arabic"
CHINESE, JAPANESE, KOREAN = "Chinese", "Japanese", "Korean"
RTL_SCRIPTS = (HEBREW, ARABIC)

_RANGES: list[tuple[int, int, str]] = [
    (0x0370, 0x03FF, GREEK), (0x1F00, 0x1FFF, GREEK),
    (0x0400, 0x052F, CYRILLIC), (0x1C80, 0x1C8F, CYRILLIC), (0xA640, 0xA69F, CYRILLIC),
    (0x0590, 0x05FF, HEBREW), (0xFB1D, 0xFB4F, HEBREW),
    (0x0600, 0x06FF, ARABIC), (0x0750, 0x077F, ARABIC), (0xFB50, 0xFDFF, ARABIC),
    (0xFE70, 0xFEFF, ARABIC),
    (0x3040, 0x30FF, JAPANESE), (0x31F0, 0x31FF, JAPANESE), (0xFF66, 0xFF9F, JAPANESE),
    (0x1100, 0x11FF, KOREAN), (0x3130, 0x318F, KOREAN), (0xAC00, 0xD7AF, KOREAN),
    (0x2E80, 0x2FDF, CHINESE), (0x3000, 0x303F, CHINESE), (0x3400, 0x4DBF, CHINESE),
    (0x4E00, 0x9FFF, CHINESE), (0xF900, 0xFAFF, CHINESE), (0xFF00, 0xFF65, CHINESE),
    (0x20000, 0x2FA1F, CHINESE),
]


def script_of(ch: str) -> str:
    """The script a character belongs to, for reporting (Han counts as Chinese)."""
    cp = ord(ch)
    if cp < 0x0370 or 0x1E00 <= cp <= 0x1EFF:
        return LATIN
    for lo, hi, name in _RANGES:
        if lo <= cp <= hi:
            return name
    return LATIN


def scripts_in(text: str) -> set[str]:
    return {script_of(ch) for ch in text if not ch.isspace()}


# --- candidates ------------------------------------------------------------------------------

_BASE_REGULAR = ["DejaVuSans.ttf", "NotoSans-Regular.ttf", "LiberationSans-Regular.ttf",
                 "arial.ttf", "Arial.ttf", "segoeui.ttf", "FreeSans.ttf"]
_BASE_BOLD = {"DejaVuSans.ttf": "DejaVuSans-Bold.ttf", "NotoSans-Regular.ttf":
              "NotoSans-Bold.ttf", "LiberationSans-Regular.ttf": "LiberationSans-Bold.ttf",
              "arial.ttf": "arialbd.ttf", "Arial.ttf": "Arial Bold.ttf",
              "segoeui.ttf": "segoeuib.ttf", "FreeSans.ttf": "FreeSansBold.ttf"}
# TrueType-outline CJK fonts by file name, best first (all checked for glyf outlines).
_CJK_FILES = ["wqy-microhei.ttc", "wqy-zenhei.ttc", "DroidSansFallbackFull.ttf",
              "DroidSansFallback.ttf", "msyh.ttc", "msyh.ttf", "simsun.ttc", "simhei.ttf",
              "Arial Unicode.ttf", "ARIALUNI.TTF", "STHeiti Light.ttc", "STHeiti Medium.ttc",
              "YuGothR.ttc", "meiryo.ttc", "msgothic.ttc", "ipaexg.ttf", "ipag.ttf",
              "malgun.ttf", "AppleGothic.ttf", "NanumGothic.ttf", "UnDotum.ttf",
              "Hei.ttf"]
_DIRS = {
    "linux": ["/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts"],
    "win32": [os.path.join(os.environ.get("WINDIR", r"C:\Windows"), "Fonts"),
              os.path.join(os.environ.get("LOCALAPPDATA", ""), "Microsoft", "Windows", "Fonts")],
    "darwin": ["/System/Library/Fonts", "/System/Library/Fonts/Supplemental", "/Library/Fonts",
               "~/Library/Fonts"],
}
# Packages that ship TrueType CJK fonts, used when the user happens to have them installed.
_PACKAGE_FONT_DIRS = ["koreanize_matplotlib/fonts", "japanize_matplotlib/fonts"]


def _search_dirs() -> list[Path]:
    dirs = [Path(p) for p in os.environ.get("WOMBAT_FONT_DIRS", "").split(os.pathsep) if p]
    key = "win32" if sys.platform == "win32" else "darwin" if sys.platform == "darwin" else "linux"
    dirs += [Path(os.path.expanduser(p)) for p in _DIRS[key]]
    for base in map(Path, sys.path):
        dirs += [base / sub for sub in _PACKAGE_FONT_DIRS if (base / sub).is_dir()]
    return [d for d in dirs if d.is_dir()]


@lru_cache(maxsize=1)
def _font_files() -> dict[str, Path]:
    """File name (lower case) -> path for every .ttf/.ttc the machine has."""
    found: dict[str, Path] = {}
    for folder in _search_dirs():
        for path in folder.rglob("*"):
            if path.suffix.lower() in (".ttf", ".ttc"):
                found.setdefault(path.name.lower(), path)
    if shutil.which("fc-list"):
        try:
            out = subprocess.run(["fc-list", ":fontformat=TrueType", "file"], capture_output=True,
                                 text=True, timeout=10, check=False).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        for line in out.splitlines():
            path = Path(line.split(":", 1)[0].strip())
            if path.suffix.lower() in (".ttf", ".ttc"):
                found.setdefault(path.name.lower(), path)
    return found


def has_truetype_outlines(path: Path) -> bool:
    """True when the (first) font of the file has ``glyf`` outlines reportlab can embed."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(12)
            offset = 0
            if head[:4] == b"ttcf":
                (offset,) = struct.unpack(">I", handle.read(4))
                handle.seek(offset)
                head = handle.read(12)
            (count,) = struct.unpack(">H", head[4:6])
            tags = {handle.read(16)[:4] for _ in range(count)}
    except (OSError, struct.error):
        return False
    return b"glyf" in tags and b"CFF " not in tags


# --- the font book ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Face:
    name: str
    path: Path
    bold_path: Path | None = None
    loaded: bool = False
    chars: frozenset[int] = field(default_factory=frozenset)

    @property
    def bold_name(self) -> str:
        return self.name + "-Bold" if self.bold_path else self.name

    def load(self) -> None:
        if self.loaded:
            return
        regular = TTFont(self.name, str(self.path), subfontIndex=0)
        pdfmetrics.registerFont(regular)
        self.chars = frozenset(regular.face.charToGlyph)
        if self.bold_path:
            pdfmetrics.registerFont(TTFont(self.bold_name, str(self.bold_path), subfontIndex=0))
        self.loaded = True


class FontBook:
    """The fonts of this machine: one base font for Latin-like text, fallbacks per character."""

    def __init__(self, faces: list[_Face]) -> None:
        self._faces = faces
        self._lock = threading.Lock()
        with self._lock:
            faces[0].load()
        self.base = faces[0]
        self._by_char: dict[int, _Face | None] = {}

    @property
    def regular(self) -> str:
        return self.base.name

    @property
    def bold(self) -> str:
        return self.base.bold_name

    def face_for(self, ch: str) -> _Face | None:
        """The first font that has a glyph for ``ch`` (None: no font on this machine)."""
        cp = ord(ch)
        if cp in self._by_char:
            return self._by_char[cp]
        chosen = None
        with self._lock:
            for face in self._faces:
                if face is not self.base and script_of(ch) == LATIN and cp < 0x2000:
                    continue  # keep Latin in the base font: CJK fonts' Latin looks odd
                face.load()
                if cp in face.chars:
                    chosen = face
                    break
            if chosen is None and cp in self.base.chars:
                chosen = self.base
        self._by_char[cp] = chosen
        return chosen

    def missing_scripts(self, texts: Iterable[str]) -> list[str]:
        """Scripts with at least one character that no font here can print."""
        missing: set[str] = set()
        for text in texts:
            for ch in set(text):
                if ch.isspace() or unicodedata.category(ch).startswith("C"):
                    continue
                if self.face_for(ch) is None:
                    missing.add(script_of(ch))
        return sorted(missing)

    def describe(self) -> list[str]:
        return [f"{f.name}: {f.path}" for f in self._faces]


def _reportlab_vera() -> _Face:
    import reportlab

    folder = Path(reportlab.__file__).parent / "fonts"
    return _Face("WombatVera", folder / "Vera.ttf", folder / "VeraBd.ttf")


@lru_cache(maxsize=1)
def font_book() -> FontBook:
    """The machine's font book (found once per process; fonts register with reportlab)."""
    files = _font_files()
    faces: list[_Face] = []
    for n, file in enumerate(_BASE_REGULAR):
        path = files.get(file.lower())
        if path and has_truetype_outlines(path):
            bold = files.get(_BASE_BOLD[file].lower())
            faces.append(_Face(f"WombatSans{n}", path,
                               bold if bold and has_truetype_outlines(bold) else None))
            break
    for n, file in enumerate(_CJK_FILES):
        path = files.get(file.lower())
        if path and has_truetype_outlines(path):
            faces.append(_Face(f"WombatCJK{n}", path))
    faces.append(_reportlab_vera())
    return FontBook(faces)
