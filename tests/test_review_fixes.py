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


def test_occurred_cannot_move_after_the_initial_information(tan_uyen: Run, refused) -> None:
    tan_uyen("incident", "open", "Sạt lở", "--unit", "phuc-khoa", "--occurred", "13:00")
    tan_uyen("incident", "inform", "2026-0001", "--at", "13:50")
    refused(
        "incident edit 2026-0001 --occurred 13:55",
        expected="after the initial information recorded at 29 Nov 2026 13:50",
    )


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


def test_the_same_authorisation_twice_is_refused(tan_uyen: Run, refused) -> None:
    args = ("spokesperson", "authorize", "ho-mit", "--name", "Lò Thị Hạnh", "--from", "13:00")
    assert tan_uyen(*args, "--until", "+1d").exit_code == 0
    refused(*args, "--until", "+2d", expected="already holds an authorisation")


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


def test_publication_cannot_precede_the_term(tan_uyen: Run, refused) -> None:
    refused(
        "spokesperson published phuc-khoa --at '31/10/2026 08:00'",
        expected="cannot be published before that",
    )


def test_the_grantor_is_checked_even_when_not_named(tan_uyen: Run, refused) -> None:
    tan_uyen("spokesperson authorize ho-mit --name 'Lò Thị Hạnh' --from 13:00 --until +1d")
    refused(
        "spokesperson authorize ho-mit --name 'Người Khác' --from 13:30 --until +1d",
        env={"SPOKES_USER": "Lò Thị Hạnh"},  # the authorised person runs the command
        expected="cannot authorise anyone else",
    )


def test_an_authorisation_for_another_units_incident_is_refused(tan_uyen: Run, refused) -> None:
    tan_uyen("incident open 'Sạt lở' --unit phuc-khoa --occurred 13:00")
    refused(
        "spokesperson authorize ho-mit --name X --from 13:00 --until +1d --incident 2026-0001",
        expected="neither led by ho-mit nor involves it",
    )
    tan_uyen("incident edit 2026-0001 --involves ho-mit")
    again = tan_uyen(
        "spokesperson authorize ho-mit --name X --from 13:00 --until +1d --incident 2026-1"
    )
    assert again.exit_code == 0, again


def test_a_new_lead_unit_leaves_the_involved_list(tan_uyen: Run) -> None:
    tan_uyen("incident open 'Sạt lở' --unit phuc-khoa --occurred 13:00 --involves ho-mit")
    edited = tan_uyen("incident edit 2026-0001 --unit ho-mit --json").json()
    assert (edited["lead_unit"], edited["involves"]) == ("ho-mit", [])


def test_a_broken_config_does_not_hide_help(run: Run, workspace) -> None:
    workspace.mkdir()
    (workspace / "config.toml").write_text('[workspace]\ntimezone = "Mars/Base"\n')
    assert run("incident open --help").exit_code == 0
    broken = run("status")
    assert broken.exit_code == 1
    assert "workspace.timezone" in broken.stderr


def test_a_refused_first_command_leaves_no_workspace_behind(run: Run, workspace) -> None:
    result = run("incident open 'Sạt lở' --unit nowhere")
    assert result.exit_code == 1
    assert "unknown unit 'nowhere'" in result.stderr
    assert not workspace.exists()


def test_a_refused_command_keeps_an_existing_database(tan_uyen: Run, workspace) -> None:
    assert tan_uyen("incident open 'Sạt lở' --unit nowhere").exit_code == 1
    assert (workspace / "spokes.db").exists()
    assert tan_uyen("unit show phuc-khoa").exit_code == 0


def test_the_warning_window_comes_from_the_config(tan_uyen: Run, workspace) -> None:
    (workspace / "config.toml").write_text('[clock]\nwarning = "1h"\n', encoding="utf-8")
    opened = tan_uyen("incident open 'Sạt lở' --unit phuc-khoa --occurred 12:50 --json").json()
    assert (opened["remaining_seconds"], opened["clock"]) == (50 * 60, "at_risk")


def test_the_audit_actor_falls_back_to_the_os_user(tan_uyen: Run, monkeypatch) -> None:
    import getpass

    monkeypatch.delenv("SPOKES_USER")
    tan_uyen("incident open 'Sạt lở' --unit phuc-khoa --occurred 13:00")
    events = tan_uyen("incident show 2026-0001 --json").json()["events"]
    assert events[0]["actor"] == getpass.getuser()


def test_a_frozen_clock_with_fractions_counts_whole_seconds(tan_uyen: Run) -> None:
    tan_uyen("incident open 'Sạt lở' --unit phuc-khoa --occurred 13:10")
    shown = tan_uyen("incident show 2026-0001 --json", now="2026-11-29T15:10:00.600+07:00")
    assert (shown.json()["remaining_seconds"], shown.json()["clock"]) == (0, "at_risk")
