"""The annual report on speaking to the press (Decree 244/2026 Art. 10): the window from
15 December of Y-1 to 14 December of Y in the workspace's zone, the six figures per unit and in
total, the records behind each one, every format (table, JSON, CSV, docx), section II and the
record of sending.

Every figure below is worked out by hand from the records the test makes.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

from tests.conftest import Run

TNR = "Times New Roman"
FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
FIGURES = ("conferences", "briefings", "replies", "spoken", "on_time", "responses")
FRACTIONS = {"replies", "spoken", "on_time", "responses"}  # the figures written "a/b"
SPEAKER = "Lù Thị Mai"


# -- helpers ---------------------------------------------------------------------------------


def annual(run: Run, *args: str, now: str | None = None) -> dict[str, Any]:
    result = run("report", "annual", "--format", "json", *args, now=now)
    assert result.exit_code == 0, result
    data: dict[str, Any] = result.json()
    return data


def by_unit(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The figures of each unit, without its code and name."""
    return {
        line["unit"]: {key: value for key, value in line.items() if key not in ("unit", "name")}
        for line in data["units"]
    }


def zeros() -> dict[str, Any]:
    return figures()


def figures(
    conferences: int = 0,
    briefings: int = 0,
    replies: tuple[int, int] = (0, 0),
    refused: int = 0,
    spoken: tuple[int, int] = (0, 0),
    on_time: tuple[int, int] = (0, 0),
    not_yet_due: int = 0,
    responses: tuple[int, int] = (0, 0),
) -> dict[str, Any]:
    """A unit's (or the total's) figures as the JSON writes them."""
    return {
        "conferences": {"count": conferences},
        "briefings": {"count": briefings},
        "replies": {"count": replies[0], "of": replies[1], "refused": refused},
        "spoken": {"count": spoken[0], "of": spoken[1]},
        "on_time": {"count": on_time[0], "of": on_time[1], "not_yet_due": not_yet_due},
        "responses": {"count": responses[0], "of": responses[1]},
    }


def opened(
    run: Run,
    title: str,
    unit: str,
    occurred: str,
    *args: str,
    now: str | None = None,
) -> str:
    result = run(
        "incident", "open", title, "-u", unit, "--occurred", occurred, "--json", *args, now=now
    )
    assert result.exit_code == 0, result
    incident_id: str = result.json()["id"]
    return incident_id


def ok(run: Run, *args: str, now: str | None = None) -> Any:
    result = run(*args, now=now)
    assert result.exit_code == 0, result
    return result


def at_conference(run: Run, incident: str, at: str, approved: str) -> int:
    """A statement on ``incident`` approved at ``approved`` (ISO) and issued at ``at`` on the
    press-conference channel by the lead unit's spokesperson."""
    drafted = ok(run, "statement", "draft", incident, "--lang", "vi", "--json", now=approved)
    sid = int(drafted.json()["id"])
    ok(run, "statement", "approve", str(sid), "--by", SPEAKER, now=approved)
    ok(run, "statement", "issue", str(sid), "--at", at, "--channel", "press-conference")
    return sid


def table_row(text: str, first: str) -> list[str]:
    """The cells of the table row that starts with ``first``."""
    found = [line.split() for line in text.splitlines() if line.split()[:1] == [first]]
    assert len(found) == 1, text
    return found[0]


def numbers(text: str) -> list[str]:
    return text.split(" ")


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


# -- a year of records -----------------------------------------------------------------------


@pytest.fixture
def year(tan_uyen: Run) -> Run:
    """Year 2026 (15/12/2025 to 14/12/2026) as known at 29/11/2026 14:00.

    phuc-khoa: conferences recorded 10/03 and 20/11; statements issued at a press conference
    on 20/11 09:00 (the day of a conference: once) and 21/11 09:00 (counts): 3. A briefing: 1.
    Requests 10/01 (replied), 12/02 (refused), 20/11 (waiting): 1/3, 1 refused. Incidents
    2026-0001 and 2026-0002 (informed by those statements, in time), 2026-0003 (occurred
    01/03, received now: not yet due): 2/3 and 2/2. A false report answered in writing: 1/1.

    ho-mit: incident 2026-0004 informed at a press conference (1 conference, on time),
    2026-0005 informed late, 2026-0006 never (overdue): 2/3 and 1/3. Two briefings. A request
    replied: 1/1. Two false reports not answered: 0/2. A conference on 14/12/2025: year 2025.
    """
    run = tan_uyen
    ok(run, 'press conference -u phuc-khoa --at "10/03/2026 09:00" --topic "Quy hoạch"')
    ok(run, 'press conference -u phuc-khoa --at "20/11/2026 15:00"')
    first = opened(
        run,
        "Sạt lở đất",
        "phuc-khoa",
        "20/11/2026 08:00",
        "--received",
        "20/11/2026 08:10",
        now="2026-11-20T08:20:00+07:00",
    )
    at_conference(run, first, "20/11/2026 09:00", "2026-11-20T08:30:00+07:00")
    second = opened(
        run,
        "Lũ quét",
        "phuc-khoa",
        "21/11/2026 08:00",
        "--received",
        "21/11/2026 08:10",
        now="2026-11-21T08:20:00+07:00",
    )
    at_conference(run, second, "21/11/2026 09:00", "2026-11-21T08:30:00+07:00")
    assert opened(run, "Đá lăn", "phuc-khoa", "01/03/2026 08:00") == "2026-0003"
    ok(run, 'press briefing -u phuc-khoa --at "05/04/2026 08:00" --organiser "Ban Tuyên giáo"')
    ok(
        run,
        'press request -u phuc-khoa --from "Báo Lai Châu" --about "Đường" --at "10/01/2026 08:00"',
    )
    ok(run, 'press reply 1 --at "11/01/2026 09:00" --channel phone')
    ok(run, 'press request -u phuc-khoa --from "VTV" --about "Vụ án" --at "12/02/2026 08:00"')
    ok(run, 'press reply 2 --at "13/02/2026 09:00" --refuse under-investigation')
    ok(run, 'press request -u phuc-khoa --from "VnExpress" --about "Lũ" --at "20/11/2026 10:00"')
    ok(
        run,
        'press correction -u phuc-khoa --outlet "Trang X" --published "06/06/2026 08:00"'
        ' --claim "Sai về số người chết"',
    )
    ok(run, 'press respond 1 --at "08/06/2026 10:00" --document "15/UBND-VP"')

    opened(
        run,
        "Cháy rừng",
        "ho-mit",
        "22/11/2026 10:00",
        "--received",
        "22/11/2026 10:10",
        now="2026-11-22T10:20:00+07:00",
    )
    ok(run, 'incident inform 2026-0004 --at "22/11/2026 11:00" --channel press-conference')
    opened(run, "Tai nạn", "ho-mit", "01/10/2026 08:00", "--received", "01/10/2026 09:00")
    ok(run, 'incident inform 2026-0005 --at "03/10/2026 08:00" --channel phone')
    opened(run, "Sập cầu", "ho-mit", "10/10/2026 08:00", "--received", "10/10/2026 08:00")
    ok(run, 'press briefing -u ho-mit --at "01/02/2026 08:00"')
    ok(run, 'press briefing -u ho-mit --at "01/08/2026 08:00"')
    ok(run, 'press request -u ho-mit --from "Báo Nhân Dân" --about "Cầu" --at "01/06/2026 08:00"')
    ok(run, 'press reply 4 --at "01/06/2026 10:00" --channel phone')
    ok(
        run,
        'press correction -u ho-mit --outlet "Trang Y" --published "03/03/2026 08:00" --claim "A"',
    )
    ok(
        run,
        'press correction -u ho-mit --outlet "Trang Z" --published "04/04/2026 08:00" --claim "B"',
    )
    ok(run, 'press conference -u ho-mit --at "14/12/2025 10:00"')  # the year before
    return run


PHUC_KHOA = figures(3, 1, (1, 3), 1, (2, 3), (2, 2), 1, (1, 1))
HO_MIT = figures(1, 2, (1, 1), 0, (2, 3), (1, 3), 0, (0, 2))
TOTAL = figures(4, 3, (2, 4), 1, (4, 6), (3, 5), 1, (1, 3))


def test_the_six_figures_of_each_unit_and_the_total(year: Run) -> None:
    data = annual(year, "--year", "2026")
    assert (data["year"], data["from"], data["to"]) == (2026, "2025-12-15", "2026-12-14")
    assert data["zone"] == "Asia/Ho_Chi_Minh"
    assert data["made_at"] == "2026-11-29T14:00:00+07:00"
    assert data["unit"] is None
    assert by_unit(data) == {"phuc-khoa": PHUC_KHOA, "ho-mit": HO_MIT}
    assert data["total"] == TOTAL
    names = {line["unit"]: line["name"] for line in data["units"]}
    assert names == {"phuc-khoa": "UBND xã Phúc Khoa", "ho-mit": "UBND xã Hố Mít"}


def test_the_table_writes_each_figure_as_the_form_does(year: Run) -> None:
    result = year("report annual --year 2026")
    assert result.exit_code == 0, result
    text = result.stdout
    assert "Speaking and providing information to the press in 2026" in text
    assert "From 15/12/2025 to 14/12/2026, as known at 29 Nov 2026 14:00" in text
    assert table_row(text, "phuc-khoa") == ["phuc-khoa", "3", "1", "1/3", "2/3", "2/2", "1/1"]
    assert table_row(text, "ho-mit") == ["ho-mit", "1", "2", "1/1", "2/3", "1/3", "0/2"]
    assert table_row(text, "Total") == ["Total", "4", "3", "2/4", "4/6", "3/5", "1/3"]
    assert "1 refused with the reason given" in text
    assert "1 incident(s) under a deadline not yet come are left out of item 5" in text


def test_the_year_before_holds_only_its_own_records(year: Run) -> None:
    data = annual(year, "--year", "2025")
    assert (data["from"], data["to"]) == ("2024-12-15", "2025-12-14")
    assert by_unit(data) == {"ho-mit": figures(conferences=1)}
    assert data["total"] == figures(conferences=1)


def test_the_year_defaults_to_this_calendar_year(year: Run) -> None:
    assert annual(year)["year"] == 2026
    assert annual(year)["total"] == TOTAL
    january = annual(year, now="2027-01-05T09:00:00+07:00")
    assert (january["year"], january["from"], january["to"]) == (2027, "2026-12-15", "2027-12-14")
    assert january["total"] == zeros()


# -- the window ------------------------------------------------------------------------------


def _record(run: Run, kind: str, at: str) -> None:
    """One record of ``kind`` whose own moment is ``at``."""
    if kind == "conference":
        ok(run, "press", "conference", "-u", "phuc-khoa", "--at", at)
    elif kind == "briefing":
        ok(run, "press", "briefing", "-u", "phuc-khoa", "--at", at)
    elif kind == "request":
        ok(run, "press", "request", "-u", "phuc-khoa", "--from", "Báo", "--about", "X", "--at", at)
    elif kind == "incident":
        opened(run, "Sạt lở", "phuc-khoa", at)
    elif kind == "informed at a conference":
        incident = opened(
            run, "Lũ", "phuc-khoa", "14/12/2025 20:00", "--received", "14/12/2025 20:00"
        )
        ok(run, "incident", "inform", incident, "--at", at, "--channel", "press-conference")
    else:
        assert kind == "correction"
        ok(
            run,
            *("press", "correction", "-u", "phuc-khoa", "--outlet", "Báo"),
            *("--published", at, "--claim", "Sai"),
        )


# What one record of each kind adds to the year it falls in.
ADDS = {
    "conference": figures(conferences=1),
    "briefing": figures(briefings=1),
    "request": figures(replies=(0, 1)),
    "incident": figures(spoken=(0, 1), not_yet_due=1),  # received now: due tomorrow
    "informed at a conference": figures(conferences=1),
    "correction": figures(responses=(0, 1)),
}


@pytest.mark.parametrize("kind", list(ADDS))
@pytest.mark.parametrize(
    ("at", "counted_in"),
    [("14/12/2025 23:59", 2025), ("15/12/2025 00:00", 2026)],
    ids=["last-minute-of-2025", "first-minute-of-2026"],
)
def test_the_year_turns_at_local_midnight_of_15_december(
    tan_uyen: Run, kind: str, at: str, counted_in: int
) -> None:
    _record(tan_uyen, kind, at)
    for report_year in (2025, 2026):
        expected = ADDS[kind] if report_year == counted_in else zeros()
        if kind == "informed at a conference" and report_year == 2025:
            # The incident itself occurred on 14/12/2025 and was informed within 24 hours.
            expected = {**expected, "spoken": {"count": 1, "of": 1}}
            expected["on_time"] = {"count": 1, "of": 1, "not_yet_due": 0}
        data = annual(tan_uyen, "--year", str(report_year))
        assert data["total"] == expected, report_year
        assert by_unit(data) == ({"phuc-khoa": expected} if expected != zeros() else {})


def test_an_outcome_after_the_window_counts_in_the_year_of_the_record(tan_uyen: Run) -> None:
    """Received on 14 December, answered on the 16th: answered in year Y, as known now."""
    late = "2026-12-14T23:30:00+07:00"
    ok(
        tan_uyen,
        'press request -u phuc-khoa --from "Báo" --about "X" --at "14/12/2026 23:00"',
        now=late,
    )
    opened(tan_uyen, "Lũ", "phuc-khoa", "14/12/2026 22:00", now=late)
    # As known on the night of the 14th: neither answered yet.
    before = annual(tan_uyen, "--year", "2026", now=late)["total"]
    assert (before["replies"], before["spoken"]["count"]) == (
        {"count": 0, "of": 1, "refused": 0},
        0,
    )
    after = "2026-12-16T09:00:00+07:00"
    ok(tan_uyen, 'press reply 1 --at "16/12/2026 08:00" --channel phone', now=after)
    ok(tan_uyen, 'incident inform 2026-0001 --at "15/12/2026 09:00" --channel phone', now=after)
    total = annual(tan_uyen, "--year", "2026", now=after)["total"]
    assert total["replies"] == {"count": 1, "of": 1, "refused": 0}
    assert total["spoken"] == {"count": 1, "of": 1}
    assert annual(tan_uyen, "--year", "2027", now=after)["total"] == zeros()


# -- a year without records ------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "docx"])
def test_a_year_without_records_is_a_report_of_zeros(year: Run, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"report.{fmt}"
    result = year("report", "annual", "--year", "2024", "--format", fmt, "-o", str(target))
    assert result.exit_code == 0, result
    assert f"Written: {target}" in result.stdout
    if fmt == "docx":
        lines = texts(docx.Document(str(target)))
        assert "1. Press conferences held: 0." in lines
        assert "2. Times information was given at press briefings: 0." in lines
        assert "3. Replies to the press/requests from the press: 0/0." in lines
        assert "4. Unexpected incidents spoken on/all unexpected incidents: 0/0." in lines
        assert "5. Incidents spoken on in time/incidents under a deadline: 0/0." in lines
        assert any(line.startswith("6. ") and line.endswith(": 0/0.") for line in lines)
        assert "Figures by unit:" not in lines
        return
    text = target.read_text(encoding="utf-8")
    if fmt == "json":
        data = json.loads(text)
        assert (data["year"], data["units"], data["total"]) == (2024, [], zeros())
    elif fmt == "csv":
        rows = csv_rows(text)
        assert rows[0][:2] == ["unit", "name"]
        assert rows[1:] == [["", "Total", *["0"] * 12]]
    else:
        assert table_row(text, "Total") == ["Total", "0", "0", "0/0", "0/0", "0/0", "0/0"]
        assert "phuc-khoa" not in text


def test_a_workspace_without_units_reports_zeros_too(run: Run) -> None:
    result = run("report annual --year 2026")
    assert result.exit_code == 0, result
    assert table_row(result.stdout, "Total") == ["Total", "0", "0", "0/0", "0/0", "0/0", "0/0"]
    assert annual(run, "--year", "2026")["total"] == zeros()


# -- item 1: conferences, once per unit and local day ------------------------------------------


@pytest.fixture
def conferences(tan_uyen: Run) -> Run:
    """phuc-khoa, November 2026:

    10/11 06:30 conference recorded (23:30 UTC the day before); 2026-0001 informed at a press
    conference 10/11 10:00 (the same local day: once). 2026-0002 informed at one 11/11 23:30,
    2026-0003 at 12/11 00:30: the same UTC day, two local days: twice. Statements 1 and 2
    (2026-0004, 2026-0005) issued at a press conference 13/11 09:00 and 15:00: once. A
    conference 14/11 08:00 and statement 3 (2026-0006) that day 16:00: once.
    ho-mit: 2026-0007 informed at a press conference 10/11 10:00 (counts: another unit);
    2026-0008 informed by phone: not a conference.
    """
    run = tan_uyen
    ok(run, 'press conference -u phuc-khoa --at "10/11/2026 06:30"')
    for incident, occurred, informed in (
        ("2026-0001", "10/11/2026 09:00", "10/11/2026 10:00"),
        ("2026-0002", "11/11/2026 23:00", "11/11/2026 23:30"),
        ("2026-0003", "12/11/2026 00:10", "12/11/2026 00:30"),
    ):
        assert opened(run, "Sự việc", "phuc-khoa", occurred) == incident
        ok(run, "incident", "inform", incident, "--at", informed, "--channel", "press-conference")
    for incident, day, at in (
        ("2026-0004", "13", "09:00"),
        ("2026-0005", "13", "15:00"),
        ("2026-0006", "14", "16:00"),
    ):
        early = f"2026-11-{day}T08:00:00+07:00"
        assert opened(run, "Thông cáo", "phuc-khoa", f"{day}/11/2026 07:00", now=early) == incident
        at_conference(run, incident, f"{day}/11/2026 {at}", f"2026-11-{day}T08:30:00+07:00")
    ok(run, 'press conference -u phuc-khoa --at "14/11/2026 08:00"')
    assert opened(run, "Cháy", "ho-mit", "10/11/2026 09:00") == "2026-0007"
    ok(run, 'incident inform 2026-0007 --at "10/11/2026 10:00" --channel press-conference')
    assert opened(run, "Đá lăn", "ho-mit", "15/11/2026 09:00") == "2026-0008"
    ok(run, 'incident inform 2026-0008 --at "15/11/2026 10:00" --channel phone')
    return run


def test_information_at_a_press_conference_counts_once_per_unit_and_local_day(
    conferences: Run,
) -> None:
    data = annual(conferences, "--year", "2026", "--details")
    units = by_unit(data)
    assert units["phuc-khoa"]["conferences"] == {"count": 5}
    assert units["ho-mit"]["conferences"] == {"count": 1}
    assert data["total"]["conferences"] == {"count": 6}
    shown = [
        (item["unit"], item["kind"], item["id"], item["at"][:16], item["state"])
        for item in data["details"]["conferences"]
    ]
    assert shown == [
        ("phuc-khoa", "press-event", "1", "2026-11-10T06:30", "held"),
        ("phuc-khoa", "incident", "2026-0001", "2026-11-10T10:00", "duplicate"),
        ("ho-mit", "incident", "2026-0007", "2026-11-10T10:00", "at_conference"),
        ("phuc-khoa", "incident", "2026-0002", "2026-11-11T23:30", "at_conference"),
        ("phuc-khoa", "incident", "2026-0003", "2026-11-12T00:30", "at_conference"),
        ("phuc-khoa", "statement", "1", "2026-11-13T09:00", "at_conference"),
        ("phuc-khoa", "statement", "2", "2026-11-13T15:00", "duplicate"),
        ("phuc-khoa", "press-event", "2", "2026-11-14T08:00", "held"),
        ("phuc-khoa", "statement", "3", "2026-11-14T16:00", "duplicate"),
    ]
    # (The statements that informed 2026-0004..0006 are not listed again as incidents.)
    duplicates = [i for i in data["details"]["conferences"] if i["state"] == "duplicate"]
    assert all(not i["counted"] and not i["in_total"] for i in duplicates)
    table = conferences("report annual --year 2026 --details").stdout
    assert "the same conference as another record that day: counted once" in table


def test_a_statement_on_another_channel_is_no_conference(tan_uyen: Run) -> None:
    early = "2026-11-13T08:00:00+07:00"
    opened(tan_uyen, "Lũ", "phuc-khoa", "13/11/2026 07:00", now=early)
    drafted = ok(tan_uyen, "statement draft 2026-0001 --lang vi --json", now=early)
    sid = drafted.json()["id"]
    ok(tan_uyen, "statement", "approve", str(sid), "--by", SPEAKER, now=early)
    ok(tan_uyen, "statement", "issue", str(sid), "--at", "13/11/2026 09:00", "--channel", "portal")
    data = annual(tan_uyen, "--year", "2026", "--details")
    assert data["total"]["conferences"] == {"count": 0}
    assert data["details"]["conferences"] == []
    assert data["total"]["spoken"] == {"count": 1, "of": 1}


def test_informed_at_a_conference_still_counts_after_a_later_statement(tan_uyen: Run) -> None:
    early = "2026-11-13T08:00:00+07:00"
    opened(tan_uyen, "Lũ", "phuc-khoa", "13/11/2026 07:00", now=early)
    ok(tan_uyen, 'incident inform 2026-0001 --at "13/11/2026 10:00" --channel press-conference')
    sid = ok(tan_uyen, "statement draft 2026-0001 --lang vi --json", now=early).json()["id"]
    ok(tan_uyen, "statement", "approve", str(sid), "--by", SPEAKER, now=early)
    ok(tan_uyen, "statement", "issue", str(sid), "--at", "13/11/2026 15:00", "--channel", "portal")
    data = annual(tan_uyen, "--year", "2026", "--details")
    assert [(i["kind"], i["id"], i["state"]) for i in data["details"]["conferences"]] == [
        ("incident", "2026-0001", "at_conference")
    ]
    assert data["total"]["conferences"] == {"count": 1}


def test_informed_at_a_conference_counts_whatever_else_was_issued_that_minute(
    tan_uyen: Run,
) -> None:
    early = "2026-11-13T08:00:00+07:00"
    opened(tan_uyen, "Lũ", "phuc-khoa", "13/11/2026 07:00", now=early)
    ok(tan_uyen, 'incident inform 2026-0001 --at "13/11/2026 10:00" --channel press-conference')
    # The press release goes on the portal in the same minute as the conference.
    sid = ok(tan_uyen, "statement draft 2026-0001 --lang vi --json", now=early).json()["id"]
    ok(tan_uyen, "statement", "approve", str(sid), "--by", SPEAKER, now=early)
    ok(tan_uyen, "statement", "issue", str(sid), "--at", "13/11/2026 10:00", "--channel", "portal")
    data = annual(tan_uyen, "--year", "2026", "--details")
    assert [(i["kind"], i["id"]) for i in data["details"]["conferences"]] == [
        ("incident", "2026-0001")
    ]
    assert data["total"]["conferences"] == {"count": 1}


# -- item 5: on time under the 24-hour rules ---------------------------------------------------


@pytest.fixture
def deadlines(tan_uyen: Run) -> Run:
    """ho-mit, as known at 29/11/2026 14:00 (the 2-hour local rule binds every clock first):

    2026-0001 occurred and received 01/10 08:00, informed 01/10 12:00: late under the 2-hour
              rule, met under the 24-hour one.
    2026-0002 received 02/10 08:00, informed 03/10 09:00: late.
    2026-0003 decided 05/10 09:00, received 06/10 08:00, informed 06/10 12:00: met for the
              received rule (07/10 08:00), late for the earliest (decided, 06/10 09:00).
    2026-0004 received 10/10 08:00, never informed: overdue.
    2026-0005 received 29/11 10:00, not informed: due 30/11 10:00, not yet due.
    2026-0006 received 10/11 08:00, closed 10/11 10:00 without information: out.
    2026-0007 received 12/11 08:00, closed 14/11 09:00 without information: overdue.
    """
    run = tan_uyen
    opened(run, "A", "ho-mit", "01/10/2026 08:00", "--received", "01/10/2026 08:00")
    ok(run, 'incident inform 2026-0001 --at "01/10/2026 12:00" --channel phone')
    opened(run, "B", "ho-mit", "02/10/2026 08:00", "--received", "02/10/2026 08:00")
    ok(run, 'incident inform 2026-0002 --at "03/10/2026 09:00" --channel phone')
    opened(
        run,
        "C",
        "ho-mit",
        "05/10/2026 08:00",
        *("--decided", "05/10/2026 09:00", "--received", "06/10/2026 08:00"),
    )
    ok(run, 'incident inform 2026-0003 --at "06/10/2026 12:00" --channel phone')
    opened(run, "D", "ho-mit", "10/10/2026 08:00", "--received", "10/10/2026 08:00")
    opened(run, "E", "ho-mit", "28/11/2026 20:00", "--received", "29/11/2026 10:00")
    opened(
        run,
        "F",
        "ho-mit",
        "10/11/2026 08:00",
        *("--received", "10/11/2026 08:00"),
        now="2026-11-10T09:00:00+07:00",
    )
    ok(run, "incident close 2026-0006", now="2026-11-10T10:00:00+07:00")
    opened(
        run,
        "G",
        "ho-mit",
        "12/11/2026 08:00",
        *("--received", "12/11/2026 08:00"),
        now="2026-11-12T09:00:00+07:00",
    )
    ok(run, "incident close 2026-0007", now="2026-11-14T09:00:00+07:00")
    return run


def states(data: dict[str, Any], figure: str) -> dict[str, str]:
    return {item["id"]: item["state"] for item in data["details"][figure]}


def test_item_5_judges_the_earliest_24_hour_deadline(deadlines: Run) -> None:
    data = annual(deadlines, "--year", "2026", "--details")
    assert states(data, "on_time") == {
        "2026-0001": "met",
        "2026-0002": "late",
        "2026-0003": "late",
        "2026-0004": "overdue",
        "2026-0005": "not_yet_due",
        "2026-0006": "closed",
        "2026-0007": "overdue",
    }
    assert data["total"]["on_time"] == {"count": 1, "of": 5, "not_yet_due": 1}
    assert data["total"]["spoken"] == {"count": 3, "of": 7}
    # The incident's own clock says late: the 2-hour local rule bound it first.
    shown = deadlines("incident show 2026-0001 --json").json()
    assert shown["clock"] == "late"


def test_item_5_is_as_known_when_the_report_is_made(deadlines: Run) -> None:
    # On 1 December the deadline of 2026-0005 has passed without information.
    data = annual(deadlines, "--year", "2026", "--details", now="2026-12-01T09:00:00+07:00")
    assert states(data, "on_time")["2026-0005"] == "overdue"
    assert data["total"]["on_time"] == {"count": 1, "of": 6, "not_yet_due": 0}


def test_information_after_the_report_moment_is_not_known_to_it(tan_uyen: Run) -> None:
    """A report made (by the clock) before the information was given does not count it."""
    night = "2026-12-14T21:00:00+07:00"
    opened(
        tan_uyen, "Lũ", "phuc-khoa", "14/12/2026 20:00", "--received", "14/12/2026 20:00", now=night
    )
    later = "2026-12-16T10:00:00+07:00"
    ok(tan_uyen, 'incident inform 2026-0001 --at "16/12/2026 09:00" --channel phone', now=later)
    before = annual(tan_uyen, "--year", "2026", "--details", now="2026-12-15T12:00:00+07:00")
    assert before["total"]["spoken"] == {"count": 0, "of": 1}
    assert before["total"]["on_time"] == {"count": 0, "of": 0, "not_yet_due": 1}
    after = annual(tan_uyen, "--year", "2026", "--details", now=later)
    assert after["total"]["spoken"] == {"count": 1, "of": 1}
    assert after["total"]["on_time"] == {"count": 0, "of": 1, "not_yet_due": 0}
    assert states(after, "on_time") == {"2026-0001": "late"}


def test_informed_before_the_deadline_not_yet_come_counts_as_met(deadlines: Run) -> None:
    ok(deadlines, 'incident inform 2026-0005 --at "29/11/2026 13:00" --channel phone')
    data = annual(deadlines, "--year", "2026", "--details")
    assert states(data, "on_time")["2026-0005"] == "met"
    assert data["total"]["on_time"] == {"count": 2, "of": 6, "not_yet_due": 0}


def test_only_rules_marked_for_the_annual_report_count_in_item_5(
    tan_uyen: Run, workspace: Path
) -> None:
    (workspace / "config.toml").write_text(
        "[[rules]]\n"
        'name = "local-6h"\nfrom = "occurred"\nwithin = "6h"\nannual_report = true\n\n'
        "[[rules]]\n"
        'name = "decree-244-24h"\nfrom = "received"\nwithin = "24h"\n\n'
        "[[rules]]\n"
        'name = "fire-1h"\nfrom = "occurred"\nwithin = "1h"\ncategories = ["fire"]\n'
        "annual_report = true\n",
        encoding="utf-8",
    )
    run = tan_uyen
    opened(run, "A", "ho-mit", "01/10/2026 08:00", "--received", "01/10/2026 08:00")
    ok(run, 'incident inform 2026-0001 --at "01/10/2026 13:00" --channel phone')  # 6h: met
    opened(run, "B", "ho-mit", "02/10/2026 08:00", "--received", "02/10/2026 08:00")
    ok(run, 'incident inform 2026-0002 --at "02/10/2026 20:00" --channel phone')  # 6h: late
    opened(run, "C", "ho-mit", "03/10/2026 08:00", "--category", "fire")
    ok(run, 'incident inform 2026-0003 --at "03/10/2026 10:00" --channel phone')  # 1h: late
    data = annual(run, "--year", "2026", "--details")
    assert states(data, "on_time") == {
        "2026-0001": "met",
        "2026-0002": "late",
        "2026-0003": "late",
    }
    assert data["total"]["on_time"] == {"count": 1, "of": 3, "not_yet_due": 0}


def test_an_incident_no_annual_rule_applies_to_is_out_of_item_5(
    tan_uyen: Run, workspace: Path
) -> None:
    (workspace / "config.toml").write_text(
        '[[rules]]\nname = "local-2h"\nfrom = "occurred"\nwithin = "2h"\n', encoding="utf-8"
    )
    opened(tan_uyen, "A", "ho-mit", "01/10/2026 08:00", "--received", "01/10/2026 08:00")
    ok(tan_uyen, 'incident inform 2026-0001 --at "01/10/2026 09:00" --channel phone')
    data = annual(tan_uyen, "--year", "2026", "--details")
    assert data["details"]["on_time"] == []
    assert data["total"]["on_time"] == {"count": 0, "of": 0, "not_yet_due": 0}
    assert data["total"]["spoken"] == {"count": 1, "of": 1}


# -- the records behind the figures ------------------------------------------------------------


def test_details_list_every_record_behind_every_figure(year: Run) -> None:
    data = annual(year, "--year", "2026", "--details")
    details = data["details"]
    assert set(details) == set(FIGURES)
    for figure in FIGURES:
        items = details[figure]
        counted = [item for item in items if item["counted"]]
        in_total = [item for item in items if item["in_total"]]
        assert len(counted) == data["total"][figure]["count"], figure
        if figure in FRACTIONS:
            assert len(in_total) == data["total"][figure]["of"], figure
        for unit, shown in by_unit(data).items():
            mine = [item for item in items if item["unit"] == unit]
            assert sum(item["counted"] for item in mine) == shown[figure]["count"], (unit, figure)
            if figure in FRACTIONS:
                assert sum(item["in_total"] for item in mine) == shown[figure]["of"]
        assert all(set(item) >= {"unit", "kind", "id", "at", "text", "state"} for item in items)
    assert states(data, "replies") == {
        "1": "replied",
        "2": "refused",
        "3": "waiting",
        "4": "replied",
    }
    refused_item = next(item for item in details["replies"] if item["id"] == "2")
    assert refused_item["note"] == "under-investigation"
    assert (refused_item["counted"], refused_item["in_total"]) == (False, True)
    assert states(data, "responses") == {
        "1": "responded",
        "2": "not_responded",
        "3": "not_responded",
    }
    answered = next(item for item in details["responses"] if item["id"] == "1")
    assert answered["note"] == "15/UBND-VP"
    assert states(data, "briefings") == {"3": "held", "4": "held", "5": "held"}
    # Without --details, no list.
    assert "details" not in annual(year, "--year", "2026")


def test_the_table_with_details_marks_each_record(year: Run) -> None:
    """✓ counted, ✗ in the total only, · outside the total."""
    text = year("report annual --year 2026 --details").stdout
    marks = {
        line.strip().split("  ")[0]
        for line in text.splitlines()
        if line.startswith("  ") and line.strip()[:1] in ("✓", "✗", "·")
    }
    assert "✓ request #1" in marks
    assert "✗ request #2" in marks and "✗ request #3" in marks and "✓ request #4" in marks
    assert "· incident 2026-0003" in marks  # not yet due: outside item 5's total
    assert "· statement 1" in marks  # the day of a recorded conference
    assert "✓ statement 2" in marks
    assert "✗ false report #2" in marks and "✓ false report #1" in marks
    assert "[refused with reason] — a case under investigation or not yet tried" in text


def test_csv_has_a_row_per_unit_and_the_total(year: Run) -> None:
    result = year("report annual --year 2026 --format csv")
    assert result.exit_code == 0, result
    rows = csv_rows(result.stdout)
    assert rows[0] == [
        *("unit", "name", "conferences", "briefings", "replies", "requests", "refused"),
        *("spoken", "incidents", "on_time", "under_deadline", "not_yet_due", "responses"),
        "false_reports",
    ]
    body = {row[0]: row[1:] for row in rows[1:]}
    assert len(rows) == 4
    assert body == {
        "phuc-khoa": ["UBND xã Phúc Khoa", *numbers("3 1 1 3 1 2 3 2 2 1 1 1")],
        "ho-mit": ["UBND xã Hố Mít", *numbers("1 2 1 1 0 2 3 1 3 0 0 2")],
        "": ["Total", *numbers("4 3 2 4 1 4 6 3 5 1 1 3")],
    }


def test_csv_details_has_a_row_per_record(year: Run) -> None:
    data = annual(year, "--year", "2026", "--details")
    result = year("report annual --year 2026 --format csv --details")
    assert result.exit_code == 0, result
    rows = csv_rows(result.stdout)
    assert rows[0] == ["figure", "unit", "kind", "id", "at", "state", "counted", "text", "note"]
    expected = [
        [
            *(figure, item["unit"], item["kind"], item["id"], item["at"], item["state"]),
            *("1" if item["counted"] else "0", item["text"], item["note"] or ""),
        ]
        for figure in FIGURES
        for item in data["details"][figure]
    ]
    assert rows[1:] == expected
    assert len(rows) - 1 == sum(len(items) for items in data["details"].values())


def test_the_format_follows_the_file_name(year: Run, tmp_path: Path) -> None:
    target = tmp_path / "nam-2026.csv"
    result = year("report", "annual", "--year", "2026", "-o", str(target))
    assert result.exit_code == 0, result
    assert csv_rows(target.read_text(encoding="utf-8"))[0][:2] == ["unit", "name"]
    target = tmp_path / "nam-2026.json"
    assert year("report", "annual", "--year", "2026", "-o", str(target)).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["total"] == TOTAL


# -- one unit, and what is refused -------------------------------------------------------------


def test_one_unit_only(year: Run) -> None:
    data = annual(year, "--year", "2026", "--unit", "phuc-khoa", "--details")
    assert data["unit"] == "phuc-khoa"
    assert by_unit(data) == {"phuc-khoa": PHUC_KHOA}
    assert data["total"] == PHUC_KHOA
    for figure in FIGURES:
        assert {item["unit"] for item in data["details"][figure]} <= {"phuc-khoa"}
    text = year("report annual --year 2026 -u phuc-khoa").stdout
    assert "unit phuc-khoa only" in text
    assert "ho-mit" not in text


def test_a_unit_without_records_gives_a_row_of_zeros(year: Run) -> None:
    data = annual(year, "--year", "2026", "--unit", "cong-an")
    assert by_unit(data) == {"cong-an": zeros()}
    assert data["total"] == zeros()
    text = year("report annual --year 2026 --unit cong-an").stdout
    assert table_row(text, "cong-an") == ["cong-an", "0", "0", "0/0", "0/0", "0/0", "0/0"]
    rows = csv_rows(year("report annual --year 2026 --unit cong-an -f csv").stdout)
    assert [row[0] for row in rows[1:]] == ["cong-an", ""]


def test_an_unknown_unit_is_refused(year: Run, refused: Any, tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    refused("report", "annual", "--unit", "nope", "-o", str(target), expected="unknown unit 'nope'")
    assert not target.exists()


@pytest.mark.parametrize("bad", ["1800", "1989", "9999"])
def test_a_year_out_of_range_is_refused(year: Run, refused: Any, tmp_path: Path, bad: str) -> None:
    target = tmp_path / "a.json"
    refused("report", "annual", "--year", bad, "-o", str(target), expected=f"No report year {bad}")
    assert not target.exists()


def test_a_bad_format_is_refused_and_nothing_is_written(
    year: Run, refused: Any, tmp_path: Path
) -> None:
    target = tmp_path / "a.json"
    refused(
        "report",
        "annual",
        "--year",
        "2026",
        *("--format", "pdf", "-o", str(target)),
        expected="unknown format 'pdf': use table, docx, csv, json",
    )
    assert not target.exists()
    refused(
        "report",
        "annual",
        *("--year", "2026", "-o", str(tmp_path / "a.pdf")),
        expected="'.pdf' is none of table, docx, csv, json",
    )
    assert not (tmp_path / "a.pdf").exists()
    # html and md are formats of other reports, not of this one.
    refused("report annual --year 2026 --format html", expected="unknown format 'html'")
    result = year("report annual --year 2026 --format")
    assert result.exit_code == 2


# -- the document ------------------------------------------------------------------------------


def cell_paragraphs(tables: list[Any]) -> list[Any]:
    found = []
    for table in tables:
        for row in table.rows:
            for cell in row.cells:
                found += [*cell.paragraphs, *cell_paragraphs(cell.tables)]
    return found


def every_paragraph(word: Any) -> list[Any]:
    """Body, tables (nested too), headers and footers."""
    found = [*word.paragraphs, *cell_paragraphs(word.tables)]
    for section in word.sections:
        for part in (section.header, section.first_page_header, section.even_page_header):
            found += [*part.paragraphs, *cell_paragraphs(part.tables)]
        for part in (section.footer, section.first_page_footer, section.even_page_footer):
            found += part.paragraphs
    return found


def texts(word: Any) -> list[str]:
    return [paragraph.text for paragraph in every_paragraph(word)]


def run_fonts(run: Any) -> dict[str, str | None]:
    fonts = run._r.rPr.rFonts if run._r.rPr is not None else None
    return {slot: fonts.get(qn(f"w:{slot}")) if fonts is not None else None for slot in FONT_SLOTS}


def assert_times_everywhere(word: Any) -> None:
    runs = [run for paragraph in every_paragraph(word) for run in paragraph.runs]
    assert len(runs) > 10  # the walk found the text
    wrong = [(run.text, run_fonts(run)) for run in runs if set(run_fonts(run).values()) != {TNR}]
    assert wrong == []
    styles = word.styles.element
    all_fonts = list(styles.iter(qn("w:rFonts")))
    assert all_fonts
    for fonts in all_fonts:
        assert {fonts.get(qn(f"w:{slot}")) for slot in FONT_SLOTS} == {TNR}
    assert word.styles["Normal"].font.name == TNR


def grids(word: Any) -> list[list[list[str]]]:
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in word.tables]


def written_docx(run: Run, path: Path, *args: str) -> Any:
    result = run(*args, "-o", str(path))
    assert result.exit_code == 0, result
    assert path.exists()
    return docx.Document(str(path))


NOTES = (
    "report",
    "annual",
    "notes",
    *("--year", "2026", "--difficulties", "Thiếu cán bộ.\nThiếu kinh phí."),
    *("--proposals", "Tổ chức tập huấn kỹ năng phát ngôn."),
)


def test_the_vietnamese_document_is_the_decree_form(year: Run, tmp_path: Path) -> None:
    ok(year, *NOTES)
    path = tmp_path / "bao-cao-2026.docx"
    word = written_docx(year, path, "--lang", "vi", "report", "annual", "--year", "2026")
    lines = texts(word)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines
    assert "Độc lập - Tự do - Hạnh phúc" in lines
    assert "ỦY BAN NHÂN DÂN" in lines and "HUYỆN TÂN UYÊN" in lines
    assert "Số: …/BC-UBND" in lines
    assert any(line.endswith("ngày 29 tháng 11 năm 2026") for line in lines)
    assert "BÁO CÁO VỀ CÔNG TÁC PHÁT NGÔN VÀ CUNG CẤP THÔNG TIN CHO BÁO CHÍ NĂM 2026" in lines
    assert "(Số liệu từ ngày 15/12/2025 đến ngày 14/12/2026, tính đến ngày 29/11/2026)" in lines
    items = [
        "1. Số cuộc họp báo đã tổ chức: 4.",
        "2. Số lần cung cấp thông tin tại giao ban báo chí: 3.",
        "3. Số lần trả lời báo chí/Tổng số yêu cầu của báo chí: 2/4.",
        "4. Số sự kiện, vấn đề bất ngờ, đột xuất đã phát ngôn/Tổng số sự kiện, vấn đề bất ngờ,"
        " đột xuất: 4/6.",
        "5. Số sự kiện, vấn đề đã phát ngôn đúng thời hạn/Tổng số sự kiện, vấn đề phải phát"
        " ngôn theo thời hạn: 3/5.",
        "6. Số văn bản phản hồi yêu cầu cải chính, xin lỗi/Tổng số trường hợp báo chí đăng tải"
        " thông tin sai sự thật: 1/3.",
    ]
    positions = [lines.index(item) for item in items]
    assert positions == sorted(positions)
    assert "Nơi nhận:" in lines
    assert "- Bộ Văn hóa, Thể thao và Du lịch;" in lines
    assert "- Lưu: VT." in lines
    # Section II, after section I, with the saved notes.
    two = lines.index("II. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ")
    assert two > positions[-1]
    assert lines[two + 1 : two + 6] == [
        "1. Khó khăn, vướng mắc:",
        "Thiếu cán bộ.",
        "Thiếu kinh phí.",
        "2. Đề xuất, kiến nghị:",
        "Tổ chức tập huấn kỹ năng phát ngôn.",
    ]
    # A table per unit, two units and the total.
    assert "Số liệu theo từng đơn vị:" in lines
    grid = next(g for g in grids(word) if g[0][:2] == ["STT", "Đơn vị"])
    assert grid[0] == ["STT", "Đơn vị", "(1)", "(2)", "(3)", "(4)", "(5)", "(6)"]
    assert grid[1:] == [
        ["1", "UBND xã Hố Mít", "1", "2", "1/1", "2/3", "1/3", "0/2"],
        ["2", "UBND xã Phúc Khoa", "3", "1", "1/3", "2/3", "2/2", "1/1"],
        ["", "Tổng cộng", "4", "3", "2/4", "4/6", "3/5", "1/3"],
    ]


def test_the_document_is_times_new_roman_on_a4_with_the_decree_margins(
    year: Run, tmp_path: Path
) -> None:
    ok(year, *NOTES)
    for lang in ("vi", "en"):
        path = tmp_path / f"{lang}.docx"
        word = written_docx(year, path, "--lang", lang, "report", "annual", "--year", "2026")
        assert_times_everywhere(word)
        section = word.sections[0]
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
        assert 20 <= round(section.top_margin.mm) <= 25
        assert 20 <= round(section.bottom_margin.mm) <= 25
        assert 30 <= round(section.left_margin.mm) <= 35
        assert 15 <= round(section.right_margin.mm) <= 20


def test_the_english_document_has_the_same_parts(year: Run, tmp_path: Path) -> None:
    ok(year, *NOTES)
    word = written_docx(year, tmp_path / "en.docx", "report", "annual", "--year", "2026")
    lines = texts(word)
    assert "REPORT ON SPEAKING AND PROVIDING INFORMATION TO THE PRESS IN 2026" in lines
    assert "1. Press conferences held: 4." in lines
    assert "3. Replies to the press/requests from the press: 2/4." in lines
    assert "5. Incidents spoken on in time/incidents under a deadline: 3/5." in lines
    assert "- Ministry of Culture, Sports and Tourism;" in lines
    assert "Thiếu kinh phí." in lines
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in lines


def test_one_unit_has_no_table_per_unit_and_signs_as_its_spokesperson(
    year: Run, tmp_path: Path
) -> None:
    ok(year, *NOTES)
    path = tmp_path / "xa.docx"
    word = written_docx(
        year, path, "--lang", "vi", "report", "annual", "--year", "2026", "-u", "phuc-khoa"
    )
    lines = texts(word)
    assert "Số liệu theo từng đơn vị:" not in lines
    assert not [g for g in grids(word) if g[0][:1] == ["STT"]]
    assert "1. Số cuộc họp báo đã tổ chức: 3." in lines
    assert SPEAKER in lines
    assert "CHỦ TỊCH UBND XÃ" in lines


def test_a_document_without_section_two_warns(year: Run, tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    result = year("--lang", "vi", "report", "annual", "--year", "2026", "-o", str(path))
    assert result.exit_code == 0, result
    assert "spokes report annual notes --year 2026" in result.stderr
    lines = texts(docx.Document(str(path)))
    two = lines.index("II. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ")
    assert lines[two + 1 : two + 5] == [
        "1. Khó khăn, vướng mắc:",
        "…",
        "2. Đề xuất, kiến nghị:",
        "…",
    ]
    ok(year, *NOTES)
    again = year("report", "annual", "--year", "2026", "-o", str(path))
    assert again.exit_code == 0, again
    assert "annual notes" not in again.stderr


def test_a_document_is_not_shown_on_a_terminal(
    year: Run, refused: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("spokes.cli.output.stdout_is_terminal", lambda: True)
    refused("report annual --year 2026 --format docx", expected="cannot be shown on a terminal")


def test_a_document_goes_down_a_pipe_as_it_is(year: Run) -> None:
    from typer.testing import CliRunner

    from spokes.cli.app import app

    raw = CliRunner().invoke(app, ["report", "annual", "--year", "2026", "--format", "docx"])
    assert raw.exit_code == 0, raw.stderr
    assert raw.stdout_bytes.startswith(b"PK")
    assert "1. Press conferences held: 4." in texts(docx.Document(io.BytesIO(raw.stdout_bytes)))


# -- section II ------------------------------------------------------------------------------


def test_notes_are_saved_and_shown(year: Run) -> None:
    saved = ok(
        year,
        *("report", "annual", "notes", "--year", "2026", "--json"),
        *("--difficulties", "Thiếu   cán bộ.", "--proposals", "Tập huấn."),
    )
    assert saved.json() == {"year": 2026, "difficulties": "Thiếu cán bộ.", "proposals": "Tập huấn."}
    data = annual(year, "--year", "2026")
    assert (data["difficulties"], data["proposals"]) == ("Thiếu cán bộ.", "Tập huấn.")
    table = year("report annual --year 2026").stdout
    assert "Difficulties: Thiếu cán bộ." in table
    assert "Proposals: Tập huấn." in table
    assert "not written" not in table
    # Another year keeps its own.
    assert annual(year, "--year", "2025")["difficulties"] is None
    # One part given: the other stays as saved.
    result = ok(
        year, "report", "annual", "notes", "--year", "2026", "--proposals", "Thêm kinh phí."
    )
    assert "Section II of 2026 saved." in result.stdout
    data = annual(year, "--year", "2026")
    assert (data["difficulties"], data["proposals"]) == ("Thiếu cán bộ.", "Thêm kinh phí.")


def test_notes_default_to_this_year(year: Run) -> None:
    ok(year, "report", "annual", "notes", "--difficulties", "Ít người.", "--proposals", "Thêm.")
    assert annual(year, "--year", "2026")["difficulties"] == "Ít người."


def test_notes_from_standard_input(year: Run) -> None:
    text = "# Difficulties\nÍt người.\n# Proposals\nThêm người.\n"
    ok_result = year("report annual notes --year 2026 --text-file -", input=text)
    assert ok_result.exit_code == 0, ok_result
    data = annual(year, "--year", "2026")
    assert (data["difficulties"], data["proposals"]) == ("Ít người.", "Thêm người.")


def test_a_year_given_before_the_notes_command_is_not_ignored(year: Run) -> None:
    result = year('report annual --year 2025 notes --difficulties "X" --proposals "Y"')
    assert annual(year, "--year", "2026")["difficulties"] is None
    assert result.exit_code != 0 or annual(year, "--year", "2025")["difficulties"] == "X"


@pytest.mark.parametrize(
    ("first", "second"),
    [("# Difficulties", "# Proposals"), ("# Khó khăn, vướng mắc", "# Đề xuất, kiến nghị")],
    ids=["english-headings", "vietnamese-headings"],
)
def test_notes_from_a_file_with_the_two_headings(
    year: Run, tmp_path: Path, first: str, second: str
) -> None:
    mine = tmp_path / "notes.txt"
    mine.write_text(
        f"{first}\nThiếu cán bộ.\nThiếu kinh phí.\n\n{second}\nTập huấn.\n", encoding="utf-8"
    )
    ok(year, "report", "annual", "notes", "--year", "2026", "--text-file", str(mine))
    data = annual(year, "--year", "2026")
    assert data["difficulties"] == "Thiếu cán bộ.\nThiếu kinh phí."
    assert data["proposals"] == "Tập huấn."


@pytest.mark.parametrize(
    "text",
    [
        "Thiếu cán bộ.\nTập huấn.\n",
        "# Difficulties\nThiếu cán bộ.\n",
        "Lời mở đầu.\n# Difficulties\nA\n# Proposals\nB\n",
    ],
    ids=["no-headings", "one-heading", "text-before-the-headings"],
)
def test_notes_from_a_file_without_the_headings_are_refused(
    year: Run, refused: Any, tmp_path: Path, text: str
) -> None:
    mine = tmp_path / "notes.txt"
    mine.write_text(text, encoding="utf-8")
    refused(
        "report",
        "annual",
        "notes",
        *("--year", "2026", "--text-file", str(mine)),
        expected='Keep the two headings ("# Difficulties", "# Proposals")',
    )


def test_a_file_and_the_options_together_are_an_error(
    year: Run, db_state: Any, tmp_path: Path
) -> None:
    mine = tmp_path / "notes.txt"
    mine.write_text("# Difficulties\nA\n# Proposals\nB\n", encoding="utf-8")
    before = db_state()
    result = year(
        "report",
        "annual",
        "notes",
        *("--year", "2026", "--text-file", str(mine), "--difficulties", "C"),
    )
    assert result.exit_code != 0
    assert "--text-file" in result.stderr
    assert "Traceback" not in result.stderr
    assert db_state() == before


def test_notes_for_a_year_out_of_range_are_refused(year: Run, refused: Any) -> None:
    refused(
        "report annual notes --year 1800 --difficulties A --proposals B",
        expected="No report year 1800",
    )


def editor_script(tmp_path: Path, body: str) -> str:
    script = tmp_path / "editor.py"
    script.write_text(body, encoding="utf-8")
    return f"{sys.executable} {script}"


def test_notes_in_the_editor(year: Run, tmp_path: Path) -> None:
    ok(year, "report", "annual", "notes", "--year", "2026", "--difficulties", "Cũ.")
    # The editor gets the saved text under the two headings; it adds a line under each.
    editor = editor_script(
        tmp_path,
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "text = p.read_text(encoding='utf-8')\n"
        "pathlib.Path(sys.argv[1] + '.seen').write_text(text, encoding='utf-8')\n"
        "text = text.replace('# Proposals\\n', '# Proposals\\nĐề nghị tập huấn.\\n')\n"
        "text = text.replace('Cũ.\\n', 'Cũ.\\nThiếu kinh phí.\\n')\n"
        "p.write_text(text, encoding='utf-8')\n",
    )
    result = year("report annual notes --year 2026", env={"EDITOR": editor})
    assert result.exit_code == 0, result
    data = annual(year, "--year", "2026")
    assert data["difficulties"] == "Cũ.\nThiếu kinh phí."
    assert data["proposals"] == "Đề nghị tập huấn."
    seen = list(tmp_path.rglob("*.seen"))
    assert len(seen) == 1
    assert seen[0].read_text(encoding="utf-8").startswith("# Difficulties\nCũ.\n")


def test_an_editor_that_drops_the_headings_saves_nothing(
    year: Run, refused: Any, tmp_path: Path
) -> None:
    editor = editor_script(
        tmp_path,
        "import sys, pathlib\npathlib.Path(sys.argv[1]).write_text('Chỉ một dòng.\\n')\n",
    )
    refused(
        "report annual notes --year 2026",
        expected="Keep the two headings",
        env={"EDITOR": editor},
    )


def test_without_an_editor_the_notes_are_refused(year: Run, refused: Any) -> None:
    refused("report annual notes --year 2026", expected="no editor", env={"EDITOR": ""})


# -- sent --------------------------------------------------------------------------------------

AFTER = "2026-12-20T09:00:00+07:00"


def test_sending_is_recorded_once(year: Run, refused: Any) -> None:
    result = year('report annual sent --year 2026 --at "18/12/2026 09:00"', now=AFTER)
    assert result.exit_code == 0, result
    assert "The 2026 report is recorded as sent on 18/12/2026." in result.stdout
    data = annual(year, "--year", "2026", now=AFTER)
    assert data["sent_at"] == "2026-12-18T09:00:00+07:00"
    assert data["sent_document"] is None
    assert "Sent on 18/12/2026." in year("report annual --year 2026", now=AFTER).stdout
    refused(
        'report annual sent --year 2026 --at "19/12/2026 09:00"',
        expected="The 2026 report was already recorded as sent",
        now=AFTER,
    )


def test_sending_as_json_with_the_document_number(year: Run) -> None:
    result = year(
        'report annual sent --year 2026 --at "18/12/2026 09:00" --document "99/BC-UBND" --json',
        now=AFTER,
    )
    assert result.exit_code == 0, result
    assert result.json() == {
        "year": 2026,
        "sent_at": "2026-12-18T09:00:00+07:00",
        "document": "99/BC-UBND",
    }
    assert annual(year, "--year", "2026", now=AFTER)["sent_document"] == "99/BC-UBND"


def test_sending_before_the_window_is_refused(year: Run, refused: Any) -> None:
    refused(
        'report annual sent --year 2026 --at "14/12/2025 23:59"',
        expected="The 2026 report covers from 15/12/2025: it cannot have been sent before.",
    )
    # The window's first minute is not before it.
    assert year('report annual sent --year 2026 --at "15/12/2025 00:00"').exit_code == 0


def test_sending_in_the_future_or_for_a_year_out_of_range_is_refused(
    year: Run, refused: Any
) -> None:
    refused(
        'report annual sent --year 2026 --at "18/12/2026 09:00"',
        expected="'18/12/2026 09:00' (09:00 18/12/2026) is in the future",
    )
    refused(
        'report annual sent --year 1800 --at "18/12/2025 09:00"', expected="No report year 1800"
    )


def test_a_year_given_before_sent_is_the_year_marked(year: Run) -> None:
    ok(year, "report annual --year 2025 sent --at 13:00")
    assert annual(year, "--year", "2025")["sent_at"] == "2026-11-29T13:00:00+07:00"
    assert annual(year, "--year", "2026")["sent_at"] is None


def test_sent_without_a_year_is_a_usage_error(year: Run, db_state: Any) -> None:
    before = db_state()
    result = year("report annual sent --at 13:00")
    assert result.exit_code == 2
    assert "--year" in result.stderr
    assert db_state() == before


@pytest.mark.parametrize("option", ["--unit phuc-khoa", "--format csv", "--details"])
def test_report_options_before_a_sub_command_are_refused(
    year: Run, db_state: Any, option: str
) -> None:
    before = db_state()
    result = year(f'report annual {option} notes --difficulties "X" --proposals "Y"')
    assert result.exit_code == 2
    assert "not with notes or sent" in result.stderr
    assert db_state() == before


def test_a_conference_linked_to_another_units_incident_counts_once(tan_uyen: Run) -> None:
    # A district conference where a commune's incident was spoken on, and the commune's
    # statement on it issued on the press-conference channel that day: one conference.
    incident = opened(tan_uyen, "Sạt lở", "phuc-khoa", "25/11/2026 08:00")
    ok(tan_uyen, f"press conference -u tan-uyen --at '25/11/2026 09:00' -i {incident}")
    at_conference(tan_uyen, incident, "25/11/2026 09:30", "2026-11-25T09:10:00+07:00")
    data = annual(tan_uyen, "--year", "2026", "--details")
    assert data["total"]["conferences"] == {"count": 1}
    states = [(i["unit"], i["kind"], i["state"]) for i in data["details"]["conferences"]]
    assert states == [("tan-uyen", "press-event", "held"), ("phuc-khoa", "statement", "duplicate")]


def test_a_conference_on_an_incident_without_information_says_how_to_record_it(
    tan_uyen: Run,
) -> None:
    incident = opened(tan_uyen, "Sạt lở", "phuc-khoa", "29/11/2026 08:00")
    result = ok(tan_uyen, f"press conference -u phuc-khoa --at 09:30 -i {incident}")
    expected = (
        f'spokes incident inform {incident} --at "29/11/2026 09:30" --channel press-conference'
    )
    assert expected in result.stderr
    informed = annual(tan_uyen, "--year", "2026")["total"]["spoken"]
    assert informed == {"count": 0, "of": 1}  # said, not done: the user decides


def test_the_sent_day_is_the_local_day(year: Run) -> None:
    ok(year, 'report annual sent --year 2026 --at "29/11/2026 06:00"')
    assert "Sent on 29/11/2026." in ok(year, "report annual --year 2026").stdout


def test_an_id_too_large_for_the_database_is_a_clear_refusal(year: Run, refused: Any) -> None:
    huge = "99999999999999999999999"
    refused(f"press reply {huge}", expected="No request number")
    refused(f"press respond {huge}", expected="No false report number")
    refused(f"press reply 3 --statement {huge}", expected=huge)


def test_annual_days_that_do_not_fit_together_are_refused(run: Run, workspace: Path) -> None:
    workspace.mkdir(parents=True, exist_ok=True)
    for text, key in (
        ('[annual_report]\nstarts = "15/12"\ndue = "10/12"\n', "annual_report.due"),
        ('[annual_report]\nremind_from = "21/12"\n', "annual_report.remind_from"),
    ):
        (workspace / "config.toml").write_text(text, encoding="utf-8")
        result = run("report annual")
        assert result.exit_code == 1
        assert key in result.stderr
