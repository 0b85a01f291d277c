"""Spoken-time estimates (English, Chinese, Japanese, mixed) and the script builder."""

from __future__ import annotations

import pytest

from wombat_desktop.core.scripts import (
    ScriptParts,
    compose,
    countdown,
    estimate,
    join_parts,
    variants,
)


def test_english_runs_at_150_words_a_minute() -> None:
    est = estimate(" ".join(["word"] * 150))
    assert est.words == 150
    assert est.seconds == pytest.approx(60.0)
    assert est.language == "en"


def test_english_contractions_and_hyphens_are_one_word() -> None:
    assert estimate("I'm a well-known printer.").words == 4


def test_chinese_runs_at_four_characters_a_second() -> None:
    text = "我是王小明，在上海做印刷已经十二年了。"
    est = estimate(text)
    assert est.cjk_characters == 17
    assert est.words == 0
    assert est.seconds == pytest.approx(17 / 4, abs=0.05)
    assert est.language == "zh"


def test_japanese_counts_morae_of_kana_and_kanji() -> None:
    # わたしはやまだたろうです: 12 morae; about 2 s at 6 morae a second.
    est = estimate("私は山田太郎です。")
    assert est.language == "ja"
    assert est.seconds == pytest.approx(2.0, abs=0.3)


def test_small_kana_join_the_mora_before() -> None:
    assert estimate("きょう").morae == 2  # kyo-u
    assert estimate("しゅっちょう").morae == 4  # shu-t-cho-u


def test_japanese_paragraph_near_300_characters_a_minute() -> None:
    text = ("はじめまして、東京データシステムズの佐藤と申します。中小企業の皆様に、"
            "名刺やパンフレットの印刷を、翌日お届けでご提供しています。") * 5
    chars = estimate(text).cjk_characters
    seconds = estimate(text).seconds
    assert 0.8 * chars / 5 <= seconds <= 1.2 * chars / 5


def test_mixed_text_adds_both_rates() -> None:
    est = estimate("我们的网站 is www example com")
    assert est.language == "mixed"
    assert est.seconds == pytest.approx(5 / 4 + 4 * 0.4, abs=0.05)


def test_mixed_japanese_and_english() -> None:
    assert estimate("こんにちは、I am Alex.").language == "mixed"


def test_empty_text() -> None:
    est = estimate("   ")
    assert est.seconds == 0
    assert est.language == ""


def test_label_reads_naturally() -> None:
    assert estimate("one two three").label == "3 words · 1 s"
    assert estimate("我是王小明").label == "5 characters · 1 s"


PARTS = ScriptParts(
    "I'm Alex Morgan from Inkwell & Alder.",
    "Twelve years in commercial print. I started on the press floor. Today I look after "
    "140 business accounts across the Portland metro area.",
    "I make paper that people don't throw away.",
    "We print cards, brochures, menus and signage. Everything is on recycled stock. We "
    "deliver next day anywhere in the metro area.",
)


def test_ten_second_variant_is_name_and_hook() -> None:
    v = compose(PARTS, 10)
    assert v.text == ("I'm Alex Morgan from Inkwell & Alder. "
                      "I make paper that people don't throw away.")
    assert v.fits


def test_variants_grow_with_the_length_and_fit() -> None:
    short, mid, long = variants(PARTS)
    assert [v.seconds for v in (short, mid, long)] == [10, 30, 60]
    assert len(short.text) < len(mid.text) < len(long.text)
    assert all(v.fits for v in (short, mid, long))
    assert "Twelve years" in mid.text
    assert "recycled stock" in long.text


def test_long_parts_are_cut_to_fit() -> None:
    long_background = " ".join(["A sentence of ten words that goes on and on."] * 20)
    parts = ScriptParts("I'm Alex.", long_background, "A hook.", "A product.")
    v = compose(parts, 30)
    assert v.fits
    assert v.text.startswith("I'm Alex.")
    assert "A hook." in v.text


def test_name_and_hook_stay_even_when_over() -> None:
    v = compose(ScriptParts("I'm Alex.", "", " ".join(["word"] * 40) + ".", ""), 10)
    assert not v.fits
    assert v.over_by > 0


def test_cjk_parts_join_without_spaces() -> None:
    assert join_parts(["我是王小明。", "我做印刷。", "Hello"]) == "我是王小明。我做印刷。Hello"
    assert join_parts(["Hi.", "", "Bye."]) == "Hi. Bye."


def test_countdown_clock() -> None:
    assert countdown(30, 6.5) == "0:24"
    assert countdown(60, 0) == "1:00"
    assert countdown(10, 14.2) == "+0:04"


def test_ten_seconds_without_name_or_hook_falls_back_to_a_sentence() -> None:
    parts = ScriptParts(background="Twenty years in print. I love paper.",
                        product="We print cards and menus. Ask me anything.")
    short = compose(parts, 10)
    assert short.text == "We print cards and menus."
    assert short.fits
    only_background = compose(ScriptParts(background="Twenty years in print. I love paper."), 10)
    assert only_background.text == "Twenty years in print."


def test_the_fallback_sentence_stays_even_when_over() -> None:
    long = "I ran presses in three cities " + "and many more places " * 20 + "for decades."
    short = compose(ScriptParts(background=long), 10)
    assert short.text == long
    assert not short.fits
    assert compose(ScriptParts(), 10).text == ""
