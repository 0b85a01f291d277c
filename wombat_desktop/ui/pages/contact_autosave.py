"""Crash safety for the contact form: unsaved typing reaches the disk within a second."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from wombat_desktop.services.recovery import RecoveryStore, UnsavedEdit
from wombat_desktop.ui.widgets.contact_form import ContactForm

AUTOSAVE_MS = 800  # unsaved typing reaches the disk within a second


class ContactAutosave(QObject):
    """Writes the form's unsaved edit to a recovery store shortly after each keystroke and
    clears it once the form is saved or reverted; `load` gives back what a crash left."""

    def __init__(self, form: ContactForm, store: RecoveryStore | None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._form = form
        self._store = store
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)

    def connect_form(self) -> None:
        self._form.edited.connect(self.timer.start)
        self._form.dirtyChanged.connect(self._on_form_dirty_changed)
        self.timer.timeout.connect(self._on_timer_timeout)

    def load(self) -> UnsavedEdit | None:
        return self._store.load() if self._store is not None else None

    def _on_timer_timeout(self) -> None:
        if self._store is not None and self._form.dirty:
            detail = self._form.detail
            self._store.save(
                UnsavedEdit(detail.id if detail else None, self._form.draft(), self._form.flags())
            )

    def _on_form_dirty_changed(self, dirty: bool) -> None:
        if not dirty:
            self.timer.stop()
            if self._store is not None:
                self._store.clear()
