"""Synthetic business cards drawn with Pillow, for the OCR tests and the benchmark."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DEJAVU_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
DEJAVU_SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
CJK_CANDIDATES = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
)


def cjk_font() -> Path | None:
    """A font with Chinese glyphs, or None on a machine without one."""
    return next((p for p in CJK_CANDIDATES if p.is_file()), None)


@dataclass
class Card:
    """What to draw: lines of (text, size, bold) top to bottom; layout ``left``/``center``."""

    lines: list[tuple[str, int, bool]]
    layout: str = "left"
    width: int = 1050  # 3.5 x 2 in at 300 dpi
    height: int = 600
    font: Path = DEJAVU
    bold: Path = DEJAVU_BOLD
    angle: float = 0.0  # slight camera tilt, degrees
    noise: int = 0  # +/- grey levels of per-pixel noise
    scale: float = 1.0  # the whole photo smaller or larger
    extra: dict[str, str] = field(default_factory=dict)


def render(card: Card, seed: int = 1) -> Image.Image:
    """The card as an RGB image on a grey desk (tilted and noisy as asked)."""
    image = Image.new("RGB", (card.width, card.height), (252, 252, 248))
    draw = ImageDraw.Draw(image)
    gap = 14
    fonts = [ImageFont.truetype(str(card.bold if bold else card.font), size)
             for _, size, bold in card.lines]
    heights = [size for _, size, _ in card.lines]
    y = max(30, (card.height - sum(heights) - gap * (len(heights) - 1)) // 2)
    for (text, size, _), font in zip(card.lines, fonts, strict=True):
        width = draw.textlength(text, font=font)
        x = (card.width - width) / 2 if card.layout == "center" else 60
        if card.layout == "right":
            x = card.width - width - 60
        draw.text((x, y), text, fill=(20, 20, 30), font=font)
        y += size + gap
    desk = Image.new("RGB", (card.width + 120, card.height + 120), (150, 150, 155))
    desk.paste(image, (60, 60))
    if card.angle:
        desk = desk.rotate(card.angle, resample=Image.Resampling.BICUBIC, expand=True,
                           fillcolor=(150, 150, 155))
    if card.noise:
        rng = random.Random(seed)
        pixels = desk.load()
        assert pixels is not None
        for _ in range(desk.width * desk.height // 6):
            px, py = rng.randrange(desk.width), rng.randrange(desk.height)
            r, g, b = pixels[px, py]
            d = rng.randint(-card.noise, card.noise)
            pixels[px, py] = (max(0, min(255, r + d)), max(0, min(255, g + d)),
                              max(0, min(255, b + d)))
        desk = desk.filter(ImageFilter.GaussianBlur(0.6))
    if card.scale != 1.0:
        desk = desk.resize((round(desk.width * card.scale), round(desk.height * card.scale)),
                           Image.Resampling.LANCZOS)
    return desk


def english_card() -> Card:
    return Card([
        ("Jane Doe", 64, True),
        ("Senior Account Manager", 34, False),
        ("Acme Widgets Inc.", 40, True),
        ("Mobile: +1 415 555 0134", 30, False),
        ("Fax: +1 415 555 0199", 30, False),
        ("jane.doe@acme-widgets.com", 30, False),
        ("www.acme-widgets.com", 30, False),
    ])


def english_centered_card() -> Card:
    return Card([
        ("ACME LOGISTICS LLC", 36, True),
        ("Robert Chen", 58, True),
        ("Director of Operations", 32, False),
        ("T 212-555-0187   M 917-555-0142", 30, False),
        ("rchen@acmelogistics.com", 30, False),
        ("500 Fifth Avenue, New York, NY 10110", 28, False),
    ], layout="center", angle=1.5, noise=18, font=DEJAVU_SERIF, scale=1.6)


def chinese_card(font: Path) -> Card:
    return Card([
        ("上海星辰科技有限公司", 40, False),
        ("王建国", 64, False),
        ("销售总监", 34, False),
        ("手机：138 0013 8000", 32, False),
        ("电话：021-6234 5678", 32, False),
        ("邮箱：wang.jg@xingchen.cn", 30, False),
        ("地址：上海市浦东新区世纪大道100号", 30, False),
    ], font=font, bold=font)


def bilingual_card(font: Path) -> Card:
    return Card([
        ("李小红", 56, False),
        ("Lily Li", 40, False),
        ("市场经理  Marketing Manager", 30, False),
        ("深圳华彩设计有限公司", 32, False),
        ("Mobile: +86 139 2345 6789", 30, False),
        ("lily.li@huacai-design.com", 30, False),
    ], font=font, bold=font, angle=-1.0, noise=12)
