"""Hooks: commands of the office's own, run after an event, given the event as JSON.

A hook runs after the change's transaction has committed, without a shell, within a time
limit. Whatever it does, the change stays: a failure is returned for the caller to report as a
warning, and it never changes a command's exit code. The command channel of reminders runs its
program the same way (:func:`run_with_json`), and the desktop channel runs notify-send with
:func:`run_program`.
"""

from __future__ import annotations

import errno
import json
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import IO, Any
from zoneinfo import ZoneInfo

from spokes.clock import iso_local
from spokes.config import Hooks
from spokes.errors import SpokesError
from spokes.workspace import actor


class RunFailed(SpokesError):
    """A hook or a delivery did not succeed; its message says why (for a warning or the log).

    A ``problem_key`` parameter names the message of an operating-system error, rendered in the
    language of whoever reads it (the log may be read in another language than the run's)."""

    def render(self) -> str:
        from spokes.i18n import t

        params = dict(self.params)
        problem_key = params.pop("problem_key", None)
        if problem_key:
            params["problem"] = t(problem_key)
        return t(self.key, **params)


# The operating-system errors people meet most, in both languages; any other keeps its own text.
_ERRNO_KEYS = {
    errno.ENOENT: "os.no_such_file",
    errno.ECONNREFUSED: "os.connection_refused",
    errno.ETIMEDOUT: "os.timed_out",
    errno.EACCES: "os.permission_denied",
    errno.EPERM: "os.permission_denied",
}


def problem(error: BaseException) -> dict[str, str]:
    """``problem`` (and ``problem_key`` when it has a message of ours) for a RunFailed."""
    if isinstance(error, TimeoutError):  # socket.timeout too: it has no errno
        return {"problem": "timed out", "problem_key": "os.timed_out"}
    if isinstance(error, OSError):
        text = error.strerror or str(error) or type(error).__name__
        # An SSL error's errno is an OpenSSL code (1: "certificate verify failed"), not EPERM.
        ssl = type(error).__module__ == "ssl"
        key = None if ssl else _ERRNO_KEYS.get(error.errno or 0)
        return {"problem": text, "problem_key": key} if key else {"problem": text}
    return {"problem": type(error).__name__}


def run_with_json(argv: Sequence[str], payload: Mapping[str, Any], timeout: timedelta) -> None:
    """Runs ``argv`` (never through a shell) with ``payload`` as UTF-8 JSON on its standard
    input; raises :class:`RunFailed` on a missing program, a non-zero exit or the time limit."""
    run_program(argv, json.dumps(payload, ensure_ascii=False).encode("utf-8"), timeout)


def run_program(argv: Sequence[str], data: bytes, timeout: timedelta) -> None:
    """Runs ``argv`` with ``data`` on its standard input, and waits for *it* to exit, at most
    ``timeout``.

    Its input comes from a file and its error output goes to one, not through pipes: a child it
    leaves behind (``sleep 60 &``, a daemon, ``setsid ...``) may keep them open for as long as it
    likes without holding us, and a program that never reads its input cannot block our write.
    It runs in a session of its own; on the time limit, or Ctrl-C here, the whole group is
    killed before we return.
    """
    import subprocess  # only when a hook or a channel runs
    import tempfile

    with tempfile.TemporaryFile() as given, tempfile.TemporaryFile() as errors:
        given.write(data)
        given.seek(0)
        try:
            process = subprocess.Popen(
                list(argv),
                stdin=given,
                stdout=subprocess.DEVNULL,  # a hook's chatter must not mix with our output
                stderr=errors,
                start_new_session=True,
            )
        except OSError as error:
            raise RunFailed("run.cannot_start", program=argv[0], **problem(error)) from None
        code = _wait(process, timeout)
        if code != 0:
            raise RunFailed("run.exit_code", program=argv[0], code=code, detail=_last_line(errors))


def _wait(process: Any, timeout: timedelta) -> int:
    import subprocess

    try:
        return int(process.wait(timeout=timeout.total_seconds()))
    except subprocess.TimeoutExpired:
        raise RunFailed("run.timed_out", seconds=_seconds(timeout)) from None
    finally:
        if process.returncode is None:  # the time limit, or Ctrl-C (KeyboardInterrupt)
            _kill_group(process)


def _kill_group(process: Any) -> None:
    import contextlib
    import os
    import signal

    # The group is the program's own (start_new_session): its children die with it.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()  # SIGKILL cannot be ignored: this returns at once


def _last_line(errors: IO[bytes]) -> str:
    """``": <the last line of its error output>"``, or nothing; read from the end only."""
    size = errors.seek(0, 2)
    errors.seek(max(0, size - 4096))
    lines = errors.read().decode("utf-8", "replace").strip().splitlines()[-1:]
    return f": {lines[0][:200]}" if lines else ""


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
