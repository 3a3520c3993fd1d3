"""``status`` runs without typer for speed: both paths must print the same and exit the same."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from spokes.cli.fastpath import parse
from tests.conftest import Run


@pytest.mark.no_database  # the parser alone: runs once
@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["status"], {"lang": None, "unit": None, "json": False, "check": False}),
        (
            ["--lang", "vi", "status", "--json"],
            {"lang": "vi", "unit": None, "json": True, "check": False},
        ),
        (
            ["--lang=en", "status", "-u", "x", "--check"],
            {"lang": "en", "unit": "x", "json": False, "check": True},
        ),
        (
            ["status", "--unit=ho-mit"],
            {"lang": None, "unit": "ho-mit", "json": False, "check": False},
        ),
    ],
)
def test_plain_status_lines_are_taken(argv: list[str], expected: dict[str, object]) -> None:
    assert parse(argv) == expected


@pytest.mark.no_database  # the parser alone: runs once
@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["status", "--help"],
        ["status", "-h"],
        ["status", "--jsno"],
        ["status", "--unit"],
        ["status", "--json", "--json"],
        ["status", "extra"],
        ["incident", "list"],
        ["--version", "status"],
    ],
)
def test_anything_else_goes_to_typer(argv: list[str]) -> None:
    assert parse(argv) is None


def spokes(args: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    done = subprocess.run(
        [sys.executable, "-m", "spokes", *args], capture_output=True, text=True, env=env
    )
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["status"], 0),
        (["--lang", "vi", "status"], 0),
        (["status", "--json"], 0),
        (["status", "--check"], 3),
        (["status", "--unit", "ho-mit", "--json", "--check"], 3),
        (["status", "--unit", "phuc-khoa", "--check"], 0),
        (["status", "-u", "phuc-kho"], 1),  # unknown unit: the same one-line error
        (["--lang", "fr", "status"], 2),  # a usage error, from typer on both paths
    ],
)
def test_fast_and_typer_paths_agree(
    tan_uyen: Run, workspace: Path, args: list[str], code: int
) -> None:
    tan_uyen("incident", "open", "Sạt lở đất", "--unit", "phuc-khoa", "--occurred", "13:10")
    tan_uyen("incident", "open", "Đá lăn", "--unit", "ho-mit", "--occurred", "11:30")
    env = {**os.environ, "SPOKES_HOME": str(workspace)}
    fast = spokes(args, env)
    slow = spokes(args, {**env, "SPOKES_NO_FASTPATH": "1"})
    assert fast == slow
    assert fast[0] == code
