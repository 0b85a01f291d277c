"""Unsaved edits survive a crash: the detail panel's draft is written to a small file while
the user types, and offered back at the next start."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from wombat_desktop.core.draft_json import draft_from_dict, draft_to_dict
from wombat_desktop.core.model import ContactDraft
from wombat_desktop.services.contacts import ContactFlags


@dataclass(frozen=True, slots=True)
class UnsavedEdit:
    contact_id: int | None  # None: a new contact that was never saved
    draft: ContactDraft
    flags: ContactFlags


class RecoveryStore:
    """One JSON file holding the edit in progress (written atomically, owner-only)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def save(self, edit: UnsavedEdit) -> None:
        data: dict[str, Any] = {"contact_id": edit.contact_id, "draft": draft_to_dict(edit.draft),
                                "flags": asdict(edit.flags)}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        part = self.path.with_name(self.path.name + ".part")
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())  # on disk before it replaces the last good copy
        os.replace(part, self.path)

    def load(self) -> UnsavedEdit | None:
        """The edit left by a crash, or None (a damaged file is ignored, not fatal)."""
        try:
            data = json.loads(self.path.read_text("utf-8"))
            return UnsavedEdit(data.get("contact_id"), draft_from_dict(data["draft"]),
                               ContactFlags(**data.get("flags", {})))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
