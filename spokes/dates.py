"""Dates and moments as officials write them in a document, in the document's language.

Neutral ground: the core assembles documents and statements with these words, and the views
show them; neither layer has to import the other for them.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

MONTHS_EN_LONG = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def in_text(moment: datetime, tz: ZoneInfo, lang: str) -> str:
    """A moment inside a statement, as an official writes it: ``13 giờ 10 phút ngày
    29/11/2026`` / ``13:10 on 29 November 2026``. The statement's language, not the UI's."""
    local = moment.astimezone(tz)
    if lang == "vi":
        return f"{local.hour:02d} giờ {local.minute:02d} phút ngày {local:%d/%m/%Y}"
    return f"{local:%H:%M} on {local.day} {MONTHS_EN_LONG[local.month - 1]} {local.year}"


def date_line(moment: datetime, tz: ZoneInfo, lang: str) -> str:
    """``ngày 05 tháng 02 năm 2026`` / ``5 February 2026``. Decree 30/2020 writes a leading zero
    for days under 10 and for months 1 and 2 only ("tháng 02", "tháng 3", "tháng 11"), so that
    nobody can add a digit to a signed date."""
    local = moment.astimezone(tz)
    if lang == "vi":
        month = f"{local.month:02d}" if local.month < 3 else str(local.month)
        return f"ngày {local:%d} tháng {month} năm {local.year}"
    return f"{local.day} {MONTHS_EN_LONG[local.month - 1]} {local.year}"
