"""The reports as one self-contained html page (the shell of :mod:`spokes.render.markup`):
inline CSS and inline SVG, no script, no font, no image and no link to fetch. Every text that
comes from a user (titles, names) is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from spokes.core.reports import CLOSED, DayReport, DayRow, PeriodReport, Tally
from spokes.i18n import language, t
from spokes.render import report as text
from spokes.render import timefmt
from spokes.render.incidents import state_label
from spokes.render.markup import e, html_page

STATE_COLOUR = {
    "overdue": "#c62828",
    "at_risk": "#e68a00",
    "pending": "#1f6fd1",
    "met": "#2e7d32",
    "late": "#8e3fb5",
    CLOSED: "#5f6b7a",
    "none": "#8a8f98",
}
LEGEND_STATES = ("overdue", "at_risk", "pending", "late", "met", CLOSED, "none")

LABEL_W, CHART_W, RIGHT_W = 190, 820, 24  # the timeline's columns, in SVG units
TOP, ROW_H, BAR_H = 34, 26, 12

CSS = """
body{font-family:"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;color:#1d2330;
margin:0;background:#f5f6f8}
main{max-width:1100px;margin:0 auto;padding:24px 28px 40px;background:#fff}
h1{font-size:1.45rem;margin:0 0 4px}h2{font-size:1.1rem;margin:28px 0 10px}
.sub,.note{color:#596273;font-size:.9rem;margin:2px 0}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:16px 0 4px}
.card{border:1px solid #dde1e7;border-radius:6px;padding:8px 14px;min-width:92px}
.card .v{font-size:1.35rem;font-weight:600}.card .k{font-size:.8rem;color:#596273}
table{border-collapse:collapse;width:100%;font-size:.86rem}
th,td{border-bottom:1px solid #e3e6eb;padding:5px 7px;text-align:left;vertical-align:top}
th{background:#eef1f5;font-weight:600}td.n,th.n{text-align:right;white-space:nowrap}
td.t{white-space:nowrap}tr.total td{font-weight:600;border-top:2px solid #9aa3b1}
.st{display:inline-block;border-radius:4px;padding:1px 7px;color:#fff;white-space:nowrap;
font-size:.8rem}
svg{display:block;max-width:100%;height:auto}
.legend{display:flex;flex-wrap:wrap;gap:14px;font-size:.82rem;color:#3b4352;margin:8px 0}
.legend span{display:inline-flex;align-items:center;gap:5px}
.sw{display:inline-block;width:18px;height:10px;border-radius:3px}
.dia{display:inline-block;width:8px;height:8px;background:#111;transform:rotate(45deg)}
.nowline{display:inline-block;width:0;height:14px;border-left:2px dashed #d32f2f}
.od{background:repeating-linear-gradient(135deg,#c62828 0 3px,#f6caca 3px 6px)}
table+.note{margin-top:10px}
footer{margin-top:26px;color:#7a8291;font-size:.8rem}
@media print{body{background:#fff}main{padding:0}}
"""


def _page(title: str, parts: Iterable[str], generated: datetime, tz: ZoneInfo) -> str:
    footer = e(t("report.html.generated", moment=timefmt.full(generated, tz)))
    main = "\n".join(["<main>", *parts, f"<footer>{footer} · spokes</footer>", "</main>"])
    return html_page(language(), title, CSS, main)


def _cards(summary: Tally) -> str:
    cards = [
        f'<div class="card"><div class="v">{e(value)}</div><div class="k">{e(label)}</div></div>'
        for label, value in text.summary_pairs(summary)
    ]
    return '<div class="cards">' + "".join(cards) + "</div>"


def _badge(state: str | None) -> str:
    colour = STATE_COLOUR[state or "none"]
    return f'<span class="st" style="background:{colour}">{e(state_label(state))}</span>'


def _table(
    headers: list[str], rows: list[list[str]], kinds: str, total: list[str] | None = None
) -> str:
    """Cells are html already (escaped by the caller). ``kinds`` has a letter per column:
    ``n`` a number (right-aligned), ``t`` kept on one line (ids, codes, times), ``-`` text."""
    head = "".join(f"<th{_cls(kind)}>{e(h)}</th>" for kind, h in zip(kinds, headers, strict=True))
    body = [_tr(row, kinds) for row in rows]
    if total is not None:
        body.append(_tr(total, kinds, ' class="total"'))
    return (
        f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n"
        + "\n".join(body)
        + ("\n</tbody></table>")
    )


def _tr(cells: list[str], kinds: str, attributes: str = "") -> str:
    tds = "".join(f"<td{_cls(kind)}>{c}</td>" for kind, c in zip(kinds, cells, strict=True))
    return f"<tr{attributes}>{tds}</tr>"


def _cls(kind: str) -> str:
    return {"n": ' class="n"', "t": ' class="t"'}.get(kind, "")


# -- the day page ----------------------------------------------------------------------------


def day_page(report: DayReport, tz: ZoneInfo) -> str:
    title = text.day_title(report, tz)
    parts = [
        f"<h1>{e(title)}</h1>",
        f'<p class="sub">{e(text.day_subtitle(report, tz))}</p>',
        _cards(report.summary),
        f'<p class="note">{e(t("report.day.rate_note"))}</p>',
        f"<h2>{e(t('report.html.timeline'))}</h2>",
        timeline_svg(report, tz),
        _legend(),
        f"<h2>{e(t('report.html.incidents'))}</h2>",
        _day_table(report, tz) if report.rows else f"<p>{e(t('report.none'))}</p>",
        f'<p class="note">{e(t("report.columns_note"))}</p>',
    ]
    return _page(title, parts, report.generated_at, tz)


def _day_table(report: DayReport, tz: ZoneInfo) -> str:
    rows = []
    for row in report.rows:
        cells = [e(cell) for cell in text.day_cells(row, report, tz)]
        cells[7] = _badge(row.state)
        rows.append(cells)
    return _table(text.day_headers(), rows, "tt-tttn--nn")


def _legend() -> str:
    items = [
        f'<span><i class="sw" style="background:{STATE_COLOUR[s]}"></i>{e(_state(s))}</span>'
        for s in LEGEND_STATES
    ]
    items += [
        f'<span><i class="dia"></i>{e(t("report.html.informed"))}</span>',
        f'<span><i class="sw od"></i>{e(t("report.html.overdue_time"))}</span>',
        f"<span>◀ ▶ {e(t('report.html.beyond'))}</span>",
    ]
    return '<div class="legend">' + "".join(items) + "</div>"


def _state(state: str) -> str:
    return state_label(None if state == "none" else state)


# -- the SVG timeline ------------------------------------------------------------------------


class _Scale:
    """Moments to x positions across the local day (a day with a clock change included)."""

    def __init__(self, report: DayReport) -> None:
        self.start, self.end = report.start, report.end
        self.span = (report.end - report.start).total_seconds()

    def x(self, moment: datetime) -> float:
        share = (moment - self.start).total_seconds() / self.span
        return round(LABEL_W + CHART_W * min(1.0, max(0.0, share)), 1)


def timeline_svg(report: DayReport, tz: ZoneInfo) -> str:
    scale = _Scale(report)
    height = TOP + ROW_H * max(1, len(report.rows)) + 8
    width = LABEL_W + CHART_W + RIGHT_W
    parts = [
        f'<svg viewBox="0 0 {width} {height}"'
        f' width="{width}" height="{height}" role="img" aria-label="{e(t("report.html.timeline"))}"'
        ' font-family="inherit" font-size="11">',
        *_hours(report.day, tz, scale, height),
    ]
    for index, row in enumerate(report.rows):
        parts += _row_svg(row, report, tz, scale, TOP + index * ROW_H, index)
    if report.is_today:
        parts += _now_line(report, tz, scale, height)
    return "\n".join([*parts, "</svg>"])


def _hours(day: date, tz: ZoneInfo, scale: _Scale, height: int) -> list[str]:
    parts = [f'<text x="4" y="{TOP - 18}" fill="#596273">{e(t("report.html.hour"))}</text>']
    for hour in range(25):
        moment = scale.end if hour == 24 else datetime.combine(day, time(hour), tzinfo=tz)
        x = scale.x(moment)
        shade = "#b9c0cb" if hour % 6 == 0 else "#e4e7ec"
        parts.append(
            f'<line x1="{x}" y1="{TOP - 6}" x2="{x}" y2="{height - 6}" stroke="{shade}"/>'
            f'<text x="{x}" y="{TOP - 10}" text-anchor="middle" fill="#596273">{hour}</text>'
        )
    return parts


def _row_svg(
    row: DayRow, report: DayReport, tz: ZoneInfo, scale: _Scale, y: int, index: int
) -> list[str]:
    incident, state = row.incident, row.state
    colour = STATE_COLOUR[state or "none"]
    mid = y + ROW_H / 2
    parts = [f"<g><title>{e(_tip(row, report, tz))}</title>"]
    if index % 2:
        parts.append(
            f'<rect x="0" y="{y}" width="{LABEL_W + CHART_W}" height="{ROW_H}" fill="#f6f7f9"/>'
        )
    parts.append(
        f'<text x="4" y="{mid + 4}"><tspan font-weight="600">{e(incident.id)}</tspan>'
        f' <tspan fill="#596273">{e(incident.lead_unit)}</tspan></text>'
    )
    parts += _bar_svg(row, report, scale, mid, colour)
    if row.informed_at is not None and report.start <= row.informed_at < report.end:
        x = scale.x(row.informed_at)
        parts.append(
            f'<rect x="{x - 4.5}" y="{mid - 4.5}" width="9" height="9" fill="#111" stroke="#fff"'
            f' transform="rotate(45 {x} {mid})"/>'
        )
    return [*parts, "</g>"]


def _bar_svg(row: DayRow, report: DayReport, scale: _Scale, mid: float, colour: str) -> list[str]:
    incident, deadline = row.incident, row.reading.deadline
    top = mid - BAR_H / 2
    stopped = min(m for m in (row.informed_at, row.closed_at, report.at) if m is not None)
    end = deadline if deadline is not None else stopped
    x1, x2 = scale.x(incident.occurred_at), scale.x(end)
    parts = [
        f'<rect x="{x1}" y="{top}" width="{max(x2 - x1, 2)}" height="{BAR_H}" rx="3"'
        f' fill="{colour}" fill-opacity="{0.9 if deadline else 0.45}"/>'
    ]
    if deadline is not None and stopped > deadline:
        xo = scale.x(stopped)
        parts.append(
            f'<rect x="{x2}" y="{top + 2}" width="{max(xo - x2, 2)}" height="{BAR_H - 4}"'
            ' fill="#c62828" fill-opacity="0.35" stroke="#c62828" stroke-dasharray="3 2"/>'
        )
    if incident.occurred_at < report.start:
        parts.append(_arrow(LABEL_W - 1, mid, -1, colour))
    if end > report.end:
        parts.append(_arrow(LABEL_W + CHART_W + 1, mid, 1, colour))
    return parts


def _arrow(x: float, mid: float, direction: int, colour: str) -> str:
    """A triangle at the edge of the day, pointing where the bar goes on."""
    tip = x + 9 * direction
    points = f"{x},{mid - 6} {tip},{mid} {x},{mid + 6}"
    return f'<polygon points="{points}" fill="{colour}"/>'


def _now_line(report: DayReport, tz: ZoneInfo, scale: _Scale, height: int) -> list[str]:
    x = scale.x(report.at)
    label = t("report.html.now", time=report.at.astimezone(tz).strftime("%H:%M"))
    anchor = "end" if x > LABEL_W + CHART_W - 80 else "start"
    return [
        f'<line x1="{x}" y1="{TOP - 4}" x2="{x}" y2="{height - 4}" stroke="#d32f2f"'
        ' stroke-width="2" stroke-dasharray="5 3"/>',
        f'<text x="{x + (-4 if anchor == "end" else 4)}" y="{TOP - 22}" text-anchor="{anchor}"'
        f' fill="#d32f2f" font-weight="600">{e(label)}</text>',
    ]


def _tip(row: DayRow, report: DayReport, tz: ZoneInfo) -> str:
    def when(moment: datetime | None) -> str:
        return timefmt.when(moment, tz, report.start)

    return t(
        "report.html.tip",
        id=row.incident.id,
        title=row.incident.title,
        occurred=when(row.incident.occurred_at),
        deadline=when(row.reading.deadline),
        informed=when(row.informed_at),
    )


# -- the period page -------------------------------------------------------------------------


def period_page(report: PeriodReport, tz: ZoneInfo) -> str:
    title = text.period_title(report, tz)
    parts = [f"<h1>{e(title)}</h1>", f'<p class="sub">{e(text.period_subtitle(report, tz))}</p>']
    if not report.units:
        parts.append(f"<p>{e(t('report.period.none'))}</p>")
        return _page(title, parts, report.generated_at, tz)
    heading = f"<h2>{e(t('report.html.by_unit'))}</h2>"
    parts += [_cards(report.total.tally), heading, _units_table(report)]
    late = [
        [e(cell) for cell in text.late_cells(item, tz, report.generated_at)]
        for item in report.total.late
    ]
    for cells, item in zip(late, report.total.late, strict=True):
        cells[4] = _badge(item.state)
    heading = e(t("report.period.late_header").rstrip(":"))
    parts.append(f"<h2>{heading}</h2>")
    if late:
        parts.append(_table(text.late_headers(), late, "tt-t-nn"))
    else:
        parts.append(f"<p>{e(t('report.period.no_late'))}</p>")
    parts.append(f'<p class="note">{e(t("report.rate_note"))}</p>')
    return _page(title, parts, report.generated_at, tz)


def _units_table(report: PeriodReport) -> str:
    rows = [[e(cell) for cell in text.unit_cells(line)] for line in report.units]
    total = [e(cell) for cell in text.unit_cells(report.total)]
    return _table(text.unit_headers(), rows, "t-nnnnnnnnn", total)
