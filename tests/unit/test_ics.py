"""iCalendar round trips: write with vobject, read back, same events, right time zones."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import vobject

from wombat_desktop.core.ics import CalendarEvent, local_zone, read_ics, save_ics, write_ics

BERLIN = ZoneInfo("Europe/Berlin")
TOKYO = ZoneInfo("Asia/Tokyo")
STAMP = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)

EVENTS = [
    CalendarEvent("lunch-1@wombat-desktop", dt.datetime(2026, 12, 1, 12, 30),
                  dt.datetime(2026, 12, 1, 13, 30), 'Lunch with Ann, "Annie"; ops\\finance',
                  "Café Zoë, 3rd St; back room", "Line one\nLine two, with comma; semicolon"),
    CalendarEvent("lunch-2@wombat-desktop", dt.datetime(2026, 7, 1, 12, 0),
                  dt.datetime(2026, 7, 1, 13, 15), "与陈慧敏午餐", "東京駅"),
]


def test_round_trip_in_a_named_zone() -> None:
    text = write_ics(EVENTS, BERLIN, STAMP)
    back = read_ics(text)
    assert [e.uid for e in back] == [e.uid for e in EVENTS]
    for want, got in zip(EVENTS, back, strict=True):
        assert got.summary == want.summary
        assert got.location == want.location
        assert got.description == want.description
        assert got.starts_at.tzinfo is BERLIN
        assert got.starts_at == want.starts_at.replace(tzinfo=BERLIN)
        assert got.ends_at == want.ends_at.replace(tzinfo=BERLIN)
    # winter and summer offsets both right
    assert back[0].starts_at.utcoffset() == dt.timedelta(hours=1)
    assert back[1].starts_at.utcoffset() == dt.timedelta(hours=2)


def test_file_has_what_calendar_apps_require() -> None:
    text = write_ics(EVENTS, BERLIN, STAMP)
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    for line in ("VERSION:2.0", "PRODID:-//WOMBAT Desktop//Lunch planner//EN",
                 "BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "DTSTAMP:20261122T090000Z",
                 "DTSTART;TZID=Europe/Berlin:20261201T123000", "UID:lunch-1@wombat-desktop"):
        assert line in text
    # special characters escaped, as RFC 5545 wants
    assert 'SUMMARY:Lunch with Ann\\, "Annie"\\; ops\\\\finance' in text
    assert "LOCATION:Café Zoë\\, 3rd St\\; back room" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_plain_vobject_reads_it_back() -> None:
    cal = vobject.readOne(write_ics(EVENTS, BERLIN, STAMP))
    events = cal.contents["vevent"]
    assert len(events) == 2
    assert events[0].summary.value == EVENTS[0].summary
    start = events[0].dtstart.value
    assert start.astimezone(dt.UTC) == dt.datetime(2026, 12, 1, 11, 30, tzinfo=dt.UTC)


def test_aware_times_keep_their_own_zone() -> None:
    tokyo = CalendarEvent("t@w", dt.datetime(2026, 5, 1, 12, tzinfo=TOKYO),
                          dt.datetime(2026, 5, 1, 13, tzinfo=TOKYO), "Tokyo lunch")
    (back,) = read_ics(write_ics([tokyo], BERLIN, STAMP))
    assert back.starts_at.tzinfo is TOKYO
    assert back.starts_at == tokyo.starts_at


def test_utc_when_the_local_zone_has_no_name() -> None:
    text = write_ics(EVENTS[:1], ZoneInfo("Etc/UTC"), STAMP)
    assert "DTSTART:20261201T123000Z" in text
    assert "VTIMEZONE" not in text
    (back,) = read_ics(text)
    assert back.starts_at == dt.datetime(2026, 12, 1, 12, 30, tzinfo=dt.UTC)


def test_local_zone_from_tz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    zone = local_zone()
    assert zone is not None
    assert zone.key == "America/Los_Angeles"
    monkeypatch.setenv("TZ", "Not/AZone")
    assert local_zone() is None or local_zone().key != "Not/AZone"  # type: ignore[union-attr]


def test_save_is_atomic(tmp_path: Path) -> None:
    path = save_ics(tmp_path / "lunches.ics", EVENTS, BERLIN)
    assert not (tmp_path / "lunches.ics.part").exists()
    assert [e.uid for e in read_ics(path.read_text(encoding="utf-8"))] == [
        e.uid for e in EVENTS]
