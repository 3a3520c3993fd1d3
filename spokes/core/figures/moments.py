"""Times and dates: "13h10", "13 giờ 10 phút", "1:10 p.m.", "29/11/2026", "29 November 2026",
each tied to the time key whose word stands nearest before it in the same clause."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import pairwise

from spokes.core.figures.found import Found
from spokes.core.figures.spelling import Spelling
from spokes.core.figures.vocabulary import Matcher

_TIME_WORDED = re.compile(
    r"(?<![\w/.:,-])(?P<clock>(?P<h>[0-9]{1,2})"
    r"(?:\s*(?P<gio>gio)(?:\s*(?P<gm>[0-9]{1,2})(?![0-9])(?:\s*phut(?!\w))?)?"
    r"|h(?:(?P<hm>[0-9]{1,2})(?:phut|p|')?)?)(?!\w))"
    r"(?:\s+(?P<period>sang|trua|chieu|toi|dem)(?!\w))?"
)
_TIME_COLON = re.compile(
    r"(?<![\w/.:,-])(?P<h>[0-9]{1,2}):(?P<m>[0-9]{2})(?::[0-9]{2})?(?![0-9:]|[/.][0-9])"
    r"(?:\s*(?P<ampm>[ap])\.?m(?!\w)\.?)?"
)
_TIME_AMPM = re.compile(r"(?<![\w/.:,-])(?P<h>[0-9]{1,2})\s*(?P<ampm>[ap])\.?m(?!\w)\.?")
_DATE_NUMERIC = re.compile(
    r"(?<![\w/.:-])(?P<d>[0-9]{1,2})(?P<sep>[/.-])(?P<m>[0-9]{1,2})"
    r"(?:(?P=sep)(?P<y>[0-9]{4}|[0-9]{2}))?(?![\w/]|[.:-][0-9])"
)
_DATE_VI = re.compile(
    r"(?<![\w/.:-])(?:(?P<ngay>ngay)\s+)?(?P<d>[0-9]{1,2})\s+(?P<thang>thang)\s+"
    r"(?P<m>[0-9]{1,2})(?![0-9])(?:[\s,]*(?:(?P<nam>nam)\s+|[/-]\s*)(?P<y>[0-9]{4})(?![0-9]))?"
)
_MONTHS = {
    name: n
    for n, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for name in names
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_EN_DM = re.compile(
    rf"(?<![\w/.:-])(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH})(?!\w)\.?"
    r"(?:,?\s+(?P<y>[0-9]{4})(?![0-9]))?"
)
_DATE_EN_MD = re.compile(
    rf"(?<!\w)(?P<mon>{_MONTH})(?!\w)\.?\s+(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?(?!\w)"
    r"(?:,?\s+(?P<y>[0-9]{4})(?![0-9]))?"
)
# "trong 12 giờ" is twelve hours, not noon.
_DURATION_BEFORE = re.compile(r"(?<!\w)(?:trong|vong|suot|mat)\s*$")
_NUMBER_LABEL_BEFORE = re.compile(r"(?<!\w)so\s*$")  # "số 12/11" is a document number
_FRACTION_AFTER = re.compile(r"\s*(?:so|dien tich|tong|of)(?!\w)")  # "1/3 số hộ", "1/3 of"
_CLAUSE_END = re.compile(r"[!?;\n]|\.(?=\s|$)")
_PAIR_GAP = re.compile(  # what may stand between a time and its date, on one line
    r"[^\S\n]*(?:(?:ngay|hom|on|at|luc|vao|khoang|about|around|the|sang|trua|chieu|toi|dem|[-–,()])"
    r"[^\S\n]*){0,4}"
)
_TIE_REACH = 40
_PAIR_REACH = 25
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_PERIODS = ("sáng", "trưa", "chiều", "tối", "đêm")


def _spelled(spelling: Spelling, m: re.Match[str], group: str, forms: tuple[str, ...]) -> bool:
    return spelling.spelled(m.start(group), m.end(group), forms)


def _date(day: int, month: int, year: int | None) -> tuple[int, int, int | None] | None:
    if not 1 <= month <= 12 or not 1 <= day <= _DAYS_IN_MONTH[month - 1]:
        return None
    leap = year is None or (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))
    return None if month == 2 and day == 29 and not leap else (day, month, year)


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    return 2000 + int(text) if len(text) == 2 else int(text)


def _clock(hour: int, minute: int, ampm: str | None = None) -> tuple[int, int] | None:
    if ampm is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "p" else 0)
    return (hour, minute) if 0 <= hour <= 23 and 0 <= minute <= 59 else None


def _worded_time(m: re.Match[str], norm: str, folded: str, spelling: Spelling) -> Found | None:
    if m.group("gio") and not _spelled(spelling, m, "gio", ("giờ",)):
        return None
    if _DURATION_BEFORE.search(folded, max(0, m.start() - 12), m.start()):
        return None
    hour, end = int(m.group("h")), m.end()
    minute = m.group("gm") or m.group("hm") or "0"
    period = m.group("period")
    if period and not _spelled(spelling, m, "period", _PERIODS):
        period, end = None, m.end("clock")
    afternoon = period in ("chieu", "toi") and 1 <= hour < 12
    if afternoon or (period == "trua" and hour < 3) or (period == "dem" and 6 <= hour < 12):
        hour += 12
    clock = _clock(hour, int(minute))
    return Found("time", clock, m.start(), end) if clock else None


def _ampm_end(m: re.Match[str], folded: str) -> int:
    """Where "pm" ends: "p.m." keeps its last dot, "pm." leaves it to the sentence."""
    written = folded[m.start("ampm") : m.end()]
    return m.end() - 1 if written.endswith(".") and written.count(".") == 1 else m.end()


def _colon_time(m: re.Match[str], norm: str, folded: str, spelling: Spelling) -> Found | None:
    ampm = m.group("ampm")
    if ampm and not norm[m.start("ampm") : m.end()].isascii():
        ampm = None  # "5 âm" typed plainly is not "5 am"
    clock = _clock(int(m.group("h")), int(m.group("m")), ampm)
    end = _ampm_end(m, folded) if ampm else m.end("m")
    return Found("time", clock, m.start(), end) if clock else None


def _ampm_time(m: re.Match[str], norm: str, folded: str, spelling: Spelling) -> Found | None:
    if not norm[m.start("ampm") : m.end()].isascii():
        return None
    clock = _clock(int(m.group("h")), 0, m.group("ampm"))
    return Found("time", clock, m.start(), _ampm_end(m, folded)) if clock else None


def _numeric_date(m: re.Match[str], norm: str, folded: str, spelling: Spelling) -> Found | None:
    if m.group("y") is None and m.group("sep") != "/":
        return None  # "3-5 người", "2.5" are ranges and decimals
    if _NUMBER_LABEL_BEFORE.search(folded, max(0, m.start() - 6), m.start()):
        return None
    if m.group("y") is None and _FRACTION_AFTER.match(folded, m.end()):
        return None
    date = _date(int(m.group("d")), int(m.group("m")), _year(m.group("y")))
    return Found("date", date, m.start(), m.end()) if date else None


def _vi_date(m: re.Match[str], norm: str, folded: str, spelling: Spelling) -> Found | None:
    if not _spelled(spelling, m, "thang", ("tháng",)):
        return None
    start = m.start()
    if m.group("ngay") and not _spelled(spelling, m, "ngay", ("ngày",)):
        start = m.start("d")
    year, end = m.group("y"), m.end()
    if m.group("nam") and not _spelled(spelling, m, "nam", ("năm",)):
        year, end = None, m.end("m")
    date = _date(int(m.group("d")), int(m.group("m")), _year(year))
    return Found("date", date, start, end) if date else None


def _en_date(m: re.Match[str], norm: str, folded: str, spelling: Spelling) -> Found | None:
    month = m.group("mon")
    if not norm[m.start("mon") : m.end("mon")].isascii():
        return None  # "sếp", "máy" typed plainly
    if month == "may" and m.group("y") is None and m.start("mon") > m.start("d"):
        return None  # "5 may" is more often "5 máy" without diacritics than the 5th of May
    date = _date(int(m.group("d")), _MONTHS[month], _year(m.group("y")))
    return Found("date", date, m.start(), m.end()) if date else None


_Build = Callable[[re.Match[str], str, str, Spelling], Found | None]
_PATTERNS: tuple[tuple[re.Pattern[str], _Build], ...] = (
    (_DATE_NUMERIC, _numeric_date),
    (_DATE_VI, _vi_date),
    (_DATE_EN_DM, _en_date),
    (_DATE_EN_MD, _en_date),
    (_TIME_COLON, _colon_time),
    (_TIME_AMPM, _ampm_time),
    (_TIME_WORDED, _worded_time),
)


def moments(norm: str, folded: str, spelling: Spelling) -> list[Found]:
    """Every time and date in the text, in order, none overlapping another."""
    candidates = [
        found
        for pattern, build in _PATTERNS
        for m in pattern.finditer(folded)
        if (found := build(m, norm, folded, spelling)) is not None
    ]
    candidates.sort(key=lambda f: (f.start, -f.end))
    kept: list[Found] = []
    for found in candidates:
        if not kept or found.start >= kept[-1].end:
            kept.append(found)
    return kept


def _tie(folded: str, floor: int, start: int, matcher: Matcher) -> str | None:
    """The key of the nearest tying word before ``start`` in the same clause, if any."""
    if matcher.time_words is None:
        return None
    lo = max(floor, start - _TIE_REACH - matcher.longest_time_word)
    key = None
    for m in matcher.time_words.finditer(folded, lo, start):
        between = folded[m.end() : start]
        if start - m.end() <= _TIE_REACH and not _CLAUSE_END.search(between):
            key = matcher.time_keys.get(" ".join(m.group().split()), key)
    return key


def tie_moments(found: Sequence[Found], folded: str, matcher: Matcher) -> None:
    """Tie each time and date to a key; a time and its date share one."""
    floor = 0
    for moment in found:
        # A figure between the tying word and this one has taken the word for itself.
        moment.key = _tie(folded, floor, moment.start, matcher)
        floor = moment.end
    for first, second in pairwise(found):
        gap = folded[first.end : second.start]
        paired = {first.kind, second.kind} == {"time", "date"} and len(gap) <= _PAIR_REACH
        if paired and _PAIR_GAP.fullmatch(gap):
            first.key = second.key = first.key or second.key
