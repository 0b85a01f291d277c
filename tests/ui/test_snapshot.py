"""`wombat snapshot` renders any page of the window to a PNG."""

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from wombat_desktop.cli import main


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WOMBAT_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("WOMBAT_DB", raising=False)


def test_list_names_every_page(qapp, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    assert main(["snapshot", "--list"]) == 0
    pages = capsys.readouterr().out.split()
    assert pages[:2] == ["contacts", "weekly"]
    assert {"followups", "kits", "matrix", "scan"} <= set(pages)


@pytest.mark.parametrize("page", ["contacts", "weekly"])
def test_a_page_becomes_a_png_of_the_asked_size(qapp, tmp_path: Path, page: str) -> None:  # type: ignore[no-untyped-def]
    assert main(["demo", "--contacts", "20"]) == 0
    out = tmp_path / f"{page}.png"
    assert main(["snapshot", page, "--out", str(out), "--size", "900x600"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (900, 600)
