"""Every area of the window opens on the demo network without an error message."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import TODAY
from wombat_desktop.services.demo import DemoService
from wombat_desktop.services.registry import Services
from wombat_desktop.ui import prompts
from wombat_desktop.ui.main_window import MainWindow
from wombat_desktop.ui.page_specs import PAGES


def test_every_page_opens_and_loads(qtbot, services: Services, tmp_path: Path,  # type: ignore[no-untyped-def]
                                    monkeypatch: pytest.MonkeyPatch, shot) -> None:
    errors: list[str] = []
    monkeypatch.setattr(prompts, "error", lambda _p, title, text: errors.append(f"{title}: {text}"))
    DemoService(services.db, lambda: TODAY).fill(contacts=80)
    win = MainWindow(services, tmp_path / "w.ini", today=lambda: TODAY)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    win.contacts_page.set_all(services.contacts.list_items())
    for row, spec in enumerate(PAGES):
        win.show_page(spec.key)
        assert win.nav.currentRow() == row
        win.jobs.wait(30_000)
        qtbot.wait(20)
        page = win.pages[spec.key]
        assert win.stack.currentWidget() is page
        assert page.isVisible()
        shot(win, spec.key)
    assert errors == []
    assert [win.nav.item(r).text() for r in range(win.nav.count())] == [
        "Contacts", "Weekly review", "Scan cards", "Lunches", "Events", "Print kits",
        "Messages & materials", "Memory hooks", "Introductions", "Spheres & hub",
        "Organisations", "Strategy matrix"]
