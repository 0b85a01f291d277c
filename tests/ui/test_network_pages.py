"""Spheres and hub, organisations, the strategy matrix and the weekly review, driven on real
services over a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialogButtonBox

from tests.conftest import TODAY
from wombat_desktop.core.spheres import SeatStatus
from wombat_desktop.services.demo import DemoService
from wombat_desktop.services.organizations import OrganizationDraft
from wombat_desktop.services.registry import Services
from wombat_desktop.ui import prompts
from wombat_desktop.ui.jobs import JobRunner
from wombat_desktop.ui.pages.matrix_page import MatrixPage
from wombat_desktop.ui.pages.organizations_page import OrganizationsPage
from wombat_desktop.ui.pages.spheres_page import SpheresPage
from wombat_desktop.ui.pages.weekly_page import WeeklyPage

LEFT = Qt.MouseButton.LeftButton
WAIT = 15_000


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(prompts, "error", lambda _p, _t, text: seen.append(text))
    return seen


@pytest.fixture
def jobs() -> Iterator[JobRunner]:
    runner = JobRunner()
    yield runner
    runner.wait()


@pytest.fixture
def demo(services: Services) -> Services:
    DemoService(services.db, lambda: TODAY).fill(contacts=150)
    return services


def _load(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page.reload()


def _spheres(qtbot, services: Services, jobs: JobRunner) -> SpheresPage:  # type: ignore[no-untyped-def]
    page = SpheresPage(services.spheres, services.contacts, QUndoStack(), jobs)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    _load(qtbot, page)
    return page


def test_new_sphere_from_template_shows_gaps_and_a_seat_fills(
        qtbot, services: Services, jobs: JobRunner, errors: list[str], shot) -> None:  # type: ignore[no-untyped-def]
    page = _spheres(qtbot, services, jobs)
    assert page.gap_model.rowCount() == 0
    qtbot.mouseClick(page.new_button, LEFT)
    dialog = page.dialog
    assert dialog is not None
    dialog.select_template("Accountant's sphere")
    assert "Banker" in dialog.seats()
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    assert errors == []
    sphere = page.current_sphere()
    assert sphere is not None
    assert len(sphere.seats) == 7
    assert page.gap_model.rowCount() == 7
    gap = page.gap_model.item(0)
    assert gap.status is SeatStatus.EMPTY
    shot(page, "gaps")

    # Fill the banker seat with a strong contact: that gap closes.
    from wombat_desktop.core.model import ContactDraft, Tie
    cid = services.contacts.create(ContactDraft(given_name="Bea", family_name="Banks",
                                                organization="First Bank", title="Banker"))
    services.contacts.set_tie([cid], Tie.STRONG)
    banker = next(s for s in sphere.seats if s.profession == "Banker")
    page.tabs.setCurrentIndex(0)
    with qtbot.waitSignal(page.candidatesLoaded, timeout=WAIT):
        page.select_seat(banker.id)
    row = next(i for i in range(page.candidate_list.count())
               if page.candidate_list.item(i).text().startswith("Bea Banks"))
    page.candidate_list.setCurrentRow(row)
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        qtbot.mouseClick(page.seat_button, LEFT)
    assert page.gap_model.rowCount() == 6
    assert all(g.profession != "Banker" for g in page.gap_model.items())
    # Undo takes her out again.
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page._undo.undo()
    assert page.gap_model.rowCount() == 7
    shot(page, "seated")


def test_delete_sphere_is_undoable(qtbot, demo: Services, jobs: JobRunner,
                                   errors: list[str]) -> None:  # type: ignore[no-untyped-def]
    page = _spheres(qtbot, demo, jobs)
    before = page.snapshot
    assert before is not None
    sphere = page.current_sphere()
    assert sphere is not None
    members = sum(len(s.members) for s in sphere.seats)
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        qtbot.mouseClick(page.delete_button, LEFT)
    assert page.sphere_list.count() == len(before.spheres) - 1
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page._undo.undo()
    assert errors == []
    back = next(s for s in demo.spheres.spheres() if s.name == sphere.name)
    assert sum(len(s.members) for s in back.seats) == members


def test_hub_paints_nodes(qtbot, demo: Services, jobs: JobRunner, shot) -> None:  # type: ignore[no-untyped-def]
    page = _spheres(qtbot, demo, jobs)
    page.tabs.setCurrentIndex(2)
    hub = page.hub_picture.hub
    assert hub is not None
    assert len(hub.nodes) > 5
    assert len(page.hub_picture.node_points()) == len(hub.nodes)
    assert page.hub_panel.figures["routed"].text() == str(hub.routed_referrals)
    assert not page.hub_picture.grab().isNull()
    shot(page, "hub")


def test_hub_names_never_overlap(qtbot) -> None:  # type: ignore[no-untyped-def]
    from wombat_desktop.core.hub import Link, build_hub
    from wombat_desktop.ui.widgets.hub_view import HubPicture

    names = {i: f"Long Person Name {i}" for i in range(1, 41)}
    links = [Link(i, i % 40 + 1, "referral", True) for i in range(1, 41)]
    picture = HubPicture()
    qtbot.addWidget(picture)
    for size in ((880, 560), (520, 360)):
        picture.resize(*size)
        picture.set_hub(build_hub(links, names, {}, {}, 0))
        rects = [rect for rect, _label in picture.label_rects().values()]
        assert rects
        assert not [(a, b) for i, a in enumerate(rects) for b in rects[i + 1:]
                    if a.intersects(b)]


def _orgs(qtbot, services: Services, jobs: JobRunner) -> OrganizationsPage:  # type: ignore[no-untyped-def]
    page = OrganizationsPage(services.organizations, QUndoStack(), jobs, services.today)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    _load(qtbot, page)
    return page


def test_portfolio_flags_kinds_and_returns(qtbot, services: Services, jobs: JobRunner,
                                           shot) -> None:  # type: ignore[no-untyped-def]
    orgs = services.organizations
    a = orgs.create(OrganizationDraft("North Chamber", "casual_contact", "monthly"))
    b = orgs.create(OrganizationDraft("South Chamber", "casual_contact", "monthly"))
    orgs.join(a)
    orgs.join(b)
    page = _orgs(qtbot, services, jobs)
    text = page.summary.text()
    assert "Joined twice" in text
    assert "Missing" in text
    assert "Online community" in text
    row = page.org_model.row_where(lambda o: o.id == a)
    assert page.org_model.item(row).kind_joined_twice
    assert "⚠" in page.org_model.index(row, 1).data()
    assert page.org_model.index(row, 7).data() == "0 referrals"
    shot(page)


def test_join_and_leave_with_undo(qtbot, demo: Services, jobs: JobRunner,
                                  errors: list[str], shot) -> None:  # type: ignore[no-untyped-def]
    page = _orgs(qtbot, demo, jobs)
    free = next(o for o in page.org_model.items() if not o.joined)
    page.select_org(free.id)
    qtbot.mouseClick(page.join_button, LEFT)
    dialog = page.join_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.role_edit, "Greeter")
    qtbot.keyClicks(dialog.positions_edit, "Welcomes visitors at the door")
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    assert errors == []
    membership = page.membership_of(free.id)
    assert membership is not None
    assert membership.role == "Greeter"
    page.select_org(free.id)
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        qtbot.mouseClick(page.leave_button, LEFT)
    assert page.membership_of(free.id) is None
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page._undo.undo()
    back = page.membership_of(free.id)
    assert back is not None
    assert back.visibility_positions == "Welcomes visitors at the door"
    page.tabs.setCurrentIndex(1)
    shot(page, "memberships")


def test_matrix_stage_steps_and_snapshot(qtbot, demo: Services, jobs: JobRunner,
                                         shot) -> None:  # type: ignore[no-untyped-def]
    page = MatrixPage(demo.matrix, jobs)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    _load(qtbot, page)
    assert page.result is not None
    assert page.stage_label.text() == page.result.stage.value
    assert len(page.steps) == 3
    assert page.steps_label.text().startswith("1. ")
    before = page.chart.point_count()
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        qtbot.mouseClick(page.save_button, LEFT)
    assert page.chart.point_count() == before + 1
    assert page.grid.stage is page.result.stage
    shot(page)


def _weekly(qtbot, services: Services, jobs: JobRunner) -> WeeklyPage:  # type: ignore[no-untyped-def]
    page = WeeklyPage(services.weekly, jobs)
    qtbot.addWidget(page)
    page.resize(1000, 640)
    page.show()
    _load(qtbot, page)
    return page


def test_weekly_review_lists_sections(qtbot, demo: Services, jobs: JobRunner, shot) -> None:  # type: ignore[no-untyped-def]
    page = _weekly(qtbot, demo, jobs)
    titles = page.section_titles()
    assert [t.split(" (")[0] for t in titles] == [
        "Sphere gaps", "Stale materials", "Scripts to rehearse", "Organisations not attended"]
    assert page.review is not None
    assert not page.review.is_clear
    assert page.all_clear.isHidden()
    gaps = page.tree.topLevelItem(0)
    assert gaps.childCount() == len(page.review.sphere_gaps)
    with qtbot.waitSignal(page.openRequested, timeout=WAIT) as opened:
        page.tree.setCurrentItem(gaps.child(0))
        qtbot.mouseClick(page.open_button, LEFT)
    assert opened.args == ["spheres"]
    shot(page)


def test_weekly_review_all_clear(qtbot, services: Services, jobs: JobRunner, shot) -> None:  # type: ignore[no-untyped-def]
    page = _weekly(qtbot, services, jobs)
    assert page.review is not None
    assert page.review.is_clear
    assert page.all_clear.isVisible()
    assert page.tree.isHidden()
    # An empty plan is not "all clear": it says where to start.
    assert not page.review.plan_started
    assert "Start your plan" in page.all_clear.text()
    assert "Every seat" not in page.all_clear.text()
    shot(page)


def test_weekly_review_all_clear_once_started(qtbot, services: Services,  # type: ignore[no-untyped-def]
                                              jobs: JobRunner) -> None:
    services.messages.add_hook("I make paper people keep.")
    page = _weekly(qtbot, services, jobs)
    assert page.review is not None
    assert page.review.is_clear
    assert page.review.plan_started
    assert "All clear" in page.all_clear.text()
