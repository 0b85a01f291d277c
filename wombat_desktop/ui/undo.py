"""Undoable contact edits on a QUndoStack (Ctrl+Z / Ctrl+Shift+Z)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from wombat_desktop.core.model import ContactDraft, Tie
from wombat_desktop.services.contacts import ContactFlags, ContactService

Changed = Callable[[Sequence[int]], None]


def _names(count: int) -> str:
    return "1 contact" if count == 1 else f"{count:,} contacts"


class DeleteContactsCommand(QUndoCommand):
    def __init__(self, service: ContactService, ids: Sequence[int], changed: Changed) -> None:
        super().__init__(f"Delete {_names(len(ids))}")
        self._service, self._ids, self._changed = service, list(ids), changed

    def redo(self) -> None:
        self._ids = self._service.delete(self._ids) or self._ids
        self._changed(self._ids)

    def undo(self) -> None:
        self._service.restore(self._ids)
        self._changed(self._ids)


class SetTieCommand(QUndoCommand):
    def __init__(self, service: ContactService, ids: Sequence[int], tie: Tie | None,
                 changed: Changed) -> None:
        what = f"Mark {_names(len(ids))} {tie.value}" if tie else "Use suggested tie"
        super().__init__(what)
        self._service, self._ids, self._tie, self._changed = service, list(ids), tie, changed
        self._before: dict[int, tuple[Tie | None, str]] = {}

    def redo(self) -> None:
        self._before = self._service.set_tie(self._ids, self._tie)
        self._changed(self._ids)

    def undo(self) -> None:
        self._service.restore_ties(self._before)
        self._changed(self._ids)


class EditContactCommand(QUndoCommand):
    def __init__(self, service: ContactService, contact_id: int,
                 before: tuple[ContactDraft, ContactFlags],
                 after: tuple[ContactDraft, ContactFlags], changed: Changed) -> None:
        super().__init__(f"Edit {after[0].display_name() or 'contact'}")
        self._service, self._id, self._changed = service, contact_id, changed
        self._before, self._after = before, after

    def redo(self) -> None:
        self._service.update(self._id, *self._after)
        self._changed([self._id])

    def undo(self) -> None:
        self._service.update(self._id, *self._before)
        self._changed([self._id])


class CreateContactCommand(QUndoCommand):
    def __init__(self, service: ContactService, draft: ContactDraft, flags: ContactFlags,
                 changed: Changed) -> None:
        super().__init__(f"Add {draft.display_name() or 'contact'}")
        self._service, self._draft, self._flags, self._changed = service, draft, flags, changed
        self.contact_id: int | None = None

    def redo(self) -> None:
        if self.contact_id is None:
            self.contact_id = self._service.create(self._draft, self._flags)
        else:
            self._service.restore([self.contact_id])
        self._changed([self.contact_id])

    def undo(self) -> None:
        if self.contact_id is not None:
            self._service.delete([self.contact_id])
            self._changed([self.contact_id])
