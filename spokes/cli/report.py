"""``spokes report``: the end-of-day status table and the period report.

The core computes (:mod:`spokes.core.reports`), the renderers write; both are imported by the
command that runs, never when the program starts.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from spokes.cli import output
from spokes.cli.common import workspace
from spokes.i18n import t

if TYPE_CHECKING:
    from spokes.core.reports import DayReport, PeriodReport
    from spokes.workspace import Workspace

app = typer.Typer(no_args_is_help=True)

FORMATS = ("table", "md", "csv", "json", "html")

UnitOpt = Annotated[str | None, typer.Option("--unit", "-u", help=t("help.opt.report_unit"))]
FormatOpt = Annotated[
    str | None, typer.Option("--format", "-f", help=t("help.opt.report_format"), metavar="FORMAT")
]
OutputOpt = Annotated[
    str | None, typer.Option("--output", "-o", help=t("help.opt.report_output"), metavar="FILE")
]


@app.command("day", help=t("help.report.day"))
def day(
    ctx: typer.Context,
    date: Annotated[
        str | None, typer.Option("--date", "-d", help=t("help.opt.report_date"))
    ] = None,
    unit: UnitOpt = None,
    fmt: FormatOpt = None,
    out: OutputOpt = None,
) -> None:
    from spokes.core import reports

    ws = workspace(ctx)
    chosen, target = _destination(fmt, out, ws)
    now = ws.now()
    chosen_day = reports.parse_day(date or "today", reports.local_today(now, ws.tz))
    report = reports.day_report(ws.store, ws.config, ws.tz, chosen_day, unit, now)
    output.deliver(_render(report, chosen, ws, target), target, ws)


@app.command("period", help=t("help.report.period"))
def period(
    ctx: typer.Context,
    first: Annotated[str, typer.Option("--from", help=t("help.opt.report_from"))],
    last: Annotated[str | None, typer.Option("--to", help=t("help.opt.report_to"))] = None,
    unit: UnitOpt = None,
    fmt: FormatOpt = None,
    out: OutputOpt = None,
) -> None:
    from spokes.core import reports

    ws = workspace(ctx)
    chosen, target = _destination(fmt, out, ws)
    now = ws.now()
    today = reports.local_today(now, ws.tz)
    start = reports.parse_day(first, today)
    # The last day may lie ahead (this month, run mid-month): the report is then "so far".
    end = reports.parse_day(last, today, allow_future=True, not_before=start) if last else today
    report = reports.period_report(ws.store, ws.config, ws.tz, start, end, unit, now)
    output.deliver(_render(report, chosen, ws, target), target, ws)


def _destination(fmt: str | None, out: str | None, ws: Workspace) -> tuple[str, Path | None]:
    """The format and the file, checked before any work is done."""
    chosen = output.choose_format(fmt, out, FORMATS, "table") or "table"
    return chosen, output.target(out, ws)


def _render(
    report: DayReport | PeriodReport, chosen: str, ws: Workspace, target: Path | None
) -> str:
    from spokes.render.report import render

    colour, width = _terminal(chosen, target)
    return render(report, chosen, ws.tz, colour, width)


def _terminal(chosen: str, target: Path | None) -> tuple[bool, int | None]:
    """Colour and the width to fit, only when the table goes to a terminal."""
    from spokes.render import table

    if chosen != "table" or target is not None:
        return False, None
    return table.use_colour(sys.stdout), table.terminal_width(sys.stdout)
