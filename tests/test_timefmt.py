"""Dates and times as Vietnamese officials write them."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from spokes.render.timefmt import date_line, in_text

pytestmark = pytest.mark.no_database  # pure functions: no database is ever opened

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.parametrize(
    ("utc", "vi", "en"),
    [
        ("2026-02-04T20:00:00", "ngày 05 tháng 02 năm 2026", "5 February 2026"),
        ("2026-01-09T03:00:00", "ngày 09 tháng 01 năm 2026", "9 January 2026"),
        ("2026-03-05T03:00:00", "ngày 05 tháng 3 năm 2026", "5 March 2026"),
        ("2026-09-30T03:00:00", "ngày 30 tháng 9 năm 2026", "30 September 2026"),
        ("2026-11-29T03:00:00", "ngày 29 tháng 11 năm 2026", "29 November 2026"),
    ],
)
def test_date_line_has_leading_zeros_only_where_decree_30_asks(utc: str, vi: str, en: str) -> None:
    moment = datetime.fromisoformat(utc).replace(tzinfo=UTC)
    assert date_line(moment, ZONE, "vi") == vi
    assert date_line(moment, ZONE, "en") == en


def test_a_moment_in_a_statement() -> None:
    moment = datetime(2026, 11, 29, 6, 10, tzinfo=UTC)
    assert in_text(moment, ZONE, "vi") == "13 giờ 10 phút ngày 29/11/2026"
    assert in_text(moment, ZONE, "en") == "13:10 on 29 November 2026"
