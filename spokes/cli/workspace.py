"""``spokes init`` and ``spokes where``: set up a workspace, and say where everything is."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from spokes import clock, config, i18n
from spokes.cli.common import echo, print_json, workspace
from spokes.i18n import t
from spokes.text import tidy
from spokes.workspace import Workspace, actor


def init(
    ctx: typer.Context,
    org: Annotated[str | None, typer.Option("--org", help=t("help.opt.org"))] = None,
    place: Annotated[str | None, typer.Option("--place", help=t("help.opt.place"))] = None,
    tz: Annotated[str | None, typer.Option("--tz", help=t("help.opt.tz"))] = None,
    lang: Annotated[str | None, typer.Option("--lang", help=t("help.opt.config_lang"))] = None,
) -> None:
    ws = workspace(ctx)
    changes: dict[str, Any] = {}
    if org is not None:
        changes["org"] = tidy(org)
    if place is not None:
        changes["place"] = tidy(place)
    if tz is not None:
        clock.zone(tz)  # refuses an unknown zone before anything is written
        changes["timezone"] = tz
    if lang is not None:
        chosen = i18n.normalise(lang)
        if chosen is None:
            raise typer.BadParameter(t("lang.unknown", value=lang), param_hint="--lang")
        changes["lang"] = chosen
    existed = ws.config_path.exists()
    if not existed and "lang" not in changes:
        # Written down now, as resolved for this run: a later run from cron, whose locale is
        # not the user's, must speak (and send reminders in) the same language.
        changes["lang"] = ws.lang
    updated = ws.config.with_changes(**changes)
    config.save(updated, ws.config_path)
    ws.config = updated
    # The new config speaks from now on, unless --lang or SPOKES_LANG says otherwise.
    ws.lang, ws.lang_source = i18n.resolve(ctx.find_root().obj.lang, updated.lang)
    i18n.set_language(ws.lang)
    ws.store  # creates and migrates the database now, so `where` shows it  # noqa: B018
    echo(t("init.updated" if existed else "init.created", path=str(ws.root)))
    echo(t("init.next"))


def where(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help=t("help.opt.json"))] = False,
) -> None:
    ws = workspace(ctx)
    facts = _facts(ws)
    if as_json:
        print_json(facts)
        return
    labels = {key: t(f"where.{key}") for key in facts if key not in _LISTS}
    width = max(len(label) for label in labels.values()) + 1
    for key, label in labels.items():
        echo(f"{label + ':':<{width}} {_shown(facts[key])}")
    echo(t("where.rules") + ":")
    for rule in facts["rules"]:
        echo(f"  {rule['name']:<24} {rule['from']:<9} +{rule['within']:<5} {rule['citation']}")
        filters = [f"{key}={','.join(rule[key])}" for key in _FILTERS if rule[key]]
        if filters:
            echo(f"  {'':<24} {t('where.only')}: {'; '.join(filters)}")
    _echo_reminders(facts["remind"], facts["hooks"])


_FILTERS = ("categories", "severities", "unit_kinds")
_LISTS = ("rules", "remind", "hooks")  # shown on lines of their own, after the others


def _echo_reminders(remind: dict[str, Any], hooks: dict[str, Any]) -> None:
    every = remind["overdue_every"]
    when = (
        t("where.remind_times", before=", ".join(remind["before"]), every=every)
        if remind["before"]
        else t("where.remind_no_before", every=every)
    )
    echo(f"{t('where.remind')}: {when}")
    echo(t("where.channels") + ":")
    for channel in remind["channels"]:
        echo(f"  {channel['name']:<24} {channel['type']:<9} {channel['target'] or ''}".rstrip())
    commands = hooks["commands"]
    echo(t("where.hooks", timeout=hooks["timeout"]) + ":" + ("" if commands else " —"))
    for event, program in commands.items():
        echo(f"  {event:<24} {program}")


def _target(channel: config.Channel) -> str | None:
    """Where a channel sends, without what may be secret: a command's program name only (its
    words may hold a phone number), a webhook's scheme and host only (its path, a token)."""
    from pathlib import PurePath
    from urllib.parse import urlsplit

    if channel.type == "command":
        return PurePath(channel.argv[0]).name
    if channel.type == "email":
        return f"{channel.host}:{channel.port}"
    if channel.type == "webhook" and channel.url:
        parts = urlsplit(channel.url)
        return f"{parts.scheme}://{parts.hostname or ''}"
    return None


def _reminders(ws: Workspace) -> dict[str, Any]:
    settings = ws.config.remind
    return {
        "before": [config.duration_text(item) for item in settings.before],
        "overdue_every": config.duration_text(settings.overdue_every),
        "channels": [
            {"name": channel.name, "type": channel.type, "target": _target(channel)}
            for channel in settings.in_use()
        ],
    }


def _hooks(ws: Workspace) -> dict[str, Any]:
    from pathlib import PurePath

    hooks = ws.config.hooks
    return {
        # The program's name only: its arguments may say where messages go.
        "commands": {event: PurePath(argv[0]).name for event, argv in hooks.commands},
        "timeout": config.duration_text(hooks.timeout),
    }


def _shown(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return t("where.yes") if value else t("where.no")
    return str(value)


def _database(ws: Workspace) -> dict[str, Any]:
    """Which database, set by what, whether it exists, how far migrated: never a password."""
    from spokes.errors import SpokesError
    from spokes.store import migrations
    from spokes.store.url import redact

    url, source = ws.database_url
    facts: dict[str, Any] = {
        "backend": ws.backend,
        "database": str(ws.db_path) if url is None else redact(url),
        "database_source": source,
        "database_exists": ws.db_path.exists() if url is None else None,
        "schema": None,
    }
    if url is not None:
        from contextlib import closing

        from spokes.store import open_store

        try:  # looked at as it is: `where` neither creates nor migrates a shared database
            with closing(open_store(ws.db_path, url, migrate=False)) as store:
                facts["database_exists"] = bool(migrations.applied(store))
                applied = len(migrations.applied(store))
        except SpokesError as error:
            facts["database_problem"] = error.render()
            return facts
    elif facts["database_exists"]:
        applied = len(migrations.applied(ws.store))
    else:
        return facts
    facts["schema"] = f"{applied}/{len(migrations.MIGRATIONS)}"
    return facts


def _facts(ws: Workspace) -> dict[str, Any]:
    return {
        "home": str(ws.root),
        "home_source": ws.root_source,
        "config": str(ws.config_path),
        "config_exists": ws.config_path.exists(),
        **_database(ws),
        "org": ws.config.org,
        "place": ws.config.place,
        "timezone": ws.config.timezone,
        "language": ws.lang,
        "language_source": ws.lang_source,
        "now": clock.iso_local(ws.now(), ws.tz),
        "clock": "SPOKES_NOW" if clock.is_frozen() else "system",
        "user": actor(),
        "warning_window": config.duration_text(ws.config.warning),
        "publish_within": config.duration_text(ws.config.publish_within),
        "rules": [
            {
                "name": rule.name,
                "from": rule.starts,
                "within": config.duration_text(rule.within),
                "citation": rule.citation,
                **{key: list(getattr(rule, key)) for key in _FILTERS},
            }
            for rule in ws.config.rules
        ],
        "remind": _reminders(ws),
        "hooks": _hooks(ws),
    }


def register(app: typer.Typer) -> None:
    app.command("init", help=t("help.init"))(init)
    app.command("where", help=t("help.where"))(where)
