"""``spokes spokesperson ...``: who speaks for each unit, and since when."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from spokes.cli import output
from spokes.cli.common import echo, parse_any, parse_past, print_json, warn, workspace
from spokes.clock import iso_local
from spokes.core import spokespersons
from spokes.core.incidents import normalise_id
from spokes.core.spokespersons import DirectoryEntry, Spokesperson
from spokes.i18n import t
from spokes.render import table, timefmt
from spokes.render.incidents import speaker_name
from spokes.workspace import Workspace

app = typer.Typer(no_args_is_help=True)

UnitArg = Annotated[str, typer.Argument(help=t("help.arg.unit"), show_default=False)]
NameOpt = Annotated[str, typer.Option("--name", help=t("help.opt.person_name"))]
TitleOpt = Annotated[str | None, typer.Option("--title", help=t("help.opt.person_title"))]
PhoneOpt = Annotated[str | None, typer.Option("--phone", help=t("help.opt.phone"))]
EmailOpt = Annotated[str | None, typer.Option("--email", help=t("help.opt.email"))]
AtOpt = Annotated[str | None, typer.Option("--at", help=t("help.opt.at_moment"))]
JsonOpt = Annotated[bool, typer.Option("--json", help=t("help.opt.json"))]


@app.command("assign", help=t("help.spokesperson.assign"))
def assign(
    ctx: typer.Context,
    unit: UnitArg,
    name: NameOpt,
    title: Annotated[str, typer.Option("--title", help=t("help.opt.person_title"))],
    phone: Annotated[str, typer.Option("--phone", help=t("help.opt.phone"))],
    email: Annotated[str, typer.Option("--email", help=t("help.opt.email"))],
    valid_from: Annotated[str | None, typer.Option("--from", help=t("help.opt.from"))] = None,
    decision: Annotated[str | None, typer.Option("--decision", help=t("help.opt.decision"))] = None,
) -> None:
    from spokes.core.inputs import PersonInput, build

    ws = workspace(ctx)
    person = build(PersonInput, name=name, title=title, phone=phone, email=email)
    start = parse_past(ws, valid_from)
    made = spokespersons.assign(ws.store, unit, person, start, decision, ws.now())
    echo(
        t(
            "person.assigned",
            name=made.name,
            unit=made.unit_code,
            since=timefmt.full(made.valid_from, ws.tz),
        )
    )
    due = made.publish_due(ws.config.publish_within)
    overdue = due < ws.now()
    echo(
        t(
            "person.publish_overdue" if overdue else "person.publish_reminder",
            due=timefmt.full(due, ws.tz),
            citation=ws.config.publish_citation,
        )
    )


@app.command("published", help=t("help.spokesperson.published"))
def published(ctx: typer.Context, unit: UnitArg, at: AtOpt = None) -> None:
    ws = workspace(ctx)
    when = parse_past(ws, at)
    person = spokespersons.mark_published(ws.store, unit, when, ws.now())
    echo(
        t("person.published", name=person.name, unit=person.unit_code, at=timefmt.full(when, ws.tz))
    )


@app.command("authorize", help=t("help.spokesperson.authorize"))
def authorize(
    ctx: typer.Context,
    unit: UnitArg,
    name: NameOpt,
    valid_from: Annotated[str, typer.Option("--from", help=t("help.opt.auth_from"))],
    valid_until: Annotated[str, typer.Option("--until", help=t("help.opt.until"))],
    title: TitleOpt = None,
    phone: PhoneOpt = None,
    email: EmailOpt = None,
    incident: Annotated[
        str | None, typer.Option("--incident", help=t("help.opt.for_incident"))
    ] = None,
    document: Annotated[str | None, typer.Option("--document", help=t("help.opt.document"))] = None,
    by: Annotated[str | None, typer.Option("--by", help=t("help.opt.granted_by"))] = None,
) -> None:
    from spokes.core.inputs import PersonInput, build

    ws = workspace(ctx)
    person = build(PersonInput, name=name, title=title, phone=phone, email=email)
    grant = spokespersons.Authorisation(
        unit_code=unit,
        person=person,
        valid_from=parse_any(ws, valid_from),
        valid_until=parse_any(ws, valid_until),
        incident_id=normalise_id(incident) if incident else None,
        document=document,
        granted_by=by,
    )
    made = spokespersons.authorise(ws.store, grant, ws.now())
    until = made.valid_until
    assert until is not None
    echo(
        t(
            "person.authorised",
            name=made.name,
            unit=made.unit_code,
            since=timefmt.full(made.valid_from, ws.tz),
            until=timefmt.full(until, ws.tz),
        )
    )


DIRECTORY_FORMATS = ("md", "csv", "html", "docx")


@app.command("list", help=t("help.spokesperson.list"))
def list_(
    ctx: typer.Context,
    unit: Annotated[str | None, typer.Option("--unit", "-u", help=t("help.opt.unit"))] = None,
    at: AtOpt = None,
    as_json: JsonOpt = False,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help=t("help.opt.directory_format"), metavar="md|csv|html|docx"
        ),
    ] = None,
    out: output.OutputOpt = None,
) -> None:
    chosen = output.choose_format(fmt, out, DIRECTORY_FORMATS, None)
    if chosen is not None and as_json:
        raise typer.BadParameter(t("doc.format_with_json"), param_hint="--format")
    ws = workspace(ctx)
    path = output.target(out, ws)
    output.refuse_binary_on_terminal(chosen, path)
    when = parse_any(ws, at) if at else ws.now()
    entries = spokespersons.directory(ws.store, when, unit)
    if chosen is not None:
        _publish(entries, ws, when, chosen, path)
        return
    if as_json:
        print_json([_entry_json(entry, ws, when) for entry in entries])
        return
    if not entries:
        echo(t("unit.none"))
        return
    echo(_directory_table(entries, ws, when))


def _publish(
    entries: list[DirectoryEntry], ws: Workspace, when: Any, fmt: str, path: Path | None
) -> None:
    """The directory to publish on the e-portal, in the output language."""
    from spokes.core.documents import directory
    from spokes.render import document

    listing = directory(entries, when, ws.tz, ws.lang)
    if fmt == "docx":
        from spokes.render.docx import directory_docx

        data: bytes | str = directory_docx(listing)
    else:
        renderers = {
            "md": document.directory_markdown,
            "csv": document.directory_csv,
            "html": document.directory_html,
        }
        data = renderers[fmt](listing)
    output.deliver(data, path, ws)
    if listing.missing:  # after the list: a refused write has nothing to warn about
        warn(t("dir.not_listed", units=", ".join(listing.missing)))


def _person_json(person: Spokesperson, ws: Workspace, when: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        **person.contact(),
        "role": person.role,
        "since": iso_local(person.valid_from, ws.tz),
        "until": iso_local(person.valid_until, ws.tz),
    }
    if person.role == "regular":
        data["decision"] = person.decision
        data["published_at"] = iso_local(person.published_at, ws.tz)
        data["publication"] = person.publication(when, ws.config.publish_within)
        data["publish_due_at"] = iso_local(person.publish_due(ws.config.publish_within), ws.tz)
    else:
        data["document"] = person.decision
        data["incident"] = person.incident_id
        data["granted_by"] = person.granted_by
    return data


def _entry_json(entry: DirectoryEntry, ws: Workspace, when: Any) -> dict[str, Any]:
    return {
        "unit": entry.unit.code,
        "unit_name": entry.unit.name,
        "spokesperson": _person_json(entry.regular, ws, when) if entry.regular else None,
        "missing": entry.regular is None,
        "authorised": [_person_json(person, ws, when) for person in entry.authorised],
    }


def _directory_table(entries: list[DirectoryEntry], ws: Workspace, when: Any) -> str:
    columns = [
        table.Column(t("col.unit")),
        table.Column(t("col.name"), shrink=True),
        table.Column(t("col.position"), shrink=True),
        table.Column(t("col.phone")),
        table.Column(t("col.email")),
        table.Column(t("col.since")),
        table.Column(t("col.publication")),
    ]
    rows: list[list[str]] = []
    styles: list[str | None] = []
    for entry in entries:
        person = entry.regular
        if person is None:
            rows.append([entry.unit.code, speaker_name(None), "", "", "", "", ""])
            styles.append("bold red")
        else:
            state = person.publication(when, ws.config.publish_within)
            rows.append(_person_row(entry.unit.code, person, ws, when, t(f"publication.{state}")))
            styles.append(
                {"overdue": "bold red", "unpublished": "yellow", "late": "magenta"}.get(state)
            )
        for grant in entry.authorised:
            until = timefmt.when(grant.valid_until, ws.tz, when)
            label = t("person.authorised_until", until=until)
            rows.append(_person_row("", grant, ws, when, label))
            styles.append("cyan")
    return table.render(columns, rows, styles, table.use_colour(), table.terminal_width())


def _person_row(code: str, person: Spokesperson, ws: Workspace, when: Any, state: str) -> list[str]:
    return [
        code,
        person.name,
        person.title or "",
        person.phone or "",
        person.email or "",
        timefmt.when(person.valid_from, ws.tz, when),
        state,
    ]


@app.command("who", help=t("help.spokesperson.who"))
def who(ctx: typer.Context, unit: UnitArg, at: AtOpt = None, as_json: JsonOpt = False) -> None:
    ws = workspace(ctx)
    when = parse_any(ws, at) if at else ws.now()
    entry = spokespersons.directory(ws.store, when, unit)[0]
    if as_json:
        print_json(_entry_json(entry, ws, when))
        return
    if entry.regular is None:
        echo("⚠ " + t("person.none_for_unit", unit=entry.unit.code, at=timefmt.full(when, ws.tz)))
    else:
        echo(_person_line(entry.regular))
    for grant in entry.authorised:
        until = grant.valid_until
        assert until is not None
        echo(
            _person_line(grant)
            + "  "
            + t("person.authorised_until", until=timefmt.full(until, ws.tz))
        )


def _person_line(person: Spokesperson) -> str:
    parts = [person.name, person.title, person.phone, person.email]
    return ", ".join(part for part in parts if part)
