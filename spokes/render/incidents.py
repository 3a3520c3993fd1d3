"""Views of incidents: the status table, an incident's card and timeline, and their JSON."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from spokes.clock import iso_local
from spokes.core.audit import Event
from spokes.core.incidents import View
from spokes.core.periodic import DutyReading, Reminder
from spokes.core.policy import STATES, Deadline
from spokes.core.spokespersons import Spokesperson
from spokes.core.status import PendingPublication, Status
from spokes.i18n import t
from spokes.render import table, timefmt

_STORED_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")

STATE_STYLE = {
    "overdue": "bold red",
    "at_risk": "yellow",
    "pending": None,
    "met": "green",
    "late": "magenta",
}


def state_label(state: str | None) -> str:
    return t(f"state.{state}") if state else t("state.none")


# -- JSON ----------------------------------------------------------------------------------


def incident_json(view: View, tz: ZoneInfo) -> dict[str, Any]:
    """The JSON shape of an incident, the same in ``open``, ``show``, ``list`` and ``status``."""
    incident, reading = view.incident, view.reading
    return {
        "id": incident.id,
        "title": incident.title,
        "lead_unit": incident.lead_unit,
        "status": incident.status,
        "occurred_at": iso_local(incident.occurred_at, tz),
        "received_at": iso_local(incident.received_at, tz),
        "decided_at": iso_local(incident.decided_at, tz),
        "deadline": iso_local(reading.deadline, tz),
        "clock": reading.state,
        "remaining_seconds": reading.remaining_seconds,
        "initial_information_at": iso_local(incident.informed_at, tz),
        "initial_information": _informed_json(view),
        "spokesperson": view.spokesperson.contact() if view.spokesperson else None,
        "deadlines": [_deadline_json(item, tz) for item in reading.deadlines],
        "category": incident.category,
        "severity": incident.severity,
        "location": incident.location,
        "involves": list(incident.involves),
        "source_url": incident.source_url,
        "platform": incident.platform,
        "closed_at": iso_local(incident.closed_at, tz),
    }


def _informed_json(view: View) -> dict[str, Any] | None:
    incident = view.incident
    if incident.informed_at is None:
        return None
    return {
        "channel": incident.informed_channel,
        "by": incident.informed_by,
        "note": incident.informed_note,
    }


def _deadline_json(item: Deadline, tz: ZoneInfo) -> dict[str, Any]:
    return {
        "rule": item.rule.name,
        "due_at": iso_local(item.due_at, tz),
        "state": item.state,
        "citation": item.rule.citation,
    }


def status_json(status: Status, tz: ZoneInfo) -> dict[str, Any]:
    return {
        "now": iso_local(status.now, tz),
        "counts": status.counts,
        "incidents": [incident_json(view, tz) for view in status.views],
        "unpublished_spokespersons": [
            {
                "unit": item.person.unit_code,
                "name": item.person.name,
                "since": iso_local(item.person.valid_from, tz),
                "due_at": iso_local(item.due_at, tz),
                "overdue": item.overdue,
            }
            for item in status.unpublished
        ],
        "periodic_duties": [
            {
                "unit": item.unit.code,
                "duty": item.duty.name,
                "does": item.duty.does,
                "every_months": item.duty.every_months,
                "last_at": iso_local(item.last_at, tz),
                "due_at": iso_local(item.due_at, tz),
                "state": item.state,
                "citation": item.duty.citation,
            }
            for item in status.duties
        ],
        "annual_report": _annual_json(status.annual_report),
    }


def _annual_json(reminder: Reminder | None) -> dict[str, Any] | None:
    if reminder is None:
        return None
    return {
        "year": reminder.year,
        "due_before": reminder.due.isoformat(),
        "days_left": reminder.days_left,
        "overdue": reminder.overdue,
    }


# -- text ----------------------------------------------------------------------------------


def speaker_name(person: Spokesperson | None) -> str:
    """The speaker's name, or the warning every view shows when there is nobody."""
    return person.name if person else "⚠ " + t("status.no_spokesperson")


def status_table(status: Status, tz: ZoneInfo, colour: bool, width: int | None) -> str:
    header = t("status.header", now=timefmt.full(status.now, tz))
    counts = "  ·  ".join(f"{state_label(s)} {status.counts.get(s, 0)}" for s in STATES)
    lines = [table.paint(header, "bold", colour), counts, ""]
    if not status.views:
        lines.append(t("status.none_open"))
    else:
        lines.append(incident_table(status.views, status.now, tz, colour, width))
    if status.unpublished:
        lines += ["", t("status.unpublished_header")]
        lines += unpublished_lines(status.unpublished, tz, status.now)
    if status.duties or status.annual_report:
        lines += ["", t("status.calendar_header")]
        lines += [_duty_line(item, tz, colour) for item in status.duties]
        if status.annual_report:
            lines.append(_annual_line(status.annual_report, colour))
    return "\n".join(lines)


def _duty_line(item: DutyReading, tz: ZoneInfo, colour: bool) -> str:
    months = item.duty.every_months
    every = t("status.duty.every_month") if months == 1 else t("status.duty.every", months=months)
    what = t(f"status.duty.{item.duty.does}", every=every)
    last = f"{item.last_at.astimezone(tz):%d/%m/%Y}" if item.last_at else t("status.duty.never")
    due = f"{item.due_at.astimezone(tz):%d/%m/%Y}"
    key = "status.duty_overdue" if item.state == "overdue" else "status.duty_due"
    line = "  " + t(key, unit=item.unit.code, what=what, due=due, last=last)
    return table.paint(line, "red" if item.state == "overdue" else "yellow", colour)


def _annual_line(reminder: Reminder, colour: bool) -> str:
    due = f"{reminder.due:%d/%m/%Y}"
    if reminder.overdue:
        line = t("status.annual_overdue", year=reminder.year, due=due)
    else:
        line = t("status.annual_due", year=reminder.year, due=due, days=reminder.days_left)
    return table.paint("  " + line, "red" if reminder.overdue else "yellow", colour)


def incident_table(
    views: list[View], now: datetime, tz: ZoneInfo, colour: bool, width: int | None
) -> str:
    columns = [
        table.Column(t("col.id")),
        table.Column(t("col.unit"), drop=3),
        table.Column(t("col.title"), shrink=True),
        table.Column(t("col.spokesperson"), shrink=True),
        table.Column(t("col.phone"), drop=2),
        table.Column(t("col.occurred"), drop=1),
        table.Column(t("col.deadline")),
        table.Column(t("col.left"), align="right"),
        table.Column(t("col.state")),
    ]
    rows, styles = [], []
    labels = {state: state_label(state) for state in (*STATES, None)}
    nobody = speaker_name(None)
    for view in views:
        incident, reading, speaker = view.incident, view.reading, view.spokesperson
        rows.append(
            [
                incident.id,
                incident.lead_unit,
                incident.title,
                speaker.name if speaker else nobody,
                (speaker.phone or "") if speaker else "",
                timefmt.when(incident.occurred_at, tz, now),
                timefmt.when(reading.deadline, tz, now),
                _left(view, tz, now),
                labels[reading.state],
            ]
        )
        styles.append(STATE_STYLE.get(reading.state or ""))
    return table.render(columns, rows, styles, colour, width)


def _left(view: View, tz: ZoneInfo, now: datetime) -> str:
    reading = view.reading
    if reading.remaining_seconds is not None:
        return timefmt.remaining(reading.remaining_seconds)
    informed = view.incident.informed_at
    if informed:
        return t("status.informed_at", at=timefmt.when(informed, tz, now))
    return t("incident.status.closed") if view.incident.closed_at else "—"


def unpublished_lines(pending: list[PendingPublication], tz: ZoneInfo, now: datetime) -> list[str]:
    lines = []
    for item in sorted(pending, key=lambda entry: entry.due_at):
        key = "status.unpublished_overdue" if item.overdue else "status.unpublished"
        due = timefmt.when(item.due_at, tz, now)
        lines.append("  " + t(key, unit=item.person.unit_code, name=item.person.name, due=due))
    return lines


def card(view: View, events: list[Event], tz: ZoneInfo, now: datetime) -> str:
    """An incident in full: facts, deadlines one by one, and its timeline."""
    incident, reading = view.incident, view.reading
    speaker = view.spokesperson
    lines = [
        f"{incident.id}  {incident.title}",
        _field("field.status", t(f"incident.status.{incident.status}")),
        _field("field.lead", incident.lead_unit),
        _field("field.spokesperson", _speaker_line(speaker)),
        _field("field.occurred", timefmt.full(incident.occurred_at, tz)),
        _field("field.received", timefmt.full(incident.received_at, tz)),
    ]
    if incident.decided_at:
        lines.append(_field("field.decided", timefmt.full(incident.decided_at, tz)))
    for key, value in (
        ("field.category", incident.category),
        ("field.severity", t(f"severity.{incident.severity}") if incident.severity else None),
        ("field.location", incident.location),
        ("field.involves", ", ".join(incident.involves) or None),
        ("field.platform", incident.platform),
        ("field.source_url", incident.source_url),
    ):
        if value:
            lines.append(_field(key, value))
    lines.append(_field("field.deadline", _deadline_line(view, tz, now)))
    lines += deadline_lines(reading.deadlines, tz, now, reading.remaining_seconds)
    if incident.informed_at:
        lines.append(_field("field.informed", _informed_line(view, tz)))
    lines += ["", t("field.timeline")]
    lines += [f"  {timefmt.when(at, tz, now):<14} {label}" for at, label in timeline(view)]
    if events:
        lines += ["", t("field.audit")]
        lines += [_event_line(event, tz) for event in events]
    return "\n".join(lines)


_CARD_FIELDS = (
    "field.status",
    "field.lead",
    "field.spokesperson",
    "field.occurred",
    "field.received",
    "field.decided",
    "field.category",
    "field.severity",
    "field.location",
    "field.involves",
    "field.platform",
    "field.source_url",
    "field.deadline",
    "field.informed",
)


def _field(key: str, value: str) -> str:
    # Labels line up in both languages, whatever the longest label is.
    width = max(len(t(name)) for name in _CARD_FIELDS) + 1
    return f"  {t(key) + ':':<{width}} {value}"


def _speaker_line(person: Spokesperson | None) -> str:
    if person is None:
        return speaker_name(None)
    parts = [person.name, person.title, person.phone, person.email]
    line = ", ".join(part for part in parts if part)
    if person.role == "authorised":
        line += " (" + t("person.role.authorised") + ")"
    return line


def _deadline_line(view: View, tz: ZoneInfo, now: datetime) -> str:
    reading = view.reading
    if reading.deadline is None:
        return t("state.none")
    parts = [timefmt.full(reading.deadline, tz), state_label(reading.state)]
    if reading.remaining_seconds is not None:
        parts.append(timefmt.remaining(reading.remaining_seconds))
    return " — ".join(parts)


def deadline_lines(
    deadlines: tuple[Deadline, ...], tz: ZoneInfo, now: datetime, remaining: int | None
) -> list[str]:
    lines = []
    for item in deadlines:
        left = ""
        if remaining is not None:
            left = timefmt.remaining(int((item.due_at - now).total_seconds()))
        lines.append(
            f"      {item.rule.name:<24} {timefmt.when(item.due_at, tz, now):<14}"
            f" {state_label(item.state):<14} {left}".rstrip()
        )
        if item.rule.citation:
            lines.append(f"      {'':<24} {item.rule.citation}")
    return lines


def _informed_line(view: View, tz: ZoneInfo) -> str:
    incident = view.incident
    parts = [timefmt.full(incident.informed_at, tz)]
    if incident.informed_channel:
        parts.append(t(f"channel.{incident.informed_channel}"))
    if incident.informed_by:
        parts.append(incident.informed_by)
    if incident.informed_note:
        parts.append(incident.informed_note)
    return " — ".join(parts)


def event_json(event: Event, tz: ZoneInfo) -> dict[str, Any]:
    return {
        "at": iso_local(event.at, tz),
        "actor": event.actor,
        "kind": event.kind,
        "detail": _local_times(event.detail, tz),
    }


def _local_times(value: Any, tz: ZoneInfo) -> Any:
    """The audit detail with its stored UTC times given the workspace's offset, as all JSON."""
    if isinstance(value, dict):
        return {key: _local_times(item, tz) for key, item in value.items()}
    if isinstance(value, list):
        return [_local_times(item, tz) for item in value]
    if isinstance(value, str) and _STORED_TIME.match(value):
        return iso_local(datetime.fromisoformat(value), tz)
    return value


def _stored(value: Any, tz: ZoneInfo) -> str:
    """A value from the audit trail as a person reads it: stored UTC times in local time."""
    if isinstance(value, str) and _STORED_TIME.match(value):
        return timefmt.full(datetime.fromisoformat(value), tz)
    return "—" if value is None else str(value)


def timeline(view: View) -> list[tuple[datetime, str]]:
    """The incident's moments in the order they happened (not the order they were typed)."""
    incident = view.incident
    moments: list[tuple[datetime, str]] = [
        (incident.occurred_at, t("moment.occurred")),
        (incident.received_at, t("moment.received")),
    ]
    if incident.decided_at:
        moments.append((incident.decided_at, t("moment.decided")))
    for item in view.reading.deadlines:
        moments.append((item.due_at, t("moment.due", rule=item.rule.name)))
    if incident.informed_at:
        moments.append((incident.informed_at, t("moment.informed")))
    if incident.closed_at:
        moments.append((incident.closed_at, t("moment.closed")))
    return sorted(moments, key=lambda moment: moment[0])


def _event_line(event: Event, tz: ZoneInfo) -> str:
    line = f"  {timefmt.full(event.at, tz)}  {t('event.' + event.kind)}  ({event.actor})"
    before, after = event.detail.get("before"), event.detail.get("after")
    if isinstance(before, dict) and isinstance(after, dict):
        changes = [
            f"{key}: {_stored(before.get(key), tz)} → {_stored(after.get(key), tz)}"
            for key in after
        ]
        line += "  " + "; ".join(changes)
    figures = event.detail.get("figures")
    if event.kind == "conflicts-found" and isinstance(figures, list):
        line += "  " + "; ".join(f"«{item['found']}» ≠ {item['expected']}" for item in figures)
    return line
