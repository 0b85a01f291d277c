"""Cropping: only the card on a photo of a busy desk is read, and kept as the card image."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from tests.scan_cards import DEJAVU, english_card, render
from wombat_desktop.core.ocr import OcrError, crop_array, load_image, shared_engine, turn_box
from wombat_desktop.services.registry import Services
from wombat_desktop.services.scanning import ScanResult, box_from_fractions

DESK = (3000, 2250)  # a phone photo
CARD_AT = (1500, 900)  # where the card lies on it


def desk_photo(path: Path, seed: int = 7) -> tuple[int, int, int, int]:
    """A card on a large noisy desk with other print around it; returns the card's box."""
    import numpy as np

    rng = np.random.default_rng(seed)
    base = rng.integers(90, 170, size=(DESK[1], DESK[0], 1), dtype=np.uint8)
    desk = Image.fromarray(np.repeat(base, 3, axis=2) + np.array([10, 5, 0], dtype=np.uint8))
    draw = ImageDraw.Draw(desk)
    font = ImageFont.truetype(str(DEJAVU), 56)
    words = random.Random(seed)
    for y in range(80, DESK[1], 260):  # a flyer under the card: text that must not be read
        draw.text((60 + words.randrange(200), y), "Call sales@flyer-deals.com 800 555 0100",
                  fill=(245, 245, 245), font=font)
    card = render(english_card())
    desk.paste(card, CARD_AT)
    desk.save(path, quality=88)
    return (CARD_AT[0], CARD_AT[1], CARD_AT[0] + card.width, CARD_AT[1] + card.height)


@pytest.fixture(scope="module")
def photo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, tuple[int, int, int, int]]:
    path = tmp_path_factory.mktemp("desk") / "desk.jpg"
    return path, desk_photo(path)


def _loaded_box(path: Path, box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """``box`` on the original photo, in the pixels of the loaded (downscaled) image."""
    height, width = load_image(path).shape[:2]
    fx, fy = width / DESK[0], height / DESK[1]
    return (round(box[0] * fx) - 10, round(box[1] * fy) - 10, round(box[2] * fx) + 10,
            round(box[3] * fy) + 10)


def test_crop_reads_only_the_card(photo: tuple[Path, tuple[int, int, int, int]],
                                  services: Services) -> None:
    path, card_box = photo
    box = _loaded_box(path, card_box)
    result = services.scanning.scan_one(path, crop=box)
    assert result.error == ""
    assert result.crop == box
    assert result.size == (2000, 1500)
    f = result.fields
    assert f is not None
    assert f.name is not None
    assert f.name.value == "Jane Doe"
    assert f.company is not None
    assert f.company.value == "Acme Widgets Inc."
    assert [e.value for e in f.emails] == ["jane.doe@acme-widgets.com"]
    assert [(p.value, p.kind) for p in f.phones] == [("+14155550134", "mobile"),
                                                       ("+14155550199", "fax")]
    assert not any("flyer" in line for line in f.lines)
    kept = Image.open(io.BytesIO(result.image))  # the kept card image is the cropped one
    assert kept.width / kept.height == pytest.approx((box[2] - box[0]) / (box[3] - box[1]),
                                                     abs=0.02)


def test_engine_read_with_crop(photo: tuple[Path, tuple[int, int, int, int]]) -> None:
    path, card_box = photo
    result = shared_engine(1).read(path, crop=_loaded_box(path, card_box))
    assert "jane.doe@acme-widgets.com" in result.texts
    assert not any("flyer" in text for text in result.texts)


def test_crop_array_clamps_and_refuses_slivers() -> None:
    import numpy as np

    array = np.zeros((100, 200, 3), dtype=np.uint8)
    assert crop_array(array, (150, 50, 400, -5)).shape == (50, 50, 3)  # clamped, any order
    with pytest.raises(OcrError):
        crop_array(array, (10, 10, 20, 90))


def test_turn_box_follows_the_image() -> None:
    box = (10, 20, 60, 40)  # on a 200 x 100 image
    assert turn_box(box, (200, 100), 90) == (60, 10, 80, 60)
    assert turn_box(box, (200, 100), 180) == (140, 60, 190, 80)
    assert turn_box(turn_box(box, (200, 100), 90), (100, 200), 270) == box
    assert turn_box(box, (200, 100), 0) == box


def test_box_from_fractions_narrows_an_earlier_crop() -> None:
    whole = ScanResult("x.jpg", size=(2000, 1000))
    assert box_from_fractions(whole, 0.5, 0.5, 0.25, 0.1) == (500, 100, 1000, 500)
    cropped = ScanResult("x.jpg", size=(2000, 1000), crop=(1000, 200, 1400, 600))
    assert box_from_fractions(cropped, 0.0, 0.5, 1.0, 1.5) == (1000, 400, 1400, 600)
