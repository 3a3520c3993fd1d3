"""Data out and back in: deadlines as a calendar, the whole workspace as JSON and back, and a
safe copy of the live database."""

from __future__ import annotations

import json
import sqlite3
import stat
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from spokes.core import transfer
from tests.conftest import Run

DB_FILES = ("spokes.db", "spokes.db-wal", "spokes.db-shm")


@pytest.fixture
def full(tan_uyen: Run, tmp_path: Path, workspace: Path) -> Run:
    """A workspace with some of everything: regular and authorised spokespersons, incidents
    open, informed, closed and of misinformation, facts in many versions with a custom one,
    statements in every state, and the events all of that records."""
    run = tan_uyen
    sms = tmp_path / "sms.txt"
    sms.write_text("Sạt lở đất tại bản Phiêng Lồm: 2 người chết, 5 người bị thương.\n")
    for line in (
        'unit edit cong-an --name "Công an huyện Tân Uyên"',
        'spokesperson published phuc-khoa --at "01/11/2026 16:30"',
        'spokesperson authorize phuc-khoa --name "Lò Văn Dũng" --title "Công chức Văn hóa - Xã'
        ' hội" --phone "0912 000 120" --from 13:00 --until +2d --document "Số 03/GUQ-UBND"'
        ' --by "Lù Thị Mai"',
        'incident open "Sạt lở đất tại bản Phiêng Lồm" -u phuc-khoa --occurred 13:10'
        ' --received 13:25 --category landslide --severity high --location "bản Phiêng Lồm"'
        " --involves cong-an --involves ho-mit",
        'incident open "Cháy nhà dân" -u ho-mit --occurred "40 phút trước"',
        'incident open "Tin đồn vỡ đập" -u phuc-khoa --occurred 11:30 --received 12:10'
        " --decided 13:45 --category misinformation --platform Facebook"
        " --source-url https://facebook.example/posts/1",
        'incident open "Sập cầu treo" -u phuc-khoa --occurred 12:00',
        "incident edit 2026-0003 --source-url https://facebook.example/posts/7788",
        "incident inform 2026-0002 --at 13:50 --channel phone",
        'incident close 2026-0004 --note "Đã xử lý xong"',
        'fact set 2026-0001 summary "Sạt lở đất vùi lấp hai nhà dân"',
        "fact set 2026-0001 deaths 2",
        "fact set 2026-0001 injured 5",
        "fact set 2026-0001 next_update_at 17:00",
        'fact set 2026-0001 cause "Mưa lớn kéo dài"',
        "fact unset 2026-0001 cause",
        'fact set 2026-0001 gia_suc 12 --type count --label "Gia súc bị vùi lấp"'
        ' --words "con gia súc, con trâu bò"',
        "statement draft 2026-0001 --lang vi",  # 1: issued below
        "statement draft 2026-0001 --channel sms --lang vi",  # 2: edited by hand, a draft
        f"statement edit 2 --text-file {sms}",
        'statement approve 1 --by "Lù Thị Mai"',
        "statement issue 1 --url https://phuckhoa.example.vn/tin/1",
        "statement draft 2026-0001 --kind update --lang en",  # 3: approved, then stale
        'statement approve 3 --by "Lù Thị Mai"',
        'fact set 2026-0001 actions "Di dời các hộ dân"',
        "statement draft 2026-0001 --kind update --channel portal --lang vi",  # 4: approved
        'statement approve 4 --by "Lù Thị Mai"',
        'press conference -u phuc-khoa --at 13:40 --topic "Sạt lở" -i 2026-0001 --online',
        'press briefing -u ho-mit --at 09:00 --organiser "Ban Tuyên giáo"',
        'press request -u phuc-khoa --from "Báo Lai Châu" --at 13:30 --about "Thiệt hại"'
        " -i 2026-0001 --due 18:00",
        "press reply 1 --channel phone --statement 1",
        'press correction -u phuc-khoa --outlet "Trang ABC" --published 12:00'
        ' --claim "Vỡ đập" -i 2026-0003 --url https://abc.example/1',
        'press respond 1 --at 13:00 --document "Số 05/UBND-VP"',
        'report annual notes --year 2026 --difficulties "Thiếu người" --proposals "Tập huấn"',
        "report annual sent --year 2026 --at 13:58",
    ):
        result = run(line)
        assert result.exit_code == 0, (line, result)
    conflict = run("statement check 2026-0001 -", input="Vụ sạt lở làm 3 người chết")
    assert conflict.exit_code == 3, conflict
    remind(workspace)
    return run


def remind(home: Path) -> None:
    """Two reminders of 2026-0003 as `spokes remind` records them, one sent, one failed."""
    from contextlib import closing

    from tests.conftest import open_test_store

    with closing(open_test_store(home)) as db, db.transaction():
        for threshold, channel, outcome, error in (
            (-3600, "stdout", "sent", None),
            (-3600, "office-mail", "failed", "connection refused"),
        ):
            db.execute(
                "INSERT INTO reminders (incident_id, rule, due_at, threshold, channel, outcome,"
                " attempts, claim, claimed_at, done_at, error)"
                " VALUES ('2026-0003', 'local-2h', '2026-11-29T06:30:00Z', ?, ?, ?, 1, 'c1',"
                " '2026-11-29T05:30:00Z', '2026-11-29T05:30:00Z', ?)",
                (threshold, channel, outcome, error),
            )


def empty_the_workspace(home: Path) -> None:
    """The workspace folder without its database: what `import` expects."""
    for name in DB_FILES:
        (home / name).unlink(missing_ok=True)


def exported(run: Run) -> str:
    result = run("export json")
    assert result.exit_code == 0, result
    return result.stdout


def one_line_error(result: Any) -> str:
    assert result.stderr.count("\n") == 1, result
    assert result.stderr.startswith("Error: ") or result.stderr.startswith("Lỗi: ")
    return str(result.stderr)


# -- export json -----------------------------------------------------------------------------


def test_the_fixture_has_some_of_everything(full: Run) -> None:
    document = json.loads(exported(full))
    roles = {row["role"] for row in document["spokespersons"]}
    assert roles == {"regular", "authorised"}
    incidents = {row["id"]: row for row in document["incidents"]}
    assert incidents["2026-0002"]["informed_at"] is not None
    assert incidents["2026-0004"]["status"] == "closed"
    assert incidents["2026-0003"]["source_url"] == "https://facebook.example/posts/7788"
    versions = [row["version"] for row in document["fact_versions"]]
    assert len(versions) >= 8
    assert any("gia_suc" in row["facts"] for row in document["fact_versions"])
    shown = {row["id"]: row for row in full("statement list 2026-0001 --json").json()}
    assert {item["state"] for item in shown.values()} == {"draft", "approved", "stale", "issued"}
    kinds = {row["kind"] for row in document["events"]}
    assert kinds >= {
        "unit-added",
        "unit-edited",
        "spokesperson-assigned",
        "spokesperson-published",
        "spokesperson-authorised",
        "incident-opened",
        "incident-edited",
        "incident-informed",
        "incident-closed",
        "facts-changed",
        "statement-drafted",
        "statement-edited",
        "statement-approved",
        "statement-issued",
        "conflicts-found",
    }


def test_export_json_shape(full: Run) -> None:
    text = exported(full)
    document = json.loads(text)
    assert list(document)[:3] == ["format", "version", "schema"]
    assert document["format"] == "spokes-workspace"
    assert document["version"] == 1
    assert document["schema"] == transfer.schema()
    assert document["schema"] >= "0005_reminders"
    assert list(document)[3:] == list(transfer.TABLE_NAMES)
    for table in transfer.TABLES:
        rows = document[table.name]
        keys = [tuple(row[name] for name in table.key) for row in rows]
        assert keys == sorted(keys), f"{table.name} is not sorted by its key"
        for row in rows:
            assert list(row) == sorted(row) == sorted(table.names)
    assert document["incidents"][0]["occurred_at"] == "2026-11-29T06:10:00Z"  # as stored
    assert "Sạt lở đất" in text  # UTF-8, not \u escapes
    lines = 5 + sum(len(document[name]) + 2 for name in transfer.TABLE_NAMES)
    assert text.count("\n") == lines  # one row per line


def test_export_json_to_a_file_is_the_same_utf8_text_readable_by_its_owner_only(
    full: Run, tmp_path: Path
) -> None:
    target = tmp_path / "workspace.json"
    result = full(f"export json -o {target}")
    assert result.exit_code == 0, result
    assert result.stdout.startswith(f"Wrote the workspace to {target}: 4 unit(s)")
    assert target.read_bytes() == exported(full).encode("utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []


def test_the_export_does_not_change_with_time(full: Run) -> None:
    assert exported(full) == full("export json", now="2027-03-01T09:00:00+07:00").stdout


def test_every_table_and_column_is_exported(full: Run, workspace: Path) -> None:
    # A later migration that adds a table or a column must add it to the export too.
    with sqlite3.connect(workspace / "spokes.db") as db:
        tables = {
            name
            for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            # unit_roles: which server role speaks for which unit belongs to that server,
            # not to the workspace; `db grant` sets it there (README, `spokes db copy`).
            if name not in ("schema_migrations", "unit_roles") and not name.startswith("sqlite_")
        }
        columns = {
            name: sorted(row[1] for row in db.execute(f"PRAGMA table_info({name})"))
            for name in tables
        }
    assert tables == set(transfer.TABLE_NAMES)
    assert columns == {table.name: sorted(table.names) for table in transfer.TABLES}
    document = json.loads(exported(full))
    assert all(document[name] for name in transfer.TABLE_NAMES)  # the fixture fills them all


# -- import ----------------------------------------------------------------------------------


def test_round_trip_gives_identical_json_and_identical_rows(
    full: Run, workspace: Path, tmp_path: Path, db_state: Callable[[], dict[str, Any]]
) -> None:
    before, rows_before = exported(full), db_state()
    source = tmp_path / "workspace.json"
    source.write_text(before, encoding="utf-8")
    empty_the_workspace(workspace)
    result = full(f"import {source}")
    assert result.exit_code == 0, result
    assert result.stdout == (
        f"Imported {source} into {workspace}: 4 unit(s), 2 spokesperson record(s),"
        f" 4 incident(s), 4 statement(s), {len(rows_before['events'])} audit event(s)\n"
    )
    assert exported(full) == before
    rows_after = db_state()
    for state in (rows_before, rows_after):
        state.pop("schema_migrations")  # when each database was created
    assert rows_after == rows_before


def test_an_export_of_an_older_spokes_imports(full: Run, workspace: Path, tmp_path: Path) -> None:
    """A file written before the reminders table existed: that table was empty then."""
    document = json.loads(exported(full))
    document["schema"] = "0004_facts_and_statements"
    del document["reminders"]
    source = tmp_path / "old.json"
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    empty_the_workspace(workspace)
    result = full(f"import {source}")
    assert result.exit_code == 0, result
    again = json.loads(exported(full))
    assert again["reminders"] == [] and again["schema"] == transfer.schema()
    assert again["incidents"] == document["incidents"]


def test_after_import_ids_continue(full: Run, workspace: Path, tmp_path: Path) -> None:
    source = tmp_path / "workspace.json"
    source.write_text(exported(full), encoding="utf-8")
    empty_the_workspace(workspace)
    assert full(f"import {source}").exit_code == 0
    opened = full('incident open "Lũ quét" -u ho-mit --occurred 13:00 --json')
    assert opened.exit_code == 0, opened
    assert opened.json()["id"] == "2026-0005"
    drafted = full("statement draft 2026-0005 --json")
    assert drafted.json()["id"] == 5
    events = full("incident show 2026-0005 --json").json()["events"]
    assert events[0]["kind"] == "incident-opened"
    ids = [row["id"] for row in json.loads(exported(full))["events"]]
    assert ids == sorted(set(ids))  # no event id was given twice


def test_import_from_standard_input(full: Run, workspace: Path) -> None:
    text = exported(full)
    empty_the_workspace(workspace)
    result = full("import -", input=text)
    assert result.exit_code == 0, result
    assert exported(full) == text


def test_import_in_vietnamese(full: Run, workspace: Path, tmp_path: Path) -> None:
    source = tmp_path / "w.json"
    source.write_text(exported(full), encoding="utf-8")
    empty_the_workspace(workspace)
    result = full(f"--lang vi import {source}")
    assert result.exit_code == 0, result
    assert result.stdout.startswith(f"Đã nhập {source} vào {workspace}: 4 đơn vị,")


@pytest.fixture
def document(full: Run, workspace: Path) -> dict[str, Any]:
    """A valid export, and an empty workspace to import it into."""
    loaded: dict[str, Any] = json.loads(exported(full))
    empty_the_workspace(workspace)
    return loaded


def _set(table: str, index: int, field: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        document[table][index][field] = value

    return change


def _drop(table: str, index: int, field: str) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        del document[table][index][field]

    return change


def _twice(table: str, index: int) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        document[table].append(dict(document[table][index]))

    return change


def _top(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        document[key] = value

    return change


def _last_event_bad(document: dict[str, Any]) -> None:
    document["events"][-1]["at"] = "yesterday"


BAD_RECORDS = [
    (_top("format", "something-else"), 'its "format" must be "spokes-workspace"'),
    (_top("version", 2), "an export of version 2; this spokes reads version 1"),
    (_top("version", True), "an export of version true"),
    (_top("schema", "0009_future"), 'exported from the database schema "0009_future"'),
    (_top("units", {}), '"units" must be a list of records'),
    (_top("extra", []), 'unknown key "extra"'),
    (
        _set("incidents", 0, "occurred_at", "2026-11-29 13:10"),
        'incidents[0] (id "2026-0001"), field \'occurred_at\': "2026-11-29 13:10" is not a'
        " stored time in UTC",
    ),
    (
        _set("incidents", 0, "received_at", "2026-13-45T25:00:00Z"),
        "field 'received_at': \"2026-13-45T25:00:00Z\" is not a stored time",
    ),
    (
        _set("statements", 1, "status", "published"),
        "statements[1] (id 2), field 'status': \"published\" is not one of draft, approved, issued",
    ),
    (_set("statements", 0, "lang", "fr"), "field 'lang': \"fr\" is not one of en, vi"),
    (_set("statements", 0, "kind", "rumour"), "field 'kind': \"rumour\" is not one of"),
    (_set("incidents", 1, "status", "pending"), "field 'status': \"pending\" is not one of"),
    (_set("spokespersons", 0, "role", "deputy"), "field 'role': \"deputy\" is not one of"),
    (_set("units", 0, "kind", "village"), "field 'kind': \"village\" is not one of agency"),
    (_set("incidents", 0, "severity", "extreme"), '"extreme" is not one of low, medium'),
    (_set("statements", 0, "edited", True), "field 'edited': true is not one of 0, 1"),
    (
        _set("statements", 0, "incident_id", "2026-0099"),
        "statements[0] (id 1), field 'incident_id': \"2026-0099\" is not in incidents of this file",
    ),
    (_set("spokespersons", 0, "unit_code", "tam-duong"), '"tam-duong" is not in units'),
    (_set("incidents", 0, "lead_unit", "tam-duong"), "field 'lead_unit': \"tam-duong\" is not"),
    (_set("incident_units", 0, "unit_code", "nam-can"), "field 'unit_code': \"nam-can\" is not"),
    (_set("fact_versions", 0, "incident_id", "2026-0042"), '"2026-0042" is not in incidents'),
    (_set("events", 5, "incident_id", "2026-0042"), '"2026-0042" is not in incidents'),
    (_set("units", 0, "parent_code", "ghost"), "field 'parent_code': \"ghost\" is not in units"),
    (_twice("statements", 0), "statements[4] (id 1), field 'id': the same id as statements[0]"),
    (_twice("units", 1), "units[4] (code \"ho-mit\"), field 'code': the same code as units[1]"),
    (_twice("events", 0), "field 'id': the same id as events[0]"),
    (
        _twice("fact_versions", 2),
        "field 'version': the same incident_id, version as fact_versions[2]",
    ),
    (_drop("incidents", 0, "title"), "incidents[0] (id \"2026-0001\"), field 'title': missing"),
    (_set("incidents", 0, "title", None), "field 'title': must not be null"),
    (_set("incidents", 0, "colour", "red"), "field 'colour': not a column of this table"),
    (_set("statements", 0, "fact_version", -1), "-1 is not a whole number of at least 0"),
    (_set("statements", 0, "id", "1"), "field 'id': \"1\" is not a whole number of at least 1"),
    (_set("units", 0, "code", "Phúc Khoa"), '"Phúc Khoa" is not a unit code'),
    (_set("incidents", 0, "id", "26-1"), '"26-1" is not an incident id'),
    (_set("units", 0, "name", 7), "field 'name': 7 is not text"),
    (_set("events", 0, "detail", "{not json"), "field 'detail': \"{not json\" is not the text"),
    (_set("fact_versions", 0, "changed", '{"a": 1}'), "is not the text of a JSON list"),
    (
        _set("fact_versions", 1, "facts", '{"deaths": {"type": "count", "value": -2}}'),
        "field 'facts': not a fact sheet",
    ),
    (_set("fact_versions", 1, "facts", '{"x": {"type": "colour"}}'), "not a fact sheet"),
    (_set("counters", 0, "value", 2), 'the counter "incident-2026" in counters must be at least'),
    (_set("counters", 0, "name", "incident-2025"), 'the counter "incident-2026"'),
    (_set("reminders", 1, "threshold", 1.5), "field 'threshold': 1.5 is not a whole number"),
    (_set("reminders", 0, "outcome", "lost"), "field 'outcome': \"lost\" is not one of pending"),
    (
        _set("reminders", 1, "channel", "stdout"),
        "reminders[1] (id 2), field 'channel': the same incident_id, rule, due_at, threshold,"
        " channel as reminders[0]",
    ),
    (_set("reminders", 0, "incident_id", "2026-0042"), '"2026-0042" is not in incidents'),
    (_last_event_bad, "field 'at': \"yesterday\" is not a stored time"),
]


@pytest.mark.parametrize(
    ("change", "expected"), BAD_RECORDS, ids=[str(i) for i in range(len(BAD_RECORDS))]
)
def test_a_bad_record_is_named_and_nothing_is_imported(
    document: dict[str, Any],
    refused: Callable[..., Any],
    tmp_path: Path,
    workspace: Path,
    change: Callable[[dict[str, Any]], None],
    expected: str,
) -> None:
    change(document)
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = refused(f"import {source}", expected=expected)
    assert "Nothing was imported." in one_line_error(result)
    assert not (workspace / "spokes.db").exists()  # not even an empty database is left


def test_a_unit_that_is_its_own_ancestor_is_refused(
    document: dict[str, Any], refused: Callable[..., Any], tmp_path: Path
) -> None:
    codes = [row["code"] for row in document["units"]]
    document["units"][codes.index("tan-uyen")]["parent_code"] = "phuc-khoa"
    source = tmp_path / "cycle.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    refused(
        f"import {source}",
        # cong-an and ho-mit hang under the cycle without being in it: phuc-khoa comes first
        expected='units[2] (code "phuc-khoa"), field \'parent_code\': "tan-uyen" makes the'
        " unit its own ancestor",
    )


def test_a_record_that_is_not_an_object_is_refused(
    document: dict[str, Any], refused: Callable[..., Any], tmp_path: Path
) -> None:
    document["counters"].append(["incident-2027", 1])
    source = tmp_path / "list.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    refused(f"import {source}", expected="counters[1]: not a JSON object. Nothing was imported.")


def test_a_bad_record_in_vietnamese(
    document: dict[str, Any], refused: Callable[..., Any], tmp_path: Path
) -> None:
    document["statements"][0]["incident_id"] = "2026-0099"
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    refused(
        f"--lang vi import {source}",
        expected=f"Lỗi: {source}: statements[0] (id 1), trường 'incident_id': \"2026-0099\""
        " không có trong incidents của tệp này. Chưa nhập dữ liệu nào.",
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "is not valid JSON (line 1, column 2)"),
        ("", "is not valid JSON (line 1, column 1)"),
        ("[1, 2]", 'its "format" must be "spokes-workspace"'),
        ("code,name,kind,parent\n", "is not valid JSON"),
        ("[" * 100_000, "is not valid JSON"),
    ],
)
def test_a_file_that_is_not_an_export_is_refused(
    refused: Callable[..., Any], tmp_path: Path, content: str, expected: str
) -> None:
    source = tmp_path / "not-an-export.json"
    source.write_text(content, encoding="utf-8")
    one_line_error(refused(f"import {source}", expected=expected))


def test_a_file_that_is_not_utf8_is_refused(refused: Callable[..., Any], tmp_path: Path) -> None:
    source = tmp_path / "latin1.json"
    source.write_bytes('{"format": "spokes-workspace", "x": "Phúc"}'.encode("latin-1"))
    refused(f"import {source}", expected="is not UTF-8 text")


def test_a_missing_file_is_refused(refused: Callable[..., Any], tmp_path: Path) -> None:
    refused(f"import {tmp_path / 'nowhere.json'}", expected="no such file")


def test_import_into_a_workspace_that_is_not_empty_is_refused(
    full: Run, refused: Callable[..., Any], tmp_path: Path, workspace: Path
) -> None:
    source = tmp_path / "workspace.json"
    source.write_text(exported(full), encoding="utf-8")
    result = refused(
        f"import {source}",
        expected=f"this workspace ({workspace}) already holds 4 unit(s) and 4 incident(s):"
        " import only into an empty one",
    )
    one_line_error(result)


# -- export ics ------------------------------------------------------------------------------


def calendar_of(text: str) -> Any:
    from icalendar import Calendar

    return Calendar.from_ical(text)


def computed_deadlines(run: Run, status: str = "--all") -> set[tuple[str, datetime]]:
    """Every deadline as `incident show --json` computes it: (UID, due time in UTC)."""
    listed = run(f"incident list {status} --json").json()
    found = set()
    for item in listed:
        for deadline in run(f"incident show {item['id']} --json").json()["deadlines"]:
            due = datetime.fromisoformat(deadline["due_at"]).astimezone(UTC)
            found.add((f"{item['id']}-{deadline['rule']}@spokes", due))
    return found


def test_the_calendar_parses_back_with_every_deadline(full: Run) -> None:
    result = full("export ics")
    assert result.exit_code == 0, result
    events = calendar_of(result.stdout).walk("VEVENT")
    got = {(str(event["UID"]), event.decoded("DTSTART")) for event in events}
    expected = computed_deadlines(full)
    assert len(expected) == 9  # 2 rules each, and a third for the decided misinformation
    assert got == expected
    assert len(events) == len(expected)  # one event per deadline, no duplicates
    assert all(event["DTSTART"].to_ical().endswith(b"Z") for event in events)  # in UTC
    assert "DTSTART:20261129T081000Z" in result.stdout  # 15:10 local, written in UTC


def test_open_only(full: Run) -> None:
    events = calendar_of(full("export ics --open").stdout).walk("VEVENT")
    got = {(str(event["UID"]), event.decoded("DTSTART")) for event in events}
    assert got == computed_deadlines(full, "--open")
    assert not any(str(event["UID"]).startswith("2026-0004-") for event in events)


def test_the_calendar_header(full: Run) -> None:
    text = full("export ics").stdout
    calendar = calendar_of(text)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//spokes//spokes ")
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["X-WR-CALNAME"]) == "Deadlines for initial information"


def _event(run: Run, uid: str, *args: str) -> Any:
    text = run("export", "ics", *args).stdout
    return next(e for e in calendar_of(text).walk("VEVENT") if str(e["UID"]) == uid)


def test_a_running_clock_rings_at_the_thresholds(full: Run) -> None:
    event = _event(full, "2026-0003-decree-244-24h@spokes")
    alarms = event.walk("VALARM")
    assert [alarm.decoded("TRIGGER").total_seconds() / 60 for alarm in alarms] == [
        -60,
        -30,
        -15,
        0,
    ]
    assert {str(alarm["ACTION"]) for alarm in alarms} == {"DISPLAY"}
    assert str(alarms[1]["DESCRIPTION"]) == (
        "2026-0003: initial information due in 30 min: Tin đồn vỡ đập"
    )
    assert str(alarms[3]["DESCRIPTION"]) == "2026-0003: initial information due now: Tin đồn vỡ đập"
    assert event.decoded("DURATION").total_seconds() == 15 * 60
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["SUMMARY"]) == "[2026-0003] Initial information due: Tin đồn vỡ đập"
    description = str(event["DESCRIPTION"])
    assert "Due: 30 Nov 2026 12:10 (UTC+07:00)" in description
    assert "Rule: decree-244-24h (Nghị định 244/2026/NĐ-CP, Điều 7 khoản 3)" in description
    assert "Lead unit: UBND xã Phúc Khoa (phuc-khoa)" in description
    assert "Spokesperson: Lù Thị Mai, phone 0912 000 108" in description
    assert "Occurred: 29 Nov 2026 11:30 (UTC+07:00)" in description


def test_a_stopped_clock_says_how_it_ended_and_rings_no_more(full: Run) -> None:
    informed = _event(full, "2026-0002-local-2h@spokes")
    assert informed.walk("VALARM") == []
    assert str(informed["SUMMARY"]) == "[2026-0002] Initial information due: Cháy nhà dân (met)"
    assert "Initial information given at 29 Nov 2026 13:50 (UTC+07:00): met" in str(
        informed["DESCRIPTION"]
    )
    assert "Spokesperson: ⚠ NO SPOKESPERSON" in str(informed["DESCRIPTION"])  # ho-mit has none
    closed = _event(full, "2026-0004-local-2h@spokes")
    assert closed.walk("VALARM") == []
    assert str(closed["SUMMARY"]).endswith("(closed)")
    assert "Closed at 29 Nov 2026 14:00 (UTC+07:00) without initial information" in str(
        closed["DESCRIPTION"]
    )


def test_the_calendar_is_in_the_workspace_language(full: Run, workspace: Path) -> None:
    (workspace / "config.toml").write_text(
        '[workspace]\norg = "UBND xã Phúc Khoa"\nlang = "vi"\n', encoding="utf-8"
    )
    text = full("export ics").stdout
    calendar = calendar_of(text)
    assert str(calendar["X-WR-CALNAME"]) == "UBND xã Phúc Khoa: thời hạn cung cấp thông tin ban đầu"
    event = next(e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("2026-0001-local"))
    assert str(event["SUMMARY"]) == (
        "[2026-0001] Hạn cung cấp thông tin ban đầu: Sạt lở đất tại bản Phiêng Lồm (đúng hạn)"
    )
    assert "Đơn vị chủ trì: UBND xã Phúc Khoa (phuc-khoa)" in str(event["DESCRIPTION"])
    running = _event(full, "2026-0003-local-2h@spokes")
    assert str(running.walk("VALARM")[0]["DESCRIPTION"]) == (
        "2026-0003: còn 1 giờ 00 phút nữa là đến hạn cung cấp thông tin ban đầu: Tin đồn vỡ đập"
    )


def test_alarms_follow_the_reminder_thresholds_of_the_config(full: Run, workspace: Path) -> None:
    (workspace / "config.toml").write_text('[remind]\nbefore = ["2h", "45m"]\n', encoding="utf-8")
    alarms = _event(full, "2026-0003-decree-244-24h@spokes").walk("VALARM")
    minutes = [alarm.decoded("TRIGGER").total_seconds() / 60 for alarm in alarms]
    assert minutes == [-120, -45, 0]
    assert str(alarms[0]["DESCRIPTION"]).startswith("2026-0003: initial information due in 2 h 00")


def test_the_calendar_is_reproducible_under_the_frozen_clock(full: Run) -> None:
    first, second = full("export ics").stdout, full("export ics").stdout
    assert first == second
    assert "DTSTAMP:20261129T070000Z" in first  # SPOKES_NOW, in UTC
    later = full("export ics", now="2026-11-29T15:00:00+07:00").stdout
    assert "DTSTAMP:20261129T080000Z" in later


def test_uids_are_stable_so_a_new_file_updates_the_events(full: Run) -> None:
    def uids(text: str) -> set[str]:
        return {str(event["UID"]) for event in calendar_of(text).walk("VEVENT")}

    before = uids(full("export ics").stdout)
    assert full("incident edit 2026-0003 --occurred 11:00").exit_code == 0
    after = full("export ics").stdout
    assert uids(after) == before
    assert "DTSTART:20261129T060000Z" in after  # local-2h of 2026-0003 moved to 13:00


def test_export_ics_to_a_file(full: Run, tmp_path: Path) -> None:
    target = tmp_path / "deadlines.ics"
    result = full(f"export ics -o {target}")
    assert result.exit_code == 0, result
    assert result.stdout == f"Wrote 9 deadline(s) of 4 incident(s) to {target}\n"
    written = target.read_bytes()
    assert written.count(b"\r\n") == written.count(b"\n")  # RFC 5545 line ends
    # The test runner reads standard output with \n for \r\n.
    assert written.decode("utf-8").replace("\r\n", "\n") == full("export ics").stdout
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_an_empty_workspace_gives_an_empty_calendar(run: Run) -> None:
    result = run("export ics")
    assert result.exit_code == 0, result
    assert calendar_of(result.stdout).walk("VEVENT") == []


# -- output files ----------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["export json", "export ics"])
def test_output_into_a_missing_folder_is_refused(
    full: Run, refused: Callable[..., Any], tmp_path: Path, command: str
) -> None:
    target = tmp_path / "nowhere" / "out.txt"
    refused(f"{command} -o {target}", expected=f"the folder '{target.parent}' does not exist")
    assert not target.parent.exists()


@pytest.mark.parametrize("command", ["export json -o", "export ics -o", "backup --force"])
def test_output_over_a_workspace_file_or_a_folder_is_refused(
    full: Run, refused: Callable[..., Any], workspace: Path, tmp_path: Path, command: str
) -> None:
    refused(f"{command} {workspace / 'spokes.db'}", expected="is a file of the workspace itself")
    (workspace / "config.toml").write_text("", encoding="utf-8")
    refused(f"{command} {workspace / 'config.toml'}", expected="is a file of the workspace itself")
    refused(f"{command} {tmp_path}", expected=f"cannot write '{tmp_path}': it is a folder")


# -- backup ----------------------------------------------------------------------------------


def rows_of(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    with sqlite3.connect(path) as db:
        names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {name: sorted(db.execute(f"SELECT * FROM {name}")) for name in names}


def test_backup_is_a_database_with_the_same_rows_while_others_read_and_write(
    full: Run, workspace: Path, tmp_path: Path, db_state: Callable[[], dict[str, Any]]
) -> None:
    expected = db_state()
    reader = sqlite3.connect(workspace / "spokes.db", isolation_level=None)
    writer = sqlite3.connect(workspace / "spokes.db", isolation_level=None)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT COUNT(*) FROM events").fetchone()  # holds a read transaction
        writer.execute("BEGIN IMMEDIATE")  # holds the write lock, with a change not committed
        writer.execute("INSERT INTO counters (name, value) VALUES ('uncommitted', 1)")
        target = tmp_path / "copy.db"
        result = full(f"backup {target}")
        assert result.exit_code == 0, result
    finally:
        reader.close()
        writer.close()
    assert rows_of(target) == expected
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(path.name for path in tmp_path.iterdir() if "copy" in path.name) == ["copy.db"]
    with sqlite3.connect(target) as db:  # one self-contained file, not WAL
        assert db.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    events = len(expected["events"])
    assert result.stdout.startswith(f"Backed up the workspace to {target} (")
    assert result.stdout.endswith(
        f" KB): 4 unit(s), 2 spokesperson record(s), 4 incident(s), 4 statement(s),"
        f" {events} audit event(s)\n"
    )


def test_backup_refuses_an_existing_file_unless_forced(
    full: Run, refused: Callable[..., Any], tmp_path: Path
) -> None:
    target = tmp_path / "copy.db"
    target.write_text("keep me", encoding="utf-8")
    refused(f"backup {target}", expected="already exists: choose another name, or add --force")
    assert target.read_text(encoding="utf-8") == "keep me"
    result = full(f"backup {target} --force")
    assert result.exit_code == 0, result
    assert "units" in rows_of(target)


def test_backup_into_a_missing_folder_is_refused(
    full: Run, refused: Callable[..., Any], tmp_path: Path
) -> None:
    target = tmp_path / "nowhere" / "copy.db"
    refused(f"backup {target}", expected=f"the folder '{target.parent}' does not exist")


def test_backup_in_vietnamese(full: Run, tmp_path: Path) -> None:
    result = full(f"--lang vi backup {tmp_path / 'copy.db'}")
    assert result.exit_code == 0, result
    assert result.stdout.startswith(f"Đã sao lưu dữ liệu vào {tmp_path / 'copy.db'} (")
    assert " KB): 4 đơn vị, 2 bản ghi người phát ngôn, 4 sự việc, 4 thông cáo," in result.stdout


def test_the_backup_restores_as_a_workspace(full: Run, workspace: Path, tmp_path: Path) -> None:
    before = exported(full)
    target = tmp_path / "copy.db"
    assert full(f"backup {target}").exit_code == 0
    empty_the_workspace(workspace)
    (workspace / "spokes.db").write_bytes(target.read_bytes())
    assert exported(full) == before
