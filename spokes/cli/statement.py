"""``spokes statement ...``: draft from the facts, approve, issue once, refer, check."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from spokes.cli.common import echo, parse_past, print_json, warn, workspace
from spokes.cli.fact import workshop
from spokes.core import facts, incidents, statements
from spokes.core.drafting import CHANNELS, KINDS
from spokes.core.units import normalise_code
from spokes.errors import ExitCode, InvalidInput, SpokesError
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
    from spokes.cli.remind import statement_issued
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
OutputOpt = Annotated[
    str | None, typer.Option("--output", "-o", help=t("help.opt.output"), metavar="FILE")
]


def chosen_format(
    fmt: str | None, output: str | None, formats: tuple[str, ...], default: str | None
) -> str | None:
    """``--format``, else the extension of the ``-o`` file when it is one of ``formats``, else
    ``default``. An unknown ``--format`` is a usage error (exit code 2), as an unknown option."""
    if fmt is not None:
        cleaned = fmt.strip().lower().lstrip(".")
        if cleaned not in formats:
            choices = ", ".join(formats)
            raise typer.BadParameter(
                t("doc.bad_format", value=fmt, choices=choices), param_hint="--format"
            )
        return cleaned
    suffix = Path(output).suffix.lower().lstrip(".") if output else ""
    return suffix if suffix in formats else default


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def deliver(data: bytes | str, output: str | None) -> None:
    """Prints a text, or writes a file and says so. A binary file is never sent to a
    terminal, where it would show as garbage; to a pipe or a redirection it goes as it is."""
    if output is not None:
        write_file(Path(output), data)
        echo(t("doc.written", path=output))
    elif isinstance(data, str):
        echo(data.rstrip("\n"))
    elif stdout_is_terminal():
        raise InvalidInput("doc.docx_to_terminal")
    else:
        typer.echo(data, nl=False)


def write_file(path: Path, data: bytes | str) -> None:
    """Atomically (a reader never sees half a file), readable by its owner only (a draft is
    not public yet); refused with the reason when the folder is missing or not writable."""
    import os
    import tempfile

    if not path.parent.is_dir():
        raise InvalidInput("doc.no_folder", path=str(path), folder=str(path.parent))
    if path.is_dir():
        raise InvalidInput("doc.cannot_write", path=str(path), problem=t("doc.is_folder"))
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError as error:
        raise _cannot_write(path, error) from None
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(raw)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise _cannot_write(path, error) from None


def _cannot_write(path: Path, error: OSError) -> InvalidInput:
    problem = error.strerror or type(error).__name__
    return InvalidInput("doc.cannot_write", path=str(path), problem=problem)


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
    output: OutputOpt = None,
    every: Annotated[bool, typer.Option("--all", help=t("help.opt.export_all"))] = False,
    folder: Annotated[
        str | None, typer.Option("--to", help=t("help.opt.export_to"), metavar="DIR")
    ] = None,
) -> None:
    chosen = chosen_format(fmt, output, EXPORT_FORMATS, "docx") or "docx"
    _check_export_options(every, output, folder)
    ws = workspace(ctx)
    if folder is not None:
        _export_all(ws, target, chosen, Path(folder))
        return
    if output is None and chosen == "docx" and stdout_is_terminal():
        raise InvalidInput("doc.docx_to_terminal")  # before any work is done
    from spokes.core.documents import statement_document

    document = statement_document(ws.store, target, ws.config.place, ws.tz, ws.now())
    deliver(render_document(document, chosen), output)


def _check_export_options(every: bool, output: str | None, folder: str | None) -> None:
    """One statement goes to -o or stdout; --all writes a folder: mixing them is a usage
    error (exit code 2)."""
    if every and folder is None:
        raise typer.BadParameter(t("doc.all_needs_to"), param_hint="--all")
    if every and output is not None:
        raise typer.BadParameter(t("doc.output_with_all"), param_hint="-o")
    if folder is not None and not every:
        raise typer.BadParameter(t("doc.to_needs_all"), param_hint="--to")


def _export_all(ws: Workspace, incident_id: str, fmt: str, folder: Path) -> None:
    """Every document is rendered before the first file is written, and a failure midway
    takes back what was written: a refusal leaves nothing behind."""
    from spokes.core.documents import incident_bundle

    found = incident_bundle(ws.store, incident_id, ws.config.place, workshop(ws), ws.now())
    files = [(folder / f"{item.stem}.{fmt}", render_document(item.document, fmt)) for item in found]
    created = _make_folder(folder)
    written: list[Path] = []
    try:
        for path, data in files:
            write_file(path, data)
            written.append(path)
    except SpokesError:
        for path in written:
            path.unlink(missing_ok=True)
        if created:
            folder.rmdir()
        raise
    for path in written:
        echo(t("doc.written", path=str(path)))


def _make_folder(folder: Path) -> bool:
    """Creates the folder of --all when missing; whether it did."""
    if folder.is_dir():
        return False
    if folder.exists():
        raise InvalidInput("doc.cannot_write", path=str(folder), problem=t("doc.not_folder"))
    try:
        folder.mkdir(parents=True)
    except OSError as error:
        raise _cannot_write(folder, error) from None
    return True
