"""Duplicate-person detection without comparing all pairs.

Exact signals are found through indexes: the same UID, the same e-mail (case-insensitive)
or the same normalised phone number. Fuzzy names are compared only inside blocks of people
who share a company or a city *and* the first letters of one name token, so "José García",
"Jose Garcia", "García, José" and "Jose Garica" at one company meet in some block.

Verdicts:
- same UID -> exact; same e-mail or phone with compatible names -> exact (score 100); the
  importer merges these automatically;
- same e-mail with clearly different names -> likely (90): a shared or role address;
- same phone with different names -> likely (80, 85 with the same company or city);
- similar names (>= 80) + same company and/or city -> likely, scored by name similarity.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

from wombat_desktop.core.dedupe_keys import (
    NameKey,
    city_key,
    email_key,
    name_key,
    name_similarity,
    names_compatible,
    org_key,
    uid_key,
)
from wombat_desktop.core.phones import PhoneNormalizer
from wombat_desktop.core.progress import CancelToken, ProgressFn

__all__ = ["DedupeRecord", "DuplicatePair", "find_duplicates", "match_against"]

EXACT_BLOCK_CAP = 50  # more people on one address/phone: a switchboard or a role address
FUZZY_BLOCK_CAP = 300  # larger name blocks are compared within a sorted window only
FUZZY_WINDOW = 30
NAME_FLOOR = 80  # least name similarity that makes a fuzzy pair
MIN_PHONE_DIGITS = 7  # shorter numbers (extensions, "112") are not evidence
_TICK = 1000  # records or blocks between progress reports and cancel checks


@dataclass(frozen=True, slots=True)
class DedupeRecord:
    """What duplicate detection needs to know about one person."""

    id: int
    name: str  # display name
    given_name: str = ""
    family_name: str = ""
    organization: str = ""
    city: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    uids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    """Two records that look like one person.

    From `find_duplicates`, ``a < b``; from `match_against`, ``a`` is the new record's id
    and ``b`` the existing one's. `exact` pairs are safe to merge without asking.
    """

    a: int
    b: int
    score: int  # 0..100
    reasons: tuple[str, ...]
    exact: bool


@dataclass(slots=True)
class _Prep:
    name: NameKey
    org: str
    city: str
    emails: frozenset[str]
    phones: frozenset[str]


class _Hit:
    __slots__ = ("exact", "reasons", "score")

    def __init__(self, score: int, exact: bool, reason: str) -> None:
        self.score = score
        self.exact = exact
        self.reasons = [reason]


class _Matcher:
    """One run of duplicate detection over records indexed 0..n-1."""

    def __init__(self, records: Sequence[DedupeRecord], region: str, is_new: list[bool] | None,
                 progress: ProgressFn | None, cancel: CancelToken | None) -> None:
        self.records = records
        self.region = region
        self.is_new = is_new  # None: every pair counts; else only new-vs-existing pairs
        self.progress = progress
        self.cancel = cancel
        self.preps: list[_Prep] = []
        self.hits: dict[tuple[int, int], _Hit] = {}
        self.uids: dict[str, list[int]] = defaultdict(list)
        self.emails: dict[str, list[int]] = defaultdict(list)
        self.phones: dict[str, list[int]] = defaultdict(list)

    # --- bookkeeping -------------------------------------------------------------------

    def _tick(self, done: int, total: int, label: str) -> None:
        if self.cancel is not None:
            self.cancel.check()
        if self.progress is not None:
            self.progress(done, total, label)

    def _wanted(self, i: int, j: int) -> bool:
        return i != j and (self.is_new is None or self.is_new[i] != self.is_new[j])

    def _add(self, i: int, j: int, score: int, exact: bool, reason: str) -> None:
        key = (i, j) if i < j else (j, i)
        hit = self.hits.get(key)
        if hit is None:
            self.hits[key] = _Hit(score, exact, reason)
            return
        if reason not in hit.reasons:
            # Two independent signals make a likely pair likelier.
            hit.score = min(99, max(hit.score, score) + 5) if not hit.exact else 100
            hit.reasons.append(reason)
        hit.exact = hit.exact or exact
        if hit.exact:
            hit.score = 100

    # --- preparation -------------------------------------------------------------------

    def prepare(self) -> None:
        normalize = PhoneNormalizer(self.region)
        total = len(self.records)
        for i, rec in enumerate(self.records):
            if i % _TICK == 0:
                self._tick(i, total, "Preparing records")
            emails = _distinct(email_key(e) for e in rec.emails)
            phones = [p for p in _distinct(normalize(p) for p in rec.phones)
                      if len(p) - p.startswith("+") >= MIN_PHONE_DIGITS]
            self.preps.append(_Prep(name_key(rec.name, rec.given_name, rec.family_name),
                                    org_key(rec.organization), city_key(rec.city),
                                    frozenset(emails), frozenset(phones)))
            for uid in _distinct(uid_key(u) for u in rec.uids):
                self.uids[uid].append(i)
            for email in emails:
                self.emails[email].append(i)
            for phone in phones:
                self.phones[phone].append(i)
        self._tick(total, total, "Preparing records")

    # --- exact signals -----------------------------------------------------------------

    def exact_pass(self) -> None:
        for uid, members in self.uids.items():
            if len(members) > 1:
                for i, j in _pairs(members, EXACT_BLOCK_CAP):
                    if self._wanted(i, j):
                        self._add(i, j, 100, True, f"same UID {uid}")
        for kind, index in (("e-mail", self.emails), ("phone", self.phones)):
            for value, members in index.items():
                if len(members) < 2:
                    continue
                if len(members) > EXACT_BLOCK_CAP:
                    self._crowded(kind, value, members)
                    continue
                for i, j in combinations(members, 2):
                    if self._wanted(i, j):
                        self._shared(kind, value, i, j)

    def _shared(self, kind: str, value: str, i: int, j: int) -> None:
        a, b = self.preps[i], self.preps[j]
        cross_script = not a.name.empty and not b.name.empty and a.name.script != b.name.script
        if kind == "phone" and cross_script:
            # A phone is shared by households and offices; names in two scripts cannot be
            # compared, so the user decides.
            near = (a.org and a.org == b.org) or (a.city and a.city == b.city)
            self._add(i, j, 85 if near else 80, False,
                      f"same phone {value} (names in different scripts)")
        elif names_compatible(a.name, b.name):
            self._add(i, j, 100, True, f"same {kind} {value}")
        elif kind == "e-mail":
            self._add(i, j, 90, False, f"same e-mail {value} (different names)")
        else:
            near = (a.org and a.org == b.org) or (a.city and a.city == b.city)
            self._add(i, j, 85 if near else 80, False, f"same phone {value} (different names)")

    def _crowded(self, kind: str, value: str, members: list[int]) -> None:
        """A value shared by very many people: pair only those with the same name."""
        by_name: dict[str, list[int]] = defaultdict(list)
        for i in members:
            name = self.preps[i].name
            if not name.empty:
                by_name[name.sorted].append(i)
        for group in by_name.values():
            for i, j in _pairs(group, EXACT_BLOCK_CAP):
                if self._wanted(i, j):
                    self._add(i, j, 100, True, f"same {kind} {value}")

    # --- fuzzy names -------------------------------------------------------------------

    def fuzzy_pass(self) -> None:
        blocks: dict[tuple[str, str, str], list[int]] = defaultdict(list)
        for i, prep in enumerate(self.preps):
            if prep.name.empty or not (prep.org or prep.city):
                continue
            for prefix in _prefixes(prep.name):
                if prep.org:
                    blocks["o", prep.org, prefix].append(i)
                if prep.city:
                    blocks["c", prep.city, prefix].append(i)
        seen: set[tuple[int, int]] = set()
        total = len(blocks)
        for n, members in enumerate(blocks.values()):
            if n % _TICK == 0:
                self._tick(n, total, "Comparing names")
            if len(members) < 2:
                continue
            if self.is_new is not None and len({self.is_new[i] for i in members}) < 2:
                continue
            for i, j in self._block_pairs(members):
                if (i, j) in seen or not self._wanted(i, j):
                    continue
                seen.add((i, j))
                self._compare(i, j)
        self._tick(total, total, "Comparing names")

    def _block_pairs(self, members: list[int]) -> Iterable[tuple[int, int]]:
        if len(members) <= FUZZY_BLOCK_CAP:
            return combinations(members, 2)
        ordered = sorted(members, key=lambda i: self.preps[i].name.sorted)
        return ((min(ordered[x], ordered[y]), max(ordered[x], ordered[y]))
                for x in range(len(ordered))
                for y in range(x + 1, min(x + 1 + FUZZY_WINDOW, len(ordered))))

    def _compare(self, i: int, j: int) -> None:
        a, b = self.preps[i], self.preps[j]
        sim = name_similarity(a.name, b.name, NAME_FLOOR)
        if sim < NAME_FLOOR:
            return
        same_org = bool(a.org) and a.org == b.org
        same_city = bool(a.city) and a.city == b.city
        if same_org:
            score = sim * 0.9 + (10 if same_city else 8)
        else:
            # A shared city says less than a shared company, and two sets of different
            # addresses and numbers speak against it ("Ella Smith" of Austin, twice).
            conflicts = _conflict(a.emails, b.emails) + _conflict(a.phones, b.phones)
            score = sim * 0.85 - 10 * conflicts
        if _weak(a.name) or _weak(b.name):
            score -= 15  # "Anna" at Acme twice says little
        reason = f"similar name ({round(sim)})"
        if same_org:
            reason += f" + same company {self.records[i].organization.strip()}"
        if same_city:
            reason += f" + same city {self.records[i].city.strip()}"
        self._add(i, j, max(0, min(99, round(score))), False, reason)

    # --- result ------------------------------------------------------------------------

    def result(self, min_score: int, ignore: Iterable[tuple[int, int]]) -> list[DuplicatePair]:
        ignored = set(ignore)
        ids = [r.id for r in self.records]
        out: list[DuplicatePair] = []
        for (i, j), hit in self.hits.items():
            if not hit.exact and hit.score < min_score:
                continue
            a, b = ids[i], ids[j]
            if self.is_new is None:
                if a == b:
                    continue
                a, b = min(a, b), max(a, b)
            if (a, b) in ignored or (b, a) in ignored:
                continue
            out.append(DuplicatePair(a, b, hit.score, tuple(hit.reasons), hit.exact))
        out.sort(key=lambda p: (not p.exact, -p.score, p.a, p.b))
        return out


def _distinct(values: Iterable[str]) -> list[str]:
    return [v for v in dict.fromkeys(values) if v]


def _pairs(members: list[int], cap: int) -> Iterable[tuple[int, int]]:
    """All pairs, or for more than *cap* members a star around the first (enough to merge)."""
    if len(members) <= cap:
        return combinations(members, 2)
    return ((members[0], m) for m in members[1:])


def _prefixes(name: NameKey) -> set[str]:
    """Block keys of a name: the first three letters of each token, survive one typo."""
    if name.script == "cjk":
        text = name.sorted
        return {text[0], text[-1]}
    keys = {t[:3] for t in name.tokens if len(t) > 1}
    return keys or {name.sorted}


def _conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both records have values of a kind and share none of them."""
    return bool(a) and bool(b) and a.isdisjoint(b)


def _weak(name: NameKey) -> bool:
    """A name too short to identify anyone on its own (one Latin token, one CJK character)."""
    return len(name.sorted) < 2 if name.script == "cjk" else len(name.tokens) < 2


def _run(records: Sequence[DedupeRecord], is_new: list[bool] | None, region: str, min_score: int,
         ignore: Iterable[tuple[int, int]], progress: ProgressFn | None,
         cancel: CancelToken | None, fuzzy: bool = True) -> list[DuplicatePair]:
    matcher = _Matcher(records, region, is_new, progress, cancel)
    matcher.prepare()
    matcher.exact_pass()
    if fuzzy:
        matcher.fuzzy_pass()
    return matcher.result(min_score, ignore)


def find_duplicates(records: Sequence[DedupeRecord], *, region: str = "US", min_score: int = 80,
                    ignore: Iterable[tuple[int, int]] = frozenset(),
                    progress: ProgressFn | None = None,
                    cancel: CancelToken | None = None,
                    fuzzy: bool = True) -> list[DuplicatePair]:
    """Find likely duplicate people among *records*.

    Args:
        records: the people to check; ids must be distinct.
        region: ISO country assumed for phone numbers without a country code.
        min_score: likely pairs scoring below this are dropped; exact pairs are always kept.
        ignore: id pairs (either order) the user marked "not a duplicate".
        progress: called as ``progress(done, total, label)`` while working.
        cancel: checked between items; raises `CancelledError` once cancelled.
        fuzzy: False skips the similar-name pass (exact signals only: much faster).

    Returns:
        Pairs with ``a < b``, exact ones first, then by falling score.
    """
    return _run(records, None, region, min_score, ignore, progress, cancel, fuzzy)


def match_against(new: Sequence[DedupeRecord], existing: Sequence[DedupeRecord], *,
                  region: str = "US", min_score: int = 80,
                  ignore: Iterable[tuple[int, int]] = frozenset(),
                  progress: ProgressFn | None = None,
                  cancel: CancelToken | None = None) -> list[DuplicatePair]:
    """Like `find_duplicates`, but only pairs of a *new* and an *existing* record.

    Ids may come from different id spaces, so each pair's ``a`` is the new record's id and
    ``b`` the existing record's id (not necessarily ``a < b``).
    """
    records = [*new, *existing]
    is_new = [True] * len(new) + [False] * len(existing)
    return _run(records, is_new, region, min_score, ignore, progress, cancel)

