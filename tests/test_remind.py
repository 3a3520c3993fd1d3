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
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from spokes import config as config_module
from tests.conftest import Result, Run

TITLE = "Sạt lở đất vùi lấp đường vào bản Nà Ít"


def at(hhmm: str, day: int = 29) -> str:
    return f"2026-11-{day:02d}T{hhmm}:00+07:00"


def write_config(home: Path, text: str) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(text, encoding="utf-8")


def toml_list(*words: str | Path) -> str:
    return json.dumps([str(word) for word in words])  # a JSON list of strings is TOML too


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


# A command channel: appends what it was given (its argv and the JSON on stdin) to a file.
RECORDER = """
import json, sys
payload = json.loads(sys.stdin.buffer.read().decode("utf-8"))
with open(sys.argv[1], "a", encoding="utf-8") as out:
    out.write(json.dumps({"argv": sys.argv[1:], "payload": payload}, ensure_ascii=False) + "\\n")
"""

# Fails (exit 3, a reason on stderr) until the marker file exists, then records like RECORDER.
FLAKY = """
import json, os, sys
if not os.path.exists(sys.argv[2]):
    print("relay down", file=sys.stderr)
    sys.exit(3)
payload = json.loads(sys.stdin.buffer.read().decode("utf-8"))
with open(sys.argv[1], "a", encoding="utf-8") as out:
    out.write(json.dumps({"argv": sys.argv[1:], "payload": payload}, ensure_ascii=False) + "\\n")
"""


def script(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def received(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def command_channel(name: str, *argv: str | Path) -> str:
    return f'\n[[remind.channels]]\ntype = "command"\nname = "{name}"\nargv = {toml_list(*argv)}\n'


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
    outcomes = [(row["threshold_seconds"] // 60, row["outcome"]) for row in log(landslide)]
    assert outcomes == [
        (-60, "sent"),
        (-30, "skipped"),
        (-15, "skipped"),
        (0, "skipped"),
        (30, "skipped"),
        (60, "skipped"),
        (90, "skipped"),
        (120, "skipped"),
        (150, "skipped"),
        (180, "sent"),
    ]
    assert remind(landslide, "18:10").stdout == ""
    assert len(reminders_in(remind(landslide, "18:40").stdout)) == 1  # and on it goes


def test_an_incident_entered_late_gets_only_its_latest_threshold(tan_uyen: Run) -> None:
    tan_uyen("incident open 'Tin đồn' -u phuc-khoa --occurred 11:30")  # due 13:30, 30 min ago
    assert reminders_in(remind(tan_uyen, "14:00").stdout) == [
        "Reminder 2026-0001: initial information OVERDUE by 30 min"
    ]
    assert [row["outcome"] for row in log(tan_uyen)] == ["skipped"] * 4 + ["sent"]


def test_a_corrected_time_gives_new_thresholds(landslide: Run) -> None:
    assert len(reminders_in(remind(landslide, "14:10").stdout)) == 1
    # Occurred ten minutes later than first typed: now due at 15:20, a new due time whose
    # 60-minute threshold (14:20) was never announced.
    landslide("incident edit 2026-0001 --occurred 13:20", now=at("14:11"))
    assert remind(landslide, "14:19").stdout == ""
    assert reminders_in(remind(landslide, "14:20").stdout) == [
        "Reminder 2026-0001: initial information due in 1 h 00 min"
    ]
    assert [row["due_at"][11:16] for row in log(landslide)] == ["15:10", "15:20"]


# -- exactly once, across processes ----------------------------------------------------------------


def test_two_concurrent_runs_send_each_reminder_once(
    tan_uyen: Run, workspace: Path, tmp_path: Path
) -> None:
    for title, occurred in (("Một", "13:10"), ("Hai", "12:40"), ("Ba", "12:55")):
        assert tan_uyen(f"incident open {title} -u phuc-khoa --occurred {occurred}").exit_code == 0
    out = tmp_path / "sent.jsonl"
    recorder = script(tmp_path, "recorder.py", RECORDER)
    write_config(workspace, command_channel("relay", sys.executable, recorder, out))
    env = {**os.environ, "SPOKES_NOW": at("14:10")}
    command = [sys.executable, "-m", "spokes", "remind"]
    processes = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(6)
    ]
    results = [process.communicate(timeout=60) for process in processes]
    assert [process.returncode for process in processes] == [0] * 6, results
    sent = [
        (item["payload"]["incident"]["id"], item["payload"]["threshold"]["seconds"])
        for item in received(out)
    ]
    assert sorted(sent) == [("2026-0001", -3600), ("2026-0002", -1800), ("2026-0003", -3600)]
    with sqlite3.connect(workspace / "spokes.db") as db:
        rows = db.execute("SELECT outcome, attempts FROM reminders WHERE outcome != 'skipped'")
        assert sorted(rows) == [("sent", 1)] * 3


def test_a_claim_left_pending_by_a_crashed_run_is_sent_after_the_timeout(
    landslide: Run, workspace: Path
) -> None:
    remind(landslide, "14:10")
    with sqlite3.connect(workspace / "spokes.db") as db:
        # As if the run had died after claiming and before recording: nobody knows if it went.
        db.execute("UPDATE reminders SET outcome = 'pending', claim = 'gone', done_at = NULL")
    assert remind(landslide, "14:19").stdout == ""  # its run may still be sending it
    assert [row["outcome"] for row in log(landslide)] == ["pending"]
    retried = remind(landslide, "14:21")
    assert len(reminders_in(retried.stdout)) == 1
    assert [(row["outcome"], row["attempts"]) for row in log(landslide)] == [("sent", 2)]


def test_an_unfinished_claim_is_shown_as_interrupted_in_the_log(
    landslide: Run, workspace: Path
) -> None:
    remind(landslide, "14:10")
    with sqlite3.connect(workspace / "spokes.db") as db:
        db.execute("UPDATE reminders SET outcome = 'pending', claim = 'gone', done_at = NULL")
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
    assert "on gone: cannot run" in lines[0] and "No such file" in lines[0]
    assert "on slow: not done within 1 s, stopped" in lines[1]


def test_the_desktop_channel_uses_notify_send_without_a_shell(
    landslide: Run, workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
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
    write_config(workspace, '[[remind.channels]]\ntype = "desktop"\n')
    monkeypatch.setenv("PATH", str(bin_dir))
    assert remind(landslide, "14:10").exit_code == 0
    [argv] = [json.loads(line) for line in calls.read_text().splitlines()]
    assert argv[:3] == ["--app-name=spokes", "--urgency=normal", "--"]
    assert argv[3] == "Reminder 2026-0001: initial information due in 1 h 00 min"
    assert TITLE in argv[4]


def test_without_notify_send_the_desktop_channel_is_reported_unavailable(
    landslide: Run, workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_config(workspace, '[[remind.channels]]\ntype = "desktop"\n')
    monkeypatch.setenv("PATH", str(tmp_path))  # nothing there
    result = remind(landslide, "14:10")
    assert result.exit_code == 1
    assert "on desktop: notify-send is not installed" in result.stderr
    assert [row["outcome"] for row in log(landslide)] == ["failed"]


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
    web.shutdown()
    web.server_close()
    write_config(workspace, webhook_channel(web).replace(str(port), str(port)))
    result = remind(landslide, "14:10")
    assert result.exit_code == 1
    assert f"cannot reach http://127.0.0.1:{port}" in result.stderr


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
    ],
)
def test_config_errors_are_one_line(
    landslide: Run, workspace: Path, refused: Callable[..., Result], text: str, expected: str
) -> None:
    write_config(workspace, text)
    result = refused("remind", expected=expected, now=at("14:10"))
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


def test_channels_and_hooks_survive_init(run: Run, workspace: Path, tmp_path: Path) -> None:
    text = (
        '[remind]\nbefore = ["2h", "20m"]\noverdue_every = "15m"\n'
        '[[remind.channels]]\ntype = "stdout"\n'
        + command_channel("relay", "/usr/local/bin/relay", "--to", "văn phòng")
        + '\n[[remind.channels]]\ntype = "email"\nname = "office"\nhost = "smtp.example.vn"\n'
        'starttls = false\nusername = "u"\npassword_env = "P"\nfrom = "a@example.vn"\n'
        'to = ["b@example.vn"]\ntimeout = "30s"\n'
        '\n[[remind.channels]]\ntype = "webhook"\nurl = "https://chat.example.vn/hook"\n'
        'headers = { Authorization = "Bearer x" }\n'
        '\n[hooks]\nincident-opened = ["/usr/local/bin/on-open", "--quiet"]\ntimeout = "5s"\n'
    )
    write_config(workspace, text)
    loaded = config_module.load(workspace / "config.toml")
    assert [channel.name for channel in loaded.remind.channels] == [
        "stdout", "relay", "office", "webhook",
    ]  # fmt: skip
    assert loaded.remind.channels[2].port == 25  # no STARTTLS: the plain SMTP port
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
    assert config_module.load(workspace / "config.toml") == config_module.Config()


# -- the README ------------------------------------------------------------------------------------


def test_the_readme_samples_are_what_remind_prints(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, workspace: Path
) -> None:
    from tests.test_docs import code_blocks, run_examples, section, subsection

    run_examples(run, monkeypatch, tmp_path)
    [log_sample] = code_blocks(subsection("`spokes remind log`"), "text")
    assert run("remind log").stdout.rstrip("\n") == log_sample.rstrip("\n")
    [sent_sample] = code_blocks(subsection("Reminders: `spokes remind`"), "text")
    with sqlite3.connect(workspace / "spokes.db") as db:
        db.execute("DELETE FROM reminders")  # as before the examples' own `spokes remind`
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
    with sqlite3.connect(workspace / "spokes.db") as db:
        db.execute("DELETE FROM reminders")
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
