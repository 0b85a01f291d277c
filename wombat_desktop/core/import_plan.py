"""Deciding what an import does: which drafts are new, which merge into whom, what to review.

Pure: it sees the incoming drafts and light records of the people already stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from wombat_desktop.core.dedupe import DedupeRecord, DuplicatePair, find_duplicates, match_against
from wombat_desktop.core.merge import merge_drafts
from wombat_desktop.core.model import ContactDraft, is_cjk
from wombat_desktop.core.phones import phone_digits
from wombat_desktop.core.progress import CancelToken, ProgressFn
from wombat_desktop.core.textfold import fold


@dataclass(slots=True)
class PlannedDraft:
    """An incoming person after merging exact duplicates within the import."""

    draft: ContactDraft
    origins: list[int]  # indexes of the incoming drafts folded into this one
    uids: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    merge_into: int | None = None  # an existing contact id (exact duplicate)
    merge_reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReviewPair:
    """A likely duplicate to show the user: a planned draft and an existing contact."""

    planned: int  # index into ImportPlan.people
    existing: int
    score: int
    reasons: tuple[str, ...]


@dataclass(slots=True)
class ImportPlan:
    people: list[PlannedDraft]
    review: list[ReviewPair]
    folded: int  # incoming drafts merged into another incoming draft

    @property
    def new(self) -> list[PlannedDraft]:
        return [p for p in self.people if p.merge_into is None]

    @property
    def merges(self) -> list[PlannedDraft]:
        return [p for p in self.people if p.merge_into is not None]


def record_of(index: int, draft: ContactDraft) -> DedupeRecord:
    """The duplicate-detection view of a draft."""
    city = next((a.locality for a in draft.addresses if a.locality), "")
    return DedupeRecord(
        index, draft.display_name(), draft.given_name, draft.family_name, draft.organization,
        city, tuple(e.value for e in draft.emails), tuple(p.value for p in draft.phones),
        (draft.uid,) if draft.uid else (),
    )


def fingerprint(record: DedupeRecord) -> tuple[object, ...] | None:
    """What makes two records the same card when nothing else (UID, e-mail, phone) links
    them: the same name, company, city, e-mails and phones. A lone one-word name is too
    weak to count."""
    name = fold(record.name)
    lone = len(name.split()) < 2 and not (is_cjk(name) and len(name) >= 2)
    if not name or (lone and not (record.organization or record.city)):
        return None
    return (name, fold(record.organization), fold(record.city),
            tuple(sorted(fold(e) for e in record.emails)),
            tuple(sorted(phone_digits(p) for p in record.phones)))


def _match_identical(people: list[PlannedDraft], records: Sequence[DedupeRecord],
                     existing: Sequence[DedupeRecord]) -> None:
    """A re-imported card that matches a stored person field for field merges into it."""
    stored: dict[tuple[object, ...], int] = {}
    for rec in existing:
        key = fingerprint(rec)
        if key is not None:
            stored.setdefault(key, rec.id)
    for person, rec in zip(people, records, strict=True):
        if person.merge_into is None:
            key = fingerprint(rec)
            if key is not None and key in stored:
                person.merge_into = stored[key]
                person.merge_reasons = ("same name, company, city, e-mails and phones",)


def _groups(count: int, pairs: Sequence[DuplicatePair]) -> list[list[int]]:
    parent = list(range(count))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for pair in pairs:
        ra, rb = find(pair.a), find(pair.b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for i in range(count):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def plan_import(
    drafts: Sequence[ContactDraft], existing: Sequence[DedupeRecord], *, region: str = "US",
    ignore: frozenset[tuple[int, int]] = frozenset(),
    progress: ProgressFn | None = None, cancel: CancelToken | None = None,
) -> ImportPlan:
    """Fold exact duplicates inside the import, then match the result against stored people.

    Exact matches with a stored person become merges; likely ones are listed for review.
    """
    incoming = [record_of(i, d) for i, d in enumerate(drafts)]
    inside = [p for p in find_duplicates(incoming, region=region, cancel=cancel, fuzzy=False)
              if p.exact]
    people: list[PlannedDraft] = []
    for group in _groups(len(drafts), inside):
        merged = drafts[group[0]]
        for other in group[1:]:
            merged = merge_drafts(merged, drafts[other])
        people.append(PlannedDraft(
            merged, group,
            uids=list(dict.fromkeys(drafts[i].uid for i in group if drafts[i].uid)),
            sources=[drafts[i].source for i in group if drafts[i].source],
        ))
    if progress:
        progress(1, 3, "Comparing with your contacts")
    records = [record_of(i, p.draft) for i, p in enumerate(people)]
    review: list[ReviewPair] = []
    best: dict[int, DuplicatePair] = {}
    for pair in match_against(records, existing, region=region, ignore=ignore, cancel=cancel):
        if pair.exact:
            known = best.get(pair.a)
            if known is None or pair.score > known.score:
                best[pair.a] = pair
        else:
            review.append(ReviewPair(pair.a, pair.b, pair.score, pair.reasons))
    for index, pair in best.items():
        people[index].merge_into = pair.b
        people[index].merge_reasons = pair.reasons
    _match_identical(people, records, existing)
    review = [r for r in review if people[r.planned].merge_into is None]
    if progress:
        progress(2, 3, "Planned")
    return ImportPlan(people, review, len(drafts) - len(people))
