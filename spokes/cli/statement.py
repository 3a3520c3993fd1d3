"""``spokes statement ...``: draft from the facts, approve, issue once, refer, check."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from spokes.cli import output
from spokes.cli.common import echo, parse_past, print_json, warn, workspace
from spokes.cli.fact import workshop
from spokes.core import facts, incidents, statements
from spokes.core.drafting import CHANNELS, KINDS
from spokes.core.units import normalise_code
from spokes.errors import ExitCode
from spokes.i18n import t
from spokes.render import statements as view
from spokes.workspace import Workspace

if TYPE_CHECKING:  # documents are assembled only by `export`: not at start-up
    from spokes.core.documents import Document

app = typer.Typer(no_args_is_help=True)

IdArg = Annotated[str, typer.Argument(help=t("help.arg.incident"), show_default=False)]
SidArg = Annotated[str, typer.Argument(help=t("help.arg.statement"), show_default=False)]
JsonOpt = Annotated[bool, typer.Option("--json", help=t("help.opt.json"))]
LangOpt = Annotated[
    str | None, typer.Option("--lang", help=t("help.opt.statement_lang"), metavar="vi|en")
]


def _lang(ws: Workspace, lang: str | None) -> str:
    from spokes.i18n import normalise

    if lang is None:
        return ws.lang
    chosen = normalise(lang)
    if chosen is None:
        raise typer.BadParameter(t("lang.unknown", value=lang), param_hint="--lang")
    return chosen


def _version(ws: Workspace, incident_id: str) -> int:
    return facts.latest_version(ws.store, incident_id)


@app.command("draft", help=t("help.statement.draft"))
def draft(
    ctx: typer.Context,
    incident_id: IdArg,
    kind: Annotated[
        str | None, typer.Option("--kind", help=t("help.opt.kind", kinds=", ".join(KINDS)))
    ] = None,
    channel: Annotated[
        str,
        typer.Option("--channel", help=t("help.opt.draft_channel", channels=", ".join(CHANNELS))),
    ] = "press-release",
    lang: LangOpt = None,
    template: Annotated[str | None, typer.Option("--template", help=t("help.opt.template"))] = None,
    as_json: JsonOpt = False,
) -> None:
    from spokes.core.sms import measure

    ws = workspace(ctx)
    shape = statements.Shape(kind, channel, _lang(ws, lang), template)
    made, rendered = statements.draft(ws.store, incident_id, shape, workshop(ws), ws.now())
    size = measure(made.body.strip()) if made.channel == "sms" else None
    if as_json:
        data = view.statement_json(made, made.fact_version, ws.tz)
        data["missing"] = list(rendered.missing)
        data["sms"] = view.sms_json(size) if size else None
        print_json(data)
        return
    echo(t("statement.drafted", id=made.id, incident=made.incident_id, version=made.fact_version))
    echo(made.body.rstrip())
    for line in (view.missing_line(rendered.missing), view.sms_line(size) if size else None):
        if line:
            warn(line)


@app.command("list", help=t("help.statement.list"))
def list_(ctx: typer.Context, incident_id: IdArg, as_json: JsonOpt = False) -> None:
    ws = workspace(ctx)
    incident = incidents.get(ws.store, incident_id)
    items = statements.for_incident(ws.store, incident.id)
    version = _version(ws, incident.id)
    if as_json:
        print_json([view.statement_json(item, version, ws.tz) for item in items])
        return
    if not items:
        echo(t("statement.none", id=incident.id))
        return
    echo(view.statement_table(items, version, ws.tz))


@app.command("show", help=t("help.statement.show"))
def show(ctx: typer.Context, statement_id: SidArg, as_json: JsonOpt = False) -> None:
    ws = workspace(ctx)
    item = statements.get(ws.store, statement_id)
    version = _version(ws, item.incident_id)
    if as_json:
        print_json(view.statement_json(item, version, ws.tz))
        return
    echo(view.statement_card(item, version, ws.tz))


@app.command("edit", help=t("help.statement.edit"))
def edit(
    ctx: typer.Context,
    statement_id: SidArg,
    text_file: Annotated[
        str | None, typer.Option("--text-file", help=t("help.opt.text_file"))
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    from spokes.cli.editor import edit as run_editor
    from spokes.cli.editor import read_text_file

    ws = workspace(ctx)
    item = statements.editable(ws.store, statement_id)  # before opening an editor
    if text_file is not None:
        text, kept = read_text_file(text_file), None
    else:
        text, kept = run_editor(item.body, ".txt")
    updated, changed = statements.edit(ws.store, item.id, text, ws.now())
    if kept is not None:
        kept.unlink(missing_ok=True)
    if as_json:
        print_json(view.statement_json(updated, _version(ws, updated.incident_id), ws.tz))
        return
    if not changed:
        echo(t("statement.unchanged", id=updated.id))
        return
    echo(t("statement.edited", id=updated.id))
    if item.status == "approved":
        warn(t("statement.approval_undone", id=updated.id))


@app.command("approve", help=t("help.statement.approve"))
def approve(
    ctx: typer.Context,
    statement_id: SidArg,
    by: Annotated[str, typer.Option("--by", help=t("help.opt.approver"))],
    as_json: JsonOpt = False,
) -> None:
    ws = workspace(ctx)
    item = statements.approve(ws.store, statement_id, by, ws.now())
    if item.fact_version != item.approved_version:
        warn(t("statement.approved_older_text", id=item.id, version=item.fact_version))
    if as_json:
        print_json(view.statement_json(item, item.approved_version or 0, ws.tz))
        return
    echo(t("statement.approved", id=item.id, by=item.approved_by, version=item.approved_version))


@app.command("issue", help=t("help.statement.issue"))
def issue(
    ctx: typer.Context,
    statement_id: SidArg,
    at: Annotated[str | None, typer.Option("--at", help=t("help.opt.at_past"))] = None,
    channel: Annotated[
        str | None,
        typer.Option(
            "--channel", help=t("help.opt.channel", channels=", ".join(incidents.CHANNELS))
        ),
    ] = None,
    by: Annotated[str | None, typer.Option("--by", help=t("help.opt.speaker"))] = None,
    override: Annotated[str | None, typer.Option("--override", help=t("help.opt.override"))] = None,
    url: Annotated[str | None, typer.Option("--url", help=t("help.opt.published_url"))] = None,
    as_json: JsonOpt = False,
) -> None:
    from spokes.cli.hooks import statement_issued
    from spokes.core import conflicts  # the figure parser: only where texts are checked

    ws = workspace(ctx)
    order = statements.Issue(parse_past(ws, at), channel, by, override, url)
    checker = conflicts.issue_checker(ws.store, ws.tz)
    outcome = statements.issue(ws.store, statement_id, order, checker, ws.now())
    item = outcome.statement
    if as_json:
        data = view.statement_json(item, _version(ws, item.incident_id), ws.tz)
        data["overridden"] = list(outcome.overridden)
        data["stopped_clock"] = outcome.stopped_clock
        print_json(data)
    else:
        for reason in outcome.overridden:
            warn(t("statement.overridden", reason=reason))
        echo(t("statement.issued", id=item.id, by=outcome.speaker, at=item.issued_at))
        if outcome.stopped_clock:
            echo(t("statement.clock_stopped", incident=item.incident_id))
    # After the change committed and was reported: a failing hook only warns.
    statement_issued(ws, outcome)


@app.command("refer", help=t("help.statement.refer"))
def refer(
    ctx: typer.Context,
    incident_id: IdArg,
    unit: Annotated[str, typer.Option("--unit", "-u", help=t("help.opt.refer_unit"))],
    lang: LangOpt = None,
    as_json: JsonOpt = False,
) -> None:
    ws = workspace(ctx)
    incident = incidents.get(ws.store, incident_id)
    code = normalise_code(unit)
    if code != incident.lead_unit and code not in incident.involves:
        warn(t("statement.refer_not_involved", unit=code, id=incident.id))
    note = statements.referral(ws.store, incident_id, unit, _lang(ws, lang), workshop(ws), ws.now())
    if as_json:
        print_json(
            {"incident": note.incident, "unit": note.unit, "lang": note.lang, "text": note.text}
        )
        return
    echo(note.text.rstrip())


@app.command("check", help=t("help.statement.check"))
def check(
    ctx: typer.Context,
    incident_id: IdArg,
    source: Annotated[str, typer.Argument(help=t("help.arg.check_source"))] = "-",
    as_json: JsonOpt = False,
) -> None:
    from spokes.cli.editor import read_text_file
    from spokes.core import conflicts

    ws = workspace(ctx)
    incident = incidents.get(ws.store, incident_id)
    if source == "-" and sys.stdin.isatty():
        raise typer.BadParameter(t("check.needs_text"), param_hint="FILE")
    text = read_text_file(source)
    sheet = facts.sheet(ws.store, incident)
    findings = conflicts.check_text(text, sheet, ws.tz)
    with ws.store.transaction():  # the day report counts the contradicting texts found
        conflicts.record_found(ws.store, incident.id, text, findings, ws.now())
    if as_json:
        print_json(view.check_json(findings, sheet))
    else:
        echo(view.check_text(findings, sheet))
    if any(finding.verdict == "conflict" for finding in findings):
        raise typer.Exit(ExitCode.CONFLICT)


# -- export ---------------------------------------------------------------------------------

EXPORT_FORMATS = ("docx", "html", "md", "txt", "json")


def render_document(document: Document, fmt: str) -> bytes | str:
    if fmt == "docx":
        from spokes.render.docx import document_docx

        return document_docx(document)
    from spokes.render.document import render_text

    return render_text(document, fmt)


@app.command("export", help=t("help.statement.export"))
def export(
    ctx: typer.Context,
    target: Annotated[str, typer.Argument(help=t("help.arg.export_target"), show_default=False)],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help=t("help.opt.export_format"), metavar="docx|html|md|txt|json"
        ),
    ] = None,
    out: output.OutputOpt = None,
    every: Annotated[bool, typer.Option("--all", help=t("help.opt.export_all"))] = False,
    folder: Annotated[
        str | None, typer.Option("--to", help=t("help.opt.export_to"), metavar="DIR")
    ] = None,
) -> None:
    _check_export_options(every, out, folder)
    chosen = output.choose_format(fmt, out, EXPORT_FORMATS, "docx") or "docx"
    ws = workspace(ctx)
    if folder is not None:
        _export_all(ws, target, chosen, Path(folder).expanduser())
        return
    path = output.target(out, ws)
    output.refuse_binary_on_terminal(chosen, path)  # before any work is done
    from spokes.core.documents import statement_document

    document = statement_document(ws.store, target, ws.config.place, ws.tz, ws.now())
    output.deliver(render_document(document, chosen), path, ws)


def _check_export_options(every: bool, out: str | None, folder: str | None) -> None:
    """One statement goes to -o or stdout; --all writes a folder: mixing them is a usage
    error (exit code 2)."""
    if every and folder is None:
        raise typer.BadParameter(t("doc.all_needs_to"), param_hint="--all")
    if every and out is not None:
        raise typer.BadParameter(t("doc.output_with_all"), param_hint="-o")
    if folder is not None and not every:
        raise typer.BadParameter(t("doc.to_needs_all"), param_hint="--to")


def _export_all(ws: Workspace, incident_id: str, fmt: str, folder: Path) -> None:
    """Every document is rendered, and every target checked, before the first byte is
    written; the files are written whole and renamed into place together. A refusal or a
    failure leaves every file that was there as it was, and no folder this run created."""
    from spokes.core.documents import incident_bundle

    found = incident_bundle(ws.store, incident_id, ws.config.place, workshop(ws), ws.now())
    files = [(folder / f"{item.stem}.{fmt}", render_document(item.document, fmt)) for item in found]
    created = output.make_folder(folder)
    try:
        output.write_files(files, ws)
    except BaseException:
        output.remove_folders(created)
        raise
    for path, _ in files:
        echo(t("output.written", path=str(path)))
