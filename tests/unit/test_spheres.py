"""Sphere templates and the gap rule."""

from __future__ import annotations

from wombat_desktop.core.model import Tie
from wombat_desktop.core.spheres import (
    TEMPLATES,
    Recruiter,
    SeatMember,
    SeatStatus,
    SeatView,
    SphereView,
    carries,
    coverage,
    mentions,
    normalise,
    sphere_gaps,
)

NEEDED = ["Real-estate agent", "Mortgage broker", "Financial planner", "Accountant", "Lawyer",
          "Insurance agent", "Banker", "Home inspector", "Interior designer",
          "Marketing consultant", "Commercial printer", "IT services"]


def test_at_least_twelve_templates_for_the_common_professions() -> None:
    assert len(TEMPLATES) >= 12
    assert {t.profession for t in TEMPLATES} >= set(NEEDED)
    assert len({t.key for t in TEMPLATES}) == len(TEMPLATES)


def test_no_template_seats_its_own_profession() -> None:
    for t in TEMPLATES:
        assert len(t.seats) >= 5
        assert t.profession not in t.seats


def test_normalise_and_match() -> None:
    assert normalise("Real-estate  Agents") == "real estate agent"
    assert mentions("Senior CPA, Tax partner", "Accountant")
    assert mentions("Listing agent at Reed Realty", "Real-estate agent")
    assert not mentions("Graphic designer", "Web designer")


def test_organisation_lists_carry_professions() -> None:
    profs = "Real-estate agent,Mortgage broker, Accountant,Web designer"
    assert carries(profs, "Real-estate agents")
    assert carries(profs, "accountant")
    assert not carries(profs, "Banker")
    assert not carries("", "Banker")


def _m(cid: int, tie: Tie) -> SeatMember:
    return SeatMember(cid, f"Person {cid}", tie)


SPHERE = SphereView(1, "Home buyers", "Real-estate agent", False, True, "", (
    SeatView(10, "Mortgage broker", 0, (_m(1, Tie.WEAK), _m(2, Tie.STRONG))),
    SeatView(11, "Banker", 1, (_m(3, Tie.WEAK),)),
    SeatView(12, "Lawyer", 2, ()),
))
RECRUITERS = [Recruiter(5, "Referral Circle", "Lawyer,Accountant"),
              Recruiter(6, "Chamber", "")]


def test_seat_status_strong_weak_empty() -> None:
    assert [s.status for s in SPHERE.seats] == [SeatStatus.COVERED, SeatStatus.THIN,
                                                SeatStatus.EMPTY]
    assert SPHERE.coverage_label == "1 of 3 seats with a strong contact"


def test_gaps_list_empty_seats_first_with_where_to_recruit() -> None:
    gaps = sphere_gaps([SPHERE], RECRUITERS)
    assert [(g.profession, g.status) for g in gaps] == [("Lawyer", SeatStatus.EMPTY),
                                                        ("Banker", SeatStatus.THIN)]
    lawyer, banker = gaps
    assert lawyer.recruit_at == ("Referral Circle",)
    assert "Recruit at Referral Circle" in lawyer.advice
    assert banker.weak_members == ("Person 3",)
    assert banker.recruit_at == ()
    assert "weak contacts" in banker.advice


def test_templates_have_no_gaps_and_count_in_no_coverage() -> None:
    template = SphereView(2, "T", "Banker", True, False, "", (SeatView(20, "Lawyer", 0, ()),))
    assert sphere_gaps([template], RECRUITERS) == []
    cov = coverage([SPHERE, template])
    assert (cov.seats, cov.covered, cov.thin, cov.empty) == (3, 1, 1, 1)
    assert cov.score == round(100 * (1 + 1 / 3) / 3, 1)


def test_no_spheres_no_coverage() -> None:
    assert coverage([]).score == 0
