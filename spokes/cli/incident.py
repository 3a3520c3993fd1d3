"""``spokes incident ...``: open, inform, list, show, edit, close."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from spokes.cli.common import echo, optional_past, parse_past, print_json, warn, workspace
from spokes.cli.hooks import incident_opened
from spokes.core import audit, incidents
from spokes.core.incidents import Draft, View
from spokes.core.spokespersons import on_duty
from spokes.i18n import t
from spokes.render import incidents as view
from spokes.render import table, timefmt
from spokes.workspace import Workspace

app = typer.Typer(no_args_is_help=True)

IdArg = Annotated[str, typer.Argument(help=t("help.arg.incident"), show_default=False)]
JsonOpt = Annotated[bool, typer.Option("--json", help=t("help.opt.json"))]
SourceOpt = Annotated[str | None, typer.Option("--source-url", help=t("help.opt.source_url"))]
PlatformOpt = Annotated[str | None, typer.Option("--platform", help=t("help.opt.platform"))]


def _one(ws: Workspace, incident: incidents.Incident) -> View:
    return incidents.views(ws.store, ws.config, [incident], ws.now())[0]


def _warn_no_speaker(item: View) -> None:
    if item.spokesperson is None:
        warn(t("incident.no_spokesperson_warning", unit=item.incident.lead_unit))


@app.command("open", help=t("help.incident.open"))
def open_(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument(help=t("help.arg.title"), show_default=False)],
    unit: Annotated[str, typer.Option("--unit", "-u", help=t("help.opt.lead"))],
    occurred: Annotated[str | None, typer.Option(help=t("help.opt.occurred"))] = None,
    received: Annotated[str | None, typer.Option(help=t("help.opt.received"))] = None,
    decided: Annotated[str | None, typer.Option(help=t("help.opt.decided"))] = None,
    category: Annotated[str | None, typer.Option(help=t("help.opt.category"))] = None,
    severity: Annotated[str | None, typer.Option(help=t("help.opt.severity"))] = None,
    location: Annotated[str | None, typer.Option(help=t("help.opt.location"))] = None,
    involves: Annotated[list[str] | None, typer.Option(help=t("help.opt.involves"))] = None,
    source_url: SourceOpt = None,
    platform: PlatformOpt = None,
    as_json: JsonOpt = False,
) -> None:
    ws = workspace(ctx)
    now = ws.now()
    occurred_at = parse_past(ws, occurred, now)
    draft = Draft(
        title=title,
        lead_unit=unit,
        occurred_at=occurred_at,
        received_at=parse_past(ws, received, now),
        decided_at=optional_past(ws, decided),
        category=category,
        severity=severity,
        location=location,
        involves=list(involves or []),
        source_url=source_url,
        platform=platform,
    )
    item = _one(ws, incidents.open_incident(ws.store, draft, ws.tz, now))
    _warn_no_speaker(item)
    if as_json:
        print_json(view.incident_json(item, ws.tz))
    else:
        echo(t("incident.opened", id=item.incident.id, title=item.incident.title))
        echo(view.card(item, [], ws.tz, now))
    # After the commit and the output: a slow or failing hook can neither lose the incident
    # nor change the exit code.
    incident_opened(ws, item)


@app.command("inform", help=t("help.incident.inform"))
def inform(
    ctx: typer.Context,
    incident_id: IdArg,
    at: Annotated[str | None, typer.Option("--at", help=t("help.opt.at_past"))] = None,
    channel: Annotated[
        str | None, typer.Option(help=t("help.opt.channel", channels=", ".join(incidents.CHANNELS)))
    ] = None,
    by: Annotated[str | None, typer.Option("--by", help=t("help.opt.by"))] = None,
    note: Annotated[str | None, typer.Option(help=t("help.opt.note"))] = None,
    as_json: JsonOpt = False,
) -> None:
    ws = workspace(ctx)
    informed_at = parse_past(ws, at)
    if by is None:
        incident = incidents.get(ws.store, incident_id)
        speaker = on_duty(ws.store, incident.lead_unit, informed_at, incident.id)
        by = speaker.name if speaker else None
    incident = incidents.inform(ws.store, incident_id, informed_at, channel, by, note, ws.now())
    item = _one(ws, incident)
    if as_json:
        print_json(view.incident_json(item, ws.tz))
        return
    echo(
        t(
            "incident.informed",
            id=incident.id,
            state=view.state_label(item.reading.state),
            at=timefmt.full(informed_at, ws.tz),
        )
    )


@app.command("list", help=t("help.incident.list"))
def list_(
    ctx: typer.Context,
    open_only: Annotated[bool, typer.Option("--open", help=t("help.opt.open"))] = False,
    closed: Annotated[bool, typer.Option("--closed", help=t("help.opt.closed"))] = False,
    all_: Annotated[bool, typer.Option("--all", help=t("help.opt.all"))] = False,
    unit: Annotated[str | None, typer.Option("--unit", "-u", help=t("help.opt.unit"))] = None,
    since: Annotated[str | None, typer.Option(help=t("help.opt.since"))] = None,
    as_json: JsonOpt = False,
) -> None:
    if sum((open_only, closed, all_)) > 1:
        raise typer.BadParameter(t("incident.one_filter"), param_hint="--open/--closed/--all")
    ws = workspace(ctx)
    wanted = None if all_ else "closed" if closed else "open"
    found = incidents.select(ws.store, wanted, unit, optional_past(ws, since))
    items = incidents.views(ws.store, ws.config, found, ws.now())
    if as_json:
        print_json([view.incident_json(item, ws.tz) for item in items])
        return
    if not items:
        echo(t("incident.none_found"))
        return
    colour = table.use_colour()
    echo(view.incident_table(items, ws.now(), ws.tz, colour, table.terminal_width()))


@app.command("show", help=t("help.incident.show"))
def show(ctx: typer.Context, incident_id: IdArg, as_json: JsonOpt = False) -> None:
    ws = workspace(ctx)
    item = _one(ws, incidents.get(ws.store, incident_id))
    events = audit.for_incident(ws.store, item.incident.id)
    if as_json:
        data = view.incident_json(item, ws.tz)
        data["events"] = [view.event_json(event, ws.tz) for event in events]
        print_json(data)
        return
    echo(view.card(item, events, ws.tz, ws.now()))


@app.command("edit", help=t("help.incident.edit"))
def edit(
    ctx: typer.Context,
    incident_id: IdArg,
    title: Annotated[str | None, typer.Option(help=t("help.opt.title"))] = None,
    unit: Annotated[str | None, typer.Option("--unit", "-u", help=t("help.opt.lead"))] = None,
    occurred: Annotated[str | None, typer.Option(help=t("help.opt.occurred_edit"))] = None,
    received: Annotated[str | None, typer.Option(help=t("help.opt.received"))] = None,
    decided: Annotated[str | None, typer.Option(help=t("help.opt.decided"))] = None,
    category: Annotated[str | None, typer.Option(help=t("help.opt.category"))] = None,
    severity: Annotated[str | None, typer.Option(help=t("help.opt.severity"))] = None,
    location: Annotated[str | None, typer.Option(help=t("help.opt.location"))] = None,
    involves: Annotated[list[str] | None, typer.Option(help=t("help.opt.involves"))] = None,
    source_url: SourceOpt = None,
    platform: PlatformOpt = None,
    as_json: JsonOpt = False,
) -> None:
    ws = workspace(ctx)
    typed: dict[str, Any] = {
        "title": title,
        "lead_unit": unit,
        "category": category,
        "severity": severity,
        "location": location,
        "involves": involves,
        "source_url": source_url,
        "platform": platform,
    }
    changes = {key: value for key, value in typed.items() if value is not None}
    for key, text in (
        ("occurred_at", occurred),
        ("received_at", received),
        ("decided_at", decided),
    ):
        if text is not None:
            changes[key] = parse_past(ws, text)
    item = _one(ws, incidents.edit(ws.store, incident_id, changes, ws.now()))
    if as_json:
        print_json(view.incident_json(item, ws.tz))
        return
    echo(t("incident.edited", id=item.incident.id))
    echo(view.card(item, [], ws.tz, ws.now()))


@app.command("close", help=t("help.incident.close"))
def close(
    ctx: typer.Context,
    incident_id: IdArg,
    note: Annotated[str | None, typer.Option(help=t("help.opt.note"))] = None,
    as_json: JsonOpt = False,
) -> None:
    ws = workspace(ctx)
    item = _one(ws, incidents.close(ws.store, incident_id, note, ws.now()))
    if item.incident.informed_at is None:
        warn(t("incident.closed_uninformed", id=item.incident.id))
    if as_json:
        print_json(view.incident_json(item, ws.tz))
        return
    echo(t("incident.closed_ok", id=item.incident.id))
