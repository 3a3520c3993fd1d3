"""The live countdown's model: one cheap read of the database per interval, and the clocks
moved forward from memory in between.

A read is :func:`spokes.core.status.snapshot`: the open incidents only (an index on ``status``,
so that part costs the same however long the history) with their spokespersons on duty, found
through the index on the designations' validity (migration
``0006_spokespersons_validity_index``): past designations and expired authorisations are not
read either (``tests/perf/bench_watch.py --grants`` measures it with a long history of them).
Between reads, :func:`at` recomputes every clock from the deadlines' rules and a later moment,
without touching the database: deadlines are never stored, they are pure functions of the
incident's times, so this is exactly what a new read would say about the same incidents.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from spokes.config import Config
from spokes.core import status as core_status
from spokes.core import units
from spokes.core.incidents import View
from spokes.core.policy import STATES, State
from spokes.core.status import PendingPublication, Status
from spokes.store import Store

# Entering one of these while someone watches rings the terminal bell.
ALARMING: tuple[State, ...] = ("at_risk", "overdue")


@dataclass(frozen=True)
class Board:
    """What one read of the database gave: the open incidents, who speaks for them, and the
    rules that set their clocks; ``unit`` is the lead unit it is limited to, if any."""

    read: Status
    config: Config
    unit: str | None = None


def read(store: Store, config: Config, moment: datetime, unit: str | None = None) -> Board:
    """The one read of an interval; an unknown ``unit`` raises NotFound with a suggestion."""
    code = units.get(store, unit).code if unit else None
    return Board(core_status.snapshot(store, config, moment, code, calendar=False), config, code)


def at(board: Board, moment: datetime) -> Status:
    """The board as it stands at ``moment``: every clock read again, from memory."""
    config = board.config
    # The read's order (least time left first) still holds: open clocks all run at the same
    # pace, and a clock only stops by a change that the next read brings.
    views = [
        View(view.incident, view.incident.read_clock(config, moment), view.spokesperson)
        for view in board.read.views
    ]
    counts = Counter(view.reading.state for view in views if view.reading.state)
    pending = [
        PendingPublication(item.person, item.due_at, moment > item.due_at)
        for item in board.read.unpublished
    ]
    return Status(moment, views, {state: counts.get(state, 0) for state in STATES}, pending)


def states(status: Status) -> dict[str, State | None]:
    """Each incident's clock state, by id: what two frames compare to ring the bell."""
    return {view.incident.id: view.reading.state for view in status.views}


def crossings(before: dict[str, State | None], after: dict[str, State | None]) -> list[str]:
    """The incidents that entered ``at_risk`` or ``overdue`` between two frames.

    Only incidents seen in both frames count: the first frame and an incident that a new read
    brings (already at risk) are what the screen shows, not a change seen while watching.
    """
    return [
        incident_id
        for incident_id, state in after.items()
        if state in ALARMING and incident_id in before and before[incident_id] != state
    ]


def next_deadline(status: Status) -> View | None:
    """The running clock whose deadline comes next (overdue ones are counted, not next)."""
    ahead = [
        view
        for view in status.views
        if view.reading.remaining_seconds is not None and view.reading.remaining_seconds >= 0
    ]
    return min(ahead, key=lambda view: view.reading.remaining_seconds or 0, default=None)
