"""The fact sheet: typed, validated, versioned; edited whole in $EDITOR; drafts follow it."""

from __future__ import annotations

import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from spokes.core import facts
from spokes.errors import Refused
from spokes.store import Store
from tests.conftest import Run, open_test_store


@pytest.fixture
def landslide(tan_uyen: Run) -> Run:
    opened = tan_uyen('incident open "Sạt lở đất tại bản Phiêng Lồm" -u phuc-khoa --occurred 13:10')
    assert opened.exit_code == 0, opened
    return tan_uyen


def sheet_json(run: Run, *extra: str) -> dict:
    result = run("fact", "list", "2026-0001", "--json", *extra)
    assert result.exit_code == 0, result
    return result.json()


def test_every_change_is_a_new_version_and_old_versions_stay_readable(landslide: Run) -> None:
    assert landslide("fact set 2026-0001 deaths 2").exit_code == 0
    saved = landslide("fact set 2026-1 injured 5")
    assert "version 2" in saved.stdout
    latest = sheet_json(landslide)
    assert latest["version"] == 2
    assert latest["facts"]["deaths"]["value"] == 2
    assert latest["facts"]["injured"]["value"] == 5
    assert latest["changed"] == ["injured"]
    first = sheet_json(landslide, "--version", "1")
    assert first["version"] == 1
    assert "injured" not in first["facts"]
    assert "injured" in first["missing"]


def test_the_same_value_again_makes_no_version(landslide: Run, db_state) -> None:
    landslide("fact set 2026-0001 deaths 2")
    before = db_state()
    again = landslide("fact set 2026-0001 deaths 2")
    assert again.exit_code == 0
    assert "Nothing changed" in again.stdout
    assert db_state() == before


def test_standard_keys_have_labels_in_both_languages(landslide: Run) -> None:
    landslide("fact set 2026-0001 houses_damaged 4")
    fact = sheet_json(landslide)["facts"]["houses_damaged"]
    assert fact["label"] == {"vi": "Số nhà bị hư hại", "en": "Houses damaged"}
    vietnamese = landslide("--lang vi fact list 2026-0001")
    assert "Số nhà bị hư hại" in vietnamese.stdout
    assert "(đang xác minh)" in vietnamese.stdout  # the missing ones are shown as such


def test_occurred_at_defaults_to_the_incident(landslide: Run) -> None:
    fact = sheet_json(landslide)["facts"]["occurred_at"]
    assert fact["value"] == "2026-11-29T13:10:00+07:00"
    assert fact["source"] == "incident"
    assert "from the incident" in landslide("fact list 2026-0001").stdout


def test_times_parse_like_every_other_time(landslide: Run) -> None:
    assert landslide('fact set 2026-0001 next_update_at "17:00"').exit_code == 0
    assert sheet_json(landslide)["facts"]["next_update_at"]["value"] == "2026-11-29T17:00:00+07:00"


def test_a_different_occurred_at_warns_that_the_clock_did_not_move(landslide: Run) -> None:
    result = landslide("fact set 2026-0001 occurred_at 13:00")
    assert result.exit_code == 0
    assert "still counts from" in result.stderr


def test_custom_fact_with_type_label_and_words(landslide: Run) -> None:
    result = landslide(
        "fact set 2026-0001 trees-down 12 --type count"
        ' --label "Cây đổ" --words "cây đổ, trees down"'
    )
    assert result.exit_code == 0, result
    fact = sheet_json(landslide)["facts"]["trees_down"]
    assert fact["type"] == "count"
    assert fact["value"] == 12
    assert fact["words"] == ["cây đổ", "trees down"]
    # The type stays: a later value needs no --type.
    assert landslide("fact set 2026-0001 trees_down 14").exit_code == 0


def test_unset_makes_a_version_without_the_key(landslide: Run) -> None:
    landslide("fact set 2026-0001 deaths 2")
    assert landslide("fact unset 2026-0001 deaths").exit_code == 0
    sheet = sheet_json(landslide)
    assert sheet["version"] == 2
    assert "deaths" not in sheet["facts"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("fact set 2026-0001 deaths -- -1", "whole number of 0 or more"),
        ("fact set 2026-0001 deaths abc", "whole number of 0 or more"),
        ("fact set 2026-0001 deaths 2.5", "whole number of 0 or more"),
        ('fact set 2026-0001 summary "  "', "is empty"),
        ("fact set 2026-0099 deaths 2", "unknown incident"),
        ("fact set 2026-0001 'bad key!' 2", "is not a fact key"),
        ("fact set 2026-0001 trees_down 12", "give its type with --type"),
        ("fact set 2026-0001 deaths 2 --label Chết", "labels are built in"),
        ("fact set 2026-0001 deaths 2 --type text", "standard fact of type count"),
        ("fact set 2026-0001 occurred_at 15:00", "future"),
        ("fact set 2026-0001 next_update_at soon", "soon"),
        ("fact unset 2026-0001 deaths", "deaths is not set"),
        ("fact list 2026-0001 --version 3", "no fact version 3"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    landslide: Run, refused, args: str, expected: str
) -> None:
    refused(args, expected=expected)


def test_bad_custom_type_is_a_usage_error(landslide: Run, refused) -> None:
    refused("fact set 2026-0001 x 1 --type number", expected="count, text, time", code=2)


# -- fact edit ------------------------------------------------------------------------------


def editor(tmp_path: Path, body: str) -> str:
    """An $EDITOR that replaces the file with ``body`` (a script, run without a shell)."""
    script = tmp_path / "editor.py"
    script.write_text(
        f"import sys, pathlib\npathlib.Path(sys.argv[1]).write_text({body!r}, encoding='utf-8')\n",
        encoding="utf-8",
    )
    return f"{sys.executable} {script}"


SHEET = textwrap.dedent(
    """\
    summary = "Sạt lở đất vùi lấp hai nhà dân"
    deaths = 2
    injured = 5
    next_update_at = "2026-11-29 17:00"

    [custom.trees_down]
    type = "count"
    label = "Cây đổ"
    words = ["cây đổ"]
    value = 12
    """
)


def test_edit_saves_the_whole_sheet_as_one_version(landslide: Run, tmp_path: Path) -> None:
    result = landslide("fact edit 2026-0001", env={"EDITOR": editor(tmp_path, SHEET)})
    assert result.exit_code == 0, result
    sheet = sheet_json(landslide)
    assert sheet["version"] == 1
    assert sheet["facts"]["deaths"]["value"] == 2
    assert sheet["facts"]["trees_down"]["label"]["vi"] == "Cây đổ"
    assert sheet["facts"]["next_update_at"]["value"] == "2026-11-29T17:00:00+07:00"


def test_edit_shows_the_current_sheet_to_the_editor(landslide: Run, tmp_path: Path) -> None:
    landslide('fact set 2026-0001 summary "Sạt lở"')
    seen = tmp_path / "seen.toml"
    script = tmp_path / "copy.py"
    script.write_text(f"import shutil, sys\nshutil.copy(sys.argv[1], {str(seen)!r})\n")
    result = landslide("fact edit 2026-0001", env={"EDITOR": f"{sys.executable} {script}"})
    assert result.exit_code == 0, result
    assert "Nothing changed" in result.stdout
    text = seen.read_text(encoding="utf-8")
    assert 'summary = "Sạt lở"' in text
    assert "# deaths = " in text


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("deaths = ", "not valid TOML"),
        ("deaths = -2", "whole number of 0 or more"),
        ("trees = 3", "not a standard fact"),
        ('[custom.x]\nvalue = "a"', "give its type"),
        ('[custom.x]\ntype = "count"\nvalue = 1\ncolour = "red"', "unknown fields"),
    ],
)
def test_an_invalid_edit_saves_nothing_and_keeps_the_text(
    landslide: Run, refused, tmp_path: Path, body: str, expected: str
) -> None:
    result = refused(
        "fact edit 2026-0001", expected=expected, env={"EDITOR": editor(tmp_path, body)}
    )
    assert "your edited text is kept in" in result.stderr


def test_edit_without_an_editor_says_how(landslide: Run, refused) -> None:
    refused("fact edit 2026-0001", expected="set $EDITOR", env={"EDITOR": "", "VISUAL": ""})


def test_concurrent_edits_merge_different_keys_and_refuse_the_same(workspace: Path) -> None:
    # Two people opened version 1; the first saved version 2. The second save, from version 1:
    store = _store_with_incident(workspace)
    at = datetime(2026, 11, 29, 7, tzinfo=UTC)
    base = {"deaths": facts.Fact("deaths", "count", 2)}
    facts.replace_all(store, "2026-0001", base, 0, at)
    facts.replace_all(
        store, "2026-0001", {**base, "injured": facts.Fact("injured", "count", 5)}, 1, at
    )
    merged, changed = facts.replace_all(
        store, "2026-0001", {**base, "missing": facts.Fact("missing", "count", 1)}, 1, at
    )
    assert changed
    assert {key: fact.value for key, fact in merged.facts.items()} == {
        "deaths": 2,
        "injured": 5,
        "missing": 1,
    }
    # From version 1 again, a different injured count: the same key as version 2 changed.
    clash = {**base, "injured": facts.Fact("injured", "count", 6)}
    with pytest.raises(Refused, match="changed the same keys: injured"):
        facts.replace_all(store, "2026-0001", clash, 1, at)
    assert facts.latest_version(store, "2026-0001") == 3
    store.close()


def _store_with_incident(workspace: Path) -> Store:
    from spokes.core import incidents, units
    from spokes.core.inputs import UnitInput, build
    from spokes.store.migrations import migrate

    store = open_test_store(workspace)
    migrate(store)
    at = datetime(2026, 11, 29, 6, tzinfo=UTC)
    units.add(store, build(UnitInput, code="xa", name="UBND xã A", kind="commune"), at)
    draft = incidents.Draft("Sạt lở", "xa", at, at)
    incidents.open_incident(store, draft, ZoneInfo("Asia/Ho_Chi_Minh"), at)
    return store


def test_a_workspace_of_the_previous_version_gains_facts_and_statements(
    run: Run, workspace: Path
) -> None:
    """A database migrated up to 0003 (the core issue), with an incident in it, is moved to
    0004 when opened: its incident keeps its data and gets a fact sheet and statements."""
    from spokes.store.migrations import MIGRATIONS, migrate

    store = open_test_store(workspace)
    migrate(store, MIGRATIONS[:3])
    store.execute(
        "INSERT INTO units (code, name, kind, created_at, updated_at)"
        " VALUES ('xa', 'UBND xã A', 'commune', '2026-11-29T05:00:00Z', '2026-11-29T05:00:00Z')"
    )
    store.execute(
        "INSERT INTO incidents (id, title, lead_unit, status, occurred_at, received_at,"
        " created_at, updated_at) VALUES ('2026-0001', 'Sạt lở', 'xa', 'open',"
        " '2026-11-29T06:10:00Z', '2026-11-29T06:10:00Z', '2026-11-29T06:10:00Z',"
        " '2026-11-29T06:10:00Z')"
    )
    store.close()
    assert run("fact set 2026-0001 deaths 1").exit_code == 0
    shown = run("incident show 2026-0001 --json").json()
    assert shown["title"] == "Sạt lở"
    assert shown["source_url"] is None
    assert run("statement draft 2026-0001 --json").json()["fact_version"] == 1
