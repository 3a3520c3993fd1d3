"""What every command shares: the workspace of this run, times typed on the command line,
output helpers, and the one error boundary."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import typer
from typer.core import TyperGroup

from spokes.cli import prepare
from spokes.errors import SpokesError
from spokes.i18n import t
from spokes.workspace import Workspace

ENV_DEBUG = "SPOKES_DEBUG"


class SpokesGroup(TyperGroup):
    """The error boundary: a :class:`SpokesError` from any command becomes one line on
    stderr and exit code 1. Nothing else is caught here (see ``spokes.cli.main``)."""

    def invoke(self, ctx: Any) -> Any:  # typer's own Context type is private
        try:
            return super().invoke(ctx)
        except SpokesError as error:
            state = ctx.obj
            if isinstance(state, RunState) and state.ws is not None:
                state.ws.abandon()
            if os.environ.get(ENV_DEBUG) == "1":
                raise
            typer.echo(error.line(), err=True)
            raise typer.Exit(error.exit_code) from None


def warn(message: str) -> None:
    typer.echo(f"{t('label.warning')}: {message}", err=True)


@dataclass
class RunState:
    """What the root callback learnt, and the workspace once a command has asked for it."""

    lang: str | None
    ws: Workspace | None = None


def workspace(ctx: typer.Context) -> Workspace:
    """The workspace of this run, loaded on first use, with its language and zone in force."""
    root = ctx.find_root()
    state = root.obj
    assert isinstance(state, RunState), "the root callback sets the run state"
    if state.ws is None:
        state.ws = prepare(state.lang)
        root.call_on_close(state.ws.close)
    return state.ws


def parse_past(ws: Workspace, text: str | None, default: datetime | None = None) -> datetime:
    """A typed time that must not lie in the future; ``default`` (now) when not given."""
    from spokes.timeparse import parse_time

    now = ws.now()
    if text is None:
        return default or now
    return parse_time(text, tz=ws.tz, now=now)


def parse_any(ws: Workspace, text: str) -> datetime:
    """A typed time that may lie in the future (the end of an authorisation)."""
    from spokes.timeparse import parse_time

    return parse_time(text, tz=ws.tz, now=ws.now(), allow_future=True)


def optional_past(ws: Workspace, text: str | None) -> datetime | None:
    return None if text is None else parse_past(ws, text)


def print_json(value: Any) -> None:
    typer.echo(json.dumps(value, ensure_ascii=False, indent=2))


def echo(text: str = "") -> None:
    typer.echo(text)
