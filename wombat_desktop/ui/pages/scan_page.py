"""The Scan cards page: open or drop card photos, OCR them off the UI thread, review, save.

The salesperson's flow after an event: type the event once, drop the whole stack of photos,
start checking the first card while the rest are still being read, fix what is marked,
tick "update the existing contact" where the app found one, and save the batch.
Keys: Ctrl+PgDown / Ctrl+PgUp move through the queue (the cursor lands on the first field
to check), Ctrl+S saves; the event stays filled in for the next batch.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from wombat_desktop.core.errors import CancelledError
from wombat_desktop.core.ocr import Box, image_files, turn_box
from wombat_desktop.core.progress import CancelToken
from wombat_desktop.services.scanning import (
    SaveSummary,
    ScanEntry,
    ScanResult,
    ScanService,
    box_from_fractions,
)
from wombat_desktop.ui import prompts
from wombat_desktop.ui.jobs import JobRunner
from wombat_desktop.ui.widgets.card_review import CardReview, ReviewItem, low_fields
from wombat_desktop.ui.widgets.scan_bar import ScanBar
from wombat_desktop.ui.widgets.scan_helpers import (
    card_icon,
    dropped_paths,
    install_shortcuts,
    summary_text,
    time_left,
)


class _Relay(QObject):
    """Carries progress and each finished card from the worker thread to the GUI thread."""

    progress = Signal(int, int, str)
    scanned = Signal(object)  # ScanResult


class ScanPage(QWidget):
    """Scan business cards into contacts; ``contactsChanged`` carries the saved ids."""

    contactsChanged = Signal(list)
    message = Signal(str)

    def __init__(self, scanning: ScanService, jobs: JobRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scanning = scanning
        self._jobs = jobs
        self._cancel: CancelToken | None = None
        self._warming = False
        self._started = 0.0  # when the running batch started (for the time-left estimate)
        self.items: list[ReviewItem] = []
        self._relay = _Relay(self)
        self._build_ui()
        self._connect()
        self.setAcceptDrops(True)
        self._update_buttons()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.bar = ScanBar(self._scanning.region, self)
        self.open_button = self.bar.open_button
        self.folder_button = self.bar.folder_button
        self.event_edit = self.bar.event_edit
        self.region_edit = self.bar.region_edit
        progress_row = QHBoxLayout()
        self.status = QLabel(self.tr("Drop card photos here, or open them."), self)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setVisible(False)
        progress_row.addWidget(self.status, 1)
        progress_row.addWidget(self.progress)
        progress_row.addWidget(self.cancel_button)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.queue = QListWidget(self.splitter)
        self.queue.setAccessibleName(self.tr("Scanned cards"))
        self.queue.setMinimumWidth(180)
        self.review = CardReview(self.splitter)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([220, 900])
        actions = QHBoxLayout()
        self.remove_button = QPushButton(self.tr("&Remove card"), self)
        self.save_button = QPushButton(self.tr("&Save contacts"), self)
        self.save_button.setDefault(True)
        actions.addWidget(self.remove_button)
        actions.addStretch(1)
        actions.addWidget(self.save_button)
        layout.addWidget(self.bar)
        layout.addLayout(progress_row)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(actions)

    def _connect(self) -> None:
        self.bar.pathsChosen.connect(self.scan_paths)
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.queue.currentRowChanged.connect(self._on_queue_current_row_changed)
        self.review.rotateRequested.connect(self._on_review_rotate_requested)
        self.review.cropRequested.connect(self._on_review_crop_requested)
        self._relay.progress.connect(self._on_progress)
        self._relay.scanned.connect(self._add_result)
        self.shortcuts = install_shortcuts(self, {"save": self.save,
                                                  "next": lambda: self.step(1),
                                                  "previous": lambda: self.step(-1)})

    # --- warm-up --------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.warm_up()

    def warm_up(self) -> None:
        """Load the OCR models in the background the first time the page shows."""
        if self._warming or self._scanning.engine.ready:
            return
        self._warming = True
        self._jobs.start(self._scanning.warm_up, self._on_warmed_up)

    def _on_warmed_up(self, _result: object, error: BaseException | None) -> None:
        self._warming = False  # a failed load is tried again when the page shows next time
        if error is not None:
            self.message.emit(self.tr("The card reader could not start: {error}").format(
                error=error))

    # --- opening --------------------------------------------------------------------

    @property
    def file_dialog(self) -> QFileDialog | None:
        """The open-images or scan-a-folder dialog while it is open."""
        return self.bar.file_dialog

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.scan_paths(paths)

    # --- scanning -------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._cancel is not None

    def region(self) -> str:
        text = self.region_edit.text().strip().upper()
        return text if len(text) == 2 and text.isalpha() else self._scanning.region

    def scan_paths(self, paths: list[str]) -> bool:
        """Read the images (folders are searched) off the UI thread; cards join the queue."""
        files = [str(p) for p in image_files(paths)]
        if not files:
            self.message.emit(self.tr("No card images there (JPEG, PNG or PDF)."))
            return False
        if self.busy:
            prompts.info(self, self.tr("Scan cards"),
                         self.tr("Cards are being read: wait or cancel first."))
            return False
        cancel = self._cancel = CancelToken()
        region = self.region()
        relay = self._relay

        def work() -> int:
            for done, path in enumerate(files):
                cancel.check()
                relay.progress.emit(done, len(files), Path(path).name)
                relay.scanned.emit(self._scanning.scan_one(path, region))
            return len(files)

        self.progress.setRange(0, len(files))
        self.progress.setValue(0)
        self._started = time.monotonic()
        self._set_busy(True)
        self._jobs.start(work, self._on_scan_done)
        return True

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()
            self.status.setText(self.tr("Cancelling after this card…"))

    def _on_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setValue(done)
        text = self.tr("Reading card {0} of {1}: {2}").format(done + 1, total, name)
        left = time_left(done, total, time.monotonic() - self._started)
        self.status.setText(f"{text} ({left})" if left else text)

    def _on_scan_done(self, _result: Any, error: BaseException | None) -> None:
        self._cancel = None
        self._set_busy(False)
        if isinstance(error, CancelledError):
            self.status.setText(self.tr("Stopped: {0} cards to review.").format(len(self.items)))
        elif error is not None:
            prompts.error(self, self.tr("Scan cards"), str(error))
        else:
            self.status.setText(summary_text(self.items))

    def _add_result(self, result: ScanResult) -> None:
        item = ReviewItem(result, self._scanning.to_draft(result), low=low_fields(result))
        self.items.append(item)
        row = QListWidgetItem(card_icon(self.style(), item), item.title, self.queue)
        row.setToolTip(result.error or result.path)
        if self.queue.currentRow() < 0:
            self.queue.setCurrentRow(0)
        self._update_buttons()

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = not self.busy
        count = sum(1 for i in self.items if not i.result.error or i.draft.display_name())
        self.save_button.setEnabled(idle and count > 0)
        self.save_button.setText(self.tr("&Save 1 contact") if count == 1
                                 else self.tr("&Save {0} contacts").format(count) if count
                                 else self.tr("&Save contacts"))
        self.remove_button.setEnabled(self.queue.currentRow() >= 0)

    # --- reviewing ------------------------------------------------------------------

    def _on_queue_current_row_changed(self, row: int) -> None:
        self.review.commit()
        self._refresh_row(self.review.item)
        self.review.show_item(self.items[row] if 0 <= row < len(self.items) else None)
        self._update_buttons()

    def step(self, delta: int) -> None:
        """Show the next (1) or previous (-1) card and put the cursor on its first field."""
        if not self.items:
            return
        row = max(0, min(len(self.items) - 1, self.queue.currentRow() + delta))
        self.queue.setCurrentRow(row)
        self.review.focus_first_field()

    def _refresh_row(self, item: ReviewItem | None) -> None:
        if item is not None and item in self.items:
            row = self.queue.item(self.items.index(item))
            if row is not None:
                row.setText(item.title)

    def _on_remove_button_clicked(self) -> None:
        row = self.queue.currentRow()
        if row < 0:
            return
        self.review.item = None  # nothing to commit: the card goes
        del self.items[row]
        self.queue.takeItem(row)
        self._on_queue_current_row_changed(self.queue.currentRow())

    def _on_review_rotate_requested(self, degrees: int) -> None:
        item = self.review.item
        if item is None or self.busy:
            return
        crop = item.result.crop
        if crop is not None:  # the crop turns with the card
            crop = turn_box(crop, item.result.size, degrees % 360)
        item.turn = (item.turn + item.result.rotation + degrees) % 360
        self._reread(item, crop, self.tr("Reading the turned card again…"))

    def _on_review_crop_requested(self, selection: tuple[float, ...] | None) -> None:
        """Read only the selected part of the card image (None: the whole image again)."""
        item = self.review.item
        if item is None or self.busy:
            return
        crop = box_from_fractions(item.result, *selection) if selection is not None else None
        item.turn = (item.turn + item.result.rotation) % 360  # crops are in this frame
        self._reread(item, crop, self.tr("Reading the cropped card…") if crop is not None
                     else self.tr("Reading the whole image again…"))

    def _reread(self, item: ReviewItem, crop: Box | None, status: str) -> None:
        """Read ``item``'s image again (turned by ``item.turn``, cropped) off the UI thread."""
        turn, path, region = item.turn, item.result.path, self.region()
        self.status.setText(status)
        self._cancel = CancelToken()
        self._set_busy(True)

        def done(result: ScanResult | None, error: BaseException | None) -> None:
            self._cancel = None
            self._set_busy(False)
            if error is not None or result is None:
                prompts.error(self, self.tr("Scan cards"), str(error))
                return
            if item not in self.items:  # removed while it was being read
                return
            item.result = result
            item.draft = self._scanning.to_draft(result)
            item.low = low_fields(result)
            self._refresh_row(item)
            row = self.queue.item(self.items.index(item))
            if row is not None:
                row.setIcon(card_icon(self.style(), item))
                row.setToolTip(result.error or result.path)
            if self.review.item is item:
                self.review.show_item(item)
            self.status.setText(summary_text(self.items))

        self._jobs.start(lambda: self._scanning.scan_one(path, region, turn, crop), done)

    # --- saving ---------------------------------------------------------------------

    def entries(self) -> list[ScanEntry]:
        """What Save would write: every card that has something to save."""
        self.review.commit()
        out = []
        for item in self.items:
            if item.result.error and not item.draft.display_name():
                continue
            dup = item.result.duplicate
            out.append(ScanEntry(item.draft, dup.contact_id if dup and item.update_existing
                                 else None))
        return out

    def save(self) -> None:
        entries = self.entries()
        if not entries or self.busy:
            return
        event = self.event_edit.text().strip()
        self._cancel = CancelToken()
        self._set_busy(True)
        self.status.setText(self.tr("Saving…"))
        self._jobs.start(lambda: self._scanning.save(entries, event), self._on_saved)

    def _on_saved(self, summary: SaveSummary | None, error: BaseException | None) -> None:
        self._cancel = None
        self._set_busy(False)
        if error is not None or summary is None:
            prompts.error(self, self.tr("Scan cards"), str(error))
            return
        self.review.show_item(None)
        self.items.clear()
        self.queue.clear()
        text = self.tr("Saved {0} new contacts, updated {1}.").format(
            len(summary.created), len(summary.updated))
        if summary.skipped:
            text += " " + self.tr("Not saved: {0}").format("; ".join(summary.skipped))
        self.status.setText(text)
        self.message.emit(text)
        self.contactsChanged.emit([*summary.created, *summary.updated])
        self._update_buttons()
        self.open_button.setFocus()  # the next stack of cards; the event stays filled in

