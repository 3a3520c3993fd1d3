"""``spokes status`` without typer: the one command that cron and monitoring run every minute.

typer builds a pydantic validator for every option it parses; for ``status`` that costs more
than the whole command. So ``main`` hands a plain ``status`` invocation here first. Only the
exact forms below are taken; anything else (``--help``, an unknown option, a typo) returns
``None`` and goes to typer, which explains it. ``tests/test_fastpath.py`` checks that both
paths print the same thing and exit the same way.

    spokes [--lang L] status [--json] [--check] [--unit U | -u U | --unit=U]
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

from spokes.errors import ExitCode, SpokesError
from spokes.workspace import Workspace


def parse(argv: list[str]) -> dict[str, object] | None:
    """The options of a plain ``status`` command line, or None to let typer handle it."""
    options: dict[str, object] = {"lang": None, "unit": None, "json": False, "check": False}
    args = list(argv)
    if args[:1] == ["--lang"] and len(args) >= 2:
        options["lang"], args = args[1], args[2:]
    elif args[:1] and args[0].startswith("--lang="):
        options["lang"], args = args[0].split("=", 1)[1], args[1:]
    if args[:1] != ["status"]:
        return None
    rest = args[1:]
    while rest:
        arg = rest.pop(0)
        if arg in ("--json", "--check") and not options[arg[2:]]:
            options[arg[2:]] = True
        elif arg in ("--unit", "-u") and rest and options["unit"] is None:
            options["unit"] = rest.pop(0)
        elif arg.startswith("--unit=") and options["unit"] is None:
            options["unit"] = arg.split("=", 1)[1]
        else:
            return None
    return options


def status_output(
    ws: Workspace, unit: str | None, as_json: bool, stream: TextIO
) -> tuple[str, bool]:
    """What ``status`` prints, and whether any incident is overdue (for ``--check``)."""
    from spokes import clock
    from spokes.core import status as core_status
    from spokes.i18n import t
    from spokes.render import incidents as view
    from spokes.render import table

    snapshot = core_status.snapshot(ws.store, ws.config, ws.now(), unit)
    if as_json:
        import json

        text = json.dumps(view.status_json(snapshot, ws.tz), ensure_ascii=False, indent=2)
        return text, snapshot.any_overdue
    colour = table.use_colour(stream)
    text = view.status_table(snapshot, ws.tz, colour, table.terminal_width(stream))
    if clock.is_frozen():
        text += "\n" + table.paint(t("label.frozen_clock"), "dim", colour)
    return text, snapshot.any_overdue


def run(argv: list[str]) -> int | None:
    """Runs a plain ``status``; returns its exit code, or None when typer must handle it."""
    options = parse(argv)
    if options is None:
        return None
    from spokes import i18n
    from spokes.cli import prepare

    lang = options["lang"]
    if lang is not None and i18n.normalise(str(lang)) is None:
        return None  # typer reports the bad --lang as a usage error
    ws: Workspace | None = None
    option = str(lang) if lang is not None else None
    try:
        ws = prepare(option)
        unit = options["unit"]
        text, overdue = status_output(
            ws, str(unit) if unit is not None else None, bool(options["json"]), sys.stdout
        )
    except SpokesError as error:
        if ws is not None:
            ws.abandon()
        else:  # a broken config: said in the language asked for, as `main` says it
            i18n.set_language(i18n.resolve(option, None)[0])
        if os.environ.get("SPOKES_DEBUG") == "1":
            raise
        print(error.line(), file=sys.stderr)
        return int(error.exit_code)
    finally:
        if ws is not None:
            ws.close()
    print(text)
    return int(ExitCode.OVERDUE) if options["check"] and overdue else int(ExitCode.OK)
