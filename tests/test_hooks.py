"""Hooks: a command of the office's own runs after `incident open`, `statement issue` and the
first time `remind` sees a deadline missed, with the event as JSON on stdin; a failing hook
warns and never loses the change, nor changes the exit code."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from spokes.core.hooks import RunFailed, run_with_json
from tests.conftest import Run
from tests.reminders_support import RECORDER, at, gone, kill_if_running, script, wait_until
from tests.reminders_support import received as runs


@pytest.fixture
def recorder(tmp_path: Path) -> Path:
    return script(tmp_path, "recorder.py", RECORDER)


def hooks_config(home: Path, lines: dict[str, list[str | Path]], extra: str = "") -> None:
    home.mkdir(parents=True, exist_ok=True)
    body = "".join(
        f"{event} = {json.dumps([str(w) for w in argv])}\n" for event, argv in lines.items()
    )
    (home / "config.toml").write_text("[hooks]\n" + body + extra, encoding="utf-8")


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


def test_deadline_missed_runs_once_across_a_corrected_time(
    tan_uyen: Run, workspace: Path, recorder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "missed.jsonl"
    hooks_config(workspace, {"deadline-missed": [sys.executable, recorder, out]})
    tan_uyen("incident open 'Sạt lở đất' -u phuc-khoa --occurred 13:10")
    tan_uyen("remind", now=at("15:11"))
    assert len(runs(out)) == 1
    # Occurred a minute later than typed: due 15:11, missed again at 15:12, the same deadline.
    edited = tan_uyen("incident edit 2026-0001 --occurred 13:11", now=at("15:11"))
    assert edited.exit_code == 0, edited
    tan_uyen("remind", now=at("15:12"))
    assert len(runs(out)) == 1


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
    assert result.stderr.strip() == (
        f"Cảnh báo: lệnh hook incident-opened bị lỗi: không chạy được {tmp_path / 'khong-co'}:"
        " không tìm thấy tệp hoặc thư mục; thay đổi vẫn được lưu"
    )
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


def test_a_failing_hook_is_said_to_fail_in_vietnamese(tan_uyen: Run, workspace: Path) -> None:
    hooks_config(workspace, {"incident-opened": [sys.executable, "-c", "raise SystemExit(4)"]})
    result = tan_uyen("--lang vi incident open 'Sạt lở đất' -u phuc-khoa --occurred 13:10")
    assert result.stderr.strip() == (
        f"Cảnh báo: lệnh hook incident-opened bị lỗi: {sys.executable} kết thúc với mã lỗi 4;"
        " thay đổi vẫn được lưu"
    )


@pytest.fixture
def pid_file(tmp_path: Path) -> Iterator[Path]:
    """Where a test's program writes the id of a child it leaves behind; that child is killed
    at the end, whatever happened."""
    path = tmp_path / "child.pid"
    yield path
    if path.exists() and path.read_text().strip():
        kill_if_running(int(path.read_text()))


def child_pid(path: Path) -> int:
    assert wait_until(lambda: path.exists() and path.read_text().strip() != "")
    return int(path.read_text())


def test_a_hook_past_its_time_limit_is_stopped_with_its_children(pid_file: Path) -> None:
    # A shell that starts a child and waits for it: both are stopped at the limit.
    started = time.monotonic()
    with pytest.raises(RunFailed) as failure:
        run_with_json(
            ["sh", "-c", f'sleep 30 & echo $! > "{pid_file}"; wait'],
            {"event": "x"},
            timedelta(seconds=0.5),
        )
    assert time.monotonic() - started < 10
    assert failure.value.key == "run.timed_out"
    assert str(failure.value) == "not done within 0.5 s, stopped"
    assert wait_until(lambda: gone(child_pid(pid_file)), seconds=5)


def test_a_program_that_exits_leaving_a_child_behind_succeeds_at_once(pid_file: Path) -> None:
    # It reads its input, exits 0, and its child keeps running (and keeps its error output
    # open): that is a success, decided when the program itself exits.
    started = time.monotonic()
    run_with_json(
        ["sh", "-c", f'cat >/dev/null; sleep 60 & echo $! > "{pid_file}"; exit 0'],
        {"event": "x"},
        timedelta(seconds=5),
    )
    assert time.monotonic() - started < 4
    assert not gone(child_pid(pid_file))  # not ours to stop: it outlives the hook


def test_a_child_in_a_session_of_its_own_does_not_hold_the_run(pid_file: Path) -> None:
    started = time.monotonic()
    run_with_json(
        ["sh", "-c", f'cat >/dev/null; setsid sleep 20 & echo $! > "{pid_file}"; exit 0'],
        {"event": "x"},
        timedelta(seconds=5),
    )
    assert time.monotonic() - started < 4
    child_pid(pid_file)  # it did start


def test_ctrl_c_while_a_hook_runs_stops_the_hook(
    tan_uyen: Run, workspace: Path, tmp_path: Path, pid_file: Path
) -> None:
    slow = script(
        tmp_path,
        "slow.py",
        "import os, sys, time\nopen(sys.argv[1], 'w').write(str(os.getpid()))\ntime.sleep(60)\n",
    )
    hooks_config(workspace, {"incident-opened": [sys.executable, slow, pid_file]})
    opening = subprocess.Popen(
        [sys.executable, "-m", "spokes", "incident", "open", "Sạt lở", "-u", "phuc-khoa"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    hook = child_pid(pid_file)  # the hook runs: the incident is saved
    opening.send_signal(signal.SIGINT)
    opening.communicate(timeout=30)
    assert wait_until(lambda: gone(hook), seconds=5), "the hook outlived Ctrl-C"
    assert tan_uyen("incident list --json").json()[0]["id"] == "2026-0001"


def test_a_hook_that_does_not_read_its_input_still_succeeds() -> None:
    run_with_json([sys.executable, "-c", "pass"], {"big": "x" * 1_000_000}, timedelta(seconds=10))


def test_the_hook_timeout_comes_from_the_config(tan_uyen: Run, workspace: Path) -> None:
    slow = [sys.executable, "-c", "import time; time.sleep(30)"]
    hooks_config(workspace, {"incident-opened": slow}, 'timeout = "1s"\n')
    result = tan_uyen("incident open 'Sạt lở đất' -u phuc-khoa --occurred 13:10")
    assert result.exit_code == 0
    assert "not done within 1 s, stopped" in result.stderr
    assert tan_uyen("incident show 2026-0001").exit_code == 0
