from wombat_desktop.core.model import TypedValue
from wombat_desktop.core.typed_lines import format_typed_lines, parse_typed_lines


def test_round_trip_keeps_types_pref_and_label() -> None:
    values = [TypedValue("a@x.com", ["work"], pref=True), TypedValue("b@y.org"),
              TypedValue("c@z.net", ["home"], label="Private")]
    text = format_typed_lines(values)
    assert text == "work: a@x.com\nb@y.org\nPrivate: c@z.net"
    assert parse_typed_lines(text, values) == values


def test_new_lines_get_types_from_prefix_and_blank_lines_vanish() -> None:
    parsed = parse_typed_lines("cell, work: +1 555 0100\n\n  +49 30 1234  \n")
    assert parsed == [TypedValue("+1 555 0100", ["cell", "work"]), TypedValue("+49 30 1234")]


def test_values_with_colons_are_not_split_wrongly() -> None:
    assert parse_typed_lines("mailto: x@y.com") == [TypedValue("x@y.com", ["mailto"])]
    assert parse_typed_lines("a@b.com: note") == [TypedValue("a@b.com: note")]
    assert parse_typed_lines("tel:+1555") == [TypedValue("tel:+1555")]
