"""Reading typed times and durations: always in the workspace's zone, never the machine's."""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from spokes import i18n
from spokes.errors import InvalidInput
from spokes.timeparse import parse_duration, parse_time

pytestmark = pytest.mark.no_database  # pure functions: no database is ever opened

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime.fromisoformat("2026-11-29T14:00:00+07:00")  # 07:00 UTC


def utc(text: str) -> datetime:
    """``"2026-11-29T06:10"`` -> that moment in UTC, as parse_time returns it."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def parse(text: str, *, now: datetime = NOW, tz: ZoneInfo = HCM, future: bool = False) -> datetime:
    return parse_time(text, tz=tz, now=now, allow_future=future)


def refused(text: str, *, now: datetime = NOW, future: bool = False) -> InvalidInput:
    with pytest.raises(InvalidInput) as caught:
        parse(text, now=now, future=future)
    return caught.value


@pytest.fixture
def process_tz(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Set the machine's zone for real (``TZ`` plus ``tzset``), restored afterwards."""

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


# -- the acceptance example and the formats people type ------------------------------------


def test_acceptance_example_time_of_day_is_today_in_the_workspace_zone() -> None:
    result = parse("13:10")
    assert result == utc("2026-11-29T06:10")
    assert result.tzinfo is UTC
    assert result.isoformat() == "2026-11-29T06:10:00+00:00"


def test_incident_at_2330_yesterday_typed_with_its_date() -> None:
    assert parse("28/11/2026 23:30") == utc("2026-11-28T16:30")


def test_2330_typed_at_1400_is_in_the_future() -> None:
    error = refused("23:30")
    assert error.key == "time.future_today"
    message = str(error)
    assert "'23:30'" in message
    assert "23:30 29/11/2026" in message  # says which day it was read as
    assert "28/11/2026 23:30" in message  # and how to write yesterday


def test_a_dated_future_time_gets_no_yesterday_hint() -> None:
    error = refused("30/11/2026 09:00")
    assert error.key == "time.future"
    assert "yesterday" not in str(error)


def test_2330_is_accepted_where_the_future_is_allowed() -> None:
    assert parse("23:30", future=True) == utc("2026-11-29T16:30")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ISO 8601, with an offset (any) or without one (the workspace's zone)
        ("2026-11-29T13:10:00+07:00", "2026-11-29T06:10"),
        ("2026-11-29T13:10+07:00", "2026-11-29T06:10"),
        ("2026-11-29T06:10:00Z", "2026-11-29T06:10"),
        ("2026-11-29T01:10:00-05:00", "2026-11-29T06:10"),
        ("2026-11-29T13:10:00", "2026-11-29T06:10"),
        ("2026-11-29T13:10", "2026-11-29T06:10"),
        ("2026-11-29T13:10:45.999999+07:00", "2026-11-29T06:10:45"),
        ("2026-11-29t06:10z", "2026-11-29T06:10"),
        # YYYY-MM-DD HH:MM
        ("2026-11-29 13:10", "2026-11-29T06:10"),
        ("2026-11-28 23:30", "2026-11-28T16:30"),
        ("2026-11-29  13:10", "2026-11-29T06:10"),
        # a time of day, today
        ("13:10", "2026-11-29T06:10"),
        ("00:00", "2026-11-28T17:00"),
        ("7:05", "2026-11-29T00:05"),
        ("13:10:20", "2026-11-29T06:10:20"),
        ("13h10", "2026-11-29T06:10"),
        ("13H10", "2026-11-29T06:10"),
        ("13h", "2026-11-29T06:00"),
        ("13 giờ 10 phút", "2026-11-29T06:10"),
        ("13 giờ", "2026-11-29T06:00"),
        ("13g10", "2026-11-29T06:10"),
        ("lúc 13h10", "2026-11-29T06:10"),
        # day first, as Vietnamese officials write dates
        ("29/11/2026 13:10", "2026-11-29T06:10"),
        ("01/02/2026 08:00", "2026-02-01T01:00"),  # 1 February, not 2 January
        ("1/2/2026 8:00", "2026-02-01T01:00"),
        ("29.11.2026 13:10", "2026-11-29T06:10"),
        ("29-11-2026 13:10", "2026-11-29T06:10"),
        ("13h10 ngày 29/11/2026", "2026-11-29T06:10"),
        ("13 giờ 10 phút ngày 28/11/2026", "2026-11-28T06:10"),
        ("lúc 23h30 ngày 28/11/2026", "2026-11-28T16:30"),
        ("13:10 29/11/2026", "2026-11-29T06:10"),
        ("29/11/2026, 13:10", "2026-11-29T06:10"),
        ("29/11 13:10", "2026-11-29T06:10"),  # this year
        ("01/03 09:15", "2026-03-01T02:15"),
        # relative to now
        ("now", "2026-11-29T07:00"),
        ("NOW", "2026-11-29T07:00"),
        ("bây giờ", "2026-11-29T07:00"),
        ("-40m", "2026-11-29T06:20"),
        ("- 40m", "2026-11-29T06:20"),
        ("-1h30", "2026-11-29T05:30"),
        ("-2d", "2026-11-27T07:00"),
        ("2h ago", "2026-11-29T05:00"),
        ("2 hours ago", "2026-11-29T05:00"),
        ("1h30m ago", "2026-11-29T05:30"),
        ("40 phút trước", "2026-11-29T06:20"),
        ("1 giờ 30 phút trước", "2026-11-29T05:30"),
        ("3 ngày trước", "2026-11-26T07:00"),
        ("  13:10  ", "2026-11-29T06:10"),
    ],
)
def test_accepted_formats(text: str, expected: str) -> None:
    result = parse(text)
    assert result == utc(expected)
    assert result.tzinfo is UTC
    assert result.microsecond == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+2h", "2026-11-29T09:00"),
        ("+ 90m", "2026-11-29T08:30"),
        ("in 3d", "2026-12-02T07:00"),
        ("in 2 hours", "2026-11-29T09:00"),
        ("2 giờ nữa", "2026-11-29T09:00"),
        ("sau 1 ngày", "2026-11-30T07:00"),
        ("2h from now", "2026-11-29T09:00"),
        ("30/11/2026 17:00", "2026-11-30T10:00"),
        ("2026-12-01T08:00", "2026-12-01T01:00"),
    ],
)
def test_future_times_where_allowed(text: str, expected: str) -> None:
    assert parse(text, future=True) == utc(expected)


@pytest.mark.parametrize("text", ["+2h", "in 3d", "2 giờ nữa", "sau 1 ngày"])
def test_future_relative_times_are_refused_where_only_the_past_makes_sense(text: str) -> None:
    error = refused(text)
    assert error.key == "time.future_relative"
    assert f"'{text}'" in str(error)
    assert "future" in str(error)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("30/11/2026 17:00", "time.future"),
        ("2026-11-29T14:00:01+07:00", "time.future"),
        ("14:01", "time.future_today"),
    ],
)
def test_future_absolute_times_are_refused(text: str, key: str) -> None:
    error = refused(text)
    assert error.key == key
    assert f"'{text}'" in str(error)


def test_now_itself_is_not_the_future() -> None:
    assert parse("14:00") == NOW
    assert parse("2026-11-29T14:00:00+07:00") == NOW


def test_results_drop_microseconds_even_when_now_has_them() -> None:
    now = datetime(2026, 11, 29, 7, 0, 0, 654321, tzinfo=UTC)
    assert parse("now", now=now) == utc("2026-11-29T07:00:00")
    assert parse("now", now=now).microsecond == 0
    assert parse("-40m", now=now) == utc("2026-11-29T06:20:00")


def test_today_and_this_year_are_the_workspace_zone_s_not_utc_s() -> None:
    # The program's clock is in UTC. 01:00 on 29/11 in Hồ Chí Minh City is still 28/11 in UTC.
    early = utc("2026-11-28T18:00")
    assert parse("00:30", now=early) == utc("2026-11-28T17:30")
    assert parse("29/11 00:30", now=early) == utc("2026-11-28T17:30")
    # 00:30 on 1 January 2027 there is still 2026 in UTC.
    new_year = utc("2026-12-31T17:30")
    assert parse("01/01 00:10", now=new_year) == utc("2026-12-31T17:10")
    assert refused("23:00", now=new_year).key == "time.future_today"  # 23:00 on 1 January 2027


def test_another_workspace_zone_reads_the_same_text_differently() -> None:
    new_york = ZoneInfo("America/New_York")
    # At 07:00 UTC it is 02:00 on the 29th in New York: "01:10" is 01:10 EST that day.
    assert parse("01:10", tz=new_york) == utc("2026-11-29T06:10")
    assert parse("13:10", tz=new_york, future=True) == utc("2026-11-29T18:10")
    assert parse("28/07/2026 13:10", tz=new_york) == utc("2026-07-28T17:10")  # EDT
    assert parse("2026-07-28 13:10", tz=new_york) == utc("2026-07-28T17:10")


# -- the machine's zone never matters ------------------------------------------------------

MACHINE_INDEPENDENT = [
    ("13:10", "2026-11-29T06:10"),
    ("28/11/2026 23:30", "2026-11-28T16:30"),
    ("13h10 ngày 29/11/2026", "2026-11-29T06:10"),
    ("29/11 13:10", "2026-11-29T06:10"),
    ("2026-11-29 13:10", "2026-11-29T06:10"),
    ("2026-11-29T13:10", "2026-11-29T06:10"),
    ("2026-11-29T13:10:00+07:00", "2026-11-29T06:10"),
    ("-40m", "2026-11-29T06:20"),
    ("now", "2026-11-29T07:00"),
]


@pytest.mark.parametrize("machine_zone", ["UTC", "America/New_York", "Asia/Tokyo"])
def test_machine_zone_does_not_change_the_result(
    process_tz: Callable[[str], None], machine_zone: str
) -> None:
    process_tz(machine_zone)
    offsets = {"UTC": timedelta(0), "America/New_York": -timedelta(hours=5)}
    if machine_zone in offsets:  # the process really is in that zone now
        local = datetime(2026, 11, 29, 12, 0).astimezone()
        assert local.utcoffset() == offsets[machine_zone]
    for text, expected in MACHINE_INDEPENDENT:
        assert parse(text) == utc(expected), text


def test_machine_zone_does_not_change_what_counts_as_future(
    process_tz: Callable[[str], None],
) -> None:
    for machine_zone in ("UTC", "America/New_York"):
        process_tz(machine_zone)
        assert refused("23:30").key == "time.future_today"
        assert parse("13:59") == utc("2026-11-29T06:59")


# -- what cannot be read -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "31/02/2026 10:00",  # no 31 February
        "29/02/2026 10:00",  # 2026 is not a leap year
        "29/13/2026 10:00",  # no month 13
        "00/11/2026 10:00",
        "25:00",
        "24:00",
        "13:60",
        "13:10:60",
        "2026-02-31T10:00",
        "2026-11-29T25:00",
        "2026-11-29T13:10+25:00",
        "29/11/2026",  # a day-first date without a time
        "yesterday",
        "13:10 tomorrow",
        "",
        "   ",
        "-",
        "ago",
        "abc ago",
        "-40x",
        "01/01/0001 00:00",  # before year 1 in UTC: must not overflow
        "0001-01-01T00:00",
        "-99999999999d",
        "-999999999d",
        "9999-12-31T23:59-05:00",  # after year 9999 in UTC
        "10000-01-01T00:00",
    ],
)
def test_unreadable_times_raise_invalid_input_quoting_the_text(text: str) -> None:
    error = refused(text, future=True)
    assert error.key == "time.unreadable"
    assert f"cannot read the time '{text}'" in str(error)


@pytest.mark.parametrize("text", ["31/02/2026 10:00", "25:00"])
def test_unreadable_times_are_unreadable_also_where_only_the_past_counts(text: str) -> None:
    error = refused(text)
    assert error.key == "time.unreadable"
    assert f"'{text}'" in str(error)


def test_a_date_only_iso_time_asks_for_a_time_of_day() -> None:
    error = refused("2026-11-29")
    assert error.key == "time.needs_time_of_day"
    assert str(error) == (
        "the time '2026-11-29' has no time of day: add it, e.g. '2026-11-29 13:10'"
    )


def test_messages_are_in_vietnamese_too() -> None:
    i18n.set_language("vi")
    assert "không đọc được thời điểm '25:00'" in str(refused("25:00"))
    assert "thời điểm '23:30' (23:30 29/11/2026) nằm trong tương lai" in str(refused("23:30"))


# -- Vietnamese written with decomposed diacritics -----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("40 phút trước", "2026-11-29T06:20"),
        ("13 giờ 10 phút", "2026-11-29T06:10"),
        ("13h10 ngày 28/11/2026", "2026-11-28T06:10"),
        ("bây giờ", "2026-11-29T07:00"),
    ],
)
def test_decomposed_diacritics_read_like_composed_ones(text: str, expected: str) -> None:
    composed = unicodedata.normalize("NFC", text)
    decomposed = unicodedata.normalize("NFD", text)
    assert composed != decomposed  # the test really exercises NFD input
    assert parse(decomposed) == parse(composed) == utc(expected)


def test_decomposed_future_words_are_recognised() -> None:
    decomposed = unicodedata.normalize("NFD", "2 giờ nữa")
    assert parse(decomposed, future=True) == utc("2026-11-29T09:00")
    assert refused(decomposed).key == "time.future_relative"


# -- durations -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2h", timedelta(hours=2)),
        ("30m", timedelta(minutes=30)),
        ("1h30m", timedelta(hours=1, minutes=30)),
        ("1h30", timedelta(hours=1, minutes=30)),
        ("1 giờ 30 phút", timedelta(hours=1, minutes=30)),
        ("1 giờ 30", timedelta(hours=1, minutes=30)),
        ("45 phút", timedelta(minutes=45)),
        ("2 tiếng", timedelta(hours=2)),
        ("2 hours", timedelta(hours=2)),
        ("24h", timedelta(days=1)),
        ("1d", timedelta(days=1)),
        ("3 ngày", timedelta(days=3)),
        ("90s", timedelta(seconds=90)),
        ("1d2h", timedelta(days=1, hours=2)),
        ("PT2H", timedelta(hours=2)),
        ("pt1h30m", timedelta(hours=1, minutes=30)),
        ("P1DT2H", timedelta(days=1, hours=2)),
        ("PT45S", timedelta(seconds=45)),
        ("PT0S", timedelta(0)),
        ("0m", timedelta(0)),
        (" 2H ", timedelta(hours=2)),
    ],
)
def test_durations(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


def test_decomposed_duration_reads_like_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "1 giờ 30 phút")
    assert decomposed != "1 giờ 30 phút"
    assert parse_duration(decomposed) == timedelta(hours=1, minutes=30)


@pytest.mark.parametrize(
    "text", ["", "2", "h", "2x", "-2h", "2h-", "two hours", "P", "PT", "2h 30x", "99999999999d"]
)
def test_unreadable_durations(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_duration(text)
    assert caught.value.key == "duration.unreadable"
    assert f"cannot read the duration '{text}'" in str(caught.value)


# -- properties ----------------------------------------------------------------------------

# Hồ Chí Minh City has kept +07:00 since 1975, so every wall-clock time in this range exists once.
_LOCAL_TIMES = st.datetimes(min_value=datetime(1980, 1, 1), max_value=datetime(2026, 11, 29, 14, 0))


@settings(deadline=None)
@given(
    local=_LOCAL_TIMES,
    pattern=st.sampled_from(
        [
            "%d/%m/%Y %H:%M",
            "%H:%M %d/%m/%Y",
            "%Hh%M ngày %d/%m/%Y",
            "%d-%m-%Y %H:%M",
            "%Y-%m-%d %H:%M",
            "%Y-%m-%dT%H:%M",
        ]
    ),
)
def test_a_formatted_local_time_reads_back_to_the_minute(local: datetime, pattern: str) -> None:
    expected = local.replace(second=0, microsecond=0, tzinfo=HCM).astimezone(UTC)
    assert parse(local.strftime(pattern)) == expected


@settings(deadline=None)
@given(
    moment=st.datetimes(min_value=datetime(1980, 1, 1), max_value=datetime(2026, 11, 29, 7, 0)).map(
        lambda naive: naive.replace(tzinfo=UTC)
    ),
    offset_minutes=st.integers(min_value=-12 * 60, max_value=14 * 60),
)
def test_an_iso_time_with_an_offset_reads_back(moment: datetime, offset_minutes: int) -> None:
    shown = moment.astimezone(timezone(timedelta(minutes=offset_minutes))).isoformat()
    assert parse(shown) == moment.replace(microsecond=0)


_PIECES = st.sampled_from(
    [
        *"0123456789",
        "13",
        "29",
        "2026",
        "0001",
        "9999",
        "99999999999",
        ":",
        "/",
        "-",
        ".",
        ",",
        "+",
        " ",
        "T",
        "Z",
        "W",
        "P",
        "h",
        "m",
        "d",
        "s",
        "g",
        "p",
        "giờ",
        "phút",
        "ngày",
        "lúc",
        "trước",
        "nữa",
        "sau ",
        "in ",
        " ago",
        "now",
        "+07:00",
        "\u0300",  # a loose combining accent
    ]
)
_TYPED = st.one_of(st.text(), st.lists(_PIECES, max_size=12).map("".join))


@settings(deadline=None, max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=_TYPED,
    future=st.booleans(),
    tz=st.sampled_from([HCM, ZoneInfo("America/New_York"), ZoneInfo("Pacific/Kiritimati")]),
)
@example(text="-99999999999d", future=False, tz=HCM)  # beyond what a datetime holds
@example(text="01/01/0001 00:00", future=True, tz=HCM)
@example(text="9999-12-31T23:59-05:00", future=True, tz=HCM)
@example(text="31/12/9999 23:59", future=False, tz=ZoneInfo("America/New_York"))
def test_any_text_gives_a_utc_time_or_invalid_input(text: str, future: bool, tz: ZoneInfo) -> None:
    try:
        result = parse(text, tz=tz, future=future)
    except InvalidInput as error:
        assert f"'{text.strip()}'" in str(error) or f"'{text}'" in str(error)
        return
    assert result.tzinfo is UTC
    assert result.microsecond == 0
    if not future:
        assert result <= NOW


@settings(deadline=None, max_examples=300)
@given(text=_TYPED)
def test_any_text_gives_a_duration_or_invalid_input(text: str) -> None:
    try:
        result = parse_duration(text)
    except InvalidInput as error:
        assert error.key == "duration.unreadable"
        return
    assert result >= timedelta(0)


@given(hours=st.integers(min_value=0, max_value=10_000), minutes=st.integers(0, 10_000))
def test_hours_and_minutes_duration(hours: int, minutes: int) -> None:
    assert parse_duration(f"{hours}h{minutes}m") == timedelta(hours=hours, minutes=minutes)
    assert parse_duration(f"{hours} giờ {minutes} phút") == timedelta(hours=hours, minutes=minutes)
