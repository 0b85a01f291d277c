"""The promotional-material checklist: exact titles and staleness hints."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from wombat_desktop.core import checklist as cl
from wombat_desktop.core.demo_plan import MATERIAL_TITLES, TOOL_TITLES
from wombat_desktop.core.errors import ValidationError

TODAY = dt.date(2026, 11, 22)
PLAN = Path(__file__).resolve().parents[3] / "shared" / "WOMBAT.md"


def test_exactly_eighteen_materials_and_three_tools() -> None:
    assert len(cl.MATERIALS) == 18
    assert len(cl.TOOLS) == 3
    assert list(cl.MATERIALS) == MATERIAL_TITLES
    assert list(cl.TOOLS) == TOOL_TITLES


@pytest.mark.skipif(not PLAN.exists(), reason="the plan text is not checked out")
def test_titles_are_the_plans_own_wording() -> None:
    text = PLAN.read_text(encoding="utf-8")
    section = text.split("**Promotional-material checklist.**")[1].split("5. **Networking")[0]
    listed = [re.sub(r"\s+", " ", m) for m in re.findall(r"^\s+\d+\. (.+)$", section, re.M)]
    assert listed == list(cl.MATERIALS)


def test_title_of_rejects_unknown_items() -> None:
    assert cl.title_of("tool", 1) == "A well-made name badge"
    with pytest.raises(ValidationError, match="1 to 18"):
        cl.title_of("material", 19)
    with pytest.raises(ValidationError, match="Unknown checklist section"):
        cl.title_of("poster", 1)


def test_photos_go_stale_after_twelve_months() -> None:
    fresh = cl.stale_hint("material", 2, True, dt.date(2026, 1, 10), TODAY)
    old = cl.stale_hint("material", 2, True, dt.date(2025, 9, 1), TODAY)
    assert fresh == ""
    assert old.startswith("14 months old")


def test_annual_report_allows_fifteen_months() -> None:
    assert not cl.is_stale("material", 12, True, dt.date(2025, 9, 1), TODAY)
    assert cl.is_stale("material", 12, True, dt.date(2025, 7, 1), TODAY)


def test_missing_items_logos_and_tools_are_never_stale() -> None:
    assert cl.stale_hint("material", 2, False, dt.date(2010, 1, 1), TODAY) == ""
    assert cl.stale_hint("material", 10, True, dt.date(2010, 1, 1), TODAY) == ""
    assert cl.stale_hint("tool", 1, True, dt.date(2010, 1, 1), TODAY) == ""


def test_undated_item_asks_for_a_date() -> None:
    assert "every 12 months" in cl.stale_hint("material", 3, True, None, TODAY)


def test_months_between() -> None:
    assert cl.months_between(dt.date(2025, 11, 22), TODAY) == 12
    assert cl.months_between(dt.date(2025, 11, 23), TODAY) == 11
