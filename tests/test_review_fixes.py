"""Behaviour found by trying the commands as a user: each case pinned by a test."""

from __future__ import annotations

from tests.conftest import Run


def test_inform_by_defaults_to_the_spokesperson_on_duty_at_that_time(tan_uyen: Run) -> None:
    tan_uyen("incident", "open", "Đá lăn", "--unit", "ho-mit", "--occurred", "13:00")
    tan_uyen(
        "spokesperson assign ho-mit --name 'Vàng A Sùng' --title 'Chủ tịch'"
        " --phone '0912 000 300' --email vas@x.example.vn --from 13:55"
    )
    before = tan_uyen("incident", "inform", "2026-0001", "--at", "13:50", "--json")
    assert before.json()["initial_information"]["by"] is None  # nobody was on duty at 13:50
    tan_uyen("incident", "open", "Đá lăn 2", "--unit", "ho-mit", "--occurred", "13:00")
    after = tan_uyen("incident", "inform", "2026-0002", "--at", "13:58", "--json")
    assert after.json()["initial_information"]["by"] == "Vàng A Sùng"


def test_a_closed_incident_has_no_running_clock(tan_uyen: Run) -> None:
    tan_uyen("incident", "open", "Sạt lở", "--unit", "phuc-khoa", "--occurred", "13:00")
    tan_uyen("incident", "close", "2026-0001")
    later = "2026-11-29T20:00:00+07:00"
    shown = tan_uyen("incident", "show", "2026-0001", "--json", now=later).json()
    assert shown["remaining_seconds"] is None
    assert shown["clock"] == "pending"  # as it stood when closed, before its deadline
    listed = tan_uyen("incident", "list", "--closed", now=later).stdout
    assert "closed" in listed
    assert "1 h 00 min" not in listed


def test_occurred_cannot_move_after_the_initial_information(tan_uyen: Run, db_state) -> None:
    tan_uyen("incident", "open", "Sạt lở", "--unit", "phuc-khoa", "--occurred", "13:00")
    tan_uyen("incident", "inform", "2026-0001", "--at", "13:50")
    before = db_state()
    result = tan_uyen("incident", "edit", "2026-0001", "--occurred", "13:55")
    assert result.exit_code == 1
    assert "after the initial information recorded at 29 Nov 2026 13:50" in result.stderr
    assert db_state() == before


def test_incident_ids_may_be_typed_without_padding(tan_uyen: Run) -> None:
    tan_uyen("incident", "open", "Sạt lở", "--unit", "phuc-khoa", "--occurred", "13:00")
    assert tan_uyen("incident", "show", "2026-1", "--json").json()["id"] == "2026-0001"


def test_unit_edit_parent_and_no_parent_together_is_a_usage_error(tan_uyen: Run) -> None:
    result = tan_uyen("unit", "edit", "ho-mit", "--parent", "tan-uyen", "--no-parent")
    assert result.exit_code == 2
    nothing = tan_uyen("unit", "edit", "ho-mit")
    assert nothing.exit_code == 1
    assert "nothing to change" in nothing.stderr


def test_who_is_a_query_and_exits_0(tan_uyen: Run) -> None:
    result = tan_uyen("spokesperson", "who", "ho-mit")
    assert result.exit_code == 0
    assert "has no spokesperson" in result.stdout
    ahead = tan_uyen("spokesperson", "who", "phuc-khoa", "--at", "+1d")
    assert ahead.exit_code == 0
    assert "Lù Thị Mai" in ahead.stdout


def test_retroactive_assignment_says_publication_is_already_overdue(tan_uyen: Run) -> None:
    result = tan_uyen(
        "spokesperson assign ho-mit --name 'Vàng A Sùng' --title 'Chủ tịch'"
        " --phone '0912 000 300' --email vas@x.example.vn --from '01/11/2026 08:00'"
    )
    assert "it is overdue" in result.stdout


def test_publication_after_24_hours_is_recorded_as_late(tan_uyen: Run) -> None:
    assert (
        tan_uyen("spokesperson", "published", "phuc-khoa", "--at", "03/11/2026 09:00").exit_code
        == 0
    )
    listed = tan_uyen("spokesperson", "list", "--unit", "phuc-khoa", "--json").json()
    assert listed[0]["spokesperson"]["publication"] == "late"
    assert "published late" in tan_uyen("spokesperson", "list").stdout


def test_the_same_authorisation_twice_is_refused(tan_uyen: Run, db_state) -> None:
    args = ("spokesperson", "authorize", "ho-mit", "--name", "Lò Thị Hạnh", "--from", "13:00")
    assert tan_uyen(*args, "--until", "+1d").exit_code == 0
    before = db_state()
    again = tan_uyen(*args, "--until", "+2d")
    assert again.exit_code == 1
    assert "already holds an authorisation" in again.stderr
    assert db_state() == before


def test_audit_detail_times_carry_the_workspace_offset(tan_uyen: Run) -> None:
    tan_uyen("incident", "open", "Sạt lở", "--unit", "phuc-khoa", "--occurred", "13:10")
    events = tan_uyen("incident", "show", "2026-0001", "--json").json()["events"]
    assert events[0]["detail"]["occurred_at"] == "2026-11-29T13:10:00+07:00"


def test_where_shows_yes_no_and_rule_filters(run: Run, workspace) -> None:
    workspace.mkdir()
    (workspace / "config.toml").write_text(
        '[[rules]]\nname = "school-6h"\nfrom = "received"\nwithin = "6h"\n'
        'citation = "QĐ 22/QĐ-BGDĐT"\ncategories = ["school"]\n',
        encoding="utf-8",
    )
    text = run("--lang", "vi", "where").stdout
    lines = {
        line.split(":")[0]: line.split(":", 1)[1].strip()
        for line in text.splitlines()
        if ":" in line and not line.startswith(" ")
    }
    assert lines["Đã có tệp cấu hình"] == "có"
    assert lines["Đã có cơ sở dữ liệu"] == "không"
    assert "True" not in text and "False" not in text
    assert "categories=school" in text
    assert run("where", "--json").json()["rules"][0]["categories"] == ["school"]


def test_directory_lists_units_in_tree_order(tan_uyen: Run) -> None:
    listed = [item["unit"] for item in tan_uyen("spokesperson", "list", "--json").json()]
    assert listed == ["tan-uyen", "cong-an", "ho-mit", "phuc-khoa"]
