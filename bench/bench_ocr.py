"""Business-card OCR: seconds per card (first, incl. model load, then warm) and a batch.

    python bench/bench_ocr.py [--repeats 3] [--batch 10] [--threads 1]

Draws synthetic cards with ``tests/scan_cards.py`` (English, a noisy tilted English one,
Chinese and bilingual when a CJK font is installed, and a ~3000 px phone photo), runs the
real OCR (rapidocr, bundled models) and the card-text parser, and prints per-card times and
whether the name and e-mail came out right. A plain script: no timed assertions.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.scan_cards import (  # noqa: E402
    Card,
    bilingual_card,
    chinese_card,
    cjk_font,
    english_card,
    english_centered_card,
    render,
)
from wombat_desktop.core.cardtext import CardLine, parse_card  # noqa: E402
from wombat_desktop.core.ocr import OcrEngine, OcrResult  # noqa: E402


def cards() -> list[tuple[str, Card, str, str, str]]:
    """(label, card, region, expected name, expected e-mail)."""
    out = [("english", english_card(), "US", "Jane Doe", "jane.doe@acme-widgets.com"),
           ("english noisy", english_centered_card(), "US", "Robert Chen",
            "rchen@acmelogistics.com")]
    font = cjk_font()
    if font is not None:
        out += [("chinese", chinese_card(font), "CN", "王建国", "wang.jg@xingchen.cn"),
                ("bilingual", bilingual_card(font), "CN", "李小红", "lily.li@huacai-design.com")]
    else:
        print("(no CJK font: Chinese and bilingual cards skipped)")
    photo = english_card()
    photo.scale, photo.noise, photo.angle = 2.5, 10, 2.0  # ~2900 px: a phone photo
    out.append(("phone photo", photo, "US", "Jane Doe", "jane.doe@acme-widgets.com"))
    return out


def fields_ok(result: OcrResult, region: str, name: str, email: str) -> tuple[bool, bool]:
    """Whether the parsed name and first e-mail are the ones printed on the card."""
    fields = parse_card([CardLine(line.text, line.confidence, line.height)
                         for line in result.lines], region)
    got_name = fields.name.value if fields.name else ""
    got_email = fields.emails[0].value if fields.emails else ""
    return got_name == name, got_email == email


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="warm reads per card")
    parser.add_argument("--batch", type=int, default=10, help="cards in the batch run")
    parser.add_argument("--threads", type=int, default=1, help="onnxruntime threads (1-2)")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="bench-ocr-"))
    made = []
    for i, (label, card, region, name, email) in enumerate(cards()):
        path = folder / f"{i}.jpg"
        image = render(card, seed=i)
        image.save(path, quality=90)
        made.append((label, path, image.size, region, name, email))

    engine = OcrEngine(args.threads)
    print(f"OCR bench: {len(made)} cards, {args.repeats} warm reads each, "
          f"{engine.threads} thread(s)\n")
    print(f"{'card':<14} {'size':>11} {'first s':>8} {'warm s':>7} {'rot':>4}  name  e-mail")
    correct = 0
    for index, (label, path, size, region, name, email) in enumerate(made):
        started = time.perf_counter()
        result = engine.read(path)
        first = time.perf_counter() - started  # the first card's includes the model load
        warm = []
        for _ in range(args.repeats):
            started = time.perf_counter()
            result = engine.read(path)
            warm.append(time.perf_counter() - started)
        name_ok, email_ok = fields_ok(result, region, name, email)
        correct += name_ok + email_ok
        note = " (incl. model load)" if index == 0 else ""
        print(f"{label:<14} {size[0]:>5}x{size[1]:<5} {first:>8.2f} "
              f"{statistics.median(warm):>7.2f} {result.rotation:>4}  "
              f"{'ok' if name_ok else 'MISS':<5} {'ok' if email_ok else 'MISS'}{note}")

    batch = [made[i % len(made)][1] for i in range(args.batch)]
    started = time.perf_counter()
    for path in batch:
        engine.read(path)
    total = time.perf_counter() - started
    print(f"\nbatch of {len(batch)}: {total:.2f} s ({total / len(batch):.2f} s per card)")
    print(f"fields right: {correct} of {2 * len(made)} (name and e-mail per card)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
