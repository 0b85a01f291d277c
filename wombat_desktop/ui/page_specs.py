"""The areas of the plan the window lists, in order, each built the first time it is shown.

A page factory imports its module inside, so that opening the window pays only for the
Contacts page; every other page (and the libraries behind it) loads on first use.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from wombat_desktop.services.registry import Services
from wombat_desktop.ui.jobs import JobRunner


@dataclass(frozen=True, slots=True)
class PageContext:
    services: Services
    undo_stack: QUndoStack
    jobs: JobRunner
    today: Callable[[], dt.date]


@dataclass(frozen=True, slots=True)
class PageSpec:
    key: str
    label: str
    tip: str
    build: Callable[[PageContext], QWidget] | None  # None: built by the window itself


def _weekly(c: PageContext) -> QWidget:
    from wombat_desktop.ui.pages.weekly_page import WeeklyPage

    return WeeklyPage(c.services.weekly, c.jobs)


def _scan(c: PageContext) -> QWidget:
    from wombat_desktop.ui.pages.scan_page import ScanPage

    return ScanPage(c.services.scanning, c.jobs)


def _followups(c: PageContext) -> QWidget:
    from wombat_desktop.ui.pages.followups_page import FollowUpsPage

    s = c.services
    return FollowUpsPage(s.followups, c.undo_stack, c.jobs, c.today,
                         lambda: _organizations(s), lambda: s.interactions.losing_touch(500))


def _events(c: PageContext) -> QWidget:
    from wombat_desktop.ui.pages.events_page import EventsPage

    return EventsPage(c.services.events, c.services.contacts, c.undo_stack, c.jobs, c.today)


def _kits(c: PageContext) -> QWidget:
    from wombat_desktop.ui.pages.kits_page import KitsPage

    return KitsPage(c.services.kits, c.jobs, c.today)


def _messages(c: PageContext) -> QWidget:
    from wombat_desktop.ui.pages.messages_page import MessagesPage

    return MessagesPage(c.services.messages, c.undo_stack, c.jobs, c.today)


def _hooks(c: PageContext) -> QWidget:
    from wombat_desktop.ui.pages.hooks_page import HooksPage

    events = c.services.events
    return HooksPage(c.services.messages, c.undo_stack, c.jobs, lambda: [
        (e.id, f"{e.starts_at:%Y-%m-%d} {e.name}" if e.starts_at else e.name)
        for e in events.list_events()])


def _scripts(c: PageContext) -> QWidget:
    from wombat_desktop.ui.pages.scripts_page import ScriptsPage

    return ScriptsPage(c.services.messages, c.undo_stack, c.jobs)


def _spheres(c: PageContext) -> QWidget:
    from wombat_desktop.ui.pages.spheres_page import SpheresPage

    return SpheresPage(c.services.spheres, c.services.contacts, c.undo_stack, c.jobs)


def _organizations_page(c: PageContext) -> QWidget:
    from wombat_desktop.ui.pages.organizations_page import OrganizationsPage

    return OrganizationsPage(c.services.organizations, c.undo_stack, c.jobs, c.today)


def _matrix(c: PageContext) -> QWidget:
    from wombat_desktop.ui.pages.matrix_page import MatrixPage

    return MatrixPage(c.services.matrix, c.jobs)


def _organizations(services: Services) -> list[tuple[int, str]]:
    """Organisations to invite people to visit: the ones the user belongs to (else all)."""
    portfolio = services.organizations.portfolio()
    return [(o.id, o.name) for o in (portfolio.joined or portfolio.organizations)]


def _tr(text: str) -> str:
    return QT_TRANSLATE_NOOP("MainWindow", text)


PAGES: tuple[PageSpec, ...] = (
    PageSpec("contacts", _tr("Contacts"), _tr("Everyone you know, strong and weak (I.1–I.2)"),
             None),
    PageSpec("weekly", _tr("Weekly review"), _tr(
        "Your Monday desk ritual: sphere gaps, stale materials, scripts to rehearse, "
        "meetings missed"), _weekly),
    PageSpec("scan", _tr("Scan cards"), _tr(
        "Photos and scans of paper business cards become contacts, offline (I.1)"), _scan),
    PageSpec("followups", _tr("Lunches"), _tr(
        "Plan sections 11–12: invite the people you referred who never sent business back, "
        "and call the people you want to do business with to set a lunch"), _followups),
    PageSpec("events", _tr("Events"), _tr(
        "Networking events: goals, who to meet, who you met"), _events),
    PageSpec("kits", _tr("Print kits"), _tr(
        "Handout, prep pack, call sheet and the whole plan as print-ready PDFs"), _kits),
    PageSpec("messages", _tr("Messages & materials"), _tr(
        "Plan II.1–II.8: image, press, the 18-item checklist, networking tools, incentives"),
        _messages),
    PageSpec("hooks", _tr("Memory hooks"), _tr(
        "Plan II.9: vivid phrases, their versions and where you used them"), _hooks),
    PageSpec("scripts", _tr("Introductions"), _tr(
        "Plan II.10: 10-, 30- and 60-second self-introductions; rehearse them"), _scripts),
    PageSpec("spheres", _tr("Spheres & hub"), _tr(
        "Plan I.3–I.4: contact spheres, their gaps and who you connected to whom"), _spheres),
    PageSpec("organizations", _tr("Organisations"), _tr(
        "Plan I.5 and II.8: your portfolio of networking groups and your memberships"),
        _organizations_page),
    PageSpec("matrix", _tr("Strategy matrix"), _tr(
        "Plan 13: where you stand, and the next three steps"), _matrix),
)
