"""Kit PDFs as images: pypdfium2 renders pages (off the UI thread), a column shows them.

QtPdf is not in PySide6-Essentials, so pages are rasterised with PDFium: at screen resolution
for the preview and at (capped) printer resolution for printing.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QImage, QPainter, QPalette, QPixmap, QResizeEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

# PDFium is not thread-safe: one render at a time, whichever thread asks.
_PDFIUM = threading.Lock()
MAX_PRINT_DPI = 300  # a 1200 dpi Letter page would be 540 MB of pixels
MARGIN = 16


def render_pages(path: str | Path, dpi: float) -> list[QImage]:
    """Every page of a PDF as an RGB image at ``dpi`` (safe to call from a pool thread)."""
    import pypdfium2 as pdfium

    images: list[QImage] = []
    with _PDFIUM:
        pdf = pdfium.PdfDocument(str(path))
        try:
            for index in range(len(pdf)):
                page = pdf[index]
                bitmap = page.render(scale=dpi / 72.0, rev_byteorder=True, prefer_bgrx=True,
                                     fill_color=(255, 255, 255, 255))
                image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                               QImage.Format.Format_RGBX8888).copy()  # own the pixels
                image.setDotsPerMeterX(round(dpi / 0.0254))
                image.setDotsPerMeterY(round(dpi / 0.0254))
                images.append(image)
                bitmap.close()
                page.close()
        finally:
            pdf.close()
    return images


def print_dpi(printer: QPrinter) -> int:
    """The resolution to rasterise for a printer: its own, at most `MAX_PRINT_DPI`."""
    return max(150, min(printer.resolution(), MAX_PRINT_DPI))


def paint_pages(printer: QPrinter, images: Sequence[QImage]) -> bool:
    """Print page images, each scaled to fit the printable area; False if painting failed."""
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        for n, image in enumerate(images):
            if n:
                printer.newPage()
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            size = QSize(image.width(), image.height()).scaled(
                area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF(0, 0, size.width(), size.height())
            target.moveCenter(QRectF(0, 0, area.width(), area.height()).center())
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(target, image)
    finally:
        painter.end()
    return True


class PdfPreview(QScrollArea):
    """A scrollable column of page images, each scaled to fit the width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Page preview"))
        self.setWidgetResizable(True)
        self.setBackgroundRole(QPalette.ColorRole.Dark)
        self._images: list[QImage] = []
        self.page_labels: list[QLabel] = []
        self._column = QWidget(self)
        self._column.setBackgroundRole(QPalette.ColorRole.Dark)
        self._column.setAutoFillBackground(True)
        self._layout = QVBoxLayout(self._column)
        self._layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        self._layout.setSpacing(MARGIN)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.placeholder = QLabel(self._column)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setForegroundRole(QPalette.ColorRole.BrightText)
        self._layout.addWidget(self.placeholder)
        self.setWidget(self._column)
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(40)
        self._refit.timeout.connect(self._fit)

    def set_placeholder(self, text: str) -> None:
        self.placeholder.setText(text)
        self.placeholder.setVisible(bool(text))

    def set_pages(self, images: Sequence[QImage]) -> None:
        """Show these pages (replacing any shown)."""
        self.clear_pages()
        self._images = list(images)
        for n, _image in enumerate(self._images, 1):
            label = QLabel(self._column)
            label.setFrameShape(QFrame.Shape.Box)
            label.setAccessibleName(self.tr("Page {n} of {total}").format(
                n=n, total=len(self._images)))
            self._layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        self.set_placeholder("")
        self._fit()

    def clear_pages(self) -> None:
        for label in self.page_labels:
            self._layout.removeWidget(label)
            label.deleteLater()
        self.page_labels = []
        self._images = []

    def images(self) -> list[QImage]:
        return list(self._images)

    def _fit(self) -> None:
        """Zoom to fit the width (never above 100 % of the rendered size)."""
        width = max(120, self.viewport().width() - 2 * MARGIN - 2)
        ratio = self.devicePixelRatioF()
        for label, image in zip(self.page_labels, self._images, strict=True):
            w = min(width, round(image.width() / ratio))
            scaled = image.scaledToWidth(round(w * ratio),
                                         Qt.TransformationMode.SmoothTransformation)
            pixmap = QPixmap.fromImage(scaled)
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.deviceIndependentSize().toSize())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._images:
            self._refit.start()
