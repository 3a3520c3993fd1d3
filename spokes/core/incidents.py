"""Incidents on the deadline clock.

The clock starts when the incident **occurred**, not when it was typed in. The lead unit is
the single focal point for speaking. Deadlines are never stored: they are read from the
policy rules each time, so a corrected time or a changed rule is reflected at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from spokes.clock import from_db, to_db
from spokes.config import Config
from spokes.core import audit, policy
from spokes.core.spokespersons import OnDuty, Spokesperson
from spokes.core.units import get as get_unit
from spokes.core.units import normalise_code
from spokes.errors import InvalidInput, NotFound, Refused
from spokes.store import Store
from spokes.text import tidy_or_none

SEVERITIES = ("low", "medium", "high", "critical")
CHANNELS = (
    "press-conference",
    "press-release",
    "portal",
    "social",
    "interview",
    "phone",
    "written",
    "sms",
)


# Not frozen: `status` builds one per open incident on every run, and frozen init costs 3x.
@dataclass(slots=True)
class Incident:
    id: str
    title: str
    lead_unit: str
    lead_kind: str | None
    status: str
    category: str | None
    severity: str | None
    location: str | None
    occurred_at: datetime
    received_at: datetime
    decided_at: datetime | None
    informed_at: datetime | None
    informed_channel: str | None
    informed_by: str | None
    informed_note: str | None
    closed_at: datetime | None
    close_note: str | None
    involves: tuple[str, ...] = ()
    source_url: str | None = None  # misinformation: where the false claim appeared
    platform: str | None = None

    def subject(self) -> policy.Subject:
        return policy.Subject(
            occurred_at=self.occurred_at,
            received_at=self.received_at,
            decided_at=self.decided_at,
            informed_at=self.informed_at,
            category=self.category,
            severity=self.severity,
            unit_kind=self.lead_kind,
        )

    def read_clock(self, config: Config, at: datetime) -> policy.Reading:
        # A closed incident's clock stopped when it was closed: read it as it stood then.
        moment = min(at, self.closed_at) if self.closed_at else at
        running = self.closed_at is None
        return policy.read(self.subject(), config.rules, moment, config.warning, running)


@dataclass(slots=True)
class View:
    """An incident with its clock and its spokesperson at one moment: what every output shows."""

    incident: Incident
    reading: policy.Reading
    spokesperson: Spokesperson | None


@dataclass
class Draft:
    """What ``incident open`` was told, already parsed."""

    title: str
    lead_unit: str
    occurred_at: datetime
    received_at: datetime
    decided_at: datetime | None = None
    category: str | None = None
    severity: str | None = None
    location: str | None = None
    involves: list[str] = field(default_factory=list)
    source_url: str | None = None
    platform: str | None = None


_SELECT = "SELECT i.*, u.kind AS lead_kind FROM incidents i JOIN units u ON u.code = i.lead_unit"


def from_row(row: dict[str, Any], involves: tuple[str, ...]) -> Incident:
    """An incident from a row of ``incidents`` joined with its lead unit's ``kind``."""
    occurred, received = from_db(row["occurred_at"]), from_db(row["received_at"])
    assert occurred is not None and received is not None
    return Incident(
        id=row["id"],
        title=row["title"],
        lead_unit=row["lead_unit"],
        lead_kind=row["lead_kind"],
        status=row["status"],
        category=row["category"],
        severity=row["severity"],
        location=row["location"],
        occurred_at=occurred,
        received_at=received,
        decided_at=from_db(row["decided_at"]),
        informed_at=from_db(row["informed_at"]),
        informed_channel=row["informed_channel"],
        informed_by=row["informed_by"],
        informed_note=row["informed_note"],
        closed_at=from_db(row["closed_at"]),
        close_note=row["close_note"],
        involves=involves,
        source_url=row["source_url"],
        platform=row["platform"],
    )


def _check_times(
    occurred: datetime, received: datetime, decided: datetime | None, informed: datetime | None
) -> None:
    if received < occurred:
        raise InvalidInput("incident.received_before_occurred")
    if decided is not None and decided < occurred:
        raise InvalidInput("incident.decided_before_occurred")
    if informed is not None and informed < occurred:
        raise InvalidInput("incident.informed_before_occurred")


def check_choice(value: str | None, choices: tuple[str, ...], key: str) -> str | None:
    if value is None:
        return None
    cleaned = value.strip().lower()
    if cleaned not in choices:
        raise InvalidInput(key, value=value, choices=", ".join(choices))
    return cleaned


def validate_draft(draft: Draft) -> Draft:
    """Checks what can be checked without the database; returns the cleaned draft."""
    title = tidy_or_none(draft.title)
    if not title:
        raise InvalidInput("incident.empty_title")
    _check_times(draft.occurred_at, draft.received_at, draft.decided_at, None)
    return Draft(
        title=title,
        lead_unit=normalise_code(draft.lead_unit),
        occurred_at=draft.occurred_at,
        received_at=draft.received_at,
        decided_at=draft.decided_at,
        category=(tidy_or_none(draft.category) or "").lower() or None,
        severity=check_choice(draft.severity, SEVERITIES, "incident.bad_severity"),
        location=tidy_or_none(draft.location),
        involves=[normalise_code(code) for code in draft.involves],
        source_url=tidy_or_none(draft.source_url),
        platform=tidy_or_none(draft.platform),
    )


def open_incident(store: Store, draft: Draft, tz: ZoneInfo, at: datetime) -> Incident:
    draft = validate_draft(draft)
    with store.transaction():
        lead = get_unit(store, draft.lead_unit)
        involved = _involved(store, draft.involves, lead.code)
        year = at.astimezone(tz).year
        incident_id = f"{year}-{store.next_value(f'incident-{year}'):04d}"
        store.execute(
            "INSERT INTO incidents (id, title, lead_unit, status, category, severity, location,"
            " occurred_at, received_at, decided_at, source_url, platform, created_at, updated_at)"
            " VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                incident_id,
                draft.title,
                lead.code,
                draft.category,
                draft.severity,
                draft.location,
                to_db(draft.occurred_at),
                to_db(draft.received_at),
                to_db(draft.decided_at),
                draft.source_url,
                draft.platform,
                to_db(at),
                to_db(at),
            ),
        )
        _set_involved(store, incident_id, involved)
        audit.record(
            store,
            "incident-opened",
            at,
            incident_id=incident_id,
            unit_code=lead.code,
            title=draft.title,
            occurred_at=to_db(draft.occurred_at),
            received_at=to_db(draft.received_at),
            decided_at=to_db(draft.decided_at),
            involves=involved,
            source_url=draft.source_url,
            platform=draft.platform,
        )
    return get(store, incident_id)


def _involved(store: Store, codes: list[str], lead: str) -> list[str]:
    involved: list[str] = []
    for code in codes:
        unit = get_unit(store, code)
        if unit.code != lead and unit.code not in involved:
            involved.append(unit.code)
    return involved


def _set_involved(store: Store, incident_id: str, codes: list[str]) -> None:
    store.execute("DELETE FROM incident_units WHERE incident_id = ?", (incident_id,))
    for code in codes:
        store.execute(
            "INSERT INTO incident_units (incident_id, unit_code) VALUES (?, ?)",
            (incident_id, code),
        )


def normalise_id(incident_id: str) -> str:
    """``2026-3`` and ``2026-0003`` name the same incident: numbers are padded to four digits."""
    key = incident_id.strip().upper()
    year, _, number = key.partition("-")
    if year.isdigit() and number.isdigit():
        return f"{year}-{int(number):04d}"
    return key


def get(store: Store, incident_id: str) -> Incident:
    key = normalise_id(incident_id)
    row = store.query_one(_SELECT + " WHERE i.id = ?", (key,))
    if row is None:
        raise NotFound("incident.unknown", id=incident_id, hint=_suggest(store, key))
    involves = store.query(
        "SELECT unit_code FROM incident_units WHERE incident_id = ? ORDER BY unit_code", (key,)
    )
    return from_row(row, tuple(r["unit_code"] for r in involves))


def _suggest(store: Store, key: str) -> str:
    import difflib  # only on the error path

    # Only recent ids: the suggestion is for a typo, and the table can be large.
    recent = [r["id"] for r in store.query("SELECT id FROM incidents ORDER BY id DESC LIMIT 500")]
    close = difflib.get_close_matches(key, recent, n=1, cutoff=0.7)
    return close[0] if close else ""


def select(
    store: Store,
    status: str | None = "open",
    unit: str | None = None,
    since: datetime | None = None,
) -> list[Incident]:
    """Incidents by status (``None`` for all), lead unit and occurrence time."""
    where: list[str] = []
    params: list[Any] = []
    if status is not None:
        where.append("i.status = ?")
        params.append(status)
    if unit is not None:
        where.append("i.lead_unit = ?")
        params.append(get_unit(store, unit).code)
    if since is not None:
        where.append("i.occurred_at >= ?")
        params.append(to_db(since))
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    rows = store.query(_SELECT + clause + " ORDER BY i.occurred_at, i.id", params)
    involves = _involves_of(store, status)
    return [from_row(row, involves.get(row["id"], ())) for row in rows]


def _involves_of(store: Store, status: str | None) -> dict[str, tuple[str, ...]]:
    sql = "SELECT iu.incident_id, iu.unit_code FROM incident_units iu"
    params: list[Any] = []
    if status is not None:
        sql += " JOIN incidents i ON i.id = iu.incident_id WHERE i.status = ?"
        params.append(status)
    found: dict[str, list[str]] = {}
    for row in store.query(sql + " ORDER BY iu.unit_code", params):
        found.setdefault(row["incident_id"], []).append(row["unit_code"])
    return {key: tuple(value) for key, value in found.items()}


def views(store: Store, config: Config, incidents: list[Incident], at: datetime) -> list[View]:
    """Each incident with its clock and the lead unit's spokesperson on duty at ``at``."""
    duty = OnDuty(store, at)
    return [
        View(
            incident, incident.read_clock(config, at), duty.speaker(incident.lead_unit, incident.id)
        )
        for incident in incidents
    ]


def inform(
    store: Store,
    incident_id: str,
    informed_at: datetime,
    channel: str | None,
    by: str | None,
    note: str | None,
    at: datetime,
) -> Incident:
    """Records that initial information was given to the press; this stops the clock."""
    channel = check_choice(channel, CHANNELS, "incident.bad_channel")
    with store.transaction():
        incident = get(store, incident_id)
        if incident.informed_at is not None:
            raise Refused("incident.already_informed", id=incident.id, at=incident.informed_at)
        if incident.status == "closed":
            raise Refused("incident.closed", id=incident.id)
        _check_times(incident.occurred_at, incident.received_at, None, informed_at)
        store.execute(
            "UPDATE incidents SET informed_at = ?, informed_channel = ?, informed_by = ?,"
            " informed_note = ?, updated_at = ? WHERE id = ?",
            (
                to_db(informed_at),
                channel,
                tidy_or_none(by),
                tidy_or_none(note),
                to_db(at),
                incident.id,
            ),
        )
        audit.record(
            store,
            "incident-informed",
            at,
            incident_id=incident.id,
            unit_code=incident.lead_unit,
            informed_at=to_db(informed_at),
            channel=channel,
            by=tidy_or_none(by),
            note=tidy_or_none(note),
        )
    return get(store, incident.id)


EDITABLE = (
    "title",
    "lead_unit",
    "occurred_at",
    "received_at",
    "decided_at",
    "category",
    "severity",
    "location",
    "involves",
    "source_url",
    "platform",
)


def edit(store: Store, incident_id: str, changes: dict[str, Any], at: datetime) -> Incident:
    """Corrects an incident; a corrected time recomputes its deadlines (they are never stored)."""
    if not changes:
        raise InvalidInput("incident.nothing_to_change")
    with store.transaction():
        incident = get(store, incident_id)
        updated = _apply(store, incident, changes)
        if incident.informed_at is not None and updated["occurred_at"] > incident.informed_at:
            raise InvalidInput("incident.occurred_after_informed", at=incident.informed_at)
        _check_times(updated["occurred_at"], updated["received_at"], updated["decided_at"], None)
        before = {key: _plain(getattr(incident, key)) for key in changes}
        after = {key: _plain(updated[key]) for key in changes}
        columns = [key for key in changes if key != "involves"]
        if columns:
            assignments = ", ".join(f"{key} = ?" for key in columns)
            store.execute(
                f"UPDATE incidents SET {assignments}, updated_at = ? WHERE id = ?",
                (*[_column(updated[key]) for key in columns], to_db(at), incident.id),
            )
        if updated["involves"] != incident.involves:
            _set_involved(store, incident.id, list(updated["involves"]))
        audit.record(
            store,
            "incident-edited",
            at,
            incident_id=incident.id,
            unit_code=incident.lead_unit,
            before=before,
            after=after,
        )
    return get(store, incident.id)


def _apply(store: Store, incident: Incident, changes: dict[str, Any]) -> dict[str, Any]:
    unknown = set(changes) - set(EDITABLE)
    assert not unknown, unknown  # the CLI only passes editable fields
    updated = {key: getattr(incident, key) for key in EDITABLE}
    updated.update(changes)
    if "title" in changes:
        updated["title"] = tidy_or_none(changes["title"])
        if not updated["title"]:
            raise InvalidInput("incident.empty_title")
    if "lead_unit" in changes:
        updated["lead_unit"] = get_unit(store, changes["lead_unit"]).code
    if "severity" in changes:
        updated["severity"] = check_choice(changes["severity"], SEVERITIES, "incident.bad_severity")
    if "category" in changes:
        updated["category"] = (tidy_or_none(changes["category"]) or "").lower() or None
    for key in ("location", "source_url", "platform"):
        if key in changes:
            updated[key] = tidy_or_none(changes[key])
    if "involves" in changes or "lead_unit" in changes:
        # A new lead unit is no longer merely "involved".
        codes = changes.get("involves", list(incident.involves))
        updated["involves"] = tuple(_involved(store, codes, updated["lead_unit"]))
    return updated


def _column(value: Any) -> Any:
    return to_db(value) if isinstance(value, datetime) else value


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return to_db(value)
    return list(value) if isinstance(value, tuple) else value


def count_open(store: Store, unit_code: str) -> int:
    return int(
        store.scalar(
            "SELECT COUNT(*) FROM incidents WHERE lead_unit = ? AND status = 'open'", (unit_code,)
        )
    )


def close(store: Store, incident_id: str, note: str | None, at: datetime) -> Incident:
    with store.transaction():
        incident = get(store, incident_id)
        if incident.status == "closed":
            raise Refused("incident.already_closed", id=incident.id, at=incident.closed_at)
        store.execute(
            "UPDATE incidents SET status = 'closed', closed_at = ?, close_note = ?, updated_at = ?"
            " WHERE id = ?",
            (to_db(at), tidy_or_none(note), to_db(at), incident.id),
        )
        audit.record(
            store,
            "incident-closed",
            at,
            incident_id=incident.id,
            unit_code=incident.lead_unit,
            note=tidy_or_none(note),
            informed=incident.informed_at is not None,
        )
    return get(store, incident.id)
