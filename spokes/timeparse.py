"""Reading the times and durations a person types.

Every typed time is read in the **workspace's** zone, whatever the machine's ``TZ``. Accepted:

- ISO 8601, with or without an offset: ``2026-11-29T13:10:00+07:00``, ``2026-11-29 13:10``;
- a time of day, today: ``13:10``, ``13h10``, ``13 giờ 10 phút``;
- a day-first date, as Vietnamese officials write it: ``29/11/2026 13:10``,
  ``13h10 ngày 29/11/2026``, ``29/11 13:10`` (this year);
- relative to now: ``-40m``, ``2h ago``, ``1h30m ago``, ``40 phút trước``, ``now``;
  where a future time makes sense (the end of an authorisation): ``+2h``, ``in 3d``, ``2 giờ nữa``.

A time that cannot be read, or lies in the future where only the past makes sense, raises
:class:`~spokes.errors.InvalidInput` quoting what was typed.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from spokes.errors import InvalidInput

_UNITS: dict[str, timedelta] = {}
for _names, _size in (
    (("d", "day", "days", "ngày"), timedelta(days=1)),
    (("h", "hr", "hrs", "hour", "hours", "giờ", "tiếng", "g"), timedelta(hours=1)),
    (("m", "min", "mins", "minute", "minutes", "phút", "p"), timedelta(minutes=1)),
    (("s", "sec", "secs", "second", "seconds", "giây"), timedelta(seconds=1)),
):
    for _name in _names:
        _UNITS[_name] = _size

_DURATION_PART = re.compile(r"(\d+)\s*([^\d\s]+)")
_ISO_DURATION = re.compile(r"^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$", re.IGNORECASE)

_NOW_WORDS = {"now", "bây giờ", "ngay bây giờ", "hiện tại"}
_PAST = (re.compile(r"^-\s*(.+)$"), re.compile(r"^(.+?)\s+(?:ago|trước)$"))
_FUTURE = (
    re.compile(r"^\+\s*(.+)$"),
    re.compile(r"^in\s+(.+)$"),
    re.compile(r"^sau\s+(.+)$"),
    re.compile(r"^(.+?)\s+(?:nữa|from now)$"),
)
_ISO_START = re.compile(r"^\d{4}-\d{2}-\d{2}|^\d{4}-W\d{2}|^\d{8}T")
_TIME_OF_DAY = re.compile(
    r"^(\d{1,2})\s*(?::|h|g|giờ)\s*(?:(\d{1,2})\s*(?:phút|p|m)?)?(?::(\d{2}))?$"
)
_DAY_FIRST = re.compile(
    r"(?<!\d)(\d{1,2})[/.](\d{1,2})(?:[/.](\d{4}))?(?!\d)|(?<!\d)(\d{1,2})-(\d{1,2})-(\d{4})(?!\d)"
)
_FILLER = re.compile(r"\b(?:ngày|lúc|at|on)\b|,", re.IGNORECASE)


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).strip().lower().split())


def parse_duration(text: str) -> timedelta:
    """``2h``, ``30m``, ``1h30m``, ``1 giờ 30 phút``, ``2 hours``, ``1d``, or ISO ``PT2H``."""
    cleaned = _clean(text)
    try:
        duration = _iso_duration(cleaned)
        if duration is None:  # not `or`: "PT0S" is a zero duration, not an unreadable one
            duration = _unit_duration(cleaned)
    except OverflowError:  # "99999999999d": more days than a timedelta holds
        duration = None
    if duration is None:
        raise InvalidInput("duration.unreadable", value=text)
    return duration


def _iso_duration(cleaned: str) -> timedelta | None:
    match = _ISO_DURATION.match(cleaned)
    if not match or cleaned.upper() in ("P", "PT"):
        return None
    days, hours, minutes, secs = (int(part or 0) for part in match.groups())
    return timedelta(days=days, hours=hours, minutes=minutes, seconds=secs)


def _unit_duration(cleaned: str) -> timedelta | None:
    compact = cleaned.replace(" ", "")
    # "1h30" and "1 giờ 30": a bare number after hours counts as minutes, as people write it.
    if re.fullmatch(r"\d+(?:h|giờ|g|tiếng)\d+", compact):
        compact += "m"
    parts = _DURATION_PART.findall(compact)
    if not parts or "".join(n + u for n, u in parts) != compact:
        return None
    total = timedelta()
    for number, unit in parts:
        size = _UNITS.get(unit)
        if size is None:
            return None
        total += int(number) * size
    return total


def parse_time(text: str, *, tz: ZoneInfo, now: datetime, allow_future: bool = False) -> datetime:
    """The moment ``text`` names, in UTC, read in the zone ``tz`` relative to ``now``."""
    cleaned = _clean(text)
    if not cleaned:
        raise InvalidInput("time.unreadable", value=text)
    try:
        moment = _parse(cleaned, text, tz, now, allow_future)
        if moment is None:
            raise InvalidInput("time.unreadable", value=text)
        moment = moment.astimezone(UTC).replace(microsecond=0)
        shown = moment.astimezone(tz).strftime("%H:%M %d/%m/%Y")
    except (OverflowError, ValueError):
        # Outside what a datetime holds: year 1 in a zone east of UTC, "-99999999999d",
        # "9999-12-31T23:59-05:00". Unreadable as a time, not a crash.
        raise InvalidInput("time.unreadable", value=text) from None
    if moment > now and not allow_future:
        # A bare time of day that lies ahead most likely meant yesterday: say how to write it.
        dated = _DAY_FIRST.search(cleaned) or _ISO_START.match(cleaned)
        key = "time.future" if dated else "time.future_today"
        raise InvalidInput(key, value=text, shown=shown)
    return moment


def _parse(
    cleaned: str, original: str, tz: ZoneInfo, now: datetime, allow_future: bool
) -> datetime | None:
    if cleaned in _NOW_WORDS:
        return now
    relative = _relative(cleaned, now, original, allow_future)
    if relative is not None:
        return relative
    if _ISO_START.match(cleaned):
        return _iso(original.strip(), tz)
    return _local(cleaned, tz, now)


def _relative(cleaned: str, now: datetime, original: str, allow_future: bool) -> datetime | None:
    for pattern in _PAST:
        match = pattern.match(cleaned)
        if match:
            return now - _relative_amount(match.group(1), original)
    for pattern in _FUTURE:
        match = pattern.match(cleaned)
        if match:
            if not allow_future:
                raise InvalidInput("time.future_relative", value=original)
            return now + _relative_amount(match.group(1), original)
    return None


def _relative_amount(amount: str, original: str) -> timedelta:
    duration = _unit_duration(amount)
    if duration is None:
        raise InvalidInput("time.unreadable", value=original)
    return duration


def _iso(text: str, tz: ZoneInfo) -> datetime | None:
    # The typed text, with its spaces tidied and in upper case, so that "2026-11-29  13:10"
    # and "2026-11-29t13:10z" read like "2026-11-29 13:10" and "2026-11-29T13:10Z".
    iso = " ".join(unicodedata.normalize("NFC", text).upper().split())
    if not re.search(r"[T ]\d", iso):
        raise InvalidInput("time.needs_time_of_day", value=text)
    import pendulum  # only the commands that read an ISO 8601 time pay for this import

    try:
        parsed = pendulum.parse(iso, tz=tz.key, strict=True)
    except (ValueError, TypeError, OverflowError):
        return None
    if not isinstance(parsed, pendulum.DateTime):  # a bare date, time or duration
        return None
    return datetime.fromtimestamp(parsed.timestamp(), UTC)


def _local(cleaned: str, tz: ZoneInfo, now: datetime) -> datetime | None:
    """A time of day, optionally with a day-first date, in the workspace's zone."""
    today = now.astimezone(tz).date()
    day: date = today
    rest = cleaned
    found = _DAY_FIRST.search(cleaned)
    if found:
        day_s, month_s, year_s = found.group(1, 2, 3) if found.group(1) else found.group(4, 5, 6)
        try:
            day = date(int(year_s) if year_s else today.year, int(month_s), int(day_s))
        except ValueError:
            return None
        rest = cleaned[: found.start()] + " " + cleaned[found.end() :]
    rest = " ".join(_FILLER.sub(" ", rest).split())
    clock_time = _time_of_day(rest)
    if clock_time is None:
        return None
    return datetime.combine(day, clock_time, tzinfo=tz)


def _time_of_day(text: str) -> time | None:
    match = _TIME_OF_DAY.match(text)
    if not match:
        return None
    hour, minute, second = (int(part or 0) for part in match.groups())
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second)
