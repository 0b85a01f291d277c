"""The one filter every listing of the user's network shares."""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_

from wombat_desktop.storage.orm import ContactRow


def live() -> ColumnElement[bool]:
    """The filter for the user's network: not deleted, not merged away, not the user."""
    return and_(ContactRow.deleted_at.is_(None), ContactRow.merged_into_id.is_(None),
                ContactRow.is_self.is_(False))
