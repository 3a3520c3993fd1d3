"""``spokes remind``: reminders before each deadline, sent once, for cron and systemd timers;
``spokes remind log``: what was sent."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from spokes.cli.common import echo, print_json, workspace
from spokes.cli.hooks import hook_warning
from spokes.errors import ExitCode
from spokes.i18n import Lang, t
from spokes.workspace import Workspace

if TYPE_CHECKING:
    from spokes.core.remind import Entry, Plan, Report

app = typer.Typer(invoke_without_command=True)


@app.callback()
def remind(
    ctx: typer.Context,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("help.opt.remind_dry_run"))] = False,
) -> None:
    if ctx.invoked_subcommand is not None:  # `spokes remind log`
        return
    from spokes.core import remind as reminders

    ws = workspace(ctx)
    if dry_run:
        _show_plan(ws, reminders.preview(ws.store, ws.config, ws.now()))
        return
    context = reminders.Context(ws.config, _lang(ws), ws.tz, ws.now, echo)
    report = reminders.run(ws.store, context)
    if _report_failures(report):
        # Cron mails what a job prints, systemd marks the unit failed: someone will look.
        raise typer.Exit(ExitCode.USER_ERROR)


def _lang(ws: Workspace) -> Lang:
    """Reminders speak the workspace's language (its config), else this run's: what cron sends
    is what ``--dry-run`` showed, whatever the locale of either."""
    return ws.config.lang or ws.lang


def _report_failures(report: Report) -> bool:
    from spokes.core.remind import threshold_label

    for hook in report.hooks:
        if hook.failure is not None:
            hook_warning("deadline-missed", hook.failure.render())
    for item in report.failed:
        assert item.failure is not None
        message = t(
            "remind.failed",
            id=item.incident_id,
            threshold=threshold_label(item.threshold),
            channel=item.channel,
            reason=item.failure.render(),
        )
        typer.echo(f"{t('label.error')}: {message}", err=True)
    return bool(report.failed)


def _show_plan(ws: Workspace, plan: Plan) -> None:
    from spokes.core.remind import compose, threshold_label

    for channel, reason in plan.unavailable:
        echo(t("remind.would_skip", channel=channel.name, reason=reason.render()))
    if not plan.claims and not plan.misses:
        echo(t("remind.nothing"))
        return
    for item in plan.claims:
        message = compose(ws.store, item, ws.now(), _lang(ws), ws.tz)
        names = ", ".join(channel.name for _, channel in item.rows)
        echo(t("remind.would_send", channels=names, threshold=threshold_label(item.threshold)))
        echo(message.text + "\n")
    for miss in plan.misses:
        echo(t("remind.would_run_hook", id=miss.view.incident.id, rule=miss.deadline.rule.name))


@app.command("log", help=t("help.remind.log"))
def log(
    ctx: typer.Context,
    incident_id: Annotated[
        str | None, typer.Argument(help=t("help.arg.remind_incident"), show_default=False)
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=0, help=t("help.opt.remind_limit"))] = 50,
    as_json: Annotated[bool, typer.Option("--json", help=t("help.opt.json"))] = False,
) -> None:
    from spokes.core.remind import log as read_log

    ws = workspace(ctx)
    entries = read_log(ws.store, ws.now(), incident_id, limit)
    if as_json:
        print_json([_entry_json(entry, ws) for entry in entries])
    elif not entries:
        echo(t("remind.log.empty"))
    else:
        echo(_log_table(entries, ws))


def _entry_json(entry: Entry, ws: Workspace) -> dict[str, Any]:
    from spokes.clock import iso_local

    return {
        "id": entry.id,
        "at": iso_local(entry.at, ws.tz),
        "incident": entry.incident_id,
        "rule": entry.rule,
        "due_at": iso_local(entry.due_at, ws.tz),
        "threshold_seconds": entry.threshold,
        "channel": entry.channel,
        "outcome": entry.outcome,
        "attempts": entry.attempts,
        "error": entry.error.render() if entry.error else None,
    }


def _log_table(entries: list[Entry], ws: Workspace) -> str:
    from spokes.core.remind import MISSED, threshold_label
    from spokes.render import table, timefmt

    now = ws.now()
    rows = [
        [
            timefmt.when(entry.at, ws.tz, now),
            entry.incident_id,
            entry.rule,
            timefmt.when(entry.due_at, ws.tz, now),
            t("remind.threshold.missed")
            if entry.channel == MISSED
            else threshold_label(entry.threshold),
            entry.channel,
            t(f"remind.outcome.{entry.outcome}"),
            entry.error.render() if entry.error else "",
        ]
        for entry in entries
    ]
    columns = [
        table.Column(t(f"remind.col.{name}"), shrink=name == "detail")
        for name in (
            "at",
            "incident",
            "rule",
            "deadline",
            "threshold",
            "channel",
            "outcome",
            "detail",
        )
    ]
    return table.render(columns, rows, max_width=table.terminal_width())


def register(root: typer.Typer) -> None:
    """Adds ``remind`` (with ``remind log``) to the root command."""
    root.add_typer(app, name="remind", help=t("help.remind"))
