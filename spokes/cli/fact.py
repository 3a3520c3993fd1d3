"""``spokes fact ...``: the incident's one fact sheet, versioned."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer

from spokes.cli.common import echo, parse_any, parse_past, print_json, warn, workspace
from spokes.core import facts, incidents, statements
from spokes.core.facts import Change, Sheet
from spokes.i18n import t
from spokes.render import facts as view
from spokes.workspace import Workspace

app = typer.Typer(no_args_is_help=True)

IdArg = Annotated[str, typer.Argument(help=t("help.arg.incident"), show_default=False)]
KeyArg = Annotated[str, typer.Argument(help=t("help.arg.fact_key"), show_default=False)]
JsonOpt = Annotated[bool, typer.Option("--json", help=t("help.opt.json"))]


def time_parser(ws: Workspace) -> facts.TimeParser:
    """Times of facts read like every other time; only ``occurred_at`` must be past."""

    def parse(text: str, key: str) -> datetime:
        return parse_past(ws, text) if key == "occurred_at" else parse_any(ws, text)

    return parse


def workshop(ws: Workspace) -> statements.Workshop:
    return statements.Workshop(ws.tz, ws.root / "templates")


def _notes(followed: statements.Followed, version: int) -> list[str]:
    """What a change did to the statements, told once the change itself is reported."""
    notes: list[str] = []
    if followed.rewritten:
        notes.append(t("fact.rerendered", ids=", ".join(map(str, followed.rewritten))))
    for sid, error in followed.failed:
        notes.append(_warning(t("fact.rerender_failed", id=sid, reason=error.render())))
    if followed.stale:
        stale = ", ".join(map(str, followed.stale))
        notes.append(_warning(t("fact.approvals_stale", ids=stale, version=version)))
    return notes


def _warning(text: str) -> str:
    return f"{t('label.warning')}: {text}"


def _tell(notes: list[str], as_json: bool) -> None:
    # With --json, standard output is the JSON alone: a script parses it whole.
    for note in notes:
        typer.echo(note, err=as_json or note.startswith(t("label.warning")))


@app.command("set", help=t("help.fact.set"))
def set_(
    ctx: typer.Context,
    incident_id: IdArg,
    key: KeyArg,
    value: Annotated[str, typer.Argument(help=t("help.arg.fact_value"), show_default=False)],
    label: Annotated[str | None, typer.Option("--label", help=t("help.opt.fact_label"))] = None,
    kind: Annotated[str | None, typer.Option("--type", help=t("help.opt.fact_type"))] = None,
    words: Annotated[str | None, typer.Option("--words", help=t("help.opt.fact_words"))] = None,
    as_json: JsonOpt = False,
) -> None:
    ws = workspace(ctx)
    change = Change(key, value, _type(kind), label, words)
    sheet, changed, followed = statements.change_facts(
        ws.store,
        workshop(ws),
        ws.now(),
        lambda: facts.set_fact(ws.store, incident_id, change, time_parser(ws), ws.now()),
    )
    _report(ws, sheet, changed, as_json)
    _tell(_notes(followed, sheet.version), as_json)
    _warn_occurred(ws, sheet)


def _type(kind: str | None) -> facts.FactType | None:
    if kind is None:
        return None
    cleaned = kind.strip().lower()
    for known in facts.TYPES:
        if cleaned == known:
            return known
    raise typer.BadParameter(
        t("fact.bad_type", type=kind, types=", ".join(facts.TYPES)), param_hint="--type"
    )


def _warn_occurred(ws: Workspace, sheet: Sheet) -> None:
    # The deadline clock counts from the incident's own time, not from the fact sheet's.
    fact = sheet.facts.get("occurred_at")
    if fact is None or "occurred_at" not in sheet.changed:
        return
    incident = incidents.get(ws.store, sheet.incident_id)
    if fact.value != incident.occurred_at:
        warn(t("fact.occurred_differs", id=incident.id, at=incident.occurred_at))


def _report(ws: Workspace, sheet: Sheet, changed: bool, as_json: bool) -> None:
    if as_json:
        print_json(view.sheet_json(sheet, ws.tz))
        return
    if not changed:
        echo(t("fact.unchanged", id=sheet.incident_id, version=sheet.version))
        return
    echo(
        t("fact.saved", id=sheet.incident_id, version=sheet.version, keys=", ".join(sheet.changed))
    )


@app.command("unset", help=t("help.fact.unset"))
def unset(ctx: typer.Context, incident_id: IdArg, key: KeyArg, as_json: JsonOpt = False) -> None:
    ws = workspace(ctx)
    sheet, _, followed = statements.change_facts(
        ws.store,
        workshop(ws),
        ws.now(),
        lambda: (facts.unset(ws.store, incident_id, key, ws.now()), True),
    )
    _report(ws, sheet, True, as_json)
    _tell(_notes(followed, sheet.version), as_json)


@app.command("list", help=t("help.fact.list"))
def list_(
    ctx: typer.Context,
    incident_id: IdArg,
    version: Annotated[
        int | None, typer.Option("--version", min=0, help=t("help.opt.fact_version"))
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    ws = workspace(ctx)
    incident = incidents.get(ws.store, incident_id)
    sheet = facts.sheet(ws.store, incident, version)
    if as_json:
        print_json(view.sheet_json(sheet, ws.tz))
        return
    echo(view.sheet_header(sheet, incident.title, ws.tz))
    echo(view.sheet_table(sheet, ws.tz))


@app.command("edit", help=t("help.fact.edit"))
def edit(
    ctx: typer.Context,
    incident_id: IdArg,
    text_file: Annotated[
        str | None, typer.Option("--text-file", help=t("help.opt.fact_file"))
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    from spokes.cli.editor import edit as run_editor
    from spokes.cli.editor import read_text_file
    from spokes.core import factsheet

    ws = workspace(ctx)
    incident = incidents.get(ws.store, incident_id)
    base = facts.sheet(ws.store, incident)
    if text_file is not None:
        text, kept = read_text_file(text_file), None
    else:
        text, kept = run_editor(factsheet.dumps(base, incident.title, ws.lang, ws.tz), ".toml")
    try:
        edited = factsheet.loads(text, base.facts, time_parser(ws))
        sheet, changed, followed = statements.change_facts(
            ws.store,
            workshop(ws),
            ws.now(),
            lambda: facts.replace_all(ws.store, incident.id, edited, base.version, ws.now()),
        )
    except Exception:
        if kept is not None:
            warn(t("fact.edit_kept", path=kept))
        raise
    if kept is not None:
        kept.unlink(missing_ok=True)
    _report(ws, sheet, changed, as_json)
    _tell(_notes(followed, sheet.version), as_json)
    _warn_occurred(ws, sheet)
