"""The Print kits page: build off the UI thread, preview every page, save, notice, print."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale, Qt
from PySide6.QtPrintSupport import QPrinter

from wombat_desktop.core.kits.data import KitKind, Paper
from wombat_desktop.services.demo import DemoService
from wombat_desktop.services.kits import KitService
from wombat_desktop.services.registry import Services
from wombat_desktop.ui import prompts
from wombat_desktop.ui.jobs import JobRunner
from wombat_desktop.ui.pages.kits_page import KitsPage, default_paper
from wombat_desktop.ui.widgets.pdf_preview import paint_pages

TIMEOUT = 60_000


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(prompts, "error", lambda _p, _t, text: seen.append(text))
    return seen


@pytest.fixture
def page(qtbot, services: Services, errors: list[str]) -> KitsPage:  # type: ignore[no-untyped-def]
    DemoService(services.db, services.today).fill(contacts=120)
    widget = KitsPage(services.kits, JobRunner(), services.today)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    widget.reload()
    return widget


def test_paper_follows_the_locale() -> None:
    assert default_paper(QLocale("en_US")) is Paper.LETTER
    assert default_paper(QLocale("fr_CA")) is Paper.LETTER
    assert default_paper(QLocale("de_DE")) is Paper.A4
    assert default_paper(QLocale("zh_CN")) is Paper.A4


def test_next_upcoming_event_is_chosen(page: KitsPage, services: Services) -> None:
    assert page.event_combo.count() == len(services.kits.events())
    assert page.event_combo.currentData() == services.kits.resolve_event(None)
    page.choose(KitKind.CALLSHEET, Paper.A4)
    assert not page.event_combo.isEnabled()  # a call sheet is not about one event


def test_build_prep_pack_on_letter_preview_and_save(qtbot, page: KitsPage, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                    errors: list[str], shot) -> None:
    page.choose(KitKind.PREP, Paper.LETTER)
    with qtbot.waitSignal(page.built, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
        assert page.progress.isVisible()  # the UI runs on while the job builds
        assert not page.build_button.isEnabled()
    result = blocker.args[0]
    assert errors == []
    assert result.kind is KitKind.PREP
    assert result.paper is Paper.LETTER
    assert result.pages >= 2
    assert len(page.preview.page_labels) == result.pages
    pix = page.preview.page_labels[0].pixmap()
    assert not pix.isNull()
    assert pix.height() / pix.width() == pytest.approx(11 / 8.5, rel=0.02)  # Letter, not A4
    assert page.save_button.isEnabled()
    assert page.print_button.isEnabled()
    shot(page)
    saved = page.save_to(str(tmp_path / "prep.pdf"))
    assert saved is not None
    assert saved.exists()
    assert len(PdfReader(saved).pages) == result.pages
    assert not (tmp_path / "prep.pdf.part").exists()


def test_missing_scripts_are_shown(qtbot, page: KitsPage, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                   shot) -> None:
    real = KitService.build

    def build(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        result = real(self, *args, **kwargs)
        return dataclasses.replace(result, missing_scripts=("Korean", "Hebrew"),
                                   notes=("Arabic prints without joined letters.",))

    monkeypatch.setattr(KitService, "build", build)
    page.choose(KitKind.HANDOUT, Paper.A4)
    with qtbot.waitSignal(page.built, timeout=TIMEOUT):
        page.build()
    assert page.notice_label.isVisible()
    assert "Korean, Hebrew" in page.notice_label.text()
    assert "Cannot print on this computer" in page.notice_label.text()
    assert "joined letters" in page.notice_label.text()
    shot(page)
    monkeypatch.setattr(KitService, "build", real)
    with qtbot.waitSignal(page.built, timeout=TIMEOUT):
        page.build()
    assert page.notice_label.isHidden()


def test_build_error_is_reported(qtbot, page: KitsPage, errors: list[str],  # type: ignore[no-untyped-def]
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_a, **_k):  # type: ignore[no-untyped-def]
        raise OSError("disk full")

    monkeypatch.setattr(KitService, "build", fail)
    page.build()
    qtbot.waitUntil(lambda: page.build_button.isEnabled(), timeout=TIMEOUT)
    assert errors == ["disk full"]
    assert page.preview.page_labels == []


def test_print_pages_to_a_pdf_printer(qtbot, page: KitsPage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.choose(KitKind.HANDOUT, Paper.A4)
    with qtbot.waitSignal(page.built, timeout=TIMEOUT) as blocker:
        page.build()
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    page.printer = printer  # what the print dialog configures
    with qtbot.waitSignal(page.printed, timeout=TIMEOUT) as printed:
        page.print_now()
    assert printed.args == [True]
    assert len(PdfReader(out).pages) == blocker.args[0].pages
    assert paint_pages(printer, []) is True


def test_events_in_date_order_and_paper_from_the_profile(page: KitsPage,
                                                         services: Services) -> None:
    from wombat_desktop.services.events import EventDraft

    services.events.create(EventDraft("May lunch", dt.datetime(2026, 5, 6, 12, 0)))
    services.events.create(EventDraft("December gala", dt.datetime(2026, 12, 1, 19, 0)))
    page.reload()
    today = services.today()
    whens = [next(e.starts_at for e in services.kits.events() if e.id == page.event_combo
                  .itemData(i)) for i in range(page.event_combo.count())]
    upcoming = [w for w in whens if w.date() >= today]
    past = [w for w in whens if w.date() < today]
    assert whens == sorted(upcoming) + sorted(past, reverse=True)
    assert page.paper_combo.currentData() == Paper.LETTER  # the demo user is in the US


def test_save_to_a_missing_folder_is_refused(qtbot, page: KitsPage, tmp_path: Path,  # type: ignore[no-untyped-def]
                                             errors: list[str]) -> None:
    page.choose(KitKind.HANDOUT, Paper.A4)
    with qtbot.waitSignal(page.built, timeout=TIMEOUT):
        page.build()
    target = tmp_path / "nonexistent" / "x.pdf"
    assert page.save_to(str(target)) is None
    assert errors == [f"cannot write {target}: the folder does not exist"]
    assert not target.parent.exists()
