"""The annual report on speaking to the press (Decree 244/2026 Art. 10), from the records.

The year Y runs from ``starts`` (15 December) of Y-1 to the day before ``starts`` of Y, in the
workspace's zone. Each figure counts the records whose own moment falls in that window (a
conference held, a request received, an incident occurred, a false report published) and
their outcome as known when the report is made: a request received on 14 December and answered
on 16 December counts as answered in year Y. Incidents are counted by when they occurred, as
``report period`` counts them, so the two reports agree.

Every number comes with the records behind it (:class:`Item`), so it can be checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from typing import Any, Literal
from zoneinfo import ZoneInfo

from spokes.clock import from_db, to_db
from spokes.config import Config
from spokes.core import audit, policy, press
from spokes.core.incidents import Incident, from_row
from spokes.core.periodic import CONFERENCE, Window, check_year, moment, window
from spokes.core.units import Unit, all_units, tree_order
from spokes.core.units import get as get_unit
from spokes.errors import Refused
from spokes.store import Store
from spokes.text import tidy_or_none

FIGURES = ("conferences", "briefings", "replies", "spoken", "on_time", "responses")

ItemState = Literal[
    "held",  # a conference or briefing
    "at_conference",  # information given at a press conference that was not recorded
    "duplicate",  # a press-conference statement on a day a conference is recorded
    "replied",
    "refused",
    "waiting",
    "informed",
    "not_informed",
    "met",
    "late",
    "overdue",
    "not_yet_due",  # under a deadline that has not come: out of item 5 for now
    "closed",  # closed without information before its deadline: out of item 5
    "responded",
    "not_responded",
]
COUNTED: frozenset[str] = frozenset(
    {"held", "at_conference", "replied", "informed", "met", "responded"}
)
# States that are not in the denominator of their figure.
OUTSIDE: frozenset[str] = frozenset({"duplicate", "not_yet_due", "closed"})


# -- what a report is made of --------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One record behind one figure, and how it counts."""

    figure: str  # one of FIGURES
    unit: str
    kind: str  # press-event, statement, incident, request, correction
    ref: str  # the record's id as the commands take it
    at: datetime
    text: str
    state: ItemState
    note: str | None = None  # a refusal's ground or reason, a response's document number
    incident: str | None = None  # the incident it is about, when there is one

    @property
    def counted(self) -> bool:
        return self.state in COUNTED

    @property
    def in_total(self) -> bool:
        return self.state not in OUTSIDE


@dataclass
class Figures:
    conferences: int = 0
    briefings: int = 0
    replies: int = 0
    requests: int = 0
    refused: int = 0  # of the requests: answered with a refusal and its reason
    spoken: int = 0
    incidents: int = 0
    on_time: int = 0
    under_deadline: int = 0
    not_yet_due: int = 0
    responses: int = 0
    false_reports: int = 0

    def add(self, item: Item) -> None:
        counted, total = PARTS[item.figure]
        if item.counted:
            setattr(self, counted, getattr(self, counted) + 1)
        if total and item.in_total:
            setattr(self, total, getattr(self, total) + 1)
        if item.state == "refused":
            self.refused += 1
        if item.state == "not_yet_due":
            self.not_yet_due += 1

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


# figure -> (the counter of what counts, the counter of the whole, if the form has a fraction)
PARTS: dict[str, tuple[str, str | None]] = {
    "conferences": ("conferences", None),
    "briefings": ("briefings", None),
    "replies": ("replies", "requests"),
    "spoken": ("spoken", "incidents"),
    "on_time": ("on_time", "under_deadline"),
    "responses": ("responses", "false_reports"),
}


def fraction(figures: Figures, figure: str) -> str:
    """``3`` or ``2/5``: the form writes a fraction as "a/b"."""
    top, bottom = PARTS[figure]
    counted = getattr(figures, top)
    return f"{counted}/{getattr(figures, bottom)}" if bottom else str(counted)


@dataclass(frozen=True)
class Notes:
    difficulties: str | None = None
    proposals: str | None = None
    sent_at: datetime | None = None
    sent_document: str | None = None


@dataclass(frozen=True)
class UnitFigures:
    unit: Unit
    figures: Figures


@dataclass(frozen=True)
class Report:
    window: Window
    zone: str
    made_at: datetime
    unit: Unit | None  # the one unit asked for, or None: every unit
    units: list[UnitFigures]
    total: Figures
    items: list[Item] = field(default_factory=list)
    notes: Notes = field(default_factory=Notes)


# -- the report ----------------------------------------------------------------------------


def annual_report(
    store: Store, config: Config, tz: ZoneInfo, year: int, unit: str | None, now: datetime
) -> Report:
    span = window(year, config.annual_report, tz)
    only = get_unit(store, unit) if unit else None
    items = [
        *_conferences(store, span, tz),
        *_briefings(store, span),
        *_requests(store, span, now),
        *_incident_items(store, config, span, now),
        *_corrections(store, span, now),
    ]
    if only is not None:
        items = [item for item in items if item.unit == only.code]
    items.sort(key=lambda item: (FIGURES.index(item.figure), item.at, item.ref))
    by_unit: dict[str, Figures] = {}
    total = Figures()
    for item in items:
        by_unit.setdefault(item.unit, Figures()).add(item)
        total.add(item)
    known = {u.code: u for u in all_units(store)}
    order = [u for u in tree_order(list(known.values())) if u.code in by_unit]
    if only is not None and not order:
        order = [only]
        by_unit[only.code] = Figures()
    lines = [UnitFigures(u, by_unit[u.code]) for u in order]
    return Report(span, tz.key, now, only, lines, total, items, notes(store, year))


def _conferences(store: Store, span: Window, tz: ZoneInfo) -> list[Item]:
    """Recorded conferences, and information given at a press conference without one: a
    statement issued on the press-conference channel, or an incident informed there. Those
    count once per unit and day, and not at all on a day the unit recorded a conference, nor
    when their incident is linked to a conference recorded that day (by whichever unit: a
    province's conference where a commune's incident was spoken on is one conference)."""
    held = [e for e in press.events_between(store, span.start, span.end) if e.kind == "conference"]
    found = [
        Item("conferences", e.unit_code, "press-event", str(e.id), e.at, _topic(e), "held")
        for e in held
    ]
    days = {(item.unit, item.at.astimezone(tz).date()) for item in found}
    linked = {(code, e.at.astimezone(tz).date()) for e in held for code in e.incidents}
    for item in _conference_information(store, span):
        day = item.at.astimezone(tz).date()
        known = (item.unit, day) in days or (item.incident, day) in linked
        found.append(_as_duplicate(item) if known else item)
        days.add((item.unit, day))
    return found


def _as_duplicate(item: Item) -> Item:
    return replace(item, state="duplicate")


def _topic(event: press.PressEvent) -> str:
    parts = [event.topic or "", event.organiser or "", ", ".join(event.incidents)]
    return " · ".join(part for part in parts if part)


def _conference_information(store: Store, span: Window) -> list[Item]:
    params = (to_db(span.start), to_db(span.end))
    statements = store.query(
        "SELECT s.id, s.issued_at, i.lead_unit, i.id AS incident_id, i.title FROM statements s"
        " JOIN incidents i ON i.id = s.incident_id"
        " WHERE s.status = 'issued' AND COALESCE(s.issued_channel, s.channel) = ?"
        " AND s.issued_at >= ? AND s.issued_at < ? ORDER BY s.issued_at, s.id",
        (CONFERENCE, *params),
    )
    # An incident informed at a conference by `incident inform`, not by a statement.
    informed = store.query(
        "SELECT id, informed_at, lead_unit, title FROM incidents"
        " WHERE informed_channel = ? AND informed_at >= ? AND informed_at < ?"
        " AND NOT EXISTS (SELECT 1 FROM statements s WHERE s.incident_id = incidents.id"
        " AND s.status = 'issued' AND s.issued_at = incidents.informed_at"
        " AND COALESCE(s.issued_channel, s.channel) = ?)"
        " ORDER BY informed_at, id",
        (CONFERENCE, *params, CONFERENCE),
    )
    found = [
        Item(
            "conferences",
            row["lead_unit"],
            "statement",
            str(row["id"]),
            moment(row["issued_at"]),
            f"{row['incident_id']} {row['title']}",
            "at_conference",
            incident=row["incident_id"],
        )
        for row in statements
    ]
    found += [
        Item(
            "conferences",
            row["lead_unit"],
            "incident",
            row["id"],
            moment(row["informed_at"]),
            row["title"],
            "at_conference",
            incident=row["id"],
        )
        for row in informed
    ]
    found.sort(key=lambda item: (item.at, item.ref))
    return found


def _briefings(store: Store, span: Window) -> list[Item]:
    return [
        Item("briefings", e.unit_code, "press-event", str(e.id), e.at, _topic(e), "held")
        for e in press.events_between(store, span.start, span.end)
        if e.kind == "briefing"
    ]


def _requests(store: Store, span: Window, now: datetime) -> list[Item]:
    found = []
    for r in press.requests_between(store, span.start, span.end):
        answered = r.answered_at is not None and r.answered_at <= now
        state: ItemState = (r.outcome or "waiting") if answered else "waiting"
        note = (r.refusal_reason or r.refusal_ground) if answered else None
        text = f"{r.outlet}: {r.about}"
        found.append(
            Item("replies", r.unit_code, "request", str(r.id), r.received_at, text, state, note)
        )
    return found


def _incident_items(store: Store, config: Config, span: Window, now: datetime) -> list[Item]:
    rows = store.query(
        "SELECT i.*, u.kind AS lead_kind FROM incidents i JOIN units u ON u.code = i.lead_unit"
        " WHERE i.occurred_at >= ? AND i.occurred_at < ? ORDER BY i.occurred_at, i.id",
        (to_db(span.start), to_db(span.end)),
    )
    rules = tuple(rule for rule in config.rules if rule.annual)
    found = []
    for incident in (from_row(row, ()) for row in rows):
        informed = incident.informed_at is not None and incident.informed_at <= now
        text = incident.title
        spoken: ItemState = "informed" if informed else "not_informed"
        found.append(
            Item(
                "spoken",
                incident.lead_unit,
                "incident",
                incident.id,
                incident.occurred_at,
                text,
                spoken,
            )
        )
        state = _on_time(incident, rules, config, now)
        if state is not None:
            found.append(
                Item(
                    "on_time",
                    incident.lead_unit,
                    "incident",
                    incident.id,
                    incident.occurred_at,
                    text,
                    state,
                )
            )
    return found


def _on_time(
    incident: Incident, rules: tuple[Any, ...], config: Config, now: datetime
) -> ItemState | None:
    """Item 5: whether the information met the earliest of the 24-hour deadlines; None when
    none of them applies to the incident."""
    moment = min(now, incident.closed_at) if incident.closed_at else now
    reading = policy.read(
        incident.subject(), rules, moment, config.warning, incident.closed_at is None
    )
    if reading.state is None:
        return None
    if reading.state in ("met", "late", "overdue"):
        return reading.state
    return "closed" if incident.closed_at else "not_yet_due"


def _corrections(store: Store, span: Window, now: datetime) -> list[Item]:
    found = []
    for c in press.corrections_between(store, span.start, span.end):
        responded = c.responded_at is not None and c.responded_at <= now
        state: ItemState = "responded" if responded else "not_responded"
        document = c.document if responded else None
        text = f"{c.outlet}: {c.claim}"
        found.append(
            Item(
                "responses",
                c.unit_code,
                "correction",
                str(c.id),
                c.published_at,
                text,
                state,
                document,
            )
        )
    return found


def items_of(report: Report, figure: str) -> list[Item]:
    return [item for item in report.items if item.figure == figure]


# -- section II and the sending ------------------------------------------------------------


def notes(store: Store, year: int) -> Notes:
    row = store.query_one("SELECT * FROM annual_reports WHERE year = ?", (year,))
    if row is None:
        return Notes()
    return Notes(
        row["difficulties"], row["proposals"], from_db(row["sent_at"]), row["sent_document"]
    )


def save_notes(
    store: Store,
    year: int,
    difficulties: str | None,
    proposals: str | None,
    now: datetime,
) -> Notes:
    """Section II of year ``year``: the texts given replace the saved ones; ``None`` keeps one."""
    check_year(year)
    with store.transaction():
        saved = notes(store, year)
        hard = _paragraphs(difficulties) if difficulties is not None else saved.difficulties
        asks = _paragraphs(proposals) if proposals is not None else saved.proposals
        if (hard, asks) == (saved.difficulties, saved.proposals):
            return saved
        _upsert(store, year, {"difficulties": hard, "proposals": asks}, now)
        audit.record(store, "annual-notes-saved", now, year=year, difficulties=hard, proposals=asks)
    return notes(store, year)


def _paragraphs(text: str) -> str | None:
    """Lines kept, spaces inside each tidied, blank lines at the ends dropped."""
    lines = [tidy_or_none(line) or "" for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip("\n") or None


def mark_sent(
    store: Store,
    config: Config,
    tz: ZoneInfo,
    year: int,
    at: datetime,
    document: str | None,
    now: datetime,
) -> Notes:
    """Records that the year's report went to the Ministry: `status` stops reminding."""
    span = window(year, config.annual_report, tz)
    if at < span.start:
        raise Refused("annual.sent_before_window", year=year, first=f"{span.first:%d/%m/%Y}")
    number = tidy_or_none(document)
    with store.transaction():
        saved = notes(store, year)
        if saved.sent_at is not None:
            raise Refused("annual.already_sent", year=year, at=saved.sent_at)
        _upsert(store, year, {"sent_at": to_db(at), "sent_document": number}, now)
        audit.record(store, "annual-report-sent", now, year=year, at=to_db(at), document=number)
    return notes(store, year)


def _upsert(store: Store, year: int, values: dict[str, Any], now: datetime) -> None:
    columns = [*values, "updated_at"]
    params = [*values.values(), to_db(now)]
    marks = ", ".join("?" for _ in columns)
    updates = ", ".join(f"{name} = excluded.{name}" for name in columns)
    store.execute(
        f"INSERT INTO annual_reports (year, {', '.join(columns)}) VALUES (?, {marks})"
        f" ON CONFLICT (year) DO UPDATE SET {updates}",
        (year, *params),
    )
