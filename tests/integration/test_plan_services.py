"""The plan workbook services on a real SQLite file: spheres, hub, organisations, messages,
matrix and the weekly review, on an empty plan and on the demo network."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from wombat_desktop.core import checklist as cl
from wombat_desktop.core.errors import NotFoundError, ValidationError
from wombat_desktop.core.matrix import MatrixStage
from wombat_desktop.core.model import ContactDraft, ReferralDirection, Tie
from wombat_desktop.core.scripts import ScriptParts
from wombat_desktop.core.spheres import SeatStatus
from wombat_desktop.services.contacts import ContactService
from wombat_desktop.services.demo import DemoService
from wombat_desktop.services.matrix import MatrixService
from wombat_desktop.services.messages import MessageService
from wombat_desktop.services.organizations import OrganizationDraft, OrganizationService
from wombat_desktop.services.referrals import ReferralDraft, ReferralService
from wombat_desktop.services.spheres import SphereService
from wombat_desktop.services.weekly import WeeklyService
from wombat_desktop.storage.database import Database

TODAY = dt.date(2026, 11, 22)
NOW = dt.datetime(2026, 11, 22, 10, 0)


class Plan:
    def __init__(self, db: Database) -> None:
        def today() -> dt.date:
            return TODAY

        def now() -> dt.datetime:
            return NOW

        self.contacts = ContactService(db, today)
        self.referrals = ReferralService(db, today)
        self.spheres = SphereService(db, today)
        self.orgs = OrganizationService(db, today)
        self.messages = MessageService(db, today, now)
        self.matrix = MatrixService(db, today, now)
        self.weekly = WeeklyService(db, today, now)


@pytest.fixture
def plan(db: Database) -> Plan:
    return Plan(db)


@pytest.fixture
def demo(db: Database) -> Plan:
    DemoService(db, lambda: TODAY).fill(contacts=300)
    return Plan(db)


# --- the demo network ------------------------------------------------------------------------


def test_demo_has_sphere_gaps_with_recruiting_advice(demo: Plan) -> None:
    gaps = demo.spheres.gaps()
    assert gaps
    assert all(g.status in (SeatStatus.EMPTY, SeatStatus.THIN) for g in gaps)
    assert any(g.recruit_at == ("Rose City Referral Circle",) for g in gaps)
    spheres = demo.spheres.spheres()
    assert spheres[0].is_mine
    assert any(m.tie is Tie.STRONG for s in spheres for seat in s.seats for m in seat.members)


def test_demo_portfolio_has_kinds_and_returns(demo: Plan) -> None:
    view = demo.orgs.portfolio()
    assert len(view.kinds_joined) == 5
    assert set(view.kinds_missing) == {"social_business", "women_minority"}
    circle = next(o for o in view.organizations if o.name == "Rose City Referral Circle")
    assert circle.joined
    assert circle.referrals_received > 0
    assert circle.role == "Vice president"
    assert view.dues_per_year > 0


def test_demo_matrix_position_and_snapshots(demo: Plan) -> None:
    result = demo.matrix.compute()
    assert 0 < result.network <= 100
    assert 0 < result.message <= 100
    assert isinstance(result.stage, MatrixStage)
    assert 1 <= len(result.next_steps) <= 3
    first = demo.matrix.save_snapshot()
    assert first.stage == result.stage.value
    demo.matrix.save_snapshot()
    assert [s.id for s in demo.matrix.snapshots()] == [first.id, first.id + 1]


def test_demo_weekly_review(demo: Plan) -> None:
    review = demo.weekly.review()
    assert review.week_of == dt.date(2026, 11, 16)
    assert review.sphere_gaps
    assert review.scripts_to_rehearse  # the demo never rehearsed
    assert not review.is_clear
    for script in demo.messages.intro_scripts():
        demo.messages.mark_rehearsed(script.id)
    assert demo.weekly.review().scripts_to_rehearse == ()


def test_demo_hub_picture(demo: Plan) -> None:
    hub = demo.spheres.hub()
    assert hub.routed_referrals > 0
    assert hub.nodes[0].label == "You"
    assert len(hub.nodes) > 1
    assert hub.edges
    assert {n.tie for n in hub.nodes[1:]} <= {"strong", "weak"}


def test_demo_messages(demo: Plan) -> None:
    m = demo.messages
    assert m.profile().image_statement
    assert len(m.press_topics()) == 4
    assert m.clippings()
    check = m.checklist()
    assert [i.title for i in check.materials] == list(cl.MATERIALS)
    assert len(check.tools) == 3
    assert [t.target for t in m.incentives()] == ["clients", "employees", "suppliers", "others"]
    assert all(t.best is not None for t in m.incentives())
    assert len(m.memberships()) == 5
    hooks = m.memory_hooks()
    assert hooks[0].uses
    assert "for visitors" in hooks[0].tags
    assert {s.seconds for s in m.intro_scripts()} == {10, 30, 60}


def test_hook_versions_tags_and_uses(demo: Plan) -> None:
    m = demo.messages
    first = m.memory_hooks()[0]
    event_id = first.uses[0].event_id
    new_id = m.revise_hook(first.id, "I make paper nobody throws away.")
    assert m.revise_hook(new_id, "I make paper nobody throws away.") == new_id
    hook = next(h for h in m.memory_hooks() if h.id == new_id)
    assert hook.version == 2
    assert [v.id for v in hook.history] == [first.id]
    assert hook.tags == first.tags
    assert hook.uses  # uses of earlier versions stay visible
    m.set_hook_tags(new_id, ["for visitors", "short", "short"])
    m.mark_hook_used(new_id, event_id)
    hook = next(h for h in m.memory_hooks() if h.id == new_id)
    assert hook.tags == ("for visitors", "short")
    m.archive_hook(new_id)
    assert new_id not in [h.id for h in m.memory_hooks(include_archived=False)]
    m.delete_hook(new_id)
    assert first.id not in [h.id for h in m.memory_hooks()]
    with pytest.raises(NotFoundError):
        m.mark_hook_used(new_id, event_id)


# --- an empty plan, filled by hand -------------------------------------------------------


def test_empty_plan_reads(plan: Plan) -> None:
    assert plan.spheres.spheres() == []
    assert plan.spheres.gaps() == []
    result = plan.matrix.compute()
    assert result.stage is MatrixStage.STARTING_OUT
    assert len(result.next_steps) == 3
    assert all(p.is_empty for p in plan.messages.press_topics())
    check = plan.messages.checklist()
    assert check.have == 0
    assert len(check.materials) == 18
    assert len(plan.orgs.portfolio().kinds_missing) == 7
    assert plan.weekly.review().is_clear
    assert plan.spheres.hub().score == 0
    assert plan.messages.profile().name == ""


def test_templates_are_seeded_once_and_copied(plan: Plan) -> None:
    templates = plan.spheres.templates()
    assert len(templates) >= 12
    assert len(plan.spheres.templates()) == len(templates)
    realtor = next(t for t in templates if t.profession == "Real-estate agent")
    sid = plan.spheres.create_from_template(realtor.id, is_mine=True)
    mine = plan.spheres.sphere(sid)
    assert [s.profession for s in mine.seats] == [s.profession for s in realtor.seats]
    assert not mine.is_template
    with pytest.raises(ValidationError, match="not a template"):
        plan.spheres.create_from_template(sid)


def test_seats_members_gaps_and_recruiting(plan: Plan) -> None:
    broker = plan.contacts.create(ContactDraft(given_name="Mia", family_name="Broker",
                                               title="Mortgage broker"))
    plan.contacts.set_tie([broker], Tie.STRONG)
    lawyer = plan.contacts.create(ContactDraft(given_name="Leo", title="Attorney"))
    sid = plan.spheres.create("Home", "Real-estate agent", ["Mortgage broker", "Lawyer"])
    seat_ids = [s.id for s in plan.spheres.sphere(sid).seats]
    banker = plan.spheres.add_seat(sid, "Banker")
    plan.spheres.add_member(seat_ids[0], broker)
    plan.spheres.add_member(seat_ids[1], lawyer)
    oid = plan.orgs.create(OrganizationDraft("Circle", "strong_contact", "weekly",
                                             professions="Banker, Lawyer"))
    assert plan.spheres.gaps()[0].recruit_at == ()  # not joined yet
    plan.orgs.join(oid, "Member")
    gaps = plan.spheres.gaps()
    assert [(g.profession, g.status) for g in gaps] == [("Banker", SeatStatus.EMPTY),
                                                        ("Lawyer", SeatStatus.THIN)]
    assert gaps[0].recruit_at == ("Circle",)
    assert [c.id for c in plan.spheres.candidates(seat_ids[1])] == []  # Leo is seated
    plan.spheres.remove_member(seat_ids[1], lawyer)
    assert [c.id for c in plan.spheres.candidates(seat_ids[1])] == [lawyer]
    plan.spheres.remove_seat(banker)
    assert plan.spheres.coverage().covered == 1
    with pytest.raises(NotFoundError):
        plan.spheres.set_members(seat_ids[0], [999])
    with pytest.raises(ValidationError, match="name"):
        plan.spheres.create("   ")
    plan.spheres.delete(sid)
    with pytest.raises(NotFoundError):
        plan.spheres.sphere(sid)


def test_organisations_validation_attendance_and_returns(plan: Plan) -> None:
    with pytest.raises(ValidationError, match="Unknown organisation kind"):
        plan.orgs.create(OrganizationDraft("X", "club"))
    with pytest.raises(ValidationError, match="negative"):
        plan.orgs.create(OrganizationDraft("X", "online", dues_per_year=-1))
    a = plan.orgs.create(OrganizationDraft("Chamber A", "casual_contact", "monthly"))
    b = plan.orgs.create(OrganizationDraft("Chamber B", "casual_contact", "monthly"))
    plan.orgs.join(a)
    plan.orgs.join(b, "Ambassador", "Greeter")
    view = plan.orgs.portfolio()
    assert view.kinds_twice == ("casual_contact",)
    assert plan.orgs.get(b).visibility_positions == "Greeter"
    assert plan.orgs.get(a).days_overdue == 0
    plan.orgs.record_attendance(a)
    assert plan.orgs.get(a).days_overdue is None
    with pytest.raises(ValidationError, match="future"):
        plan.orgs.record_attendance(a, TODAY + dt.timedelta(days=1))
    cid = plan.contacts.create(ContactDraft(given_name="Ann"))
    plan.referrals.record(ReferralDraft(ReferralDirection.RECEIVED.value, cid,
                                        organization_id=a))
    assert plan.orgs.get(a).referrals_received == 1
    plan.orgs.leave(b)
    assert plan.orgs.portfolio().kinds_twice == ()
    plan.orgs.delete(a)
    with pytest.raises(NotFoundError):
        plan.orgs.get(a)


def test_press_clippings_and_attachments(plan: Plan, tmp_path: Path) -> None:
    m = plan.messages
    m.set_image_statement("The printer people call first.")
    assert m.profile().image_statement == "The printer people call first."
    m.set_press_topic(2, "Letterpress is back", "Weekly", "pitched")
    assert [p.topic for p in m.press_topics()] == ["", "Letterpress is back", "", ""]
    m.set_press_topic(2, "")
    assert all(p.is_empty for p in m.press_topics())
    with pytest.raises(ValidationError, match="1 to 4"):
        m.set_press_topic(5, "x")
    scan = tmp_path / "clip.pdf"
    scan.write_bytes(b"%PDF")
    cid = m.save_clipping("Local printer honoured", "Chamber news", TODAY, files=[scan])
    (clip,) = m.clippings()
    assert clip.attachments[0].file_name == "clip.pdf"
    with pytest.raises(ValidationError, match="no file"):
        m.attach_to_clipping(cid, tmp_path / "missing.pdf")
    m.remove_attachment(clip.attachments[0].id)
    m.delete_clipping(cid)
    assert m.clippings() == []


def test_checklist_marks_dates_notes_files(plan: Plan, tmp_path: Path) -> None:
    m = plan.messages
    m.set_have("material", 2, True, dt.date(2025, 6, 1))
    photos = m.checklist().materials[1]
    assert photos.have
    assert photos.is_stale
    m.mark_refreshed("material", 2)
    assert m.checklist().materials[1].last_refreshed_on == TODAY
    m.set_have("material", 2, True)  # ticking again keeps the date
    assert m.checklist().materials[1].last_refreshed_on == TODAY
    m.set_item_notes("tool", 1, "Order a magnetic one")
    file = tmp_path / "badge.png"
    file.write_bytes(b"png")
    m.attach_to_item("tool", 1, file)
    badge = m.checklist().tools[0]
    assert badge.notes == "Order a magnetic one"
    assert len(badge.attachments) == 1
    m.set_have("material", 2, False)
    assert not m.checklist().materials[1].have
    with pytest.raises(ValidationError):
        m.set_have("material", 0, True)
    with pytest.raises(ValidationError, match="future"):
        m.mark_refreshed("material", 1, TODAY + dt.timedelta(days=2))


def test_incentives_one_best_per_target(plan: Plan) -> None:
    m = plan.messages
    a = m.save_incentive("clients", "Print credit", "For referrers", "Print cards",
                         is_best=True)
    b = m.save_incentive("clients", "Showcase", is_best=True)
    clients = m.incentives()[0]
    assert clients.best is not None
    assert clients.best.id == b
    m.set_best_incentive(a)
    assert m.incentives()[0].best.id == a  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="Unknown target"):
        m.save_incentive("investors", "x")
    with pytest.raises(ValidationError, match="scheme"):
        m.save_incentive("clients", " ")
    m.delete_incentive(b)
    assert len(m.incentives()[0].schemes) == 1


def test_scripts_compose_save_and_rehearse(plan: Plan) -> None:
    m = plan.messages
    m.update_profile(background="Twelve years in print.", product_intro="We print cards.")
    hook = m.add_hook("I make paper people keep.", "for visitors")
    parts = m.script_parts(hook)
    assert parts.hook == "I make paper people keep."
    short, _, long_ = m.build_variants(ScriptParts("I'm Alex.", parts.background, parts.hook,
                                                   parts.product))
    assert short.text == "I'm Alex. I make paper people keep."
    assert long_.text.endswith("We print cards.")
    sid = m.save_script("", 30, ScriptParts("I'm Alex.", "Twelve years in print.", "",
                                            "We print cards."), memory_hook_id=hook)
    (script,) = m.intro_scripts()
    assert script.title == "30-second introduction"
    assert "I make paper people keep." in script.text
    assert script.fits
    assert script.last_rehearsed_at is None
    assert plan.weekly.review().scripts_to_rehearse[0].id == sid
    m.mark_rehearsed(sid)
    assert m.intro_scripts()[0].last_rehearsed_at == NOW
    assert plan.weekly.review().scripts_to_rehearse == ()
    with pytest.raises(ValidationError, match="between 5 and 600"):
        m.save_script("x", 2, ScriptParts("I'm Alex."))
    m.delete_script(sid)
    assert m.intro_scripts() == []
    assert m.estimate("我是王小明").language == "zh"
