"""One object holding every service, built once by the composition root.

Services whose modules pull in heavy libraries (vobject, rapidfuzz, reportlab …) are built on
first use, so that opening the window never pays for them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

from wombat_desktop.services.contacts import ContactService
from wombat_desktop.storage.database import Database

if TYPE_CHECKING:
    from wombat_desktop.services.duplicates import DuplicateService
    from wombat_desktop.services.events import EventService
    from wombat_desktop.services.exporting import ExportService
    from wombat_desktop.services.followups import FollowUpService
    from wombat_desktop.services.importing import ImportService
    from wombat_desktop.services.interactions import InteractionService
    from wombat_desktop.services.kits import KitService
    from wombat_desktop.services.matrix import MatrixService
    from wombat_desktop.services.messages import MessageService
    from wombat_desktop.services.organizations import OrganizationService
    from wombat_desktop.services.referrals import ReferralService
    from wombat_desktop.services.scanning import ScanService  # issue 4
    from wombat_desktop.services.spheres import SphereService
    from wombat_desktop.services.weekly import WeeklyService


class Services:
    def __init__(self, db: Database, today: Callable[[], dt.date] = dt.date.today,
                 region: str = "US") -> None:
        self.db = db
        self.today = today
        self.region = region
        self.contacts = ContactService(db, today, region)

    @cached_property
    def importing(self) -> ImportService:
        from wombat_desktop.services.importing import ImportService

        return ImportService(self.db, self.region)

    @cached_property
    def duplicates(self) -> DuplicateService:
        from wombat_desktop.services.duplicates import DuplicateService

        return DuplicateService(self.db, self.region)

    @cached_property
    def exporting(self) -> ExportService:
        from wombat_desktop.services.exporting import ExportService

        return ExportService(self.db, self.today)

    @cached_property
    def interactions(self) -> InteractionService:
        from wombat_desktop.services.interactions import InteractionService

        return InteractionService(self.db, self.today)

    @cached_property
    def referrals(self) -> ReferralService:
        from wombat_desktop.services.referrals import ReferralService

        return ReferralService(self.db, self.today)

    @cached_property
    def followups(self) -> FollowUpService:
        from wombat_desktop.services.followups import FollowUpService

        return FollowUpService(self.db, self.today)

    @cached_property
    def kits(self) -> KitService:
        from wombat_desktop.services.kits import KitService

        return KitService(self.db, self.today)

    @cached_property
    def events(self) -> EventService:
        from wombat_desktop.services.events import EventService

        return EventService(self.db, self.followups, self.today, self.region)

    @cached_property
    def spheres(self) -> SphereService:
        from wombat_desktop.services.spheres import SphereService

        return SphereService(self.db, self.today)

    @cached_property
    def organizations(self) -> OrganizationService:
        from wombat_desktop.services.organizations import OrganizationService

        return OrganizationService(self.db, self.today)

    @cached_property
    def messages(self) -> MessageService:
        from wombat_desktop.services.messages import MessageService

        return MessageService(self.db, self.today)

    @cached_property
    def matrix(self) -> MatrixService:
        from wombat_desktop.services.matrix import MatrixService

        return MatrixService(self.db, self.today)

    @cached_property
    def weekly(self) -> WeeklyService:
        from wombat_desktop.services.weekly import WeeklyService

        return WeeklyService(self.db, self.today)

    # >>> card scanning (issue 4)
    @cached_property
    def scanning(self) -> ScanService:
        from wombat_desktop.services.scanning import ScanService

        return ScanService(self.db, self.region)
    # <<< card scanning


def build_services(db: Database, today: Callable[[], dt.date] = dt.date.today,
                   region: str = "US") -> Services:
    """Wire the services to one database."""
    return Services(db, today, region)
