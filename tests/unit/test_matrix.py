"""The strategy matrix: scores, stages, next steps."""

from __future__ import annotations

from dataclasses import replace

from wombat_desktop.core.matrix import MatrixInputs, MatrixStage, compute, stage_of

EMPTY = MatrixInputs()
FULL = MatrixInputs(
    strong_contacts=60, weak_contacts=300, seats=10, seats_covered=10, diversity=100.0,
    given_to=10, reciprocated=10, materials_have=18, tools_have=3, hooks=4,
    script_lengths=(10, 30, 60), scripts_rehearsed=2, image_statement=True, press_topics=4,
    clippings=3, incentive_targets=4,
)


def test_stages_of_the_two_by_two() -> None:
    assert stage_of(10, 10) is MatrixStage.STARTING_OUT
    assert stage_of(80, 10) is MatrixStage.CONNECTED_QUIET
    assert stage_of(10, 80) is MatrixStage.KNOWN_THIN
    assert stage_of(50, 50) is MatrixStage.ENGINE


def test_empty_plan_is_starting_out_at_zero() -> None:
    result = compute(EMPTY)
    assert result.network == 0
    assert result.message == 0
    assert result.stage is MatrixStage.STARTING_OUT
    assert result.stage_text


def test_full_plan_is_an_engine_at_one_hundred() -> None:
    result = compute(FULL)
    assert result.network == 100
    assert result.message == 100
    assert result.stage is MatrixStage.ENGINE
    assert result.next_steps == ()


def test_parts_are_shown_with_weights_adding_up() -> None:
    result = compute(FULL)
    for axis in ("network", "message"):
        parts = result.axis_parts(axis)
        assert abs(sum(p.weight for p in parts) - 1.0) < 1e-9
    assert {p.key for p in result.parts} == {"strong", "spheres", "portfolio", "reciprocity",
                                             "checklist", "hooks", "scripts", "press",
                                             "incentives"}


def test_strong_network_quiet_message() -> None:
    quiet = replace(FULL, materials_have=2, tools_have=0, hooks=0, script_lengths=(),
                    scripts_rehearsed=0, image_statement=False, press_topics=0, clippings=0,
                    incentive_targets=0)
    assert compute(quiet).stage is MatrixStage.CONNECTED_QUIET


def test_stale_materials_count_half() -> None:
    fresh = compute(replace(FULL, materials_have=10))
    stale = compute(replace(FULL, materials_have=10, materials_stale=4))
    assert stale.message < fresh.message


def test_next_steps_are_three_concrete_and_favour_the_weaker_axis() -> None:
    inputs = replace(
        FULL, materials_have=4, missing_materials=("Company vision and goals",), hooks=1,
        image_statement=False, incentive_targets=1, targets_without_best=("suppliers",),
        script_lengths=(30,), seats_covered=9, empty_seats=("banker (Business sphere)",),
    )
    result = compute(inputs)
    steps = result.next_steps
    assert len(steps) == 3
    assert len({s.part for s in steps}) == 3
    assert all(s.axis == "message" for s in steps)  # the message axis is the weaker one
    assert all(s.gain > 0 for s in steps)
    assert steps == tuple(sorted(steps, key=lambda s: -s.gain))
    assert steps[0].part == "press"  # the image statement is worth most
    assert steps[0].text.startswith("Describe the image")


def test_missing_material_is_named() -> None:
    inputs = replace(FULL, materials_have=17, missing_materials=("Company vision and goals",))
    (step,) = compute(inputs).next_steps
    assert step.text == "Make the missing material: Company vision and goals."


def test_first_step_for_a_new_user() -> None:
    steps = compute(replace(EMPTY, seats=8, empty_seats=("lawyer (My sphere)",))).next_steps
    assert len(steps) == 3
    assert {s.part for s in steps} <= {"spheres", "strong", "press", "hooks", "scripts",
                                       "checklist", "incentives", "portfolio", "reciprocity"}
