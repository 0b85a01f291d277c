"""The self-introduction builder (WOMBAT II.10) and a spoken-time estimate for any script.

Speaking rates (plain averages of public speaking, not of a nervous first try):
English ≈ 150 words a minute; Mandarin ≈ 4 characters a second; Japanese ≈ 6 morae a second
(the 5–7 range), counting a kana as one mora (small ゃゅょ… join the one before) and a
kanji as 1.7 morae (its average reading), which matches the announcers' rule of about 300
characters a minute; Korean ≈ 5 syllables a second. Mixed text adds the parts up. A run of
Han characters counts as Japanese when the text holds any kana, else as Chinese.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORDS_PER_MINUTE = 150.0
HANZI_PER_SECOND = 4.0
MORAE_PER_SECOND = 6.0
KANJI_MORAE = 1.7
HANGUL_PER_SECOND = 5.0
LENGTHS: tuple[int, ...] = (10, 30, 60)

_SMALL_KANA = set("ゃゅょぁぃぅぇぉゎャュョァィゥェォヮ")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s*")
_CJK_PUNCT = set("。！？、，；：」』）")


def _kind(ch: str) -> str:
    code = ord(ch)
    if 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF66 <= code <= 0xFF9D:
        return "kana"
    if (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF
            or 0x20000 <= code <= 0x2FA1F or ch == "々"):
        return "han"
    if 0xAC00 <= code <= 0xD7AF:
        return "hangul"
    return ""


@dataclass(frozen=True, slots=True)
class SpokenEstimate:
    """Counts for a live display and the estimated speaking time in seconds."""

    words: int  # words of alphabetic scripts (and numbers)
    characters: int  # every character that is not white space
    cjk_characters: int  # Han, kana and hangul characters
    morae: float  # Japanese morae (0 for other text)
    seconds: float
    language: str  # en | zh | ja | ko | mixed | "" (empty text)

    @property
    def label(self) -> str:
        """E.g. "42 words · 17 s" or "120 characters · 30 s"."""
        if self.cjk_characters and not self.words:
            count = f"{self.cjk_characters} characters"
        elif self.cjk_characters:
            count = f"{self.words} words + {self.cjk_characters} characters"
        else:
            count = f"{self.words} word" + ("" if self.words == 1 else "s")
        return f"{count} · {round(self.seconds)} s"


def estimate(text: str) -> SpokenEstimate:
    """How long *text* takes to say aloud (see the module doc for the rates)."""
    han = kana_morae = hangul = 0.0
    kana_seen = False
    plain: list[str] = []
    for ch in text:
        kind = _kind(ch)
        if kind == "han":
            han += 1
            plain.append(" ")
        elif kind == "kana":
            kana_seen = True
            if ch not in _SMALL_KANA and ch != "・":
                kana_morae += 1
            plain.append(" ")
        elif kind == "hangul":
            hangul += 1
            plain.append(" ")
        else:
            plain.append(ch)
    words = len(_WORD.findall("".join(plain)))
    seconds = words * 60.0 / WORDS_PER_MINUTE + hangul / HANGUL_PER_SECOND
    morae = 0.0
    if kana_seen:
        morae = kana_morae + han * KANJI_MORAE
        seconds += morae / MORAE_PER_SECOND
    else:
        seconds += han / HANZI_PER_SECOND
    cjk = int(han + hangul) + sum(1 for ch in text if _kind(ch) == "kana")
    present = [lang for lang, n in (("en", words), ("ko", hangul)) if n]
    if kana_seen:
        present.append("ja")
    elif han:
        present.append("zh")
    language = present[0] if len(present) == 1 else ("mixed" if present else "")
    return SpokenEstimate(words, sum(1 for ch in text if not ch.isspace()), cjk, morae,
                          round(seconds, 1), language)


# --- the builder ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ScriptParts:
    """The four parts of WOMBAT II.10, as the user wrote them."""

    name: str = ""
    background: str = ""
    hook: str = ""
    product: str = ""


@dataclass(frozen=True, slots=True)
class ScriptVariant:
    seconds: int  # the target length
    text: str
    estimate: SpokenEstimate
    fits: bool  # the estimate is within the target length

    @property
    def over_by(self) -> float:
        return max(0.0, self.estimate.seconds - self.seconds)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text.strip()) if s.strip()]


def join_parts(parts: list[str]) -> str:
    """Join with a space, except after CJK text (which uses none)."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out and not (out[-1] in _CJK_PUNCT or _kind(out[-1]) or _kind(part[0])):
            out += " "
        out += part
    return out


# Which sentences each length starts from, before trimming to fit: (background, product).
_START = {10: (0, 0), 30: (1, 1)}


def compose(parts: ScriptParts, seconds: int) -> ScriptVariant:
    """A script of about *seconds*: name, background, memory hook, product introduction.

    Longer parts are cut sentence by sentence (background first, then the product, then the
    hook's later sentences) until the estimate fits; the name and the hook's first sentence
    always stay, so the variant may still run over (``fits`` says so). With no name and no
    hook the script keeps at least one sentence (the product's first, else the background's),
    so a short variant is never empty while the user has written something.
    """
    background, product, hook = (sentences(parts.background), sentences(parts.product),
                                 sentences(parts.hook))
    if seconds in _START:
        nb, np_ = _START[seconds]
        background, product = _with_fallback(parts.name, hook, background, product, nb, np_)
    anchored = bool(parts.name.strip() or hook)
    for _ in range(len(background) + len(product) + len(hook) + 1):
        text = join_parts([parts.name, *background, *hook, *product])
        est = estimate(text)
        if est.seconds <= seconds:
            return ScriptVariant(seconds, text, est, True)
        if not anchored and len(background) + len(product) <= 1:
            break  # the last sentence stays: an empty script helps nobody
        if background:
            background.pop()
        elif product:
            product.pop()
        elif len(hook) > 1:
            hook.pop()
        else:
            break
    text = join_parts([parts.name, *background, *hook, *product])
    est = estimate(text)
    return ScriptVariant(seconds, text, est, est.seconds <= seconds)


def _with_fallback(name: str, hook: list[str], background: list[str], product: list[str],
                   nb: int, np_: int) -> tuple[list[str], list[str]]:
    """The first *nb* background and *np_* product sentences; one sentence at least when
    there is no name and no hook (the product's first, else the background's)."""
    kept_b, kept_p = background[:nb], product[:np_]
    if name.strip() or hook or kept_b or kept_p:
        return kept_b, kept_p
    return ([], product[:1]) if product else (background[:1], [])


def variants(parts: ScriptParts, lengths: tuple[int, ...] = LENGTHS) -> tuple[ScriptVariant, ...]:
    """The 10-, 30- and 60-second variants."""
    return tuple(compose(parts, n) for n in lengths)


def countdown(seconds: int, elapsed: float) -> str:
    """The rehearse screen's clock: "0:23" left, or "+0:04" once over time."""
    left = seconds - elapsed
    sign = "" if left >= 0 else "+"
    whole = int(abs(left) + (0.999 if left >= 0 else 0))
    return f"{sign}{whole // 60}:{whole % 60:02d}"
