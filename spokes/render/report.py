"""Views of the day and period reports: the terminal table with a text timeline, Markdown,
CSV and JSON. (The html page is in :mod:`spokes.render.report_html`.)

Times in tables are local, shown with the day when it is not the report's day; machine output
(CSV, JSON) gives ISO 8601 times with their offset and whole minutes.
"""

from __future__ import annotations

import json
import textwrap
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from spokes.clock import iso_local
from spokes.core.reports import (
    CLOSED,
    DayReport,
    DayRow,
    LateItem,
    PeriodReport,
    ReportState,
    Tally,
    UnitLine,
    day_start,
)
from spokes.i18n import language, t
from spokes.render import table, timefmt
from spokes.render.csvout import to_csv
from spokes.render.incidents import STATE_STYLE, speaker_name, state_label
from spokes.render.markup import md_cell, md_table

SLOTS = 48  # the text timeline: one character for each half hour of the day
NARROWEST = 8  # a title or a name is never cut below this many columns
NOTE_WIDTH = 100  # notes under the table are wrapped to this width, or the terminal's


def render(
    report: DayReport | PeriodReport, fmt: str, tz: ZoneInfo, colour: bool, width: int | None
) -> str:
    """The report in one of the formats (table, md, csv, json, html), ending with a line end."""
    if isinstance(report, DayReport):
        return _day_as(report, fmt, tz, colour, width)
    return _period_as(report, fmt, tz, colour, width)


def _day_as(report: DayReport, fmt: str, tz: ZoneInfo, colour: bool, width: int | None) -> str:
    if fmt == "html":
        from spokes.render.report_html import day_page  # only this format needs it

        return day_page(report, tz)
    if fmt == "json":
        return json.dumps(day_json(report, tz), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return day_csv(report, tz)
    if fmt == "md":
        return day_markdown(report, tz)
    return day_text(report, tz, colour, width) + "\n"


def _period_as(
    report: PeriodReport, fmt: str, tz: ZoneInfo, colour: bool, width: int | None
) -> str:
    if fmt == "html":
        from spokes.render.report_html import period_page

        return period_page(report, tz)
    if fmt == "json":
        return json.dumps(period_json(report, tz), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return period_csv(report, tz)
    if fmt == "md":
        return period_markdown(report, tz)
    return period_text(report, tz, colour, width) + "\n"


# -- numbers and words shared with the html page ---------------------------------------------


def number(value: float | None) -> str:
    """``42``, ``42.5`` / ``42,5`` (Vietnamese writes a decimal comma), ``—`` for none."""
    if value is None:
        return "—"
    text = f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
    return text.replace(".", ",") if language() == "vi" else text


def percent(rate: float | None) -> str:
    if rate is None:
        return "—"
    text = f"{rate * 100:.1f}%"
    return text.replace(".", ",") if language() == "vi" else text


def state_style(state: ReportState | None) -> str | None:
    """The terminal style of a state: the clock's, and dim for a closed incident."""
    return "dim" if state == CLOSED else STATE_STYLE.get(state or "")


def day_title(report: DayReport, tz: ZoneInfo) -> str:
    return t("report.day.title", day=timefmt.date_line(report.start, tz, language()))


def day_subtitle(report: DayReport, tz: ZoneInfo) -> str:
    if report.is_today:
        line = t("report.day.as_at", zone=report.zone, moment=timefmt.full(report.at, tz))
    else:
        line = t("report.day.as_at_end", zone=report.zone)
    return line + (" · " + t("report.unit", unit=report.unit) if report.unit else "")


def summary_pairs(summary: Tally) -> list[tuple[str, str]]:
    """The summary as (label, value) pairs, in the order every format shows them."""
    return [
        (t("report.sum.incidents"), str(summary.incidents)),
        (t("report.sum.met"), str(summary.met)),
        (t("report.sum.late"), str(summary.late)),
        (t("report.sum.overdue"), str(summary.overdue)),
        (t("report.sum.awaiting"), str(summary.awaiting)),
        (t("report.sum.closed"), str(summary.closed)),
        (t("report.sum.rate"), percent(summary.on_time_rate)),
        (t("report.sum.median"), number(summary.median_minutes)),
    ]


DAY_HEADERS = (
    "col.id",
    "col.unit",
    "col.title",
    "col.occurred",
    "col.deadline",
    "report.col.informed",
    "report.col.minutes",
    "col.state",
    "col.spokesperson",
    "report.col.statements",
    "report.col.conflicts",
)
UNIT_HEADERS = (
    "col.unit",
    "col.name",
    "report.sum.incidents",
    "report.sum.met",
    "report.sum.late",
    "report.sum.overdue",
    "report.sum.awaiting",
    "report.col.closed",
    "report.col.rate",
    "report.col.median",
    "report.col.worst",
)
LATE_HEADERS = (
    "col.id",
    "col.unit",
    "col.title",
    "col.deadline",
    "col.state",
    "report.col.minutes",
    "report.col.late_by",
)


# On a terminal too narrow for the full headers: short ones, explained under the table.
SHORT_HEADERS = (
    "col.id",
    "col.unit",
    "col.title",
    "report.short.occurred",
    "report.short.deadline",
    "report.short.informed",
    "report.col.minutes",
    "col.state",
    "report.short.spokesperson",
    "report.short.statements",
    "report.short.conflicts",
)


def day_headers() -> list[str]:
    return [t(key) for key in DAY_HEADERS]


def day_cells(row: DayRow, report: DayReport, tz: ZoneInfo) -> list[str]:
    """One row in the reader's language; times local, with the day when not the report's."""
    incident = row.incident

    def when(moment: datetime | None) -> str:
        return timefmt.when(moment, tz, report.start)

    return [
        incident.id,
        incident.lead_unit,
        incident.title,
        when(incident.occurred_at),
        when(row.reading.deadline),
        when(row.informed_at),
        number(row.minutes_to_information),
        state_label(row.state),
        speaker_name(row.spokesperson),
        str(row.statements_issued),
        str(row.conflicts_found),
    ]


# -- the terminal ----------------------------------------------------------------------------


def day_text(report: DayReport, tz: ZoneInfo, colour: bool, width: int | None) -> str:
    lines = [table.paint(day_title(report, tz), "bold", colour), day_subtitle(report, tz)]
    lines += [*_summary_lines(report.summary), ""]
    if not report.rows:
        return "\n".join([*lines, t("report.none")])
    rows = [day_cells(row, report, tz) for row in report.rows]
    columns, compact = _day_columns(day_headers()), False
    if width and _natural(columns, rows) > width:
        columns, compact = _day_columns([t(key) for key in SHORT_HEADERS]), True
    styles = [state_style(row.state) for row in report.rows]
    lines.append(table.render(columns, _fit(columns, rows, width), styles, colour, width))
    lines += ["", *timeline_lines(report, colour, _note_width(width)), ""]
    notes = ["report.short_note" if compact else "report.columns_note", "report.day.rate_note"]
    return "\n".join(lines + [_note(key, width) for key in notes])


def _note(key: str, width: int | None) -> str:
    """A note under a table, wrapped to the terminal, and never wider than 100 columns."""
    return textwrap.fill(t(key), _note_width(width))


def _note_width(width: int | None) -> int:
    return min(width or NOTE_WIDTH, NOTE_WIDTH)


def _summary_lines(summary: Tally) -> list[str]:
    """The counts in the rate, those left out of it, then the two figures: each line fits a
    narrow terminal."""
    pairs = [f"{label} {value}" for label, value in summary_pairs(summary)]
    return ["  ·  ".join(part) for part in (pairs[:4], pairs[4:6], pairs[6:])]


def _day_columns(headers: list[str]) -> list[table.Column]:
    """Titles and names may be cut to fit; the counts line up on the right."""
    return [
        table.Column(h, align="right" if i in (6, 9, 10) else "left", shrink=i in (2, 8))
        for i, h in enumerate(headers)
    ]


def _widths(columns: list[table.Column], rows: list[list[str]]) -> list[int]:
    return [
        max([table.width_of(c.header)] + [table.width_of(r[i]) for r in rows])
        for i, c in enumerate(columns)
    ]


def _natural(columns: list[table.Column], rows: list[list[str]]) -> int:
    return sum(_widths(columns, rows)) + 2 * (len(columns) - 1)


def _fit(columns: list[table.Column], rows: list[list[str]], width: int | None) -> list[list[str]]:
    """Cuts titles and names further than the table module does (it stops at 12 columns),
    the wider of the two first, so that the eleven columns fit a terminal of 100."""
    if not width:
        return rows
    widths = _widths(columns, rows)
    excess = _natural(columns, rows) - width
    shrinkable = [i for i, column in enumerate(columns) if column.shrink]
    while excess > 0:
        widest = max(shrinkable, key=lambda i: widths[i])
        if widths[widest] <= NARROWEST:
            break
        widths[widest] -= 1
        excess -= 1
    return [[table.cut(cell, widths[i]) for i, cell in enumerate(row)] for row in rows]


def timeline_lines(report: DayReport, colour: bool, width: int) -> list[str]:
    """One line per incident across the 24 hours, one character a half hour."""
    legend = _pack(t("report.timeline.legend").split("  "), width)
    ids = max(len(row.incident.id) for row in report.rows)  # 2026-0001, or longer
    lines = [t("report.timeline.title"), *legend, " " * (ids + 1) + _axis()]
    for row in report.rows:
        bar = _bar(row, report)
        text = f"{row.incident.id:<{ids}} {bar}  {state_label(row.state)}"
        lines.append(table.paint(text, state_style(row.state), colour))
    return lines


def _pack(items: list[str], width: int) -> list[str]:
    """Legend items on as few lines as fit ``width``, never cut inside an item."""
    lines = [items[0]]
    for item in items[1:]:
        if len(lines[-1]) + 2 + len(item) <= width:
            lines[-1] += "  " + item
        else:
            lines.append(item)
    return lines


def _axis() -> str:
    """Hours 0 to 24 every three hours, above the bars (which start one column in)."""
    cells = [" "] * (SLOTS + 3)
    for hour in range(0, 25, 3):
        for offset, char in enumerate(str(hour)):
            cells[1 + hour * SLOTS // 24 + offset] = char
    return "".join(cells).rstrip()


def _bar(row: DayRow, report: DayReport) -> str:
    step = (report.end - report.start) / SLOTS  # a day with a clock change is not 24 hours
    cells = [_cell(row, report, report.start + step * i, step) for i in range(SLOTS)]
    deadline = row.reading.deadline
    before = "◀" if row.incident.occurred_at < report.start else " "
    after = "▶" if deadline is not None and deadline > report.end else " "
    return before + "".join(cells) + after


def _cell(row: DayRow, report: DayReport, start: datetime, step: timedelta) -> str:
    end = start + step
    informed, deadline = row.informed_at, row.reading.deadline
    if informed is not None and start <= informed < end:
        return "▲"
    if report.is_today and start <= report.at < end:
        return "│"
    future = report.is_today and start > report.at
    if end <= row.incident.occurred_at:
        return " " if future else "·"
    if deadline is not None and start < deadline:
        return "━"
    if future:
        return " "
    if _waiting(row, start):
        return "!" if deadline is not None else "─"
    return "·"


def _waiting(row: DayRow, moment: datetime) -> bool:
    """Still without initial information, and not closed, at ``moment``."""
    informed, closed = row.informed_at, row.closed_at
    return (informed is None or informed > moment) and (closed is None or closed > moment)


# -- Markdown --------------------------------------------------------------------------------


def day_markdown(report: DayReport, tz: ZoneInfo) -> str:
    lines = [f"# {md_cell(day_title(report, tz))}", "", md_cell(day_subtitle(report, tz)), ""]
    if report.rows:
        rows = [day_cells(row, report, tz) for row in report.rows]
        lines += [*md_table(day_headers(), rows), ""]
    else:
        lines += [t("report.none"), ""]
    lines += [f"- {label}: **{value}**" for label, value in summary_pairs(report.summary)]
    notes = ["", t("report.columns_note"), "", t("report.day.rate_note")]
    return "\n".join([*lines, *notes]) + "\n"


# -- CSV and JSON ----------------------------------------------------------------------------

DAY_FIELDS = (
    "id",
    "lead_unit",
    "title",
    "occurred_at",
    "deadline",
    "initial_information_at",
    "minutes_to_information",
    "state",
    "spokesperson",
    "statements_issued",
    "conflicts_found",
)


def day_row_json(row: DayRow, tz: ZoneInfo) -> dict[str, Any]:
    incident, person = row.incident, row.spokesperson
    return {
        "id": incident.id,
        "lead_unit": incident.lead_unit,
        "title": incident.title,
        "occurred_at": iso_local(incident.occurred_at, tz),
        "deadline": iso_local(row.reading.deadline, tz),
        "initial_information_at": iso_local(row.informed_at, tz),
        "minutes_to_information": row.minutes_to_information,
        "state": row.state,
        "spokesperson": person.contact() if person else None,
        "statements_issued": row.statements_issued,
        "conflicts_found": row.conflicts_found,
        "closed_at": iso_local(row.closed_at, tz),
    }


def tally_json(summary: Tally) -> dict[str, Any]:
    return {
        "incidents": summary.incidents,
        "on_time": summary.met,
        "late": summary.late,
        "overdue": summary.overdue,
        "not_yet_due": summary.awaiting,
        CLOSED: summary.closed,
        "no_deadline": summary.no_deadline,
        "on_time_rate": None if summary.on_time_rate is None else round(summary.on_time_rate, 4),
        "median_minutes_to_information": summary.median_minutes,
        "worst_minutes_to_information": summary.worst_minutes,
    }


def day_json(report: DayReport, tz: ZoneInfo) -> dict[str, Any]:
    return {
        "date": report.day.isoformat(),
        "zone": report.zone,
        "start": iso_local(report.start, tz),
        "end": iso_local(report.end, tz),
        "as_at": iso_local(report.at, tz),
        "generated_at": iso_local(report.generated_at, tz),
        "unit": report.unit,
        "rows": [day_row_json(row, tz) for row in report.rows],
        "summary": tally_json(report.summary),
    }


def day_csv(report: DayReport, tz: ZoneInfo) -> str:
    """One row per incident, for a spreadsheet or a script: the JSON's fields, flat."""
    rows = []
    for row in report.rows:
        data = day_row_json(row, tz)
        data["spokesperson"] = row.spokesperson.name if row.spokesperson else None
        rows.append([data[key] for key in DAY_FIELDS])
    return to_csv(DAY_FIELDS, rows)


# -- the period report -----------------------------------------------------------------------


def period_title(report: PeriodReport, tz: ZoneInfo) -> str:
    lang = language()
    first = timefmt.date_line(report.start, tz, lang)
    last = timefmt.date_line(day_start(report.last, tz), tz, lang)
    return t("report.period.title", first=first, last=last)


def period_subtitle(report: PeriodReport, tz: ZoneInfo) -> str:
    line = t("report.period.as_at", zone=report.zone, moment=timefmt.full(report.generated_at, tz))
    return line + (" · " + t("report.unit", unit=report.unit) if report.unit else "")


def unit_headers() -> list[str]:
    return [t(key) for key in UNIT_HEADERS]


def unit_cells(line: UnitLine) -> list[str]:
    figures = line.tally
    return [
        line.unit or t("report.period.total"),
        line.name or "",
        str(figures.incidents),
        str(figures.met),
        str(figures.late),
        str(figures.overdue),
        str(figures.awaiting),
        str(figures.closed),
        percent(figures.on_time_rate),
        number(figures.median_minutes),
        number(figures.worst_minutes),
    ]


def late_headers() -> list[str]:
    return [t(key) for key in LATE_HEADERS]


def late_cells(item: LateItem, tz: ZoneInfo, now: datetime) -> list[str]:
    incident = item.incident
    return [
        incident.id,
        incident.lead_unit,
        incident.title,
        timefmt.when(item.deadline, tz, now),
        state_label(item.state),
        number(item.minutes_to_information),
        timefmt.duration(item.minutes_late * 60),
    ]


def period_text(report: PeriodReport, tz: ZoneInfo, colour: bool, width: int | None) -> str:
    lines = [table.paint(period_title(report, tz), "bold", colour), period_subtitle(report, tz)]
    if not report.units:
        return "\n".join([*lines, "", t("report.period.none")])
    columns = [table.Column(h, align="right") for h in unit_headers()]
    columns[0] = table.Column(columns[0].header)
    columns[1] = table.Column(columns[1].header, shrink=True)
    rows = [unit_cells(line) for line in [*report.units, report.total]]
    lines += ["", table.render(columns, rows, None, colour, width), ""]
    late = late_rows(report, tz)
    if not late:
        return "\n".join([*lines, t("report.period.no_late"), "", _note("report.rate_note", width)])
    late_columns = [
        table.Column(h, align="right" if i == 5 else "left", shrink=i == 2)
        for i, h in enumerate(late_headers())
    ]
    lines += [t("report.period.late_header"), table.render(late_columns, late, None, colour, width)]
    return "\n".join([*lines, "", _note("report.rate_note", width)])


def late_rows(report: PeriodReport, tz: ZoneInfo) -> list[list[str]]:
    return [late_cells(item, tz, report.generated_at) for item in report.total.late]


def period_markdown(report: PeriodReport, tz: ZoneInfo) -> str:
    lines = [f"# {md_cell(period_title(report, tz))}", "", md_cell(period_subtitle(report, tz))]
    if not report.units:
        return "\n".join([*lines, "", t("report.period.none")]) + "\n"
    rows = [unit_cells(line) for line in [*report.units, report.total]]
    lines += ["", *md_table(unit_headers(), rows), ""]
    late = late_rows(report, tz)
    if late:
        lines += [f"## {t('report.period.late_header').rstrip(':')}", ""]
        lines += [*md_table(late_headers(), late), ""]
    else:
        lines += [t("report.period.no_late"), ""]
    return "\n".join([*lines, t("report.rate_note")]) + "\n"


UNIT_FIELDS = (
    "unit",
    "name",
    "incidents",
    "on_time",
    "late",
    "overdue",
    "not_yet_due",
    CLOSED,
    "no_deadline",
    "on_time_rate",
    "median_minutes_to_information",
    "worst_minutes_to_information",
    "late_ids",
)


def unit_json(line: UnitLine, tz: ZoneInfo) -> dict[str, Any]:
    return {
        "unit": line.unit,
        "name": line.name,
        **tally_json(line.tally),
        "late_incidents": [late_json(item, tz) for item in line.late],
    }


def late_json(item: LateItem, tz: ZoneInfo) -> dict[str, Any]:
    return {
        "id": item.incident.id,
        "title": item.incident.title,
        "state": item.state,
        "occurred_at": iso_local(item.incident.occurred_at, tz),
        "deadline": iso_local(item.deadline, tz),
        "initial_information_at": iso_local(item.incident.informed_at, tz),
        "minutes_to_information": item.minutes_to_information,
        "minutes_late": item.minutes_late,
    }


def period_json(report: PeriodReport, tz: ZoneInfo) -> dict[str, Any]:
    return {
        "from": report.first.isoformat(),
        "to": report.last.isoformat(),
        "zone": report.zone,
        "start": iso_local(report.start, tz),
        "end": iso_local(report.end, tz),
        "generated_at": iso_local(report.generated_at, tz),
        "unit": report.unit,
        "units": [unit_json(line, tz) for line in report.units],
        "total": unit_json(report.total, tz),
    }


def period_csv(report: PeriodReport, tz: ZoneInfo) -> str:
    """One row per lead unit, then the total (its ``unit`` cell empty); late ids joined."""
    rows = []
    for line in [*report.units, report.total]:
        data = unit_json(line, tz)
        data["late_ids"] = " ".join(item["id"] for item in data.pop("late_incidents"))
        rows.append([data[key] for key in UNIT_FIELDS])
    return to_csv(UNIT_FIELDS, rows)
