"""The workspace's config.toml: defaults, a faithful round trip, and errors that name the key."""

from __future__ import annotations

import os
import stat
import tomllib
from datetime import timedelta
from pathlib import Path

import pytest

from spokes import config, i18n
from spokes.config import DEFAULT_RULES, Config, Rule
from spokes.errors import InvalidInput

pytestmark = pytest.mark.no_database  # config.toml files only: no database is ever opened


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "ws" / "config.toml"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def refused(path: Path, text: str) -> InvalidInput:
    write(path, text)
    with pytest.raises(InvalidInput) as caught:
        config.load(path)
    return caught.value


CUSTOM = Config(
    org="Ủy ban nhân dân huyện Tân Uyên",
    place="Tân Uyên, Lai Châu",
    timezone="Asia/Bangkok",
    lang="vi",
    warning=timedelta(minutes=45),
    publish_within=timedelta(hours=48),
    publish_citation="Quyết định số 12/QĐ-UBND, Điều 2",
    rules=(
        Rule(
            "thiên-tai-1h",
            "occurred",
            timedelta(hours=1),
            'Chỉ thị "khẩn" số 05/CT-UBND (2026), mục 1\\a',
            categories=("landslide", "flood"),
            severities=("high", "critical"),
            unit_kinds=("commune",),
        ),
        Rule(
            "decree-244-24h",
            "received",
            timedelta(hours=24),
            "Nghị định 244/2026/NĐ-CP, Điều 7 khoản 3",
        ),
        Rule(
            "opinion-1h30",
            "decided",
            timedelta(hours=1, minutes=30),
            "Công văn số 88/UBND-VP\nngày 01/11/2026",
            severities=("critical",),
        ),
    ),
)


# -- defaults ------------------------------------------------------------------------------


def test_missing_file_gives_the_defaults(path: Path) -> None:
    assert not path.exists()
    loaded = config.load(path)
    assert loaded == Config()
    assert loaded.org is None
    assert loaded.place is None
    assert loaded.lang is None
    assert loaded.timezone == "Asia/Ho_Chi_Minh"
    assert loaded.warning == timedelta(minutes=30)
    assert loaded.publish_within == timedelta(hours=24)
    assert [(r.name, r.starts, r.within) for r in loaded.rules] == [
        ("local-2h", "occurred", timedelta(hours=2)),
        ("decree-244-24h", "received", timedelta(hours=24)),
        ("decree-244-opinion-24h", "decided", timedelta(hours=24)),
    ]
    assert all(r.categories == r.severities == r.unit_kinds == () for r in loaded.rules)
    assert not path.exists()  # reading never creates the file


def test_an_empty_file_gives_the_defaults(path: Path) -> None:
    assert config.load(write(path, "")) == Config()


def test_a_config_without_rules_uses_the_default_rules(path: Path) -> None:
    loaded = config.load(write(path, '[workspace]\norg = "UBND xã Phúc Khoa"\n'))
    assert loaded.org == "UBND xã Phúc Khoa"
    assert loaded.rules == DEFAULT_RULES


def test_a_hand_written_config(path: Path) -> None:
    loaded = config.load(
        write(
            path,
            """
[workspace]
org = "UBND huyện Tân Uyên"
timezone = "Asia/Ho_Chi_Minh"
lang = "en"

[clock]
warning = "1 giờ"

[spokesperson]
publish_within = "2d"

[[rules]]
name = "fire"
from = "occurred"
within = "1h30"
categories = [" Fire ", "EXPLOSION"]
""",
        )
    )
    assert loaded.warning == timedelta(hours=1)
    assert loaded.publish_within == timedelta(days=2)
    assert loaded.publish_citation == Config().publish_citation
    assert loaded.rules == (
        Rule("fire", "occurred", timedelta(hours=1, minutes=30), "", ("fire", "explosion")),
    )


# -- writing and reading back --------------------------------------------------------------


def test_dumps_then_load_round_trips_a_custom_config(path: Path) -> None:
    text = config.dumps(CUSTOM)
    tomllib.loads(text)  # valid TOML on its own
    assert "Ủy ban nhân dân huyện Tân Uyên" in text  # Vietnamese kept as it is, not \\u escapes
    assert config.load(write(path, text)) == CUSTOM


def test_dumps_then_load_round_trips_the_defaults(path: Path) -> None:
    assert config.load(write(path, config.dumps(Config()))) == Config()


def test_dumps_writes_the_filters_as_toml_lists() -> None:
    raw = tomllib.loads(config.dumps(CUSTOM))
    assert raw["rules"][0] == {
        "name": "thiên-tai-1h",
        "from": "occurred",
        "within": "1h",
        "citation": 'Chỉ thị "khẩn" số 05/CT-UBND (2026), mục 1\\a',
        "categories": ["landslide", "flood"],
        "severities": ["high", "critical"],
        "unit_kinds": ["commune"],
    }
    assert raw["rules"][2]["within"] == "1h30m"
    assert "categories" not in raw["rules"][1]
    assert raw["workspace"] == {
        "org": "Ủy ban nhân dân huyện Tân Uyên",
        "place": "Tân Uyên, Lai Châu",
        "timezone": "Asia/Bangkok",
        "lang": "vi",
    }
    assert raw["clock"] == {"warning": "45m"}


def test_save_then_load_round_trips(path: Path) -> None:
    config.save(CUSTOM, path)
    assert config.load(path) == CUSTOM
    assert path.read_text(encoding="utf-8") == config.dumps(CUSTOM)


def test_round_trip_keeps_an_empty_rule_list(path: Path) -> None:
    """``rules = []`` means no deadlines; saving must not bring the default rules back."""
    no_rules = config.load(write(path, "rules = []\n"))
    assert no_rules.rules == ()
    config.save(no_rules, path)
    assert config.load(path).rules == ()


@pytest.mark.parametrize(
    "duration", [timedelta(seconds=30), timedelta(minutes=1, seconds=30), timedelta(days=2)]
)
def test_round_trip_keeps_durations_exactly(path: Path, duration: timedelta) -> None:
    custom = Config(warning=duration, rules=(Rule("r", "occurred", duration, "c"),))
    config.save(custom, path)
    loaded = config.load(path)
    assert loaded.warning == duration
    assert loaded.rules[0].within == duration


def test_round_trip_of_control_characters(path: Path) -> None:
    odd = 'tab\there, bell\x07, delete\x7f, quote" backslash\\ newline\nend'
    custom = Config(org=odd, place=odd, rules=(Rule("r", "occurred", timedelta(hours=1), odd),))
    config.save(custom, path)
    assert config.load(path) == custom


@pytest.mark.parametrize(
    ("duration", "text"),
    [
        (timedelta(hours=2), "2h"),
        (timedelta(minutes=30), "30m"),
        (timedelta(hours=1, minutes=30), "1h30m"),
        (timedelta(hours=24), "24h"),
        (timedelta(seconds=90), "1m30s"),
        (timedelta(0), "0m"),
    ],
)
def test_duration_text(duration: timedelta, text: str) -> None:
    assert config.duration_text(duration) == text


# -- saving --------------------------------------------------------------------------------


def test_save_creates_the_file_readable_only_by_its_owner(path: Path) -> None:
    assert not path.parent.exists()
    config.save(Config(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) & 0o077 == 0  # the new folder too
    assert sorted(p.name for p in path.parent.iterdir()) == ["config.toml"]  # no .tmp left


def test_save_over_a_world_readable_file_makes_it_private(path: Path) -> None:
    write(path, "")
    path.chmod(0o644)
    config.save(CUSTOM, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert config.load(path) == CUSTOM


def test_save_is_private_even_with_a_permissive_umask(path: Path) -> None:
    previous = os.umask(0)
    try:
        config.save(Config(), path)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_save_replaces_a_leftover_temporary_file(path: Path) -> None:
    leftover = write(path.with_suffix(".toml.tmp"), "half a config [[")
    leftover.chmod(0o666)
    config.save(CUSTOM, path)
    assert not leftover.exists()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert config.load(path) == CUSTOM


# -- mistakes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('colour = "red"\n', "colour"),
        ('[workspace]\nzone = "Asia/Ho_Chi_Minh"\n', "workspace.zone"),
        ('[clock]\nwarn = "30m"\n', "clock.warn"),
        ('[spokesperson]\nwithin = "24h"\n', "spokesperson.within"),
        ('[[rules]]\nname = "a"\nfrom = "occurred"\nwithin = "2h"\ndeadline = "2h"\n', None),
    ],
)
def test_an_unknown_key_is_named(path: Path, text: str, key: str | None) -> None:
    error = refused(path, text)
    assert error.key == "config.unknown_key"
    expected = key or "rules[1].deadline"
    assert str(error) == f"config {path}: unknown key '{expected}'"


def test_a_rule_counting_from_reported_is_refused(path: Path) -> None:
    error = refused(
        path,
        '[[rules]]\nname = "a"\nfrom = "occurred"\nwithin = "2h"\n'
        '[[rules]]\nname = "b"\nfrom = "reported"\nwithin = "2h"\n',
    )
    assert error.key == "config.invalid"
    assert str(error) == (
        f"config {path}: the value of 'rules[2].from' is not valid"
        " (expected occurred | received | decided)"
    )


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('[[rules]]\nname = "a"\nfrom = "occurred"\nwithin = "two hours"\n', "rules[1].within"),
        ('[[rules]]\nname = "a"\nfrom = "occurred"\nwithin = "99999999999d"\n', "rules[1].within"),
        ('[[rules]]\nname = "a"\nfrom = "occurred"\nwithin = 2\n', "rules[1].within"),
        ('[[rules]]\nname = "a"\nfrom = "occurred"\n', "rules[1].within"),
        ('[clock]\nwarning = "soon"\n', "clock.warning"),
        ('[spokesperson]\npublish_within = "1 tuần"\n', "spokesperson.publish_within"),
    ],
)
def test_a_bad_duration_names_its_key(path: Path, text: str, key: str) -> None:
    error = refused(path, text)
    assert error.key == "config.invalid"
    assert f"config {path}: the value of '{key}' is not valid" in str(error)


@pytest.mark.parametrize("within", ["0m", "PT0S"])
def test_a_zero_duration_is_refused(path: Path, within: str) -> None:
    error = refused(path, f'[[rules]]\nname = "a"\nfrom = "occurred"\nwithin = "{within}"\n')
    assert (
        str(error) == f"config {path}: the value of 'rules[1].within' is not valid (expected > 0)"
    )


@pytest.mark.parametrize("zone", ["Mars/Olympus", "Asia/Tan_Uyen", "Asia", "../etc/passwd", "UTC "])
def test_an_unknown_timezone_is_refused(path: Path, zone: str) -> None:
    error = refused(path, f'[workspace]\ntimezone = "{zone}"\n')
    assert error.key == "config.invalid"
    assert f"config {path}: the value of 'workspace.timezone' is not valid" in str(error)
    assert "Asia/Ho_Chi_Minh" in str(error)  # an example of what works


def test_a_duplicate_rule_name_is_refused(path: Path) -> None:
    rule = '[[rules]]\nname = "{name}"\nfrom = "occurred"\nwithin = "2h"\n'
    error = refused(
        path,
        rule.format(name="local-2h") + rule.format(name="other") + rule.format(name="local-2h"),
    )
    assert error.key == "config.invalid"
    message = str(error)
    assert f"config {path}: the value of 'rules[3].name' is not valid" in message
    assert "rules[1]" in message
    assert '"local-2h"' in message


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[workspace]\norg = 12\n", "workspace.org"),
        ('[workspace]\nlang = "fr"\n', "workspace.lang"),
        ("[spokesperson]\ncitation = true\n", "spokesperson.citation"),
        ('workspace = "x"\n', "workspace"),
        ('rules = "x"\n', "rules"),
        ('[[rules]]\nfrom = "occurred"\nwithin = "2h"\n', "rules[1].name"),
        ('[[rules]]\nname = "a"\nfrom = "occurred"\nwithin = "2h"\ncategories = "fire"\n', None),
    ],
)
def test_other_invalid_values_name_their_key(path: Path, text: str, key: str | None) -> None:
    error = refused(path, text)
    assert error.key == "config.invalid"
    expected = key or "rules[1].categories"
    assert f"config {path}: the value of '{expected}' is not valid" in str(error)


def test_invalid_toml_is_refused_with_the_parser_s_reason(path: Path) -> None:
    error = refused(path, '[workspace\norg = "UBND"\n')
    assert error.key == "config.unreadable"
    assert str(error).startswith(f"cannot read the config {path}: ")
    assert "line 1" in str(error)


def test_a_file_that_is_not_utf8_is_refused(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes('[workspace]\norg = "Tân Uyên"\n'.encode("cp1258"))
    with pytest.raises(InvalidInput) as caught:
        config.load(path)
    assert caught.value.key == "config.unreadable"
    assert str(path) in str(caught.value)


def test_a_folder_where_the_config_should_be_is_refused(path: Path) -> None:
    path.mkdir(parents=True)
    with pytest.raises(InvalidInput) as caught:
        config.load(path)
    assert caught.value.key == "config.unreadable"
    assert str(caught.value).startswith(f"cannot read the config {path}: ")


def test_a_byte_order_mark_is_accepted(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xef\xbb\xbf" + '[workspace]\norg = "UBND xã Hố Mít"\n'.encode())
    assert config.load(path).org == "UBND xã Hố Mít"


def test_messages_are_in_vietnamese_too(path: Path) -> None:
    i18n.set_language("vi")
    error = refused(path, '[workspace]\nzone = "x"\n')
    assert str(error) == f"cấu hình {path}: khóa 'workspace.zone' không hợp lệ"
