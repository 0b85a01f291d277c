"""iCalendar (.ics) writing and reading with vobject, for lunches.

The database stores naive *local* datetimes; here they get the local IANA time zone (found
with the standard library only: ``$TZ``, ``/etc/localtime``, ``/etc/timezone``), written as
``DTSTART;TZID=Europe/Berlin`` with a matching VTIMEZONE. When no IANA name can be found
(e.g. on Windows without one), times are converted to UTC and written with ``Z``. Both forms
are what Google Calendar, Outlook and Thunderbird import. vobject escapes ``,;\\`` and new
lines in text values. Importing this module loads vobject (~0.3 s): import it lazily.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import vobject
from vobject.icalendar import utc as vutc

PRODID = "-//WOMBAT Desktop//Lunch planner//EN"
UTC_NAMES = {"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Zulu", "Etc/Zulu", "GMT", "Etc/GMT"}


class _Zone(ZoneInfo):
    """A ZoneInfo that tells vobject its IANA name (vobject looks for ``tzid``)."""

    @property
    def tzid(self) -> str:
        return self.key


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    """One event. Times are aware (any zone) or naive local times."""

    uid: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    summary: str
    location: str = ""
    description: str = ""


def _zone(name: str) -> ZoneInfo | None:
    name = name.strip().lstrip(":")
    if not name:
        return None
    try:
        return _Zone(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def local_zone() -> ZoneInfo | None:
    """The local IANA time zone, or None when the system does not name one."""
    if (tz := os.environ.get("TZ")) and (zone := _zone(tz)):
        return zone
    link = Path("/etc/localtime")
    try:
        target = str(link.resolve())
    except OSError:
        target = ""
    if "zoneinfo/" in target and (zone := _zone(target.split("zoneinfo/", 1)[1])):
        return zone
    try:
        name = Path("/etc/timezone").read_text(encoding="utf-8").strip()
    except OSError:
        name = ""
    return _zone(name)


def _aware(value: dt.datetime, zone: ZoneInfo | None) -> dt.datetime:
    """Attach the zone to a naive local time; write UTC when there is no usable zone."""
    if value.tzinfo is None:
        if zone is not None and zone.key not in UTC_NAMES:
            return value.replace(tzinfo=_Zone(zone.key))
        value = value.astimezone()  # the system's idea of local time (fixed offset)
    elif isinstance(value.tzinfo, ZoneInfo) and value.tzinfo.key not in UTC_NAMES:
        return value.replace(tzinfo=_Zone(value.tzinfo.key))
    return value.astimezone(vutc)


def write_ics(events: Iterable[CalendarEvent], zone: ZoneInfo | None = None,
              stamp: dt.datetime | None = None) -> str:
    """Serialise events to iCalendar text (CRLF line ends, folded at 75 octets).

    Args:
        events: the events; naive times are local times in ``zone``.
        zone: the local zone (default: `local_zone()`).
        stamp: DTSTAMP for every event (default: now).
    """
    zone = zone if zone is not None else local_zone()
    now = (stamp or dt.datetime.now(dt.UTC)).astimezone(vutc)
    cal = vobject.iCalendar()
    cal.add("prodid").value = PRODID
    cal.add("calscale").value = "GREGORIAN"
    cal.add("method").value = "PUBLISH"
    for e in events:
        ev = cal.add("vevent")
        ev.add("uid").value = e.uid
        ev.add("dtstamp").value = now
        ev.add("dtstart").value = _aware(e.starts_at, zone)
        ev.add("dtend").value = _aware(e.ends_at, zone)
        ev.add("summary").value = e.summary
        if e.location:
            ev.add("location").value = e.location
        if e.description:
            ev.add("description").value = e.description
    return str(cal.serialize())


def _read_time(prop: object) -> dt.datetime:
    value = prop.value  # type: ignore[attr-defined]
    if not isinstance(value, dt.datetime):  # an all-day DATE
        value = dt.datetime.combine(value, dt.time())
    tzids = getattr(prop, "params", {}).get("TZID") or []
    tz = value.tzinfo
    name = tzids[0] if tzids else str(
        getattr(tz, "tzid", "") or getattr(tz, "key", "") or getattr(tz, "_tzid", "") or "")
    if name and name not in UTC_NAMES:
        # Prefer the IANA zone of that name over vobject's VTIMEZONE reconstruction.
        try:
            return value.replace(tzinfo=ZoneInfo(name))
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
    if value.tzinfo is not None and value.utcoffset() == dt.timedelta(0):
        return value.replace(tzinfo=dt.UTC)
    return value


def read_ics(text: str) -> list[CalendarEvent]:
    """Parse every VEVENT of one or more calendars."""
    out: list[CalendarEvent] = []
    for cal in vobject.readComponents(text):
        for ev in cal.contents.get("vevent", []):
            start = _read_time(ev.dtstart)
            if hasattr(ev, "dtend"):
                end = _read_time(ev.dtend)
            elif hasattr(ev, "duration"):
                end = start + ev.duration.value
            else:
                end = start
            out.append(CalendarEvent(
                uid=ev.uid.value if hasattr(ev, "uid") else "",
                starts_at=start, ends_at=end,
                summary=ev.summary.value if hasattr(ev, "summary") else "",
                location=ev.location.value if hasattr(ev, "location") else "",
                description=ev.description.value if hasattr(ev, "description") else "",
            ))
    return out


def save_ics(path: str | Path, events: Iterable[CalendarEvent],
             zone: ZoneInfo | None = None) -> Path:
    """Write a .ics file atomically (``*.part`` then rename)."""
    target = Path(path)
    part = target.with_name(target.name + ".part")
    part.write_bytes(write_ics(events, zone).encode("utf-8"))
    part.replace(target)
    return target
