"""The rehearse screen: the script in large type and a countdown of the variant's seconds.

Opened full screen; Esc leaves at any time, Space starts again. When the countdown reaches
zero the rehearsal is stamped (``done`` is called once per run).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import QDialog, QLabel, QScrollArea, QVBoxLayout, QWidget

from wombat_desktop.core.scripts import countdown


class RehearseDialog(QDialog):
    """Say the script aloud before the clock runs out."""

    TICK_MS = 1000  # one countdown second (tests shorten it)
    rehearsed = Signal()

    def __init__(self, title: str, text: str, seconds: int, done: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rehearse: {t}").format(t=title))
        self._seconds, self._done = seconds, done
        self.elapsed = 0
        self.timer = QTimer(self)
        self.timer.setInterval(self.TICK_MS)
        self._build_ui(text)
        self.timer.timeout.connect(self._on_timer_timeout)

    def _build_ui(self, text: str) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        self.clock_label = QLabel(countdown(self._seconds, 0), self)
        self.clock_label.setAccessibleName(self.tr("Time left"))
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        clock_font = self.clock_label.font()
        clock_font.setPointSizeF(clock_font.pointSizeF() * 4)
        clock_font.setBold(True)
        self.clock_label.setFont(clock_font)
        self.text_label = QLabel(text, self)
        self.text_label.setAccessibleName(self.tr("Script"))
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        text_font = self.text_label.font()
        text_font.setPointSizeF(text_font.pointSizeF() * 3)
        self.text_label.setFont(text_font)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.text_label)
        self.status_label = QLabel(self)
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(self.clock_label)
        layout.addSpacing(24)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status_label)
        self._set_status(self.tr("Speak now. Esc leaves, Space starts again."))

    def _set_status(self, text: str) -> None:
        self.status_label.setText(text)

    def start(self) -> None:
        """Show full screen and start the clock."""
        self.setWindowState(self.windowState() | Qt.WindowState.WindowFullScreen)
        self.open()
        self.restart()

    def restart(self) -> None:
        self.elapsed = 0
        self.clock_label.setText(countdown(self._seconds, 0))
        self._set_status(self.tr("Speak now. Esc leaves, Space starts again."))
        self.timer.start()

    def _on_timer_timeout(self) -> None:
        self.elapsed += 1
        self.clock_label.setText(countdown(self._seconds, self.elapsed))
        if self.elapsed >= self._seconds:
            self.timer.stop()
            self._done()
            self.rehearsed.emit()
            self._set_status(self.tr("Time! Rehearsal noted. Esc leaves, Space goes again."))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space:
            self.restart()
            return
        super().keyPressEvent(event)

    def done(self, result: int) -> None:
        self.timer.stop()
        super().done(result)
