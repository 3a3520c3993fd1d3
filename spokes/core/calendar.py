"""Deadlines as an iCalendar file (RFC 5545), for any calendar app (``spokes export ics``).

One event per deadline: every rule that applies to an incident gives one, at its due time in
UTC, with a stable UID (``<incident>-<rule>@spokes``) so that importing a newer file updates the
events instead of adding copies. While the clock runs, alarms ring at the reminder thresholds;
once initial information is given (or the incident is closed), the event stays, says how it
ended, and rings no more. Texts are in the workspace's language. The icalendar library is
imported only here, by the one command that writes a calendar.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from spokes import __version__
from spokes.config import Config
from spokes.core import incidents, units
from spokes.core.incidents import View
from spokes.core.policy import Deadline
from spokes.i18n import language, t
from spokes.render import timefmt
from spokes.store import Store

if TYPE_CHECKING:
    from icalendar import Alarm, Calendar, Event

DURATION = timedelta(minutes=15)  # a short block at the due time, not an all-day event


@dataclass(frozen=True)
class Exported:
    ics: bytes
    deadlines: int
    incidents: int  # those with at least one deadline


def uid(incident_id: str, rule: str) -> str:
    return f"{incident_id}-{rule}@spokes"


def alarm_offsets(config: Config) -> tuple[timedelta, ...]:
    """How long before a deadline its alarms ring: the thresholds of ``spokes remind``
    (``[remind] before``: 60, 30 and 15 minutes unless configured), and at the deadline.
    Its reminders every 30 minutes while overdue have no alarm here: a calendar would ring
    them for ever, information given or not."""
    return tuple(sorted({*config.remind.before, timedelta()}, reverse=True))


def export(store: Store, config: Config, at: datetime, open_only: bool) -> Exported:
    """Every deadline of every incident (or of the open ones) as read at ``at``."""
    found = incidents.select(store, status="open" if open_only else None)
    names = {unit.code: unit.name for unit in units.all_units(store)}
    offsets = alarm_offsets(config)
    calendar = _calendar(config)
    with_deadlines = 0
    for view in incidents.views(store, config, found, at):
        with_deadlines += bool(view.reading.deadlines)
        for deadline in view.reading.deadlines:
            calendar.add_component(_event(view, deadline, names, offsets, at))
    count = len(calendar.subcomponents)
    return Exported(calendar.to_ical(), count, with_deadlines)


def _calendar(config: Config) -> Calendar:
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", f"-//spokes//spokes {__version__}//{language().upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    name = t("transfer.ics.calname", org=config.org) if config.org else None
    calendar.add("x-wr-calname", name or t("transfer.ics.calname_plain"))
    return calendar


def _event(
    view: View,
    deadline: Deadline,
    names: dict[str, str],
    offsets: tuple[timedelta, ...],
    at: datetime,
) -> Event:
    from icalendar import Event

    incident = view.incident
    running = view.reading.remaining_seconds is not None
    event = Event()
    event.add("uid", uid(incident.id, deadline.rule.name))
    event.add("dtstamp", at)  # the program's clock: the same file under SPOKES_NOW
    event.add("dtstart", deadline.due_at)  # aware, in UTC: written with a Z
    event.add("duration", DURATION)
    event.add("summary", _summary(view, deadline, running))
    event.add("description", "\n".join(_description(view, deadline, names)))
    event.add("status", "CONFIRMED")
    if running:
        for offset in offsets:
            event.add_component(_alarm(view, offset))
    return event


def _outcome(view: View, deadline: Deadline) -> str:
    """How a stopped clock ended for this deadline: met, late, or closed without information."""
    if view.incident.informed_at is not None:
        return t(f"state.{deadline.state}")
    return t("incident.status.closed")


def _summary(view: View, deadline: Deadline, running: bool) -> str:
    incident = view.incident
    if running:
        return t("transfer.ics.summary", id=incident.id, title=incident.title)
    outcome = _outcome(view, deadline)
    return t("transfer.ics.summary_done", id=incident.id, title=incident.title, outcome=outcome)


def _description(view: View, deadline: Deadline, names: dict[str, str]) -> list[str]:
    incident, rule = view.incident, deadline.rule
    lines = [
        t("transfer.ics.due", due=deadline.due_at),
        t(
            "transfer.ics.rule",
            rule=f"{rule.name} ({rule.citation})" if rule.citation else rule.name,
        ),
        t("transfer.ics.unit", name=names.get(incident.lead_unit, ""), code=incident.lead_unit),
        _speaker(view),
        t("transfer.ics.occurred", at=incident.occurred_at),
    ]
    if incident.informed_at is not None:
        state = t(f"state.{deadline.state}")
        lines.append(t("transfer.ics.informed", at=incident.informed_at, state=state))
    elif incident.closed_at is not None:
        lines.append(t("transfer.ics.closed", at=incident.closed_at))
    return lines


def _speaker(view: View) -> str:
    person = view.spokesperson
    if person is None:
        return t("transfer.ics.no_speaker")
    if person.phone:
        return t("transfer.ics.speaker", name=person.name, phone=person.phone)
    return t("transfer.ics.speaker_no_phone", name=person.name)


def _alarm(view: View, offset: timedelta) -> Alarm:
    from icalendar import Alarm

    incident = view.incident
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", -offset)
    if offset:
        left = timefmt.duration(int(offset.total_seconds()))
        text = t("transfer.ics.alarm_before", id=incident.id, left=left, title=incident.title)
    else:
        text = t("transfer.ics.alarm_now", id=incident.id, title=incident.title)
    alarm.add("description", text)
    return alarm
