"""``spokes watch``: the live countdown.

The database is read once per ``--interval`` (the open incidents and who speaks for them);
every second in between, the clocks are moved on from memory and the frame is drawn again at
the terminal's current size. rich is imported here, not at the top: the other
commands, ``status`` above all, start without it.
"""

from __future__ import annotations

import math
import os
import signal
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from spokes import clock
from spokes.cli.common import echo, workspace
from spokes.core import watch as core_watch
from spokes.errors import InvalidInput, Refused
from spokes.i18n import t
from spokes.workspace import Workspace

if TYPE_CHECKING:
    from rich.console import Console
    from rich.live import Live

    from spokes.core.policy import State

DEFAULT_INTERVAL = 5.0


def watch(
    ctx: typer.Context,
    unit: Annotated[str | None, typer.Option("--unit", "-u", help=t("help.opt.unit"))] = None,
    interval: Annotated[
        float, typer.Option("--interval", "-i", help=t("help.opt.interval"), metavar="SECONDS")
    ] = DEFAULT_INTERVAL,
    once: Annotated[bool, typer.Option("--once", help=t("help.opt.once"))] = False,
) -> None:
    ws = workspace(ctx)  # its language is the error's too; the database is opened later
    # NaN and infinity are floats too: neither is a number of seconds to wait.
    if not 0 < interval < math.inf:
        raise InvalidInput("watch.bad_interval", value=f"{interval:g}")
    if not once and not sys.stdout.isatty():
        raise Refused("watch.needs_terminal")
    board = core_watch.read(ws.store, ws.config, ws.now(), unit)  # an unknown unit stops here
    if once:
        print_once(ws, board)
        return
    from rich.console import Console

    live(ws, board, interval, Console())


def print_once(ws: Workspace, board: core_watch.Board) -> None:
    """One frame: coloured and fitted to a terminal, plain and whole to a pipe."""
    from spokes.render.table import terminal_width, use_colour
    from spokes.render.watch import frame

    shown = frame(board, ws.now(), terminal_width(sys.stdout), ws.lang, frozen=clock.is_frozen())
    if not use_colour(sys.stdout):
        echo(shown.plain)
        return
    from rich.console import Console

    # print() would join the text with its separator and lose `no_wrap`: say it again.
    Console(highlight=False).print(shown, no_wrap=True, overflow="crop", crop=True)


def live(
    ws: Workspace,
    board: core_watch.Board,
    interval: float,
    console: Console,
    sleep: Callable[[float], None] = time.sleep,
    monotonic: Callable[[], float] = time.monotonic,
) -> None:
    """The full-screen loop, until Ctrl-C. ``sleep`` and ``monotonic`` are the tests' to
    replace: they move ``SPOKES_NOW`` instead of waiting."""
    from rich.live import Live

    seen: dict[str, State | None] = {}
    read_at = monotonic()
    # No auto-refresh thread: this loop draws one frame a second, and nothing else draws.
    screen = Live(
        console=console,
        screen=True,
        auto_refresh=False,
        redirect_stdout=False,
        redirect_stderr=False,
    )
    # A closed terminal window (SIGHUP) or `kill` (SIGTERM) must leave the terminal as Ctrl-C
    # does, not stuck in the alternate screen with the cursor hidden.
    previous = {number: signal.signal(number, _interrupt) for number in _ENDINGS}
    try:
        with screen:
            while True:
                if monotonic() - read_at >= interval:
                    board = core_watch.read(ws.store, ws.config, ws.now(), board.unit)
                    read_at = monotonic()
                seen = _draw(ws, board, interval, screen, seen)
                sleep(1 - time.time() % 1)  # on the turn of the second, as a clock ticks
    except KeyboardInterrupt:
        return  # Ctrl-C is the way out; leaving `with` gave the terminal back as it was
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


_ENDINGS = (signal.SIGTERM, signal.SIGHUP)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _draw(
    ws: Workspace,
    board: core_watch.Board,
    interval: float,
    screen: Live,
    seen: dict[str, State | None],
) -> dict[str, State | None]:
    """Draws the frame of this second; rings at a crossing since the last one. Returns the
    clock states now on screen, for the next comparison."""
    from spokes.render.watch import frame

    console, now = screen.console, ws.now()
    states = core_watch.states(core_watch.at(board, now))
    if core_watch.crossings(seen, states):
        console.bell()
    fit_to_terminal(console)
    shown = frame(
        board,
        now,
        console.width,
        ws.lang,
        height=console.height,
        frozen=clock.is_frozen(),
        interval=interval,
    )
    screen.update(shown, refresh=True)
    return states


def fit_to_terminal(console: Console) -> None:
    """The terminal's size now: a window resized since the last frame is laid out anew
    (rich would otherwise keep a COLUMNS or LINES left in the environment)."""
    try:
        size = os.get_terminal_size(console.file.fileno())
    except (AttributeError, OSError, ValueError):  # not a real terminal (the tests' console)
        return
    console.size = (size.columns, size.lines)


def register(app: typer.Typer) -> None:
    """Adds ``watch`` to the root command."""
    app.command("watch", help=t("help.watch"))(watch)
