"""The word-of-mouth strategy matrix (WOMBAT 13): compute, snapshot, chart over time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass

from wombat_desktop.core.matrix import MatrixInputs, MatrixResult, compute
from wombat_desktop.services.plan_state import load_state, matrix_inputs
from wombat_desktop.storage import plan_store
from wombat_desktop.storage.database import Database


@dataclass(frozen=True, slots=True)
class MatrixSnapshotView:
    id: int
    taken_at: dt.datetime
    network: float
    message: float
    stage: str


class MatrixService:
    """Where the user stands on the 2x2, why, and the next three steps."""

    def __init__(self, db: Database, today: Callable[[], dt.date] = dt.date.today,
                 now: Callable[[], dt.datetime] | None = None) -> None:
        self._db = db
        self._today = today
        self._now = now or (lambda: dt.datetime.combine(today(), dt.datetime.now().time()))

    def inputs(self) -> MatrixInputs:
        """The plan's figures the matrix scores (one read of the whole plan)."""
        with self._db.unit_of_work() as uow:
            state = load_state(uow, self._today())
        return matrix_inputs(state, self._now())

    def compute(self) -> MatrixResult:
        """Both axes with their parts, the stage and the next three steps."""
        return compute(self.inputs())

    def save_snapshot(self) -> MatrixSnapshotView:
        """Compute now and keep the position for the progress chart."""
        inputs = self.inputs()
        result = compute(inputs)
        taken = self._now().replace(microsecond=0)
        details = {"inputs": asdict(inputs),
                   "parts": {p.key: p.score for p in result.parts}}
        with self._db.unit_of_work() as uow:
            sid = plan_store.save_snapshot(uow.session, taken, result.network, result.message,
                                           result.stage.value, details)
            uow.commit()
        return MatrixSnapshotView(sid, taken, result.network, result.message,
                                  result.stage.value)

    def snapshots(self) -> list[MatrixSnapshotView]:
        """Every saved position, oldest first (the chart's points)."""
        with self._db.unit_of_work() as uow:
            return [MatrixSnapshotView(*row) for row in plan_store.snapshots(uow.session)]
