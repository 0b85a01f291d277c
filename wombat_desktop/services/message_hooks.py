"""Memory hooks (WOMBAT II.9) and self-introduction scripts (II.10), for `MessageService`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from wombat_desktop.core.errors import ValidationError
from wombat_desktop.core.message_views import IntroScriptView, MemoryHookView
from wombat_desktop.core.scripts import (
    LENGTHS,
    ScriptParts,
    ScriptVariant,
    SpokenEstimate,
    compose,
    estimate,
)
from wombat_desktop.storage import hook_store, message_store
from wombat_desktop.storage.database import Database

MAX_HOOK = 1000
MAX_PART = 5000


def _text(value: str, what: str, limit: int, *, required: bool = False) -> str:
    value = value.strip()
    if required and not value:
        raise ValidationError(f"The {what} cannot be empty.")
    if len(value) > limit:
        raise ValidationError(f"The {what} is longer than {limit:,} characters.")
    return value


def _tags(tags: str | Sequence[str]) -> str:
    items = tags.split(",") if isinstance(tags, str) else list(tags)
    cleaned = list(dict.fromkeys(" ".join(t.split()) for t in items if t.strip()))
    if any(len(t) > 60 for t in cleaned):
        raise ValidationError("A tag is at most 60 characters.")
    joined = ",".join(cleaned)
    if len(joined) > 500:
        raise ValidationError("Too many tags on one memory hook.")
    return joined


class HookScriptMethods:
    """Hooks with versions, tags and uses; scripts with variants and rehearsal stamps."""

    _db: Database
    _today: Callable[[], dt.date]
    _now: Callable[[], dt.datetime]

    # --- memory hooks ----------------------------------------------------------------

    def memory_hooks(self, include_archived: bool = True) -> list[MemoryHookView]:
        """Current versions, active first, each with its earlier versions and uses."""
        with self._db.unit_of_work() as uow:
            hooks = hook_store.hooks(uow.session)
        return [h for h in hooks if include_archived or not h.archived]

    def add_hook(self, text: str, tags: str | Sequence[str] = "") -> int:
        text = _text(text, "memory hook", MAX_HOOK, required=True)
        with self._db.unit_of_work() as uow:
            hid = hook_store.create_hook(uow.session, text, _tags(tags))
            uow.commit()
        return hid

    def revise_hook(self, hook_id: int, text: str) -> int:
        """Save a new version of a hook (the old one stays in its history); returns its id."""
        text = _text(text, "memory hook", MAX_HOOK, required=True)
        with self._db.unit_of_work() as uow:
            old = hook_store.hook_row(uow.session, hook_id)
            if text == old.text:
                return hook_id
            hid = hook_store.create_hook(uow.session, text, old.tags, parent=old)
            uow.commit()
        return hid

    def set_hook_tags(self, hook_id: int, tags: str | Sequence[str]) -> None:
        with self._db.unit_of_work() as uow:
            hook_store.update_hook(uow.session, hook_id, {"tags": _tags(tags)})
            uow.commit()

    def archive_hook(self, hook_id: int, archived: bool = True) -> None:
        with self._db.unit_of_work() as uow:
            hook_store.update_hook(uow.session, hook_id, {"archived": archived})
            uow.commit()

    def delete_hook(self, hook_id: int) -> None:
        """Delete a hook with all its versions; events and scripts lose the link."""
        with self._db.unit_of_work() as uow:
            hook_store.delete_chain(uow.session, hook_id)
            uow.commit()

    def mark_hook_used(self, hook_id: int, event_id: int, used: bool = True) -> None:
        with self._db.unit_of_work() as uow:
            hook_store.record_use(uow.session, hook_id, event_id, used)
            uow.commit()

    # --- intro scripts ---------------------------------------------------------------

    @staticmethod
    def estimate(text: str) -> SpokenEstimate:
        """Live word/character count and spoken time for the editor."""
        return estimate(text)

    def script_parts(self, hook_id: int | None = None) -> ScriptParts:
        """Parts filled from the profile, the user's name and a memory hook."""
        with self._db.unit_of_work() as uow:
            row, name = message_store.profile(uow.session)
            hook = hook_store.hook_row(uow.session, hook_id).text if hook_id else ""
            return ScriptParts(f"I'm {name}." if name else "", row.background if row else "",
                               hook, row.product_intro if row else "")

    def build_variants(self, parts: ScriptParts | None = None, hook_id: int | None = None
                       ) -> tuple[ScriptVariant, ...]:
        """The 10-, 30- and 60-second variants (not saved); parts default to the profile."""
        parts = parts or self.script_parts(hook_id)
        return tuple(compose(parts, n) for n in LENGTHS)

    def intro_scripts(self) -> list[IntroScriptView]:
        with self._db.unit_of_work() as uow:
            rows = hook_store.scripts(uow.session)
            return [IntroScriptView(r.id, r.title, r.seconds, r.name_part, r.background_part,
                                        r.memory_hook_id, hook, r.product_part, r.text,
                                    r.last_rehearsed_at, estimate(r.text)) for r, hook in rows]

    def save_script(self, title: str, seconds: int, parts: ScriptParts, *,
                    memory_hook_id: int | None = None, text: str = "",
                    script_id: int | None = None) -> int:
        """Create or edit a script; an empty *text* is composed from the parts to fit."""
        if not 5 <= seconds <= 600:
            raise ValidationError("A script runs between 5 and 600 seconds.")
        title = _text(title, "script's title", 300) or f"{seconds}-second introduction"
        values = {"title": title, "seconds": seconds,
                  "name_part": _text(parts.name, "name part", MAX_PART),
                  "background_part": _text(parts.background, "background", MAX_PART),
                  "product_part": _text(parts.product, "product introduction", MAX_PART),
                  "memory_hook_id": memory_hook_id}
        with self._db.unit_of_work() as uow:
            hook = ""
            if memory_hook_id is not None:
                hook = hook_store.hook_row(uow.session, memory_hook_id).text
            body = _text(text, "script", MAX_PART * 4) or compose(
                ScriptParts(values["name_part"], values["background_part"], hook or parts.hook,
                            values["product_part"]), seconds).text
            if not body:
                raise ValidationError("Write at least your name or a sentence of the script.")
            sid = hook_store.save_script(uow.session, script_id, {**values, "text": body})
            uow.commit()
        return sid

    def delete_script(self, script_id: int) -> None:
        with self._db.unit_of_work() as uow:
            hook_store.delete_script(uow.session, script_id)
            uow.commit()

    def mark_rehearsed(self, script_id: int, at: dt.datetime | None = None) -> None:
        """Stamp a rehearsal (the rehearse screen calls this when the countdown ends)."""
        with self._db.unit_of_work() as uow:
            hook_store.rehearsed(uow.session, script_id, at or self._now())
            uow.commit()
