"""Undoable deletes of clippings, incentives, memory hooks and scripts (QUndoStack).

The delete runs in the first `redo()`; undo writes the item back from its read model (it gets
a new id, which a second redo then deletes).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from wombat_desktop.core.message_views import (
    ClippingView,
    IncentiveView,
    IntroScriptView,
    MemoryHookView,
)
from wombat_desktop.core.scripts import ScriptParts
from wombat_desktop.services.messages import MessageService

Changed = Callable[[], None]


def _t(text: str) -> str:
    return QCoreApplication.translate("MessageCommands", text)


class _DeleteCommand(QUndoCommand):
    """Delete in redo, re-create in undo; subclasses say how."""

    def __init__(self, text: str, service: MessageService, item_id: int,
                 changed: Changed) -> None:
        super().__init__(text)
        self._service, self.item_id, self._changed = service, item_id, changed

    def redo(self) -> None:
        self.delete()
        self._changed()

    def undo(self) -> None:
        self.item_id = self.restore()
        self._changed()

    def delete(self) -> None:
        raise NotImplementedError

    def restore(self) -> int:
        raise NotImplementedError


class DeleteClippingCommand(_DeleteCommand):
    def __init__(self, service: MessageService, view: ClippingView, changed: Changed) -> None:
        super().__init__(_t("Delete clipping “{t}”").format(t=view.title), service, view.id,
                         changed)
        self._view = view

    def delete(self) -> None:
        self._service.delete_clipping(self.item_id)

    def restore(self) -> int:
        v = self._view
        files = [a.path for a in v.attachments if Path(a.path).is_file()]
        return self._service.save_clipping(v.title, v.outlet, v.published_on, v.notes,
                                           files=files)


class DeleteIncentiveCommand(_DeleteCommand):
    def __init__(self, service: MessageService, view: IncentiveView, changed: Changed) -> None:
        super().__init__(_t("Delete scheme “{s}”").format(s=view.scheme), service, view.id,
                         changed)
        self._view = view

    def delete(self) -> None:
        self._service.delete_incentive(self.item_id)

    def restore(self) -> int:
        v = self._view
        return self._service.save_incentive(v.target, v.scheme, v.description,
                                            v.preparation_steps, is_best=v.is_best)


class DeleteHookCommand(_DeleteCommand):
    """Undo brings back the versions, tags, archive mark and uses (not script links)."""

    def __init__(self, service: MessageService, view: MemoryHookView, changed: Changed) -> None:
        super().__init__(_t("Delete memory hook “{h}”").format(h=view.text[:40]), service,
                         view.id, changed)
        self._view = view

    def delete(self) -> None:
        self._service.delete_hook(self.item_id)

    def restore(self) -> int:
        v, s = self._view, self._service
        texts = [h.text for h in reversed(v.history)] + [v.text]
        hid = s.add_hook(texts[0], v.tags)
        for text in texts[1:]:
            hid = s.revise_hook(hid, text)
        for use in v.uses:
            s.mark_hook_used(hid, use.event_id)
        if v.archived:
            s.archive_hook(hid)
        return hid


class DeleteScriptCommand(_DeleteCommand):
    def __init__(self, service: MessageService, view: IntroScriptView, changed: Changed,
                 hook_exists: Callable[[int], bool]) -> None:
        super().__init__(_t("Delete script “{t}”").format(t=view.title), service, view.id,
                         changed)
        self._view, self._hook_exists = view, hook_exists

    def delete(self) -> None:
        self._service.delete_script(self.item_id)

    def restore(self) -> int:
        v = self._view
        hook = v.memory_hook_id if v.memory_hook_id and self._hook_exists(v.memory_hook_id) \
            else None
        sid = self._service.save_script(
            v.title, v.seconds, ScriptParts(v.name_part, v.background_part, v.hook_text,
                                            v.product_part),
            memory_hook_id=hook, text=v.text)
        if v.last_rehearsed_at is not None:
            self._service.mark_rehearsed(sid, v.last_rehearsed_at)
        return sid
