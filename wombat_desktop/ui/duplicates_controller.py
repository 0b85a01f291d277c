"""Finding duplicates off the UI thread and acting on the review dialog's decisions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QProgressDialog, QWidget

from wombat_desktop.core.dedupe import DuplicatePair
from wombat_desktop.core.errors import CancelledError, WombatError
from wombat_desktop.core.progress import CancelToken
from wombat_desktop.services.registry import Services
from wombat_desktop.ui import prompts
from wombat_desktop.ui.jobs import JobRunner
from wombat_desktop.ui.merge_commands import KeepBothCommand, MergeContactsCommand

if TYPE_CHECKING:
    from wombat_desktop.ui.dialogs.duplicates_dialog import DuplicatesDialog


class _Progress(QObject):
    """Carries progress from the worker thread to the GUI thread (a queued signal)."""

    changed = Signal(int, int, str)


def as_pairs(items: Iterable[Any]) -> list[DuplicatePair]:
    """Duplicate pairs from pairs or import review items (``new_id``, ``existing_id`` …)."""
    pairs: list[DuplicatePair] = []
    for item in items:
        if isinstance(item, DuplicatePair):
            pairs.append(item)
            continue
        a, b = sorted((item.new_id, item.existing_id))
        pairs.append(DuplicatePair(a, b, item.score, tuple(item.reasons), False))
    pairs.sort(key=lambda p: (not p.exact, -p.score, p.a, p.b))
    return pairs


class DuplicatesController(QObject):
    """Owns "Find duplicates…": the search job, its progress, the dialog and undo commands."""

    contactsChanged = Signal(list)  # contact ids touched by a merge, its undo, or keep-both
    message = Signal(str)  # a line for the status bar
    found = Signal(list)  # the pairs a finished search found (not emitted when cancelled)

    def __init__(self, parent: QWidget, services: Services, jobs: JobRunner,
                 undo_stack: QUndoStack, min_score: int = 80) -> None:
        super().__init__(parent)
        self._window = parent
        self._services = services
        self._jobs = jobs
        self._undo = undo_stack
        self.min_score = min_score
        self.dialog: DuplicatesDialog | None = None
        self.progress: QProgressDialog | None = None
        self._cancel: CancelToken | None = None
        self._relay = _Progress(self)
        self._relay.changed.connect(self._on_relay_changed)
        self.find_action = QAction(self.tr("Find &duplicates…"), parent)
        self.find_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.find_action.setStatusTip(self.tr("Look for people entered twice"))
        self.find_action.triggered.connect(lambda _checked=False: self.review())
        parent.addAction(self.find_action)

    # --- finding --------------------------------------------------------------------

    def review(self, pairs: Sequence[Any] | None = None) -> None:
        """Review the given pairs (or import review items); with None, search first."""
        if pairs is not None:
            self._open(as_pairs(pairs))
            return
        if self._cancel is not None:
            return  # a search is already running
        token = CancelToken()
        self._cancel = token
        self.find_action.setEnabled(False)
        self.progress = QProgressDialog(self.tr("Looking for duplicates …"), self.tr("Cancel"),
                                        0, 0, self._window)
        self.progress.setWindowTitle(self.tr("Find duplicates"))
        self.progress.setAccessibleName(self.tr("Duplicate search progress"))
        self.progress.setMinimumDuration(300)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(token.cancel)
        duplicates, relay, min_score = self._services.duplicates, self._relay, self.min_score

        def work() -> list[DuplicatePair]:
            return duplicates.find(min_score, relay.changed.emit, token)

        self._jobs.start(work, self._on_find_done)

    def cancel(self) -> None:
        """Stop a running search (its job then ends with nothing to show)."""
        if self._cancel is not None:
            self._cancel.cancel()

    def _on_relay_changed(self, done: int, total: int, label: str) -> None:
        if self.progress is None:
            return
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        if label:
            self.progress.setLabelText(self.tr("{label} …").format(label=label))

    def _on_find_done(self, pairs: list[DuplicatePair] | None,
                      error: BaseException | None) -> None:
        self._cancel = None
        self.find_action.setEnabled(True)
        if self.progress is not None:
            self.progress.canceled.disconnect()
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        if isinstance(error, CancelledError):
            self.message.emit(self.tr("Duplicate search cancelled."))
            return
        if error is not None:
            prompts.error(self._window, self.tr("Could not look for duplicates"), str(error))
            return
        pairs = pairs or []
        n = len(pairs)
        self.message.emit(self.tr("1 likely duplicate pair found.") if n == 1
                          else self.tr("{n:,} likely duplicate pairs found.").format(n=n))
        self.found.emit(pairs)
        self._open(pairs)

    # --- the dialog -----------------------------------------------------------------

    def _open(self, pairs: list[DuplicatePair]) -> None:
        from wombat_desktop.ui.dialogs.duplicates_dialog import DuplicatesDialog

        if self.dialog is not None:
            self.dialog.set_pairs(pairs)
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        dialog = DuplicatesDialog(self._services.duplicates, self._services.contacts, pairs,
                                  self._window, self._undo)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.mergeRequested.connect(self._on_dialog_merge_requested)
        dialog.keepBothRequested.connect(self._on_dialog_keep_both_requested)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()

    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None

    def _on_dialog_merge_requested(self, pair: DuplicatePair, keep_id: int, other_id: int,
                                   choices: Mapping[str, str]) -> None:
        self.merge(pair, keep_id, other_id, choices)

    def _on_dialog_keep_both_requested(self, pair: DuplicatePair) -> None:
        self.keep_both(pair)

    # --- decisions ------------------------------------------------------------------

    def merge(self, pair: DuplicatePair, keep_id: int, other_id: int,
              choices: Mapping[str, str] | None = None) -> bool:
        """Merge now and push the undoable command; False (with a message) when refused."""
        choices = dict(choices or {})
        name = self.dialog.name_of(keep_id) if self.dialog is not None else ""
        try:
            done = self._services.duplicates.merge(keep_id, other_id, choices)
        except WombatError as exc:
            prompts.error(self._window, self.tr("Could not merge"), str(exc))
            return False
        self._undo.push(MergeContactsCommand(
            self._services.duplicates, pair, keep_id, other_id, choices, self._changed,
            name=name, applied=done, restored=self._restored, failed=self._failed))
        if self.dialog is not None:
            self.dialog.resolve(pair, (keep_id, other_id))
        self.message.emit(self.tr("Merged {name}. Undo with Ctrl+Z.").format(name=name))
        return True

    def keep_both(self, pair: DuplicatePair) -> None:
        """Remember the two as different people (undoable)."""
        names = ""
        if self.dialog is not None:
            names = f"{self.dialog.name_of(pair.a)} / {self.dialog.name_of(pair.b)}"
        try:
            self._services.duplicates.keep_both(pair.a, pair.b)
        except WombatError as exc:
            prompts.error(self._window, self.tr("Could not keep both"), str(exc))
            return
        self._undo.push(KeepBothCommand(self._services.duplicates, pair, self._changed,
                                        names, applied=True, restored=self._restored))
        if self.dialog is not None:
            self.dialog.resolve(pair)
        self.message.emit(self.tr("Kept both; they will not be suggested again."))

    def _changed(self, ids: Sequence[int]) -> None:
        self.contactsChanged.emit(list(ids))

    def _restored(self, pair: DuplicatePair) -> None:
        if self.dialog is not None:
            self.dialog.restore_pair(pair)

    def _failed(self, text: str) -> None:
        prompts.error(self._window, self.tr("Could not undo or redo"), text)
