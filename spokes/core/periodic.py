"""What comes due by the calendar, shown in ``status`` beside the incident clocks: the periodic
duties (Decree 244/2026 Art. 6.2) and the annual report (Art. 10), both from policy as data.

Periodic duties are read as the deadlines are.
A duty binds the units of some kinds to do something at least every N months: information to
the press (a statement issued, an incident informed, a press conference or briefing), or a
press conference. Its next due time is N calendar months after the last time it was done, or
after the unit entered the directory when it never was. ``status`` shows the duties coming due
(within the duty's ``warn``) or overdue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

from spokes.clock import from_db, to_db
from spokes.config import AnnualReport, Config, Duty
from spokes.core.units import Unit
from spokes.errors import InvalidInput
from spokes.store import Store

DutyState = Literal["ok", "due_soon", "overdue"]
CONFERENCE = "press-conference"  # the statement channel that is a press conference


@dataclass(frozen=True)
class DutyReading:
    duty: Duty
    unit: Unit
    last_at: datetime | None  # the last time it was done; None: never
    due_at: datetime
    state: DutyState

    @property
    def shown(self) -> bool:
        return self.state != "ok"


def add_months(moment: datetime, months: int, tz: ZoneInfo) -> datetime:
    """The same local wall time ``months`` calendar months later; the 31st becomes the last day
    of a shorter month (31 January + 1 month = 28 or 29 February)."""
    local = moment.astimezone(tz)
    index = local.month - 1 + months
    year, month = local.year + index // 12, index % 12 + 1
    day = min(local.day, _days_in(year, month))
    return local.replace(year=year, month=month, day=day)


def _days_in(year: int, month: int) -> int:
    # Not `calendar.monthrange`: importing calendar costs `status` more than this whole module.
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - date(year, month, 1)).days


def readings(
    store: Store, config: Config, tz: ZoneInfo, now: datetime, unit: str | None = None
) -> list[DutyReading]:
    """Every duty of every unit it binds, most urgent first. One query for the units, and,
    only when some unit is bound, three for when each last informed the press."""
    found: list[DutyReading] = []
    kinds = {kind for duty in config.duties for kind in duty.unit_kinds}
    bound = _units(store, kinds, any(not duty.unit_kinds for duty in config.duties), unit)
    if not bound:
        return []
    last = _last_done(store, [u.code for u, _ in bound], now)
    for duty in config.duties:
        for bound_unit, created in bound:
            if duty.unit_kinds and bound_unit.kind not in duty.unit_kinds:
                continue
            done = last[duty.does].get(bound_unit.code)
            due = add_months(done or created, duty.every_months, tz)
            found.append(DutyReading(duty, bound_unit, done, due, _state(due, duty, now)))
    found.sort(key=lambda reading: (reading.due_at, reading.unit.code, reading.duty.name))
    return found


def _state(due: datetime, duty: Duty, now: datetime) -> DutyState:
    if now >= due:
        return "overdue"
    return "due_soon" if due - now <= duty.warn else "ok"


def _units(
    store: Store, kinds: set[str], every_kind: bool, unit: str | None
) -> list[tuple[Unit, datetime]]:
    where, params = [], []
    if not every_kind:
        if not kinds:
            return []
        where.append(f"kind IN ({', '.join('?' for _ in kinds)})")
        params += sorted(kinds)
    if unit is not None:
        where.append("code = ?")
        params.append(unit)
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    rows = store.query(f"SELECT * FROM units{clause} ORDER BY code", params)
    return [(_unit(row), moment(row["created_at"])) for row in rows]


def _unit(row: dict[str, Any]) -> Unit:
    return Unit(row["code"], row["name"], row["kind"], row["parent_code"])


def moment(text: str) -> datetime:
    """A stored time that is never NULL."""
    found = from_db(text)
    assert found is not None
    return found


def _last_done(store: Store, codes: list[str], now: datetime) -> dict[str, dict[str, datetime]]:
    """For each kind of duty, the last time each unit did it, up to ``now``: three queries
    for both kinds (information, conference), each reading only these units' rows."""
    marks = ", ".join("?" for _ in codes)
    at = to_db(now)
    queries = (
        "SELECT unit_code AS unit, MAX(at) AS information,"
        " MAX(CASE WHEN kind = 'conference' THEN at END) AS conference"
        f" FROM press_events WHERE at <= ? AND unit_code IN ({marks}) GROUP BY unit_code",
        "SELECT i.lead_unit AS unit, MAX(s.issued_at) AS information,"
        " MAX(CASE WHEN COALESCE(s.issued_channel, s.channel) = ? THEN s.issued_at END)"
        " AS conference FROM statements s JOIN incidents i ON i.id = s.incident_id"
        f" WHERE s.status = 'issued' AND s.issued_at <= ? AND i.lead_unit IN ({marks})"
        " GROUP BY i.lead_unit",
        "SELECT lead_unit AS unit, MAX(informed_at) AS information,"
        " MAX(CASE WHEN informed_channel = ? THEN informed_at END) AS conference"
        " FROM incidents WHERE informed_at IS NOT NULL AND informed_at <= ?"
        f" AND lead_unit IN ({marks}) GROUP BY lead_unit",
    )
    params = ((at, *codes), (CONFERENCE, at, *codes), (CONFERENCE, at, *codes))
    latest: dict[str, dict[str, datetime]] = {"information": {}, "conference": {}}
    for sql, values in zip(queries, params, strict=True):
        for row in store.query(sql, values):
            for does, found in latest.items():
                if row[does] is None:
                    continue
                last = moment(row[does])
                if row["unit"] not in found or last > found[row["unit"]]:
                    found[row["unit"]] = last
    return latest


# -- the annual report --------------------------------------------------------------------


@dataclass(frozen=True)
class Window:
    year: int
    first: date  # 15/12 of the year before
    last: date  # 14/12 of the year
    start: datetime  # the first day's 00:00 in the zone (aware, UTC inside)
    end: datetime  # the day after the last, 00:00: excluded
    due: date  # the report goes to the Ministry before this day


def window(year: int, settings: AnnualReport, tz: ZoneInfo) -> Window:
    check_year(year)
    day, month = settings.starts
    first, after = date(year - 1, month, day), date(year, month, day)
    due_day, due_month = settings.due
    return Window(
        year=year,
        first=first,
        last=after - timedelta(days=1),
        start=_midnight(first, tz),
        end=_midnight(after, tz),
        due=date(year, due_month, due_day),
    )


def _midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=tz)


def current_year(now: datetime, tz: ZoneInfo) -> int:
    """The report year people mean without saying: this calendar year's (the one being
    written in December, or the one so far)."""
    return now.astimezone(tz).year


def check_year(year: int) -> None:
    if not 1990 <= year <= 9998:
        raise InvalidInput("annual.bad_year", value=year)


@dataclass(frozen=True)
class Reminder:
    year: int
    due: date  # before this day
    overdue: bool
    days_left: int  # to the due day; negative once it has passed


def reminder(store: Store, config: Config, tz: ZoneInfo, now: datetime) -> Reminder | None:
    """From ``remind_from`` (1 December) until the report is marked sent: the year's report is
    due. A year whose window ended before the workspace's first record is not asked for: this
    workspace has nothing to report on it. The reminder for a year ends when next year's
    begins. Two lookups by key per run."""
    settings = config.annual_report
    today = now.astimezone(tz).date()
    day, month = settings.remind_from
    year = today.year if today >= date(today.year, month, day) else today.year - 1
    span = window(year, settings, tz)
    if today < date(year, month, day) or today >= date(year + 1, month, day):
        return None
    first = store.scalar("SELECT at FROM events ORDER BY id LIMIT 1")
    if first is None or moment(first) >= span.end:
        return None
    if store.scalar("SELECT sent_at FROM annual_reports WHERE year = ?", (year,)) is not None:
        return None
    left = (span.due - today).days
    return Reminder(year, span.due, left <= 0, left)
