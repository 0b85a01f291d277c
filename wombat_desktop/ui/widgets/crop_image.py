"""The card image with a crop selection: drag a rectangle over the card, or use the keys.

The selection is kept in fractions of the image (0-1 each way), so it survives resizing and
maps onto the full-resolution image in the service. Colours come from the palette only.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

MARGIN = 6  # px between the frame and the image
MIN_DRAG = 8  # px: a shorter drag is a click, not a selection
STEP = 0.02  # an arrow key moves the selection by this share of the image (Shift: resizes)


class CropImage(QWidget):
    """Shows a card image; in crop mode the user selects the part to keep.

    ``cropAccepted`` fires on Enter with a selection; Esc leaves crop mode. A mouse drag
    enters crop mode by itself.
    """

    selectionChanged = Signal()
    cropAccepted = Signal()
    cropModeChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image = QImage()
        self._scaled = QImage()
        self._text = ""
        self._selection: QRectF | None = None  # in image fractions
        self._anchor: QPointF | None = None  # drag start, in image fractions
        self._press = QPointF()  # drag start, in widget pixels
        self._cropping = False
        self.setMinimumSize(320, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Card image"))
        self.setAccessibleDescription(self.tr(
            "In crop mode: drag over the card, or move the selection with the arrow keys "
            "(Shift+arrows resize it); Enter crops, Esc cancels."))

    # --- content --------------------------------------------------------------------

    def set_image(self, image: QImage | None, text: str = "") -> None:
        """Show ``image`` (or ``text`` when there is none); leaves crop mode."""
        self._image = image if image is not None and not image.isNull() else QImage()
        self._text = text
        self._rescale()
        self.set_crop_mode(False)
        self.update()

    def has_image(self) -> bool:
        return not self._image.isNull()

    @property
    def cropping(self) -> bool:
        return self._cropping

    def selection(self) -> tuple[float, float, float, float] | None:
        """The selection as (left, top, right, bottom) fractions of the image, or None."""
        rect = self._selection
        if rect is None:
            return None
        return rect.left(), rect.top(), rect.right(), rect.bottom()

    def set_crop_mode(self, on: bool) -> None:
        """Enter crop mode (a default selection inset from the edges) or leave it."""
        on = on and self.has_image()
        if on and self._selection is None:
            self._selection = QRectF(0.08, 0.08, 0.84, 0.84)
        if not on:
            self._selection = None
            self._anchor = None
        self.setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)
        changed = on != self._cropping
        self._cropping = on
        if on:
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.update()
        if changed:
            self.cropModeChanged.emit(on)
        self.selectionChanged.emit()

    # --- geometry -------------------------------------------------------------------

    def image_rect(self) -> QRectF:
        """Where the image is drawn, in widget pixels (centred, aspect kept)."""
        if self._scaled.isNull():
            return QRectF()
        size = self._scaled.deviceIndependentSize()
        x = (self.width() - size.width()) / 2
        y = (self.height() - size.height()) / 2
        return QRectF(x, y, size.width(), size.height())

    def _fraction(self, point: QPointF) -> QPointF:
        rect = self.image_rect()
        fx = (point.x() - rect.left()) / max(rect.width(), 1.0)
        fy = (point.y() - rect.top()) / max(rect.height(), 1.0)
        return QPointF(min(1.0, max(0.0, fx)), min(1.0, max(0.0, fy)))

    def _rescale(self) -> None:
        if self._image.isNull():
            self._scaled = QImage()
            return
        room = QSize(max(self.width() - 2 * MARGIN, 1), max(self.height() - 2 * MARGIN, 1))
        ratio = self.devicePixelRatioF()
        self._scaled = self._image.scaled(
            room, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation)
        # Drawn at logical size; a high-DPI screen gets the sharper pixels of the source.
        if ratio > 1.0:
            sharp = self._image.scaled(room * ratio, Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation)
            sharp.setDevicePixelRatio(ratio)
            self._scaled = sharp

    # --- Qt overrides ---------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(480, 300)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rescale()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        frame = self.rect().adjusted(0, 0, -1, -1)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight if self.hasFocus()
                                          else QPalette.ColorRole.Mid), 1))
        painter.drawRect(frame)
        if self._scaled.isNull():
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self._text)
            return
        rect = self.image_rect()
        painter.drawImage(rect, self._scaled)
        if self._selection is None:
            return
        sel = QRectF(rect.left() + self._selection.left() * rect.width(),
                     rect.top() + self._selection.top() * rect.height(),
                     self._selection.width() * rect.width(),
                     self._selection.height() * rect.height())
        shade = QColor(palette.color(QPalette.ColorRole.Shadow))
        shade.setAlpha(140)
        # Dim the four bands around the selection: what the crop will drop.
        for band in (QRectF(rect.left(), rect.top(), rect.width(), sel.top() - rect.top()),
                     QRectF(rect.left(), sel.bottom(), rect.width(), rect.bottom() - sel.bottom()),
                     QRectF(rect.left(), sel.top(), sel.left() - rect.left(), sel.height()),
                     QRectF(sel.right(), sel.top(), rect.right() - sel.right(), sel.height())):
            if band.width() > 0 and band.height() > 0:
                painter.fillRect(band, shade)
        pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(sel)
        handle = 7.0
        painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
        for corner in (sel.topLeft(), sel.topRight(), sel.bottomLeft(), sel.bottomRight()):
            painter.drawRect(QRectF(corner.x() - handle / 2, corner.y() - handle / 2,
                                    handle, handle))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self.has_image():
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._anchor = self._fraction(event.position())
        self._press = event.position()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._anchor is None:
            super().mouseMoveEvent(event)
            return
        if (event.position() - self._press).manhattanLength() < MIN_DRAG:
            return
        if not self._cropping:
            self.set_crop_mode(True)
        self._selection = QRectF(self._anchor, self._fraction(event.position())).normalized()
        self.update()
        self.selectionChanged.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._anchor is None:
            super().mouseReleaseEvent(event)
            return
        self.mouseMoveEvent(event)
        self._anchor = None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if not self._cropping or self._selection is None:
            super().keyPressEvent(event)
            return
        if key == Qt.Key.Key_Escape:
            self.set_crop_mode(False)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.cropAccepted.emit()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            dx = {Qt.Key.Key_Left: -STEP, Qt.Key.Key_Right: STEP}.get(Qt.Key(key), 0.0)
            dy = {Qt.Key.Key_Up: -STEP, Qt.Key.Key_Down: STEP}.get(Qt.Key(key), 0.0)
            self._nudge(dx, dy, bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
        else:
            super().keyPressEvent(event)

    def _nudge(self, dx: float, dy: float, resize: bool) -> None:
        sel = QRectF(self._selection or QRectF())
        if resize:  # the bottom-right corner moves; keep at least one step of size
            sel.setRight(min(1.0, max(sel.left() + STEP, sel.right() + dx)))
            sel.setBottom(min(1.0, max(sel.top() + STEP, sel.bottom() + dy)))
        else:
            sel.moveLeft(min(1.0 - sel.width(), max(0.0, sel.left() + dx)))
            sel.moveTop(min(1.0 - sel.height(), max(0.0, sel.top() + dy)))
        self._selection = sel
        self.update()
        self.selectionChanged.emit()
