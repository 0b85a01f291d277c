"""Finding the app's own files (icons, data) in a checkout, an installed wheel or a bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resource(relative: str) -> Path:
    """The path of a file under ``resources/``, wherever the app runs from."""
    bundle = getattr(sys, "_MEIPASS", None)  # a PyInstaller bundle unpacks here
    roots = [Path(bundle) / "resources"] if bundle else []
    roots += [Path(__file__).resolve().with_name("resources"),
              Path(__file__).resolve().parents[1] / "resources"]
    for root in roots:
        candidate = root / relative
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"resource {relative!r} is missing from the installation")
