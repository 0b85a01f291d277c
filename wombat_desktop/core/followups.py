"""The lunch lists of plan sections 11 and 12, and the lunch status flow (pure rules).

* **nurture** (II.11): contacts the user referred business to, or promoted, who have never
  sent a referral or promotion back. Time does not matter: a referral received years ago
  still counts as reciprocated. A merged contact's records count under the survivor.
* **expand** (II.12): contacts marked "want to do business with" or "want to refer to".
* A lunch moves ``to_call -> invited -> scheduled -> held -> followed_up``, or to
  ``declined``; `check_move` says which moves are allowed and why not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from wombat_desktop.core.errors import ValidationError
from wombat_desktop.core.model import LunchStatus, ReferralDirection, ReferralKind
from wombat_desktop.core.ties import ago, plural

S = LunchStatus
NEW = "new"  # list entry status when no lunch is planned yet

# --- reciprocity (II.11) ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReferralFact:
    """One ledger record, as the rule sees it. ``contact_id`` is the other party."""

    contact_id: int
    direction: str
    kind: str
    occurred_on: dt.date
    for_name: str = ""


@dataclass(frozen=True, slots=True)
class NurtureFinding:
    """What the user gave one contact that has not come back (yet)."""

    contact_id: int
    referrals: int
    promotions: int
    first_given_on: dt.date
    last_given_on: dt.date
    last_for: str  # who the last referral was for ("" for a promotion)

    @property
    def given(self) -> int:
        return self.referrals + self.promotions

    def summary(self, today: dt.date) -> str:
        """E.g. "referred 2 and promoted 1; last: Ann Lee (Acme), 3 weeks ago"."""
        parts = []
        if self.referrals:
            parts.append("referred " + plural(self.referrals, "client"))
        if self.promotions:
            parts.append("promoted them " + plural(self.promotions, "time"))
        last = f"{self.last_for}, " if self.last_for else ""
        return f"{' and '.join(parts)}; last: {last}{ago(self.last_given_on, today)}"


def survivor(contact_id: int, merged_into: Mapping[int, int]) -> int:
    """The contact a merged record now belongs to (follows chains, stops on a cycle)."""
    seen = {contact_id}
    while contact_id in merged_into:
        contact_id = merged_into[contact_id]
        if contact_id in seen:
            break
        seen.add(contact_id)
    return contact_id


def nurture(facts: Iterable[ReferralFact], merged_into: Mapping[int, int] | None = None
            ) -> dict[int, NurtureFinding]:
    """Contacts given a referral or promotion who never sent one back, by survivor id."""
    merged = merged_into or {}
    given: dict[int, list[ReferralFact]] = {}
    back: set[int] = set()
    for f in facts:
        owner = survivor(f.contact_id, merged)
        if f.direction == ReferralDirection.RECEIVED:
            back.add(owner)
        elif f.direction == ReferralDirection.GIVEN:
            given.setdefault(owner, []).append(f)
    out: dict[int, NurtureFinding] = {}
    for owner, items in given.items():
        if owner in back:
            continue
        items.sort(key=lambda f: f.occurred_on)
        promotions = sum(1 for f in items if f.kind == ReferralKind.PROMOTION)
        last = items[-1]
        out[owner] = NurtureFinding(owner, len(items) - promotions, promotions,
                                    items[0].occurred_on, last.occurred_on, last.for_name)
    return out


def nurture_reason(finding: NurtureFinding, today: dt.date) -> str:
    return f"You {finding.summary(today)}; nothing back yet."


def expand_reason(want_business: bool, want_refer: bool) -> str:
    """Why a contact is on the expand list (II.12)."""
    if want_business and want_refer:
        return "You want to do business with them and refer business to them."
    if want_business:
        return "You want to do business with them."
    if want_refer:
        return "You want to refer business to them."
    return ""


# --- the lunch status flow ----------------------------------------------------------------

LABEL = {
    S.TO_CALL: "to call", S.INVITED: "invited", S.SCHEDULED: "scheduled", S.HELD: "held",
    S.FOLLOWED_UP: "followed up", S.DECLINED: "declined",
}
MOVES: dict[LunchStatus, frozenset[LunchStatus]] = {
    S.TO_CALL: frozenset({S.INVITED, S.SCHEDULED, S.DECLINED}),
    S.INVITED: frozenset({S.TO_CALL, S.SCHEDULED, S.DECLINED}),
    # Scheduled again = moved to another time; invited = postponed without a new date.
    S.SCHEDULED: frozenset({S.SCHEDULED, S.INVITED, S.HELD, S.DECLINED}),
    S.HELD: frozenset({S.FOLLOWED_UP}),
    S.FOLLOWED_UP: frozenset(),
    S.DECLINED: frozenset({S.TO_CALL}),  # try again later
}
OPEN = frozenset({S.TO_CALL, S.INVITED, S.SCHEDULED, S.HELD})
FLOW = (S.TO_CALL, S.INVITED, S.SCHEDULED, S.HELD, S.FOLLOWED_UP)


def allowed_moves(current: LunchStatus | str) -> list[LunchStatus]:
    """The statuses a lunch may move to next, in flow order (declined last)."""
    nxt = MOVES[LunchStatus(current)]
    return [s for s in (*FLOW, S.DECLINED) if s in nxt]


def check_move(current: LunchStatus | str, new: LunchStatus | str) -> LunchStatus:
    """Validate a status change; returns the new status or raises `ValidationError`."""
    try:
        cur, target = LunchStatus(current), LunchStatus(new)
    except ValueError as exc:
        raise ValidationError(f"Unknown lunch status: {exc}.") from None
    if target in MOVES[cur]:
        return target
    nxt = allowed_moves(cur)
    options = ", ".join(LABEL[s] for s in nxt) if nxt else "nothing: it is finished"
    raise ValidationError(
        f"A lunch that is {LABEL[cur]} cannot become {LABEL[target]}; it can become {options}."
    )


# --- the agenda: due today / overdue / this week --------------------------------------------

FOLLOW_UP_AFTER = dt.timedelta(days=2)  # a thank-you note two days after a held lunch


def next_weekday(day: dt.date) -> dt.date:
    """The day itself on a weekday, else the Monday after (no calls at weekends)."""
    return day + dt.timedelta(days=max(0, 7 - day.weekday())) if day.weekday() >= 5 else day


def follow_up_due(held_on: dt.date) -> dt.date:
    """When the thank-you after a lunch held on ``held_on`` falls due (a weekday)."""
    return next_weekday(held_on + FOLLOW_UP_AFTER)


LUNCH_SLOTS = (dt.time(12, 0), dt.time(12, 30))


def overlaps(start: dt.datetime, minutes: int, other_start: dt.datetime,
             other_minutes: int) -> bool:
    """True when two appointments share any minute."""
    end = start + dt.timedelta(minutes=minutes)
    return start < other_start + dt.timedelta(minutes=other_minutes) and other_start < end


def next_free_slot(now: dt.datetime, taken: Iterable[tuple[dt.datetime, int]],
                   minutes: int = 60) -> dt.datetime:
    """The first weekday lunch slot (12:00 or 12:30) from tomorrow on that no lunch in
    ``taken`` ((start, minutes) pairs) overlaps."""
    busy = list(taken)
    day = now.date()
    for _ in range(366):
        day = next_weekday(day + dt.timedelta(days=1))
        for slot in LUNCH_SLOTS:
            start = dt.datetime.combine(day, slot)
            if not any(overlaps(start, minutes, s, m) for s, m in busy):
                return start
    return dt.datetime.combine(next_weekday(now.date() + dt.timedelta(days=1)), LUNCH_SLOTS[0])


def keep_in_touch_reason(last_on: dt.date | None, today: dt.date) -> str:
    """Why a lunch planned from the losing-touch list: "Keep in touch: last contact …"."""
    if last_on is None:
        return "Keep in touch: no contact recorded yet."
    return f"Keep in touch: last contact {ago(last_on, today)}."


def action_on(status: str, due_on: dt.date | None, starts_at: dt.datetime | None
              ) -> dt.date | None:
    """The day the next step of a lunch falls due (None: nothing to do)."""
    if status == S.SCHEDULED:
        return starts_at.date() if starts_at else due_on
    if status == S.HELD:
        return due_on or (follow_up_due(starts_at.date()) if starts_at else None)
    if status in (S.TO_CALL, S.INVITED):
        return due_on
    return None


def due_state(day: dt.date | None, today: dt.date) -> str:
    """"overdue", "today", "this_week" (next 7 days), "later" or "" (no date)."""
    if day is None:
        return ""
    if day < today:
        return "overdue"
    if day == today:
        return "today"
    if day <= today + dt.timedelta(days=7):
        return "this_week"
    return "later"
