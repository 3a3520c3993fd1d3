"""``spokes report``: the end-of-day status table, the period report and the annual report.

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
    from spokes.core.annual import Report as AnnualReportData
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


# -- the annual report ---------------------------------------------------------------------

annual_app = typer.Typer()
app.add_typer(annual_app, name="annual", help=t("help.report.annual"))
ANNUAL_FORMATS = ("table", "docx", "csv", "json")
YearOpt = Annotated[
    int | None, typer.Option("--year", "-y", help=t("help.opt.annual_year"), show_default=False)
]


@annual_app.callback(invoke_without_command=True)
def annual(
    ctx: typer.Context,
    year: YearOpt = None,
    unit: Annotated[
        str | None, typer.Option("--unit", "-u", help=t("help.opt.annual_unit"))
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help=t("help.opt.annual_format"), metavar="FORMAT"),
    ] = None,
    out: OutputOpt = None,
    details: Annotated[bool, typer.Option("--details", help=t("help.opt.details"))] = False,
) -> None:
    if ctx.invoked_subcommand is not None:
        # `report annual --year 2025 notes`: the year goes to the sub-command; the report's
        # own options mean nothing there, and are refused rather than silently dropped.
        if unit or fmt or out or details:
            raise typer.BadParameter(t("annual.options_before_sub"), param_hint="annual")
        ctx.meta["annual_year"] = year
        return
    from spokes.core import annual as core
    from spokes.core.periodic import current_year

    ws = workspace(ctx)
    chosen = output.choose_format(fmt, out, ANNUAL_FORMATS, "table") or "table"
    target = output.target(out, ws)
    output.refuse_binary_on_terminal(chosen, target)
    now = ws.now()
    chosen_year = year if year is not None else current_year(now, ws.tz)
    report = core.annual_report(ws.store, ws.config, ws.tz, chosen_year, unit, now)
    output.deliver(_annual_output(report, chosen, ws, target, details), target, ws)


def _annual_output(
    report: AnnualReportData, chosen: str, ws: Workspace, target: Path | None, details: bool
) -> str | bytes:
    from spokes.render import annual as view

    if chosen == "json":
        import json

        return json.dumps(view.to_json(report, ws.tz, details), ensure_ascii=False, indent=2)
    if chosen == "csv":
        return view.to_csv_text(report, ws.tz, details)
    if chosen == "docx":
        from spokes.cli.common import warn
        from spokes.core.annual_document import document
        from spokes.i18n import language
        from spokes.render.docx import annual_docx

        made = document(ws.store, ws.config, report, ws.tz, language(), ws.now())
        if made.notes_missing:
            warn(t("annual.notes_missing", year=report.window.year))
        return annual_docx(made)
    colour, width = _terminal(chosen, target)
    return view.to_table(report, ws.tz, colour, width, details)


@annual_app.command("notes", help=t("help.report.annual_notes"))
def annual_notes(
    ctx: typer.Context,
    year: YearOpt = None,
    difficulties: Annotated[
        str | None, typer.Option("--difficulties", help=t("help.opt.difficulties"))
    ] = None,
    proposals: Annotated[
        str | None, typer.Option("--proposals", help=t("help.opt.proposals"))
    ] = None,
    text_file: Annotated[
        str | None, typer.Option("--text-file", help=t("help.opt.notes_file"))
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help=t("help.opt.json_record"))] = False,
) -> None:
    from spokes.cli.common import echo, print_json
    from spokes.core import annual as core
    from spokes.core.periodic import check_year, current_year

    ws = workspace(ctx)
    year = year if year is not None else ctx.meta.get("annual_year")
    chosen_year = year if year is not None else current_year(ws.now(), ws.tz)
    check_year(chosen_year)
    if difficulties is None and proposals is None:
        difficulties, proposals = _notes_text(ws, chosen_year, text_file)
    elif text_file is not None:
        raise typer.BadParameter(t("annual.notes_one_way"), param_hint="--text-file")
    saved = core.save_notes(ws.store, chosen_year, difficulties, proposals, ws.now())
    if as_json:
        print_json(
            {"year": chosen_year, "difficulties": saved.difficulties, "proposals": saved.proposals}
        )
        return
    echo(t("annual.notes_saved", year=chosen_year))


def _notes_text(ws: Workspace, year: int, text_file: str | None) -> tuple[str, str]:
    """Section II from a file or the editor, in the two-heading form ``notes_form`` writes."""
    from spokes.cli.editor import edit as run_editor
    from spokes.cli.editor import read_text_file
    from spokes.core import annual as core
    from spokes.render.annual import notes_form, read_notes_form

    if text_file is not None:
        return read_notes_form(read_text_file(text_file))
    text, kept = run_editor(notes_form(core.notes(ws.store, year)), ".txt")
    found = read_notes_form(text)  # a refused form stays in `kept` for the user to fix
    kept.unlink(missing_ok=True)
    return found


@annual_app.command("sent", help=t("help.report.annual_sent"))
def annual_sent(
    ctx: typer.Context,
    year: YearOpt = None,
    at: Annotated[str | None, typer.Option("--at", help=t("help.opt.sent_at"))] = None,
    document: Annotated[
        str | None, typer.Option("--document", help=t("help.opt.sent_document"))
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help=t("help.opt.json_record"))] = False,
) -> None:
    from spokes.cli.common import echo, parse_past, print_json
    from spokes.clock import iso_local
    from spokes.core import annual as core

    ws = workspace(ctx)
    year = year if year is not None else ctx.meta.get("annual_year")
    if year is None:  # which year's report went matters too much to guess
        raise typer.BadParameter(t("annual.sent_needs_year"), param_hint="--year")
    sent_at = parse_past(ws, at)
    saved = core.mark_sent(ws.store, ws.config, ws.tz, year, sent_at, document, ws.now())
    if as_json:
        print_json(
            {
                "year": year,
                "sent_at": iso_local(saved.sent_at, ws.tz),
                "document": saved.sent_document,
            }
        )
        return
    echo(t("annual.marked_sent", year=year, at=f"{sent_at.astimezone(ws.tz):%d/%m/%Y}"))
