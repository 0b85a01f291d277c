import datetime as dt

from wombat_desktop.core.model import ContactDraft, Tie, TypedValue
from wombat_desktop.core.search import build_search_text, filter_items, query_words, refine
from wombat_desktop.core.views import ContactListItem


def _item(cid: int, draft: ContactDraft) -> ContactListItem:
    return ContactListItem(cid, draft.display_name(), draft.organization, "", "", "", Tie.WEAK,
                           None, None, "", 0, 0, 0, "", False, build_search_text(draft),
                           dt.date(2026, 11, 22))


PEOPLE = [
    _item(1, ContactDraft(given_name="José", family_name="García", organization="Acme Ltd",
                          emails=[TypedValue("jose@acme.example")],
                          phones=[TypedValue("+1 (555) 123-4567")])),
    _item(2, ContactDraft(given_name="小明", family_name="王", organization="北京印刷有限公司")),
    _item(3, ContactDraft(given_name="Ольга", family_name="Иванова", organization="Рога")),
    _item(4, ContactDraft(formatted_name="佐藤 健", organization="東京データシステムズ株式会社")),
    _item(5, ContactDraft(given_name="Zoë", family_name="Ødegård", tags=["golf"])),
]


def ids(query: str) -> list[int]:
    return [i.id for i in filter_items(PEOPLE, query)]


def test_accent_insensitive_both_ways() -> None:
    assert ids("garcia") == [1]
    assert ids("GARCÍA") == [1]
    assert ids("odegard") == [5]
    assert ids("zoe") == [5]


def test_cjk_single_character_and_word_inside_a_run() -> None:
    assert ids("王") == [2]
    assert ids("佐藤") == [4]
    assert ids("システムズ") == [4]  # a word at the end of a CJK run is found
    assert ids("印刷") == [2]


def test_cyrillic_case_insensitive() -> None:
    assert ids("иванова") == [3]
    assert ids("ОЛЬГА") == [3]


def test_email_company_tag_and_several_words() -> None:
    assert ids("acme.example") == [1]
    assert ids("acme jose") == [1]
    assert ids("golf") == [5]
    assert ids("acme zoe") == []


def test_phone_digits_match_any_formatting() -> None:
    assert ids("555 123") == [1]
    assert ids("555-123-4567") == [1]
    assert ids("(555)1234567") == [1]


def test_empty_query_keeps_everything() -> None:
    assert ids("   ") == [1, 2, 3, 4, 5]
    assert query_words("") == []


def test_refine_only_when_the_query_narrows() -> None:
    assert refine([], "gar", "garc")
    assert not refine([], "garc", "gar")
    assert not refine([], "", "a")
    assert not refine([], "bob", "alice")


def test_build_search_text_contains_all_sources() -> None:
    text = build_search_text(ContactDraft(given_name="Ängel", nickname="Gel", title="CFO",
                                          phones=[TypedValue("030 1234")]))
    assert "angel" in text
    assert "gel" in text
    assert "cfo" in text
    assert "0301234" in text


def test_search_items_are_dated() -> None:
    # ContactListItem is frozen and hashable enough to live in 50k-row lists
    item = PEOPLE[0]
    assert item.last_interaction_on is None or isinstance(item.last_interaction_on, dt.date)
