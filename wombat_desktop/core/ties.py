"""The explainable strong/weak rule (plan section I.2).

Points come from referrals exchanged, how recently and how often the user met the contact,
and the relationship. Each point source is named, so the reason reads like
"strong: 2 referrals received, lunch 3 weeks ago".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wombat_desktop.core.model import InteractionKind, Relationship, Tie

STRONG_AT = 4  # points from which a contact is suggested strong

FACE_TO_FACE = {
    InteractionKind.LUNCH,
    InteractionKind.ONE_TO_ONE,
    InteractionKind.MEETING,
    InteractionKind.EVENT,
}
KIND_LABEL = {
    InteractionKind.LUNCH: "lunch",
    InteractionKind.CALL: "call",
    InteractionKind.ONE_TO_ONE: "one-to-one",
    InteractionKind.MEETING: "meeting",
    InteractionKind.EVENT: "event",
    InteractionKind.EMAIL: "e-mail",
    InteractionKind.NOTE: "note",
}
CLOSE_RELATIONS = {Relationship.FAMILY, Relationship.FRIEND, Relationship.PARTNER}
WORK_RELATIONS = {Relationship.CLIENT, Relationship.COLLEAGUE}


@dataclass(frozen=True, slots=True)
class TieFacts:
    """What the rule looks at for one contact."""

    referrals_given: int = 0
    referrals_received: int = 0
    last_interaction_on: dt.date | None = None
    last_interaction_kind: str = ""
    interactions_last_year: int = 0
    relation: str = ""


@dataclass(frozen=True, slots=True)
class TieSuggestion:
    tie: Tie
    score: int
    reason: str


def plural(n: int, word: str) -> str:
    """"1 referral", "2 referrals", "1,200 contacts" (regular English plurals only)."""
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def ago(day: dt.date, today: dt.date) -> str:
    """A short, human 'how long ago' for a date."""
    days = (today - day).days
    if days < 0:
        return "planned"
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{days} days ago"
    if days < 60:
        return f"{days // 7} weeks ago"
    if days < 365:
        return f"{days // 30} months ago"
    years = days // 365
    return "1 year ago" if years == 1 else f"{years} years ago"


def tie_score(
    given: int, received: int, last_on: dt.date | None, last_kind: str, recent: int,
    relation: str, today: dt.date,
) -> int:
    """The rule's points, without words: cheap enough for 50,000 contacts at start-up."""
    score = (6 if received >= 2 else 3 * received) + (3 if given >= 3 else given)
    if relation in CLOSE_RELATIONS:
        score += 4
    elif relation in WORK_RELATIONS:
        score += 2
    if last_on is not None:
        days = (today - last_on).days
        face = last_kind in FACE_TO_FACE
        if days <= 90:
            score += 3 if face else 1
        elif days <= 365 and face:
            score += 1
    if recent >= 4:
        score += 2
    return score


def suggest_tie(facts: TieFacts, today: dt.date) -> TieSuggestion:
    """Suggest strong or weak for a contact and say why."""
    score = tie_score(facts.referrals_given, facts.referrals_received,
                      facts.last_interaction_on, facts.last_interaction_kind,
                      facts.interactions_last_year, facts.relation, today)
    strong_reasons: list[str] = []
    if facts.referrals_received:
        strong_reasons.append(plural(facts.referrals_received, "referral") + " received")
    if facts.referrals_given:
        strong_reasons.append(plural(facts.referrals_given, "referral") + " given")
    if facts.relation in CLOSE_RELATIONS or facts.relation in WORK_RELATIONS:
        strong_reasons.append(facts.relation)
    last_text = ""
    if facts.last_interaction_on is not None:
        kind = facts.last_interaction_kind
        label = KIND_LABEL.get(kind, kind or "contact")  # type: ignore[call-overload]
        last_text = f"{label} {ago(facts.last_interaction_on, today)}"
    if facts.interactions_last_year >= 4:
        strong_reasons.append(f"{facts.interactions_last_year} contacts this year")
    tie = Tie.STRONG if score >= STRONG_AT else Tie.WEAK
    if tie is Tie.STRONG:
        parts = strong_reasons[:2]
        if last_text:
            parts.append(last_text)
        return TieSuggestion(tie, score, "strong: " + ", ".join(parts))
    if last_text:
        parts = [f"last {last_text}"]
        parts.extend(strong_reasons[:1])
        return TieSuggestion(tie, score, "weak: " + ", ".join(parts))
    if strong_reasons:
        return TieSuggestion(tie, score, "weak: " + strong_reasons[0] + ", no meeting recorded")
    return TieSuggestion(tie, score, "weak: no interaction or referral recorded")


def explain_tie(facts: TieFacts, override: str | None, today: dt.date) -> str:
    """The reason shown beside a contact's tie, including a choice the user made."""
    reason = suggest_tie(facts, today).reason
    if override:
        return f"{override}: set by you ({reason})"
    return reason
