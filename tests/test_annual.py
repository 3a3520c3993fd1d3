"""The annual report on speaking to the press (Decree 244/2026 Art. 10): the window from
15 December of Y-1 to 14 December of Y in the workspace's zone, the six figures per unit and in
total, the records behind each one, every format (table, JSON, CSV, docx), section II and the
record of sending.

Every figure below is worked out by hand from the records the test makes.
"""

from __future__ import annotations

import csv
import io
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
    result = run("incident", "open", title, "-u", unit, "--occurred", occurred, "--json", *args, now=now)
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
    ok(run, 'press request -u phuc-khoa --from "Báo Lai Châu" --about "Đường" --at "10/01/2026 08:00"')
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
    ok(run, 'press correction -u ho-mit --outlet "Trang Y" --published "03/03/2026 08:00" --claim "A"')
    ok(run, 'press correction -u ho-mit --outlet "Trang Z" --published "04/04/2026 08:00" --claim "B"')
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
        incident = opened(run, "Lũ", "phuc-khoa", "14/12/2025 20:00")
        ok(run, "incident", "inform", incident, "--at", at, "--channel", "press-conference")
    else:
        ok(run, "press", "correction", "-u", "phuc-khoa", "--outlet", "Báo", "--published", at)
        raise AssertionError  # pragma: no cover


# What each kind adds to: (figure, part)
COUNTS = {
    "conference": ("conferences", "count"),
    "briefing": ("briefings", "count"),
    "request": ("replies", "of"),
    "incident": ("spoken", "of"),
    "informed at a conference": ("conferences", "count"),
    "correction": ("responses", "of"),
}
