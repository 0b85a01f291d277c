"""Offline OCR of card images: rapidocr 3.x on onnxruntime, pinned to its bundled models.

rapidocr, numpy, OpenCV and Pillow are imported on first use (≈ 0.5 s), never at start-up.
Traps this module handles (measured):

- only the model set bundled in the rapidocr wheel works offline; any other model type or
  version makes the first call try to download. The configuration names the bundled files
  by path, so nothing is ever resolved against the download table;
- the default detector keeps photos large and upscales small ones: ``limit_type=max`` with
  a side of 960, after phone photos are downscaled to ~2000 px and turned upright by EXIF;
- cards photographed sideways read as noise: when too little text comes back, the image is
  tried again turned by 90, 270 and 180 degrees and the best reading wins;
- onnxruntime uses every core by default; here it gets 1-2 threads so the UI stays smooth.
"""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wombat_desktop.core.errors import WombatError
from wombat_desktop.core.progress import CancelToken, ProgressFn, no_progress

__all__ = ["IMAGE_SUFFIXES", "Box", "OcrEngine", "OcrError", "OcrLine", "OcrResult", "crop_array",
           "load_image", "turn_box"]

Box = tuple[int, int, int, int]  # left, top, right, bottom in image pixels (right/bottom out)

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff", ".webp",
                            ".heic", ".heif", ".pdf"})
MAX_SIDE = 2000  # phone photos are downscaled to this long side before OCR
DET_SIDE = 960  # the detector's input: long side at most this
GOOD_ENOUGH = 0.80  # a reading whose score reaches this is not retried rotated
MIN_CROP = 16  # a crop box narrower or lower than this (px) is a slip of the mouse
MIN_TEXT = 12  # fewer confident characters than this also triggers the rotated retries
BUNDLED = {  # model files inside the rapidocr wheel (3.10): the only set that works offline
    "Det": "PP-OCRv6_det_small.onnx",
    "Cls": "ch_ppocr_mobile_v2.0_cls_mobile.onnx",
    "Rec": "PP-OCRv6_rec_small.onnx",
}


class OcrError(WombatError):
    """An image could not be read or recognised; the message names the file."""


@dataclass(frozen=True, slots=True)
class OcrLine:
    """One recognised line: its text, corner points (x, y) in image pixels, and score."""

    text: str
    box: tuple[tuple[float, float], ...]
    confidence: float

    @property
    def left(self) -> float:
        return min(x for x, _ in self.box)

    @property
    def top(self) -> float:
        return min(y for _, y in self.box)

    @property
    def height(self) -> float:
        return max(y for _, y in self.box) - self.top


@dataclass(frozen=True, slots=True)
class OcrResult:
    """What the engine read on one image (already upright: see ``rotation``)."""

    lines: tuple[OcrLine, ...]
    rotation: int = 0  # degrees (clockwise) the image was turned before it read well
    width: int = 0
    height: int = 0
    seconds: float = 0.0

    @property
    def texts(self) -> list[str]:
        return [line.text for line in self.lines]

    @property
    def score(self) -> float:
        """Mean confidence weighted by text length (0 when nothing was read)."""
        total = sum(len(line.text) for line in self.lines)
        if not total:
            return 0.0
        return sum(line.confidence * len(line.text) for line in self.lines) / total


def _pil_open(path: Path) -> Any:
    from PIL import Image, ImageOps

    if path.suffix.lower() in (".heic", ".heif"):
        try:
            from pillow_heif import register_heif_opener  # optional: only if installed
        except ImportError as exc:
            raise OcrError(f"{path.name}: HEIC photos need the pillow-heif package; "
                           "export the photo as JPEG instead.") from exc
        register_heif_opener()
    if path.suffix.lower() == ".pdf":
        return _pdf_page(path)
    image = Image.open(path)
    image.load()
    return ImageOps.exif_transpose(image)


def _pdf_page(path: Path, page: int = 0) -> Any:
    try:
        import pypdfium2 as pdfium
    except ImportError as exc:
        raise OcrError(f"{path.name}: reading PDF scans needs pypdfium2.") from exc
    pdf = pdfium.PdfDocument(str(path))
    try:
        if len(pdf) == 0:
            raise OcrError(f"{path.name}: the PDF has no pages.")
        first = pdf[page]
        width, height = first.get_size()
        scale = min(4.0, MAX_SIDE / max(width, height, 1))  # ~2000 px long side
        return first.render(scale=scale).to_pil()
    finally:
        pdf.close()


def load_image(source: str | Path | bytes) -> Any:
    """An upright RGB numpy array of at most `MAX_SIDE` px (EXIF applied; PDFs: page 1).

    Raises:
        OcrError: the file is missing or not an image this app can read.
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        if isinstance(source, bytes):
            image = ImageOps.exif_transpose(Image.open(io.BytesIO(source)))
        else:
            image = _pil_open(Path(source))
    except OcrError:
        raise
    except (OSError, UnidentifiedImageError, ValueError) as exc:
        name = "image" if isinstance(source, bytes) else Path(source).name
        raise OcrError(f"{name}: not an image that can be read ({exc}).") from exc
    return _prepared(image)


def _prepared(image: Any) -> Any:
    import numpy as np
    from PIL import Image

    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        white = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, image)
    image = image.convert("RGB")
    longest = max(image.size)
    if longest > MAX_SIDE:
        factor = MAX_SIDE / longest
        image = image.resize((round(image.width * factor), round(image.height * factor)),
                             Image.Resampling.LANCZOS)
    return np.ascontiguousarray(np.asarray(image))


def crop_array(array: Any, box: Box) -> Any:
    """The part of ``array`` inside ``box`` (clamped to the image).

    Raises:
        OcrError: the box, once clamped, is smaller than `MIN_CROP` px on a side.
    """
    import numpy as np

    height, width = array.shape[:2]
    left, top = max(0, min(box[0], box[2])), max(0, min(box[1], box[3]))
    right, bottom = min(width, max(box[0], box[2])), min(height, max(box[1], box[3]))
    if right - left < MIN_CROP or bottom - top < MIN_CROP:
        raise OcrError(f"The crop box {box} leaves too little of the {width}×{height} image.")
    return np.ascontiguousarray(array[top:bottom, left:right])


def turn_box(box: Box, size: tuple[int, int], degrees: int) -> Box:
    """``box`` on an image of ``size`` (width, height) once the image turns clockwise."""
    width, height = size
    left, top, right, bottom = box
    for _ in range(degrees % 360 // 90):  # a 90° clockwise turn: (x, y) -> (h - y, x)
        left, top, right, bottom = height - bottom, left, height - top, right
        width, height = height, width
    return left, top, right, bottom


def _rotated(array: Any, degrees: int) -> Any:
    import numpy as np

    # np.rot90 turns counter-clockwise; k=-1 is 90 degrees clockwise.
    return np.ascontiguousarray(np.rot90(array, k=-(degrees // 90)))


class OcrEngine:
    """A lazily built, thread-safe rapidocr engine pinned to the bundled models.

    One engine serves the whole process: building it costs ≈ 1 s (model loading), so the
    scan page warms it up in the background. Calls are serialised by a lock; onnxruntime
    gets ``threads`` intra-op threads (1-2).
    """

    def __init__(self, threads: int = 1) -> None:
        self.threads = max(1, min(2, threads))
        self._engine: Any = None
        self._lock = threading.Lock()

    @staticmethod
    def params(threads: int = 1) -> dict[str, Any]:
        """The rapidocr configuration: bundled model files, 960 px detector, quiet log."""
        import rapidocr

        models = Path(rapidocr.__file__).resolve().parent / "models"
        params: dict[str, Any] = {
            "Global.log_level": "error",
            "Global.model_root_dir": str(models),
            "Global.max_side_len": MAX_SIDE,
            "Global.text_score": 0.5,
            "Det.limit_type": "max",
            "Det.limit_side_len": DET_SIDE,
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        }
        for task, name in BUNDLED.items():
            path = models / name
            if not path.is_file():
                raise OcrError(f"The OCR model {name} is missing from the rapidocr package; "
                               "reinstall rapidocr 3.x.")
            params[f"{task}.model_path"] = str(path)
        return params

    def _get(self) -> Any:
        if self._engine is None:
            try:
                from rapidocr import RapidOCR
            except ImportError as exc:  # pragma: no cover - a broken install
                raise OcrError("OCR is not installed (pip install rapidocr onnxruntime "
                               "opencv-python-headless).") from exc
            self._engine = RapidOCR(params=self.params(self.threads))
        return self._engine

    @property
    def ready(self) -> bool:
        return self._engine is not None

    def warm_up(self) -> None:
        """Load the models and run one tiny image through them (≈ 1-2 s, once)."""
        import numpy as np

        with self._lock:
            engine = self._get()
            blank = np.full((64, 256, 3), 255, dtype=np.uint8)
            blank[28:36, 20:236] = 0  # a bar: detection and recognition both run
            engine(blank)

    def _read_array(self, array: Any) -> list[OcrLine]:
        with self._lock:
            out = self._get()(array)
        boxes, txts, scores = (getattr(out, name, None) for name in ("boxes", "txts", "scores"))
        if boxes is None or txts is None or scores is None:
            return []
        lines = [
            OcrLine(str(text).strip(), tuple((float(x), float(y)) for x, y in box),
                    float(score))
            for box, text, score in zip(boxes, txts, scores, strict=False)
            if str(text).strip()
        ]
        return sorted(lines, key=lambda line: (round(line.top / 8), line.left))

    def read_array(self, array: Any, rotations: bool = True) -> OcrResult:
        """Read an upright-or-not RGB array; retries turned by 90° steps when it reads badly."""
        started = time.perf_counter()
        best = OcrResult(tuple(self._read_array(array)), 0, array.shape[1], array.shape[0])
        if rotations and not _good(best):
            for degrees in (90, 270, 180):
                turned = _rotated(array, degrees)
                result = OcrResult(tuple(self._read_array(turned)), degrees,
                                   turned.shape[1], turned.shape[0])
                if _quality(result) > _quality(best):
                    best = result
                if _good(best):
                    break
        return OcrResult(best.lines, best.rotation, best.width, best.height,
                         time.perf_counter() - started)

    def read(self, source: str | Path | bytes, rotations: bool = True,
             crop: Box | None = None) -> OcrResult:
        """Load (EXIF, downscale, PDF page 1) and read one image, or only ``crop`` of it.

        ``crop`` is in the pixels of the loaded image (see `load_image`: at most `MAX_SIDE`).
        """
        array = load_image(source)
        return self.read_array(array if crop is None else crop_array(array, crop), rotations)

    def read_many(self, sources: Sequence[str | Path], progress: ProgressFn = no_progress,
                  cancel: CancelToken | None = None
                  ) -> Iterator[tuple[str | Path, OcrResult | OcrError]]:
        """Read images one by one, checking ``cancel`` between them; errors are yielded."""
        total = len(sources)
        for done, source in enumerate(sources):
            if cancel is not None:
                cancel.check()
            progress(done, total, f"Reading {Path(source).name}")
            try:
                yield source, self.read(source)
            except OcrError as exc:
                yield source, exc
        progress(total, total, "Read")


def _confident_chars(result: OcrResult) -> int:
    return sum(len(line.text) for line in result.lines if line.confidence >= 0.7)


def _sideways(result: OcrResult) -> float:
    """The share of longer lines whose box stands upright: the card lies on its side."""
    longer = [line for line in result.lines if len(line.text) >= 4]
    if not longer:
        return 0.0
    upright = 0
    for line in longer:
        width = max(x for x, _ in line.box) - line.left
        upright += line.height > 1.5 * width
    return upright / len(longer)


def _good(result: OcrResult) -> bool:
    return (result.score >= GOOD_ENOUGH and _confident_chars(result) >= MIN_TEXT
            and _sideways(result) < 0.5)


def _quality(result: OcrResult) -> float:
    return _confident_chars(result) * result.score * (1.0 - 0.9 * _sideways(result))


_SHARED: dict[int, OcrEngine] = {}
_SHARED_LOCK = threading.Lock()


def shared_engine(threads: int = 1) -> OcrEngine:
    """The process-wide engine for ``threads`` (models load once per process)."""
    with _SHARED_LOCK:
        engine = _SHARED.get(threads)
        if engine is None:
            engine = _SHARED[threads] = OcrEngine(threads)
        return engine


def image_files(paths: Iterable[str | Path],
                accept: Callable[[Path], bool] | None = None) -> list[Path]:
    """Files as given; folders become the card images inside them (sorted, recursive)."""
    accept = accept or (lambda p: p.suffix.lower() in IMAGE_SUFFIXES)
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(p for p in sorted(path.rglob("*")) if p.is_file() and accept(p))
        else:
            out.append(path)
    return out
