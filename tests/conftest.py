"""Shared fixtures: every test gets its own workspace and a frozen clock.

No test touches real user data: ``SPOKES_HOME`` points at a temporary folder, and time comes
from ``SPOKES_NOW`` (the program's own clock), never from sleeping.
"""

from __future__ import annotations

import json
import shlex
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from spokes import i18n
from spokes.cli.app import app

NOW = "2026-11-29T14:00:00+07:00"


@pytest.fixture(autouse=True)
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    monkeypatch.setenv("SPOKES_HOME", str(home))
    monkeypatch.setenv("SPOKES_NOW", NOW)
    monkeypatch.setenv("SPOKES_USER", "tester")
    monkeypatch.setenv("TZ", "UTC")  # the machine's zone must never matter
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # editor files and the like stay in the test
    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR
    time.tzset()
    for var in ("SPOKES_LANG", "LANG", "LC_ALL", "LC_MESSAGES", "SPOKES_DEBUG", "NO_COLOR"):
        monkeypatch.delenv(var, raising=False)
    i18n.set_language("en")  # process-wide: a test that asked for Vietnamese must not leak
    yield home
    monkeypatch.undo()
    time.tzset()


class Result:
    def __init__(self, raw: Any) -> None:
        self.exit_code: int = raw.exit_code
        self.stdout: str = raw.stdout
        self.stderr: str = raw.stderr
        self.exception = raw.exception

    def json(self) -> Any:
        return json.loads(self.stdout)

    def __repr__(self) -> str:
        return f"<exit {self.exit_code}\nstdout: {self.stdout}\nstderr: {self.stderr}>"


Run = Callable[..., Result]


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Run:
    """``run("incident", "open", ..., now="...")``: the CLI in-process, as a user would call it.
    One string is split as a shell would: ``run('unit add x "Xã X" --kind commune')``.
    ``now``, ``env`` and ``input`` (standard input) apply to that one call."""

    def invoke(
        *args: str,
        now: str | None = None,
        env: dict[str, str] | None = None,
        input: str | None = None,
    ) -> Result:
        if len(args) == 1 and " " in args[0]:  # one command line, split as a shell would
            args = tuple(shlex.split(args[0]))
        extra = dict(env or {})
        if now is not None:
            extra["SPOKES_NOW"] = now  # for this call only; the default stays NOW
        with monkeypatch.context() as patch:
            for key, value in extra.items():
                patch.setenv(key, value)
            raw = CliRunner().invoke(app, list(args), input=input, catch_exceptions=True)
            return Result(raw)

    return invoke


@pytest.fixture
def db_state(workspace: Path) -> Callable[[], dict[str, list[tuple[Any, ...]]]]:
    """Every row of every table: compare before and after to show nothing was written."""

    def read() -> dict[str, list[tuple[Any, ...]]]:
        path = workspace / "spokes.db"
        if not path.exists():
            return {}
        with sqlite3.connect(path) as db:
            tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
            return {name: sorted(db.execute(f"SELECT * FROM {name}")) for name in tables}

    return read


@pytest.fixture
def refused(run: Run, db_state: Callable[[], Any]) -> Callable[..., Result]:
    """``refused(*args, expected="...")``: the command fails with that one-line message, the
    right exit code, no traceback, and the database is exactly as it was."""

    def check(*args: str, expected: str, code: int = 1, **options: Any) -> Result:
        before = db_state()
        result = run(*args, **options)
        assert result.exit_code == code, result
        assert expected in result.stderr
        assert "Traceback" not in result.stderr + result.stdout
        assert db_state() == before
        return result

    return check


@pytest.fixture
def tan_uyen(run: Run) -> Run:
    """A small directory: a district, two communes (one without a spokesperson), an agency."""
    for args in (
        ("unit", "add", "tan-uyen", "UBND huyện Tân Uyên", "--kind", "district"),
        (
            "unit",
            "add",
            "phuc-khoa",
            "UBND xã Phúc Khoa",
            "--kind",
            "commune",
            "--parent",
            "tan-uyen",
        ),
        ("unit", "add", "ho-mit", "UBND xã Hố Mít", "--kind", "commune", "--parent", "tan-uyen"),
        ("unit", "add", "cong-an", "Công an huyện", "--kind", "agency", "--parent", "tan-uyen"),
    ):
        assert run(*args).exit_code == 0
    assigned = run(
        "spokesperson",
        "assign",
        "phuc-khoa",
        "--name",
        "Lù Thị Mai",
        "--title",
        "Chủ tịch UBND xã",
        "--phone",
        "0912 000 108",
        "--email",
        "ltmai@phuckhoa.example.vn",
        "--from",
        "01/11/2026 08:00",
    )
    assert assigned.exit_code == 0, assigned
    return run
