"""The end-of-day status table and the period report: the day is the workspace's local day,
each row is read as it stood at the end of that day (or now), every format says the same, and
every bad input is refused with one line and nothing written."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from spokes.core import reports
from spokes.store.sqlite import SQLiteStore
from tests.conftest import Run


def day(run: Run, *args: str, now: str | None = None) -> dict[str, Any]:
    result = run("report", "day", "--format", "json", *args, now=now)
    assert result.exit_code == 0, result
    data: dict[str, Any] = result.json()
    return data


def rows_by_id(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["id"]: row for row in data["rows"]}


def opened(run: Run, title: str, *args: str, now: str | None = None) -> str:
    result = run("incident", "open", title, "--json", *args, now=now)
    assert result.exit_code == 0, result
    incident_id: str = result.json()["id"]
    return incident_id


@pytest.fixture
def day_set(tan_uyen: Run) -> Run:
    """At 14:00 on 29/11/2026, with the 2-hour rule binding: one incident in each state.

    2026-0001 met (09:00, informed 10:00: 60 min)   2026-0002 late (08:00, informed 10:30: 150)
    2026-0003 OVERDUE (11:00, nothing yet)          2026-0004 pending (13:00, due 15:00)
    2026-0005 at risk (12:20, due 14:20), led by ho-mit (no spokesperson)
    """
    run = tan_uyen
    for title, unit, occurred in (
        ("Sạt lở đất", "phuc-khoa", "09:00"),
        ("Cháy nhà", "phuc-khoa", "08:00"),
        ("Lũ quét", "phuc-khoa", "11:00"),
        ("Đá lăn", "phuc-khoa", "13:00"),
        ("Tai nạn", "ho-mit", "12:20"),
    ):
        opened(run, title, "-u", unit, "--occurred", occurred, "--received", occurred)
    for incident_id, at in (("2026-0001", "10:00"), ("2026-0002", "10:30")):
        assert run(f"incident inform {incident_id} --at {at} --channel phone").exit_code == 0
    return run


# -- the day and its window ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-29", date(2026, 11, 29)),
        ("29/11/2026", date(2026, 11, 29)),
        ("29-11-2026", date(2026, 11, 29)),
        ("29.11.2026", date(2026, 11, 29)),
        ("05/02", date(2026, 2, 5)),  # day first, this year
        ("ngày 29/11/2026", date(2026, 11, 29)),
        ("today", date(2026, 11, 29)),
        ("Hôm nay", date(2026, 11, 29)),
        ("yesterday", date(2026, 11, 28)),
        ("hôm qua", date(2026, 11, 28)),
        ("ho\u0302m qua", date(2026, 11, 28)),  # decomposed, as some keyboards type it
        ("hom nay", date(2026, 11, 29)),  # without diacritics
    ],
)
def test_a_day_is_read_as_people_type_it(text: str, expected: date) -> None:
    assert reports.parse_day(text, date(2026, 11, 29)) == expected


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("29/12", date(2026, 1, 5), date(2025, 12, 29)),  # last year's, not a day to come
        ("05/01", date(2026, 1, 5), date(2026, 1, 5)),
        ("06/01", date(2026, 1, 5), date(2025, 1, 6)),
        ("29/02", date(2026, 3, 1), date(2024, 2, 29)),  # the latest one there was
    ],
)
def test_a_day_without_a_year_is_the_latest_one_not_to_come(
    text: str, today: date, expected: date
) -> None:
    assert reports.parse_day(text, today) == expected


def test_a_day_without_a_year_on_the_command_line(tan_uyen: Run) -> None:
    new_year = "2026-01-05T09:00:00+07:00"
    assert day(tan_uyen, "--date", "29/12", now=new_year)["date"] == "2025-12-29"
    # The end of a period is the first such day from its start on: this month, not over yet.
    period = tan_uyen("report period --from 01/01 --to 31/01 -f json", now=new_year)
    assert period.exit_code == 0, period
    assert (period.json()["from"], period.json()["to"]) == ("2026-01-01", "2026-01-31")
    period = tan_uyen("report period --from 29/12 --to 04/01 -f json", now=new_year)
    assert (period.json()["from"], period.json()["to"]) == ("2025-12-29", "2026-01-04")


def test_the_23_30_incident_is_in_that_days_report_and_the_next(tan_uyen: Run) -> None:
    # Opened at 23:35, so that the open command itself is not in the future.
    incident = opened(
        tan_uyen,
        "Cháy rừng",
        "-u",
        "phuc-khoa",
        "--occurred",
        "29/11/2026 23:30",
        now="2026-11-29T23:35:00+07:00",
    )
    later = "2026-11-30T10:00:00+07:00"
    first = rows_by_id(day(tan_uyen, "--date", "29/11/2026", now=later))[incident]
    assert first["occurred_at"] == "2026-11-29T23:30:00+07:00"
    assert first["deadline"] == "2026-11-30T01:30:00+07:00"
    assert first["state"] == "pending"  # at 24:00, 1 h 30 min were still left
    second = rows_by_id(day(tan_uyen, "--date", "30/11/2026", now=later))[incident]
    assert second["state"] == "overdue"  # at 10:00 on the 30th, still nothing
    assert incident not in rows_by_id(day(tan_uyen, "--date", "28/11/2026", now=later))
    # In the table, the deadline on the next day is shown with its day, and the bars run on.
    table = tan_uyen("report day --date 29/11/2026", now=later).stdout
    assert "23:30" in table and "30 Nov 01:30" in table
    assert f"{incident} " in table and "━▶" in table
    assert "◀━━━" in tan_uyen("report day --date 30/11/2026", now=later).stdout


def test_an_incident_closed_before_the_day_is_in_it_when_its_deadline_falls_in_it(
    tan_uyen: Run,
) -> None:
    incident = opened(
        tan_uyen,
        "Cháy rừng",
        "-u",
        "phuc-khoa",
        "--occurred",
        "29/11/2026 23:30",
        now="2026-11-29T23:35:00+07:00",
    )
    closed = tan_uyen(f"incident close {incident}", now="2026-11-29T23:50:00+07:00")
    assert closed.exit_code == 0, closed
    later = "2026-12-02T10:00:00+07:00"
    next_day = day(tan_uyen, "--date", "30/11/2026", now=later)
    assert incident in rows_by_id(next_day)
    assert incident not in rows_by_id(day(tan_uyen, "--date", "01/12/2026", now=later))
    # Closed before its deadline without information: neither pending nor overdue, ever.
    assert rows_by_id(next_day)[incident]["state"] == "closed_without_information"
    that_day = day(tan_uyen, "--date", "29/11/2026", now=later)
    assert rows_by_id(that_day)[incident]["state"] == "closed_without_information"
    summary = that_day["summary"]
    assert (summary["closed_without_information"], summary["not_yet_due"]) == (1, 0)
    assert summary["on_time_rate"] is None  # left out of the rate: it was never due
    assert next_day["summary"]["closed_without_information"] == 0  # counted on the day it closed
    table = tan_uyen("report day --date 29/11/2026", now=later).stdout
    assert "closed without information" in table and "Closed without information 1" in table
    vietnamese = tan_uyen("--lang vi report day --date 29/11/2026", now=later).stdout
    assert "đã kết thúc, chưa cung cấp thông tin" in vietnamese
    period = tan_uyen("report period --from 29/11/2026 -f json", now=later).json()["total"]
    assert (period["closed_without_information"], period["not_yet_due"]) == (1, 0)


def test_an_incident_still_open_before_its_deadline_is_not_closed(tan_uyen: Run) -> None:
    incident = opened(tan_uyen, "Cháy rừng", "-u", "phuc-khoa", "--occurred", "13:00")
    assert rows_by_id(day(tan_uyen))[incident]["state"] == "pending"
    # Closed later than the moment a report reads: as it stood then, pending.
    assert tan_uyen(f"incident close {incident}", now="2026-11-29T14:30:00+07:00").exit_code == 0
    assert rows_by_id(day(tan_uyen))[incident]["state"] == "pending"


def test_open_incidents_of_earlier_days_stay_in_the_report(day_set: Run) -> None:
    later = "2026-12-03T09:00:00+07:00"
    ids = set(rows_by_id(day(day_set, "--date", "02/12/2026", now=later)))
    assert ids == {"2026-0001", "2026-0002", "2026-0003", "2026-0004", "2026-0005"}
    assert day_set("incident close 2026-0001", now="2026-12-01T08:00:00+07:00").exit_code == 0
    ids = set(rows_by_id(day(day_set, "--date", "02/12/2026", now=later)))
    assert "2026-0001" not in ids  # closed the day before
    assert "2026-0001" in rows_by_id(day(day_set, "--date", "01/12/2026", now=later))


def _env(home: Path, zone: str) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("SPOKES_", "LC_", "LANG"))}
    # The test's database, whichever backend; on PostgreSQL the session's zone (PGTZ) is the
    # machine's too, and must not matter either.
    database = {k: v for k, v in os.environ.items() if k == "SPOKES_DATABASE_URL"}
    now = "2026-11-29T14:00:00+07:00"
    return {
        **keep,
        **database,
        "SPOKES_HOME": str(home),
        "SPOKES_NOW": now,
        "TZ": zone,
        "PGTZ": zone,
    }


def test_the_machines_time_zone_never_changes_the_report(tan_uyen: Run, workspace: Path) -> None:
    # 00:30 and 06:30 local on the 29th are still the 28th in UTC; 23:30 local on the 28th is
    # the 28th in both. A report computed in the machine's zone would move them.
    for occurred in ("29/11/2026 00:30", "29/11/2026 06:30", "28/11/2026 20:30"):
        opened(tan_uyen, f"Sự việc {occurred}", "-u", "phuc-khoa", "--occurred", occurred)
    outputs = {}
    for zone in ("UTC", "Asia/Ho_Chi_Minh", "America/New_York"):
        for fmt in ("table", "json", "html"):
            command = [sys.executable, "-m", "spokes", "report", "day", "--format", fmt]
            done = subprocess.run(
                [*command, "--date", "29/11/2026"], env=_env(workspace, zone), capture_output=True
            )
            assert done.returncode == 0, done.stderr.decode()
            outputs[zone, fmt] = done.stdout
    for fmt in ("table", "json", "html"):
        assert outputs["UTC", fmt] == outputs["Asia/Ho_Chi_Minh", fmt]
        assert outputs["UTC", fmt] == outputs["America/New_York", fmt]
    assert b'"start": "2026-11-29T00:00:00+07:00"' in outputs["UTC", "json"]
    assert outputs["UTC", "json"].count(b'"id": "2026-') == 3  # 20:30 on the 28th: open still


def test_the_day_is_the_workspaces_day(tan_uyen: Run) -> None:
    opened(tan_uyen, "Sạt lở", "-u", "phuc-khoa", "--occurred", "29/11/2026 06:30")
    assert tan_uyen("incident close 2026-0001").exit_code == 0
    assert "2026-0001" not in rows_by_id(day(tan_uyen, "--date", "28/11/2026"))
    assert tan_uyen("init --tz UTC").exit_code == 0  # 06:30 local is 23:30 on the 28th in UTC
    data = day(tan_uyen, "--date", "28/11/2026")
    assert data["zone"] == "UTC"
    assert rows_by_id(data)["2026-0001"]["occurred_at"] == "2026-11-28T23:30:00+00:00"


# -- what each row and the summary say --------------------------------------------------------


def test_summary_figures_on_a_known_set(day_set: Run) -> None:
    data = day(day_set)
    states = {row["id"]: row["state"] for row in data["rows"]}
    assert states == {
        "2026-0001": "met",
        "2026-0002": "late",
        "2026-0003": "overdue",
        "2026-0004": "pending",
        "2026-0005": "at_risk",
    }
    assert data["summary"] == {
        "incidents": 5,
        "on_time": 1,
        "late": 1,
        "overdue": 1,
        "not_yet_due": 2,  # pending and at risk are not decided: left out of the rate
        "closed_without_information": 0,
        "no_deadline": 0,
        "on_time_rate": 0.3333,
        "median_minutes_to_information": 105.0,  # 60 and 150
        "worst_minutes_to_information": 150,
    }
    minutes = {row["id"]: row["minutes_to_information"] for row in data["rows"]}
    assert minutes["2026-0001"] == 60 and minutes["2026-0002"] == 150
    assert minutes["2026-0003"] is None
    table = day_set("report day").stdout
    assert "On-time rate 33.3%" in table and "Median minutes to initial information 105" in table


def test_a_day_counts_the_outcomes_of_that_day_only(tan_uyen: Run) -> None:
    """An outcome is counted on the day it happened, not again on every later day the
    incident is still open; still overdue is read at the end of each day."""
    run = tan_uyen
    yesterday = "2026-11-28T23:00:00+07:00"
    met = opened(run, "Sạt lở", "-u", "phuc-khoa", "--occurred", "09:00", now=yesterday)
    late = opened(run, "Cháy", "-u", "phuc-khoa", "--occurred", "20:00", now=yesterday)
    assert run(f"incident inform {met} --at 10:00", now=yesterday).exit_code == 0  # on time
    assert run(f"incident inform {late} --at 08:00").exit_code == 0  # on the 29th: late
    first = day(run, "--date", "28/11/2026")
    assert {row["id"]: row["state"] for row in first["rows"]} == {met: "met", late: "overdue"}
    assert first["summary"]["incidents"] == 2
    assert (first["summary"]["on_time"], first["summary"]["overdue"]) == (1, 1)
    assert first["summary"]["median_minutes_to_information"] == 60.0
    second = day(run, "--date", "29/11/2026")
    assert {row["id"]: row["state"] for row in second["rows"]} == {met: "met", late: "late"}
    summary = second["summary"]
    assert summary["incidents"] == 2  # both listed...
    assert (summary["on_time"], summary["late"], summary["overdue"]) == (0, 1, 0)  # ...once
    assert summary["median_minutes_to_information"] == 720.0  # 20:00 to 08:00: only the late one
    assert summary["on_time_rate"] == 0.0
    table = run("report day").stdout
    assert "counts what happened that day" in table
    assert "tính những gì diễn ra trong ngày" in run("--lang vi report day -f md").stdout


def test_the_rate_is_a_dash_when_nothing_is_decided(tan_uyen: Run) -> None:
    opened(tan_uyen, "Đá lăn", "-u", "phuc-khoa", "--occurred", "13:00")
    assert day(tan_uyen)["summary"]["on_time_rate"] is None
    assert "On-time rate —" in tan_uyen("report day").stdout


def test_each_row_is_read_at_the_end_of_its_day(tan_uyen: Run) -> None:
    incident = opened(
        tan_uyen, "Cháy", "-u", "phuc-khoa", "--occurred", "23:00", now="2026-11-28T23:10:00+07:00"
    )
    informed = tan_uyen(f"incident inform {incident} --at 00:20", now="2026-11-29T00:30:00+07:00")
    assert informed.exit_code == 0, informed
    before = rows_by_id(day(tan_uyen, "--date", "yesterday"))[incident]
    assert before["initial_information_at"] is None  # given after that day ended
    assert before["minutes_to_information"] is None
    assert before["state"] == "pending"
    after = rows_by_id(day(tan_uyen))[incident]
    assert after["initial_information_at"] == "2026-11-29T00:20:00+07:00"
    assert after["minutes_to_information"] == 80
    assert after["state"] == "met"


def test_the_spokesperson_is_the_one_on_duty_at_that_moment(day_set: Run) -> None:
    rows = rows_by_id(day(day_set))
    assert rows["2026-0001"]["spokesperson"]["name"] == "Lù Thị Mai"
    assert rows["2026-0005"]["spokesperson"] is None  # ho-mit has nobody
    assert "⚠ NO SPOKESPERSON" in day_set("report day").stdout
    earlier = rows_by_id(day(day_set, "--date", "29/10/2026", now="2026-11-29T14:00:00+07:00"))
    assert earlier == {}  # nothing happened then
    assigned = day_set(
        "spokesperson assign phuc-khoa --name 'Lò Văn Dũng' --title 'Phó Chủ tịch'"
        " --phone '0912 000 120' --email lvdung@phuckhoa.example.vn --from 13:30"
    )
    assert assigned.exit_code == 0, assigned
    rows = rows_by_id(day(day_set))
    assert rows["2026-0001"]["spokesperson"]["name"] == "Lò Văn Dũng"
    old = rows_by_id(day(day_set, "--date", "29/11/2026", now="2026-11-29T13:00:00+07:00"))
    assert old["2026-0001"]["spokesperson"]["name"] == "Lù Thị Mai"


def test_statements_issued_and_conflicts_found_are_counted_up_to_that_moment(
    tan_uyen: Run,
) -> None:
    run = tan_uyen
    incident = opened(
        run, "Sạt lở", "-u", "phuc-khoa", "--occurred", "23:00", now="2026-11-28T23:05:00+07:00"
    )
    assert run(f"fact set {incident} deaths 2").exit_code == 0
    draft = run(f"statement draft {incident} --json --lang vi").json()["id"]
    assert run(f"statement approve {draft} --by 'Lù Thị Mai'").exit_code == 0
    assert run(f"statement issue {draft}").exit_code == 0
    check = f"statement check {incident}"
    assert run(check, input="Vụ sạt lở làm 3 người chết").exit_code == 3
    assert run(check, input="Vụ sạt lở làm 3 người chết").exit_code == 3  # the same text: once
    assert run(check, input="Có 4 người chết").exit_code == 3
    assert run(check, input="Có 2 người chết").exit_code == 0  # agrees: not a conflict
    today = rows_by_id(day(run))[incident]
    assert (today["statements_issued"], today["conflicts_found"]) == (1, 2)
    yesterday = rows_by_id(day(run, "--date", "yesterday"))[incident]
    assert (yesterday["statements_issued"], yesterday["conflicts_found"]) == (0, 0)


def test_unit_filters_the_day_and_the_period(day_set: Run, refused) -> None:
    data = day(day_set, "--unit", "ho-mit")
    assert [row["id"] for row in data["rows"]] == ["2026-0005"]
    assert data["unit"] == "ho-mit"
    assert data["summary"]["incidents"] == 1
    period = day_set("report period --from 29/11/2026 --unit PHUC-KHOA --format json").json()
    assert [line["unit"] for line in period["units"]] == ["phuc-khoa"]
    assert period["total"]["incidents"] == 4
    refused("report day --unit nowhere", expected="unknown unit 'nowhere'")
    refused("report period --from 01/11/2026 --unit nowhere", expected="unknown unit 'nowhere'")


def test_the_core_reads_a_fixed_number_of_queries(
    day_set: Run, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three queries for the incidents, statements and conflicts, and one for who is on
    duty, whatever the number of incidents: never one per incident."""
    from spokes.workspace import Workspace

    def count() -> int:
        calls: list[str] = []
        original = SQLiteStore.query

        def counting(self: SQLiteStore, sql: str, params: Any = ()) -> list[dict[str, Any]]:
            calls.append(sql)
            return original(self, sql, params)

        with monkeypatch.context() as patch:
            patch.setattr(SQLiteStore, "query", counting)
            ws = Workspace.load()
            now = ws.now()
            reports.day_report(ws.store, ws.config, ws.tz, date(2026, 11, 29), None, now)
            ws.close()
        return len(calls)

    few = count()
    for n in range(10):
        opened(day_set, f"Sự việc {n}", "-u", "phuc-khoa", "--occurred", "12:00")
    assert count() == few <= 6


# -- formats ---------------------------------------------------------------------------------


def test_json_structure(day_set: Run) -> None:
    data = day(day_set)
    assert set(data) == {
        "date",
        "zone",
        "start",
        "end",
        "as_at",
        "generated_at",
        "unit",
        "rows",
        "summary",
    }
    assert data["date"] == "2026-11-29"
    assert data["zone"] == "Asia/Ho_Chi_Minh"
    assert (data["start"], data["end"]) == (
        "2026-11-29T00:00:00+07:00",
        "2026-11-30T00:00:00+07:00",
    )
    assert data["as_at"] == data["generated_at"] == "2026-11-29T14:00:00+07:00"
    first = data["rows"][0]
    assert set(first) == {
        "id",
        "lead_unit",
        "title",
        "occurred_at",
        "deadline",
        "initial_information_at",
        "minutes_to_information",
        "state",
        "spokesperson",
        "statements_issued",
        "conflicts_found",
        "closed_at",
    }
    assert [row["id"] for row in data["rows"]] == [  # by the time they occurred
        "2026-0002",
        "2026-0001",
        "2026-0003",
        "2026-0005",
        "2026-0004",
    ]
    past = day(day_set, "--date", "29/11/2026", now="2026-11-30T08:00:00+07:00")
    assert past["as_at"] == "2026-11-30T00:00:00+07:00"  # the end of the day


def test_csv_is_machine_friendly_and_safe(tan_uyen: Run) -> None:
    opened(
        tan_uyen, '=HYPERLINK("http://x.example","Bấm")', "-u", "phuc-khoa", "--occurred", "13:10"
    )
    result = tan_uyen("report day --format csv")
    assert result.exit_code == 0, result
    assert result.stdout.endswith(",0\n")  # (the test runner shows CR LF as LF)
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert list(rows[0]) == [
        "id",
        "lead_unit",
        "title",
        "occurred_at",
        "deadline",
        "initial_information_at",
        "minutes_to_information",
        "state",
        "spokesperson",
        "statements_issued",
        "conflicts_found",
    ]
    row = rows[0]
    assert row["title"] == '\'=HYPERLINK("http://x.example","Bấm")'  # read as text
    assert row["occurred_at"] == "2026-11-29T13:10:00+07:00"
    assert row["deadline"] == "2026-11-29T15:10:00+07:00"
    assert (row["state"], row["spokesperson"], row["statements_issued"]) == (
        "pending",
        "Lù Thị Mai",
        "0",
    )


def test_markdown_table_and_summary(day_set: Run) -> None:
    assert day_set("incident edit 2026-0004 --title 'Đá lăn | đường *liên xã*'").exit_code == 0
    result = day_set("report day --format md")
    assert result.exit_code == 0, result
    text = result.stdout
    assert text.startswith("# End-of-day status, 29 November 2026\n")
    assert "| ID | Unit | Incident |" in text
    assert "Đá lăn \\| đường \\*liên xã\\*" in text  # one cell, no emphasis
    assert day_set("incident edit 2026-0003 --title 'Lũ_quét bản_Nà_Ít'").exit_code == 0
    assert "Lũ\\_quét bản\\_Nà\\_Ít" in day_set("report day -f md").stdout  # no emphasis
    assert day_set("incident edit 2026-0003 --title 'Lũ_quét tại bản_Nà_Ít'").exit_code == 0
    assert "Lũ\\_quét tại bản\\_Nà\\_Ít" in day_set("report day -f md").stdout  # no emphasis
    assert "- On-time rate: **33.3%**" in text
    lines = [line for line in text.splitlines() if line.startswith("| 2026-")]
    assert len(lines) == 5 and all(line.count(" | ") == 10 for line in lines)


def test_html_is_one_self_contained_page(day_set: Run) -> None:
    assert day_set("""incident edit 2026-0004 --title '<b>&"x"'""").exit_code == 0
    result = day_set("report day --format html")
    assert result.exit_code == 0, result
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in page and '<meta charset="utf-8">' in page
    for external in ("http://", "https://", "src=", "<link", "<script", "@import", "url("):
        assert external not in page, external
    assert page.count("<svg") == 1 and "</svg>" in page
    assert "&lt;b&gt;&amp;&quot;x&quot;" in page
    assert '<b>&"x"' not in page
    assert "now 14:00" in page  # the line at now, today
    assert "<table>" in page and "On-time rate" in page
    for state in ("OVERDUE", "at risk", "pending", "late", "met"):
        assert f">{state}</span>" in page  # in the legend and the badges
    past = day_set("report day --date 29/11/2026 --format html", now="2026-11-30T09:00:00+07:00")
    assert "now 09:00" not in past.stdout and "now " not in past.stdout


def test_html_in_vietnamese(day_set: Run) -> None:
    page = day_set("--lang vi report day --format html").stdout
    assert '<html lang="vi">' in page
    assert "Tình hình sự việc ngày 29 tháng 11 năm 2026" in page
    assert "Diễn biến trong ngày" in page and "bây giờ 14:00" in page
    assert ">QUÁ HẠN</span>" in page and "Tỷ lệ đúng hạn" in page


def test_table_has_a_text_timeline(day_set: Run) -> None:
    text = day_set("report day").stdout
    lines = {line.split()[0]: line for line in text.splitlines() if line.startswith("2026-")}
    timeline = [line for line in text.splitlines() if line.startswith("2026-0001 ")][-1]
    # 09:00 is the 18th half hour; informed at 10:00; now (14:00) is the 28th.
    assert timeline[11 : 11 + 18] == "·" * 18
    assert timeline[11 + 18 : 11 + 20] == "━━" and timeline[11 + 20] == "▲"
    assert timeline[11 + 28] == "│"
    overdue = [line for line in text.splitlines() if line.startswith("2026-0003 ")][-1]
    assert overdue[11 + 26 : 11 + 28] == "!!"  # 13:00 to 14:00: past the deadline
    assert len(lines) == 5
    assert "one character per half hour" in text


def test_the_table_fits_a_terminal_of_100_columns(day_set: Run) -> None:
    from spokes.cli import prepare
    from spokes.render.report import day_text

    edited = day_set("incident edit 2026-0004 --title '" + "Sạt lở đất rất dài " * 6 + "'")
    assert edited.exit_code == 0, edited
    ws = prepare("vi")
    report = reports.day_report(ws.store, ws.config, ws.tz, date(2026, 11, 29), None, ws.now())
    ws.close()
    for width in (100, 120):
        text = day_text(report, ws.tz, False, width)
        assert max(len(line) for line in text.splitlines()) <= width
        assert "Sạt lở đất" in text  # titles are cut, not dropped
    assert max(len(line) for line in day_text(report, ws.tz, False, None).splitlines()) > 120
    coloured = day_text(report, ws.tz, True, 100)  # only ever asked for on a terminal
    overdue = [line for line in coloured.splitlines() if "2026-0003" in line]
    assert overdue and all(line.startswith("\x1b[1;31m") for line in overdue)
    assert "\x1b[" not in day_set("report day").stdout  # to a pipe: plain


def test_vietnamese_table(day_set: Run) -> None:
    text = day_set("--lang vi report day").stdout
    assert text.startswith("Tình hình sự việc ngày 29 tháng 11 năm 2026\n")
    assert "Múi giờ Asia/Ho_Chi_Minh; tính đến 14:00 ngày 29/11/2026 (UTC+07:00)" in text
    for header in ("Mã", "Đơn vị", "Sự việc", "Xảy ra", "Hạn chót", "Thông tin lúc", "Phút"):
        assert header in text
    assert "Người phát ngôn" in text and "Thông cáo" in text and "Mâu thuẫn" in text
    assert "QUÁ HẠN" in text and "sắp đến hạn" in text
    assert "Tỷ lệ đúng hạn 33,3%" in text  # a decimal comma
    assert "⚠ CHƯA CÓ NGƯỜI PHÁT NGÔN" in text


def test_an_empty_day(tan_uyen: Run) -> None:
    assert "No incident was open or due that day." in tan_uyen("report day").stdout
    assert day(tan_uyen)["rows"] == []
    page = tan_uyen("report day --format html").stdout
    assert "<svg" in page and "No incident was open or due that day." in page


def test_output_to_a_file(day_set: Run, tmp_path: Path) -> None:
    for fmt in ("table", "md", "csv", "json", "html"):
        target = tmp_path / f"report.{fmt}"
        written = day_set(f"report day --format {fmt} -o {target}")
        assert written.exit_code == 0, written
        assert written.stdout == f"Written: {target}\n"
        shown = day_set(f"report day --format {fmt}").stdout  # the runner shows CR LF as LF
        assert target.read_bytes().replace(b"\r\n", b"\n") == shown.encode("utf-8"), fmt
    assert (tmp_path / "report.csv").read_bytes().endswith(b",0\r\n")  # RFC 4180 line ends
    assert b"\r" not in (tmp_path / "report.md").read_bytes()
    assert "\x1b[" not in (tmp_path / "report.table").read_text(encoding="utf-8")


# -- the period report -----------------------------------------------------------------------


def test_period_per_unit_with_the_late_ones(day_set: Run) -> None:
    opened(day_set, "Cũ", "-u", "phuc-khoa", "--occurred", "31/10/2026 23:59")  # outside
    data = day_set("report period --from 01/11/2026 --to 29/11/2026 --format json").json()
    assert (data["from"], data["to"]) == ("2026-11-01", "2026-11-29")
    assert data["start"] == "2026-11-01T00:00:00+07:00"
    units = {line["unit"]: line for line in data["units"]}
    assert list(units) == ["ho-mit", "phuc-khoa"]
    phuc = units["phuc-khoa"]
    assert (phuc["incidents"], phuc["on_time"], phuc["late"], phuc["overdue"]) == (4, 1, 1, 1)
    assert phuc["on_time_rate"] == 0.3333
    assert (phuc["median_minutes_to_information"], phuc["worst_minutes_to_information"]) == (
        105.0,
        150,
    )
    late = {item["id"]: item for item in phuc["late_incidents"]}
    assert late["2026-0002"]["minutes_late"] == 30  # due 10:00, informed 10:30
    assert late["2026-0003"]["state"] == "overdue"
    assert late["2026-0003"]["minutes_late"] == 60  # due 13:00, still nothing at 14:00
    total = data["total"]
    assert (total["unit"], total["incidents"], total["not_yet_due"]) == (None, 5, 2)
    text = day_set("report period --from 01/11/2026").stdout
    assert "Total" in text and "Late or still overdue:" in text
    assert "2026-0002" in text and "30 min" in text and "1 h 00 min" in text


def test_period_reads_the_clock_now_so_late_information_counts(tan_uyen: Run) -> None:
    incident = opened(
        tan_uyen, "Cháy", "-u", "phuc-khoa", "--occurred", "23:30", now="2026-11-28T23:35:00+07:00"
    )
    assert tan_uyen(f"incident inform {incident} --at 00:30").exit_code == 0
    data = tan_uyen("report period --from 28/11/2026 --to 28/11/2026 --format json").json()
    assert data["total"]["on_time"] == 1  # informed the next day, within 2 hours


def test_period_formats(day_set: Run) -> None:
    md = day_set("--lang vi report period --from 01/11/2026 --format md").stdout
    assert md.startswith(
        "# Việc thực hiện thời hạn cung cấp thông tin ban đầu, từ ngày 01 tháng 11 năm 2026"
        " đến ngày 29 tháng 11 năm 2026\n"
    )
    assert "| Tổng cộng |" in md and "## Trễ hạn hoặc vẫn quá hạn" in md
    rows = list(csv.reader(io.StringIO(day_set("report period --from 01/11/2026 -f csv").stdout)))
    assert rows[0][:3] == ["unit", "name", "incidents"]
    assert rows[-1][:3] == ["", "", "5"] and rows[-1][-1] == "2026-0002 2026-0003"
    page = day_set("report period --from 01/11/2026 --format html").stdout
    assert page.startswith("<!DOCTYPE html>") and 'class="total"' in page
    assert "http" not in page and "2026-0003" in page


def test_period_may_end_in_the_future_but_not_start_there(day_set: Run, refused) -> None:
    data = day_set("report period --from 01/11/2026 --to 30/11/2026 --format json").json()
    assert data["to"] == "2026-11-30" and data["total"]["incidents"] == 5
    refused("report period --from 01/12/2026 --to 31/12/2026", expected="a day still to come")


def test_an_empty_period(tan_uyen: Run) -> None:
    assert (
        "No incident occurred in the period." in tan_uyen("report period --from 01/11/2026").stdout
    )


# -- refusals --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("report day --date 32/11/2026", "cannot read the date '32/11/2026'"),
        ("report day --date hôm-kia", "cannot read the date 'hôm-kia'"),
        ("report day --date 2026-11-29T10:00", "cannot read the date"),
        ("report day --date 30/11/2026", "'30/11/2026' is 30/11/2026, a day still to come"),
        ("report day --date 2027-01-01", "a day still to come"),
        ("report day --format pdf", "unknown format 'pdf': use table, md, csv, json, html"),
        ("report period --from 29/11/2026 --to 01/11/2026", "--from 29/11/2026 is after --to"),
        ("report period --from bogus", "cannot read the date 'bogus'"),
        ("report period --from 01/11/2026 -f xml", "unknown format 'xml'"),
    ],
)
def test_bad_input_is_refused(day_set: Run, refused, args: str, expected: str) -> None:
    result = refused(args, expected=expected)
    assert result.stderr.count("\n") == 1 and result.stdout == ""


def test_bad_input_is_refused_in_vietnamese(day_set: Run, refused) -> None:
    refused(
        "--lang vi report day --date 30/11/2026",
        expected="Lỗi: '30/11/2026' là ngày 30/11/2026, chưa đến: chưa có gì để báo cáo",
    )


@pytest.fixture
def missing(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "no-such-folder" / "report.html"
    assert not (tmp_path / "no-such-folder").exists()  # nothing was created on the way


def test_writing_into_a_missing_folder_is_refused(day_set: Run, refused, missing: Path) -> None:
    refused(
        f"report day --format html -o {missing}",
        expected=f"cannot write '{missing}': the folder '{missing.parent}' does not exist",
    )
    refused(f"report period --from 01/11/2026 -o {missing}", expected="does not exist")


def test_writing_onto_a_folder_is_refused(day_set: Run, refused, tmp_path: Path) -> None:
    refused(f"report day -o {tmp_path}", expected="it is a folder")


def test_nothing_is_written_when_the_date_is_bad(day_set: Run, refused, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    refused(f"report day --date 31/02/2026 -o {target}", expected="cannot read the date")
    assert not target.exists()


# -- the README ------------------------------------------------------------------------------


def test_the_readme_samples_are_what_the_commands_print(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The README's examples run in order up to the report's sections; each sample is what
    its command prints at that point of the session."""
    from tests import test_docs

    # As in test_docs: a folder of their own (examples write files) that sees examples/.
    folder = tmp_path / "readme"
    folder.mkdir()
    (folder / "examples").symlink_to(test_docs.ROOT / "examples")
    monkeypatch.chdir(folder)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where `spokes demo` builds
    wanted = {
        "spokes report day": "`spokes report day`",
        "spokes report period --from 01/11/2026 --to 30/11/2026": "`spokes report period`",
    }
    printed: dict[str, str] = {}
    for line, args, expected in test_docs.examples():
        result = run(*args)
        assert result.exit_code == expected, (line, result)
        if line in wanted:
            printed[line] = result.stdout
        if len(printed) == len(wanted):
            break
    assert set(printed) == set(wanted)
    for line, title in wanted.items():
        samples = test_docs.code_blocks(test_docs.subsection(title), "text")
        assert len(samples) == 1, title
        assert printed[line].rstrip("\n") == samples[0].rstrip("\n")
