"""The card-text parser on recorded OCR line sets (no OCR here)."""

from __future__ import annotations

from wombat_desktop.core.cardtext import CardLine, parse_card


def _phones(fields) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(p.value, p.kind) for p in fields.phones]


def test_english_card_fields() -> None:
    f = parse_card(["Jane Doe", "Senior Account Manager", "Acme Widgets Inc.",
                    "Mobile: +1 415 555 0134", "Fax: +1 415 555 0199",
                    "jane.doe@acme-widgets.com", "www.acme-widgets.com"])
    assert f.name is not None
    assert f.name.value == "Jane Doe"
    assert f.title is not None
    assert f.title.value == "Senior Account Manager"
    assert f.company is not None
    assert f.company.value == "Acme Widgets Inc."
    assert _phones(f) == [("+14155550134", "mobile"), ("+14155550199", "fax")]
    assert [e.value for e in f.emails] == ["jane.doe@acme-widgets.com"]
    assert f.website is not None
    assert f.website.value == "www.acme-widgets.com"
    assert f.note == ""


def test_two_labelled_phones_on_one_line_and_an_address() -> None:
    f = parse_card(["ACME LOGISTICS LLC", "Robert Chen", "Director of Operations",
                    "T 212-555-0187 M 917-555-0142", "rchen@acmelogistics.com",
                    "500 Fifth Avenue, New York, NY 10110"])
    assert _phones(f) == [("+12125550187", "office"), ("+19175550142", "mobile")]
    assert f.address is not None
    assert f.address.value == "500 Fifth Avenue, New York, NY 10110"
    assert f.company is not None
    assert f.company.value == "ACME LOGISTICS LLC"


def test_chinese_card_with_labels() -> None:
    f = parse_card(["上海星辰科技有限公司", "王建国", "销售总监", "手机：13800138000",
                    "电话：021-6234 5678", "邮箱：wang.jg@xingchen.cn",
                    "地址：上海市浦东新区世纪大道100号"], region="CN")
    assert f.name is not None
    assert f.name.value == "王建国"
    assert f.title is not None
    assert f.title.value == "销售总监"
    assert _phones(f) == [("+8613800138000", "mobile"), ("+862162345678", "office")]
    assert [e.value for e in f.emails] == ["wang.jg@xingchen.cn"]
    assert f.address is not None
    assert f.address.value == "上海市浦东新区世纪大道100号"


def test_bilingual_card_keeps_both_names() -> None:
    f = parse_card(["Lily Li", "李小红", "市场经理 Marketing Manager", "深圳华彩设计有限公司",
                    "Mobile: +86 139 2345 6789", "lily.li@huacai-design.com"], region="CN")
    assert f.name is not None
    assert f.name.value == "李小红"
    assert f.other_name is not None
    assert f.other_name.value == "Lily Li"
    assert f.title is not None
    assert f.title.value == "市场经理 Marketing Manager"


def test_japanese_card() -> None:
    f = parse_card(["株式会社サンプル商事", "営業部 部長", "山田 太郎", "Taro Yamada",
                    "〒100-0001 東京都千代田区千代田1-1", "TEL 03-1234-5678 FAX 03-1234-5679",
                    "携帯 090-1234-5678", "yamada@sample.co.jp"], region="JP")
    assert f.name is not None
    assert f.name.value == "山田 太郎"
    assert f.other_name is not None
    assert f.other_name.value == "Taro Yamada"
    assert f.company is not None
    assert f.company.value == "株式会社サンプル商事"
    assert _phones(f) == [("+81312345678", "office"), ("+81312345679", "fax"),
                          ("+819012345678", "mobile")]
    assert f.address is not None
    assert f.address.value.startswith("〒100-0001")


def test_name_and_title_on_one_line_and_the_largest_line_is_the_name() -> None:
    f = parse_card([CardLine("Bright Ideas", 0.99, 30), CardLine("Maria Lopez, CEO", 0.97, 60),
                    CardLine("+1 (555) 201-7788", 0.95, 20),
                    CardLine("Loves sailing", 0.9, 18)])
    assert f.name is not None
    assert f.name.value == "Maria Lopez"
    assert f.title is not None
    assert f.title.value == "CEO"
    assert f.company is not None
    assert f.company.value == "Bright Ideas"
    assert f.company.low  # a guess without a legal suffix
    assert f.note == "Loves sailing"
    assert _phones(f) == [("+15552017788", "")]


def test_low_ocr_scores_lower_the_field_confidence() -> None:
    f = parse_card([CardLine("Jon Smith", 0.6, 40), CardLine("jon@example.com", 0.99, 20)])
    assert f.name is not None
    assert f.name.low
    assert f.confidence < 0.75


def test_empty_card() -> None:
    f = parse_card(["", "  "])
    assert f.name is None
    assert f.confidence == 0.0
    assert f.lines == ()


# --- recorded OCR line sets from the twelve-card walk-through (issue 4) ---------------------


def test_chinese_card_numbers_read_in_china_when_the_region_is_us() -> None:
    """A Shanghai card scanned with region US: the local numbers are Chinese, not +1."""
    f = parse_card(["上海星辰科技有限公司", "王建国", "销售总监", "手机：138 0013 8000",
                    "电话：021-6234 5678", "邮箱：wang.jg@xingchen.cn",
                    "地址：上海市浦东新区世纪大道100号"], region="US")
    assert _phones(f) == [("+8613800138000", "mobile"), ("+862162345678", "office")]
    assert all(not p.low for p in f.phones)


def test_japanese_card_postcode_is_not_a_phone() -> None:
    """The OCR dropped the 〒: "150-0002 東京都…" is the address, numbers are Japanese."""
    f = parse_card(["株式会社サクラ電機", "営業部部長", "田中一郎",
                    "150-0002 東京都渋谷区渋谷2-21-1", "TEL 03-1234-5678 FAX 03-1234-5679",
                    "携帯 090-1234-5678", "tanaka@sakura-denki.co.jp"], region="US")
    assert _phones(f) == [("+81312345678", "office"), ("+81312345679", "fax"),
                          ("+819012345678", "mobile")]
    assert f.address is not None
    assert f.address.value == "〒150-0002 東京都渋谷区渋谷2-21-1"
    assert f.name is not None
    assert f.name.value == "田中一郎"


def test_us_number_stays_in_the_users_region_on_a_cjk_card() -> None:
    f = parse_card(["李小红", "Lily Li", "Tel: (415) 555-0102"], region="US")
    assert _phones(f) == [("+14155550102", "office")]


def test_invalid_number_is_marked_low() -> None:
    f = parse_card(["Jane Doe", "M: +1 (646) 555-"])  # the desk photo cut the number
    assert f.phones
    assert f.phones[0].low


def test_two_line_address_with_floor_line() -> None:
    f = parse_card(["Alex Kowalski | Senior Consultant", "Kowalski & Partners Consulting Group",
                    "Direct 415-555-0102 |Mobile 415-555-0103",
                    "alex@kowalskipartners.com kowalskipartners.com",
                    "One Market Plaza, Spear Tower, 36th Floor", "San Francisco, CA 94105"])
    assert f.address is not None
    assert f.address.value == ("One Market Plaza, Spear Tower, 36th Floor, "
                               "San Francisco, CA 94105")
    assert f.note == ""
    assert f.title is not None
    assert f.title.value == "Senior Consultant"
    assert _phones(f) == [("+14155550102", "office"), ("+14155550103", "mobile")]


def test_card_region_from_domain_and_script() -> None:
    from wombat_desktop.core.cardtext import card_region

    assert card_region(["emily.watson@greenleaf.co.uk"]) == "GB"
    assert card_region(["www.sakura.co.jp"]) == "JP"
    assert card_region(["田中 一郎", "株式会社サクラ電機"]) == "JP"
    assert card_region(["王建国"]) == "CN"
    assert card_region(["Jane Doe", "jane@acme.com"]) == ""
