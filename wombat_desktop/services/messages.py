"""Part II of the plan: image, press, clippings, checklist and tools, incentives,
memberships, memory hooks and intro scripts (hooks and scripts in `message_hooks`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from wombat_desktop.core import checklist as cl
from wombat_desktop.core.errors import ValidationError
from wombat_desktop.core.message_views import (
    PRESS_SLOTS,
    PRESS_STATUSES,
    TARGET_LABELS,
    ChecklistItemView,
    ChecklistView,
    ClippingView,
    IncentiveTargetView,
    MembershipView,
    PressTopicView,
    ProfileView,
)
from wombat_desktop.core.model import IncentiveTarget
from wombat_desktop.services.message_hooks import HookScriptMethods, _text
from wombat_desktop.storage import message_store as store
from wombat_desktop.storage import org_store
from wombat_desktop.storage.database import Database

MAX_TEXT = 20_000


def _path(path: str | Path) -> str:
    text = str(path).strip()
    if not text:
        raise ValidationError("Choose a file to attach.")
    if len(text) > 2000:
        raise ValidationError("The file path is longer than 2,000 characters.")
    if not Path(text).expanduser().is_file():
        raise ValidationError(f"There is no file at {text}.")
    return str(Path(text).expanduser().resolve())


class MessageService(HookScriptMethods):
    """Everything the user says and hands out (plan part II)."""

    def __init__(self, db: Database, today: Callable[[], dt.date] = dt.date.today,
                 now: Callable[[], dt.datetime] | None = None) -> None:
        self._db = db
        self._today = today
        self._now = now or (lambda: dt.datetime.combine(today(), dt.datetime.now().time()))

    # --- profile and image (II.1) ------------------------------------------------------

    def profile(self) -> ProfileView:
        with self._db.unit_of_work() as uow:
            row, name = store.profile(uow.session)
            if row is None:
                return ProfileView(name, "", "", "", "", "")
            return ProfileView(name, row.profession, row.background, row.product_intro,
                               row.services, row.image_statement)

    def update_profile(self, *, image_statement: str | None = None,
                       profession: str | None = None, background: str | None = None,
                       product_intro: str | None = None, services: str | None = None) -> None:
        """Change the given texts (None leaves a text as it is)."""
        given = {"image_statement": image_statement, "profession": profession,
                 "background": background, "product_intro": product_intro,
                 "services": services}
        values = {k: _text(v, k.replace("_", " "), 200 if k == "profession" else MAX_TEXT)
                  for k, v in given.items() if v is not None}
        if not values:
            return
        with self._db.unit_of_work() as uow:
            store.update_profile(uow.session, values)
            uow.commit()

    def set_image_statement(self, text: str) -> None:
        self.update_profile(image_statement=text)

    # --- press topics (II.2) and clippings (II.3) --------------------------------------

    def press_topics(self) -> tuple[PressTopicView, ...]:
        """Exactly four slots, empty ones included."""
        with self._db.unit_of_work() as uow:
            rows = store.press_topics(uow.session)
            return tuple(PressTopicView(n + 1, r.topic, r.outlet, r.status, r.notes)
                         if (r := rows.get(n)) else PressTopicView(n + 1)
                         for n in range(PRESS_SLOTS))

    def set_press_topic(self, slot: int, topic: str, outlet: str = "", status: str = "idea",
                        notes: str = "") -> None:
        """Fill slot 1–4; an empty topic clears the slot."""
        if not 1 <= slot <= PRESS_SLOTS:
            raise ValidationError(f"There are {PRESS_SLOTS} press-topic slots (1 to 4).")
        if status not in PRESS_STATUSES:
            raise ValidationError(f"Unknown status {status!r}; use {', '.join(PRESS_STATUSES)}.")
        topic = _text(topic, "topic", 500)
        values = None if not topic else {
            "topic": topic, "outlet": _text(outlet, "outlet", 300), "status": status,
            "notes": _text(notes, "notes", MAX_TEXT)}
        with self._db.unit_of_work() as uow:
            store.set_press_topic(uow.session, slot - 1, values)
            uow.commit()

    def clippings(self) -> list[ClippingView]:
        """Press coverage held, newest first, with attached files."""
        with self._db.unit_of_work() as uow:
            files = store.attachments(uow.session, "clipping")
            return [ClippingView(r.id, r.title, r.outlet, r.published_on, r.notes,
                                 tuple(files.get(r.id, []))) for r in store.clippings(uow.session)]

    def save_clipping(self, title: str, outlet: str = "", published_on: dt.date | None = None,
                      notes: str = "", *, files: Sequence[str | Path] = (),
                      clipping_id: int | None = None) -> int:
        """Add (or edit) a clipping and attach *files*; returns its id."""
        if published_on is not None and published_on > self._today():
            raise ValidationError("A clipping cannot be published in the future.")
        values = {"title": _text(title, "clipping's title", 500, required=True),
                  "outlet": _text(outlet, "outlet", 300), "published_on": published_on,
                  "notes": _text(notes, "notes", MAX_TEXT)}
        paths = [_path(f) for f in files]
        with self._db.unit_of_work() as uow:
            cid = store.save_clipping(uow.session, clipping_id, values)
            for p in paths:
                store.add_attachment(uow.session, "clipping", cid, p)
            uow.commit()
        return cid

    def delete_clipping(self, clipping_id: int) -> None:
        with self._db.unit_of_work() as uow:
            store.delete_clipping(uow.session, clipping_id)
            uow.commit()

    def attach_to_clipping(self, clipping_id: int, path: str | Path) -> int:
        path = _path(path)
        with self._db.unit_of_work() as uow:
            store.clipping_row(uow.session, clipping_id)
            aid = store.add_attachment(uow.session, "clipping", clipping_id, path)
            uow.commit()
        return aid

    def remove_attachment(self, attachment_id: int) -> None:
        """Forget an attached file (the file itself is not touched)."""
        with self._db.unit_of_work() as uow:
            store.remove_attachment(uow.session, attachment_id)
            uow.commit()

    # --- checklist (II.4) and tools (II.5) ---------------------------------------------

    def checklist(self) -> ChecklistView:
        """The 18 materials and 3 tools, with the user's marks, files and staleness hints."""
        today = self._today()
        with self._db.unit_of_work() as uow:
            rows = {key: (r.id, r.have, r.notes, r.last_refreshed_on)
                    for key, r in store.checklist_rows(uow.session).items()}
            files = store.attachments(uow.session, "checklist")

        def item(section: cl.Section, number: int, title: str) -> ChecklistItemView:
            r = rows.get((section.value, number))
            if r is None:
                return ChecklistItemView(section.value, number, title, False, "", None, (), "")
            row_id, have, notes, refreshed = r
            return ChecklistItemView(
                section.value, number, title, have, notes, refreshed,
                tuple(files.get(row_id, [])),
                cl.stale_hint(section, number, have, refreshed, today))

        return ChecklistView(
            tuple(item(cl.Section.MATERIAL, n, t) for n, t in enumerate(cl.MATERIALS, 1)),
            tuple(item(cl.Section.TOOL, n, t) for n, t in enumerate(cl.TOOLS, 1)))

    def set_have(self, section: str, number: int, have: bool,
                 refreshed_on: dt.date | None = None) -> None:
        """Mark an item had (dated today unless *refreshed_on* says otherwise) or missing."""
        values: dict[str, object] = {"have": have}
        if have:
            values["last_refreshed_on"] = self._day(refreshed_on)
        self._update_item(section, number, values, keep_date=have and refreshed_on is None)

    def mark_refreshed(self, section: str, number: int, on: dt.date | None = None) -> None:
        """The item was redone (it is then held)."""
        self._update_item(section, number, {"have": True, "last_refreshed_on": self._day(on)})

    def set_item_notes(self, section: str, number: int, notes: str) -> None:
        self._update_item(section, number, {"notes": _text(notes, "notes", MAX_TEXT)})

    def attach_to_item(self, section: str, number: int, path: str | Path) -> int:
        """Attach a file to a checklist item or tool; returns the attachment id."""
        title = cl.title_of(section, number)
        path = _path(path)
        with self._db.unit_of_work() as uow:
            row_id = store.checklist_id(uow.session, section, number, title)
            aid = store.add_attachment(uow.session, "checklist", row_id, path)
            uow.commit()
        return aid

    def _day(self, day: dt.date | None) -> dt.date:
        day = day or self._today()
        if day > self._today():
            raise ValidationError("A refresh date cannot be in the future.")
        return day

    def _update_item(self, section: str, number: int, values: dict[str, object], *,
                     keep_date: bool = False) -> None:
        title = cl.title_of(section, number)
        with self._db.unit_of_work() as uow:
            row_id = store.checklist_id(uow.session, section, number, title)
            if keep_date:  # ticking "have" again keeps a date the user already gave
                current = store.checklist_rows(uow.session)[(section, number)]
                if current.have and current.last_refreshed_on is not None:
                    values.pop("last_refreshed_on", None)
            store.update_checklist(uow.session, row_id, {"title": title, **values})
            uow.commit()

    # --- incentives (II.6–7) and memberships (II.8) ------------------------------------

    def incentives(self) -> list[IncentiveTargetView]:
        """One row per target (clients, employees, suppliers, others), best scheme first."""
        with self._db.unit_of_work() as uow:
            all_ = store.incentives(uow.session)
        out = []
        for target in IncentiveTarget:
            schemes = tuple(i for i in all_ if i.target == target.value)
            best = next((i for i in schemes if i.is_best), None)
            out.append(IncentiveTargetView(target.value, TARGET_LABELS[target], best, schemes))
        return out

    def save_incentive(self, target: str, scheme: str, description: str = "",
                       preparation_steps: str = "", *, is_best: bool = False,
                       incentive_id: int | None = None) -> int:
        """Add (or edit) a scheme; marking it best unmarks the target's other schemes."""
        try:
            target = IncentiveTarget(target).value
        except ValueError:
            names = ", ".join(t.value for t in IncentiveTarget)
            raise ValidationError(f"Unknown target {target!r}; use one of {names}.") from None
        values = {"target": target, "scheme": _text(scheme, "scheme", 500, required=True),
                  "description": _text(description, "description", MAX_TEXT),
                  "preparation_steps": _text(preparation_steps, "preparation steps", MAX_TEXT),
                  "is_best": is_best}
        with self._db.unit_of_work() as uow:
            iid = store.save_incentive(uow.session, incentive_id, values)
            uow.commit()
        return iid

    def set_best_incentive(self, incentive_id: int) -> None:
        with self._db.unit_of_work() as uow:
            row = store.incentive_row(uow.session, incentive_id)
            store.save_incentive(uow.session, incentive_id, {"target": row.target,
                                                             "is_best": True})
            uow.commit()

    def delete_incentive(self, incentive_id: int) -> None:
        with self._db.unit_of_work() as uow:
            store.delete_incentive(uow.session, incentive_id)
            uow.commit()

    def memberships(self) -> list[MembershipView]:
        """The user's memberships and visibility positions (edit via OrganizationService)."""
        with self._db.unit_of_work() as uow:
            return org_store.my_memberships(uow.session)
