"""Messages of The end-of-day status table and the period report (`spokes report`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "help.report": (
        "End-of-day status table and compliance reports.",
        "Bảng tình hình cuối ngày và báo cáo việc thực hiện thời hạn.",
    ),
    "help.report.day": (
        "The end-of-day status table: every incident open during the day or due in it, each"
        " as it stood at the end of the day (or now, for today), and a summary.",
        "Bảng tình hình cuối ngày: mọi sự việc đang xử lý trong ngày hoặc đến hạn trong ngày,"
        " theo tình trạng lúc hết ngày (hoặc lúc này, nếu là hôm nay), kèm phần tổng hợp.",
    ),
    "help.report.period": (
        "Deadlines kept per lead unit over a period: incidents, on time and the rate, median"
        " and worst minutes to initial information, and the late ones.",
        "Việc thực hiện thời hạn theo từng đơn vị chủ trì trong một kỳ: số sự việc, số và tỷ lệ"
        " đúng hạn, số phút trung vị và lâu nhất đến thông tin ban đầu, các sự việc trễ hạn.",
    ),
    "help.opt.report_date": (
        "The day, in the workspace's time zone: 2026-11-29, 29/11/2026, 29/11 (the latest"
        " such day), today or yesterday (default: today).",
        "Ngày báo cáo, theo múi giờ của không gian làm việc: 2026-11-29, 29/11/2026, 29/11"
        " (ngày gần nhất như vậy), hôm nay hoặc hôm qua (mặc định: hôm nay).",
    ),
    "help.opt.report_from": (
        "First day of the period (incidents that occurred from then on).",
        "Ngày đầu kỳ (các sự việc xảy ra từ ngày này).",
    ),
    "help.opt.report_to": (
        "Last day of the period, included (default: today).",
        "Ngày cuối kỳ, tính cả ngày này (mặc định: hôm nay).",
    ),
    "help.opt.report_unit": ("Only this lead unit.", "Chỉ đơn vị chủ trì này."),
    "help.opt.report_format": (
        "Output format: table (the default, or the -o file's extension), md, csv, json or html.",
        "Định dạng: table (mặc định, hoặc theo phần mở rộng của tệp -o), md, csv, json hoặc html.",
    ),
    "help.opt.report_output": (
        "Write to this file (UTF-8; its folder must exist; .txt is the table) instead of the"
        " screen.",
        "Ghi ra tệp này (UTF-8; thư mục phải có sẵn; .txt là dạng bảng) thay vì hiển thị.",
    ),
    # -- errors --
    "report.bad_date": (
        "cannot read the date '{value}': write 2026-11-29, 29/11/2026, today or yesterday",
        "không đọc được ngày '{value}': hãy viết 2026-11-29, 29/11/2026, hôm nay hoặc hôm qua",
    ),
    "report.future_date": (
        "'{value}' is {shown}, a day still to come: there is nothing to report yet",
        "'{value}' là ngày {shown}, chưa đến: chưa có gì để báo cáo",
    ),
    "report.from_after_to": (
        "the period is empty: --from {first} is after --to {last}",
        "kỳ báo cáo không hợp lệ: --from {first} sau --to {last}",
    ),
    # -- the day report --
    "report.day.title": ("End-of-day status, {day}", "Tình hình sự việc {day}"),
    "report.day.as_at": (
        "Time zone {zone}; as at {moment}",
        "Múi giờ {zone}; tính đến {moment}",
    ),
    "report.day.as_at_end": (
        "Time zone {zone}; as at the end of the day (24:00)",
        "Múi giờ {zone}; tính đến hết ngày (24 giờ 00)",
    ),
    "report.unit": ("lead unit {unit}", "đơn vị chủ trì {unit}"),
    "report.none": (
        "No incident was open or due that day.",
        "Không có sự việc nào đang xử lý hoặc đến hạn trong ngày.",
    ),
    "report.col.informed": ("Informed", "Thông tin lúc"),
    "report.col.minutes": ("Min", "Phút"),
    "report.col.statements": ("Stmts", "Thông cáo"),
    "report.col.conflicts": ("Conflicts", "Mâu thuẫn"),
    "report.col.closed": ("Closed, no info", "Kết thúc, chưa có TT"),
    "report.col.rate": ("Rate", "Tỷ lệ"),
    "report.col.median": ("Median min", "Trung vị (phút)"),
    "report.col.worst": ("Worst min", "Lâu nhất (phút)"),
    "report.col.late_by": ("Late by", "Trễ"),
    "report.short.occurred": ("Occ.", "Xảy ra"),
    "report.short.deadline": ("Due", "Hạn"),
    "report.short.informed": ("Info", "TT lúc"),
    "report.short.spokesperson": ("Speaker", "Người PN"),
    "report.short.statements": ("St.", "TC"),
    "report.short.conflicts": ("Cf.", "MT"),
    "report.short_note": (
        "Occ.: occurred. Due: deadline. Info: initial information given at. Min: minutes from"
        " occurrence to initial information. Speaker: the spokesperson on duty. St.: statements"
        " issued. Cf.: texts found contradicting the facts (statement check). State: the clock"
        " at the moment above.",
        "Hạn: hạn chót. TT lúc: thời điểm cung cấp thông tin ban đầu. Phút: số phút từ khi xảy"
        " ra đến khi cung cấp thông tin ban đầu. Người PN: người phát ngôn đang làm nhiệm vụ."
        " TC: số thông cáo đã phát hành. MT: số văn bản có số liệu trái với dữ kiện (statement"
        " check). Tình trạng: thời hạn tại thời điểm nêu trên.",
    ),
    "report.sum.incidents": ("Incidents", "Sự việc"),
    "report.sum.met": ("On time", "Đúng hạn"),
    "report.sum.late": ("Late", "Trễ hạn"),
    "report.sum.overdue": ("Still overdue", "Vẫn quá hạn"),
    "report.sum.awaiting": ("Not yet due", "Chưa đến hạn"),
    "report.sum.closed": (
        "Closed without information",
        "Đã kết thúc, chưa cung cấp thông tin",
    ),
    "state.closed_without_information": (
        "closed without information",
        "đã kết thúc, chưa cung cấp thông tin",
    ),
    "report.sum.rate": ("On-time rate", "Tỷ lệ đúng hạn"),
    "report.sum.median": (
        "Median minutes to initial information",
        "Trung vị số phút đến thông tin ban đầu",
    ),
    "report.columns_note": (
        "Min: minutes from occurrence to initial information. Stmts: statements issued."
        " Conflicts: texts found contradicting the facts (statement check). State: the clock"
        " at the moment above.",
        "Phút: số phút từ khi xảy ra đến khi cung cấp thông tin ban đầu. Thông cáo: số thông"
        " cáo đã phát hành. Mâu thuẫn: số văn bản có số liệu trái với dữ kiện (statement"
        " check). Tình trạng: thời hạn tại thời điểm nêu trên.",
    ),
    "report.rate_note": (
        "On-time rate = on time / (on time + late + still overdue); incidents not yet due,"
        " those closed without information before their deadline and those without a deadline"
        " are left out.",
        "Tỷ lệ đúng hạn = đúng hạn / (đúng hạn + trễ hạn + vẫn quá hạn); không tính các sự"
        " việc chưa đến hạn, các sự việc đã kết thúc khi chưa đến hạn mà chưa cung cấp thông"
        " tin, và các sự việc không có thời hạn.",
    ),
    "report.day.rate_note": (
        "The summary counts what happened that day: on time, late and the median count the"
        " incidents whose initial information was given that day, closed without information"
        " those closed that day; still overdue and not yet due are read at the end of the day"
        " (or now). An incident informed on an earlier day is listed, but counted on that day."
        " On-time rate = on time / (on time + late + still overdue).",
        "Phần tổng hợp tính những gì diễn ra trong ngày: đúng hạn, trễ hạn và trung vị tính"
        " các sự việc được cung cấp thông tin ban đầu trong ngày, đã kết thúc mà chưa cung cấp"
        " thông tin tính các sự việc kết thúc trong ngày; vẫn quá hạn và chưa đến hạn tính tại"
        " thời điểm hết ngày (hoặc lúc này). Sự việc đã cung cấp thông tin từ ngày trước vẫn"
        " có trong bảng nhưng được tính vào ngày đó. Tỷ lệ đúng hạn = đúng hạn / (đúng hạn +"
        " trễ hạn + vẫn quá hạn).",
    ),
    "report.timeline.title": (
        "Timeline of the day, one character per half hour:",
        "Diễn biến trong ngày, mỗi ký tự là nửa giờ:",
    ),
    "report.timeline.legend": (
        "· outside the clock  ━ occurrence to deadline  ! past the deadline without"
        " information  ▲ initial information  │ now  ◀ ▶ beyond the day",
        "· ngoài thời hạn  ━ từ khi xảy ra đến hạn chót  ! quá hạn chưa có thông tin"
        "  ▲ thông tin ban đầu  │ bây giờ  ◀ ▶ sang ngày khác",
    ),
    # -- the html page --
    "report.html.timeline": ("Timeline of the day", "Diễn biến trong ngày"),
    "report.html.incidents": ("Incidents", "Danh sách sự việc"),
    "report.html.summary": ("Summary", "Tổng hợp"),
    "report.html.now": ("now {time}", "bây giờ {time}"),
    "report.html.hour": ("hour", "giờ"),
    "report.html.informed": ("initial information", "thông tin ban đầu"),
    "report.html.overdue_time": (
        "past the deadline without information",
        "quá hạn chưa có thông tin",
    ),
    "report.html.beyond": ("continues beyond the day", "kéo dài sang ngày khác"),
    "report.html.by_unit": ("By lead unit", "Theo đơn vị chủ trì"),
    "report.html.generated": ("Generated {moment}", "Lập lúc {moment}"),
    "report.html.tip": (
        "{id} {title}: occurred {occurred}, deadline {deadline}, initial information {informed}",
        "{id} {title}: xảy ra {occurred}, hạn chót {deadline}, thông tin ban đầu {informed}",
    ),
    # -- the period report --
    "report.period.title": (
        "Deadlines for initial information, {first} to {last}",
        "Việc thực hiện thời hạn cung cấp thông tin ban đầu, từ {first} đến {last}",
    ),
    "report.period.as_at": (
        "Time zone {zone}; incidents that occurred in the period, their clocks as at {moment}",
        "Múi giờ {zone}; các sự việc xảy ra trong kỳ, thời hạn tính đến {moment}",
    ),
    "report.period.total": ("Total", "Tổng cộng"),
    "report.period.late_header": ("Late or still overdue:", "Trễ hạn hoặc vẫn quá hạn:"),
    "report.period.none": (
        "No incident occurred in the period.",
        "Không có sự việc nào xảy ra trong kỳ.",
    ),
    "report.period.no_late": (
        "No incident missed its deadline.",
        "Không có sự việc nào trễ hạn.",
    ),
}
