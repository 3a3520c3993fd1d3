"""The workspace: where data lives, init and where, the clock, the language, migrations."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from spokes.store.migrations import MIGRATIONS, migrate
from spokes.store.sqlite import SQLiteStore
from tests.conftest import Run


def test_database_is_created_private_and_migrated_on_first_use(run: Run, workspace: Path) -> None:
    assert not workspace.exists()
    assert run("unit", "list").exit_code == 0
    database = workspace / "spokes.db"
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    with sqlite3.connect(database) as db:
        names = [row[0] for row in db.execute("SELECT name FROM schema_migrations ORDER BY name")]
    assert names == [name for name, _ in MIGRATIONS]


def test_reading_commands_do_not_create_a_workspace(run: Run, workspace: Path) -> None:
    assert run("where").exit_code == 0
    assert run("--help").exit_code == 0
    assert not workspace.exists()


def test_init_writes_config_and_where_shows_it(run: Run, workspace: Path) -> None:
    result = run("init", "--org", "UBND huyện Tân Uyên", "--place", "Tân Uyên", "--lang", "vi")
    assert result.exit_code == 0, result
    assert "Đã tạo không gian làm việc" in result.stdout  # the new language, at once
    config = workspace / "config.toml"
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    text = config.read_text(encoding="utf-8")
    assert 'org = "UBND huyện Tân Uyên"' in text
    assert 'timezone = "Asia/Ho_Chi_Minh"' in text
    where = run("where", "--json").json()
    assert where["home"] == str(workspace)
    assert where["home_source"] == "SPOKES_HOME"
    assert where["config_exists"] is True
    assert where["database_exists"] is True
    assert where["org"] == "UBND huyện Tân Uyên"
    assert where["language"] == "vi"
    assert where["language_source"] == "config"
    assert where["clock"] == "SPOKES_NOW"
    assert where["now"] == "2026-11-29T14:00:00+07:00"
    assert where["user"] == "tester"
    assert [rule["name"] for rule in where["rules"]] == [
        "local-2h",
        "decree-244-24h",
        "decree-244-opinion-24h",
    ]
    text_out = run("where").stdout
    assert "Không gian làm việc" in text_out  # the config's language applies
    again = run("init", "--place", "Tân Uyên, Lai Châu")
    assert again.exit_code == 0
    assert run("where", "--json").json()["org"] == "UBND huyện Tân Uyên"  # kept


def test_init_refuses_unknown_zone_and_language(run: Run, workspace: Path) -> None:
    zone = run("init", "--tz", "Asia/Hanoi_City")
    assert zone.exit_code == 1
    assert "unknown time zone 'Asia/Hanoi_City'" in zone.stderr
    lang = run("init", "--lang", "fr")
    assert lang.exit_code == 2
    assert not (workspace / "config.toml").exists()


def test_workspace_zone_is_used_for_typed_and_shown_times(run: Run) -> None:
    run("init", "--tz", "UTC")
    run("unit", "add", "x", "X", "--kind", "other")
    data = run("incident", "open", "T", "--unit", "x", "--occurred", "06:10", "--json").json()
    assert data["occurred_at"] == "2026-11-29T06:10:00+00:00"
    assert data["deadline"] == "2026-11-29T08:10:00+00:00"


def test_language_precedence(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    def language(*args: str, **env: str) -> str:
        return str(run(*args, "where", "--json", env=env).json()["language"])

    assert language() == "en"
    assert language(LANG="vi_VN.UTF-8") == "vi"
    run("init", "--lang", "en")
    assert language(LANG="vi_VN.UTF-8") == "en"  # config beats the locale
    assert language(SPOKES_LANG="vi") == "vi"  # environment beats config
    assert language("--lang", "en", SPOKES_LANG="vi") == "en"  # option beats all


def test_bad_frozen_clock_is_a_clear_error(run: Run) -> None:
    result = run("status", env={"SPOKES_NOW": "yesterday"})
    assert result.exit_code == 1
    assert "SPOKES_NOW='yesterday'" in result.stderr
    naive = run("status", env={"SPOKES_NOW": "2026-11-29T14:00:00"})
    assert "needs an offset" in naive.stderr


def test_broken_config_is_a_clear_error(run: Run, workspace: Path) -> None:
    workspace.mkdir()
    (workspace / "config.toml").write_text("[workspace]\ntimezone = 7\n", encoding="utf-8")
    result = run("status")
    assert result.exit_code == 1
    assert "the value of 'workspace.timezone' is not valid" in result.stderr
    assert "Traceback" not in result.stderr


def test_migrations_from_blank_and_from_an_older_schema(tmp_path: Path) -> None:
    calls: list[str] = []

    def second(store: SQLiteStore) -> None:
        calls.append("second")
        store.execute("ALTER TABLE units ADD COLUMN note TEXT")

    store = SQLiteStore(tmp_path / "a.db")
    assert migrate(store, MIGRATIONS) == [name for name, _ in MIGRATIONS]  # blank
    assert migrate(store, MIGRATIONS) == []  # recorded: never twice
    newer = [*MIGRATIONS, ("0002_unit_note", second)]
    assert migrate(store, newer) == ["0002_unit_note"]  # an older schema moves forward
    assert calls == ["second"]
    columns = [row["name"] for row in store.query("PRAGMA table_info(units)")]
    assert "note" in columns


def test_a_failing_migration_leaves_nothing_half_done(tmp_path: Path) -> None:
    def broken(store: SQLiteStore) -> None:
        store.execute("CREATE TABLE half (x TEXT)")
        raise RuntimeError("boom")

    store = SQLiteStore(tmp_path / "b.db")
    migrate(store, MIGRATIONS)
    with pytest.raises(RuntimeError):
        migrate(store, [*MIGRATIONS, ("0002_broken", broken)])
    tables = {row["name"] for row in store.query("SELECT name FROM sqlite_master")}
    assert "half" not in tables
    assert "0002_broken" not in {
        row["name"] for row in store.query("SELECT name FROM schema_migrations")
    }


def test_python_dash_m_and_console_script(workspace: Path) -> None:
    env = {**os.environ, "SPOKES_HOME": str(workspace)}
    result = subprocess.run(
        [sys.executable, "-m", "spokes", "--version"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0
    assert result.stdout.startswith("spokes ")


def test_help_is_vietnamese_when_asked(workspace: Path) -> None:
    env = {**os.environ, "SPOKES_HOME": str(workspace), "SPOKES_LANG": "vi"}
    result = subprocess.run(
        [sys.executable, "-m", "spokes", "incident", "open", "--help"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0
    assert "Mở một sự việc" in result.stdout
    english = subprocess.run(
        [sys.executable, "-m", "spokes", "--lang", "en", "incident", "--help"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert "Incidents on the deadline clock" in english.stdout


def test_no_traceback_for_internal_errors_unless_debug(workspace: Path) -> None:
    workspace.mkdir()
    (workspace / "spokes.db").write_text("this is not a database")
    env = {**os.environ, "SPOKES_HOME": str(workspace)}
    result = subprocess.run(
        [sys.executable, "-m", "spokes", "status"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 70
    assert "Traceback" not in result.stderr
    assert "SPOKES_DEBUG=1" in result.stderr
    debug = subprocess.run(
        [sys.executable, "-m", "spokes", "status"],
        capture_output=True,
        text=True,
        env={**env, "SPOKES_DEBUG": "1"},
    )
    assert "Traceback" in debug.stderr


def test_usage_error_exits_2(run: Run) -> None:
    assert run("incident", "open").exit_code == 2
    assert run("nonsense").exit_code == 2
    assert run("--lang", "fr", "status").exit_code == 2


def test_audit_trail_is_append_only_in_the_database(tan_uyen: Run, workspace: Path) -> None:
    with sqlite3.connect(workspace / "spokes.db") as db:
        count = db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        assert count >= 5  # units added, spokesperson assigned
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            db.execute("UPDATE events SET actor = 'someone else'")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            db.execute("DELETE FROM events")


def test_init_writes_down_the_language_it_spoke(run: Run, workspace: Path) -> None:
    """Cron runs with another locale than the user's: the language the user saw when the
    workspace was made is written in the config, and later runs speak it whatever the locale."""
    assert run("init", env={"LANG": "vi_VN.UTF-8"}).exit_code == 0
    assert 'lang = "vi"' in (workspace / "config.toml").read_text(encoding="utf-8")
    where = run("where", "--json", env={"LANG": "C"}).json()
    assert (where["language"], where["language_source"]) == ("vi", "config")
    # An existing config keeps what it says (here, nothing: as a config written by hand).
    (workspace / "config.toml").write_text('[workspace]\norg = "X"\n', encoding="utf-8")
    assert run("init", "--place", "Y", env={"LANG": "vi_VN.UTF-8"}).exit_code == 0
    assert "lang =" not in (workspace / "config.toml").read_text(encoding="utf-8")


def test_where_shows_reminders_channels_and_hooks_without_secrets(
    run: Run, workspace: Path
) -> None:
    workspace.mkdir()
    (workspace / "config.toml").write_text(
        '[remind]\nbefore = ["45m"]\noverdue_every = "1h"\n'
        '[[remind.channels]]\ntype = "command"\nname = "sms"\n'
        'argv = ["/usr/local/bin/gui-sms", "--to", "0912000108"]\n'
        '[[remind.channels]]\ntype = "webhook"\n'
        'url = "https://chat.example.vn:8443/bot/SECRET-TOKEN/send?key=SECRET"\n'
        '[hooks]\nincident-opened = ["/usr/local/bin/bao-su-viec", "--key", "SECRET"]\n'
        'timeout = "5s"\n',
        encoding="utf-8",
    )
    shown = run("where", "--json").json()
    assert shown["remind"] == {
        "before": ["45m"],
        "overdue_every": "1h",
        "channels": [
            {"name": "sms", "type": "command", "target": "gui-sms"},
            {"name": "webhook", "type": "webhook", "target": "https://chat.example.vn"},
        ],
    }
    assert shown["hooks"] == {"commands": {"incident-opened": "bao-su-viec"}, "timeout": "5s"}
    text = run("where").stdout
    assert "SECRET" not in text and "0912000108" not in text
    assert text.splitlines()[-6:] == [
        "Reminders: 45m before the deadline, at it, then every 1h while overdue",
        "Reminder channels:",
        "  sms                      command   gui-sms",
        "  webhook                  webhook   https://chat.example.vn",
        "Hooks (time limit 5s):",
        "  incident-opened          bao-su-viec",
    ]
    (workspace / "config.toml").write_text("", encoding="utf-8")
    default = run("--lang", "vi", "where").stdout.splitlines()[-4:]
    assert default == [
        "Nhắc hạn: trước hạn 1h, 30m, 15m, đúng hạn, rồi cứ 30m một lần khi quá hạn",
        "Kênh nhắc hạn:",
        "  stdout                   stdout",
        "Lệnh hook (tối đa 10s): —",
    ]


def test_a_database_held_by_another_writer_is_busy_not_a_bug(
    run: Run, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("unit add tan-uyen 'UBND huyện Tân Uyên' --kind district").exit_code == 0
    monkeypatch.setattr(SQLiteStore, "busy_seconds", 0.2)
    other = sqlite3.connect(workspace / "spokes.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        result = run("unit add phuc-khoa 'UBND xã Phúc Khoa' --kind commune")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.exit_code == 1
    assert "is busy: another spokes command has held it" in result.stderr
    assert "phuc-khoa" not in run("unit list").stdout
