"""`spokes remind`: one reminder per threshold and channel, exactly once, whatever runs at the
same time; after a gap only the latest; every channel, its failures and retries; the log."""

from __future__ import annotations

import base64
import email
import email.policy
import json
import os
import shutil
import socketserver
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from spokes import config as config_module
from tests.conftest import Result, Run, SqlRows
from tests.reminders_support import (
    RECORDER,
    at,
    command_channel,
    received,
    script,
    wait_until,
    write_config,
)

TITLE = "Sạt lở đất vùi lấp đường vào bản Nà Ít"


@pytest.fixture
def landslide(tan_uyen: Run) -> Run:
    """2026-0001, led by Phúc Khoa (Lù Thị Mai): occurred 13:10, so local-2h is due at 15:10."""
    opened = tan_uyen(f'incident open "{TITLE}" -u phuc-khoa --occurred 13:10 --received 13:25')
    assert opened.exit_code == 0, opened
    return tan_uyen


def remind(run: Run, hhmm: str, *args: str, day: int = 29) -> Result:
    return run("remind", *args, now=at(hhmm, day))


def log(run: Run, *args: str) -> list[dict[str, Any]]:
    result = run("remind", "log", "--json", "--limit", "0", *args)
    assert result.exit_code == 0, result
    rows: list[dict[str, Any]] = result.json()
    return rows


def reminders_in(output: str) -> list[str]:
    """The subject lines of the reminders printed by the stdout channel."""
    return [line for line in output.splitlines() if line.startswith("Reminder ")]


# Fails (exit 3, a reason on stderr) until the marker file exists, then records like RECORDER.
# Each time it runs, it adds a line to OUT.tries.
FLAKY = """
import json, os, sys
open(sys.argv[1] + ".tries", "a").write("tried\\n")
if not os.path.exists(sys.argv[2]):
    print("relay down", file=sys.stderr)
    sys.exit(3)
payload = json.loads(sys.stdin.buffer.read().decode("utf-8"))
with open(sys.argv[1], "a", encoding="utf-8") as out:
    out.write(json.dumps({"argv": sys.argv[1:], "payload": payload}, ensure_ascii=False) + "\\n")
"""


# -- thresholds ------------------------------------------------------------------------------------


def test_reminders_fire_at_each_threshold_once(landslide: Run) -> None:
    expected = {
        "14:05": [],
        "14:10": ["Reminder 2026-0001: initial information due in 1 h 00 min"],
        "14:39": [],
        "14:40": ["Reminder 2026-0001: initial information due in 30 min"],
        "14:55": ["Reminder 2026-0001: initial information due in 15 min"],
        "15:10": ["Reminder 2026-0001: initial information is due now"],
        "15:40": ["Reminder 2026-0001: initial information OVERDUE by 30 min"],
        "16:09": [],
        "16:10": ["Reminder 2026-0001: initial information OVERDUE by 1 h 00 min"],
    }
    for hhmm, subjects in expected.items():
        first = remind(landslide, hhmm)
        assert first.exit_code == 0, first
        assert reminders_in(first.stdout) == subjects, hhmm
        again = remind(landslide, hhmm)  # the same moment: already announced
        assert again.exit_code == 0 and again.stdout == "", hhmm
    rows = log(landslide)
    assert [row["threshold_seconds"] for row in rows] == [-3600, -1800, -900, 0, 1800, 3600]
    assert {row["outcome"] for row in rows} == {"sent"}
    assert {(row["rule"], row["due_at"]) for row in rows} == {
        ("local-2h", "2026-11-29T15:10:00+07:00")
    }


def test_thresholds_and_channels_come_from_the_config(landslide: Run, workspace: Path) -> None:
    write_config(workspace, '[remind]\nbefore = ["45m"]\noverdue_every = "1h"\n')
    assert reminders_in(remind(landslide, "14:24").stdout) == []
    assert reminders_in(remind(landslide, "14:25").stdout) == [
        "Reminder 2026-0001: initial information due in 45 min"
    ]
    assert reminders_in(remind(landslide, "14:40").stdout) == []  # no 30-minute threshold now
    assert len(reminders_in(remind(landslide, "15:10").stdout)) == 1
    assert reminders_in(remind(landslide, "15:40").stdout) == []
    assert len(reminders_in(remind(landslide, "16:10").stdout)) == 1


def test_no_reminder_once_the_clock_has_stopped(landslide: Run) -> None:
    landslide("incident open 'Cháy nhà' -u phuc-khoa --occurred 13:10")  # 2026-0002
    assert landslide("incident inform 2026-0001 --channel phone").exit_code == 0
    assert landslide("incident close 2026-0002").exit_code == 0
    result = remind(landslide, "16:10")
    assert result.exit_code == 0 and result.stdout == ""
    assert log(landslide) == []


def test_after_a_four_hour_gap_only_the_latest_threshold_is_sent(landslide: Run) -> None:
    assert len(reminders_in(remind(landslide, "14:10").stdout)) == 1
    # The machine was off from 14:10 to 18:10: eight thresholds passed meanwhile.
    late = remind(landslide, "18:10")
    assert reminders_in(late.stdout) == [
        "Reminder 2026-0001: initial information OVERDUE by 3 h 00 min"
    ]
    # Nothing is written for the thresholds passed over: only what was sent.
    outcomes = [(row["threshold_seconds"] // 60, row["outcome"]) for row in log(landslide)]
    assert outcomes == [(-60, "sent"), (180, "sent")]
    assert remind(landslide, "18:10").stdout == ""
    assert len(reminders_in(remind(landslide, "18:40").stdout)) == 1  # and on it goes


def test_an_incident_entered_late_gets_only_its_latest_threshold(tan_uyen: Run) -> None:
    tan_uyen("incident open 'Tin đồn' -u phuc-khoa --occurred 11:30")  # due 13:30, 30 min ago
    assert reminders_in(remind(tan_uyen, "14:00").stdout) == [
        "Reminder 2026-0001: initial information OVERDUE by 30 min"
    ]
    assert [row["outcome"] for row in log(tan_uyen)] == ["sent"]


def test_a_long_gap_writes_one_row_however_many_thresholds_passed(
    tan_uyen: Run, workspace: Path
) -> None:
    # Open since January with a reminder every minute once overdue: 478,000 thresholds passed.
    write_config(workspace, '[remind]\noverdue_every = "1m"\n' + command_channel("a", "true"))
    opened = tan_uyen("incident open 'Tin đồn' -u phuc-khoa --occurred '2026-01-02 08:00'")
    assert opened.exit_code == 0, opened
    assert remind(tan_uyen, "14:00").exit_code == 0
    late = datetime.fromisoformat(at("14:00")) - datetime.fromisoformat("2026-01-02T10:00:00+07:00")
    late_minutes = int(late.total_seconds()) // 60
    assert late_minutes > 470_000
    assert [(row["threshold_seconds"], row["outcome"]) for row in log(tan_uyen)] == [
        (late_minutes * 60, "sent")
    ]
    assert remind(tan_uyen, "14:00").exit_code == 0
    assert len(log(tan_uyen)) == 1


def test_a_corrected_time_announces_the_new_schedule(landslide: Run) -> None:
    assert len(reminders_in(remind(landslide, "14:10").stdout)) == 1
    # Occurred forty minutes later than first typed: now due at 15:50. Its 60-minute
    # threshold (14:50) comes long after "due in 1 h" went out for 15:10: it is news.
    edited = landslide("incident edit 2026-0001 --occurred 13:50 --received 13:55", now=at("14:11"))
    assert edited.exit_code == 0, edited
    assert remind(landslide, "14:40").stdout == ""  # 14:40 was the 30-minute one of 15:10
    assert remind(landslide, "14:49").stdout == ""
    assert reminders_in(remind(landslide, "14:50").stdout) == [
        "Reminder 2026-0001: initial information due in 1 h 00 min"
    ]
    assert [row["due_at"][11:16] for row in log(landslide)] == ["15:10", "15:50"]


def test_a_one_minute_correction_repeats_no_reminder(landslide: Run) -> None:
    assert reminders_in(remind(landslide, "14:55").stdout) == [
        "Reminder 2026-0001: initial information due in 15 min"
    ]
    # Occurred 13:11, not 13:10: due at 15:11, and its 15-minute threshold is 14:56.
    edited = landslide("incident edit 2026-0001 --occurred 13:11", now=at("14:56"))
    assert edited.exit_code == 0, edited
    assert remind(landslide, "14:56").stdout == ""  # "due in 15 min" went out a minute ago
    assert remind(landslide, "15:10").stdout == ""  # the old due time is nothing any more
    assert reminders_in(remind(landslide, "15:11").stdout) == [
        "Reminder 2026-0001: initial information is due now"
    ]
    assert [row["threshold_seconds"] for row in log(landslide)] == [-900, 0]


def test_a_small_correction_does_not_repeat_the_hour_reminder(landslide: Run) -> None:
    assert len(reminders_in(remind(landslide, "14:10").stdout)) == 1
    # Ten minutes later than first typed (due 15:20): within the 30 minutes between the
    # "1 h" and the "30 min" reminders, so "1 h" is not sent again at 14:20.
    landslide("incident edit 2026-0001 --occurred 13:20", now=at("14:11"))
    assert remind(landslide, "14:20").stdout == ""
    assert reminders_in(remind(landslide, "14:50").stdout) == [
        "Reminder 2026-0001: initial information due in 30 min"
    ]


# -- exactly once, across processes ----------------------------------------------------------------


# A command channel that records, like RECORDER (with its process id), then, the first time
# it runs anywhere, creates the file ARRIVED and waits (30 s at most) for the file GO: the run
# that sends it is held in the middle of its sends while the test does something else.
BARRIER = """
import json, os, sys, time
out, arrived, go = sys.argv[1:4]
payload = json.loads(sys.stdin.buffer.read().decode("utf-8"))
with open(out, "a", encoding="utf-8") as file:
    file.write(json.dumps({"pid": os.getppid(), "payload": payload}, ensure_ascii=False) + "\\n")
if not os.path.exists(arrived):
    open(arrived, "w").close()
    deadline = time.monotonic() + 30
    while not os.path.exists(go) and time.monotonic() < deadline:
        time.sleep(0.01)
"""


def three_incidents(run: Run) -> None:
    """Due at 15:10, 14:40 and 14:55: at 14:10 their thresholds are 1 h, 30 min and 1 h."""
    for title, occurred in (("Một", "13:10"), ("Hai", "12:40"), ("Ba", "12:55")):
        assert run(f"incident open {title} -u phuc-khoa --occurred {occurred}").exit_code == 0


def start_remind(now: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SPOKES_NOW": now}
    return subprocess.Popen(
        [sys.executable, "-m", "spokes", "remind"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def sent_by(out: Path) -> list[tuple[int, str, int]]:
    return [
        (
            item["pid"],
            item["payload"]["incident"]["id"],
            item["payload"]["threshold"]["seconds"],
        )
        for item in received(out)
    ]


@pytest.fixture
def barrier(workspace: Path, tmp_path: Path) -> Iterator[tuple[Path, Path, Path]]:
    """The BARRIER channel configured (time limit 1 minute); yields its output, ARRIVED, GO."""
    out, arrived, go = tmp_path / "sent.jsonl", tmp_path / "arrived", tmp_path / "go"
    channel = script(tmp_path, "barrier.py", BARRIER)
    write_config(
        workspace,
        command_channel(
            "relay", sys.executable, channel, out, arrived, go, extra='timeout = "1m"\n'
        ),
    )
    yield out, arrived, go
    go.touch()  # whatever happened, nothing stays blocked


def test_two_overlapping_runs_send_each_reminder_once(
    tan_uyen: Run, sql_rows: SqlRows, barrier: tuple[Path, Path, Path]
) -> None:
    out, arrived, go = barrier
    three_incidents(tan_uyen)
    first = start_remind(at("14:10"))
    # The first run has claimed and is held in its first send: the second runs all through.
    assert wait_until(arrived.exists), first.communicate(timeout=60)
    second = start_remind(at("14:10"))
    _, second_err = second.communicate(timeout=60)
    assert second.returncode == 0, second_err
    assert sent_by(out) == [(first.pid, "2026-0002", -1800)]  # the second sent nothing
    go.touch()
    _, first_err = first.communicate(timeout=60)
    assert first.returncode == 0, first_err
    assert sorted((incident, seconds) for _, incident, seconds in sent_by(out)) == [
        ("2026-0001", -3600), ("2026-0002", -1800), ("2026-0003", -3600),
    ]  # fmt: skip
    assert {pid for pid, _, _ in sent_by(out)} == {first.pid}
    assert sorted(sql_rows("SELECT outcome, attempts FROM reminders")) == [("sent", 1)] * 3


def test_a_run_past_the_claim_timeout_leaves_its_claims_to_the_run_that_took_them(
    tan_uyen: Run, sql_rows: SqlRows, barrier: tuple[Path, Path, Path]
) -> None:
    out, arrived, go = barrier
    three_incidents(tan_uyen)
    first = start_remind(at("14:10"))
    assert wait_until(arrived.exists), first.communicate(timeout=60)
    # Eleven minutes later the first run is still held: its claims count as abandoned, and a
    # second run takes them over and sends all three.
    second = start_remind(at("14:21"))
    assert second.communicate(timeout=60) and second.returncode == 0
    assert sorted(incident for pid, incident, _ in sent_by(out) if pid == second.pid) == [
        "2026-0001", "2026-0002", "2026-0003",
    ]  # fmt: skip
    go.touch()
    _, first_err = first.communicate(timeout=60)
    assert first.returncode == 0, first_err
    # The first run sent only what it was sending when it was overtaken: it takes each claim
    # again before sending, and those two are not its own any more.
    assert [incident for pid, incident, _ in sent_by(out) if pid == first.pid] == ["2026-0002"]
    assert sorted(sql_rows("SELECT outcome, attempts FROM reminders")) == [("sent", 2)] * 3


def test_a_claim_left_pending_by_a_crashed_run_is_sent_after_the_timeout(
    landslide: Run, sql_rows: SqlRows
) -> None:
    remind(landslide, "14:10")
    # As if the run had died after claiming and before recording: nobody knows if it went.
    sql_rows("UPDATE reminders SET outcome = 'pending', claim = 'gone', done_at = NULL")
    assert remind(landslide, "14:19").stdout == ""  # its run may still be sending it
    assert [row["outcome"] for row in log(landslide)] == ["pending"]
    retried = remind(landslide, "14:21")
    assert len(reminders_in(retried.stdout)) == 1
    assert [(row["outcome"], row["attempts"]) for row in log(landslide)] == [("sent", 2)]


def test_an_unfinished_claim_is_shown_as_interrupted_in_the_log(
    landslide: Run, sql_rows: SqlRows
) -> None:
    remind(landslide, "14:10")
    sql_rows("UPDATE reminders SET outcome = 'pending', claim = 'gone', done_at = NULL")
    result = landslide("remind log", now=at("14:30"))
    assert "interrupted" in result.stdout


# -- channels --------------------------------------------------------------------------------------


def test_the_command_channel_gets_json_on_stdin_and_no_incident_text_in_argv(
    landslide: Run, workspace: Path, tmp_path: Path
) -> None:
    out = tmp_path / "sent.jsonl"
    recorder = script(tmp_path, "recorder.py", RECORDER)
    write_config(workspace, command_channel("relay", sys.executable, recorder, out, "--x"))
    result = remind(landslide, "14:10")
    assert result.exit_code == 0 and result.stdout == ""  # no stdout channel configured
    [item] = received(out)
    assert item["argv"] == [str(out), "--x"]  # exactly the configured words, nothing added
    assert not any(TITLE in word or "2026-0001" in word for word in item["argv"])
    payload = item["payload"]
    assert payload["event"] == "reminder"
    assert payload["incident"]["id"] == "2026-0001"
    assert payload["incident"]["title"] == TITLE
    assert payload["lead_unit"] == {"code": "phuc-khoa", "name": "UBND xã Phúc Khoa"}
    assert payload["incident"]["spokesperson"]["phone"] == "0912 000 108"
    assert payload["deadline"]["due_at"] == "2026-11-29T15:10:00+07:00"
    assert payload["deadline"]["rule"] == "local-2h"
    assert payload["remaining_seconds"] == 3600
    assert payload["threshold"] == {"seconds": -3600, "label": "1 h 00 min before the deadline"}
    assert payload["missing"]["approved_statement"] is True
    assert payload["missing"]["statement"] is None  # not even a draft
    assert "summary" in payload["missing"]["facts"]
    assert payload["text"].startswith(payload["subject"])


def test_a_failing_channel_is_retried_and_the_others_are_not_resent(
    landslide: Run, workspace: Path, tmp_path: Path
) -> None:
    good_out, flaky_out, marker = tmp_path / "good", tmp_path / "flaky", tmp_path / "up"
    recorder = script(tmp_path, "recorder.py", RECORDER)
    flaky = script(tmp_path, "flaky.py", FLAKY)
    write_config(
        workspace,
        '[[remind.channels]]\ntype = "stdout"\n'
        + command_channel("good", sys.executable, recorder, good_out)
        + command_channel("flaky", sys.executable, flaky, flaky_out, marker),
    )
    first = remind(landslide, "14:10")
    assert first.exit_code == 1
    assert len(reminders_in(first.stdout)) == 1
    assert first.stderr.strip().splitlines() == [
        "Error: the reminder of 2026-0001 (1 h 00 min before the deadline) was not sent on"
        f" flaky: {sys.executable} exited with code 3: relay down; the next run tries again"
    ]
    assert len(received(good_out)) == 1
    still = remind(landslide, "14:11")  # still down: tried again, on that channel only
    assert still.exit_code == 1 and still.stdout == ""
    marker.touch()
    back = remind(landslide, "14:12")
    assert back.exit_code == 0 and back.stdout == "" and back.stderr == ""
    assert len(received(good_out)) == 1
    assert [item["payload"]["threshold"]["seconds"] for item in received(flaky_out)] == [-3600]
    assert remind(landslide, "14:13").exit_code == 0
    assert len(received(flaky_out)) == 1
    rows = {row["channel"]: (row["outcome"], row["attempts"]) for row in log(landslide)}
    assert rows == {"stdout": ("sent", 1), "good": ("sent", 1), "flaky": ("sent", 3)}


def test_a_channel_that_failed_is_not_tried_again_in_the_same_run(
    tan_uyen: Run, workspace: Path, tmp_path: Path
) -> None:
    three_incidents(tan_uyen)
    flaky_out, marker = tmp_path / "flaky", tmp_path / "up"
    flaky = script(tmp_path, "flaky.py", FLAKY)
    write_config(
        workspace,
        '[[remind.channels]]\ntype = "stdout"\n'
        + command_channel("flaky", sys.executable, flaky, flaky_out, marker),
    )
    first = remind(tan_uyen, "14:10")
    assert first.exit_code == 1
    assert len(reminders_in(first.stdout)) == 3  # the other channel still sends everything
    tries = Path(f"{flaky_out}.tries")
    assert len(tries.read_text().splitlines()) == 1  # one slow failure, not one per reminder
    lines = first.stderr.strip().splitlines()
    assert len(lines) == 3
    assert "on flaky: " in lines[0] and "exited with code 3: relay down" in lines[0]
    assert lines[1] == (
        "Error: the reminder of 2026-0003 (1 h 00 min before the deadline) was not sent on flaky:"
        " not tried: the channel failed earlier in this run; the next run tries again"
    )
    flaky_rows = [row for row in log(tan_uyen) if row["channel"] == "flaky"]
    assert [(row["incident"], row["outcome"], row["attempts"]) for row in flaky_rows] == [
        ("2026-0002", "failed", 1), ("2026-0003", "failed", 0), ("2026-0001", "failed", 0),
    ]  # fmt: skip
    marker.touch()
    again = remind(tan_uyen, "14:11")  # all three retried, on that channel only
    assert again.exit_code == 0 and again.stdout == ""
    assert sorted(item["payload"]["incident"]["id"] for item in received(flaky_out)) == [
        "2026-0001", "2026-0002", "2026-0003",
    ]  # fmt: skip


def test_a_failed_reminder_gives_way_to_the_next_threshold(
    landslide: Run, workspace: Path, tmp_path: Path
) -> None:
    flaky_out, marker = tmp_path / "flaky", tmp_path / "up"
    flaky = script(tmp_path, "flaky.py", FLAKY)
    write_config(workspace, command_channel("flaky", sys.executable, flaky, flaky_out, marker))
    assert remind(landslide, "14:10").exit_code == 1
    marker.touch()
    assert remind(landslide, "14:40").exit_code == 0  # the 30-minute one, not both
    assert [item["payload"]["threshold"]["seconds"] for item in received(flaky_out)] == [-1800]
    assert [row["outcome"] for row in log(landslide)] == ["failed", "sent"]


def test_a_missing_program_and_a_slow_one_are_failures(
    landslide: Run, workspace: Path, tmp_path: Path
) -> None:
    write_config(
        workspace,
        command_channel("gone", tmp_path / "no-such-program")
        + command_channel("slow", sys.executable, "-c", "import time; time.sleep(30)")
        + 'timeout = "1s"\n',
    )
    result = remind(landslide, "14:10")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].endswith(
        f"on gone: cannot run {tmp_path / 'no-such-program'}: no such file or directory;"
        " the next run tries again"
    )
    assert "on slow: not done within 1 s, stopped" in lines[1]


def test_system_errors_are_told_in_the_language_of_the_reader(
    landslide: Run, workspace: Path, tmp_path: Path
) -> None:
    write_config(workspace, command_channel("gone", tmp_path / "no-such-program"))
    result = landslide("--lang", "vi", "remind", now=at("14:10"))
    assert result.exit_code == 1
    assert f"không chạy được {tmp_path / 'no-such-program'}: không tìm thấy tệp hoặc thư mục" in (
        result.stderr
    )
    assert "No such file" not in result.stderr
    # The log keeps which error it was, not its English words: read later in either language.
    english = landslide("remind log").stdout
    assert "no such file or directory" in english
    assert "không tìm thấy tệp hoặc thư mục" in landslide("--lang vi remind log").stdout


@pytest.mark.parametrize(
    ("error", "english", "vietnamese"),
    [
        (
            ConnectionRefusedError(111, "Connection refused"),
            "connection refused",
            "máy chủ từ chối kết nối",
        ),
        (PermissionError(13, "Permission denied"), "permission denied", "không có quyền truy cập"),
        (TimeoutError("timed out"), "timed out", "hết thời gian chờ"),
        (FileNotFoundError(2, "No such file"), "no such file or directory", "không tìm thấy tệp"),
    ],
)
def test_common_system_errors_have_messages_in_both_languages(
    error: OSError, english: str, vietnamese: str
) -> None:
    from spokes import i18n
    from spokes.core.hooks import RunFailed, problem

    failure = RunFailed("run.unreachable", target="https://chat.example.vn", **problem(error))
    assert failure.render() == f"cannot reach https://chat.example.vn: {english}"
    if isinstance(error, OSError) and error.errno is not None:  # not the same errno as SSL's
        import ssl

        tls = ssl.SSLCertVerificationError(error.errno, "certificate verify failed")
        assert problem(tls) == {"problem": "certificate verify failed"}
    with i18n.speaking("vi"):
        assert failure.render().startswith(
            f"không kết nối được https://chat.example.vn: {vietnamese}"
        )


@pytest.fixture
def notify_send(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A notify-send of our own, alone on PATH, in a desktop session; yields where it writes
    the arguments of each call."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "calls"
    fake = bin_dir / "notify-send"
    fake.write_text(
        f"#!{sys.executable}\nimport json, sys\n"
        f"open({str(calls)!r}, 'a').write(json.dumps(sys.argv[1:]) + '\\n')\n",
        encoding="utf-8",
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus")
    return calls


def test_the_desktop_channel_uses_notify_send_without_a_shell(
    landslide: Run, workspace: Path, notify_send: Path
) -> None:
    write_config(workspace, '[[remind.channels]]\ntype = "desktop"\n')
    assert remind(landslide, "14:10").exit_code == 0
    [argv] = [json.loads(line) for line in notify_send.read_text().splitlines()]
    assert argv[:3] == ["--app-name=spokes", "--urgency=normal", "--"]
    assert argv[3] == "Reminder 2026-0001: initial information due in 1 h 00 min"
    assert TITLE in argv[4]


def test_without_a_desktop_session_the_desktop_channel_is_left_out(
    landslide: Run, workspace: Path, notify_send: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As under cron: notify-send is there, but no session to show anything in.
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS")
    write_config(
        workspace, '[[remind.channels]]\ntype = "stdout"\n[[remind.channels]]\ntype = "desktop"\n'
    )
    shown = remind(landslide, "14:10", "--dry-run")
    assert shown.stdout.splitlines()[:2] == [
        "Would skip the desktop channel: no desktop session here (none of"
        " DBUS_SESSION_BUS_ADDRESS, DISPLAY, WAYLAND_DISPLAY is set), as under cron",
        "Would send on stdout (1 h 00 min before the deadline):",
    ]
    assert shown.stdout.count("Would skip") == 1
    for hhmm in ("14:10", "14:11"):  # not a failure: not reported, not retried
        result = remind(landslide, hhmm)
        assert result.exit_code == 0 and result.stderr == ""
    assert not notify_send.exists()
    assert [row["channel"] for row in log(landslide)] == ["stdout"]


def test_without_notify_send_the_desktop_channel_is_left_out(
    landslide: Run, workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_config(workspace, '[[remind.channels]]\ntype = "desktop"\n')
    monkeypatch.setenv("PATH", str(tmp_path))  # nothing there
    monkeypatch.setenv("DISPLAY", ":0")
    shown = remind(landslide, "14:10", "--dry-run")
    assert shown.stdout == (
        "Would skip the desktop channel: notify-send is not installed: desktop notifications"
        " are unavailable here\nNothing to send now.\n"
    )
    result = remind(landslide, "14:10")
    assert result.exit_code == 0 and result.stdout == result.stderr == ""
    assert log(landslide) == []


# -- e-mail, against a small SMTP server on loopback -----------------------------------------------


class SMTPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, tls: Any = None) -> None:
        super().__init__(("127.0.0.1", 0), SMTPHandler)
        self.tls = tls  # an ssl.SSLContext: STARTTLS is offered
        self.logins: list[tuple[str, str, bool]] = []  # user, password, over TLS
        self.mails: list[tuple[str, list[str], bytes, bool]] = []  # from, to, data, over TLS

    @property
    def port(self) -> int:
        return int(self.server_address[1])


class SMTPHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP for smtplib: EHLO, STARTTLS, AUTH PLAIN, MAIL, RCPT, DATA, QUIT."""

    server: SMTPServer

    def reply(self, text: str) -> None:
        self.wfile.write(text.encode() + b"\r\n")
        self.wfile.flush()

    def handle(self) -> None:
        self.secure, self.sender, self.recipients = False, "", []
        self.reply("220 127.0.0.1 test ESMTP")
        while line := self.rfile.readline():
            words = line.decode().strip().split(" ")
            if not self.answer(words[0].upper(), words[1:]):
                return

    def answer(self, verb: str, args: list[str]) -> bool:
        if verb in ("EHLO", "HELO"):
            offers = ["STARTTLS"] if self.server.tls and not self.secure else []
            self.reply(
                "\r\n".join(f"250-{item}" for item in ["127.0.0.1", *offers]) + "\r\n250 AUTH PLAIN"
            )
        elif verb == "STARTTLS":
            self.reply("220 ready")
            self.connection = self.server.tls.wrap_socket(self.connection, server_side=True)
            self.rfile, self.wfile = self.connection.makefile("rb"), self.connection.makefile("wb")
            self.secure = True
        elif verb == "AUTH":
            _, user, password = base64.b64decode(args[1]).decode().split("\0")
            self.server.logins.append((user, password, self.secure))
            self.reply("235 ok" if password == "mật-khẩu" else "535 bad credentials")
        elif verb == "MAIL":
            self.sender = args[0].split(":", 1)[1].strip("<>")
            self.reply("250 ok")
        elif verb == "RCPT":
            self.recipients.append(args[0].split(":", 1)[1].strip("<>"))
            self.reply("250 ok")
        elif verb == "DATA":
            self.reply("354 go on")
            data = b"".join(iter(self.rfile.readline, b".\r\n"))
            self.server.mails.append((self.sender, self.recipients, data, self.secure))
            self.reply("250 queued")
        elif verb == "QUIT":
            self.reply("221 bye")
            return False
        else:
            self.reply("502 not here")
        return True


def serve(server: socketserver.BaseServer) -> Iterator[Any]:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def smtp() -> Iterator[SMTPServer]:
    yield from serve(SMTPServer())


@pytest.fixture
def smtp_tls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SMTPServer]:
    """An SMTP server offering STARTTLS with a certificate for 127.0.0.1 that the client is made
    to trust (SSL_CERT_FILE), so that the real verification runs."""
    import ssl

    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make the test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1"),
            *("-addext", "subjectAltName=IP:127.0.0.1"),
        ],
        check=True,
        capture_output=True,
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    yield from serve(SMTPServer(context))


def email_channel(port: int, starttls: bool, password_env: str = "SPOKES_SMTP_PASSWORD") -> str:
    return (
        '[[remind.channels]]\ntype = "email"\nhost = "127.0.0.1"\n'
        f"port = {port}\nstarttls = {str(starttls).lower()}\n"
        f'username = "canhbao"\npassword_env = "{password_env}"\n'
        'from = "canhbao@phuckhoa.example.vn"\n'
        'to = ["vanphong@phuckhoa.example.vn", "ltmai@phuckhoa.example.vn"]\n'
    )


def test_email_with_starttls_and_login(
    landslide: Run, workspace: Path, smtp_tls: SMTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPOKES_SMTP_PASSWORD", "mật-khẩu")
    write_config(workspace, email_channel(smtp_tls.port, starttls=True))
    result = remind(landslide, "14:10")
    assert result.exit_code == 0, result
    assert smtp_tls.logins == [("canhbao", "mật-khẩu", True)]  # only once encrypted
    [(sender, recipients, data, secure)] = smtp_tls.mails
    assert secure
    assert sender == "canhbao@phuckhoa.example.vn"
    assert recipients == ["vanphong@phuckhoa.example.vn", "ltmai@phuckhoa.example.vn"]
    mail = email.message_from_bytes(data, policy=email.policy.default)
    assert mail["Subject"] == "Reminder 2026-0001: initial information due in 1 h 00 min"
    assert TITLE in mail.get_content()
    assert remind(landslide, "14:10").exit_code == 0
    assert len(smtp_tls.mails) == 1


def test_email_without_starttls_in_the_workspace_language(
    landslide: Run, workspace: Path, smtp: SMTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPOKES_SMTP_PASSWORD", "mật-khẩu")
    write_config(workspace, '[workspace]\nlang = "vi"\n' + email_channel(smtp.port, False))
    assert landslide("--lang", "en", "remind", now=at("14:10")).exit_code == 0
    assert smtp.logins == [("canhbao", "mật-khẩu", False)]
    mail = email.message_from_bytes(smtp.mails[0][2], policy=email.policy.default)
    assert (
        mail["Subject"]
        == "Nhắc hạn 2026-0001: còn 1 giờ 00 phút đến hạn cung cấp thông tin ban đầu"
    )
    assert "Thời hạn: 15 giờ 10 phút ngày 29/11/2026 (local-2h)" in mail.get_content()


def test_email_needs_its_password_from_the_environment(
    landslide: Run, workspace: Path, smtp: SMTPServer
) -> None:
    write_config(workspace, email_channel(smtp.port, False, "SPOKES_TEST_NO_SUCH_VARIABLE"))
    result = remind(landslide, "14:10")
    assert result.exit_code == 1
    assert "SPOKES_TEST_NO_SUCH_VARIABLE (the SMTP password) is not set" in result.stderr
    assert smtp.mails == []


def test_a_refused_login_is_a_failure_retried_later(
    landslide: Run, workspace: Path, smtp: SMTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPOKES_SMTP_PASSWORD", "sai")
    write_config(workspace, email_channel(smtp.port, False))
    result = remind(landslide, "14:10")
    assert result.exit_code == 1
    assert f"mail server 127.0.0.1:{smtp.port}: (535" in result.stderr
    monkeypatch.setenv("SPOKES_SMTP_PASSWORD", "mật-khẩu")
    assert remind(landslide, "14:11").exit_code == 0
    assert len(smtp.mails) == 1


# -- webhook, against a small HTTP server on loopback ----------------------------------------------


class Hook(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # http.server's naming
        server: Any = self.server
        length = int(self.headers["Content-Length"])
        server.requests.append((self.path, dict(self.headers), self.rfile.read(length)))
        self.send_response(server.status)
        self.end_headers()

    def log_message(self, *args: Any) -> None:  # keep the test output clean
        pass


@pytest.fixture
def web(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    server: Any = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    server.requests, server.status = [], 204
    yield from serve(server)


def webhook_channel(web: Any) -> str:
    url = f"http://127.0.0.1:{web.server_address[1]}/bot/SECRET-TOKEN/send"
    return (
        f'[[remind.channels]]\ntype = "webhook"\nurl = "{url}"\n'
        'headers = { "X-Room" = "vanphong" }\n'
    )


def test_the_webhook_gets_the_json(landslide: Run, workspace: Path, web: Any) -> None:
    write_config(workspace, webhook_channel(web))
    assert remind(landslide, "14:10").exit_code == 0
    [(path, headers, body)] = web.requests
    assert path == "/bot/SECRET-TOKEN/send"
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    assert headers["X-Room"] == "vanphong"
    payload = json.loads(body.decode("utf-8"))
    assert payload["incident"]["title"] == TITLE
    assert payload["threshold"]["seconds"] == -3600


@pytest.mark.parametrize("status", [500, 302, 404])
def test_a_webhook_answering_other_than_2xx_has_failed(
    landslide: Run, workspace: Path, web: Any, status: int
) -> None:
    web.status = status
    write_config(workspace, webhook_channel(web))
    result = remind(landslide, "14:10")
    assert result.exit_code == 1
    assert f"answered HTTP {status}" in result.stderr
    assert "SECRET-TOKEN" not in result.stderr  # a bot's token is not printed, nor logged
    assert "SECRET-TOKEN" not in landslide("remind log").stdout
    web.status = 200
    assert remind(landslide, "14:11").exit_code == 0
    assert len(web.requests) == 2


def test_an_unreachable_webhook_has_failed(landslide: Run, workspace: Path, web: Any) -> None:
    port = web.server_address[1]
    write_config(workspace, webhook_channel(web))
    web.shutdown()
    web.server_close()  # nobody listens on that port any more
    result = remind(landslide, "14:10")
    assert result.exit_code == 1
    assert f"cannot reach http://127.0.0.1:{port}: connection refused;" in result.stderr
    assert "SECRET-TOKEN" not in result.stderr


@pytest.mark.parametrize(
    ("url", "headers"),
    [
        ("http://127.0.0.1:9/bot/SECRET-TOKEN and more/send", ()),  # http.client's InvalidURL
        ("http://127.0.0.1:9/bot/x", (("X-Key", "SECRET-TOKEN\nX-Evil: 1"),)),  # a bad header
    ],
)
def test_a_webhook_error_never_shows_the_token(url: str, headers: Any) -> None:
    from spokes.config import Channel
    from spokes.core.channels import Message, deliver
    from spokes.core.hooks import RunFailed

    channel = Channel("webhook", "webhook", url=url, headers=headers)
    with pytest.raises(RunFailed) as failure:
        deliver(channel, Message("s", "t", {"event": "reminder"}, urgent=False), print)
    assert failure.value.render().startswith("cannot reach http://127.0.0.1:9: ")
    assert "SECRET" not in failure.value.render()
    assert "SECRET" not in json.dumps(failure.value.params)  # nor in the log


def test_webhook_secrets_come_from_the_environment(
    landslide: Run, workspace: Path, web: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_config(
        workspace,
        webhook_channel(web) + 'headers_env = { Authorization = "SPOKES_TEST_WEBHOOK_AUTH" }\n',
    )
    missing = remind(landslide, "14:10")
    assert missing.exit_code == 1
    assert (
        "the environment variable SPOKES_TEST_WEBHOOK_AUTH (the Authorization header) is not set"
        in missing.stderr
    )
    assert web.requests == []
    monkeypatch.setenv("SPOKES_TEST_WEBHOOK_AUTH", "Bearer 0123456789")
    assert remind(landslide, "14:11").exit_code == 0
    [(_, headers, _)] = web.requests
    assert headers["Authorization"] == "Bearer 0123456789"
    assert headers["X-Room"] == "vanphong"
    assert "0123456789" not in (workspace / "config.toml").read_text(encoding="utf-8")


# -- what a reminder says --------------------------------------------------------------------------


def test_a_reminder_names_the_speaker_the_deadline_and_what_is_missing(landslide: Run) -> None:
    landslide("fact set 2026-0001 summary 'Sạt lở vùi lấp đường'")
    text = remind(landslide, "14:10").stdout
    assert text.splitlines() == [
        "Reminder 2026-0001: initial information due in 1 h 00 min",
        f"Incident: {TITLE}",
        "Lead unit: UBND xã Phúc Khoa (phuc-khoa)",
        "Spokesperson: Lù Thị Mai, phone 0912 000 108",
        "Deadline: 15:10 on 29 November 2026 (local-2h)",
        "Still missing: an approved statement (spokes statement draft 2026-0001)",
        "Facts not recorded yet: Location, Deaths, Injured, Missing, Households evacuated,"
        " Houses damaged, Cause, Actions taken, Responders on site, Not yet known, Next update,"
        " Press contact",
        "",
    ]


def test_a_reminder_in_vietnamese_says_when_a_statement_is_ready(
    landslide: Run, workspace: Path
) -> None:
    write_config(workspace, '[workspace]\nlang = "vi"\n')
    sid = landslide("statement draft 2026-0001 --json").json()["id"]
    landslide(f"statement approve {sid} --by 'Lù Thị Mai'")
    text = landslide("--lang", "en", "remind", now=at("15:40")).stdout
    assert "Nhắc hạn 2026-0001: QUÁ HẠN 30 phút chưa cung cấp thông tin ban đầu" in text
    assert "Người phát ngôn: Lù Thị Mai, điện thoại 0912 000 108" in text
    assert "Thời hạn: 15 giờ 10 phút ngày 29/11/2026 (local-2h)" in text
    assert f"Đã sẵn sàng: thông cáo số {sid} đã được duyệt: spokes statement issue {sid}" in text
    assert "Còn thiếu: thông cáo" not in text
    assert "Thông tin chưa được ghi nhận: Diễn biến, Địa điểm, Số người chết" in text


def test_a_reminder_says_which_statement_awaits_approval(landslide: Run, workspace: Path) -> None:
    sid = landslide("statement draft 2026-0001 --json").json()["id"]
    text = remind(landslide, "14:10").stdout
    assert f"Statement {sid} awaits approval: spokes statement approve {sid} --by ..." in text
    assert "Still missing: an approved statement" not in text
    shown = remind(landslide, "14:40", "--dry-run").stdout
    assert f"Statement {sid} awaits approval" in shown
    # Approved, then the facts changed: the approval is for older facts.
    landslide(f"statement approve {sid} --by 'Lù Thị Mai'")
    landslide("fact set 2026-0001 deaths 2")
    text = remind(landslide, "14:40").stdout
    assert (
        f"Statement {sid} was approved for older facts and needs approval again:"
        f" spokes statement approve {sid} --by ..."
    ) in text
    write_config(workspace, '[workspace]\nlang = "vi"\n')
    vietnamese = remind(landslide, "14:55").stdout
    assert f"Thông cáo số {sid} được duyệt theo thông tin cũ, cần duyệt lại:" in vietnamese
    assert f"Sự việc: {TITLE}" in vietnamese  # as every other message says, not "Vụ việc"
    landslide(f"statement approve {sid} --by 'Lù Thị Mai'")
    landslide("statement draft 2026-0001")  # a second one, waiting: the approved one comes first
    assert f"Đã sẵn sàng: thông cáo số {sid} đã được duyệt" in remind(landslide, "15:10").stdout


def test_a_draft_waiting_is_said_in_vietnamese(landslide: Run, workspace: Path) -> None:
    write_config(workspace, '[workspace]\nlang = "vi"\n')
    sid = landslide("statement draft 2026-0001 --json").json()["id"]
    text = remind(landslide, "14:10").stdout
    assert f"Thông cáo số {sid} đang chờ duyệt: spokes statement approve {sid} --by ..." in text


def test_a_reminder_says_when_nobody_speaks(tan_uyen: Run) -> None:
    tan_uyen("incident open 'Tai nạn' -u ho-mit --occurred 13:10")
    text = remind(tan_uyen, "14:10").stdout
    assert "Spokesperson: NONE, assign one now: spokes spokesperson assign ho-mit ..." in text


# -- dry run and log -------------------------------------------------------------------------------


def test_dry_run_shows_and_writes_nothing(
    landslide: Run, workspace: Path, db_state: Callable[[], Any], tmp_path: Path
) -> None:
    out = tmp_path / "sent.jsonl"
    recorder = script(tmp_path, "recorder.py", RECORDER)
    write_config(
        workspace,
        '[[remind.channels]]\ntype = "stdout"\n'
        + command_channel("relay", sys.executable, recorder, out),
    )
    assert remind(landslide, "14:00", "--dry-run").stdout == "Nothing to send now.\n"
    before = db_state()
    shown = remind(landslide, "14:10", "--dry-run")
    assert shown.exit_code == 0
    assert shown.stdout.startswith(
        "Would send on stdout, relay (1 h 00 min before the deadline):\n"
        "Reminder 2026-0001: initial information due in 1 h 00 min\n"
    )
    assert db_state() == before
    assert not out.exists()
    assert len(reminders_in(remind(landslide, "14:10").stdout)) == 1  # nothing was claimed


def test_remind_log(landslide: Run, refused: Callable[..., Result]) -> None:
    assert landslide("remind log").stdout == "No reminders recorded yet.\n"
    landslide("incident open 'Cháy nhà' -u phuc-khoa --occurred 13:20")  # 2026-0002, due 15:20
    remind(landslide, "14:10")
    remind(landslide, "14:20")
    table = landslide("remind log", now=at("14:30")).stdout.splitlines()
    assert table[0].split() == [
        "When", "Incident", "Rule", "Deadline", "Threshold", "Channel", "Outcome", "Detail",
    ]  # fmt: skip
    assert table[2].split()[:4] == ["14:10", "2026-0001", "local-2h", "15:10"]
    assert table[2].endswith("1 h 00 min before the deadline  stdout   sent")
    assert len(table) == 4
    assert [row["incident"] for row in log(landslide, "2026-2")] == ["2026-0002"]
    assert len(log(landslide)) == 2
    assert landslide("remind log --json --limit 1").json()[0]["incident"] == "2026-0002"
    vietnamese = landslide("--lang vi remind log 2026-0001").stdout
    assert "trước hạn 1 giờ 00 phút" in vietnamese and "đã gửi" in vietnamese
    refused("remind log 2026-0009", expected="2026-0009")


# -- the config ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[[remind.channels]]\ntype = "email"\nhost = "h"\nfrom = "a@b"\nto = ["c@d"]\n'
            'username = "u"\npassword = "secret"\n',
            "'remind.channels[1].password' is not allowed: a password never goes in the config;"
            " set password_env",
        ),
        (
            '[[remind.channels]]\ntype = "pigeon"\n',
            "the value of 'remind.channels[1].type' is not valid"
            " (expected stdout | command | desktop | email | webhook)",
        ),
        ('[remind]\nbefore = ["60m", "soon"]\n', "the value of 'remind.before' is not valid"),
        ('[remind]\noverdue_every = "0m"\n', "the value of 'remind.overdue_every' is not valid"),
        ('[hooks]\ntimeout = "never"\n', "the value of 'hooks.timeout' is not valid"),
        ('[hooks]\nincident-closed = ["/bin/true"]\n', "unknown key 'hooks.incident-closed'"),
        ('[hooks]\nincident-opened = "/bin/notify --all"\n', "'hooks.incident-opened'"),
        ('[[remind.channels]]\ntype = "command"\nargv = []\n', "'remind.channels[1].argv'"),
        ('[[remind.channels]]\ntype = "stdout"\nurl = "x"\n', "'remind.channels[1].url'"),
        (
            '[[remind.channels]]\ntype = "webhook"\nurl = "ftp://x"\n',
            "'remind.channels[1].url'",
        ),
        (
            '[[remind.channels]]\ntype = "stdout"\n[[remind.channels]]\ntype = "stdout"\n',
            "'remind.channels[2].name' is not valid"
            ' (expected ≠ remind.channels[1].name "stdout")',
        ),
        (
            '[[remind.channels]]\ntype = "email"\nhost = "h"\nfrom = "a@b"\nto = ["c@d"]\n'
            'username = "canhbao"\n',
            "'remind.channels[1].password_env' is required when 'remind.channels[1].username'"
            ' is set, e.g. "SPOKES_SMTP_PASSWORD"',
        ),
        (
            '[[remind.channels]]\ntype = "email"\nhost = "smtp.example.vn"\nfrom = "a@b"\n'
            'to = ["c@d"]\nusername = "u"\npassword_env = "P"\nstarttls = false\n',
            "'remind.channels[1].starttls' = false would send the login password unencrypted",
        ),
        (
            '[[remind.channels]]\ntype = "command"\nargv = ["x"]\ntimeout = "2m"\n',
            "the value of 'remind.channels[1].timeout' is not valid (expected ≤ 1m)",
        ),
        ('[hooks]\ntimeout = "61s"\n', "the value of 'hooks.timeout' is not valid (expected ≤ 1m)"),
        (
            '[[remind.channels]]\ntype = "webhook"\nurl = "https://x.vn/bot/SECRET TOKEN"\n',
            "the value of 'remind.channels[1].url' is not valid"
            " (expected no spaces or control characters (%20))",
        ),
        (
            '[[remind.channels]]\ntype = "webhook"\nurl = "https://x.vn/bot/SECRET\\tTOKEN"\n',
            "'remind.channels[1].url'",
        ),
        (
            '[[remind.channels]]\ntype = "webhook"\nurl = "https://x.vn/"\n'
            'headers_env = { Authorization = "Bearer 0123" }\n',
            "the value of 'remind.channels[1].headers_env' is not valid"
            ' (expected { Authorization = "SPOKES_WEBHOOK_AUTH" })',
        ),
        (
            '[[remind.channels]]\ntype = "webhook"\nurl = "https://x.vn/"\n'
            'headers = { "X-Key" = "a\\nX-Evil: 1" }\n',
            "'remind.channels[1].headers'",
        ),
    ],
)
def test_config_errors_are_one_line(
    landslide: Run, workspace: Path, refused: Callable[..., Result], text: str, expected: str
) -> None:
    write_config(workspace, text)
    result = refused("remind", expected=expected, now=at("14:10"))
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""
    assert "SECRET" not in result.stderr  # a URL with a token is never repeated


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "localhost", "LOCALHOST"])
def test_a_login_without_starttls_is_allowed_to_this_machine_only(
    workspace: Path, host: str
) -> None:
    write_config(
        workspace,
        f'[[remind.channels]]\ntype = "email"\nhost = "{host}"\nfrom = "a@b"\nto = ["c@d"]\n'
        'username = "u"\npassword_env = "P"\nstarttls = false\n',
    )
    assert config_module.load(workspace / "config.toml").remind.channels[0].port == 25


def test_the_time_limits_stay_well_under_the_claim_timeout() -> None:
    from spokes.core.remind import CLAIM_TIMEOUT

    assert config_module.MAX_TIMEOUT * 5 <= CLAIM_TIMEOUT


def test_channels_and_hooks_survive_init(run: Run, workspace: Path, tmp_path: Path) -> None:
    text = (
        '[remind]\nbefore = ["2h", "20m"]\noverdue_every = "15m"\n'
        '[[remind.channels]]\ntype = "stdout"\n'
        + command_channel("relay", "/usr/local/bin/relay", "--to", "văn phòng")
        + '\n[[remind.channels]]\ntype = "email"\nname = "office"\nhost = "127.0.0.1"\n'
        'starttls = false\nusername = "u"\npassword_env = "P"\nfrom = "a@example.vn"\n'
        'to = ["b@example.vn"]\ntimeout = "30s"\n'
        '\n[[remind.channels]]\ntype = "webhook"\nurl = "https://chat.example.vn/hook"\n'
        'headers = { "X-Room" = "vanphong" }\n'
        'headers_env = { Authorization = "SPOKES_WEBHOOK_AUTH" }\n'
        '\n[hooks]\nincident-opened = ["/usr/local/bin/on-open", "--quiet"]\ntimeout = "5s"\n'
    )
    write_config(workspace, text)
    loaded = config_module.load(workspace / "config.toml")
    assert [channel.name for channel in loaded.remind.channels] == [
        "stdout", "relay", "office", "webhook",
    ]  # fmt: skip
    assert loaded.remind.channels[2].port == 25  # no STARTTLS: the plain SMTP port
    assert loaded.remind.channels[3].headers_env == (("Authorization", "SPOKES_WEBHOOK_AUTH"),)
    assert loaded.hooks.command("incident-opened") == ("/usr/local/bin/on-open", "--quiet")
    assert run("init --org 'UBND xã Phúc Khoa'").exit_code == 0
    reread = config_module.load(workspace / "config.toml")
    assert reread.remind == loaded.remind
    assert reread.hooks == loaded.hooks
    assert reread.org == "UBND xã Phúc Khoa"


def test_the_written_config_explains_reminders_and_hooks(run: Run, workspace: Path) -> None:
    run("init")
    text = (workspace / "config.toml").read_text(encoding="utf-8")
    assert 'before = ["1h", "30m", "15m"]' in text
    assert '# password_env = "SPOKES_SMTP_PASSWORD"' in text
    assert '# deadline-missed = ["/usr/local/bin/deadline-missed"]' in text
    # The defaults, and the language this run spoke, written down for the runs from cron.
    assert config_module.load(workspace / "config.toml") == config_module.Config(lang="en")


# -- the README ------------------------------------------------------------------------------------


def test_the_readme_samples_are_what_remind_prints(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, workspace: Path, sql_rows: SqlRows
) -> None:
    from tests.test_docs import code_blocks, run_examples, section, subsection

    run_examples(run, monkeypatch, tmp_path)
    [log_sample] = code_blocks(subsection("`spokes remind log`"), "text")
    assert run("remind log").stdout.rstrip("\n") == log_sample.rstrip("\n")
    [sent_sample] = code_blocks(subsection("`spokes remind`"), "text")
    sql_rows("DELETE FROM reminders")  # as before the examples' own `spokes remind`
    assert run("remind").stdout.rstrip("\n") == sent_sample.rstrip("\n")
    # The JSON of the config section, from a command channel in a Vietnamese workspace.
    out, recorder = tmp_path / "sent.jsonl", script(tmp_path, "recorder.py", RECORDER)
    path = workspace / "config.toml"
    relay = config_module.Channel(
        "command", "relay", argv=(sys.executable, str(recorder), str(out))
    )
    current = config_module.load(path)
    changed = current.with_changes(lang="vi", remind=config_module.Remind(channels=(relay,)))
    config_module.save(changed, path)
    sql_rows("DELETE FROM reminders")
    assert run("remind").exit_code == 0
    [printed] = [item["payload"] for item in received(out)]
    blocks = [json.loads(block) for block in code_blocks(section("Configuration"), "json")]
    [documented] = [block for block in blocks if block.get("event") == "reminder"]
    cut = {key: printed["incident"][key] for key in documented["incident"]}
    assert documented == {**printed, "incident": cut}


def test_every_key_built_or_raised_here_exists() -> None:
    import re

    from spokes.messages import MESSAGES

    root = Path(__file__).parents[1] / "spokes"
    sources = [root / "core" / name for name in ("remind.py", "channels.py", "hooks.py")]
    raised = set()
    for source in sources:
        raised |= set(re.findall(r'RunFailed\(\s*"([a-z_.]+)"', source.read_text(encoding="utf-8")))
    assert len(raised) >= 8  # the scan itself works
    built = {f"remind.outcome.{o}" for o in ("sent", "failed", "skipped", "pending", "interrupted")}
    built |= {f"remind.col.{c}" for c in ("at", "incident", "rule", "deadline", "threshold")}
    built |= {f"remind.col.{c}" for c in ("channel", "outcome", "detail")}
    assert sorted((raised | built) - set(MESSAGES)) == []


def test_the_examples_run_spokes_remind_every_minute() -> None:
    examples = Path(__file__).parents[1] / "examples"
    service = (examples / "systemd" / "spokes-remind.service").read_text(encoding="utf-8")
    timer = (examples / "systemd" / "spokes-remind.timer").read_text(encoding="utf-8")
    crontab = (examples / "cron" / "crontab").read_text(encoding="utf-8")
    assert "\nExecStart=%h/.local/bin/spokes remind\n" in service
    assert "\nOnCalendar=*-*-* *:*:00\n" in timer and "\nUnit=spokes-remind.service\n" in timer
    jobs = [line for line in crontab.splitlines() if line and not line.startswith("#")]
    assert jobs == ['* * * * * "$HOME/.local/bin/spokes" remind']


def test_cron_and_systemd_read_one_secrets_file(tmp_path: Path) -> None:
    """The file systemd's EnvironmentFile= reads (VAR=value lines) is the one the cron line
    reads, and the program cron starts sees its variables."""
    examples = Path(__file__).parents[1] / "examples"
    service = (examples / "systemd" / "spokes-remind.service").read_text(encoding="utf-8")
    crontab = (examples / "cron" / "crontab").read_text(encoding="utf-8")
    assert "#EnvironmentFile=%h/.config/spokes/secrets.env\n" in service
    assert "one VAR=value line" in service and "one VAR=value line" in crontab
    [line] = [line for line in crontab.splitlines() if "secrets.env" in line and "remind" in line]
    command = line.removeprefix("# * * * * * ")  # cron gives the rest to /bin/sh
    home = tmp_path / "home"
    (home / ".config" / "spokes").mkdir(parents=True)
    (home / ".config" / "spokes" / "secrets.env").write_text(
        "SPOKES_SMTP_PASSWORD=mật-khẩu\nSPOKES_WEBHOOK_AUTH='Bearer $0123'\n", encoding="utf-8"
    )
    (home / ".local" / "bin").mkdir(parents=True)
    spokes = home / ".local" / "bin" / "spokes"
    spokes.write_text(
        '#!/bin/sh\nprintf "%s|%s|%s" "$1" "$SPOKES_SMTP_PASSWORD" "$SPOKES_WEBHOOK_AUTH"\n',
        encoding="utf-8",
    )
    spokes.chmod(0o755)
    done = subprocess.run(
        ["/bin/sh", "-c", command],
        env={"HOME": str(home), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        check=False,
    )
    assert done.stdout.decode() == "remind|mật-khẩu|Bearer $0123", done


def test_no_threshold_before_the_deadline_when_before_is_empty(
    landslide: Run, workspace: Path
) -> None:
    write_config(workspace, "[remind]\nbefore = []\n")
    assert config_module.load(workspace / "config.toml").remind.before == ()
    assert "before = []" in config_module.dumps(config_module.load(workspace / "config.toml"))
    assert remind(landslide, "15:09").stdout == ""
    assert reminders_in(remind(landslide, "15:10").stdout) == [
        "Reminder 2026-0001: initial information is due now"
    ]
