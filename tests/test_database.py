"""``spokes db``, the PostgreSQL backend, many processes at once, and access per unit.

Most tests here run on both backends (see conftest); those about roles and row-level security
only on PostgreSQL, where the database itself enforces them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from spokes.store.migrations import MIGRATIONS, migrate
from tests.conftest import Run, _Server, in_schema, open_test_store, pg_test_url
from tests.test_transfer import full  # noqa: F401  (a fixture: some of everything)

NAMES = [name for name, _ in MIGRATIONS]


def spokes(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """``spokes ARGS`` in a process of its own, as a second user at once would run it."""
    return subprocess.Popen(
        [sys.executable, "-m", "spokes", *args],
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finished(processes: list[subprocess.Popen[str]]) -> list[tuple[int, str, str]]:
    results = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        results.append((process.returncode, out, err))
    return results


@pytest.fixture
def fresh_schema() -> Iterator[Callable[[], str]]:
    """``fresh_schema()``: the URL of a new, empty PostgreSQL schema (dropped afterwards)."""
    made: list[str] = []

    def make() -> str:
        admin = _Server.connection()
        name = f"t_{uuid.uuid4().hex[:16]}"
        admin.execute(f'CREATE SCHEMA "{name}"')
        made.append(name)
        return in_schema(pg_test_url(), name)

    yield make
    for name in made:
        _Server.connection().execute(f'DROP SCHEMA "{name}" CASCADE')


# -- db status and db migrate ----------------------------------------------------------------


def test_db_status_of_a_database_not_made_yet_changes_nothing(run: Run, db_state) -> None:
    before = db_state()
    result = run("db status --json")
    assert result.exit_code == 0, result
    found = result.json()
    assert found["applied"] == [] and found["pending"] == NAMES
    assert found["version"] is None and found["counts"] == {}
    assert db_state() == before  # status only looks: nothing created, nothing migrated
    shown = run("db status")
    assert "0/9" in shown.stdout and "spokes db migrate" in shown.stdout


def test_db_migrate_an_empty_database_then_nothing_left(run: Run, backend: str) -> None:
    result = run("db migrate --json")
    assert result.exit_code == 0, result
    assert result.json() == {"applied": NAMES, "version": NAMES[-1]}
    again = run("db migrate")
    assert again.exit_code == 0 and "up to date (0009_unit_roles)" in again.stdout
    status = run("db status --json").json()
    assert status["backend"] == backend
    assert status["applied"] == NAMES and status["pending"] == []
    assert status["counts"]["units"] == 0 and status["counts"]["incidents"] == 0


def test_an_older_schema_is_migrated_and_keeps_its_records(run: Run, workspace: Path) -> None:
    with closing(open_test_store(workspace)) as store:
        migrate(store, MIGRATIONS[:5])  # as left by the reminders issue
        with store.transaction():
            store.execute(
                "INSERT INTO units (code, name, kind, created_at, updated_at) VALUES"
                " ('xa', 'UBND xã A', 'commune', '2026-11-29T05:00:00Z', '2026-11-29T05:00:00Z')"
            )
            store.execute(
                "INSERT INTO incidents (id, title, lead_unit, status, occurred_at, received_at,"
                " created_at, updated_at) VALUES ('2026-0001', 'Sạt lở', 'xa', 'open',"
                " '2026-11-29T06:10:00Z', '2026-11-29T06:10:00Z', '2026-11-29T06:10:00Z',"
                " '2026-11-29T06:10:00Z')"
            )
            store.execute("INSERT INTO counters (name, value) VALUES ('incident-2026', 1)")
    status = run("db status --json").json()
    assert status["pending"] == NAMES[5:] and status["version"] == "0005_reminders"
    assert status["counts"]["incidents"] == 1
    migrated = run("db migrate --json")
    assert migrated.json()["applied"] == NAMES[5:], migrated
    shown = run("incident show 2026-0001 --json").json()
    assert shown["title"] == "Sạt lở" and shown["lead_unit"] == "xa"
    assert run("incident open 'Cháy' -u xa --occurred 13:00").exit_code == 0


def test_any_command_migrates_an_older_schema_on_first_use(run: Run, workspace: Path) -> None:
    with closing(open_test_store(workspace)) as store:
        migrate(store, MIGRATIONS[:3])
    assert run("unit add xa 'UBND xã A' --kind commune").exit_code == 0
    assert run("db status --json").json()["pending"] == []


# -- many processes at once ------------------------------------------------------------------


def test_incident_ids_stay_unique_and_readable_under_many_processes(tan_uyen: Run) -> None:
    opening = [
        spokes("incident", "open", f"Sự cố {n}", "-u", "phuc-khoa", "--occurred", "13:00")
        for n in range(8)
    ]
    results = finished(opening)
    assert [code for code, _, _ in results] == [0] * 8, results
    ids = [row["id"] for row in tan_uyen("incident list --json").json()]
    assert sorted(ids) == [f"2026-{n:04d}" for n in range(1, 9)]


def test_one_statement_issued_by_many_processes_is_issued_once(
    tan_uyen: Run, sql_rows: Callable[..., list[tuple[Any, ...]]]
) -> None:
    run = tan_uyen
    assert run("incident open 'Sạt lở' -u phuc-khoa --occurred 13:10").exit_code == 0
    assert run("fact set 2026-0001 deaths 2").exit_code == 0
    sid = run("statement draft 2026-0001 --json").json()["id"]
    assert run(f"statement approve {sid} --by 'Chủ tịch xã'").exit_code == 0
    results = finished([spokes("statement", "issue", str(sid)) for _ in range(6)])
    codes = sorted(code for code, _, _ in results)
    assert codes == [0, 1, 1, 1, 1, 1], results
    assert sum("already issued" in err for _, _, err in results) == 5
    issued = sql_rows("SELECT COUNT(*) FROM events WHERE kind = 'statement-issued'")
    assert issued == [(1,)]


def test_two_processes_editing_one_fact_sheet_lose_nothing(
    tan_uyen: Run, sql_rows: Callable[..., list[tuple[Any, ...]]]
) -> None:
    run = tan_uyen
    assert run("incident open 'Sạt lở' -u phuc-khoa --occurred 13:10").exit_code == 0
    keys = ["deaths", "injured", "missing", "houses_damaged"]
    results = finished(
        [spokes("fact", "set", "2026-0001", key, str(n + 1)) for n, key in enumerate(keys)]
    )
    assert [code for code, _, _ in results] == [0] * 4, results
    versions = sql_rows(
        "SELECT version FROM fact_versions WHERE incident_id = ? ORDER BY 1", ("2026-0001",)
    )
    assert versions == [(1,), (2,), (3,), (4,)]  # one version per change, none overwritten
    facts = run("fact list 2026-0001 --json").json()["facts"]
    assert {key: facts[key]["value"] for key in keys} == {
        "deaths": 1,
        "injured": 2,
        "missing": 3,
        "houses_damaged": 4,
    }


# -- db copy ---------------------------------------------------------------------------------


def _export(home: Path, env: dict[str, str]) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "spokes", "export", "json"],
        env={**os.environ, "SPOKES_HOME": str(home), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_db_copy_round_trip_is_identical(
    full: Run,  # noqa: F811
    workspace: Path,
    tmp_path: Path,
    backend: str,
    fresh_schema: Callable[[], str],
) -> None:
    """To the other backend and back: each side's JSON export is byte for byte the first."""
    original = full("export json").stdout
    here = {"SPOKES_DATABASE_URL": os.environ.get("SPOKES_DATABASE_URL", "")}
    if backend == "sqlite":
        there, back = fresh_schema(), str(tmp_path / "back.db")
        there_env, back_env = {"SPOKES_DATABASE_URL": there}, {"SPOKES_DATABASE_URL": ""}
    else:
        there, back = str(tmp_path / "there.db"), fresh_schema()
        there_env, back_env = {"SPOKES_DATABASE_URL": ""}, {"SPOKES_DATABASE_URL": back}
    copied = full(f"db copy --to {there}")
    assert copied.exit_code == 0, copied
    assert "the two JSON exports identical" in copied.stdout
    other_home = tmp_path / "other"
    if there_env["SPOKES_DATABASE_URL"] == "":
        other_home.mkdir()
        (other_home / "spokes.db").write_bytes(Path(there).read_bytes())
    assert _export(other_home, there_env) == original
    again = full("db copy --to " + back, env=there_env | {"SPOKES_HOME": str(other_home)})
    assert again.exit_code == 0, again
    third = tmp_path / "third"
    if back_env["SPOKES_DATABASE_URL"] == "":
        third.mkdir()
        (third / "spokes.db").write_bytes(Path(back).read_bytes())
    assert _export(third, back_env) == original
    assert here  # the source itself was only read
    assert full("export json").stdout == original


def test_the_copy_goes_on_from_the_copied_ids(
    full: Run,  # noqa: F811
    tmp_path: Path,
    backend: str,
    fresh_schema: Callable[[], str],
) -> None:
    target = fresh_schema() if backend == "sqlite" else str(tmp_path / "copy.db")
    assert full(f"db copy --to {target}").exit_code == 0
    home = tmp_path / "copied"
    env = {"SPOKES_HOME": str(home), "SPOKES_DATABASE_URL": target if backend == "sqlite" else ""}
    if backend != "sqlite":
        home.mkdir()
        (home / "spokes.db").write_bytes(Path(target).read_bytes())
    opened = full("incident open 'Lũ quét' -u ho-mit --occurred 13:30 --json", env=env)
    assert opened.exit_code == 0, opened
    assert opened.json()["id"] == "2026-0005"
    drafted = full("statement draft 2026-0005 --json", env=env)
    assert drafted.exit_code == 0, drafted
    assert drafted.json()["id"] == 5  # the sequence moved past the copied statements


def test_db_copy_into_a_database_that_holds_records_is_refused(
    tan_uyen: Run, refused, tmp_path: Path, backend: str, fresh_schema: Callable[[], str]
) -> None:
    target = fresh_schema() if backend == "sqlite" else str(tmp_path / "holds.db")
    assert tan_uyen(f"db copy --to {target}").exit_code == 0
    before = tan_uyen("export json", env=_env_of(target, tmp_path)).stdout
    refused(f"db copy --to {target}", expected="already holds 4 unit(s)")
    assert tan_uyen("export json", env=_env_of(target, tmp_path)).stdout == before


def _env_of(target: str, tmp_path: Path) -> dict[str, str]:
    if target.startswith("postgresql://"):
        return {"SPOKES_DATABASE_URL": target}
    home = tmp_path / f"read-{uuid.uuid4().hex[:6]}"
    home.mkdir()
    (home / "spokes.db").symlink_to(target)
    return {"SPOKES_DATABASE_URL": "", "SPOKES_HOME": str(home)}


def test_db_copy_refuses_a_file_that_is_not_a_spokes_database(
    tan_uyen: Run, refused, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("my notes\n")
    refused(f"db copy --to {notes}", expected="is not a spokes database")
    assert notes.read_text() == "my notes\n"
    refused(f"db copy --to {tmp_path}", expected="is a folder")
    refused(f"db copy --to {tmp_path / 'no' / 'x.db'}", expected="does not exist")
    assert not (tmp_path / "no").exists()


@pytest.mark.sqlite_only("the workspace's own SQLite file")
def test_db_copy_to_the_workspace_file_itself_is_refused(
    tan_uyen: Run, refused, workspace: Path
) -> None:
    refused(f"db copy --to {workspace / 'spokes.db'}", expected="is a file of the workspace")


@pytest.mark.postgresql_only
def test_db_copy_to_the_database_in_use_is_refused(tan_uyen: Run, refused) -> None:
    url = os.environ["SPOKES_DATABASE_URL"]
    result = refused(f"db copy --to {url}", expected="is the database in use")
    assert "ci-secret" not in result.stderr


def test_a_failed_copy_leaves_no_new_file(
    tan_uyen: Run, refused, tmp_path: Path, fresh_schema: Callable[[], str], backend: str
) -> None:
    """A copy refused after the target file was made (here: the target holds records when
    the copy begins) takes the file away again; one that existed stays as it was."""
    target = tmp_path / "new.db"
    assert tan_uyen(f"db copy --to {target}").exit_code == 0
    size = target.stat().st_size
    refused(f"db copy --to {target}", expected="already holds")
    assert target.stat().st_size == size


# -- access per unit (PostgreSQL) -------------------------------------------------------------


@pytest.fixture
def unit_role(tan_uyen: Run) -> Iterator[Callable[[str], str]]:
    """``unit_role("phuc-khoa")``: a new login role granted that unit; returns its URL."""
    admin = _Server.connection()
    made: list[str] = []

    def make(unit: str) -> str:
        role = f"r_{uuid.uuid4().hex[:10]}"
        admin.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'role-secret'")
        made.append(role)
        granted = tan_uyen(f"db grant {unit} {role}")
        assert granted.exit_code == 0, granted
        base = os.environ["SPOKES_DATABASE_URL"]
        return base.replace("spokes:ci-secret@", f"{role}:role-secret@", 1)

    yield make
    url = os.environ["SPOKES_DATABASE_URL"]
    with closing(__import__("psycopg").connect(url, autocommit=True)) as office:
        schema = office.execute("SELECT current_schema()").fetchone()[0]
        for role in made:
            office.execute(f'REVOKE ALL ON ALL TABLES IN SCHEMA "{schema}" FROM {role}')
            office.execute(f'REVOKE ALL ON ALL SEQUENCES IN SCHEMA "{schema}" FROM {role}')
            office.execute(f'REVOKE ALL ON SCHEMA "{schema}" FROM {role}')
    for role in made:
        admin.execute(f"DROP ROLE {role}")


def _as(url: str, sql: str, params: tuple[Any, ...] = ()) -> int:
    import psycopg

    with closing(psycopg.connect(url, autocommit=True)) as db:
        return db.execute(sql, params).rowcount


@pytest.fixture
def two_incidents(tan_uyen: Run) -> Run:
    for line in (
        "incident open 'Sạt lở' -u phuc-khoa --occurred 13:10",
        "incident open 'Cháy nhà' -u ho-mit --occurred 13:20",
    ):
        assert tan_uyen(line).exit_code == 0
    return tan_uyen


@pytest.mark.postgresql_only
def test_a_unit_role_cannot_update_another_units_incident_in_plain_sql(
    two_incidents: Run, unit_role: Callable[[str], str], db_state
) -> None:
    import psycopg

    url = unit_role("phuc-khoa")
    before = db_state()
    for sql in (
        "UPDATE incidents SET title = 'x' WHERE id = '2026-0002'",
        "UPDATE incidents SET lead_unit = 'phuc-khoa' WHERE id = '2026-0002'",  # taking it over
        "UPDATE incidents SET title = 'x'",  # all at once: one of them is another unit's
        "UPDATE incidents SET lead_unit = 'ho-mit' WHERE id = '2026-0001'",  # handing it away
        "INSERT INTO incidents (id, title, lead_unit, status, occurred_at, received_at,"
        " created_at, updated_at) VALUES ('2026-0099', 'x', 'ho-mit', 'open', 'a', 'a', 'a', 'a')",
        "INSERT INTO fact_versions (incident_id, version, facts, changed, created_at, actor)"
        " VALUES ('2026-0002', 1, '{}', '[]', 'a', 'x')",
        "UPDATE units SET name = 'x' WHERE code = 'ho-mit'",
        "UPDATE units SET name = 'x' WHERE code = 'phuc-khoa'",  # the directory: office only
        "INSERT INTO spokespersons (unit_code, role, name, valid_from, created_at)"
        " VALUES ('phuc-khoa', 'regular', 'x', 'a', 'a')",
        "DELETE FROM incidents WHERE id = '2026-0001'",
        "DELETE FROM events",
        "UPDATE unit_roles SET unit_code = 'ho-mit'",
        "INSERT INTO unit_roles VALUES (current_user, 'ho-mit', 'a', 'a')",
        "UPDATE annual_reports SET proposals = 'x'",
    ):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            _as(url, sql)
    assert db_state() == before
    # Its own unit's incident it may change.
    assert _as(url, "UPDATE incidents SET title = 'Sạt lở đất' WHERE id = '2026-0001'") == 1
    # And it reads everything the office lets it read.
    assert _as(url, "SELECT * FROM incidents") == 2


@pytest.mark.postgresql_only
def test_a_temporary_table_of_the_role_does_not_fool_the_database(
    two_incidents: Run, unit_role: Callable[[str], str]
) -> None:
    import psycopg

    url = unit_role("phuc-khoa")
    with closing(psycopg.connect(url, autocommit=True)) as db:
        db.execute("CREATE TEMP TABLE unit_roles (role text, unit_code text)")
        db.execute("INSERT INTO unit_roles VALUES (current_user, 'ho-mit')")
        db.execute("SET search_path = pg_temp, public")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            schema = db.execute(
                "SELECT nspname FROM pg_namespace WHERE nspname LIKE 't\\_%' ORDER BY oid DESC"
            ).fetchone()
            db.execute(f"UPDATE \"{schema[0]}\".incidents SET title = 'x' WHERE id = '2026-0002'")


@pytest.mark.postgresql_only
def test_a_unit_role_works_through_spokes_for_its_own_unit_only(
    two_incidents: Run, unit_role: Callable[[str], str], refused
) -> None:
    run = two_incidents
    env = {"SPOKES_DATABASE_URL": unit_role("phuc-khoa")}
    assert run("fact set 2026-0001 deaths 2", env=env).exit_code == 0
    assert run("incident open 'Lũ' -u phuc-khoa --occurred 13:30", env=env).exit_code == 0
    for line in (
        "fact set 2026-0002 deaths 1",
        "incident open 'Lũ' -u ho-mit --occurred 13:30",
        "incident close 2026-0002 --note x",
        "unit add xa 'UBND xã A' --kind commune",
        "spokesperson assign ho-mit --name A --title B --phone '0912 000 111' --email a@b.vn",
    ):
        result = refused(line, expected="refused this change", env=env)
        assert "role-secret" not in result.stderr
    assert run("status", env=env).exit_code == 0  # and reads everything


@pytest.mark.postgresql_only
def test_revoke_takes_the_unit_back(
    two_incidents: Run, unit_role: Callable[[str], str], refused
) -> None:
    run = two_incidents
    url = unit_role("phuc-khoa")
    role = url.split("//", 1)[1].split(":", 1)[0]
    assert run(f"db grant ho-mit {role}").exit_code == 0
    listed = run("db status --json").json()["roles"]
    assert {"role": role, "unit": "ho-mit"} in listed
    revoked = run(f"db revoke phuc-khoa {role}")
    assert revoked.exit_code == 0 and "still speaks for: ho-mit" in revoked.stdout
    env = {"SPOKES_DATABASE_URL": url}
    refused("fact set 2026-0001 deaths 2", expected="refused this change", env=env)
    assert run("fact set 2026-0002 deaths 1", env=env).exit_code == 0
    last = run(f"db revoke ho-mit {role}")
    assert last.exit_code == 0 and "every privilege" in last.stdout
    refused("fact set 2026-0002 deaths 2", expected="cannot use the database", env=env)


@pytest.mark.postgresql_only
def test_grant_and_revoke_refuse_bad_input(two_incidents: Run, refused) -> None:
    refused("db grant nowhere somebody", expected="unknown unit 'nowhere'")
    refused(
        f"db grant ho-mit r_{uuid.uuid4().hex[:8]}",
        expected="CREATE ROLE",
    )
    refused("db grant ho-mit spokes", expected="the office's")
    refused("db grant ho-mit postgres", expected="superuser")
    refused("db revoke ho-mit spokes", expected="does not speak for ho-mit")


@pytest.mark.sqlite_only("access per unit needs PostgreSQL")
def test_grant_on_sqlite_says_it_needs_postgresql(two_incidents: Run, refused) -> None:
    refused("db grant ho-mit somebody", expected="needs the shared PostgreSQL database")
    refused("db revoke ho-mit somebody", expected="needs the shared PostgreSQL database")


# -- which database, and passwords -----------------------------------------------------------


def test_a_database_url_that_is_not_postgresql_is_refused(run: Run, refused, workspace: Path):
    env = {"SPOKES_DATABASE_URL": "mysql://u:hunter2@host/db"}
    result = refused("unit list", expected="is not a PostgreSQL URL", env=env)
    assert "hunter2" not in result.stderr and "***" in result.stderr
    assert not workspace.exists()


def test_a_config_database_url_that_is_not_postgresql_is_refused(run: Run, workspace: Path):
    workspace.mkdir()
    (workspace / "config.toml").write_text('[database]\nurl = "sqlite:///x.db"\n')
    result = run("unit list", env={"SPOKES_DATABASE_URL": ""})
    assert result.exit_code == 1 and "database.url" in result.stderr, result
    assert not (workspace / "spokes.db").exists()


@pytest.mark.postgresql_only
def test_the_config_names_the_shared_database(run: Run, workspace: Path) -> None:
    url = os.environ["SPOKES_DATABASE_URL"]
    workspace.mkdir()
    (workspace / "config.toml").write_text(f'[database]\nurl = "{url}"\n')
    env = {"SPOKES_DATABASE_URL": ""}
    assert run("unit add xa 'UBND xã A' --kind commune", env=env).exit_code == 0
    where = run("where --json", env=env).json()
    assert where["backend"] == "postgresql" and where["database_source"] == "config"
    assert "ci-secret" not in json.dumps(where) and ":***@" in where["database"]
    assert not (workspace / "spokes.db").exists()
    assert run("unit list --json").json()[0]["code"] == "xa"  # the same through the variable


@pytest.mark.postgresql_only
def test_where_shows_the_url_without_its_password(run: Run) -> None:
    run("unit add xa 'UBND xã A' --kind commune")
    for args in ("where", "where --json", "db status", "db status --json", "db migrate"):
        result = run(args)
        assert result.exit_code == 0, result
        assert "ci-secret" not in result.stdout + result.stderr
        assert "spokes:***@" in result.stdout


def _bad(url: str, *args: str, debug: bool = False) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SPOKES_DATABASE_URL": url, "SPOKES_DEBUG": "1" if debug else "0"}
    return subprocess.run(
        [sys.executable, "-m", "spokes", *args], env=env, capture_output=True, text=True
    )


@pytest.mark.postgresql_only
@pytest.mark.parametrize("debug", [False, True])
def test_a_wrong_password_is_never_printed(workspace: Path, debug: bool) -> None:
    url = pg_test_url().replace(":ci-secret@", ":wrong-s3cret@")
    for args in (("unit", "list"), ("status",), ("where",), ("db", "status")):
        result = _bad(url, *args, debug=debug)
        assert "wrong-s3cret" not in result.stdout + result.stderr, (args, result)
        if args != ("where",):
            assert result.returncode == 1, (args, result)
            assert "cannot use the database" in result.stderr
            assert "password authentication failed" in result.stderr
    assert "wrong-s3cret" not in _bad(url, "where").stdout
    assert "Database problem" in _bad(url, "where").stdout


@pytest.mark.postgresql_only
@pytest.mark.parametrize("debug", [False, True])
def test_an_unreachable_server_is_one_line_without_the_password(
    workspace: Path, debug: bool
) -> None:
    url = "postgresql://spokes:very-s3cret@127.0.0.1:1/spokes?connect_timeout=2"
    result = _bad(url, "incident", "list", debug=debug)
    assert result.returncode == 1, result
    assert "very-s3cret" not in result.stdout + result.stderr
    assert "cannot use the database postgresql://spokes:***@127.0.0.1:1/spokes" in result.stderr
    if not debug:
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr
    assert not (workspace / "spokes.db").exists()


def test_psycopg_is_imported_only_for_a_postgresql_url(run: Run, backend: str) -> None:
    run("unit add xa 'UBND xã A' --kind commune")
    probe = (
        "import sys; from spokes.cli import main; sys.argv = ['spokes', 'unit', 'list']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('psycopg' in sys.modules, file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], env=dict(os.environ), capture_output=True, text=True
    )
    assert result.stderr.strip().splitlines()[-1] == str(backend == "postgresql"), result


@pytest.mark.postgresql_only
def test_backup_on_postgresql_points_to_db_copy(tan_uyen: Run, refused, tmp_path: Path) -> None:
    refused(f"backup {tmp_path / 'b.db'}", expected="spokes db copy --to")
    assert not (tmp_path / "b.db").exists()


@pytest.mark.postgresql_only
def test_the_demo_never_writes_into_the_shared_database(run: Run, db_state, tmp_path) -> None:
    before = db_state()
    result = run("demo", env={"TMPDIR": str(tmp_path)})
    assert result.exit_code == 0, result
    assert "unset SPOKES_DATABASE_URL" in result.stdout
    assert db_state() == before
