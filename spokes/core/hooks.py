"""Hooks: commands of the office's own, run after an event, given the event as JSON.

A hook runs after the change's transaction has committed, without a shell, within a time
limit. Whatever it does, the change stays: a failure is returned for the caller to report as a
warning, and it never changes a command's exit code. The command channel of reminders runs its
program the same way (:func:`run_with_json`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from spokes.clock import iso_local
from spokes.config import Hooks
from spokes.errors import SpokesError
from spokes.workspace import actor


class RunFailed(SpokesError):
    """A hook or a delivery did not succeed; its message says why (for a warning or the log)."""


def run_with_json(argv: Sequence[str], payload: Mapping[str, Any], timeout: timedelta) -> None:
    """Runs ``argv`` (never through a shell) with ``payload`` as UTF-8 JSON on its standard
    input; raises :class:`RunFailed` on a missing program, a non-zero exit or the time limit."""
    import subprocess  # only when a hook or a command channel runs

    data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    try:
        # Its own session, so that on timeout its children die with it and free the pipe.
        process = subprocess.Popen(
            list(argv),
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,  # a hook's chatter must not mix with our output
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
    except OSError as error:
        problem = error.strerror or type(error).__name__
        raise RunFailed("run.cannot_start", program=argv[0], problem=problem) from None
    with process:
        errors = _communicate(process, data, timeout)
    if process.returncode != 0:
        last = errors.decode("utf-8", "replace").strip().splitlines()[-1:]
        detail = f": {last[0][:200]}" if last else ""
        raise RunFailed("run.exit_code", program=argv[0], code=process.returncode, detail=detail)


def _communicate(process: Any, data: bytes, timeout: timedelta) -> bytes:
    import os
    import signal
    import subprocess

    try:
        _, errors = process.communicate(data, timeout=timeout.total_seconds())
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise RunFailed("run.timed_out", seconds=_seconds(timeout)) from None
    return bytes(errors or b"")


def _seconds(duration: timedelta) -> str:
    return f"{duration.total_seconds():g}"


def fire(hooks: Hooks, event: str, payload: Callable[[], dict[str, Any]]) -> RunFailed | None:
    """Runs the hook of ``event`` when one is configured; returns why it failed, if it did.
    ``payload`` is only built when there is a hook to give it to."""
    argv = hooks.command(event)
    if argv is None:
        return None
    try:
        run_with_json(argv, payload(), hooks.timeout)
    except RunFailed as failure:
        return failure
    return None


def event(name: str, at: datetime, tz: ZoneInfo, **body: Any) -> dict[str, Any]:
    """The JSON every hook gets: ``event``, ``at`` (local, with offset), ``actor``, then the
    event's own fields."""
    return {"event": name, "at": iso_local(at, tz), "actor": actor(), **body}
