"""Messages of reminders (`spokes remind`), their channels, and hooks."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- help ----------------------------------------------------------------------------------
    "help.remind": (
        "Send the reminders due now (before each deadline, at it, then while it is overdue),"
        " each once, through the configured channels: for cron or a systemd timer.",
        "Gửi các nhắc hạn đã đến lúc gửi (trước mỗi thời hạn, đúng hạn, rồi trong khi quá hạn),"
        " mỗi nhắc hạn một lần, qua các kênh đã cấu hình: để chạy bằng cron hoặc systemd timer.",
    ),
    "help.remind.log": (
        "What was sent: when, incident, threshold, channel and outcome.",
        "Nhật ký nhắc hạn: thời điểm, sự việc, mốc nhắc, kênh và kết quả.",
    ),
    "help.opt.remind_dry_run": (
        "Show what would be sent; send nothing and record nothing.",
        "Chỉ hiển thị những gì sẽ gửi; không gửi và không ghi gì.",
    ),
    "help.arg.remind_incident": (
        "Only this incident, e.g. 2026-0001.",
        "Chỉ sự việc này, ví dụ 2026-0001.",
    ),
    "help.opt.remind_limit": (
        "Show the last N rows (0: all).",
        "Hiển thị N dòng gần nhất (0: tất cả).",
    ),
    # -- config --------------------------------------------------------------------------------
    "config.required_with": (
        "config {path}: '{key}' is required when '{other}' is set, e.g. {example}",
        "cấu hình {path}: cần có '{key}' khi đã đặt '{other}', ví dụ {example}",
    ),
    "config.login_in_clear": (
        "config {path}: '{key}' = false would send the login password unencrypted: a login"
        " needs STARTTLS, unless the mail server is this machine (127.0.0.1, ::1, localhost)",
        "cấu hình {path}: '{key}' = false sẽ gửi mật khẩu đăng nhập không được mã hóa: đăng nhập"
        " phải dùng STARTTLS, trừ khi máy chủ thư là chính máy này (127.0.0.1, ::1, localhost)",
    ),
    "config.password_in_file": (
        "config {path}: '{key}' is not allowed: a password never goes in the config; set"
        " password_env to the name of the environment variable that holds it",
        "cấu hình {path}: không được ghi '{key}': mật khẩu không bao giờ ghi trong tệp cấu hình;"
        " hãy đặt password_env là tên biến môi trường chứa mật khẩu",
    ),
    # -- what a reminder says (in the workspace's language) ------------------------------------
    "remind.subject.before": (
        "Reminder {id}: initial information due in {left}",
        "Nhắc hạn {id}: còn {left} đến hạn cung cấp thông tin ban đầu",
    ),
    "remind.subject.now": (
        "Reminder {id}: initial information is due now",
        "Nhắc hạn {id}: đã đến hạn cung cấp thông tin ban đầu",
    ),
    "remind.subject.overdue": (
        "Reminder {id}: initial information OVERDUE by {late}",
        "Nhắc hạn {id}: QUÁ HẠN {late} chưa cung cấp thông tin ban đầu",
    ),
    "remind.line.incident": ("Incident: {title}", "Sự việc: {title}"),
    "remind.line.lead": ("Lead unit: {name} ({code})", "Đơn vị chủ trì: {name} ({code})"),
    "remind.line.speaker": (
        "Spokesperson: {name}, phone {phone}",
        "Người phát ngôn: {name}, điện thoại {phone}",
    ),
    "remind.line.no_speaker": (
        "Spokesperson: NONE, assign one now: spokes spokesperson assign {unit} ...",
        "Người phát ngôn: CHƯA CÓ, cần phân công ngay: spokes spokesperson assign {unit} ...",
    ),
    "remind.line.deadline": ("Deadline: {due} ({rule})", "Thời hạn: {due} ({rule})"),
    "remind.line.ready": (
        "Ready: statement {id} is approved: spokes statement issue {id}",
        "Đã sẵn sàng: thông cáo số {id} đã được duyệt: spokes statement issue {id}",
    ),
    "remind.line.stale": (
        "Statement {id} was approved for older facts and needs approval again:"
        " spokes statement approve {id} --by ...",
        "Thông cáo số {id} được duyệt theo thông tin cũ, cần duyệt lại:"
        " spokes statement approve {id} --by ...",
    ),
    "remind.line.draft": (
        "Statement {id} awaits approval: spokes statement approve {id} --by ...",
        "Thông cáo số {id} đang chờ duyệt: spokes statement approve {id} --by ...",
    ),
    "remind.line.no_statement": (
        "Still missing: an approved statement (spokes statement draft {id})",
        "Còn thiếu: thông cáo đã được duyệt (spokes statement draft {id})",
    ),
    "remind.line.no_facts": (
        "Facts not recorded yet: {facts}",
        "Thông tin chưa được ghi nhận: {facts}",
    ),
    "remind.threshold.before": ("{amount} before the deadline", "trước hạn {amount}"),
    "remind.threshold.at": ("at the deadline", "đúng lúc đến hạn"),
    "remind.threshold.after": ("{amount} after the deadline", "quá hạn {amount}"),
    "remind.threshold.missed": ("deadline missed (hook)", "trễ hạn (lệnh hook)"),
    # -- a run ---------------------------------------------------------------------------------
    "remind.failed": (
        "the reminder of {id} ({threshold}) was not sent on {channel}: {reason}; the next run"
        " tries again",
        "chưa gửi được nhắc hạn {id} ({threshold}) qua kênh {channel}: {reason}; lần chạy sau"
        " sẽ gửi lại",
    ),
    "remind.nothing": ("Nothing to send now.", "Hiện không có nhắc hạn nào cần gửi."),
    "remind.would_send": (
        "Would send on {channels} ({threshold}):",
        "Sẽ gửi qua {channels} ({threshold}):",
    ),
    "remind.would_skip": (
        "Would skip the {channel} channel: {reason}",
        "Sẽ bỏ qua kênh {channel}: {reason}",
    ),
    "remind.would_run_hook": (
        "Would run the deadline-missed hook for {id} ({rule})",
        "Sẽ chạy lệnh hook deadline-missed cho {id} ({rule})",
    ),
    # -- why a channel or a hook failed --------------------------------------------------------
    "run.cannot_start": ("cannot run {program}: {problem}", "không chạy được {program}: {problem}"),
    "run.exit_code": (
        "{program} exited with code {code}{detail}",
        "{program} kết thúc với mã lỗi {code}{detail}",
    ),
    "run.timed_out": (
        "not done within {seconds} s, stopped",
        "không xong trong {seconds} giây, đã dừng",
    ),
    "run.no_notify_send": (
        "notify-send is not installed: desktop notifications are unavailable here",
        "chưa cài notify-send: máy này không hiển thị được thông báo trên màn hình",
    ),
    "run.no_session": (
        "no desktop session here (none of DBUS_SESSION_BUS_ADDRESS, DISPLAY, WAYLAND_DISPLAY is"
        " set), as under cron",
        "không có phiên làm việc trên màn hình (chưa đặt DBUS_SESSION_BUS_ADDRESS, DISPLAY hay"
        " WAYLAND_DISPLAY), như khi chạy bằng cron",
    ),
    "run.channel_down": (
        "not tried: the channel failed earlier in this run",
        "chưa gửi thử: kênh này đã bị lỗi trước đó trong lần chạy này",
    ),
    "run.no_header_value": (
        "the environment variable {variable} (the {header} header) is not set",
        "chưa đặt biến môi trường {variable} (giá trị của tiêu đề {header})",
    ),
    "run.no_password": (
        "the environment variable {variable} (the SMTP password) is not set",
        "chưa đặt biến môi trường {variable} (mật khẩu SMTP)",
    ),
    "run.unexpected": ("unexpected error: {problem}", "lỗi không mong đợi: {problem}"),
    "run.smtp": ("mail server {server}: {problem}", "máy chủ thư {server}: {problem}"),
    "run.unreachable": (
        "cannot reach {target}: {problem}",
        "không kết nối được {target}: {problem}",
    ),
    "run.http_status": ("{target} answered HTTP {status}", "{target} trả về mã HTTP {status}"),
    # -- operating-system errors, in the reader's language (others keep the system's text) --
    "os.no_such_file": ("no such file or directory", "không tìm thấy tệp hoặc thư mục"),
    "os.connection_refused": ("connection refused", "máy chủ từ chối kết nối"),
    "os.timed_out": ("timed out", "hết thời gian chờ"),
    "os.permission_denied": ("permission denied", "không có quyền truy cập"),
    # -- hooks ---------------------------------------------------------------------------------
    "hook.failed": (
        "the {event} hook failed: {reason}; the change itself is saved",
        "lệnh hook {event} bị lỗi: {reason}; thay đổi vẫn được lưu",
    ),
    # -- the log -------------------------------------------------------------------------------
    "remind.log.empty": ("No reminders recorded yet.", "Chưa có nhắc hạn nào được ghi nhận."),
    "remind.col.at": ("When", "Lúc"),
    "remind.col.incident": ("Incident", "Sự việc"),
    "remind.col.rule": ("Rule", "Quy định"),
    "remind.col.deadline": ("Deadline", "Hạn"),
    "remind.col.threshold": ("Threshold", "Mốc nhắc"),
    "remind.col.channel": ("Channel", "Kênh"),
    "remind.col.outcome": ("Outcome", "Kết quả"),
    "remind.col.detail": ("Detail", "Chi tiết"),
    "remind.outcome.sent": ("sent", "đã gửi"),
    "remind.outcome.failed": ("FAILED", "LỖI"),
    "remind.outcome.skipped": ("skipped", "bỏ qua"),
    "remind.outcome.pending": ("sending", "đang gửi"),
    "remind.outcome.interrupted": ("interrupted", "bị gián đoạn"),
    # -- spokes where --------------------------------------------------------------------------
    "where.remind": ("Reminders", "Nhắc hạn"),
    "where.remind_times": (
        "{before} before the deadline, at it, then every {every} while overdue",
        "trước hạn {before}, đúng hạn, rồi cứ {every} một lần khi quá hạn",
    ),
    "where.remind_no_before": (
        "at the deadline, then every {every} while overdue",
        "đúng hạn, rồi cứ {every} một lần khi quá hạn",
    ),
    "where.channels": ("Reminder channels", "Kênh nhắc hạn"),
    "where.hooks": ("Hooks (time limit {timeout})", "Lệnh hook (tối đa {timeout})"),
}
