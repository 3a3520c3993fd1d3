"""``spokes press ...``: the press register (conferences, briefings, requests and replies, false
reports and the written responses). Every record command prints the record it wrote, with its
id; ``--json`` prints it as JSON."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from spokes.cli.common import echo, parse_any, parse_past, print_json, warn, workspace
from spokes.core import press
from spokes.i18n import t
from spokes.render import press as view
from spokes.workspace import Workspace

app = typer.Typer(no_args_is_help=True)

UnitOpt = Annotated[str, typer.Option("--unit", "-u", help=t("help.opt.press_unit"))]
AtOpt = Annotated[str | None, typer.Option("--at", help=t("help.opt.press_at"))]
IncidentsOpt = Annotated[
    list[str] | None, typer.Option("--incident", "-i", help=t("help.opt.press_incidents"))
]
IncidentOpt = Annotated[
    str | None, typer.Option("--incident", "-i", help=t("help.opt.press_incident"))
]
JsonOpt = Annotated[bool, typer.Option("--json", help=t("help.opt.json_record"))]
GROUNDS = ", ".join(press.REFUSAL_GROUNDS)


def _done(data: dict[str, Any], line: str, as_json: bool) -> None:
    if as_json:
        print_json(data)
    else:
        echo(line)


@app.command("conference", help=t("help.press.conference"))
def conference(
    ctx: typer.Context,
    unit: UnitOpt,
    at: AtOpt = None,
    topic: Annotated[str | None, typer.Option("--topic", help=t("help.opt.topic"))] = None,
    online: Annotated[bool, typer.Option("--online", help=t("help.opt.online"))] = False,
    incident: IncidentsOpt = None,
    as_json: JsonOpt = False,
) -> None:
    _event(ctx, "conference", unit, at, topic, None, online, incident, as_json)


@app.command("briefing", help=t("help.press.briefing"))
def briefing(
    ctx: typer.Context,
    unit: UnitOpt,
    at: AtOpt = None,
    organiser: Annotated[
        str | None, typer.Option("--organiser", "--organizer", help=t("help.opt.organiser"))
    ] = None,
    topic: Annotated[str | None, typer.Option("--topic", help=t("help.opt.topic"))] = None,
    incident: IncidentsOpt = None,
    as_json: JsonOpt = False,
) -> None:
    _event(ctx, "briefing", unit, at, topic, organiser, False, incident, as_json)


def _event(
    ctx: typer.Context,
    kind: press.EventKind,
    unit: str,
    at: str | None,
    topic: str | None,
    organiser: str | None,
    online: bool,
    incidents: list[str] | None,
    as_json: bool,
) -> None:
    ws = workspace(ctx)
    item = press.EventInput(
        kind, unit, parse_past(ws, at), topic, organiser, online, tuple(incidents or ())
    )
    event = press.record_event(ws.store, item, ws.now())
    _done(view.event_json(event, ws.tz), view.event_line(event, ws.tz), as_json)
    if kind == "conference":
        _hint_inform(ws, event)


def _hint_inform(ws: Workspace, event: press.PressEvent) -> None:
    """A conference records that it was held; the clock of an incident it spoke on stops only
    by `incident inform` (or an issued statement), which the user decides: said, not done."""
    from spokes.core import incidents

    for incident_id in event.incidents:
        incident = incidents.get(ws.store, incident_id)
        if incident.informed_at is None:
            at = event.at.astimezone(ws.tz).strftime("%d/%m/%Y %H:%M")
            command = f'spokes incident inform {incident.id} --at "{at}" --channel press-conference'
            warn(t("press.inform_hint", id=incident.id, command=command))


@app.command("request", help=t("help.press.request"))
def request(
    ctx: typer.Context,
    unit: UnitOpt,
    outlet: Annotated[str, typer.Option("--from", help=t("help.opt.outlet_from"))],
    about: Annotated[str, typer.Option("--about", help=t("help.opt.about"))],
    at: AtOpt = None,
    incident: IncidentOpt = None,
    due: Annotated[str | None, typer.Option("--due", help=t("help.opt.request_due"))] = None,
    as_json: JsonOpt = False,
) -> None:
    ws = workspace(ctx)
    received = parse_past(ws, at)
    item = press.RequestInput(
        unit, outlet, received, about, incident, parse_any(ws, due) if due else None
    )
    found = press.record_request(ws.store, item, ws.now())
    line = view.request_line(found, ws.tz)
    _done(view.request_json(found, ws.tz, ws.now()), line, as_json)


@app.command("reply", help=t("help.press.reply"))
def reply(
    ctx: typer.Context,
    request_id: Annotated[str, typer.Argument(help=t("help.arg.request"), show_default=False)],
    at: AtOpt = None,
    channel: Annotated[
        str | None, typer.Option("--channel", help=t("help.opt.reply_channel"))
    ] = None,
    statement: Annotated[
        str | None, typer.Option("--statement", help=t("help.opt.reply_statement"))
    ] = None,
    refuse: Annotated[
        str | None,
        typer.Option("--refuse", help=t("help.opt.refuse", grounds=GROUNDS), metavar="REASON"),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    ws = workspace(ctx)
    answer = press.Answer(parse_past(ws, at), channel, statement, refuse)
    found = press.answer(ws.store, request_id, answer, ws.now())
    line = view.answer_line(found, ws.tz)
    _done(view.request_json(found, ws.tz, ws.now()), line, as_json)


@app.command("requests", help=t("help.press.requests"))
def requests(
    ctx: typer.Context,
    open_only: Annotated[bool, typer.Option("--open", help=t("help.opt.requests_open"))] = False,
    unit: Annotated[str | None, typer.Option("--unit", "-u", help=t("help.opt.unit"))] = None,
    as_json: Annotated[bool, typer.Option("--json", help=t("help.opt.json"))] = False,
) -> None:
    from spokes.render import table

    ws = workspace(ctx)
    now = ws.now()
    found = press.requests(ws.store, open_only, unit)
    if as_json:
        print_json([view.request_json(item, ws.tz, now) for item in found])
        return
    colour, width = table.use_colour(sys.stdout), table.terminal_width(sys.stdout)
    echo(view.requests_table(found, ws.tz, now, colour, width, open_only))


@app.command("correction", help=t("help.press.correction"))
def correction(
    ctx: typer.Context,
    unit: UnitOpt,
    outlet: Annotated[str, typer.Option("--outlet", help=t("help.opt.outlet"))],
    published: Annotated[str, typer.Option("--published", help=t("help.opt.published"))],
    claim: Annotated[str, typer.Option("--claim", help=t("help.opt.claim"))],
    url: Annotated[str | None, typer.Option("--url", help=t("help.opt.false_url"))] = None,
    incident: IncidentOpt = None,
    as_json: JsonOpt = False,
) -> None:
    ws = workspace(ctx)
    item = press.CorrectionInput(unit, outlet, parse_past(ws, published), claim, url, incident)
    found = press.record_correction(ws.store, item, ws.now())
    check = _check_claim(ws, found)
    data = view.correction_json(found, ws.tz)
    if check is not None:
        data["check"] = check[0]
    if as_json:
        print_json(data)
        return
    echo(view.correction_line(found, ws.tz))
    if check is not None:
        echo(check[1])


def _check_claim(ws: Workspace, found: press.Correction) -> tuple[Any, str] | None:
    checked = press.check_claim(ws.store, found, ws.tz, ws.now())
    if checked is None:
        return None
    from spokes.render import statements as statement_view

    return (
        statement_view.check_json(checked.findings, checked.sheet),
        statement_view.check_text(checked.findings, checked.sheet),
    )


@app.command("respond", help=t("help.press.respond"))
def respond(
    ctx: typer.Context,
    correction_id: Annotated[
        str, typer.Argument(help=t("help.arg.correction"), show_default=False)
    ],
    at: AtOpt = None,
    document: Annotated[
        str | None, typer.Option("--document", help=t("help.opt.response_document"))
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    ws = workspace(ctx)
    found = press.respond(ws.store, correction_id, parse_past(ws, at), document, ws.now())
    _done(view.correction_json(found, ws.tz), view.response_line(found, ws.tz), as_json)
