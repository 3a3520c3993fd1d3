"""Incidents on the deadline clock: the acceptance examples of the core issue, and every bad
input refused with one clear line, exit code 1 and nothing written."""

from __future__ import annotations

import pytest

from tests.conftest import Run


def open_landslide(run: Run, *extra: str) -> dict[str, object]:
    result = run(
        "incident",
        "open",
        "Sạt lở đất",
        "--unit",
        "phuc-khoa",
        "--occurred",
        "13:10",
        "--json",
        *extra,
    )
    assert result.exit_code == 0, result
    data: dict[str, object] = result.json()
    return data


def test_open_deadline_is_two_hours_after_occurrence_in_workspace_zone(tan_uyen: Run) -> None:
    data = open_landslide(tan_uyen)
    assert data["id"] == "2026-0001"
    assert data["deadline"] == "2026-11-29T15:10:00+07:00"
    assert data["clock"] == "pending"
    assert data["remaining_seconds"] == 4200
    assert data["occurred_at"] == "2026-11-29T13:10:00+07:00"
    assert data["received_at"] == "2026-11-29T14:00:00+07:00"  # defaults to now
    assert data["status"] == "open"
    assert data["lead_unit"] == "phuc-khoa"
    assert data["initial_information_at"] is None
    assert data["spokesperson"] == {
        "name": "Lù Thị Mai",
        "title": "Chủ tịch UBND xã",
        "phone": "0912 000 108",
        "email": "ltmai@phuckhoa.example.vn",
    }
    rules = {item["rule"]: item for item in data["deadlines"]}  # type: ignore[attr-defined]
    assert set(rules) == {"local-2h", "decree-244-24h"}  # no `decided`: that rule does not apply
    assert rules["decree-244-24h"]["due_at"] == "2026-11-30T14:00:00+07:00"


def test_clock_turns_at_risk_then_overdue_and_status_check_exits_3(tan_uyen: Run) -> None:
    open_landslide(tan_uyen)
    at_risk = tan_uyen("incident", "show", "2026-0001", "--json", now="2026-11-29T14:45:00+07:00")
    assert at_risk.json()["clock"] == "at_risk"
    assert at_risk.json()["remaining_seconds"] == 25 * 60
    assert tan_uyen("status", "--check").exit_code == 0

    overdue = tan_uyen("status", "--json", now="2026-11-29T15:11:00+07:00")
    item = overdue.json()["incidents"][0]
    assert item["clock"] == "overdue"
    assert item["remaining_seconds"] == -60
    assert overdue.json()["now"] == "2026-11-29T15:11:00+07:00"
    assert tan_uyen("status", "--check", now="2026-11-29T15:11:00+07:00").exit_code == 3


def test_informed_before_deadline_is_met_and_stops_the_clock(tan_uyen: Run) -> None:
    open_landslide(tan_uyen)
    informed = tan_uyen(
        "incident inform 2026-0001 --at 15:05 --channel press-release --json",
        now="2026-11-29T15:30:00+07:00",
    )
    assert informed.exit_code == 0, informed
    data = informed.json()
    assert data["clock"] == "met"
    assert data["initial_information_at"] == "2026-11-29T15:05:00+07:00"
    assert data["remaining_seconds"] is None
    assert data["initial_information"]["by"] == "Lù Thị Mai"  # the spokesperson on duty
    assert tan_uyen("status", "--check", now="2026-11-30T09:00:00+07:00").exit_code == 0


def test_informed_after_deadline_is_late(tan_uyen: Run) -> None:
    open_landslide(tan_uyen)
    later = "2026-11-29T15:30:00+07:00"
    tan_uyen("incident", "inform", "2026-0001", "--at", "15:20", now=later)
    data = tan_uyen("incident", "show", "2026-0001", "--json", now=later).json()
    assert data["clock"] == "late"
    states = {item["rule"]: item["state"] for item in data["deadlines"]}
    assert states == {"local-2h": "late", "decree-244-24h": "met"}


def test_incident_at_half_past_eleven_is_due_half_past_one_next_day(tan_uyen: Run) -> None:
    result = tan_uyen(
        "incident open 'Cháy nhà dân' --unit phuc-khoa --occurred 23:30 --json",
        now="2026-11-29T23:40:00+07:00",
    )
    assert result.json()["deadline"] == "2026-11-30T01:30:00+07:00"


def test_machine_time_zone_does_not_matter(tan_uyen: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        data = open_landslide(tan_uyen)
    finally:
        monkeypatch.setenv("TZ", "UTC")
        time.tzset()
    assert data["deadline"] == "2026-11-29T15:10:00+07:00"


def test_decided_time_adds_the_public_opinion_rule(tan_uyen: Run) -> None:
    data = open_landslide(tan_uyen, "--received", "13:30", "--decided", "13:50")
    rules = {item["rule"]: item["due_at"] for item in data["deadlines"]}
    assert rules == {
        "local-2h": "2026-11-29T15:10:00+07:00",
        "decree-244-24h": "2026-11-30T13:30:00+07:00",
        "decree-244-opinion-24h": "2026-11-30T13:50:00+07:00",
    }
    assert data["deadline"] == "2026-11-29T15:10:00+07:00"  # the earliest binds


def test_rule_filters_and_custom_rules_come_from_config(tan_uyen: Run, workspace) -> None:
    (workspace / "config.toml").write_text(
        '[[rules]]\nname = "sector-6h"\nfrom = "received"\nwithin = "6h"\n'
        'citation = "Quyết định 22/QĐ-BGDĐT"\ncategories = ["school"]\n'
        '[[rules]]\nname = "national-24h"\nfrom = "received"\nwithin = "24h"\ncitation = "x"\n',
        encoding="utf-8",
    )
    school = open_landslide(tan_uyen, "--category", "School")
    assert school["deadline"] == "2026-11-29T20:00:00+07:00"
    other = open_landslide(tan_uyen, "--category", "fire")
    assert other["deadline"] == "2026-11-30T14:00:00+07:00"
    assert [item["rule"] for item in other["deadlines"]] == ["national-24h"]


def test_open_without_spokesperson_warns_loudly(tan_uyen: Run) -> None:
    result = tan_uyen("incident", "open", "Đá lăn", "--unit", "ho-mit")
    assert result.exit_code == 0
    assert "HO-MIT HAS NO SPOKESPERSON" in result.stderr.upper()
    assert "2026-0001" in result.stdout


def test_open_text_output_shows_id_spokesperson_and_deadlines(tan_uyen: Run) -> None:
    result = tan_uyen("--lang vi incident open 'Sạt lở đất' --unit PHUC-KHOA --occurred 13:10")
    assert result.exit_code == 0, result
    assert "Đã mở sự việc 2026-0001: Sạt lở đất" in result.stdout
    assert "Lù Thị Mai" in result.stdout
    assert "15:10" in result.stdout
    assert "1 giờ 10 phút" in result.stdout


def test_ids_are_sequential_per_year(tan_uyen: Run) -> None:
    first = open_landslide(tan_uyen)
    second = open_landslide(tan_uyen)
    assert (first["id"], second["id"]) == ("2026-0001", "2026-0002")


def test_edit_corrected_time_recomputes_deadline_and_is_recorded(tan_uyen: Run) -> None:
    open_landslide(tan_uyen)
    edited = tan_uyen("incident", "edit", "2026-0001", "--occurred", "12:50", "--json")
    assert edited.exit_code == 0, edited
    assert edited.json()["deadline"] == "2026-11-29T14:50:00+07:00"
    shown = tan_uyen("incident", "show", "2026-0001", "--json").json()
    edit_events = [event for event in shown["events"] if event["kind"] == "incident-edited"]
    assert edit_events[0]["detail"] == {
        "before": {"occurred_at": "2026-11-29T13:10:00+07:00"},
        "after": {"occurred_at": "2026-11-29T12:50:00+07:00"},
    }
    assert edit_events[0]["actor"] == "tester"


def test_show_has_a_timeline_of_events(tan_uyen: Run) -> None:
    open_landslide(tan_uyen)
    tan_uyen("incident", "inform", "2026-0001", "--at", "13:55", "--channel", "phone")
    tan_uyen("incident", "close", "2026-0001", "--note", "Đã khắc phục")
    shown = tan_uyen("--lang", "vi", "incident", "show", "2026-0001")
    assert shown.exit_code == 0
    for text in ("Diễn biến:", "Nhật ký thay đổi:", "mở sự việc", "kết thúc sự việc"):
        assert text in shown.stdout
    assert "(tester)" in shown.stdout
    timeline = shown.stdout.split("Diễn biến:")[1].split("Nhật ký")[0]
    # in the order things happened, not the order they were typed
    assert timeline.index("sự việc xảy ra") < timeline.index("cung cấp thông tin ban đầu")
    assert timeline.index("cung cấp thông tin ban đầu") < timeline.index("cơ quan tiếp nhận")
    assert timeline.index("kết thúc") < timeline.index("hạn chót local-2h")


def test_list_filters_open_closed_all_unit_and_since(tan_uyen: Run) -> None:
    open_landslide(tan_uyen)
    tan_uyen("incident", "open", "Đá lăn", "--unit", "ho-mit", "--occurred", "-3h")
    tan_uyen("incident", "close", "2026-0002")

    def ids(*args: str) -> list[str]:
        result = tan_uyen("incident", "list", *args, "--json")
        assert result.exit_code == 0, result
        return [item["id"] for item in result.json()]

    assert ids() == ["2026-0001"]
    assert ids("--open") == ["2026-0001"]
    assert ids("--closed") == ["2026-0002"]
    assert ids("--all") == ["2026-0002", "2026-0001"]  # by occurrence
    assert ids("--all", "--unit", "HO-MIT") == ["2026-0002"]
    assert ids("--all", "--since", "13:00") == ["2026-0001"]
    assert tan_uyen("incident", "list", "--open", "--closed").exit_code == 2


def test_closed_incident_leaves_status_and_keeps_its_record(tan_uyen: Run) -> None:
    open_landslide(tan_uyen)
    closed = tan_uyen("incident", "close", "2026-0001")
    assert closed.exit_code == 0
    assert "without any initial information" in closed.stderr
    status = tan_uyen("status", "--json", now="2026-11-29T18:00:00+07:00").json()
    assert status["incidents"] == []
    shown = tan_uyen("incident", "show", "2026-0001", "--json").json()
    assert shown["status"] == "closed"
    assert shown["clock"] == "pending"  # closed at 14:00, before its 15:10 deadline


# -- bad input: one clear line, exit 1, nothing written ------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--occurred", "25:99"), "cannot read the time '25:99'"),
        (("--occurred", "15:00"), "the time '15:00'"),  # in the future
        (("--occurred", "13:10", "--received", "13:00"), "cannot be received before it occurred"),
        (("--unit", "phuc-kho"), "unknown unit 'phuc-kho'. Did you mean 'phuc-khoa'?"),
        (("--severity", "huge"), "unknown severity 'huge'"),
        (("--involves", "nowhere"), "unknown unit 'nowhere'"),
        (("--decided", "12:00", "--occurred", "13:00"), "--decided is earlier"),
    ],
)
def test_open_refuses_bad_input(
    tan_uyen: Run, refused, args: tuple[str, ...], expected: str
) -> None:
    base = ["incident", "open", "Sạt lở đất"]
    if "--unit" not in args:
        base += ["--unit", "phuc-khoa"]
    result = refused(*base, *args, expected=expected)
    assert result.stderr.count("\n") == 1  # one line


def test_open_with_empty_title_is_refused(tan_uyen: Run, refused) -> None:
    refused("incident", "open", "   ", "--unit", "phuc-khoa", expected="title is empty")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ("incident", "show", "2026-0009"),
            "unknown incident '2026-0009'. Did you mean '2026-0001'?",
        ),
        (("incident", "inform", "2026-0001", "--at", "13:00"), "before the incident occurred"),
        (("incident", "inform", "2026-0001", "--channel", "pigeon"), "unknown channel 'pigeon'"),
        (("incident", "inform", "2026-0001", "--at", "in 2h"), "in the future"),
        (("incident", "edit", "2026-0001"), "nothing to change"),
        (("incident", "edit", "2026-0001", "--received", "13:00"), "before it occurred"),
        (("incident", "edit", "2026-0001", "--unit", "xyz"), "unknown unit 'xyz'"),
        (("incident", "close", "2026-0404"), "unknown incident"),
    ],
)
def test_incident_commands_refuse_bad_input(
    tan_uyen: Run, refused, args: tuple[str, ...], expected: str
) -> None:
    open_landslide(tan_uyen)
    refused(*args, expected=expected)


def test_inform_twice_and_close_twice_are_refused(tan_uyen: Run, refused) -> None:
    open_landslide(tan_uyen)
    assert tan_uyen("incident", "inform", "2026-0001", "--at", "13:40").exit_code == 0
    assert tan_uyen("incident", "close", "2026-0001").exit_code == 0
    refused(
        "incident inform 2026-0001", expected="already recorded at 29 Nov 2026 13:40 (UTC+07:00)"
    )
    refused("incident close 2026-0001", expected="already closed")


def test_error_messages_are_in_vietnamese_with_diacritics(tan_uyen: Run) -> None:
    result = tan_uyen("--lang", "vi", "incident", "open", "Sạt lở", "--unit", "phuc-kho")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Lỗi: không có đơn vị 'phuc-kho'. Có phải ý bạn là 'phuc-khoa'?"
    )
