"""Read models of the plan's part II (messages), handed to pages and the command line."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import PurePath

from wombat_desktop.core.model import IncentiveTarget
from wombat_desktop.core.scripts import SpokenEstimate

TARGET_LABELS: dict[IncentiveTarget, str] = {
    IncentiveTarget.CLIENTS: "Clients",
    IncentiveTarget.EMPLOYEES: "Employees (compensation)",
    IncentiveTarget.SUPPLIERS: "Suppliers",
    IncentiveTarget.OTHERS: "Others (strategic partners)",
}
PRESS_SLOTS = 4
PRESS_STATUSES = ("idea", "drafting", "pitched", "published")


@dataclass(frozen=True, slots=True)
class ProfileView:
    name: str  # the user's own card, or ""
    profession: str
    background: str
    product_intro: str
    services: str
    image_statement: str


@dataclass(frozen=True, slots=True)
class AttachmentView:
    id: int
    path: str
    added_at: dt.datetime

    @property
    def file_name(self) -> str:
        return PurePath(self.path).name


@dataclass(frozen=True, slots=True)
class PressTopicView:
    slot: int  # 1..4
    topic: str = ""
    outlet: str = ""
    status: str = "idea"
    notes: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.topic


@dataclass(frozen=True, slots=True)
class ClippingView:
    id: int
    title: str
    outlet: str
    published_on: dt.date | None
    notes: str
    attachments: tuple[AttachmentView, ...]


@dataclass(frozen=True, slots=True)
class ChecklistItemView:
    section: str  # material | tool
    number: int
    title: str
    have: bool
    notes: str
    last_refreshed_on: dt.date | None
    attachments: tuple[AttachmentView, ...]
    stale_hint: str  # "" when fresh or not held

    @property
    def is_stale(self) -> bool:
        return bool(self.stale_hint)


@dataclass(frozen=True, slots=True)
class ChecklistView:
    materials: tuple[ChecklistItemView, ...]  # exactly 18
    tools: tuple[ChecklistItemView, ...]  # exactly 3

    @property
    def have(self) -> int:
        return sum(1 for i in self.materials if i.have)

    @property
    def stale(self) -> int:
        return sum(1 for i in self.materials if i.is_stale)

    @property
    def missing(self) -> tuple[ChecklistItemView, ...]:
        return tuple(i for i in self.materials if not i.have)


@dataclass(frozen=True, slots=True)
class IncentiveView:
    id: int
    target: str
    scheme: str
    description: str
    preparation_steps: str
    is_best: bool


@dataclass(frozen=True, slots=True)
class IncentiveTargetView:
    """One row of the II.7 table: a target, its best scheme and every scheme listed."""

    target: str
    label: str
    best: IncentiveView | None
    schemes: tuple[IncentiveView, ...]


@dataclass(frozen=True, slots=True)
class MembershipView:
    id: int
    organization_id: int
    organization: str
    kind: str
    role: str
    visibility_positions: str
    since: dt.date | None


@dataclass(frozen=True, slots=True)
class HookUse:
    event_id: int
    event: str
    starts_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class HookVersion:
    id: int
    version: int
    text: str
    created_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class MemoryHookView:
    """The current version of a hook, with its earlier versions and where it was used."""

    id: int
    text: str
    version: int
    tags: tuple[str, ...]
    archived: bool
    uses: tuple[HookUse, ...]
    history: tuple[HookVersion, ...]  # earlier versions, newest first


@dataclass(frozen=True, slots=True)
class IntroScriptView:
    id: int
    title: str
    seconds: int
    name_part: str
    background_part: str
    memory_hook_id: int | None
    hook_text: str
    product_part: str
    text: str
    last_rehearsed_at: dt.datetime | None
    estimate: SpokenEstimate

    @property
    def fits(self) -> bool:
        return self.estimate.seconds <= self.seconds
