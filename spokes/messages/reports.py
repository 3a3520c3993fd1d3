"""Messages of The end-of-day status table and the period report (`spokes report`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "help.report": (
        "End-of-day status table and compliance reports.",
        "Bảng tình hình cuối ngày và báo cáo việc thực hiện thời hạn.",
    ),
}
