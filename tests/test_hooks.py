"""Hooks: a command of the office's own runs after `incident open`, `statement issue` and the
first time `remind` sees a deadline missed, with the event as JSON on stdin; a failing hook
warns and never loses the change, nor changes the exit code."""

from __future__ import annotations

import json
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from spokes.core.hooks import RunFailed, run_with_json
from tests.conftest import Run

# Records its argv and the JSON on stdin, one line per run.
RECORDER = """
import json, sys
payload = json.loads(sys.stdin.buffer.read().decode("utf-8"))
with open(sys.argv[1], "a", encoding="utf-8") as out:
    out.write(json.dumps({"argv": sys.argv[1:], "payload": payload}, ensure_ascii=False) + "\\n")
"""


@pytest.fixture
def recorder(tmp_path: Path) -> Path:
    path = tmp_path / "recorder.py"
    path.write_text(RECORDER, encoding="utf-8")
    return path


def hooks_config(home: Path, lines: dict[str, list[str | Path]], extra: str = "") -> None:
    home.mkdir(parents=True, exist_ok=True)
    body = "".join(
        f"{event} = {json.dumps([str(w) for w in argv])}\n" for event, argv in lines.items()
    )
    (home / "config.toml").write_text("[hooks]\n" + body + extra, encoding="utf-8")


def runs(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def at(hhmm: str, day: int = 29) -> str:
    return f"2026-11-{day:02d}T{hhmm}:00+07:00"


# -- each event ------------------------------------------------------------------------------------


def test_incident_opened_runs_its_hook_with_the_json(
    tan_uyen: Run, workspace: Path, recorder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "opened.jsonl"
    hooks_config(workspace, {"incident-opened": [sys.executable, recorder, out, "--new"]})
    result = tan_uyen("incident open 'Sạt lở đất' -u phuc-khoa --occurred 13:10 --json")
    assert result.exit_code == 0, result
    assert result.json()["id"] == "2026-0001"  # the hook's own output never mixes in
    [hook] = runs(out)
    assert hook["argv"] == [str(out), "--new"]  # no incident text in the arguments
    payload = hook["payload"]
    assert payload["event"] == "incident-opened"
    assert payload["at"] == "2026-11-29T14:00:00+07:00"
    assert payload["actor"] == "tester"
    assert payload["incident"] == result.json()  # the shape of `incident show --json`


def test_statement_issued_runs_its_hook_with_the_json(
    tan_uyen: Run, workspace: Path, recorder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "issued.jsonl"
    hooks_config(workspace, {"statement-issued": [sys.executable, recorder, out]})
    tan_uyen("incident open 'Sạt lở đất' -u phuc-khoa --occurred 13:10")
    tan_uyen("fact set 2026-0001 summary 'Sạt lở vùi lấp đường'")
    sid = tan_uyen("statement draft 2026-0001 --json").json()["id"]
    tan_uyen(f"statement approve {sid} --by 'Lù Thị Mai'")
    assert runs(out) == []  # other changes run no hook
    assert tan_uyen(f"statement issue {sid}").exit_code == 0
    [hook] = runs(out)
    payload = hook["payload"]
    assert payload["event"] == "statement-issued"
    assert payload["statement"]["id"] == sid
    assert payload["statement"]["state"] == "issued"
    assert payload["statement"]["issued_by"] == "Lù Thị Mai"
    assert payload["stopped_clock"] is True
    assert payload["incident"]["clock"] == "met"


def test_the_statement_issued_hook_function(
    tan_uyen: Run, workspace: Path, recorder: Path, tmp_path: Path
) -> None:
    """What `statement issue` calls once it has issued: checked here on its own as well."""
    from spokes.cli import prepare
    from spokes.cli.remind import statement_issued
    from spokes.core import statements

    out = tmp_path / "issued.jsonl"
    hooks_config(workspace, {"statement-issued": [sys.executable, recorder, out]})
    tan_uyen("incident open 'Sạt lở đất' -u phuc-khoa --occurred 13:10")
    sid = tan_uyen("statement draft 2026-0001 --json").json()["id"]
    tan_uyen(f"statement approve {sid} --by 'Lù Thị Mai'")
    ws = prepare(None)
    try:
        order = statements.Issue(ws.now(), override="test")
        outcome = statements.issue(ws.store, sid, order, lambda *args: [], ws.now())
        statement_issued(ws, outcome)
    finally:
        ws.close()
    [hook] = runs(out)
    assert hook["payload"]["statement"]["id"] == sid
    assert hook["payload"]["incident"]["id"] == "2026-0001"


def test_deadline_missed_runs_once_per_deadline(
    tan_uyen: Run, workspace: Path, recorder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "missed.jsonl"
    hooks_config(workspace, {"deadline-missed": [sys.executable, recorder, out]})
    tan_uyen("incident open 'Sạt lở đất' -u phuc-khoa --occurred 13:10 --received 13:25")
    for hhmm in ("14:10", "15:10"):  # before it, and at it: not missed yet
        assert tan_uyen("remind", now=at(hhmm)).exit_code == 0
    assert runs(out) == []
    for hhmm in ("15:11", "15:40", "16:10"):
        assert tan_uyen("remind", now=at(hhmm)).exit_code == 0
    [missed] = runs(out)
    assert missed["payload"]["event"] == "deadline-missed"
    assert missed["payload"]["at"] == "2026-11-29T15:11:00+07:00"
    assert missed["payload"]["deadline"]["rule"] == "local-2h"
    assert missed["payload"]["deadline"]["due_at"] == "2026-11-29T15:10:00+07:00"
    assert missed["payload"]["incident"]["clock"] == "overdue"
    # The next day, the 24-hour deadline of the decree passes too: its own event, once.
    for hhmm in ("13:26", "13:40"):
        tan_uyen("remind", now=at(hhmm, day=30))
    assert [item["payload"]["deadline"]["rule"] for item in runs(out)] == [
        "local-2h",
        "decree-244-24h",
    ]
    log = tan_uyen("remind log --json --limit 0").json()
    assert [row["outcome"] for row in log if row["channel"] == "hook:deadline-missed"] == [
        "sent",
        "sent",
    ]


def test_no_deadline_missed_once_informed(
    tan_uyen: Run, workspace: Path, recorder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "missed.jsonl"
    hooks_config(workspace, {"deadline-missed": [sys.executable, recorder, out]})
    tan_uyen("incident open 'Sạt lở đất' -u phuc-khoa --occurred 13:10")
    tan_uyen("incident inform 2026-0001 --channel phone")
    tan_uyen("remind", now=at("15:11"))
    assert runs(out) == []


def test_dry_run_shows_the_hook_and_runs_nothing(
    tan_uyen: Run, workspace: Path, recorder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "missed.jsonl"
    hooks_config(workspace, {"deadline-missed": [sys.executable, recorder, out]})
    tan_uyen("incident open 'Sạt lở đất' -u phuc-khoa --occurred 13:10")
    shown = tan_uyen("remind --dry-run", now=at("15:11"))
    assert "Would run the deadline-missed hook for 2026-0001 (local-2h)" in shown.stdout
    assert runs(out) == []
    tan_uyen("remind", now=at("15:11"))
    assert len(runs(out)) == 1


# -- failures --------------------------------------------------------------------------------------


def test_a_failing_hook_warns_and_the_incident_stays(tan_uyen: Run, workspace: Path) -> None:
    fails = [sys.executable, "-c", "import sys; print('queue full', file=sys.stderr); sys.exit(4)"]
    hooks_config(workspace, {"incident-opened": fails})
    result = tan_uyen("incident open 'Sạt lở đất' -u phuc-khoa --occurred 13:10")
    assert result.exit_code == 0
    assert result.stdout.startswith("Opened incident 2026-0001")
    assert result.stderr.strip() == (
        f"Warning: the incident-opened hook failed: {sys.executable} exited with code 4:"
        " queue full; the change itself is saved"
    )
    assert tan_uyen("incident show 2026-0001").exit_code == 0


def test_a_missing_hook_program_warns_in_vietnamese(
    tan_uyen: Run, workspace: Path, tmp_path: Path
) -> None:
    hooks_config(workspace, {"incident-opened": [tmp_path / "khong-co"]})
    result = tan_uyen("--lang vi incident open 'Sạt lở đất' -u phuc-khoa --occurred 13:10")
    assert result.exit_code == 0
    assert result.stderr.startswith(
        f"Cảnh báo: lệnh hook incident-opened không chạy được:"
        f" không chạy được {tmp_path / 'khong-co'}:"
    )
    assert result.stderr.rstrip().endswith("thay đổi vẫn được lưu")
    assert tan_uyen("incident list --json").json()[0]["id"] == "2026-0001"


def test_a_failing_deadline_missed_hook_warns_runs_once_and_keeps_exit_zero(
    tan_uyen: Run, workspace: Path
) -> None:
    hooks_config(workspace, {"deadline-missed": [sys.executable, "-c", "raise SystemExit(2)"]})
    tan_uyen("incident open 'Sạt lở đất' -u phuc-khoa --occurred 13:10")
    first = tan_uyen("remind", now=at("15:11"))
    assert first.exit_code == 0  # the reminder itself went out; a hook never fails the run
    assert "Warning: the deadline-missed hook failed" in first.stderr
    assert "Reminder 2026-0001" in first.stdout
    again = tan_uyen("remind", now=at("15:12"))
    assert again.stderr == ""  # a hook runs once per event, as the others do: not retried
    rows = tan_uyen("remind log --json").json()
    assert [row["outcome"] for row in rows if row["channel"].startswith("hook:")] == ["failed"]


def test_a_hook_past_its_time_limit_is_stopped_with_its_children() -> None:
    # A shell that starts a child: killing only the shell would leave the child holding the
    # pipe, and the wait would last as long as the child does.
    started = time.monotonic()
    with pytest.raises(RunFailed) as failure:
        run_with_json(["sh", "-c", "sleep 30; true"], {"event": "x"}, timedelta(seconds=0.5))
    assert time.monotonic() - started < 10
    assert failure.value.key == "run.timed_out"
    assert str(failure.value) == "not done within 0.5 s, stopped"


def test_a_hook_that_does_not_read_its_input_still_succeeds() -> None:
    run_with_json([sys.executable, "-c", "pass"], {"big": "x" * 1_000_000}, timedelta(seconds=10))


def test_the_hook_timeout_comes_from_the_config(tan_uyen: Run, workspace: Path) -> None:
    slow = [sys.executable, "-c", "import time; time.sleep(30)"]
    hooks_config(workspace, {"incident-opened": slow}, 'timeout = "1s"\n')
    result = tan_uyen("incident open 'Sạt lở đất' -u phuc-khoa --occurred 13:10")
    assert result.exit_code == 0
    assert "not done within 1 s, stopped" in result.stderr
    assert tan_uyen("incident show 2026-0001").exit_code == 0
