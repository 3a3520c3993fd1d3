"""Tests that keep the README honest.

Every command has help text, a mention, a section and an example in the README; the Quick start
holds exactly its two commands, and CI runs the test one verbatim; every exit code is listed; and
the examples under "## Commands" run, in order, in a fresh workspace, ending with the exit codes
the README gives and printing the JSON and the status table it shows.
"""

from __future__ import annotations

import json
import re
import shlex
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import typer

from spokes.cli.app import app
from spokes.errors import ExitCode
from spokes.messages import MESSAGES
from tests.conftest import NOW, Result, Run

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
CI_SCRIPT = ROOT / ".ci" / "run"

# The README's text and the command tree, read without running a command: no database is
# opened, so these run once; the examples below run on both backends.
text_only = pytest.mark.no_database

QUICK_START = [
    ["pip install . && spokes demo"],
    ['pip install -e ".[test]" && pytest'],
]

FENCE = re.compile(r"^```([\w-]*)\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
EXPECTED_EXIT = re.compile(r"#.*\bexit code (\d+)")


def readme() -> str:
    return README.read_text(encoding="utf-8")


def section(title: str) -> str:
    """The README text under ``## title``, up to the next ``## `` heading."""
    pattern = rf"^## {re.escape(title)}[ \t]*\n(.*?)(?=^## |\Z)"
    found = re.search(pattern, readme(), re.MULTILINE | re.DOTALL)
    assert found is not None, f"README.md has no '## {title}' section"
    return found.group(1)


def subsection(title: str) -> str:
    """The text under ``### title`` in "## Commands", up to the next heading."""
    pattern = rf"^### {re.escape(title)}[ \t]*\n(.*?)(?=^##|\Z)"
    found = re.search(pattern, section("Commands"), re.MULTILINE | re.DOTALL)
    assert found is not None, f"README.md has no '### {title}' under '## Commands'"
    return found.group(1)


def code_blocks(text: str, lang: str | None = None) -> list[str]:
    return [body for tag, body in FENCE.findall(text) if lang is None or tag == lang]


def command_lines(block: str) -> list[str]:
    """The commands of a shell block: lines ending in a backslash joined to the next one,
    blank lines and comments left out."""
    joined = block.replace("\\\n", " ")
    lines = (line.strip() for line in joined.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


# -- the command tree ------------------------------------------------------------------------

ROOT_COMMAND = typer.main.get_command(app)


def walk(command: Any, path: list[str]) -> list[tuple[str, Any]]:
    found = [(" ".join(path), command)]
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        found += walk(sub, [*path, name])
    return found


COMMANDS = walk(ROOT_COMMAND, ["spokes"])
# A command that runs: one without sub-commands, or a group that runs by itself too
# (`spokes report annual`, besides `report annual notes` and `report annual sent`).
LEAVES = [
    path
    for path, command in COMMANDS
    if not hasattr(command, "commands") or getattr(command, "invoke_without_command", False)
]


@text_only
def test_the_command_tree_is_found() -> None:
    # Guards the tests below: an empty walk would make them pass without checking anything.
    assert "spokes incident open" in LEAVES
    assert len(LEAVES) >= 20


@text_only
@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[path for path, _ in COMMANDS])
def test_every_command_has_help(path: str, command: Any) -> None:
    assert (command.help or "").strip(), f"`{path}` has no help text"


@text_only
def test_every_help_message_exists_in_both_languages() -> None:
    empty = [key for key, pair in MESSAGES.items() if key.startswith("help.") and not all(pair)]
    assert not empty, f"help texts missing a translation: {empty}"


@text_only
@pytest.mark.parametrize("path", [path for path, _ in COMMANDS])
def test_every_command_is_in_the_readme(path: str) -> None:
    assert path in readme(), f"README.md never mentions `{path}`"


@text_only
@pytest.mark.parametrize("path", LEAVES)
def test_every_command_has_a_section(path: str) -> None:
    headings = re.findall(r"^### `(spokes[^`]*)`", section("Commands"), re.MULTILINE)
    assert path in headings, f"README.md has no '### `{path}`' under '## Commands'"


@text_only
def test_every_section_names_a_real_command() -> None:
    headings = re.findall(r"^### `(spokes[^`]*)`", section("Commands"), re.MULTILINE)
    assert headings, "no '### `spokes ...`' headings under '## Commands'"
    unknown = sorted(set(headings) - set(LEAVES))
    assert not unknown, f"README.md documents commands that do not exist: {unknown}"


# -- Quick start and exit codes --------------------------------------------------------------


@text_only
def test_quick_start_has_exactly_the_two_commands() -> None:
    blocks = [command_lines(block) for block in code_blocks(section("Quick start"))]
    assert blocks == QUICK_START


@text_only
def test_ci_runs_the_readme_test_command() -> None:
    lines = [line.strip() for line in CI_SCRIPT.read_text(encoding="utf-8").splitlines()]
    assert QUICK_START[1][0] in lines, f"{CI_SCRIPT} no longer runs the README's test command"


@text_only
def test_every_exit_code_is_listed() -> None:
    rows = re.findall(r"^\|\s*`?(\d+)`?\s*\|", section("Exit codes"), re.MULTILINE)
    assert sorted(int(code) for code in rows) == sorted(int(code) for code in ExitCode)


# -- the examples ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Example:
    line: str
    args: list[str]
    expected: int
    result: Result


def examples() -> list[tuple[str, list[str], int]]:
    """Each ``spokes ...`` line of the shell blocks under "## Commands", in order, with the
    exit code it should end with (0 unless a comment says ``# exit code N``)."""
    found = []
    for block in code_blocks(section("Commands"), "sh"):
        for line in command_lines(block):
            words = shlex.split(line, comments=True)
            assert words[0] == "spokes", f"not a spokes command: {line}"
            expected = EXPECTED_EXIT.search(line)
            found.append((line, words[1:], int(expected.group(1)) if expected else 0))
    return found


def run_examples(run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Example]:
    # The examples name files of the repository (examples/...) and write files of their own
    # (-o thong-cao-1.docx): they run in a folder of their own that sees examples/.
    folder = tmp_path / "readme"
    folder.mkdir()
    (folder / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(folder)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where `spokes demo` builds
    return [Example(line, args, expected, run(*args)) for line, args, expected in examples()]


def _takes_value(command: Any, word: str) -> bool:
    for param in command.params:
        if word in getattr(param, "opts", []):
            return not getattr(param, "is_flag", False)
    return False


def command_path(args: list[str]) -> str:
    """``spokes --lang vi unit show x`` -> ``spokes unit show``."""
    command, path, rest = ROOT_COMMAND, ["spokes"], list(args)
    while rest and hasattr(command, "commands"):
        word = rest.pop(0)
        if word.startswith("-"):
            if _takes_value(command, word):
                rest.pop(0)
            continue
        assert word in command.commands, f"unknown command '{word}' in: spokes {shlex.join(args)}"
        command = command.commands[word]
        path.append(word)
    return " ".join(path)


@text_only
def test_the_examples_assume_the_test_clock() -> None:
    assert f"SPOKES_NOW={NOW}" in section("Commands")


@text_only
def test_every_command_has_an_example() -> None:
    shown = {command_path(args) for _, args, _ in examples()}
    missing = [path for path in LEAVES if path not in shown]
    assert not missing, f"commands without an example under '## Commands': {missing}"


# Commands the README says a shared PostgreSQL database refuses, with what they point to
# instead: there the examples of these end with exit code 1 and that hint.
REFUSED_ON_POSTGRESQL = {"spokes backup": "spokes db copy --to"}


def test_the_examples_run(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, backend: str
) -> None:
    ran = run_examples(run, monkeypatch, tmp_path)
    assert len(ran) >= len(LEAVES)
    for example in ran:
        path = command_path(example.args)
        if backend == "postgresql" and path in REFUSED_ON_POSTGRESQL:
            assert "PostgreSQL database it is refused" in subsection(f"`{path}`")
            assert example.result.exit_code == ExitCode.USER_ERROR, example.result
            assert REFUSED_ON_POSTGRESQL[path] in example.result.stderr, example.result
            continue
        assert example.result.exit_code == example.expected, (
            f"`{example.line}` should exit {example.expected}: {example.result!r}"
        )


def test_the_incident_json_is_what_the_command_prints(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    run_examples(run, monkeypatch, tmp_path)
    shown = [json.loads(block) for block in code_blocks(section("Commands"), "json")]
    assert len(shown) == 1, "expected one JSON example of an incident under '## Commands'"
    documented = shown[0]
    result = run("incident", "show", documented["id"], "--json")
    assert result.exit_code == 0, result
    printed = result.json()
    # The README keeps only the first event, and says so.
    assert documented == {**printed, "events": printed["events"][:1]}


def test_the_status_sample_is_what_status_prints(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    run_examples(run, monkeypatch, tmp_path)
    samples = code_blocks(subsection("`spokes status`"), "text")
    assert len(samples) == 1, "expected one sample of `spokes status` output"
    result = run("status")
    assert result.exit_code == 0, result
    assert result.stdout.rstrip("\n") == samples[0].rstrip("\n")
