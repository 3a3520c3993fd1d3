"""What comes due by the calendar in ``spokes status``: the periodic duties of Decree 244/2026
Art. 6.2 (information to the press every month, a press conference every 3 months) and the
annual report's reminder (Art. 10), both read from the config as data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from spokes import config
from spokes.cli import fastpath
from spokes.config import DEFAULT_DUTIES, DEFAULT_RULES, AnnualReport, Config, Duty, Rule
from spokes.core.periodic import add_months
from tests.conftest import Result, Run

HO_CHI_MINH = ZoneInfo("Asia/Ho_Chi_Minh")
INFO = "decree-244-monthly-information"
CONF = "decree-244-quarterly-conference"
HEADER = "Coming due by the calendar:"
ADDED = "2026-06-01T08:00:00+07:00"  # when the province enters the directory
PROVINCE = 'unit add lai-chau "UBND tỉnh Lai Châu" --kind province'
SPEAKER = (
    'spokesperson assign lai-chau --name "Nguyễn Văn An" --title "Chánh Văn phòng"'
    ' --phone "0912 000 201" --email "nvan@laichau.example.vn" --from "01/06/2026 08:00"'
)
INFO_LINE = "information to the press (every month)"
CONF_LINE = "a press conference (at least every 3 months)"
ANNUAL_DUE = (
    "Annual report 2026 on speaking to the press: send it to the Ministry of Culture, Sports"
    " and Tourism before 20/12/2026 ({days} day(s) left). spokes report annual --year 2026"
)
ANNUAL_OVERDUE = (
    "Annual report 2026 on speaking to the press: OVERDUE, due before 20/12/2026. When sent:"
    " spokes report annual sent --year 2026"
)

Reading = tuple[str, str, str, str | None, str]  # unit, duty, state, last_at, due_at


def ok(result: Result) -> Result:
    assert result.exit_code == 0, result
    assert "Traceback" not in result.stdout + result.stderr
    return result


def status_json(run: Run, now: str, *args: str) -> dict[str, Any]:
    return ok(run("status", "--json", *args, now=now)).json()


def duties(run: Run, now: str, *args: str) -> list[Reading]:
    """The duties ``status --json`` shows at ``now``, most urgent first."""
    return [
        (item["unit"], item["duty"], item["state"], item["last_at"], item["due_at"])
        for item in status_json(run, now, *args)["periodic_duties"]
    ]


def annual(run: Run, now: str, *args: str) -> dict[str, Any] | None:
    return status_json(run, now, *args)["annual_report"]


def calendar(text: str, header: str = HEADER) -> list[str] | None:
    """The lines under the calendar header of a status table, None without the header."""
    lines = text.splitlines()
    if header not in lines:
        return None
    after = lines[lines.index(header) + 1 :]
    found = []
    for line in after:
        if not line.startswith("  "):
            break
        found.append(line.strip())
    return found


def write_config(workspace: Path, text: str) -> Path:
    workspace.mkdir(parents=True, exist_ok=True)
    path = workspace / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def province(run: Run) -> Run:
    """A province added on 1 June 2026 at 08:00, and nothing done since."""
    ok(run(PROVINCE, now=ADDED))
    return run


# -- a duty never done -----------------------------------------------------------------------


def test_never_done_the_monthly_duty_is_due_a_month_after_the_unit_was_added(
    province: Run,
) -> None:
    due = "2026-07-01T08:00:00+07:00"
    assert duties(province, "2026-06-23T08:00:00+07:00") == []  # 8 days before: not yet
    assert duties(province, "2026-06-24T07:59:59+07:00") == []  # a second too early
    assert duties(province, "2026-06-24T08:00:00+07:00") == [
        ("lai-chau", INFO, "due_soon", None, due)
    ]
    assert duties(province, "2026-07-01T07:59:59+07:00") == [
        ("lai-chau", INFO, "due_soon", None, due)
    ]
    assert duties(province, due) == [("lai-chau", INFO, "overdue", None, due)]
    assert duties(province, "2026-07-20T08:00:00+07:00") == [
        ("lai-chau", INFO, "overdue", None, due)
    ]


def test_the_json_of_a_duty(province: Run) -> None:
    shown = status_json(province, "2026-06-25T08:00:00+07:00")
    assert shown["periodic_duties"] == [
        {
            "unit": "lai-chau",
            "duty": INFO,
            "does": "information",
            "every_months": 1,
            "last_at": None,
            "due_at": "2026-07-01T08:00:00+07:00",
            "state": "due_soon",
            "citation": DEFAULT_DUTIES[0].citation,
        }
    ]
    assert shown["annual_report"] is None  # June: no reminder


def test_the_status_table_shows_duties_coming_due_and_overdue(province: Run) -> None:
    early = ok(province("status", now="2026-06-23T08:00:00+07:00")).stdout
    assert HEADER not in early
    soon = ok(province("status", now="2026-06-25T08:00:00+07:00")).stdout
    assert calendar(soon) == [f"lai-chau: {INFO_LINE}, due 01/07/2026 (last: never)"]
    assert "\n\nComing due by the calendar:\n" in soon  # a blank line before the header
    late = ok(province("status", now="2026-07-01T08:00:00+07:00")).stdout
    assert calendar(late) == [f"lai-chau: {INFO_LINE}, OVERDUE since 01/07/2026 (last: never)"]
    # The conference is due three months after the unit was added: most urgent first.
    both = ok(province("status", now="2026-08-25T08:00:00+07:00")).stdout
    assert calendar(both) == [
        f"lai-chau: {INFO_LINE}, OVERDUE since 01/07/2026 (last: never)",
        f"lai-chau: {CONF_LINE}, due 01/09/2026 (last: never)",
    ]


def test_units_are_sorted_by_due_time_then_code(run: Run) -> None:
    ok(run('unit add lao-cai "UBND tỉnh Lào Cai" --kind province', now=ADDED))
    ok(run('unit add dien-bien "UBND tỉnh Điện Biên" --kind province', now=ADDED))
    ok(run(PROVINCE, now="2026-05-30T08:00:00+07:00"))
    assert duties(run, "2026-06-28T08:00:00+07:00") == [
        ("lai-chau", INFO, "due_soon", None, "2026-06-30T08:00:00+07:00"),
        ("dien-bien", INFO, "due_soon", None, "2026-07-01T08:00:00+07:00"),
        ("lao-cai", INFO, "due_soon", None, "2026-07-01T08:00:00+07:00"),
    ]


# -- what counts as done ---------------------------------------------------------------------


def test_a_briefing_moves_the_monthly_duty_but_not_the_conference(province: Run) -> None:
    ok(
        province(
            "press briefing -u lai-chau --at '20/08/2026 10:00'", now="2026-08-20T12:00:00+07:00"
        )
    )
    # Without the briefing, information would be overdue since 01/07.
    assert duties(province, "2026-08-28T08:00:00+07:00") == [
        ("lai-chau", CONF, "due_soon", None, "2026-09-01T08:00:00+07:00")
    ]
    assert duties(province, "2026-09-13T10:00:00+07:00") == [
        ("lai-chau", CONF, "overdue", None, "2026-09-01T08:00:00+07:00"),
        (
            "lai-chau",
            INFO,
            "due_soon",
            "2026-08-20T10:00:00+07:00",
            "2026-09-20T10:00:00+07:00",
        ),
    ]
    text = ok(province("status", now="2026-09-13T10:00:00+07:00")).stdout
    assert calendar(text) == [
        f"lai-chau: {CONF_LINE}, OVERDUE since 01/09/2026 (last: never)",
        f"lai-chau: {INFO_LINE}, due 20/09/2026 (last: 20/08/2026)",
    ]


def test_a_press_conference_moves_both_duties_of_its_unit_only(province: Run) -> None:
    ok(province('unit add dien-bien "UBND tỉnh Điện Biên" --kind province', now=ADDED))
    ok(
        province(
            "press conference -u lai-chau --at '25/08/2026 09:00' --topic 'Mưa lũ'",
            now="2026-08-25T12:00:00+07:00",
        )
    )
    last = "2026-08-25T09:00:00+07:00"
    assert duties(province, "2026-09-18T09:00:00+07:00") == [
        ("dien-bien", INFO, "overdue", None, "2026-07-01T08:00:00+07:00"),
        ("dien-bien", CONF, "overdue", None, "2026-09-01T08:00:00+07:00"),
        ("lai-chau", INFO, "due_soon", last, "2026-09-25T09:00:00+07:00"),
    ]
    assert duties(province, "2026-11-18T09:00:00+07:00", "--unit", "lai-chau") == [
        ("lai-chau", INFO, "overdue", last, "2026-09-25T09:00:00+07:00"),
        ("lai-chau", CONF, "due_soon", last, "2026-11-25T09:00:00+07:00"),
    ]


def test_the_latest_record_counts(province: Run) -> None:
    ok(
        province(
            "press conference -u lai-chau --at '25/08/2026 09:00'", now="2026-09-10T12:00+07:00"
        )
    )
    ok(province("press briefing -u lai-chau --at '10/09/2026 09:00'", now="2026-09-10T12:00+07:00"))
    assert duties(province, "2026-10-05T09:00:00+07:00") == [
        (
            "lai-chau",
            INFO,
            "due_soon",
            "2026-09-10T09:00:00+07:00",
            "2026-10-10T09:00:00+07:00",
        )
    ]


@pytest.mark.parametrize(
    ("channel", "conference"),
    [
        (
            "press-conference",
            (
                "lai-chau",
                CONF,
                "due_soon",
                "2026-10-01T07:30:00+07:00",
                "2027-01-01T07:30:00+07:00",
            ),
        ),
        ("portal", ("lai-chau", CONF, "overdue", None, "2026-09-01T08:00:00+07:00")),
    ],
)
def test_informing_an_incident_counts_and_at_a_press_conference_it_is_one(
    province: Run, channel: str, conference: Reading
) -> None:
    october = "2026-10-01T08:00:00+07:00"
    ok(province('incident open "Sạt lở đất" -u lai-chau --occurred 07:00', now=october))
    ok(province(f"incident inform 2026-0001 --at 07:30 --channel {channel}", now=october))
    found = duties(province, "2026-12-28T07:30:00+07:00")
    information = (
        "lai-chau",
        INFO,
        "overdue",
        "2026-10-01T07:30:00+07:00",
        "2026-11-01T07:30:00+07:00",
    )
    assert sorted(found, key=lambda item: item[4]) == sorted(
        [information, conference], key=lambda item: item[4]
    )


def issue_statement(run: Run, channel: str | None) -> None:
    """An incident of lai-chau informed on the portal on 01/10, then a statement issued on
    02/10 at 10:00 (on ``channel``; None: the channel it was drafted for)."""
    ok(run(SPEAKER, now="2026-06-01T09:00:00+07:00"))
    october = "2026-10-01T08:00:00+07:00"
    ok(run('incident open "Sạt lở đất" -u lai-chau --occurred 07:00', now=october))
    ok(run("incident inform 2026-0001 --at 07:30 --channel portal", now=october))
    ok(run('fact set 2026-0001 summary "Sạt lở đất vùi lấp hai nhà dân"', now=october))
    sid = ok(run("statement draft 2026-0001 --json", now=october)).json()["id"]
    ok(run(f"statement approve {sid} --by 'Chủ tịch UBND tỉnh'", now="2026-10-01T09:00+07:00"))
    issue = ["statement", "issue", str(sid), "--at", "02/10/2026 10:00"]
    if channel:
        issue += ["--channel", channel]
    ok(run(*issue, now="2026-10-02T11:00:00+07:00"))


@pytest.mark.parametrize(
    ("channel", "conference"),
    [
        (
            "press-conference",
            (
                "lai-chau",
                CONF,
                "due_soon",
                "2026-10-02T10:00:00+07:00",
                "2027-01-02T10:00:00+07:00",
            ),
        ),
        (None, ("lai-chau", CONF, "overdue", None, "2026-09-01T08:00:00+07:00")),
        ("social", ("lai-chau", CONF, "overdue", None, "2026-09-01T08:00:00+07:00")),
    ],
)
def test_an_issued_statement_counts_and_at_a_press_conference_it_is_one(
    province: Run, channel: str | None, conference: Reading
) -> None:
    issue_statement(province, channel)
    information = (
        "lai-chau",
        INFO,
        "overdue",
        "2026-10-02T10:00:00+07:00",  # the statement, after the portal at 07:30 the day before
        "2026-11-02T10:00:00+07:00",
    )
    found = duties(province, "2026-12-28T10:00:00+07:00")
    assert sorted(found, key=lambda item: item[4]) == sorted(
        [information, conference], key=lambda item: item[4]
    )


def test_a_draft_never_issued_does_not_count(province: Run) -> None:
    ok(province(SPEAKER, now="2026-06-01T09:00:00+07:00"))
    october = "2026-10-01T08:00:00+07:00"
    ok(province('incident open "Sạt lở đất" -u lai-chau --occurred 07:00', now=october))
    ok(province('fact set 2026-0001 summary "Sạt lở đất"', now=october))
    sid = ok(province("statement draft 2026-0001 --json", now=october)).json()["id"]
    ok(province(f"statement approve {sid} --by 'Chủ tịch'", now=october))
    assert [item[:4] for item in duties(province, "2026-10-02T08:00:00+07:00")] == [
        ("lai-chau", INFO, "overdue", None),
        ("lai-chau", CONF, "overdue", None),
    ]


# -- which units a duty binds ----------------------------------------------------------------


def test_the_district_directory_has_no_periodic_duty(tan_uyen: Run) -> None:
    text = ok(tan_uyen("status")).stdout
    assert HEADER not in text
    assert status_json(tan_uyen, "2026-11-29T14:00:00+07:00")["periodic_duties"] == []
    # Communes, districts and agencies never get the default duties, however long it is.
    assert duties(tan_uyen, "2027-11-01T08:00:00+07:00") == []


def test_a_custom_duty_for_communes(tan_uyen: Run, workspace: Path) -> None:
    write_config(
        workspace,
        "[[duties]]\n"
        'name = "commune-bimonthly"\n'
        'does = "information"\n'
        "every_months = 2\n"
        'citation = "Quyết định 12/QĐ-UBND"\n'
        'unit_kinds = ["commune"]\n'
        'warn = "3d"\n',
    )
    ok(tan_uyen(PROVINCE, now=ADDED))  # the defaults are replaced: a province owes nothing
    due = "2027-01-29T14:00:00+07:00"  # the communes were added on 29/11/2026 at 14:00
    assert duties(tan_uyen, "2027-01-26T13:59:59+07:00") == []
    assert duties(tan_uyen, "2027-01-26T14:00:00+07:00") == [
        ("ho-mit", "commune-bimonthly", "due_soon", None, due),
        ("phuc-khoa", "commune-bimonthly", "due_soon", None, due),
    ]
    assert duties(tan_uyen, due) == [
        ("ho-mit", "commune-bimonthly", "overdue", None, due),
        ("phuc-khoa", "commune-bimonthly", "overdue", None, due),
    ]
    shown = status_json(tan_uyen, due)["periodic_duties"][0]
    assert shown["every_months"] == 2
    assert shown["citation"] == "Quyết định 12/QĐ-UBND"
    text = ok(tan_uyen("status", "--unit", "ho-mit", now=due)).stdout
    assert calendar(text) == [
        "ho-mit: information to the press (at least every 2 months),"
        " OVERDUE since 29/01/2027 (last: never)"
    ]


def test_a_duty_without_unit_kinds_binds_every_unit(tan_uyen: Run, workspace: Path) -> None:
    write_config(
        workspace,
        '[[duties]]\nname = "yearly"\ndoes = "conference"\nevery_months = 12\nwarn = "30d"\n',
    )
    due = "2027-11-29T14:00:00+07:00"
    assert duties(tan_uyen, "2027-10-30T13:00:00+07:00") == []
    assert duties(tan_uyen, "2027-11-01T08:00:00+07:00") == [
        (code, "yearly", "due_soon", None, due)
        for code in ("cong-an", "ho-mit", "phuc-khoa", "tan-uyen")
    ]


def test_no_duties_at_all(province: Run, workspace: Path) -> None:
    write_config(workspace, "duties = []\n")
    assert duties(province, "2027-06-01T08:00:00+07:00") == []


def test_status_of_one_unit_shows_only_its_duties(province: Run) -> None:
    ok(province('unit add dien-bien "UBND tỉnh Điện Biên" --kind province', now=ADDED))
    ok(province('unit add muong-te "UBND xã Mường Tè" --kind commune', now=ADDED))
    now = "2026-06-25T08:00:00+07:00"
    assert [item[0] for item in duties(province, now)] == ["dien-bien", "lai-chau"]
    assert [item[0] for item in duties(province, now, "--unit", "lai-chau")] == ["lai-chau"]
    assert duties(province, now, "-u", "muong-te") == []
    text = ok(province("status", "--unit", "dien-bien", now=now)).stdout
    assert calendar(text) == [f"dien-bien: {INFO_LINE}, due 01/07/2026 (last: never)"]


# -- calendar months -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (datetime(2027, 1, 31, 8, 0), 1, datetime(2027, 2, 28, 8, 0)),
        (datetime(2028, 1, 31, 8, 0), 1, datetime(2028, 2, 29, 8, 0)),  # a leap year
        (datetime(2028, 2, 29, 8, 0), 12, datetime(2029, 2, 28, 8, 0)),
        (datetime(2026, 11, 30, 9, 15), 3, datetime(2027, 2, 28, 9, 15)),
        (datetime(2026, 12, 15, 0, 0), 1, datetime(2027, 1, 15, 0, 0)),  # over the year's end
        (datetime(2026, 10, 31, 23, 59), 1, datetime(2026, 11, 30, 23, 59)),
        (datetime(2026, 8, 31, 10, 0), 1, datetime(2026, 9, 30, 10, 0)),
        (datetime(2026, 6, 1, 8, 0), 12, datetime(2027, 6, 1, 8, 0)),
        (datetime(2026, 6, 1, 8, 0), 120, datetime(2036, 6, 1, 8, 0)),
    ],
)
def test_add_months(start: datetime, months: int, expected: datetime) -> None:
    moment = start.replace(tzinfo=HO_CHI_MINH).astimezone(UTC)  # as stored: UTC
    found = add_months(moment, months, HO_CHI_MINH)
    assert found == expected.replace(tzinfo=HO_CHI_MINH)
    assert found.astimezone(HO_CHI_MINH).replace(tzinfo=None) == expected


def test_add_months_reads_the_day_in_the_workspace_s_zone() -> None:
    # 30/01 at 20:00 UTC is already 31/01 at 03:00 in Vietnam: February's last day.
    moment = datetime(2027, 1, 30, 20, 0, tzinfo=UTC)
    assert add_months(moment, 1, HO_CHI_MINH) == datetime(2027, 2, 28, 3, 0, tzinfo=HO_CHI_MINH)
    assert add_months(moment, 1, ZoneInfo("UTC")) == datetime(2027, 2, 28, 20, 0, tzinfo=UTC)
    moment = datetime(2026, 3, 30, 20, 0, tzinfo=UTC)  # 31/03 03:00 in Vietnam
    assert add_months(moment, 1, HO_CHI_MINH) == datetime(2026, 4, 30, 3, 0, tzinfo=HO_CHI_MINH)
    assert add_months(moment, 1, ZoneInfo("UTC")) == datetime(2026, 4, 30, 20, 0, tzinfo=UTC)


def test_added_on_31_january_it_is_due_at_the_end_of_february(run: Run) -> None:
    ok(run(PROVINCE, now="2027-01-31T08:00:00+07:00"))
    due = "2027-02-28T08:00:00+07:00"
    assert duties(run, "2027-02-21T07:59:59+07:00") == []
    assert duties(run, "2027-02-21T08:00:00+07:00") == [("lai-chau", INFO, "due_soon", None, due)]
    text = ok(run("status", now="2027-02-28T08:00:00+07:00")).stdout
    assert calendar(text) == [f"lai-chau: {INFO_LINE}, OVERDUE since 28/02/2027 (last: never)"]


@pytest.mark.parametrize(
    ("zone", "due"),
    [
        (None, "2026-04-30T03:00:00+07:00"),
        ("UTC", "2026-04-30T20:00:00+00:00"),  # added on 30/03 in UTC: due 30/04
    ],
)
def test_the_workspace_s_zone_decides_the_calendar(
    run: Run, workspace: Path, zone: str | None, due: str
) -> None:
    if zone:
        write_config(workspace, f'[workspace]\ntimezone = "{zone}"\n')
    ok(run(PROVINCE, now="2026-03-31T03:00:00+07:00"))
    assert duties(run, "2026-04-29T12:00:00+07:00") == [("lai-chau", INFO, "due_soon", None, due)]


# -- config ----------------------------------------------------------------------------------

DUTY = '[[duties]]\nname = "a"\ndoes = "information"\nevery_months = 1\n'
RULE = '[[rules]]\nname = "a"\nfrom = "occurred"\nwithin = "2h"\n'


@pytest.mark.parametrize(
    ("text", "key", "problem"),
    [
        (DUTY.replace('"information"', '"x"'), "duties[1].does", "information | conference"),
        (DUTY.replace('does = "information"\n', ""), "duties[1].does", "information | conference"),
        (DUTY.replace("= 1", "= 0"), "duties[1].every_months", "1…120"),
        (DUTY.replace("= 1", '= "1"'), "duties[1].every_months", "1…120"),
        (DUTY.replace("= 1", "= 121"), "duties[1].every_months", "1…120"),
        (DUTY.replace("= 1", "= true"), "duties[1].every_months", "1…120"),
        (DUTY.replace("= 1", "= 1.5"), "duties[1].every_months", "1…120"),
        (DUTY.replace("every_months = 1\n", ""), "duties[1].every_months", "1…120"),
        (DUTY + DUTY.replace('"a"', '"b"') + DUTY, "duties[3].name", '≠ duties[1].name "a"'),
        (DUTY.replace('name = "a"\n', ""), "duties[2].name", ""),
        (DUTY + 'warn = "soon"\n', "duties[1].warn", '"2h", "30m", "1h30m"'),
        (DUTY + 'warn = "0m"\n', "duties[1].warn", "> 0"),
        (DUTY + 'unit_kinds = "commune"\n', "duties[1].unit_kinds", "[...]"),
        (DUTY + "citation = 244\n", "duties[1].citation", "text"),
        ('duties = "monthly"\n', "duties", "[[duties]]"),
        ('[annual_report]\nstarts = "31/02"\n', "annual_report.starts", '"15/12"'),
        ('[annual_report]\nstarts = "15-12"\n', "annual_report.starts", '"15/12"'),
        ('[annual_report]\ndue = "29/02"\n', "annual_report.due", '"15/12"'),
        ('[annual_report]\ndue = "20/13"\n', "annual_report.due", '"15/12"'),
        ("[annual_report]\nremind_from = 1\n", "annual_report.remind_from", '"15/12"'),
        ('annual_report = "yes"\n', "annual_report", "[annual_report]"),
        (RULE + 'annual_report = "yes"\n', "rules[1].annual_report", "true | false"),
        (RULE + "annual_report = 1\n", "rules[1].annual_report", "true | false"),
    ],
)
def test_a_bad_duty_or_annual_report_names_its_key(
    workspace: Path, refused: Any, text: str, key: str, problem: str
) -> None:
    if key == "duties[2].name":  # the second duty has no name
        text = DUTY + text
    path = write_config(workspace, text)
    expected = f"config {path}: the value of '{key}' is not valid"
    result = refused("status", expected=expected)
    line = result.stderr.strip()
    if problem:
        assert line == f"Error: {expected} (expected {problem})"
    else:  # a missing name: the message only names the key
        assert line.startswith(f"Error: {expected}")
    assert "\n" not in line


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (DUTY + "every = 2\n", "duties[1].every"),
        (DUTY + 'within = "1d"\n', "duties[1].within"),
        ('[annual_report]\ndue_before = "20/12"\n', "annual_report.due_before"),
    ],
)
def test_an_unknown_key_in_duties_or_annual_report(
    workspace: Path, refused: Any, text: str, key: str
) -> None:
    path = write_config(workspace, text)
    result = refused("status", expected=f"config {path}: unknown key '{key}'")
    assert result.stderr.strip() == f"Error: config {path}: unknown key '{key}'"


def test_a_bad_config_is_refused_by_status_json_too(workspace: Path, refused: Any) -> None:
    write_config(workspace, DUTY.replace("= 1", "= 0"))
    refused("status", "--json", expected="'duties[1].every_months' is not valid")
    refused("status", "--check", expected="'duties[1].every_months' is not valid")


def test_a_hand_written_config_is_read(workspace: Path) -> None:
    path = write_config(
        workspace,
        "[[duties]]\n"
        'name = "xa-2-thang"\n'
        'does = "conference"\n'
        "every_months = 2\n"
        'unit_kinds = ["Commune", " ward "]\n'
        'warn = "3d"\n'
        "\n[annual_report]\n"
        'starts = "1/1"\n'
        'due = "25/12"\n'
        'remind_from = "10/12"\n'
        'citation = "Quyết định 5/QĐ-UBND"\n'
        "\n" + RULE + "annual_report = true\n",
    )
    loaded = config.load(path)
    assert loaded.duties == (
        Duty("xa-2-thang", "conference", 2, "", ("commune", "ward"), timedelta(days=3)),
    )
    assert loaded.annual_report == AnnualReport((1, 1), (25, 12), (10, 12), "Quyết định 5/QĐ-UBND")
    assert [rule.annual for rule in loaded.rules] == [True]


def test_the_defaults(workspace: Path) -> None:
    loaded = config.load(write_config(workspace, ""))
    assert loaded.duties == DEFAULT_DUTIES
    assert [(d.does, d.every_months, d.unit_kinds, d.warn) for d in DEFAULT_DUTIES] == [
        ("information", 1, ("province",), timedelta(days=7)),
        ("conference", 3, ("province",), timedelta(days=7)),
    ]
    assert loaded.annual_report == AnnualReport((15, 12), (20, 12), (1, 12))
    assert [rule.annual for rule in loaded.rules] == [False, True, True]


def test_init_writes_duties_and_the_annual_report_that_read_back(run: Run, workspace: Path) -> None:
    ok(run("init"))
    path = workspace / "config.toml"
    text = path.read_text(encoding="utf-8")
    assert text.count("[[duties]]") == 2
    assert text.count("\n[annual_report]\n") == 1
    assert text.count("\nannual_report = true\n") == 2  # the two 24-hour rules of Art. 7
    loaded = config.load(path)
    assert loaded == Config(lang=loaded.lang)
    assert config.load(path.with_name("again.toml")) == Config()  # nothing there: defaults
    path.with_name("again.toml").write_text(config.dumps(loaded), encoding="utf-8")
    assert config.load(path.with_name("again.toml")) == loaded


def test_init_keeps_a_hand_written_calendar(run: Run, workspace: Path) -> None:
    path = write_config(
        workspace,
        "[[duties]]\n"
        'name = "xa-2-thang"\n'
        'does = "information"\n'
        "every_months = 2\n"
        'unit_kinds = ["commune"]\n'
        'warn = "3d"\n'
        "\n[[duties]]\n"
        'name = "hop-bao"\n'
        'does = "conference"\n'
        "every_months = 6\n"
        'citation = "Quy chế phát ngôn, Điều 5"\n'
        "\n[annual_report]\n"
        'due = "25/12"\n'
        'remind_from = "10/12"\n'
        "\n" + RULE + "annual_report = true\n" + RULE.replace('"a"', '"b"'),
    )
    before = config.load(path)
    ok(run("init", "--org", "UBND tỉnh Lai Châu"))
    assert config.load(path) == before.with_changes(org="UBND tỉnh Lai Châu")


CUSTOM = Config(
    rules=(
        Rule("a", "occurred", timedelta(hours=2), "", annual=True),
        Rule("b", "received", timedelta(hours=24), "Điều 7", unit_kinds=("commune",)),
    ),
    duties=(
        Duty("xa", "information", 2, 'Quyết định "12"', ("commune", "ward"), timedelta(days=3)),
        Duty("tat-ca", "conference", 120, "", (), timedelta(minutes=90)),
    ),
    annual_report=AnnualReport((1, 1), (25, 12), (10, 12), "Quyết định 5/QĐ-UBND"),
)


@pytest.mark.parametrize(
    "value",
    [
        Config(),
        CUSTOM,
        Config(rules=(), duties=DEFAULT_DUTIES[:1]),
        Config(rules=DEFAULT_RULES[:1], annual_report=AnnualReport(remind_from=(9, 9))),
    ],
)
def test_dumps_then_load_round_trips_duties_and_the_annual_report(
    workspace: Path, value: Config
) -> None:
    path = write_config(workspace, config.dumps(value))
    assert config.load(path) == value


def test_dumps_then_load_round_trips_no_duties(workspace: Path) -> None:
    value = Config(duties=())
    path = write_config(workspace, config.dumps(value))
    assert config.load(path) == value


def test_init_keeps_duties_turned_off(province: Run, workspace: Path) -> None:
    write_config(workspace, "duties = []\n")
    ok(province("init", "--org", "UBND tỉnh Lai Châu"))
    assert config.load(workspace / "config.toml").duties == ()
    assert duties(province, "2027-06-01T08:00:00+07:00") == []


# -- the annual report -----------------------------------------------------------------------


@pytest.fixture
def active(run: Run) -> Run:
    """A workspace in use since 29/11/2026 (before the 2026 window ends on 15/12)."""
    ok(run('unit add ho-mit "UBND xã Hố Mít" --kind commune'))
    return run


def reminder(year: int, due: str, days: int) -> dict[str, Any]:
    return {"year": year, "due_before": due, "days_left": days, "overdue": days <= 0}


def test_no_reminder_before_1_december(active: Run) -> None:
    assert annual(active, "2026-11-30T23:59:59+07:00") is None
    assert annual(active, "2026-11-30T16:59:59+00:00") is None  # 23:59:59 in Vietnam
    text = ok(active("status", now="2026-11-30T23:59:59+07:00")).stdout
    assert HEADER not in text
    assert "Annual report" not in text


@pytest.mark.parametrize(
    ("now", "days"),
    [
        ("2026-12-01T00:00:00+07:00", 19),
        ("2026-11-30T17:00:00+00:00", 19),  # midnight in Vietnam, still 30/11 in UTC
        ("2026-12-10T12:00:00+07:00", 10),
        ("2026-12-19T23:59:59+07:00", 1),
        ("2026-12-20T00:00:00+07:00", 0),
        ("2026-12-31T12:00:00+07:00", -11),
        ("2027-01-10T08:00:00+07:00", -21),  # the 2026 report is still owed in January
        ("2027-11-30T23:59:59+07:00", -345),
    ],
)
def test_the_reminder_from_1_december_until_sent(active: Run, now: str, days: int) -> None:
    assert annual(active, now) == reminder(2026, "2026-12-20", days)


def test_the_reminder_in_the_status_table(active: Run) -> None:
    first = ok(active("status", now="2026-12-01T00:00:00+07:00")).stdout
    assert calendar(first) == [ANNUAL_DUE.format(days=19)]
    last = ok(active("status", now="2026-12-19T08:00:00+07:00")).stdout
    assert calendar(last) == [ANNUAL_DUE.format(days=1)]
    late = ok(active("status", now="2026-12-20T00:00:00+07:00")).stdout
    assert calendar(late) == [ANNUAL_OVERDUE]
    january = ok(active("status", now="2027-01-05T08:00:00+07:00")).stdout
    assert calendar(january) == [ANNUAL_OVERDUE]


def test_the_reminder_comes_after_the_duties(active: Run) -> None:
    ok(active(PROVINCE, now=ADDED))
    text = ok(active("status", now="2026-12-20T08:00:00+07:00")).stdout
    assert calendar(text) == [
        f"lai-chau: {INFO_LINE}, OVERDUE since 01/07/2026 (last: never)",
        f"lai-chau: {CONF_LINE}, OVERDUE since 01/09/2026 (last: never)",
        ANNUAL_OVERDUE,
    ]


def test_marked_sent_the_reminder_stops(active: Run) -> None:
    sent = active(
        "report annual sent --year 2026 --at '18/12/2026 10:00'", now="2026-12-20T09:00:00+07:00"
    )
    ok(sent)
    for now in (
        "2026-12-20T09:00:00+07:00",
        "2026-12-31T12:00:00+07:00",
        "2027-06-01T08:00:00+07:00",
        "2027-11-30T23:59:59+07:00",
    ):
        assert annual(active, now) is None
        assert "Annual report" not in ok(active("status", now=now)).stdout
    # Next year's reminder begins on 1 December 2027.
    assert annual(active, "2027-12-01T00:00:00+07:00") == reminder(2027, "2027-12-20", 19)


def test_sent_before_the_reminder_there_is_none(active: Run) -> None:
    ok(active("report annual sent --year 2026 --at '28/11/2026 10:00'"))
    assert annual(active, "2026-12-01T00:00:00+07:00") is None


def test_notes_alone_do_not_stop_the_reminder(active: Run) -> None:
    ok(
        active(
            'report annual notes --year 2026 --difficulties "Thiếu người" --proposals "Tập huấn"',
            now="2026-12-05T08:00:00+07:00",
        )
    )
    assert annual(active, "2026-12-05T09:00:00+07:00") == reminder(2026, "2026-12-20", 15)


def test_next_year_s_reminder_replaces_an_unsent_one(active: Run) -> None:
    assert annual(active, "2027-11-30T23:59:59+07:00") == reminder(2026, "2026-12-20", -345)
    assert annual(active, "2027-12-01T00:00:00+07:00") == reminder(2027, "2027-12-20", 19)
    text = ok(active("status", now="2027-12-01T00:00:00+07:00")).stdout
    assert calendar(text) == [ANNUAL_DUE.replace("2026", "2027").format(days=19)]


@pytest.mark.parametrize(
    ("first", "shown"),
    [
        ("2026-12-14T23:59:59+07:00", True),
        ("2026-12-15T00:00:00+07:00", False),  # the 2026 window has ended: nothing to report
        ("2026-12-16T08:00:00+07:00", False),
    ],
)
def test_a_workspace_started_after_the_window_gets_no_reminder(
    run: Run, first: str, shown: bool
) -> None:
    ok(run('unit add ho-mit "UBND xã Hố Mít" --kind commune', now=first))
    expected = reminder(2026, "2026-12-20", 2) if shown else None
    assert annual(run, "2026-12-18T08:00:00+07:00") == expected
    assert (annual(run, "2027-01-10T08:00:00+07:00") is not None) == shown
    # It is asked for the next year's report.
    assert annual(run, "2027-12-01T00:00:00+07:00") == reminder(2027, "2027-12-20", 19)


def test_an_empty_workspace_gets_no_reminder(run: Run) -> None:
    assert annual(run, "2026-12-18T08:00:00+07:00") is None


def test_status_of_one_unit_never_shows_the_reminder(tan_uyen: Run) -> None:
    for now in ("2026-12-01T00:00:00+07:00", "2026-12-20T08:00:00+07:00"):
        assert annual(tan_uyen, now) is not None
        assert annual(tan_uyen, now, "--unit", "ho-mit") is None
        text = ok(tan_uyen("status", "-u", "ho-mit", now=now)).stdout
        assert "Annual report" not in text
        assert HEADER not in text


def test_a_custom_due_day_and_reminder_start(active: Run, workspace: Path) -> None:
    write_config(workspace, '[annual_report]\ndue = "25/12"\nremind_from = "10/12"\n')
    assert annual(active, "2026-12-09T23:59:59+07:00") is None
    assert annual(active, "2026-12-10T00:00:00+07:00") == reminder(2026, "2026-12-25", 15)
    assert annual(active, "2026-12-20T08:00:00+07:00") == reminder(2026, "2026-12-25", 5)
    assert annual(active, "2026-12-25T00:00:00+07:00") == reminder(2026, "2026-12-25", 0)
    assert annual(active, "2027-12-09T08:00:00+07:00") == reminder(2026, "2026-12-25", -349)
    text = ok(active("status", now="2026-12-20T08:00:00+07:00")).stdout
    assert calendar(text) == [
        ANNUAL_DUE.replace("20/12/2026", "25/12/2026").format(days=5),
    ]


# -- languages and the two paths ---------------------------------------------------------------


def test_vietnamese(province: Run) -> None:
    text = ok(province("--lang", "vi", "status", now="2026-12-01T00:00:00+07:00")).stdout
    assert calendar(text, "Nhiệm vụ định kỳ đến hạn:") == [
        "lai-chau: cung cấp thông tin cho báo chí (hằng tháng), QUÁ HẠN từ 01/07/2026"
        " (lần gần nhất: chưa có)",
        "lai-chau: họp báo (ít nhất 3 tháng một lần), QUÁ HẠN từ 01/09/2026"
        " (lần gần nhất: chưa có)",
        "Báo cáo năm 2026 về công tác phát ngôn: gửi Bộ Văn hóa, Thể thao và Du lịch trước"
        " ngày 20/12/2026 (còn 19 ngày). spokes report annual --year 2026",
    ]
    ok(province("press briefing -u lai-chau --at '30/11/2026 10:00'", now="2026-12-20T08:00+07:00"))
    late = ok(province("--lang", "vi", "status", now="2026-12-24T08:00:00+07:00")).stdout
    assert calendar(late, "Nhiệm vụ định kỳ đến hạn:") == [
        "lai-chau: họp báo (ít nhất 3 tháng một lần), QUÁ HẠN từ 01/09/2026"
        " (lần gần nhất: chưa có)",
        "lai-chau: cung cấp thông tin cho báo chí (hằng tháng), hạn 30/12/2026"
        " (lần gần nhất: 30/11/2026)",
        "Báo cáo năm 2026 về công tác phát ngôn: QUÁ HẠN, hạn trước ngày 20/12/2026. Khi đã"
        " gửi: spokes report annual sent --year 2026",
    ]


def spokes(args: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    done = subprocess.run(
        [sys.executable, "-m", "spokes", *args], capture_output=True, text=True, env=env
    )
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["status"], 0),
        (["--lang", "vi", "status"], 0),
        (["status", "--json"], 0),
        (["status", "--check"], 0),
        (["status", "-u", "lai-chau"], 0),
        (["status", "--unit=lai-chau", "--json", "--check"], 0),
    ],
)
def test_fast_and_typer_paths_agree_on_the_calendar(
    province: Run, workspace: Path, args: list[str], code: int
) -> None:
    ok(province("press briefing -u lai-chau --at '30/11/2026 10:00'", now="2026-12-24T07:00+07:00"))
    now = "2026-12-24T08:00:00+07:00"
    env = {**os.environ, "SPOKES_HOME": str(workspace), "SPOKES_NOW": now}
    fast = spokes(args, env)
    slow = spokes(args, {**env, "SPOKES_NO_FASTPATH": "1"})
    assert fast == slow
    assert fast[0] == code
    one_unit = "-u" in args or "--unit=lai-chau" in args
    if "--json" in args:
        data = json.loads(fast[1])
        assert [item["unit"] for item in data["periodic_duties"]] == ["lai-chau", "lai-chau"]
        assert (data["annual_report"] is None) == one_unit
    else:
        assert "lai-chau: " in fast[1]
        assert ("20/12/2026" in fast[1]) != one_unit


@pytest.mark.parametrize("how", ["--lang", "SPOKES_LANG"])
def test_fast_and_typer_paths_agree_on_a_bad_config(workspace: Path, how: str) -> None:
    write_config(workspace, '[annual_report]\nstarts = "31/02"\n')
    env = {**os.environ, "SPOKES_HOME": str(workspace)}
    args = ["status"]
    if how == "--lang":
        args = ["--lang", "vi", "status"]
    else:
        env["SPOKES_LANG"] = "vi"
    fast = spokes(args, env)
    slow = spokes(args, {**env, "SPOKES_NO_FASTPATH": "1"})
    assert slow[0] == 1
    assert "'annual_report.starts' không hợp lệ" in slow[2]
    assert fast == slow


# -- status --check ----------------------------------------------------------------------------


def fast_status(monkeypatch: pytest.MonkeyPatch, now: str, *argv: str) -> int | None:
    monkeypatch.setenv("SPOKES_NOW", now)
    return fastpath.run(["status", *argv])


def test_check_ignores_overdue_duties_and_the_annual_report(
    province: Run, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    now = "2026-12-24T08:00:00+07:00"
    shown = status_json(province, now)
    assert {item["state"] for item in shown["periodic_duties"]} == {"overdue"}
    assert shown["annual_report"]["overdue"] is True
    assert province("status", "--check", now=now).exit_code == 0
    assert province("status", "--check", "-u", "lai-chau", now=now).exit_code == 0
    capsys.readouterr()
    assert fast_status(monkeypatch, now, "--check") == 0
    assert "OVERDUE since 01/07/2026" in capsys.readouterr().out
    # An overdue incident still gives 3, on both paths.
    ok(province('incident open "Sạt lở đất" -u lai-chau --occurred 05:00', now=now))
    assert province("status", "--check", now=now).exit_code == 3
    assert fast_status(monkeypatch, now, "--check") == 3
