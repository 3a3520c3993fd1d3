"""``spokes demo``: a throwaway workspace, every clock state, the user's workspace untouched."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from tests.conftest import Run


def test_demo_builds_elsewhere_and_shows_every_state(
    run: Run, workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    result = run("demo")
    assert result.exit_code == 0, result
    assert not workspace.exists()  # the user's workspace: never touched
    built = list(scratch.glob("spokes-demo-*"))
    assert len(built) == 1
    assert (built[0] / "spokes.db").exists()
    for state in ("OVERDUE 1", "at risk 1", "pending 2", "late 1", "met 1"):
        assert state in result.stdout
    assert "NO SPOKESPERSON" in result.stdout
    assert f"export SPOKES_HOME={built[0]}" in result.stdout

    status = run("status", "--json", env={"SPOKES_HOME": str(built[0])}).json()
    assert len(status["incidents"]) == 6
    home = {"SPOKES_HOME": str(built[0])}
    # One set of facts and a first draft from it, so the statement commands have something.
    sheet = run("fact list 2026-0001 --json", env=home).json()
    assert sheet["facts"]["injured"]["value"] == 2
    draft = run("statement show 1 --json", env=home).json()
    assert draft["state"] == "draft"
    assert "Số người bị thương: 2" in draft["text"]
    # The suggested `incident inform` is for an incident still waiting for it.
    suggested = result.stdout.split("incident inform ")[1].split()[0]
    assert run(f"incident inform {suggested}", env=home).exit_code == 0
    assert {item["clock"] for item in status["incidents"]} == {
        "overdue",
        "at_risk",
        "pending",
        "late",
        "met",
    }


def test_demo_in_vietnamese(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    result = run("--lang", "vi", "demo")
    assert result.exit_code == 0
    assert "Tình hình sự việc lúc 14:00 ngày 29/11/2026" in result.stdout
    assert "Cháy nhà dân trong đêm" in result.stdout
    assert "Hãy thử" in result.stdout


def test_every_suggested_command_runs(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shlex

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    shown = run("demo").stdout.split("Try it by hand")[1].splitlines()[1:]
    lines = [line.strip() for line in shown if line.strip()]
    home = {"SPOKES_HOME": lines.pop(0).split("=", 1)[1]}
    assert len(lines) >= 10
    for line in lines:
        text, _, command = line.rpartition("| ")
        words = shlex.split(command)
        assert words[0] == "spokes", line
        if words[1] == "watch":
            words.append("--once")  # not on a terminal here
        given = shlex.split(text)[1] if text else None
        result = run(*words[1:], env=home, input=given)
        assert result.exit_code in (0, 3), (line, result)  # 3: check found the conflict
    assert (tmp_path / "thong-cao-1.docx").exists() and (tmp_path / "bao-cao.html").exists()
