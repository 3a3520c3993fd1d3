"""The root command: global options, and the command groups joined with ``add_typer``."""

from __future__ import annotations

from typing import Annotated

import typer

from spokes import __version__, i18n
from spokes.cli import (
    db,
    demo,
    fact,
    incident,
    press,
    remind,
    report,
    spokesperson,
    statement,
    status,
    transfer,
    unit,
    watch,
)
from spokes.cli import workspace as workspace_commands
from spokes.cli.common import RunState, SpokesGroup
from spokes.i18n import t

app = typer.Typer(
    name="spokes",
    cls=SpokesGroup,
    help=t("help.app"),
    no_args_is_help=True,
    add_completion=False,
    # Never print local variables in a traceback: they may hold a database password.
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"spokes {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    lang: Annotated[
        str | None,
        typer.Option("--lang", help=t("help.opt.lang"), metavar="vi|en", show_default=False),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=t("help.opt.version")),
    ] = False,
) -> None:
    if lang is not None and i18n.normalise(lang) is None:
        raise typer.BadParameter(t("lang.unknown", value=lang), param_hint="--lang")
    # The workspace is loaded by the first command that asks for it (`workspace(ctx)`), so
    # that `--help` works even with a broken config.
    ctx.obj = RunState(lang)


workspace_commands.register(app)
status.register(app)
demo.register(app)
app.add_typer(unit.app, name="unit", help=t("help.unit"))
app.add_typer(spokesperson.app, name="spokesperson", help=t("help.spokesperson"))
app.add_typer(incident.app, name="incident", help=t("help.incident"))
app.add_typer(fact.app, name="fact", help=t("help.fact"))
app.add_typer(statement.app, name="statement", help=t("help.statement"))
app.add_typer(press.app, name="press", help=t("help.press"))
app.add_typer(report.app, name="report", help=t("help.report"))
transfer.register(app)
watch.register(app)
remind.register(app)
app.add_typer(db.app, name="db", help=t("help.db"))
