"""Messages of the live countdown (`spokes watch`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "help.watch": (
        "A live countdown of the open incidents, full screen, until Ctrl-C.",
        "Đếm ngược trực tiếp các sự việc đang xử lý, toàn màn hình, đến khi nhấn Ctrl-C.",
    ),
    "help.opt.interval": (
        "Seconds between two reads of the database (the screen moves every second).",
        "Số giây giữa hai lần đọc cơ sở dữ liệu (màn hình vẫn cập nhật mỗi giây).",
    ),
    "help.opt.once": (
        "Print one frame and exit (for scripts, and where there is no terminal).",
        "In một khung hình rồi thoát (cho tập lệnh, hoặc khi không có cửa sổ dòng lệnh).",
    ),
    "watch.title": (
        "Open incidents, all units",
        "Sự việc đang xử lý, mọi đơn vị",
    ),
    "watch.title_unit": (
        "Open incidents led by {unit}",
        "Sự việc đang xử lý do {unit} chủ trì",
    ),
    "watch.now": ("Now: {now}", "Bây giờ: {now}"),
    "watch.next": (
        "Next deadline: {at}, {id} ({unit}), in {left}",
        "Hạn gần nhất: {at}, {id} ({unit}), còn {left}",
    ),
    "watch.next_none": (
        "No deadline ahead.",
        "Không còn hạn nào sắp tới.",
    ),
    "watch.keys": (
        "Ctrl-C: quit  ·  database read every {interval} s",
        "Ctrl-C: thoát  ·  đọc cơ sở dữ liệu mỗi {interval} giây",
    ),
    "watch.more": (
        "… {count} more lines: enlarge the window to see them",
        "… còn {count} dòng nữa: hãy mở rộng cửa sổ để xem",
    ),
    "watch.bad_interval": (
        "--interval must be a number of seconds greater than 0, not {value}",
        "--interval phải là số giây lớn hơn 0, không phải {value}",
    ),
    "watch.needs_terminal": (
        "spokes watch needs a terminal; to print one frame, add --once",
        "spokes watch cần một cửa sổ dòng lệnh; để in một khung hình, thêm --once",
    ),
}
