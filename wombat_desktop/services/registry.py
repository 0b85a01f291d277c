"""One object holding every service, built once by the composition root."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from wombat_desktop.services.contacts import ContactService
from wombat_desktop.storage.database import Database


@dataclass(frozen=True, slots=True)
class Services:
    db: Database
    contacts: ContactService


def build_services(db: Database, today: Callable[[], dt.date] = dt.date.today) -> Services:
    """Wire the services to one database."""
    return Services(db=db, contacts=ContactService(db, today))
