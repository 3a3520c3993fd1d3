"""What the tests of `spokes remind` and of hooks share: moments of the test day, a command
that records what it was given, and the config lines that name it."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def at(hhmm: str, day: int = 29) -> str:
    """A moment of November 2026 in Vietnam, for SPOKES_NOW: ``at("14:10")``."""
    return f"2026-11-{day:02d}T{hhmm}:00+07:00"


# A command (a channel or a hook): appends what it was given, its argv and the JSON on its
# standard input, to the file named by its first argument.
RECORDER = """
import json, sys
payload = json.loads(sys.stdin.buffer.read().decode("utf-8"))
with open(sys.argv[1], "a", encoding="utf-8") as out:
    out.write(json.dumps({"argv": sys.argv[1:], "payload": payload}, ensure_ascii=False) + "\\n")
"""


def script(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


def received(path: Path) -> list[dict[str, Any]]:
    """What a RECORDER was given, one item per run."""
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write_config(home: Path, text: str) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(text, encoding="utf-8")


def toml_list(*words: str | Path) -> str:
    return json.dumps([str(word) for word in words])  # a JSON list of strings is TOML too


def command_channel(name: str, *argv: str | Path, extra: str = "") -> str:
    return (
        f'\n[[remind.channels]]\ntype = "command"\nname = "{name}"\nargv = {toml_list(*argv)}\n'
        + extra
    )


def wait_until(condition: Callable[[], bool], seconds: float = 20) -> bool:
    """Polls ``condition`` until it holds or ``seconds`` have passed (bounded: a test that
    waits on another process never hangs); returns whether it held."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def gone(pid: int) -> bool:
    """The process has ended (or is a zombie nobody has reaped yet: it runs no more)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
            return stat.read().rpartition(")")[2].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


def kill_if_running(pid: int) -> None:
    import signal

    if not gone(pid):
        os.kill(pid, signal.SIGKILL)
