"""Typed values (e-mails, phones, URLs) as editable lines: ``work, cell: +1 555 0100``."""

from __future__ import annotations

from collections.abc import Sequence

from wombat_desktop.core.model import TypedValue


def format_typed_lines(values: Sequence[TypedValue]) -> str:
    """One value a line, prefixed by its label or types when it has any."""
    lines = []
    for v in values:
        prefix = v.label or ", ".join(v.types)
        lines.append(f"{prefix}: {v.value}" if prefix else v.value)
    return "\n".join(lines)


def parse_typed_lines(text: str, previous: Sequence[TypedValue] = ()) -> list[TypedValue]:
    """Read lines back; values seen before keep their preference flag and label."""
    known = {v.value: v for v in previous}
    out: list[TypedValue] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        prefix, value = "", line
        head, sep, tail = line.partition(": ")
        if sep and head and "@" not in head and not any(ch.isdigit() for ch in head):
            prefix, value = head.strip(), tail.strip()
        if not value:
            continue
        old = known.get(value)
        if old is not None and prefix in (old.label, ", ".join(old.types)):
            out.append(TypedValue(value, list(old.types), old.pref, old.label))
            continue
        types = [t.strip().lower() for t in prefix.split(",") if t.strip()]
        out.append(TypedValue(value, types))
    return out
