"""Undo commands of the Events page."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from wombat_desktop.services.events import EventSnapshot


class SnapshotCommand(QUndoCommand):
    """An action already done (delete an event, remove attendees); undo restores it."""

    def __init__(self, text: str, snapshot: EventSnapshot,
                 again: Callable[[int], EventSnapshot],
                 restore: Callable[[EventSnapshot], int],
                 changed: Callable[[int], None]) -> None:
        super().__init__(text)
        self._snapshot, self._again, self._restore, self._changed = (
            snapshot, again, restore, changed)
        self._event_id = snapshot.event_id
        self._done = True

    def redo(self) -> None:
        if not self._done:
            self._snapshot = self._again(self._event_id)
            self._done = True
            self._changed(self._event_id)

    def undo(self) -> None:
        # The event may come back under a new id: redo must act on that one.
        self._event_id = self._restore(self._snapshot)
        self._done = False
        self._changed(self._event_id)
