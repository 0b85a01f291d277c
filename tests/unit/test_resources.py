from wombat_desktop.resource_files import resource


def test_the_icon_is_found() -> None:
    icon = resource("icons/wombat.svg")
    assert icon.read_text("utf-8").startswith("<svg")
