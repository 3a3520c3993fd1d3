"""The at-a-glance timer: open incidents sorted by time left, and what is still unpublished."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime

from spokes.clock import zone
from spokes.config import Config
from spokes.core import incidents, periodic, spokespersons, units
from spokes.core.incidents import View
from spokes.core.periodic import DutyReading
from spokes.core.policy import STATES
from spokes.core.spokespersons import Spokesperson
from spokes.store import Store


@dataclass(frozen=True)
class PendingPublication:
    """A designation not yet on the e-portal, with the time it is due there."""

    person: Spokesperson
    due_at: datetime
    overdue: bool


@dataclass(frozen=True)
class Status:
    now: datetime
    views: list[View]
    counts: dict[str, int]
    unpublished: list[PendingPublication]
    duties: list[DutyReading] = field(default_factory=list)  # coming due or overdue
    annual_report: periodic.Reminder | None = None

    @property
    def any_overdue(self) -> bool:
        return self.counts.get("overdue", 0) > 0


def _urgency(view: View) -> tuple[int, float]:
    """Running clocks first, least time left first; stopped clocks after, by deadline."""
    reading = view.reading
    if reading.remaining_seconds is not None:
        return (0, reading.remaining_seconds)
    if reading.deadline is not None:
        return (1, reading.deadline.timestamp())
    return (2, view.incident.occurred_at.timestamp())


def snapshot(
    store: Store, config: Config, at: datetime, unit: str | None = None, calendar: bool = True
) -> Status:
    """What `status` shows at ``at``; ``calendar``: with the periodic duties and the annual
    report's reminder (the live countdown leaves them out)."""
    code = units.get(store, unit).code if unit else None
    found = incidents.select(store, status="open", unit=code)
    views = sorted(incidents.views(store, config, found, at), key=_urgency)
    counts = Counter(view.reading.state for view in views if view.reading.state)
    pending = [
        PendingPublication(
            p,
            p.publish_due(config.publish_within),
            p.publication(at, config.publish_within) == "overdue",
        )
        for p in spokespersons.unpublished(store, at)
        if code in (None, p.unit_code)
    ]
    pending.sort(key=lambda item: item.due_at)
    status = Status(at, views, {state: counts.get(state, 0) for state in STATES}, pending)
    if not calendar:
        return status
    tz = zone(config.timezone)
    due = [reading for reading in periodic.readings(store, config, tz, at, code) if reading.shown]
    # The annual report is the whole workspace's: not shown in one unit's view.
    reminder = periodic.reminder(store, config, tz, at) if code is None else None
    return replace(status, duties=due, annual_report=reminder)
