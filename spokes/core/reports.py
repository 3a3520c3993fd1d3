"""The end-of-day status table and the period report, computed without printing anything.

A report day is a LOCAL date in the workspace's zone: from 00:00 to 24:00 there, never in the
machine's zone. Each row of a day report is read as it stood at the end of that day (or now,
for today): the clock, the initial information, the spokesperson on duty, the statements issued
and the conflicts found up to that moment. So a report for yesterday says the same thing
whenever it is run (as long as nobody corrected the incidents meanwhile).

Three queries per report, whatever the number of incidents: the incidents of the window, the
statements issued per incident, the conflicts found per incident.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

from spokes.clock import to_db
from spokes.config import Config
from spokes.core.incidents import Incident, from_row
from spokes.core.policy import Reading, State
from spokes.core.spokespersons import OnDuty, Spokesperson
from spokes.core.units import get as get_unit
from spokes.errors import InvalidInput
from spokes.store import Store

_TODAY = {"today", "hôm nay", "hom nay"}
_YESTERDAY = {"yesterday", "hôm qua", "hom qua"}
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}))?$")


# -- the day and its window ----------------------------------------------------------------


def parse_day(
    text: str, today: date, allow_future: bool = False, not_before: date | None = None
) -> date:
    """A local date as people type it: ``2026-11-29``, ``29/11/2026``, ``29/11``, ``today``,
    ``yesterday``, ``hôm nay``, ``hôm qua``. A day and month without a year is the most recent
    such date not after ``today`` (``29/12`` typed on 5 January is last year's), or, for the
    end of a period, the first such date from ``not_before`` on. A day after ``today`` only
    when ``allow_future`` (the end of a period that is not over yet)."""
    cleaned = " ".join(unicodedata.normalize("NFC", text).strip().lower().split())
    cleaned = cleaned.removeprefix("ngày ").strip()
    day = _read_day(cleaned, today, not_before)
    if day is None:
        raise InvalidInput("report.bad_date", value=text)
    if day > today and not allow_future:
        raise InvalidInput("report.future_date", value=text, shown=f"{day:%d/%m/%Y}")
    return day


def _read_day(cleaned: str, today: date, not_before: date | None) -> date | None:
    if cleaned in _TODAY:
        return today
    if cleaned in _YESTERDAY:
        return today - timedelta(days=1)
    iso = _ISO_DATE.match(cleaned)
    first = _DAY_FIRST.match(cleaned)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        if first and first[3]:
            return date(int(first[3]), int(first[2]), int(first[1]))
    except ValueError:  # 31/02/2026, month 13
        return None
    if first:
        return _without_year(int(first[1]), int(first[2]), today, not_before)
    return None


def _without_year(day: int, month: int, today: date, not_before: date | None) -> date | None:
    """The most recent ``day``/``month`` not after ``today``, or the first one from
    ``not_before`` on; 29/02 looks as far as the nearest leap year. None for no such date."""
    start = not_before.year if not_before else today.year
    step = 1 if not_before else -1
    for year in range(start, start + 9 * step, step):
        try:
            found = date(year, month, day)
        except ValueError:  # 29/02 of a common year, or 31/04 of any
            continue
        if (not_before and found >= not_before) or (not not_before and found <= today):
            return found
    return None


def local_today(now: datetime, tz: ZoneInfo) -> date:
    return now.astimezone(tz).date()


def day_start(day: date, tz: ZoneInfo) -> datetime:
    """Local midnight at the start of ``day``, in UTC (a zone with DST has 23- or 25-hour days)."""
    return datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)


# -- states and figures shared by both reports -----------------------------------------------

# The clock's states, and one of the reports' own: closed before its deadline with no initial
# information. Its clock stopped "pending" at the closing, but nothing is pending any more.
Closed = Literal["closed_without_information"]
ReportState = State | Closed
CLOSED: Closed = "closed_without_information"


def report_state(incident: Incident, reading: Reading, at: datetime) -> ReportState | None:
    """The state a report shows at ``at``: the clock's, but an incident closed by then while
    its deadline had not passed and nothing was given is ``closed_without_information``."""
    closed = incident.closed_at is not None and incident.closed_at <= at
    if closed and reading.state in ("pending", "at_risk"):
        return CLOSED
    return reading.state


@dataclass(frozen=True, slots=True)
class Tally:
    """Counts of clock states and the times to initial information of a set of incidents.

    The on-time rate is met / (met + late + still overdue). Incidents whose deadline has not
    passed without information (``awaiting``: pending or at risk) are not decided yet, those
    closed before their deadline without information (``closed``) never will be, and those
    without a deadline have nothing to keep: none of them counts either way.
    """

    incidents: int
    met: int
    late: int
    overdue: int
    awaiting: int
    closed: int
    no_deadline: int
    on_time_rate: float | None
    median_minutes: float | None
    worst_minutes: int | None


def tally(
    states: Iterable[ReportState | None],
    minutes: Iterable[int | None],
    incidents: int | None = None,
) -> Tally:
    """Counts of ``states``; ``incidents`` when not all of them are counted (the day report
    counts an outcome on the day it happened only)."""
    counts: dict[ReportState | None, int] = {}
    for state in states:
        counts[state] = counts.get(state, 0) + 1
    met, late, overdue = counts.get("met", 0), counts.get("late", 0), counts.get("overdue", 0)
    decided = met + late + overdue
    known = [value for value in minutes if value is not None]
    return Tally(
        incidents=sum(counts.values()) if incidents is None else incidents,
        met=met,
        late=late,
        overdue=overdue,
        awaiting=counts.get("pending", 0) + counts.get("at_risk", 0),
        closed=counts.get(CLOSED, 0),
        no_deadline=counts.get(None, 0),
        on_time_rate=met / decided if decided else None,
        median_minutes=float(statistics.median(known)) if known else None,
        worst_minutes=max(known) if known else None,
    )


def minutes_between(start: datetime, end: datetime | None) -> int | None:
    return None if end is None else int((end - start).total_seconds() // 60)


# -- the day report --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DayRow:
    """One incident as it stood at the report's moment."""

    incident: Incident
    reading: Reading
    state: ReportState | None  # what the report shows: the clock's, or closed without it
    informed_at: datetime | None  # only when given by the report's moment
    closed_at: datetime | None  # likewise
    minutes_to_information: int | None
    spokesperson: Spokesperson | None
    statements_issued: int
    conflicts_found: int


@dataclass(frozen=True, slots=True)
class DayReport:
    day: date
    zone: str
    start: datetime
    end: datetime
    at: datetime  # every row is read at this moment: the end of the day, or now
    generated_at: datetime
    unit: str | None
    rows: list[DayRow]
    summary: Tally

    @property
    def is_today(self) -> bool:
        return self.at < self.end


_SELECT = (
    "SELECT i.*, u.kind AS lead_kind, u.name AS lead_name"
    " FROM incidents i JOIN units u ON u.code = i.lead_unit"
)


@dataclass(frozen=True, slots=True)
class _Where:
    """One WHERE clause for the incidents, reused as a sub-query by the counting queries."""

    sql: str
    params: tuple[Any, ...]

    def ids(self) -> str:
        return f"SELECT i.id FROM incidents i WHERE {self.sql}"


def _day_where(config: Config, start: datetime, end: datetime, unit: str | None) -> _Where:
    # Open at some moment of the day, or possibly due within it: a deadline counts from the
    # occurred, received or decided time, at most the longest rule's limit before it falls.
    longest = max((rule.within for rule in config.rules), default=timedelta(0))
    earliest = to_db(start - longest)
    sql = (
        "i.occurred_at < ? AND (i.closed_at IS NULL OR i.closed_at >= ?"
        " OR i.occurred_at >= ? OR i.received_at >= ? OR i.decided_at >= ?)"
    )
    params: tuple[Any, ...] = (to_db(end), to_db(start), earliest, earliest, earliest)
    if unit is not None:
        sql, params = sql + " AND i.lead_unit = ?", (*params, unit)
    return _Where(sql, params)


def day_report(
    store: Store, config: Config, tz: ZoneInfo, day: date, unit: str | None, now: datetime
) -> DayReport:
    """Every incident open at some moment of the local ``day`` or due within it."""
    code = get_unit(store, unit).code if unit else None
    start, end = day_start(day, tz), day_start(day + timedelta(days=1), tz)
    at = min(end, now)
    where = _day_where(config, start, end, code)
    counts = _Counts(_statement_counts(store, where, at), _conflict_counts(store, where, at))
    duty = OnDuty(store, at)
    rows = []
    for incident in _incidents(store, where):
        reading = incident.read_clock(config, at)
        if _in_day(incident, reading, start, end):
            rows.append(_day_row(incident, reading, at, duty, counts))
    return DayReport(day, tz.key, start, end, at, now, code, rows, day_summary(rows, start, end))


def day_summary(rows: list[DayRow], start: datetime, end: datetime) -> Tally:
    """What happened that day: on time and late (and the median) count the incidents informed
    within the day, closed without information those closed within it; still overdue and not
    yet due are read at the day's end. An incident informed on an earlier day is among the
    incidents of the day, but its outcome was counted on that day, not again."""

    def within(moment: datetime | None) -> bool:
        return moment is not None and start <= moment < end

    def counted(row: DayRow) -> bool:
        if row.state in ("met", "late"):
            return within(row.informed_at)
        return row.state != CLOSED or within(row.closed_at)

    kept = [row for row in rows if counted(row)]
    minutes = (row.minutes_to_information for row in rows if within(row.informed_at))
    return tally((row.state for row in kept), minutes, incidents=len(rows))


@dataclass(frozen=True, slots=True)
class _Counts:
    issued: dict[str, int]
    conflicts: dict[str, int]


def _day_row(
    incident: Incident, reading: Reading, at: datetime, duty: OnDuty, counts: _Counts
) -> DayRow:
    informed = _by(incident.informed_at, at)
    return DayRow(
        incident=incident,
        reading=reading,
        state=report_state(incident, reading, at),
        informed_at=informed,
        closed_at=_by(incident.closed_at, at),
        minutes_to_information=minutes_between(incident.occurred_at, informed),
        spokesperson=duty.speaker(incident.lead_unit, incident.id),
        statements_issued=counts.issued.get(incident.id, 0),
        conflicts_found=counts.conflicts.get(incident.id, 0),
    )


def _in_day(incident: Incident, reading: Reading, start: datetime, end: datetime) -> bool:
    open_in_day = incident.closed_at is None or incident.closed_at >= start
    due_in_day = reading.deadline is not None and start <= reading.deadline < end
    return open_in_day or due_in_day


def _by(moment: datetime | None, at: datetime) -> datetime | None:
    """The moment if it had happened by ``at``: the report shows what was known then."""
    return moment if moment is not None and moment <= at else None


def _incidents(store: Store, where: _Where) -> list[Incident]:
    rows = store.query(f"{_SELECT} WHERE {where.sql} ORDER BY i.occurred_at, i.id", where.params)
    return [_row(row) for row in rows]


def _statement_counts(store: Store, where: _Where, at: datetime) -> dict[str, int]:
    rows = store.query(
        "SELECT incident_id, COUNT(*) AS n FROM statements WHERE status = 'issued'"
        f" AND issued_at <= ? AND incident_id IN ({where.ids()}) GROUP BY incident_id",
        (to_db(at), *where.params),
    )
    return {row["incident_id"]: int(row["n"]) for row in rows}


def _conflict_counts(store: Store, where: _Where, at: datetime) -> dict[str, int]:
    # `statement check` records one event per distinct text that contradicts the facts.
    rows = store.query(
        "SELECT incident_id, COUNT(*) AS n FROM events WHERE kind = 'conflicts-found'"
        f" AND at <= ? AND incident_id IN ({where.ids()}) GROUP BY incident_id",
        (to_db(at), *where.params),
    )
    return {row["incident_id"]: int(row["n"]) for row in rows}


# -- the period report -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LateItem:
    """An incident that missed its deadline: informed late, or still without information."""

    incident: Incident
    state: State
    deadline: datetime
    minutes_to_information: int | None
    minutes_late: int  # after the deadline: until the information, or until now


@dataclass(frozen=True, slots=True)
class UnitLine:
    unit: str | None  # None for the total line
    name: str | None
    tally: Tally
    late: list[LateItem]


@dataclass(frozen=True, slots=True)
class PeriodReport:
    first: date
    last: date
    zone: str
    start: datetime
    end: datetime
    generated_at: datetime  # every clock is read now: information given after the period counts
    unit: str | None
    units: list[UnitLine]
    total: UnitLine


def period_report(
    store: Store,
    config: Config,
    tz: ZoneInfo,
    first: date,
    last: date,
    unit: str | None,
    now: datetime,
) -> PeriodReport:
    """Incidents that occurred on the local dates ``first`` to ``last``, per lead unit."""
    if first > last:
        raise InvalidInput(
            "report.from_after_to", first=f"{first:%d/%m/%Y}", last=f"{last:%d/%m/%Y}"
        )
    code = get_unit(store, unit).code if unit else None
    start, end = day_start(first, tz), day_start(last + timedelta(days=1), tz)
    sql = f"{_SELECT} WHERE i.occurred_at >= ? AND i.occurred_at < ?"
    params: list[Any] = [to_db(start), to_db(end)]
    if code is not None:
        sql, params = sql + " AND i.lead_unit = ?", [*params, code]
    found = store.query(sql + " ORDER BY i.occurred_at, i.id", params)
    names = {row["lead_unit"]: row["lead_name"] for row in found}
    groups: dict[str, list[tuple[Incident, Reading]]] = {}
    for incident in map(_row, found):
        groups.setdefault(incident.lead_unit, []).append(
            (incident, incident.read_clock(config, now))
        )
    lines = [_unit_line(key, names[key], groups[key], now) for key in sorted(groups)]
    # All units together, in the order they occurred: the late ones too.
    every = [pair for pairs in groups.values() for pair in pairs]
    every.sort(key=lambda pair: (pair[0].occurred_at, pair[0].id))
    total = _unit_line(None, None, every, now)
    return PeriodReport(first, last, tz.key, start, end, now, code, lines, total)


def _row(row: dict[str, Any]) -> Incident:
    # Reports never show the units involved: no query for them.
    return from_row(row, ())


def _unit_line(
    code: str | None, name: str | None, pairs: list[tuple[Incident, Reading]], now: datetime
) -> UnitLine:
    """One lead unit's figures (``code`` None: the total), the late ones in ``pairs``' order."""
    minutes = [minutes_between(i.occurred_at, _by(i.informed_at, now)) for i, _ in pairs]
    late = [item for item in (_late_item(i, r, now) for i, r in pairs) if item is not None]
    states = (report_state(i, r, now) for i, r in pairs)
    return UnitLine(code, name, tally(states, minutes), late)


def _late_item(incident: Incident, reading: Reading, now: datetime) -> LateItem | None:
    if reading.state not in ("late", "overdue") or reading.deadline is None:
        return None
    informed = _by(incident.informed_at, now)
    # A closed incident's clock stopped when it was closed: it is late until then, not now.
    until = informed or min(now, incident.closed_at or now)
    return LateItem(
        incident=incident,
        state=reading.state,
        deadline=reading.deadline,
        minutes_to_information=minutes_between(incident.occurred_at, informed),
        minutes_late=int((until - reading.deadline).total_seconds() // 60),
    )
