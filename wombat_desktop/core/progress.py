"""Progress reporting and cancellation for long work, free of any UI toolkit."""

from __future__ import annotations

import threading
from typing import Protocol

from wombat_desktop.core.errors import CancelledError


class ProgressFn(Protocol):
    def __call__(self, done: int, total: int, label: str = "") -> None: ...


def no_progress(done: int, total: int, label: str = "") -> None:
    """A progress callback that ignores its arguments."""


class CancelToken:
    """A thread-safe flag that long work checks between items."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Raise `CancelledError` once `cancel()` has been called."""
        if self._event.is_set():
            raise CancelledError("cancelled")
