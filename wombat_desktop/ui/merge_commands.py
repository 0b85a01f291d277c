"""Undoable duplicate decisions on the main QUndoStack: merging two people, keeping both."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from wombat_desktop.core.dedupe import DuplicatePair
from wombat_desktop.core.errors import WombatError
from wombat_desktop.services.duplicates import DuplicateService, MergeUndo

Changed = Callable[[Sequence[int]], None]
PairHook = Callable[[DuplicatePair], None]
ErrorHook = Callable[[str], None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("MergeCommands", text)


class MergeContactsCommand(QUndoCommand):
    """Fold ``other_id`` into ``keep_id``; undo puts both people back exactly as they were.

    The caller usually merges first (so that a refusal can be shown before anything lands on
    the stack) and passes the result as ``applied``; the first ``redo()`` then only reports.
    """

    def __init__(self, service: DuplicateService, pair: DuplicatePair, keep_id: int,
                 other_id: int, choices: Mapping[str, str], changed: Changed,
                 name: str = "", applied: MergeUndo | None = None,
                 restored: PairHook | None = None, failed: ErrorHook | None = None) -> None:
        super().__init__(_tr("Merge {name}").format(name=name or _tr("duplicates")))
        self._service, self.pair = service, pair
        self.keep_id, self.other_id = keep_id, other_id
        self._choices = dict(choices)
        self._changed, self._restored, self._failed = changed, restored, failed
        self._done: MergeUndo | None = applied

    def redo(self) -> None:
        if self._done is None:
            try:
                self._done = self._service.merge(self.keep_id, self.other_id, self._choices)
            except WombatError as exc:
                self._report(exc)
                return
        self._changed([self.keep_id, self.other_id])

    def undo(self) -> None:
        if self._done is None:
            return
        try:
            self._service.undo_merge(self._done)
        except WombatError as exc:
            self._report(exc)
            return
        self._done = None
        self._changed([self.keep_id, self.other_id])
        if self._restored is not None:
            self._restored(self.pair)

    def _report(self, exc: WombatError) -> None:
        if self._failed is not None:
            self._failed(str(exc))


class KeepBothCommand(QUndoCommand):
    """Remember that two people are different; undo forgets it again."""

    def __init__(self, service: DuplicateService, pair: DuplicatePair, changed: Changed,
                 name: str = "", applied: bool = False,
                 restored: PairHook | None = None) -> None:
        super().__init__(_tr("Keep both {name}").format(name=name).strip())
        self._service, self.pair = service, pair
        self._changed, self._restored = changed, restored
        self._applied = applied  # already remembered by the caller: the first redo reports

    def redo(self) -> None:
        if not self._applied:
            self._service.keep_both(self.pair.a, self.pair.b)
        self._applied = False
        self._changed([self.pair.a, self.pair.b])

    def undo(self) -> None:
        self._service.forget_keep_both(self.pair.a, self.pair.b)
        self._changed([self.pair.a, self.pair.b])
        if self._restored is not None:
            self._restored(self.pair)
