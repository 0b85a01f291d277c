"""Real OCR on synthetic cards drawn in the test; the service, offline use and the CLI.

Each OCR call takes about a second on one core: the cards are drawn and read once per module.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from tests.scan_cards import (
    bilingual_card,
    chinese_card,
    cjk_font,
    english_card,
    english_centered_card,
    render,
)
from wombat_desktop.core.model import ContactDraft, TypedValue
from wombat_desktop.core.ocr import OcrEngine, shared_engine
from wombat_desktop.services.registry import Services
from wombat_desktop.services.scanning import ScanEntry, ScanService

CJK = cjk_font()
needs_cjk = pytest.mark.skipif(CJK is None, reason="no CJK font (e.g. fonts-wqy-microhei) "
                               "on this machine to draw Chinese cards with")


@pytest.fixture(scope="module")
def cards(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("cards")
    out = {}
    made = {"en": english_card(), "en_noisy": english_centered_card()}
    if CJK is not None:
        made |= {"zh": chinese_card(CJK), "bi": bilingual_card(CJK)}
    for name, card in made.items():
        out[name] = folder / f"{name}.png"
        render(card).save(out[name])
    sideways = folder / "sideways.jpg"
    render(english_card()).rotate(90, expand=True).save(sideways, quality=90)
    out["sideways"] = sideways
    bad = folder / "broken.jpg"
    bad.write_bytes(b"not a jpeg")
    out["bad"] = bad
    return out


@pytest.fixture
def scanning(services: Services) -> ScanService:
    return services.scanning


def test_english_card_read_offline(cards: dict[str, Path], monkeypatch: pytest.MonkeyPatch
                                   ) -> None:
    attempts: list[object] = []

    def no_network(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("network is unavailable in this test")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    engine = OcrEngine(threads=1)  # a fresh engine: models load with the network off
    result = engine.read(cards["en"])
    assert attempts == []
    assert "Jane Doe" in result.texts
    assert "jane.doe@acme-widgets.com" in result.texts
    assert result.rotation == 0


def test_pinned_configuration_names_the_bundled_models() -> None:
    params = OcrEngine.params(1)
    assert params["Det.limit_type"] == "max"
    assert params["Det.limit_side_len"] == 960
    assert params["EngineConfig.onnxruntime.intra_op_num_threads"] == 1
    for task in ("Det", "Cls", "Rec"):
        assert Path(params[f"{task}.model_path"]).is_file()


def test_scan_english_cards(scanning: ScanService, cards: dict[str, Path]) -> None:
    plain, noisy = scanning.scan([cards["en"], cards["en_noisy"]])
    assert plain.fields is not None
    assert plain.fields.name is not None
    assert plain.fields.name.value == "Jane Doe"
    assert plain.fields.company is not None
    assert plain.fields.company.value == "Acme Widgets Inc."
    assert [(p.value, p.kind) for p in plain.fields.phones] == [
        ("+14155550134", "mobile"), ("+14155550199", "fax")]
    assert noisy.fields is not None
    assert noisy.fields.name is not None
    assert noisy.fields.name.value == "Robert Chen"
    assert {p.value for p in noisy.fields.phones} == {"+12125550187", "+19175550142"}
    assert [e.value for e in noisy.fields.emails] == ["rchen@acmelogistics.com"]


def test_sideways_photo_is_turned(scanning: ScanService, cards: dict[str, Path]) -> None:
    result = scanning.scan_one(cards["sideways"])
    assert result.rotation in (90, 270)
    assert result.fields is not None
    assert result.fields.lines[0] == "Jane Doe"


@needs_cjk
def test_chinese_and_bilingual_cards(scanning: ScanService, cards: dict[str, Path]) -> None:
    zh, bi = scanning.scan([cards["zh"], cards["bi"]], region="CN")
    assert zh.fields is not None
    assert zh.fields.name is not None
    assert zh.fields.name.value == "王建国"
    assert zh.fields.company is not None
    assert zh.fields.company.value == "上海星辰科技有限公司"
    assert ("+8613800138000", "mobile") in [(p.value, p.kind) for p in zh.fields.phones]
    assert bi.fields is not None
    assert bi.fields.name is not None
    assert bi.fields.name.value == "李小红"
    assert bi.fields.other_name is not None
    assert bi.fields.other_name.value == "Lily Li"


def test_save_keeps_the_card_and_finds_the_duplicate(
        services: Services, scanning: ScanService, cards: dict[str, Path]) -> None:
    existing = services.contacts.create(ContactDraft(
        formatted_name="Jane Doe", given_name="Jane", family_name="Doe",
        emails=[TypedValue("jane.doe@acme-widgets.com")]))
    result = scanning.scan_one(cards["en"])
    assert result.duplicate is not None
    assert result.duplicate.contact_id == existing
    assert "company" in {d.field for d in result.duplicate.differences}
    summary = scanning.save([ScanEntry(scanning.to_draft(result), existing)], "Expo 2026")
    assert summary.updated == (existing,)
    detail = services.contacts.get(existing)
    assert detail.draft.organization == "Acme Widgets Inc."
    assert "Expo 2026" in detail.draft.tags
    assert detail.draft.photo is not None
    assert detail.draft.photo.data[:2] == b"\xff\xd8"  # the card, as JPEG



def test_update_existing_takes_the_cards_title(services: Services,
                                              scanning: ScanService) -> None:
    """The walk-through's Zoe Kim: stored "Owner", the new card "Owner & Creative Director"."""
    existing = services.contacts.create(ContactDraft(
        formatted_name="Zoe Kim", given_name="Zoe", family_name="Kim", title="Owner",
        organization="Washington Signs", emails=[TypedValue("zoe.kim@washingtonsigns.com")]))
    card = ContactDraft(formatted_name="Zoe Kim", given_name="Zoe", family_name="Kim",
                        title="Owner & Creative Director", organization="Washington Signs",
                        phones=[TypedValue("+19715550475", ["cell"])])
    summary = scanning.save([ScanEntry(card, existing)], "Portland Expo 2026")
    assert summary.updated == (existing,)
    draft = services.contacts.get(existing).draft
    assert draft.title == "Owner & Creative Director"
    assert draft.organization == "Washington Signs"
    assert "+19715550475" in [p.value.replace(" ", "").replace("-", "") for p in draft.phones]
    assert "Portland Expo 2026" in draft.tags

def test_cli_json_shape_and_exit_code(cards: dict[str, Path], tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    from wombat_desktop.cli import main

    db = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    code = main(["--db", db, "scan", str(cards["en"]), str(cards["bad"]), "--json", "--save"])
    assert code == 2
    data = json.loads(capsys.readouterr().out)
    assert [Path(d["path"]).name for d in data] == ["en.png", "broken.jpg"]
    keys = {"path", "name", "title", "company", "phones", "emails", "website", "address",
            "confidence", "lines"}
    assert keys <= set(data[0])
    assert data[0]["name"] == "Jane Doe"
    assert data[0]["emails"] == ["jane.doe@acme-widgets.com"]
    assert isinstance(data[0]["phones"], list)
    assert data[1]["error"]
    assert main(["--db", db, "contacts", "--json"]) == 0
    stored = json.loads(capsys.readouterr().out)
    assert [c["name"] for c in stored] == ["Jane Doe"]
    assert stored[0]["has_photo"] is True


def test_cli_exit_zero_when_all_read(cards: dict[str, Path], tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    from wombat_desktop.cli import main

    shared_engine(1)  # the same process-wide engine as above: no second model load
    code = main(["--db", f"sqlite:///{tmp_path / 'c.sqlite3'}", "scan", str(cards["en"]),
                 "--region", "gb"])
    assert code == 0
    assert "Jane Doe" in capsys.readouterr().out
