"""Contact drafts to and from JSON-able dicts (undo snapshots, crash recovery)."""

from __future__ import annotations

import base64
from dataclasses import asdict
from typing import Any

from wombat_desktop.core.model import ContactDraft, Photo, PostalAddress, TypedValue


def draft_to_dict(draft: ContactDraft) -> dict[str, Any]:
    data = asdict(draft)
    if draft.photo is not None:
        data["photo"] = {"mime": draft.photo.mime,
                         "data": base64.b64encode(draft.photo.data).decode("ascii")}
    return data


def draft_from_dict(data: dict[str, Any]) -> ContactDraft:
    """The inverse of `draft_to_dict`; unknown keys are ignored."""
    fields = {k: v for k, v in data.items() if k in ContactDraft.__dataclass_fields__}
    for key in ("emails", "phones", "urls"):
        fields[key] = [TypedValue(**v) for v in fields.get(key, [])]
    fields["addresses"] = [PostalAddress(**a) for a in fields.get("addresses", [])]
    photo = fields.get("photo")
    fields["photo"] = (Photo(base64.b64decode(photo["data"]), photo.get("mime", "image/jpeg"))
                       if photo else None)
    for key in ("tags", "extra_lines"):
        fields[key] = list(fields.get(key, []))
    return ContactDraft(**fields)
