"""The printed plan says where the user stands even before a matrix snapshot was saved."""

from pathlib import Path

from pypdf import PdfReader

from tests.conftest import TODAY
from wombat_desktop.core.matrix import MatrixStage
from wombat_desktop.services.demo import DemoService
from wombat_desktop.services.registry import Services


def test_plan_prints_the_current_stage(services: Services, tmp_path: Path) -> None:
    DemoService(services.db, lambda: TODAY).fill(contacts=60)
    assert services.matrix.snapshots() == []
    out = tmp_path / "plan.pdf"
    services.kits.build("plan", out, paper="a4")
    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert "not assessed yet" not in text
    assert any(f"Strategy-matrix stage: {stage.value}" in " ".join(text.split())
               for stage in MatrixStage)
