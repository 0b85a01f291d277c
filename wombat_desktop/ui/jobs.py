"""Long work off the UI thread: a QRunnable whose signal brings (result, error) back once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    finished = Signal(object, object)  # result, error


class Job(QRunnable):
    """Runs ``fn()`` on a pool thread; ``signals.finished`` fires on the GUI thread."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # handed to the GUI thread, which shows it
            self.signals.finished.emit(None, exc)
        else:
            self.signals.finished.emit(result, None)


class JobRunner:
    """Keeps running jobs alive and lets tests wait for them."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self.pool = pool or QThreadPool.globalInstance()
        self._running: set[Job] = set()

    def start(self, fn: Callable[[], Any],
              done: Callable[[Any, BaseException | None], None]) -> Job:
        job = Job(fn)

        def finish(result: Any, error: BaseException | None) -> None:
            self._running.discard(job)
            done(result, error)

        job.signals.finished.connect(finish)
        self._running.add(job)
        self.pool.start(job)
        return job

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)
