"""The press register: conferences and briefings, requests from the press and their replies
(or refusals with a reason), false reports and the written responses to them. Every write is
one row and one audit event; every bad input is refused with nothing written."""

from __future__ import annotations

import json
import shlex
import unicodedata
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from spokes.core.press import REFUSAL_GROUNDS
from tests.conftest import Run, open_test_store

Refuse = Callable[..., Any]
EARLY = "2026-11-29T13:20:00+07:00"


# -- helpers ----------------------------------------------------------------------------------


def rows(workspace: Path, sql: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    with closing(open_test_store(workspace)) as store:
        return store.query(sql, params)


def events(workspace: Path, kind: str) -> list[dict[str, Any]]:
    found = rows(workspace, "SELECT * FROM events WHERE kind = ? ORDER BY id", (kind,))
    return [{**dict(row), "detail": json.loads(row["detail"])} for row in found]


def count(workspace: Path, table: str) -> int:
    return rows(workspace, f"SELECT COUNT(*) AS n FROM {table}")[0]["n"]


def ok(run: Run, *args: str, **options: Any) -> Any:
    if len(args) == 1:
        args = tuple(shlex.split(args[0]))
    result = run(*args, **options)
    assert result.exit_code == 0, result
    assert "Traceback" not in result.stdout + result.stderr
    return result


def as_json(run: Run, *args: str, **options: Any) -> Any:
    if len(args) == 1:
        args = tuple(shlex.split(args[0]))
    return ok(run, *args, "--json", **options).json()


@pytest.fixture
def landslide(tan_uyen: Run) -> Run:
    """Two incidents of Phúc Khoa (2026-0001 with deaths 2, 2026-0002), one of Hố Mít, all
    known since 13:20 (so statements can be issued before now)."""
    run = tan_uyen
    for line in (
        'incident open "Sạt lở đất tại bản Phiêng Lồm" -u phuc-khoa --occurred 13:10',
        'incident open "Sập cầu treo" -u phuc-khoa --occurred 12:00',
        'incident open "Cháy nhà dân" -u ho-mit --occurred 11:00',
        'fact set 2026-0001 summary "Sạt lở đất vùi lấp hai nhà dân"',
        "fact set 2026-0001 deaths 2",
    ):
        ok(run, line, now=EARLY)
    return run


@pytest.fixture
def request_open(landslide: Run) -> Run:
    """Request #1: Báo Lai Châu asks Phúc Khoa at 13:30 about incident 2026-0001."""
    ok(
        landslide,
        'press request -u phuc-khoa --from "Báo Lai Châu" --about "Thiệt hại" --at 13:30'
        " -i 2026-0001",
    )
    return landslide


def issue_statement(run: Run, incident: str, at: str) -> int:
    """Drafts, approves and issues a statement of ``incident`` at ``at`` (today): its id."""
    then = f"2026-11-29T{at}:00+07:00"
    sid = as_json(run, "statement", "draft", incident, "--lang", "vi", now=then)["id"]
    ok(run, "statement", "approve", str(sid), "--by", "Lù Thị Mai", now=then)
    ok(run, "statement", "issue", str(sid), now=then)
    return sid


# -- conferences and briefings ----------------------------------------------------------------


def test_conference_writes_one_row_and_prints_its_id(tan_uyen: Run, workspace: Path) -> None:
    result = ok(tan_uyen, 'press conference -u phuc-khoa --at 13:30 --topic "Sạt lở"')
    assert "Press conference #1 recorded" in result.stdout
    assert "phuc-khoa" in result.stdout
    assert "13:30" in result.stdout
    assert "(online)" not in result.stdout
    assert count(workspace, "press_events") == 1
    row = rows(workspace, "SELECT * FROM press_events")[0]
    assert row["kind"] == "conference"
    assert row["unit_code"] == "phuc-khoa"
    assert row["topic"] == "Sạt lở"
    assert row["online"] == 0


def test_conference_json_is_the_record_written(tan_uyen: Run) -> None:
    data = as_json(tan_uyen, 'press conference -u phuc-khoa --at 13:30 --topic " Sạt lở " --online')
    assert data == {
        "id": 1,
        "kind": "conference",
        "unit": "phuc-khoa",
        "at": "2026-11-29T13:30:00+07:00",
        "topic": "Sạt lở",
        "organiser": None,
        "online": True,
        "incidents": [],
    }


def test_conference_time_defaults_to_now_and_online_is_printed(tan_uyen: Run) -> None:
    assert as_json(tan_uyen, "press conference -u phuc-khoa")["at"] == "2026-11-29T14:00:00+07:00"
    line = ok(tan_uyen, "press conference -u phuc-khoa --online").stdout
    assert "Press conference #2 recorded" in line
    assert "(online)" in line


def test_briefing_json_with_organiser_and_a_date(tan_uyen: Run, workspace: Path) -> None:
    data = as_json(
        tan_uyen,
        "press",
        "briefing",
        "-u",
        "ho-mit",
        "--at",
        "28/11 09:00",
        "--organiser",
        "Ban Tuyên giáo Tỉnh ủy",
        "--topic",
        "Tình hình mưa lũ",
    )
    assert data == {
        "id": 1,
        "kind": "briefing",
        "unit": "ho-mit",
        "at": "2026-11-28T09:00:00+07:00",
        "topic": "Tình hình mưa lũ",
        "organiser": "Ban Tuyên giáo Tỉnh ủy",
        "online": False,
        "incidents": [],
    }
    row = rows(workspace, "SELECT * FROM press_events")[0]
    assert row["kind"] == "briefing"
    assert row["organiser"] == "Ban Tuyên giáo Tỉnh ủy"


def test_briefing_prints_its_line(tan_uyen: Run) -> None:
    result = ok(tan_uyen, 'press briefing -u ho-mit --at 09:00 --organizer "Ban Tuyên giáo"')
    assert "Press briefing #1 recorded: ho-mit" in result.stdout
    assert "09:00" in result.stdout


def test_conference_and_briefing_ids_increase(tan_uyen: Run) -> None:
    first = as_json(tan_uyen, "press conference -u phuc-khoa --at 10:00")
    second = as_json(tan_uyen, "press briefing -u ho-mit --at 11:00")
    third = as_json(tan_uyen, "press conference -u tan-uyen --at 12:00")
    assert [first["id"], second["id"], third["id"]] == [1, 2, 3]
    assert [first["kind"], second["kind"], third["kind"]] == [
        "conference",
        "briefing",
        "conference",
    ]


def test_conference_linked_to_several_incidents_duplicates_collapsed(
    landslide: Run, workspace: Path
) -> None:
    result = ok(
        landslide,
        "press conference -u phuc-khoa --at 13:40 -i 2026-0002 -i 2026-0001 -i 2026-0001",
    )
    assert "On: 2026-0001, 2026-0002." in result.stdout
    links = rows(workspace, "SELECT * FROM press_event_incidents ORDER BY incident_id")
    assert [(r["event_id"], r["incident_id"]) for r in links] == [
        (1, "2026-0001"),
        (1, "2026-0002"),
    ]
    data = as_json(landslide, "press briefing -u phuc-khoa --at 13:50 -i 2026-0001 -i 2026-0003")
    assert data["incidents"] == ["2026-0001", "2026-0003"]
    assert count(workspace, "press_event_incidents") == 4


def test_conference_with_an_unknown_incident_is_refused(landslide: Run, refused: Refuse) -> None:
    result = refused(
        "press conference -u phuc-khoa --at 13:40 -i 2026-0001 -i 2026-0099",
        expected="unknown incident '2026-0099'",
    )
    assert result.stdout == ""


def test_briefing_with_an_unknown_incident_is_refused(landslide: Run, refused: Refuse) -> None:
    refused("press briefing -u ho-mit -i 2025-0042", expected="unknown incident '2025-0042'")


def test_conference_of_an_unknown_unit_is_refused(tan_uyen: Run, refused: Refuse) -> None:
    refused("press conference -u xa-khong-co", expected="unknown unit 'xa-khong-co'")


def test_conference_in_the_future_is_refused(tan_uyen: Run, refused: Refuse) -> None:
    refused("press conference -u phuc-khoa --at 15:00", expected="is in the future")


# -- requests ---------------------------------------------------------------------------------


def test_request_writes_one_row_and_prints_its_id(landslide: Run, workspace: Path) -> None:
    result = ok(
        landslide,
        'press request -u phuc-khoa --from "Báo Lai Châu" --about "Thiệt hại" --at 13:30'
        " --due 18:00",
    )
    assert "Request #1 recorded: Báo Lai Châu asks phuc-khoa" in result.stdout
    assert "13:30" in result.stdout
    assert "Answer needed by" in result.stdout and "18:00" in result.stdout
    assert count(workspace, "press_requests") == 1
    row = rows(workspace, "SELECT * FROM press_requests")[0]
    assert row["outlet"] == "Báo Lai Châu"
    assert row["about"] == "Thiệt hại"
    assert row["answered_at"] is None


def test_request_json_is_the_record_written(landslide: Run) -> None:
    data = as_json(
        landslide,
        "press",
        "request",
        "-u",
        "phuc-khoa",
        "--from",
        "  Báo Lai Châu ",
        "--about",
        "Thiệt hại về người",
        "--at",
        "13:30",
        "-i",
        "2026-0001",
        "--due",
        "18:00",
    )
    assert data == {
        "id": 1,
        "unit": "phuc-khoa",
        "outlet": "Báo Lai Châu",
        "received_at": "2026-11-29T13:30:00+07:00",
        "about": "Thiệt hại về người",
        "incident": "2026-0001",
        "due_at": "2026-11-29T18:00:00+07:00",
        "state": "open",
        "answered_at": None,
        "waited_seconds": 30 * 60,
        "overdue": False,
        "channel": None,
        "statement": None,
        "refusal": None,
    }


def test_request_ids_increase(landslide: Run) -> None:
    ids = [
        as_json(landslide, "press", "request", "-u", unit, "--from", "VTV", "--about", "X")["id"]
        for unit in ("phuc-khoa", "ho-mit", "tan-uyen")
    ]
    assert ids == [1, 2, 3]


def test_request_of_an_unknown_unit_is_refused(landslide: Run, refused: Refuse) -> None:
    refused(
        'press request -u khong-co --from "Báo Lai Châu" --about "X"',
        expected="unknown unit 'khong-co'",
    )


def test_request_about_an_unknown_incident_is_refused(landslide: Run, refused: Refuse) -> None:
    refused(
        'press request -u phuc-khoa --from "Báo Lai Châu" --about "X" -i 2026-0099',
        expected="unknown incident '2026-0099'",
    )


@pytest.mark.parametrize(
    ("outlet", "about", "expected"),
    [
        ("   ", "Thiệt hại", "Name the press outlet."),
        ("", "Thiệt hại", "Name the press outlet."),
        ("Báo Lai Châu", "  ", "Say what the request is about (--about)."),
        ("Báo Lai Châu", "", "Say what the request is about (--about)."),
    ],
)
def test_request_needs_an_outlet_and_a_subject(
    landslide: Run, refused: Refuse, outlet: str, about: str, expected: str
) -> None:
    refused(
        "press", "request", "-u", "phuc-khoa", "--from", outlet, "--about", about, expected=expected
    )


def test_request_due_before_it_was_received_is_refused(landslide: Run, refused: Refuse) -> None:
    refused(
        'press request -u phuc-khoa --from "Báo Lai Châu" --about X --at 13:30 --due 13:00',
        expected="The answer cannot be due before the request was received.",
    )


def test_request_due_in_the_future_is_accepted(landslide: Run) -> None:
    data = as_json(landslide, 'press request -u phuc-khoa --from VTV --about X --due "30/11 08:00"')
    assert data["due_at"] == "2026-11-30T08:00:00+07:00"


def test_request_received_in_the_future_is_refused(landslide: Run, refused: Refuse) -> None:
    refused(
        'press request -u phuc-khoa --from "Báo Lai Châu" --about X --at 15:00',
        expected="is in the future",
    )


def test_request_with_an_overlong_subject_is_refused(landslide: Run, refused: Refuse) -> None:
    refused(
        "press",
        "request",
        "-u",
        "phuc-khoa",
        "--from",
        "VTV",
        "--about",
        "x" * 10_001,
        expected="The text is too long",
    )


# -- replies ----------------------------------------------------------------------------------


def test_reply_is_recorded_with_its_channel(request_open: Run, workspace: Path) -> None:
    result = ok(request_open, "press reply 1 --at 13:45 --channel phone")
    assert "Request #1 answered at" in result.stdout
    assert "13:45" in result.stdout
    assert "after 15 min" in result.stdout
    row = rows(workspace, "SELECT * FROM press_requests WHERE id = 1")[0]
    assert row["outcome"] == "replied"
    assert row["channel"] == "phone"
    data = as_json(request_open, "press requests")[0]
    assert data["state"] == "replied"
    assert data["answered_at"] == "2026-11-29T13:45:00+07:00"
    assert data["channel"] == "phone"
    assert data["refusal"] is None
    assert data["waited_seconds"] == 15 * 60


def test_reply_json_defaults_to_now(request_open: Run) -> None:
    data = as_json(request_open, "press reply #1 --channel WRITTEN")
    assert data["id"] == 1
    assert data["state"] == "replied"
    assert data["answered_at"] == "2026-11-29T14:00:00+07:00"
    assert data["channel"] == "written"
    assert data["waited_seconds"] == 30 * 60


def test_reply_at_the_time_of_the_request_is_accepted(request_open: Run) -> None:
    assert as_json(request_open, "press reply 1 --at 13:30")["waited_seconds"] == 0


def test_reply_before_the_request_is_refused(request_open: Run, refused: Refuse) -> None:
    result = refused(
        "press reply 1 --at 13:00",
        expected="Request #1 was received at 29 Nov 2026 13:30",
    )
    assert "it cannot be answered before that" in result.stderr


def test_reply_twice_is_refused(request_open: Run, refused: Refuse) -> None:
    ok(request_open, "press reply 1 --at 13:45 --channel phone")
    refused("press reply 1", expected="Request #1 was already answered at 29 Nov 2026 13:45")
    refused("press reply 1 --refuse state-secret", expected="was already answered")


def test_reply_to_an_unknown_request_is_refused(request_open: Run, refused: Refuse) -> None:
    refused("press reply 99", expected="No request #99. See: spokes press requests")


@pytest.mark.parametrize("bad", ["abc", "0", "-1", "1.5"])
def test_reply_to_a_malformed_request_id_is_refused(
    request_open: Run, refused: Refuse, bad: str
) -> None:
    refused("press", "reply", "--", bad, expected=f'No request number "{bad}"')


def test_reply_when_the_register_is_empty_is_refused(tan_uyen: Run, refused: Refuse) -> None:
    refused("press reply 1", expected="No request #1.")


def test_reply_in_the_future_is_refused(request_open: Run, refused: Refuse) -> None:
    refused("press reply 1 --at 15:00", expected="is in the future")


@pytest.mark.parametrize("ground", REFUSAL_GROUNDS)
def test_refusal_on_a_ground_of_the_law(request_open: Run, workspace: Path, ground: str) -> None:
    from spokes.i18n import t

    data = as_json(request_open, "press", "reply", "1", "--at", "13:40", "--refuse", ground)
    assert data["state"] == "refused"
    assert data["answered_at"] == "2026-11-29T13:40:00+07:00"
    assert data["refusal"] == {"ground": ground, "reason": t(f"press.ground.{ground}")}
    assert data["refusal"]["reason"] != ground  # the label, in words
    row = rows(workspace, "SELECT * FROM press_requests WHERE id = 1")[0]
    assert (row["outcome"], row["refusal_ground"], row["refusal_reason"]) == (
        "refused",
        ground,
        None,
    )


def test_refusal_ground_label_in_english_and_vietnamese(request_open: Run) -> None:
    data = as_json(request_open, "press reply 1 --refuse STATE-SECRET")
    assert data["refusal"] == {"ground": "state-secret", "reason": "a state secret"}
    listed = as_json(request_open, "--lang vi press requests")[0]
    assert listed["refusal"] == {"ground": "state-secret", "reason": "thuộc bí mật nhà nước"}


def test_refusal_line_names_the_reason(request_open: Run) -> None:
    result = ok(request_open, "press reply 1 --at 13:50 --refuse under-investigation")
    assert "Request #1 refused at" in result.stdout
    assert "after 20 min" in result.stdout
    assert "Reason: a case under investigation or not yet tried." in result.stdout


def test_refusal_with_a_reason_in_words(request_open: Run, workspace: Path) -> None:
    data = as_json(request_open, "press reply 1 --refuse 'Đang xác minh với cơ quan điều tra'")
    assert data["state"] == "refused"
    assert data["refusal"] == {"ground": "other", "reason": "Đang xác minh với cơ quan điều tra"}
    row = rows(workspace, "SELECT * FROM press_requests WHERE id = 1")[0]
    assert row["refusal_ground"] == "other"
    assert row["refusal_reason"] == "Đang xác minh với cơ quan điều tra"


@pytest.mark.parametrize("reason", ["other", "OTHER", " other ", "  ", ""])
def test_refusal_without_a_reason_is_refused(
    request_open: Run, refused: Refuse, reason: str
) -> None:
    refused(
        "press",
        "reply",
        "1",
        "--refuse",
        reason,
        expected="A refusal must give its reason (Decree 244/2026 Art. 4.3)",
    )


@pytest.mark.parametrize("extra", [["--channel", "phone"], ["--statement", "1"]])
def test_refusal_with_a_channel_or_statement_is_refused(
    request_open: Run, refused: Refuse, extra: list[str]
) -> None:
    issue_statement(request_open, "2026-0001", "13:35")
    refused(
        "press",
        "reply",
        "1",
        "--refuse",
        "state-secret",
        *extra,
        expected="A refusal has no channel or statement",
    )


def test_reply_with_an_unknown_channel_is_refused(request_open: Run, refused: Refuse) -> None:
    result = refused("press reply 1 --channel pigeon", expected='Unknown channel "pigeon"')
    assert "press-release" in result.stderr and "phone" in result.stderr


def test_reply_with_an_issued_statement_is_recorded(request_open: Run, workspace: Path) -> None:
    sid = issue_statement(request_open, "2026-0001", "13:35")
    result = ok(request_open, f"press reply 1 --at 13:45 --statement {sid}")
    assert f"With statement {sid}." in result.stdout
    row = rows(workspace, "SELECT * FROM press_requests WHERE id = 1")[0]
    assert row["statement_id"] == sid
    assert row["outcome"] == "replied"
    assert as_json(request_open, "press requests")[0]["statement"] == sid


def test_reply_with_a_statement_issued_at_the_reply_time_is_recorded(request_open: Run) -> None:
    sid = issue_statement(request_open, "2026-0001", "13:45")
    data = as_json(request_open, f"press reply 1 --at 13:45 --statement {sid} --channel portal")
    assert (data["statement"], data["channel"], data["state"]) == (sid, "portal", "replied")


def test_reply_with_a_draft_statement_is_refused(request_open: Run, refused: Refuse) -> None:
    sid = as_json(request_open, "statement draft 2026-0001 --lang vi")["id"]
    refused(
        f"press reply 1 --statement {sid}",
        expected=f"Statement {sid} is not issued: a reply can only point to an issued statement.",
    )


def test_reply_with_an_approved_but_unissued_statement_is_refused(
    request_open: Run, refused: Refuse
) -> None:
    sid = as_json(request_open, "statement draft 2026-0001 --lang vi")["id"]
    ok(request_open, "statement", "approve", str(sid), "--by", "Lù Thị Mai")
    refused(f"press reply 1 --statement {sid}", expected=f"Statement {sid} is not issued")


def test_reply_with_a_statement_of_another_incident_is_refused(
    request_open: Run, refused: Refuse
) -> None:
    sid = issue_statement(request_open, "2026-0002", "13:35")
    refused(
        f"press reply 1 --statement {sid}",
        expected=f"Statement {sid} is about 2026-0002; the request is about 2026-0001.",
    )


def test_reply_with_a_statement_issued_after_the_reply_is_refused(
    request_open: Run, refused: Refuse
) -> None:
    sid = issue_statement(request_open, "2026-0001", "13:50")
    refused(
        f"press reply 1 --at 13:40 --statement {sid}",
        expected=f"Statement {sid} was issued at 29 Nov 2026 13:50",
    )


def test_reply_with_an_unknown_statement_is_refused(request_open: Run, refused: Refuse) -> None:
    refused("press reply 1 --statement 42", expected="unknown statement '42'")
    refused("press reply 1 --statement abc", expected="'abc' is not a statement number")


def test_request_without_incident_accepts_any_issued_statement(landslide: Run) -> None:
    sid = issue_statement(landslide, "2026-0002", "13:35")
    ok(landslide, "press request -u phuc-khoa --from VTV --about X --at 13:40")
    assert as_json(landslide, f"press reply 1 --statement {sid}")["statement"] == sid


# -- the list of requests ---------------------------------------------------------------------


@pytest.fixture
def three_requests(landslide: Run) -> Run:
    """#1 Phúc Khoa 10:00 due 12:00, still open (overdue); #2 Hố Mít 13:00 due 18:00, open;
    #3 Phúc Khoa 11:00 due 12:00, replied at 11:30 (on time)."""
    run = landslide
    for line in (
        "press request -u phuc-khoa --from VTV --about 'Số người chết' --at 10:00 --due 12:00",
        "press request -u ho-mit --from 'Báo Lai Châu' --about 'Cháy' --at 13:00 --due 18:00",
        "press request -u phuc-khoa --from 'Dân trí' --about 'Cứu hộ' --at 11:00 --due 12:00",
        "press reply 3 --at 11:30 --channel phone",
    ):
        ok(run, line)
    return run


def test_requests_json_waited_and_overdue(three_requests: Run) -> None:
    listed = {item["id"]: item for item in as_json(three_requests, "press requests")}
    assert set(listed) == {1, 2, 3}
    # Open: waited until now (14:00).
    assert listed[1]["waited_seconds"] == 4 * 3600
    assert listed[2]["waited_seconds"] == 3600
    # Answered: waited until the answer, not until now.
    assert listed[3]["waited_seconds"] == 30 * 60
    assert listed[1]["overdue"] is True
    assert listed[2]["overdue"] is False
    assert listed[3]["overdue"] is False
    assert [listed[i]["state"] for i in (1, 2, 3)] == ["open", "open", "replied"]


def test_an_answer_past_its_due_is_overdue(landslide: Run) -> None:
    ok(landslide, "press request -u phuc-khoa --from VTV --about X --at 10:00 --due 11:00")
    data = as_json(landslide, "press reply 1 --at 12:00 --channel phone")
    assert (data["state"], data["overdue"], data["waited_seconds"]) == ("replied", True, 7200)


def test_requests_are_listed_oldest_first(three_requests: Run) -> None:
    assert [item["id"] for item in as_json(three_requests, "press requests")] == [1, 3, 2]


def test_waited_seconds_follow_the_clock(three_requests: Run) -> None:
    later = as_json(three_requests, "press requests", now="2026-11-29T16:00:00+07:00")
    listed = {item["id"]: item["waited_seconds"] for item in later}
    assert listed == {1: 6 * 3600, 2: 3 * 3600, 3: 30 * 60}
    overdue = {
        item["id"]: item["overdue"]
        for item in as_json(three_requests, "press requests", now="2026-11-29T18:30:00+07:00")
    }
    assert overdue == {1: True, 2: True, 3: False}


def test_requests_open_only(three_requests: Run) -> None:
    assert [item["id"] for item in as_json(three_requests, "press requests --open")] == [1, 2]
    table = ok(three_requests, "press requests --open").stdout
    assert "VTV" in table and "Báo Lai Châu" in table
    assert "Dân trí" not in table


def test_requests_of_one_unit(three_requests: Run) -> None:
    assert [item["id"] for item in as_json(three_requests, "press requests -u phuc-khoa")] == [
        1,
        3,
    ]
    assert [i["id"] for i in as_json(three_requests, "press requests --unit ho-mit --open")] == [2]
    assert as_json(three_requests, "press requests -u cong-an") == []


def test_requests_of_an_unknown_unit_are_refused(three_requests: Run, refused: Refuse) -> None:
    refused("press requests -u khong-co", expected="unknown unit 'khong-co'")


def test_requests_table_shows_waited_time_and_answers(three_requests: Run) -> None:
    table = ok(three_requests, "press requests").stdout
    lines = table.splitlines()
    line = {n: next(row for row in lines if row.lstrip().startswith(f"{n} ")) for n in (1, 2, 3)}
    assert "VTV" in line[1] and "4 h 00 min" in line[1] and "OVERDUE since 12:00" in line[1]
    assert "Báo Lai Châu" in line[2] and "1 h 00 min" in line[2]
    assert "waiting, due 18:00" in line[2]
    assert "Dân trí" in line[3] and "30 min" in line[3] and "replied 11:30" in line[3]
    assert "Waited" in lines[0]


def test_requests_table_shows_refusals_and_plain_waiting(request_open: Run) -> None:
    ok(request_open, "press request -u ho-mit --from VTV --about Y --at 13:55")
    ok(request_open, "press reply 1 --at 13:40 --refuse state-secret")
    lines = ok(request_open, "press requests").stdout.splitlines()
    first = next(row for row in lines if row.lstrip().startswith("1 "))
    second = next(row for row in lines if row.lstrip().startswith("2 "))
    assert "refused 13:40" in first and "10 min" in first
    assert "waiting" in second and "5 min" in second


def test_empty_register_says_so(tan_uyen: Run) -> None:
    result = ok(tan_uyen, "press requests")
    assert result.stdout.strip() == "No request from the press recorded."
    assert ok(tan_uyen, "press requests --json").json() == []


def test_no_open_request_says_so(request_open: Run) -> None:
    ok(request_open, "press reply 1 --channel phone")
    result = ok(request_open, "press requests --open")
    assert result.stdout.strip() == "No request is waiting for an answer."


def test_empty_register_in_a_fresh_workspace(run: Run) -> None:
    result = ok(run, "press requests")
    assert "No request from the press recorded." in result.stdout


# -- false reports and written responses ------------------------------------------------------


def test_correction_writes_one_row_and_prints_its_id(tan_uyen: Run, workspace: Path) -> None:
    result = ok(
        tan_uyen,
        'press correction -u phuc-khoa --outlet "Trang ABC" --published 12:00 --claim "Vỡ đập"',
    )
    assert "False report #1 recorded: Trang ABC, published" in result.stdout
    assert "12:00" in result.stdout and "for phuc-khoa to answer" in result.stdout
    assert "Conflicts" not in result.stdout  # no incident: no check
    assert count(workspace, "press_corrections") == 1


def test_correction_json_is_the_record_written(landslide: Run) -> None:
    data = as_json(
        landslide,
        "press",
        "correction",
        "-u",
        "phuc-khoa",
        "--outlet",
        "Trang ABC",
        "--published",
        "28/11 20:15",
        "--claim",
        "Vỡ đập thủy điện",
        "--url",
        "https://abc.example/1",
    )
    assert data == {
        "id": 1,
        "unit": "phuc-khoa",
        "outlet": "Trang ABC",
        "published_at": "2026-11-28T20:15:00+07:00",
        "claim": "Vỡ đập thủy điện",
        "url": "https://abc.example/1",
        "incident": None,
        "responded_at": None,
        "document": None,
    }
    second = as_json(landslide, "press correction -u ho-mit --outlet X --published 9:00 --claim Y")
    third = as_json(landslide, "press correction -u ho-mit --outlet X --published 9:00 --claim Z")
    assert (second["id"], third["id"]) == (2, 3)
    assert "check" not in second


def test_correction_of_an_unknown_unit_is_refused(landslide: Run, refused: Refuse) -> None:
    refused(
        "press correction -u khong-co --outlet X --published 12:00 --claim Y",
        expected="unknown unit 'khong-co'",
    )


def test_correction_about_an_unknown_incident_is_refused(landslide: Run, refused: Refuse) -> None:
    refused(
        "press correction -u phuc-khoa --outlet X --published 12:00 --claim Y -i 2026-0099",
        expected="unknown incident '2026-0099'",
    )


@pytest.mark.parametrize(
    ("outlet", "claim", "expected"),
    [
        (" ", "Vỡ đập", "Name the press outlet."),
        ("Trang ABC", "   ", "Say what the false report claimed (--claim)."),
    ],
)
def test_correction_needs_an_outlet_and_a_claim(
    landslide: Run, refused: Refuse, outlet: str, claim: str, expected: str
) -> None:
    refused(
        "press",
        "correction",
        "-u",
        "phuc-khoa",
        "--outlet",
        outlet,
        "--published",
        "12:00",
        "--claim",
        claim,
        expected=expected,
    )


def test_correction_published_in_the_future_is_refused(landslide: Run, refused: Refuse) -> None:
    refused(
        "press correction -u phuc-khoa --outlet X --published 16:00 --claim Y",
        expected="is in the future",
    )


def test_correction_contradicting_the_facts_is_checked_and_recorded(
    landslide: Run, workspace: Path
) -> None:
    data = as_json(
        landslide,
        "press",
        "correction",
        "-u",
        "phuc-khoa",
        "--outlet",
        "Trang ABC",
        "--published",
        "12:00",
        "--claim",
        "Vụ sạt lở làm 3 người chết",
        "-i",
        "2026-0001",
    )
    assert data["id"] == 1
    assert data["incident"] == "2026-0001"
    check = data["check"]
    assert set(check) >= {"conflicts", "confirmed", "unknown"}
    assert len(check["conflicts"]) == 1
    conflict = check["conflicts"][0]
    assert conflict["fact"] == "deaths"
    assert conflict["found"] == "3"
    assert conflict["expected"] == "2"
    found = events(workspace, "conflicts-found")
    assert len(found) == 1
    assert found[0]["incident_id"] == "2026-0001"
    assert found[0]["detail"]["figures"] == [
        {"fact": "deaths", "found": "3 người chết", "expected": "2"}
    ]


def test_correction_check_is_printed_as_text(landslide: Run, workspace: Path) -> None:
    result = ok(
        landslide,
        "press correction -u phuc-khoa --outlet 'Trang ABC' --published 12:00"
        " --claim 'Vụ sạt lở làm 3 người chết' -i 2026-0001",
    )
    assert result.exit_code == 0
    assert "False report #1 recorded" in result.stdout
    assert "Conflicts (1):" in result.stdout
    assert "3 người chết" in result.stdout
    assert "the facts say 2" in result.stdout
    assert len(events(workspace, "conflicts-found")) == 1


def test_correction_agreeing_with_the_facts_records_no_conflict(
    landslide: Run, workspace: Path
) -> None:
    data = as_json(
        landslide,
        "press",
        "correction",
        "-u",
        "phuc-khoa",
        "--outlet",
        "Trang ABC",
        "--published",
        "12:00",
        "--claim",
        "Vụ sạt lở làm 2 người chết",
        "-i",
        "2026-0001",
    )
    assert data["check"]["conflicts"] == []
    assert len(data["check"]["confirmed"]) == 1
    assert events(workspace, "conflicts-found") == []


@pytest.fixture
def correction(tan_uyen: Run) -> Run:
    """False report #1, published at 12:00."""
    ok(tan_uyen, "press correction -u phuc-khoa --outlet 'Trang ABC' --published 12:00 --claim Y")
    return tan_uyen


def test_respond_is_recorded_with_its_document(correction: Run, workspace: Path) -> None:
    result = ok(correction, "press respond 1 --at 13:00 --document 'Số 05/UBND-VP'")
    assert "Written response to false report #1 recorded" in result.stdout
    assert "13:00" in result.stdout
    assert "Document: Số 05/UBND-VP." in result.stdout
    row = rows(workspace, "SELECT * FROM press_corrections WHERE id = 1")[0]
    assert row["document"] == "Số 05/UBND-VP"
    assert row["responded_at"] is not None


def test_respond_json(correction: Run) -> None:
    data = as_json(correction, "press", "respond", "1", "--document", "Số 12/UBND-VP")
    assert data["id"] == 1
    assert data["responded_at"] == "2026-11-29T14:00:00+07:00"
    assert data["published_at"] == "2026-11-29T12:00:00+07:00"
    assert data["document"] == "Số 12/UBND-VP"


def test_respond_without_document(correction: Run) -> None:
    result = ok(correction, "press respond 1 --at 12:00")
    assert "Document" not in result.stdout
    assert as_json(correction, "press requests") == []  # a response is no request


def test_respond_before_the_publication_is_refused(correction: Run, refused: Refuse) -> None:
    refused(
        "press respond 1 --at 11:00",
        expected="False report #1 was published at 29 Nov 2026 12:00",
    )


def test_respond_twice_is_refused(correction: Run, refused: Refuse) -> None:
    ok(correction, "press respond 1 --at 13:00")
    refused(
        "press respond 1 --document 'Số 06/UBND-VP'",
        expected="False report #1 already has its written response",
    )


@pytest.mark.parametrize(
    ("bad", "expected"),
    [("7", "No false report #7."), ("abc", 'No false report number "abc"')],
)
def test_respond_to_an_unknown_correction_is_refused(
    correction: Run, refused: Refuse, bad: str, expected: str
) -> None:
    refused("press", "respond", bad, expected=expected)


def test_respond_in_the_future_is_refused(correction: Run, refused: Refuse) -> None:
    refused("press respond 1 --at 14:30", expected="is in the future")


# -- Vietnamese -------------------------------------------------------------------------------


def nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


def test_vietnamese_request_and_reply(landslide: Run) -> None:
    recorded = ok(
        landslide,
        "--lang",
        "vi",
        "press",
        "request",
        "-u",
        "phuc-khoa",
        "--from",
        "Báo Lai Châu",
        "--about",
        "Thiệt hại",
        "--at",
        "13:30",
        "--due",
        "18:00",
    ).stdout
    assert "Đã ghi nhận yêu cầu #1: Báo Lai Châu đề nghị phuc-khoa" in recorded
    assert "13:30 ngày 29/11/2026" in recorded
    assert "Cần trả lời trước" in recorded
    refused_line = ok(
        landslide,
        "--lang",
        "vi",
        "press",
        "reply",
        "1",
        "--at",
        "13:45",
        "--refuse",
        "state-secret",
    ).stdout
    assert "Đã từ chối yêu cầu #1" in refused_line
    assert "sau 15 phút" in refused_line
    assert "Lý do: thuộc bí mật nhà nước." in refused_line
    assert nfc(recorded) and nfc(refused_line)


def test_vietnamese_records_and_refusals(landslide: Run, refused: Refuse) -> None:
    conference = ok(landslide, "--lang vi press conference -u phuc-khoa --at 13:00 --online")
    assert "Đã ghi nhận họp báo #1: phuc-khoa" in conference.stdout
    assert "(trực tuyến)" in conference.stdout
    briefing = ok(landslide, "--lang vi press briefing -u ho-mit --at 09:00 -i 2026-0003")
    assert "Đã ghi nhận giao ban báo chí #2" in briefing.stdout
    assert "Về: 2026-0003." in briefing.stdout
    false = ok(
        landslide, "--lang vi press correction -u ho-mit --outlet X --published 12:00 --claim Y"
    )
    assert "Đã ghi nhận tin sai sự thật #1: X, đăng lúc" in false.stdout
    response = ok(landslide, "--lang vi press respond 1 --document 'Số 05/UBND-VP'")
    assert "Đã ghi nhận văn bản phản hồi tin sai #1" in response.stdout
    assert "Văn bản: Số 05/UBND-VP." in response.stdout
    empty = ok(landslide, "--lang vi press requests")
    assert empty.stdout.strip() == "Chưa có yêu cầu nào của báo chí."
    result = refused(
        "--lang vi press reply 1 --refuse other",
        expected="Từ chối phải nêu rõ lý do (Nghị định 244/2026, Điều 4 khoản 3)",
    )
    for text in (conference, briefing, false, response, empty, result):
        assert nfc(text.stdout + text.stderr)


def test_vietnamese_requests_table(request_open: Run) -> None:
    table = ok(request_open, "--lang vi press requests").stdout
    assert "Cơ quan báo chí" in table and "Thời gian chờ" in table
    assert "đang chờ" in table and "30 phút" in table


# -- audit ------------------------------------------------------------------------------------


def test_every_write_records_its_audit_event(landslide: Run, workspace: Path) -> None:
    sid = issue_statement(landslide, "2026-0001", "13:35")
    for line in (
        "press conference -u phuc-khoa --at 13:40 --online -i 2026-0001 -i 2026-0002",
        "press briefing -u ho-mit --at 09:00 --organiser 'Ban Tuyên giáo'",
        "press request -u phuc-khoa --from VTV --about X --at 13:30 -i 2026-0001 --due 18:00",
        "press request -u ho-mit --from 'Báo Lai Châu' --about Y --at 13:31",
        f"press reply 1 --at 13:45 --statement {sid} --channel portal",
        "press reply 2 --at 13:50 --refuse 'Đang xác minh'",
        "press correction -u phuc-khoa --outlet ABC --published 12:00 --claim Z -i 2026-0001",
        "press respond 1 --at 13:00 --document 'Số 05/UBND-VP'",
    ):
        ok(landslide, line)

    (conference,) = events(workspace, "press-conference-recorded")
    assert conference["unit_code"] == "phuc-khoa"
    assert conference["detail"]["record"] == 1
    assert conference["detail"]["online"] is True
    assert sorted(conference["detail"]["incidents"]) == ["2026-0001", "2026-0002"]
    assert conference["actor"] == "tester"

    (briefing,) = events(workspace, "press-briefing-recorded")
    assert (briefing["unit_code"], briefing["detail"]["record"]) == ("ho-mit", 2)
    assert briefing["detail"]["organiser"] == "Ban Tuyên giáo"

    recorded = events(workspace, "press-request-recorded")
    assert [e["detail"]["record"] for e in recorded] == [1, 2]
    assert recorded[0]["incident_id"] == "2026-0001"
    assert recorded[0]["detail"]["outlet"] == "VTV"
    assert recorded[1]["incident_id"] is None

    (replied,) = events(workspace, "press-request-replied")
    assert replied["detail"]["record"] == 1
    assert replied["detail"]["statement"] == sid
    assert replied["detail"]["channel"] == "portal"
    assert replied["incident_id"] == "2026-0001"

    (refusal,) = events(workspace, "press-request-refused")
    assert refusal["detail"]["record"] == 2
    assert refusal["detail"]["ground"] == "other"
    assert refusal["detail"]["reason"] == "Đang xác minh"

    (false,) = events(workspace, "press-correction-recorded")
    assert false["detail"]["record"] == 1
    assert false["incident_id"] == "2026-0001"

    (response,) = events(workspace, "press-correction-responded")
    assert response["detail"]["record"] == 1
    assert response["detail"]["document"] == "Số 05/UBND-VP"


def test_one_event_per_write(tan_uyen: Run, workspace: Path) -> None:
    def press_events() -> int:
        return rows(workspace, "SELECT COUNT(*) AS n FROM events WHERE kind LIKE 'press-%'")[0]["n"]

    for n, line in enumerate(
        (
            "press conference -u phuc-khoa",
            "press briefing -u phuc-khoa",
            "press request -u phuc-khoa --from VTV --about X",
            "press reply 1 --refuse state-secret",
            "press correction -u phuc-khoa --outlet X --published 12:00 --claim Y",
            "press respond 1",
        ),
        start=1,
    ):
        ok(tan_uyen, line)
        assert press_events() == n, line
