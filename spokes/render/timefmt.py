"""Times and durations the way each language writes them.

Vietnamese officials write the day first ("29/11/2026") and times as "13 giờ 10 phút" or
"13:10"; English output uses "29 Nov 2026 13:10". Both always in the workspace's zone.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from zoneinfo import ZoneInfo

from spokes.dates import date_line as date_line  # re-exported: views and older callers
from spokes.dates import in_text as in_text
from spokes.i18n import language

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def when(moment: datetime | None, tz: ZoneInfo, now: datetime | None = None) -> str:
    """A moment in tables: only the time when it is today, the day too otherwise."""
    if moment is None:
        return "—"
    local = moment.astimezone(tz)
    # f-strings, not strftime: status formats thousands of these on every run.
    hhmm = f"{local.hour:02d}:{local.minute:02d}"
    today = _today(now, tz) if now else None
    if local.date() == today:
        return hhmm
    same_year = today is not None and local.year == today.year
    if language() == "vi":
        day_month = f"{local.day:02d}/{local.month:02d}"
        return f"{hhmm} {day_month}" if same_year else f"{hhmm} {day_month}/{local.year}"
    month = _MONTHS_EN[local.month - 1]
    day = f"{local.day} {month}" if same_year else f"{local.day} {month} {local.year}"
    return f"{day} {hhmm}"


@cache
def _today(now: datetime, tz: ZoneInfo) -> date:
    return now.astimezone(tz).date()


def full(moment: datetime | None, tz: ZoneInfo, offset: bool = True) -> str:
    """A moment written out in full, with its offset (for details and headers), or without
    it in a list whose header already says the zone."""
    if moment is None:
        return "—"
    local = moment.astimezone(tz)
    zone = local.strftime("%z")
    shown = f" (UTC{zone[:3]}:{zone[3:]})" if offset else ""
    if language() == "vi":
        return f"{local:%H:%M} ngày {local:%d/%m/%Y}{shown}"
    return f"{local.day} {_MONTHS_EN[local.month - 1]} {local.year} {local:%H:%M}{shown}"


def duration(total_seconds: int) -> str:
    """``1 giờ 05 phút`` / ``1 h 05 min``; days when it is that long; never negative."""
    minutes = abs(total_seconds) // 60
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    vi = language() == "vi"
    if minutes == 0:
        return "dưới 1 phút" if vi else "< 1 min"
    if days:
        return f"{days} ngày {hours:02d} giờ" if vi else f"{days} d {hours:02d} h"
    if hours:
        return f"{hours} giờ {mins:02d} phút" if vi else f"{hours} h {mins:02d} min"
    return f"{mins} phút" if vi else f"{mins} min"


def remaining(total_seconds: int | None) -> str:
    """Time left before a deadline, or how long ago it passed."""
    if total_seconds is None:
        return "—"
    if total_seconds >= 0:
        return duration(total_seconds)
    late = duration(-total_seconds)
    return f"quá hạn {late}" if language() == "vi" else f"{late} ago"
