"""Messages of the core commands: workspace, units, spokespersons, incidents, facts, statements.

Keep the two side by side: a reviewer sees at once when one is missing or says something else.
Placeholders are ``str.format`` fields; a datetime placeholder is shown in the workspace's zone.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- labels ------------------------------------------------------------------------------
    "label.error": ("Error", "Lỗi"),
    "label.warning": ("Warning", "Cảnh báo"),
    "label.frozen_clock": (
        "(clock frozen by SPOKES_NOW)",
        "(đồng hồ đang cố định theo SPOKES_NOW)",
    ),
    "store.busy": (
        "the database {path} is busy: another spokes command has held it for over {seconds}"
        " seconds. Nothing was written; try again.",
        "cơ sở dữ liệu {path} đang bận: một lệnh spokes khác đã giữ nó quá {seconds} giây."
        " Chưa có gì được ghi; hãy thử lại.",
    ),
    "hint.did_you_mean": ("Did you mean '{hint}'?", "Có phải ý bạn là '{hint}'?"),
    "error.internal": (
        "unexpected internal error ({kind}). Run again with SPOKES_DEBUG=1 to see the details"
        " and report them.",
        "lỗi nội bộ không mong đợi ({kind}). Chạy lại với SPOKES_DEBUG=1 để xem chi tiết và"
        " báo lại cho nhóm phát triển.",
    ),
    "lang.unknown": (
        "unknown language '{value}': use vi or en",
        "không hỗ trợ ngôn ngữ '{value}': dùng vi hoặc en",
    ),
    # -- clock, times, durations -------------------------------------------------------------
    "clock.bad_now": (
        "SPOKES_NOW='{value}' is not an ISO 8601 time, e.g. 2026-11-29T14:00:00+07:00",
        "SPOKES_NOW='{value}' không phải thời điểm ISO 8601, ví dụ 2026-11-29T14:00:00+07:00",
    ),
    "clock.now_needs_offset": (
        "SPOKES_NOW='{value}' needs an offset, e.g. 2026-11-29T14:00:00+07:00",
        "SPOKES_NOW='{value}' cần ghi múi giờ, ví dụ 2026-11-29T14:00:00+07:00",
    ),
    "clock.bad_zone": (
        "unknown time zone '{zone}', e.g. Asia/Ho_Chi_Minh",
        "múi giờ '{zone}' không hợp lệ, ví dụ Asia/Ho_Chi_Minh",
    ),
    "time.unreadable": (
        "cannot read the time '{value}': write e.g. 13:10, 29/11/2026 13:10,"
        " 2026-11-29T13:10+07:00, -40m or '2h ago'",
        "không đọc được thời điểm '{value}': hãy ghi ví dụ 13:10, 29/11/2026 13:10,"
        " 2026-11-29T13:10+07:00, -40m hoặc '40 phút trước'",
    ),
    "time.future": (
        "the time '{value}' ({shown}) is in the future",
        "thời điểm '{value}' ({shown}) nằm trong tương lai",
    ),
    "time.future_today": (
        "the time '{value}' ({shown}) is in the future; for yesterday, write the date too,"
        " e.g. '28/11/2026 23:30'",
        "thời điểm '{value}' ({shown}) nằm trong tương lai; nếu là hôm qua, hãy ghi cả ngày,"
        " ví dụ '28/11/2026 23:30'",
    ),
    "time.future_relative": (
        "the time '{value}' is in the future; only past times are accepted here",
        "thời điểm '{value}' nằm trong tương lai; ở đây chỉ nhận thời điểm đã qua",
    ),
    "time.needs_time_of_day": (
        "the time '{value}' has no time of day: add it, e.g. '{value} 13:10'",
        "thời điểm '{value}' thiếu giờ: hãy ghi thêm, ví dụ '{value} 13:10'",
    ),
    "duration.unreadable": (
        "cannot read the duration '{value}': write e.g. 2h, 30m, 1h30m or 24h",
        "không đọc được khoảng thời gian '{value}': hãy ghi ví dụ 2h, 30m, 1h30m hoặc 24h",
    ),
    # -- config ------------------------------------------------------------------------------
    "config.unreadable": (
        "cannot read the config {path}: {problem}",
        "không đọc được tệp cấu hình {path}: {problem}",
    ),
    "config.invalid": (
        "config {path}: the value of '{key}' is not valid (expected {problem})",
        "cấu hình {path}: giá trị của '{key}' không hợp lệ (cần {problem})",
    ),
    "config.unknown_key": (
        "config {path}: unknown key '{key}'",
        "cấu hình {path}: khóa '{key}' không hợp lệ",
    ),
    # -- files and CSV -----------------------------------------------------------------------
    "file.missing": ("no such file: {path}", "không có tệp: {path}"),
    "csv.not_utf8": (
        "{path} is not UTF-8 text: save it as 'CSV UTF-8'",
        "{path} không phải văn bản UTF-8: hãy lưu lại dưới dạng 'CSV UTF-8'",
    ),
    "csv.columns": (
        "{path} lacks the column(s) {missing}: the first line must be code,name,kind,parent",
        "{path} thiếu cột {missing}: dòng đầu phải là code,name,kind,parent",
    ),
    "csv.line": ("line {line}: {problem}", "dòng {line}: {problem}"),
    "csv.duplicate": (
        "code '{code}' already appears on line {first}",
        "mã '{code}' đã có ở dòng {first}",
    ),
    "csv.cycle": (
        "{path}: the units {codes} are each other's parents",
        "{path}: các đơn vị {codes} là đơn vị cấp trên của nhau",
    ),
    "csv.invalid": (
        "{path}: {count} problem(s), nothing was imported:\n{problems}",
        "{path}: có {count} lỗi, chưa nhập gì:\n{problems}",
    ),
    # -- input -------------------------------------------------------------------------------
    "input.invalid": ("{problem}", "{problem}"),
    "input.empty_name": ("the name is empty", "tên đang để trống"),
    # -- units -------------------------------------------------------------------------------
    "unit.unknown": ("unknown unit '{code}'.", "không có đơn vị '{code}'."),
    "unit.unknown_parent": (
        "unknown parent unit '{parent}'",
        "không có đơn vị cấp trên '{parent}'",
    ),
    "unit.exists": ("the unit '{code}' already exists", "đơn vị '{code}' đã tồn tại"),
    "unit.bad_code": (
        "the code '{code}' is not valid: use letters without diacritics, digits, '-', '.' or"
        " '_', at most 40, e.g. phuc-khoa",
        "mã '{code}' không hợp lệ: dùng chữ cái không dấu, chữ số, '-', '.' hoặc '_', tối đa"
        " 40 ký tự, ví dụ phuc-khoa",
    ),
    "unit.bad_kind": (
        "unknown kind '{kind}': use one of {kinds}",
        "không có loại '{kind}': dùng một trong {kinds}",
    ),
    "unit.cycle": (
        "'{parent}' cannot be the parent of '{code}': it is '{code}' itself or one of its units",
        "'{parent}' không thể là đơn vị cấp trên của '{code}': đó là chính '{code}' hoặc đơn vị"
        " cấp dưới của nó",
    ),
    "unit.added": ("Added {code}: {name} ({kind})", "Đã thêm {code}: {name} ({kind})"),
    "unit.edited": ("Updated {code}: {name}", "Đã cập nhật {code}: {name}"),
    "unit.imported": (
        "Imported units: {added} added, {updated} updated, {unchanged} unchanged",
        "Đã nhập đơn vị: thêm {added}, cập nhật {updated}, giữ nguyên {unchanged}",
    ),
    "unit.none": (
        "No units yet. Add one: spokes unit add CODE NAME --kind commune",
        "Chưa có đơn vị nào. Thêm: spokes unit add MÃ TÊN --kind commune",
    ),
    "unit.parent_and_no_parent": (
        "give either --parent or --no-parent, not both",
        "chỉ ghi một trong --parent hoặc --no-parent",
    ),
    "unit.nothing_to_change": (
        "nothing to change: give --name, --kind, --parent or --no-parent",
        "không có gì để thay đổi: hãy ghi --name, --kind, --parent hoặc --no-parent",
    ),
    "kind.agency": ("agency", "cơ quan"),
    "kind.province": ("province", "tỉnh"),
    "kind.district": ("district", "huyện"),
    "kind.commune": ("commune", "xã"),
    "kind.ward": ("ward", "phường"),
    "kind.town": ("town", "thị trấn"),
    "kind.special-zone": ("special zone", "đặc khu"),
    "kind.other": ("other", "khác"),
    # -- spokespersons -----------------------------------------------------------------------
    "person.bad_phone": (
        "the phone number '{phone}' is not valid: 8 to 12 digits, e.g. 0912 345 678",
        "số điện thoại '{phone}' không hợp lệ: từ 8 đến 12 chữ số, ví dụ 0912 345 678",
    ),
    "person.bad_email": (
        "the e-mail address '{email}' is not valid",
        "địa chỉ thư điện tử '{email}' không hợp lệ",
    ),
    "person.assign_before_current": (
        "{unit}: {name} is the spokesperson since {since}; a new assignment must start later",
        "{unit}: {name} là người phát ngôn từ {since}; phân công mới phải bắt đầu sau thời điểm đó",
    ),
    "person.assigned": (
        "{name} is the spokesperson of {unit} from {since}",
        "{name} là người phát ngôn của {unit} từ {since}",
    ),
    "person.publish_reminder": (
        "Publish the name, position, phone and official e-mail on the e-portal by {due}"
        " ({citation}), then run: spokes spokesperson published UNIT",
        "Cần công bố họ tên, chức vụ, số điện thoại, thư điện tử công vụ trên cổng thông tin"
        " điện tử trước {due} ({citation}), sau đó chạy: spokes spokesperson published MÃ",
    ),
    "person.publish_overdue": (
        "Publication on the e-portal was due by {due} ({citation}): it is overdue. Once"
        " published, run: spokes spokesperson published UNIT --at TIME",
        "Hạn công bố trên cổng thông tin điện tử là {due} ({citation}): đã quá hạn. Sau khi"
        " công bố, chạy: spokes spokesperson published MÃ --at THỜI_ĐIỂM",
    ),
    "person.incident_of_other_unit": (
        "the incident {id} is neither led by {unit} nor involves it",
        "sự việc {id} không do {unit} chủ trì hay phối hợp",
    ),
    "person.duplicate_authorisation": (
        "{name} already holds an authorisation for {unit} from {since} until {until}",
        "{name} đã được ủy quyền phát ngôn cho {unit} từ {since} đến {until}",
    ),
    "person.none_to_publish": (
        "{unit} has no spokesperson to publish",
        "{unit} chưa có người phát ngôn để công bố",
    ),
    "person.published_before_term": (
        "{name}'s designation starts at {since}: it cannot be published before that",
        "việc chỉ định {name} bắt đầu từ {since}: không thể công bố trước thời điểm đó",
    ),
    "person.already_published": (
        "the designation of {name} ({unit}) was already published at {at}",
        "việc chỉ định {name} ({unit}) đã được công bố lúc {at}",
    ),
    "person.published": (
        "Recorded: {name} ({unit}) published on the e-portal at {at}",
        "Đã ghi nhận: {name} ({unit}) được công bố trên cổng thông tin điện tử lúc {at}",
    ),
    "person.until_before_from": (
        "--until must be later than --from",
        "--until phải sau --from",
    ),
    "person.authorised_cannot_authorise": (
        "{name} only holds an authorisation from {unit} (until {until}): an authorised person"
        " cannot authorise anyone else (Decree 244/2026/NĐ-CP, Art. 3)",
        "{name} chỉ là người được ủy quyền của {unit} (đến {until}): người được ủy quyền không"
        " được ủy quyền lại cho người khác (Nghị định 244/2026/NĐ-CP, Điều 3)",
    ),
    "person.authorised": (
        "{name} is authorised to speak for {unit} from {since} until {until}",
        "{name} được ủy quyền phát ngôn cho {unit} từ {since} đến {until}",
    ),
    "person.authorised_until": ("authorised until {until}", "được ủy quyền đến {until}"),
    "person.role.authorised": ("authorised", "được ủy quyền"),
    "person.none_for_unit": (
        "{unit} has no spokesperson at {at}",
        "{unit} không có người phát ngôn vào {at}",
    ),
    "publication.published": ("published", "đã công bố"),
    "publication.late": ("published late", "công bố trễ hạn"),
    "publication.unpublished": ("not yet published", "chưa công bố"),
    "publication.overdue": ("publication overdue", "quá hạn công bố"),
    # -- incidents ---------------------------------------------------------------------------
    "incident.unknown": ("unknown incident '{id}'.", "không có sự việc '{id}'."),
    "incident.empty_title": ("the title is empty", "tiêu đề đang để trống"),
    "incident.received_before_occurred": (
        "the incident cannot be received before it occurred (--received is earlier than"
        " --occurred)",
        "không thể tiếp nhận sự việc trước khi nó xảy ra (--received sớm hơn --occurred)",
    ),
    "incident.decided_before_occurred": (
        "--decided is earlier than the time the incident occurred",
        "--decided sớm hơn thời điểm sự việc xảy ra",
    ),
    "incident.informed_before_occurred": (
        "initial information cannot be given before the incident occurred",
        "không thể cung cấp thông tin ban đầu trước khi sự việc xảy ra",
    ),
    "incident.occurred_after_informed": (
        "the corrected time is after the initial information recorded at {at}",
        "thời điểm điều chỉnh muộn hơn thông tin ban đầu đã ghi nhận lúc {at}",
    ),
    "incident.bad_severity": (
        "unknown severity '{value}': use one of {choices}",
        "không có mức độ '{value}': dùng một trong {choices}",
    ),
    "incident.bad_channel": (
        "unknown channel '{value}': use one of {choices}",
        "không có hình thức '{value}': dùng một trong {choices}",
    ),
    "incident.already_informed": (
        "initial information on {id} was already recorded at {at}",
        "thông tin ban đầu về {id} đã được ghi nhận lúc {at}",
    ),
    "incident.closed": ("the incident {id} is closed", "sự việc {id} đã kết thúc"),
    "incident.already_closed": (
        "the incident {id} was already closed at {at}",
        "sự việc {id} đã kết thúc lúc {at}",
    ),
    "incident.nothing_to_change": (
        "nothing to change: give at least one option, e.g. --occurred 13:10",
        "không có gì để thay đổi: hãy ghi ít nhất một tùy chọn, ví dụ --occurred 13:10",
    ),
    "incident.one_filter": (
        "choose one of --open, --closed, --all",
        "chỉ chọn một trong --open, --closed, --all",
    ),
    "incident.opened": ("Opened incident {id}: {title}", "Đã mở sự việc {id}: {title}"),
    "incident.informed": (
        "Initial information on {id} recorded at {at}: {state}",
        "Đã ghi nhận thông tin ban đầu về {id} lúc {at}: {state}",
    ),
    "incident.edited": ("Corrected {id}", "Đã điều chỉnh {id}"),
    "incident.closed_ok": ("Closed {id}", "Đã kết thúc {id}"),
    "incident.closed_uninformed": (
        "{id} was closed without any initial information to the press on record",
        "{id} đã kết thúc mà chưa ghi nhận thông tin ban đầu nào cho báo chí",
    ),
    "incident.no_spokesperson_warning": (
        "!!! {unit} HAS NO SPOKESPERSON: assign one now with"
        " `spokes spokesperson assign {unit} ...` !!!",
        "!!! {unit} CHƯA CÓ NGƯỜI PHÁT NGÔN: phân công ngay bằng"
        " `spokes spokesperson assign {unit} ...` !!!",
    ),
    "incident.none_found": ("No incidents.", "Không có sự việc nào."),
    "incident.status.open": ("open", "đang xử lý"),
    "incident.status.closed": ("closed", "đã kết thúc"),
    # -- clock states ------------------------------------------------------------------------
    "state.pending": ("pending", "trong hạn"),
    "state.at_risk": ("at risk", "sắp đến hạn"),
    "state.overdue": ("OVERDUE", "QUÁ HẠN"),
    "state.met": ("met", "đúng hạn"),
    "state.late": ("late", "trễ hạn"),
    "state.none": ("no deadline", "không có thời hạn"),
    # -- channels ----------------------------------------------------------------------------
    "channel.press-conference": ("press conference", "họp báo"),
    "channel.press-release": ("press release", "thông cáo báo chí"),
    "channel.portal": ("e-portal", "cổng thông tin điện tử"),
    "channel.social": ("official social-media account", "tài khoản mạng xã hội chính thức"),
    "channel.interview": ("interview", "trả lời phỏng vấn"),
    "channel.phone": ("by phone", "qua điện thoại"),
    "channel.written": ("written reply", "trả lời bằng văn bản"),
    "channel.sms": ("SMS", "tin nhắn SMS"),
    # -- status ------------------------------------------------------------------------------
    "status.header": ("Incidents at {now}", "Tình hình sự việc lúc {now}"),
    "status.none_open": ("No open incidents.", "Không có sự việc nào đang xử lý."),
    "status.no_spokesperson": ("NO SPOKESPERSON", "CHƯA CÓ NGƯỜI PHÁT NGÔN"),
    "status.informed_at": ("informed {at}", "đã cung cấp tin lúc {at}"),
    "status.unpublished_header": (
        "Spokesperson designations not yet on the e-portal:",
        "Người phát ngôn chưa được công bố trên cổng thông tin điện tử:",
    ),
    "status.unpublished": ("{unit}: {name}, due {due}", "{unit}: {name}, hạn {due}"),
    "status.unpublished_overdue": (
        "{unit}: {name}, OVERDUE since {due}",
        "{unit}: {name}, QUÁ HẠN từ {due}",
    ),
    # -- columns and fields ------------------------------------------------------------------
    "col.id": ("ID", "Mã"),
    "col.code": ("Code", "Mã"),
    "col.name": ("Name", "Tên"),
    "col.kind": ("Kind", "Loại"),
    "col.parent": ("Parent", "Cấp trên"),
    "col.children": ("Units under it", "Đơn vị trực thuộc"),
    "col.open_incidents": ("Open incidents", "Sự việc đang xử lý"),
    "col.unit": ("Unit", "Đơn vị"),
    "col.title": ("Incident", "Sự việc"),
    "col.spokesperson": ("Spokesperson", "Người phát ngôn"),
    "col.position": ("Position", "Chức vụ"),
    "col.phone": ("Phone", "Điện thoại"),
    "col.email": ("E-mail", "Thư điện tử"),
    "col.since": ("Since", "Từ"),
    "col.publication": ("Status", "Tình trạng"),
    "col.occurred": ("Occurred", "Xảy ra"),
    "col.deadline": ("Deadline", "Hạn chót"),
    "col.left": ("Time left", "Còn lại"),
    "col.state": ("State", "Tình trạng"),
    "field.status": ("Status", "Trạng thái"),
    "field.lead": ("Lead unit", "Đơn vị chủ trì"),
    "field.spokesperson": ("Spokesperson", "Người phát ngôn"),
    "field.occurred": ("Occurred", "Xảy ra"),
    "field.received": ("Received", "Tiếp nhận"),
    "field.decided": ("Opinion decided", "Xác định ảnh hưởng dư luận"),
    "field.category": ("Category", "Loại sự việc"),
    "field.severity": ("Severity", "Mức độ"),
    "field.location": ("Location", "Địa điểm"),
    "field.involves": ("Also involves", "Đơn vị phối hợp"),
    "field.deadline": ("Deadline", "Hạn chót"),
    "field.informed": ("Initial information", "Thông tin ban đầu"),
    "field.timeline": ("Timeline:", "Diễn biến:"),
    "field.audit": ("Recorded changes:", "Nhật ký thay đổi:"),
    "moment.occurred": ("occurred", "sự việc xảy ra"),
    "moment.received": ("received by the agency", "cơ quan tiếp nhận"),
    "moment.decided": (
        "decided that it affects public opinion",
        "xác định sự việc ảnh hưởng dư luận",
    ),
    "moment.due": ("deadline {rule}", "hạn chót {rule}"),
    "moment.informed": ("initial information given", "cung cấp thông tin ban đầu"),
    "moment.closed": ("closed", "kết thúc"),
    "severity.low": ("low", "thấp"),
    "severity.medium": ("medium", "trung bình"),
    "severity.high": ("high", "cao"),
    "severity.critical": ("critical", "nghiêm trọng"),
    # -- audit events ------------------------------------------------------------------------
    "event.incident-opened": ("incident opened", "mở sự việc"),
    "event.incident-informed": ("initial information given", "cung cấp thông tin ban đầu"),
    "event.incident-edited": ("incident corrected", "điều chỉnh sự việc"),
    "event.incident-closed": ("incident closed", "kết thúc sự việc"),
    "event.unit-added": ("unit added", "thêm đơn vị"),
    "event.unit-edited": ("unit changed", "sửa đơn vị"),
    "event.spokesperson-assigned": ("spokesperson assigned", "phân công người phát ngôn"),
    "event.spokesperson-published": ("spokesperson published", "công bố người phát ngôn"),
    "event.spokesperson-authorised": ("spokesperson authorised", "ủy quyền phát ngôn"),
    # -- workspace ---------------------------------------------------------------------------
    "init.created": ("Created the workspace in {path}", "Đã tạo không gian làm việc tại {path}"),
    "init.updated": (
        "Updated the workspace in {path}",
        "Đã cập nhật không gian làm việc tại {path}",
    ),
    "init.next": (
        "Next: spokes unit add CODE NAME --kind commune, then spokes spokesperson assign CODE ...",
        "Tiếp theo: spokes unit add MÃ TÊN --kind commune, rồi spokes spokesperson assign MÃ ...",
    ),
    "where.yes": ("yes", "có"),
    "where.no": ("no", "không"),
    "where.home": ("Workspace", "Không gian làm việc"),
    "where.home_source": ("Workspace chosen by", "Xác định bởi"),
    "where.config": ("Config", "Tệp cấu hình"),
    "where.config_exists": ("Config exists", "Đã có tệp cấu hình"),
    "where.database": ("Database", "Cơ sở dữ liệu"),
    "where.database_exists": ("Database exists", "Đã có cơ sở dữ liệu"),
    "where.schema": ("Migrations applied", "Số bước cập nhật lược đồ"),
    "where.org": ("Organisation", "Cơ quan"),
    "where.place": ("Place", "Địa danh"),
    "where.timezone": ("Time zone", "Múi giờ"),
    "where.language": ("Language", "Ngôn ngữ"),
    "where.language_source": ("Language from", "Ngôn ngữ lấy từ"),
    "where.now": ("Now", "Bây giờ"),
    "where.clock": ("Clock", "Đồng hồ"),
    "where.user": ("User (audit trail)", "Người dùng (nhật ký)"),
    "where.warning_window": ("Warning before deadline", "Cảnh báo trước hạn"),
    "where.publish_within": ("Publish spokesperson within", "Hạn công bố người phát ngôn"),
    "where.rules": ("Deadline rules", "Quy định về thời hạn"),
    "where.only": ("only", "chỉ áp dụng cho"),
    # -- demo --------------------------------------------------------------------------------
    "demo.intro": (
        "Demo workspace (Tân Uyên district, 2021; people invented) built in {path}",
        "Không gian làm việc mẫu (huyện Tân Uyên, 2021; nhân sự là giả định) tại {path}",
    ),
    "demo.try": (
        "Try it by hand (your own workspace is untouched):",
        "Hãy thử (không gian làm việc của bạn không bị ảnh hưởng):",
    ),
    # -- help --------------------------------------------------------------------------------
    "help.app": (
        "Initial information to the press on time, through one spokesperson, with one set of"
        " facts.",
        "Cung cấp thông tin ban đầu cho báo chí đúng hạn, qua một người phát ngôn, với một bộ"
        " thông tin thống nhất.",
    ),
    "help.init": ("Create or update the workspace's config.", "Tạo hoặc cập nhật cấu hình."),
    "help.where": (
        "Show every path and setting in force.",
        "Hiển thị mọi đường dẫn và thiết lập đang áp dụng.",
    ),
    "help.status": (
        "Open incidents by time left before initial information is due.",
        "Các sự việc đang xử lý, xếp theo thời gian còn lại trước hạn cung cấp thông tin ban đầu.",
    ),
    "help.demo": (
        "Build a throwaway demo workspace and show its status.",
        "Tạo một không gian làm việc mẫu tạm thời và hiển thị tình hình.",
    ),
    "help.unit": ("Units: agencies, communes, provinces.", "Đơn vị: cơ quan, xã, tỉnh."),
    "help.unit.add": ("Add a unit.", "Thêm một đơn vị."),
    "help.unit.list": ("List the units.", "Liệt kê các đơn vị."),
    "help.unit.show": ("Show one unit.", "Xem một đơn vị."),
    "help.unit.edit": ("Change a unit's name, kind or parent.", "Sửa tên, loại hoặc cấp trên."),
    "help.unit.import": (
        "Import units from a CSV file (code,name,kind,parent); nothing is written if any row"
        " is wrong.",
        "Nhập đơn vị từ tệp CSV (code,name,kind,parent); không ghi gì nếu có dòng sai.",
    ),
    "help.spokesperson": ("Spokespersons and authorisations.", "Người phát ngôn và ủy quyền."),
    "help.spokesperson.assign": (
        "Make someone the unit's regular spokesperson from a moment on.",
        "Phân công người phát ngôn thường xuyên của đơn vị từ một thời điểm.",
    ),
    "help.spokesperson.published": (
        "Record that the designation is published on the e-portal.",
        "Ghi nhận đã công bố người phát ngôn trên cổng thông tin điện tử.",
    ),
    "help.spokesperson.authorize": (
        "Authorise someone in writing to speak for a limited time.",
        "Ủy quyền bằng văn bản cho người khác phát ngôn trong thời hạn nhất định.",
    ),
    "help.spokesperson.list": (
        "The spokesperson directory, units without one flagged.",
        "Danh sách người phát ngôn, đánh dấu đơn vị chưa có.",
    ),
    "help.spokesperson.who": (
        "Who speaks for a unit (now or at --at).",
        "Ai phát ngôn cho đơn vị (bây giờ hoặc vào --at).",
    ),
    "help.incident": ("Incidents on the deadline clock.", "Sự việc và thời hạn thông tin."),
    "help.incident.open": (
        "Open an incident; its clock starts when it occurred.",
        "Mở một sự việc; thời hạn tính từ lúc sự việc xảy ra.",
    ),
    "help.incident.inform": (
        "Record that initial information was given to the press.",
        "Ghi nhận đã cung cấp thông tin ban đầu cho báo chí.",
    ),
    "help.incident.list": ("List incidents.", "Liệt kê các sự việc."),
    "help.incident.show": (
        "Show an incident, its deadlines and its timeline.",
        "Xem một sự việc, các thời hạn và diễn biến.",
    ),
    "help.incident.edit": (
        "Correct an incident; corrected times recompute the deadlines.",
        "Điều chỉnh sự việc; thời điểm được sửa sẽ tính lại thời hạn.",
    ),
    "help.incident.close": ("Close an incident.", "Kết thúc một sự việc."),
    "help.arg.incident": ("Incident id, e.g. 2026-0001.", "Mã sự việc, ví dụ 2026-0001."),
    "help.arg.title": ("What happened, in a few words.", "Tóm tắt sự việc trong vài từ."),
    "help.arg.unit": ("Unit code, e.g. phuc-khoa.", "Mã đơn vị, ví dụ phuc-khoa."),
    "help.arg.unit_name": ("The unit's full name.", "Tên đầy đủ của đơn vị."),
    "help.arg.csv": (
        "CSV file with columns code,name,kind,parent.",
        "Tệp CSV có cột code,name,kind,parent.",
    ),
    "help.opt.lang": ("Output language: vi or en.", "Ngôn ngữ hiển thị: vi hoặc en."),
    "help.opt.config_lang": (
        "The workspace's language: vi or en.",
        "Ngôn ngữ của không gian làm việc: vi hoặc en.",
    ),
    "help.opt.version": ("Show the version.", "Hiển thị phiên bản."),
    "help.opt.json": ("Print JSON.", "Xuất JSON."),
    "help.opt.check": (
        "Exit with code 3 when an incident is overdue (for cron and monitoring).",
        "Thoát với mã 3 khi có sự việc quá hạn (dùng cho cron và giám sát).",
    ),
    "help.opt.unit": ("Only this unit.", "Chỉ đơn vị này."),
    "help.opt.lead": (
        "The lead unit: the single focal point for speaking.",
        "Đơn vị chủ trì: đầu mối phát ngôn duy nhất.",
    ),
    "help.opt.occurred": (
        "When it occurred (default: now), e.g. 13:10, 29/11/2026 13:10, -40m.",
        "Thời điểm xảy ra (mặc định: bây giờ), ví dụ 13:10, 29/11/2026 13:10, -40m.",
    ),
    "help.opt.received": (
        "When the agency received it (default: now).",
        "Thời điểm cơ quan tiếp nhận (mặc định: bây giờ).",
    ),
    "help.opt.decided": (
        "When the agency decided it affects public opinion (Decree 244/2026, Art. 7.4).",
        "Thời điểm xác định sự việc ảnh hưởng dư luận (Nghị định 244/2026, Điều 7.4).",
    ),
    "help.opt.category": (
        "Category, e.g. landslide, fire, misinformation.",
        "Loại sự việc, ví dụ landslide, fire, misinformation.",
    ),
    "help.opt.severity": ("low, medium, high or critical.", "low, medium, high hoặc critical."),
    "help.opt.location": ("Where it happened.", "Địa điểm xảy ra."),
    "help.opt.involves": (
        "Another unit involved (repeatable).",
        "Đơn vị phối hợp (có thể ghi nhiều lần).",
    ),
    "help.opt.at_past": ("When (default: now).", "Thời điểm (mặc định: bây giờ)."),
    "help.opt.at_moment": ("At this moment (default: now).", "Vào thời điểm (mặc định: bây giờ)."),
    "help.opt.channel": ("How: {channels}.", "Hình thức: {channels}."),
    "help.opt.by": (
        "Who gave it (default: the spokesperson on duty).",
        "Người cung cấp (mặc định: người phát ngôn đương nhiệm).",
    ),
    "help.opt.note": ("A note.", "Ghi chú."),
    "help.opt.open": ("Open incidents (the default).", "Sự việc đang xử lý (mặc định)."),
    "help.opt.closed": ("Closed incidents.", "Sự việc đã kết thúc."),
    "help.opt.all": ("All incidents.", "Tất cả sự việc."),
    "help.opt.since": (
        "Only incidents that occurred since then.",
        "Chỉ sự việc xảy ra từ thời điểm này.",
    ),
    "help.opt.title": ("New title.", "Tiêu đề mới."),
    "help.opt.kind": ("Kind: {kinds}.", "Loại: {kinds}."),
    "help.opt.parent": ("Code of the parent unit.", "Mã đơn vị cấp trên."),
    "help.opt.no_parent": ("Detach from its parent.", "Bỏ đơn vị cấp trên."),
    "help.opt.person_name": ("Full name.", "Họ và tên."),
    "help.opt.person_title": ("Position.", "Chức vụ."),
    "help.opt.phone": ("Phone number.", "Số điện thoại."),
    "help.opt.email": ("Official e-mail.", "Thư điện tử công vụ."),
    "help.opt.from": (
        "Start of the term (default: now).",
        "Thời điểm bắt đầu (mặc định: bây giờ).",
    ),
    "help.opt.decision": (
        'The assignment decision, e.g. "Số 12/QĐ-UBND".',
        'Quyết định phân công, ví dụ "Số 12/QĐ-UBND".',
    ),
    "help.opt.auth_from": ("Start of the authorisation.", "Thời điểm bắt đầu ủy quyền."),
    "help.opt.until": (
        "End of the authorisation, e.g. 30/11/2026 17:00 or +2d.",
        "Thời điểm hết ủy quyền, ví dụ 30/11/2026 17:00 hoặc +2d.",
    ),
    "help.opt.for_incident": ("Only for this incident.", "Chỉ cho sự việc này."),
    "help.opt.document": (
        "The written authorisation, e.g. its number.",
        "Văn bản ủy quyền, ví dụ số văn bản.",
    ),
    "help.opt.granted_by": (
        "Who grants it (refused if that person is only authorised).",
        "Người ủy quyền (bị từ chối nếu người này chỉ là người được ủy quyền).",
    ),
    "help.opt.org": ("Name of the organisation.", "Tên cơ quan."),
    "help.opt.place": (
        "Place name used in documents, e.g. Tân Uyên.",
        "Địa danh ghi trên văn bản, ví dụ Tân Uyên.",
    ),
    "help.opt.tz": (
        "Time zone (default Asia/Ho_Chi_Minh).",
        "Múi giờ (mặc định Asia/Ho_Chi_Minh).",
    ),
    # -- facts -------------------------------------------------------------------------------
    "fact.bad_key": (
        "'{key}' is not a fact key: use lower-case letters, digits and _, e.g. houses_damaged",
        "'{key}' không phải khóa dữ kiện hợp lệ: dùng chữ thường, số và dấu _, ví dụ"
        " houses_damaged",
    ),
    "fact.empty_value": ("the value of {key} is empty", "giá trị của {key} đang để trống"),
    "fact.bad_count": (
        "{key} must be a whole number of 0 or more, not '{value}'",
        "{key} phải là số nguyên từ 0 trở lên, không phải '{value}'",
    ),
    "fact.too_long": (
        "{key} is longer than {limit} characters",
        "{key} dài quá {limit} ký tự",
    ),
    "fact.bad_type": (
        "unknown fact type '{type}': use {types}",
        "loại dữ kiện '{type}' không hợp lệ: dùng {types}",
    ),
    "fact.standard_has_label": (
        "{key} is a standard fact: its labels are built in, and --label and --words are for"
        " custom facts",
        "{key} là dữ kiện chuẩn, đã có sẵn nhãn; --label và --words chỉ dùng cho dữ kiện tự đặt",
    ),
    "fact.standard_type": (
        "{key} is a standard fact of type {type}",
        "{key} là dữ kiện chuẩn thuộc loại {type}",
    ),
    "fact.custom_needs_type": (
        "{key} is a new custom fact: give its type with --type ({types})",
        "{key} là dữ kiện tự đặt mới: cho biết loại bằng --type ({types})",
    ),
    "fact.custom_type_changed": (
        "{key} is already a fact of type {type}; unset it first to change its type",
        "{key} đã là dữ kiện loại {type}; hãy xóa (unset) trước khi đổi loại",
    ),
    "fact.not_set": ("{key} is not set for {id}", "{id} chưa có dữ kiện {key}"),
    "fact.unknown_version": (
        "{id} has no fact version {version} (the latest is {latest})",
        "{id} không có phiên bản dữ kiện {version} (mới nhất là {latest})",
    ),
    "fact.edit_conflict": (
        "someone saved version {version} of the facts of {id} while you were editing, and"
        " changed the same keys: {keys}. Nothing was saved; edit again from the new version.",
        "trong lúc bạn sửa, người khác đã lưu phiên bản {version} của dữ kiện {id} và sửa"
        " cùng các khóa: {keys}. Chưa lưu gì; hãy sửa lại từ phiên bản mới.",
    ),
    "fact.bad_toml": (
        "the fact sheet is not valid TOML: {reason}",
        "bảng dữ kiện không đúng cú pháp TOML: {reason}",
    ),
    "fact.bad_custom_table": (
        "custom facts go in tables like [custom.trees_down]",
        "dữ kiện tự đặt phải ghi trong bảng, ví dụ [custom.trees_down]",
    ),
    "fact.unknown_standard_key": (
        "'{key}' is not a standard fact; put a custom fact under [custom.{key}] with its type",
        "'{key}' không phải dữ kiện chuẩn; dữ kiện tự đặt ghi trong [custom.{key}] kèm loại",
    ),
    "fact.custom_is_standard": (
        "{key} is a standard fact: write it at the top, not under [custom]",
        "{key} là dữ kiện chuẩn: ghi ở phần đầu, không ghi trong [custom]",
    ),
    "fact.unknown_field": (
        "[custom.{key}] has unknown fields: {fields} (use type, label, words, value)",
        "[custom.{key}] có trường không hợp lệ: {fields} (dùng type, label, words, value)",
    ),
    "fact.bad_words": (
        'words of {key} must be a list of texts, e.g. ["cây đổ", "trees down"]',
        'words của {key} phải là danh sách chuỗi, ví dụ ["cây đổ", "trees down"]',
    ),
    "fact.bad_toml_value": (
        "the value of {key} must be a text or a whole number",
        "giá trị của {key} phải là chuỗi hoặc số nguyên",
    ),
    "fact.saved": (
        "Facts of {id} saved as version {version} (changed: {keys})",
        "Đã lưu dữ kiện của {id}, phiên bản {version} (thay đổi: {keys})",
    ),
    "fact.unchanged": (
        "Nothing changed: the facts of {id} stay at version {version}",
        "Không có thay đổi: dữ kiện của {id} vẫn ở phiên bản {version}",
    ),
    "fact.rerendered": (
        "Drafts that follow the facts were rewritten: {ids}",
        "Đã viết lại các bản nháp theo dữ kiện mới: {ids}",
    ),
    "fact.rerender_failed": (
        "statement {id} was not rewritten: {reason}",
        "chưa viết lại được thông cáo {id}: {reason}",
    ),
    "fact.approvals_stale": (
        "the approval of statement(s) {ids} was for older facts; approve again for version"
        " {version} before issuing",
        "thông cáo {ids} được duyệt theo dữ kiện cũ; cần duyệt lại theo phiên bản {version}"
        " trước khi phát hành",
    ),
    "fact.occurred_differs": (
        "the deadline clock of {id} still counts from {at}; correct it with `spokes incident"
        " edit {id} --occurred ...` if that time was wrong",
        "thời hạn của {id} vẫn tính từ {at}; nếu thời điểm đó sai, sửa bằng `spokes incident"
        " edit {id} --occurred ...`",
    ),
    "fact.edit_kept": (
        "your edited text is kept in {path}",
        "nội dung bạn đã sửa được giữ tại {path}",
    ),
    "fact.header": (
        "Facts of {id} ({title}), version {version}, saved {at} by {by}",
        "Dữ kiện của {id} ({title}), phiên bản {version}, lưu lúc {at}, người lưu: {by}",
    ),
    "fact.header_empty": (
        "Facts of {id} ({title}): nothing recorded yet",
        "Dữ kiện của {id} ({title}): chưa ghi nhận nội dung nào",
    ),
    "fact.missing_value": ("(being verified)", "(đang xác minh)"),
    "fact.from_incident": ("from the incident", "theo sự việc"),
    "fact.custom_note": ("custom, {type}", "tự đặt, {type}"),
    "fact.type.count": ("count", "số đếm"),
    "fact.type.text": ("text", "văn bản"),
    "fact.type.time": ("time", "thời điểm"),
    # -- files and the editor ----------------------------------------------------------------
    "editor.none": (
        "no editor: set $EDITOR (e.g. export EDITOR=nano), or pass the text with --text-file",
        "chưa có trình soạn thảo: đặt biến $EDITOR (ví dụ export EDITOR=nano), hoặc dùng"
        " --text-file",
    ),
    "editor.failed": (
        "could not start the editor '{command}': {reason}",
        "không mở được trình soạn thảo '{command}': {reason}",
    ),
    "editor.exit": (
        "the editor '{command}' exited with code {code}; nothing was saved (your text is in"
        " {path})",
        "trình soạn thảo '{command}' kết thúc với mã {code}; chưa lưu gì (nội dung ở {path})",
    ),
    "file.not_found": ("no such file: {path}", "không có tệp: {path}"),
    "file.not_utf8": (
        "{path} is not UTF-8 text",
        "{path} không phải văn bản UTF-8",
    ),
    "file.unreadable": ("cannot read {path}: {reason}", "không đọc được {path}: {reason}"),
    # -- statements --------------------------------------------------------------------------
    "statement.kind.initial": ("initial", "thông tin ban đầu"),
    "statement.kind.update": ("update", "cập nhật"),
    "statement.kind.final": ("final", "kết quả xử lý"),
    "statement.kind.correction": ("correction", "đính chính"),
    "statement.state.draft": ("draft", "bản nháp"),
    "statement.state.approved": ("approved", "đã duyệt"),
    "statement.state.stale": ("needs re-approval", "cần duyệt lại"),
    "statement.state.issued": ("issued", "đã phát hành"),
    "statement.bad_id": (
        "'{id}' is not a statement number, e.g. 12",
        "'{id}' không phải số thông cáo, ví dụ 12",
    ),
    "statement.unknown": ("unknown statement '{id}'", "không có thông cáo '{id}'"),
    "statement.bad_kind": (
        "unknown kind '{value}': use {choices}",
        "loại thông cáo '{value}' không hợp lệ: dùng {choices}",
    ),
    "statement.bad_channel": (
        "unknown channel '{value}': use {choices}",
        "kênh '{value}' không hợp lệ: dùng {choices}",
    ),
    "statement.template_not_found": (
        "no template {names} in {folder} nor among the built-in ones",
        "không có mẫu {names} trong {folder} hay trong các mẫu có sẵn",
    ),
    "statement.template_unsafe": (
        "template {name} tried something templates may not do: {reason}",
        "mẫu {name} thực hiện thao tác không được phép: {reason}",
    ),
    "statement.template_too_slow": (
        "it ran longer than {seconds:g} seconds",
        "chạy quá {seconds:g} giây",
    ),
    "statement.template_error": (
        "template {name} cannot be rendered: {reason}",
        "không tạo được văn bản từ mẫu {name}: {reason}",
    ),
    "statement.drafted": (
        "Draft {id} of {incident}, from fact version {version}:",
        "Bản nháp {id} của {incident}, theo dữ kiện phiên bản {version}:",
    ),
    "statement.missing": (
        "still being verified: {facts}",
        "còn đang xác minh: {facts}",
    ),
    "statement.sms_fits": (
        "fits in one SMS: {length}/{limit} ({enc})",
        "vừa một tin nhắn SMS: {length}/{limit} ({enc})",
    ),
    "statement.sms_parts": (
        "needs {parts} SMS parts: {length} characters, one SMS holds {limit} ({enc})",
        "cần {parts} tin nhắn SMS: {length} ký tự, một tin chứa được {limit} ({enc})",
    ),
    "statement.none": ("{id} has no statements yet.", "{id} chưa có thông cáo nào."),
    "statement.card_head": (
        "Statement {id} of {incident}: {kind}, {channel}, {lang}",
        "Thông cáo {id} của {incident}: {kind}, {channel}, {lang}",
    ),
    "statement.card_state": (
        "State: {state}; written from fact version {version}",
        "Tình trạng: {state}; viết theo dữ kiện phiên bản {version}",
    ),
    "statement.card_edited": (
        "Edited by hand: it no longer follows the facts",
        "Đã sửa tay: không còn tự cập nhật theo dữ kiện",
    ),
    "statement.card_approved": (
        "Approved by {by} at {at}, for fact version {version}",
        "Duyệt bởi {by} lúc {at}, theo dữ kiện phiên bản {version}",
    ),
    "statement.card_issued": (
        "Issued by {by} at {at} ({channel}) {url}",
        "Phát hành bởi {by} lúc {at} ({channel}) {url}",
    ),
    "statement.card_override": (
        "Issued with an override: {reason}",
        "Phát hành bỏ qua kiểm tra, lý do: {reason}",
    ),
    "statement.empty_text": ("the statement's text is empty", "nội dung thông cáo đang trống"),
    "statement.issued_is_final": (
        "statement {id} was issued at {at} and cannot change: draft a correction instead",
        "thông cáo {id} đã phát hành lúc {at}, không sửa được: hãy soạn thông cáo cải chính",
    ),
    "statement.unchanged": ("Statement {id} is unchanged", "Thông cáo {id} không thay đổi"),
    "statement.edited": (
        "Statement {id} saved; it no longer follows the facts",
        "Đã lưu thông cáo {id}; thông cáo không còn tự cập nhật theo dữ kiện",
    ),
    "statement.approval_undone": (
        "statement {id} was approved; after this edit it is a draft and must be approved again",
        "thông cáo {id} đã được duyệt; sau khi sửa, thông cáo trở lại bản nháp và cần duyệt lại",
    ),
    "statement.approver_empty": ("--by is empty", "--by đang để trống"),
    "statement.already_approved": (
        "statement {id} is already approved by {by} at {at}, for the current facts",
        "thông cáo {id} đã được {by} duyệt lúc {at}, theo dữ kiện hiện hành",
    ),
    "statement.approved": (
        "Statement {id} approved by {by} for fact version {version}",
        "Thông cáo {id} đã được {by} duyệt theo dữ kiện phiên bản {version}",
    ),
    "statement.approved_older_text": (
        "statement {id} was written from fact version {version}; the facts changed since:"
        " check its figures before issuing",
        "thông cáo {id} được viết theo dữ kiện phiên bản {version}; dữ kiện đã thay đổi:"
        " hãy kiểm tra số liệu trước khi phát hành",
    ),
    "statement.already_issued": (
        "statement {id} was already issued at {at}",
        "thông cáo {id} đã được phát hành lúc {at}",
    ),
    "statement.cannot_issue": (
        "statement {id} cannot be issued: {reasons}. Nothing was issued; --override REASON"
        " issues it anyway and records why.",
        "chưa thể phát hành thông cáo {id}: {reasons}. Chưa phát hành; dùng --override LÝ_DO"
        " để vẫn phát hành và ghi lại lý do.",
    ),
    "statement.not_approved": ("it is not approved", "thông cáo chưa được duyệt"),
    "statement.before_approval": (
        "that is before it was approved ({at})",
        "thời điểm đó trước khi thông cáo được duyệt ({at})",
    ),
    "statement.incident_closed": (
        "incident {id} is closed: after closing, only a final statement or a correction",
        "sự việc {id} đã kết thúc: sau khi kết thúc chỉ phát hành thông tin kết quả xử lý"
        " hoặc đính chính",
    ),
    "statement.speaker_empty": ("--by is empty", "--by đang để trống"),
    "statement.authorised_elsewhere": (
        "{name} is authorised for incident {other} only, not for this one",
        "{name} chỉ được ủy quyền phát ngôn về sự việc {other}, không phải sự việc này",
    ),
    "statement.second_initial": (
        "statement {first} already gave the initial information: draft this one as an update",
        "thông cáo {first} đã là thông tin ban đầu: hãy soạn thông cáo này dưới dạng cập nhật"
        " (update)",
    ),
    "statement.card_stale": (
        "The facts changed after that approval: the text below was rewritten for version"
        " {version} and is not the text that was approved",
        "Dữ kiện đã thay đổi sau khi duyệt: nội dung dưới đây đã được viết lại theo phiên bản"
        " {version}, không phải nội dung đã được duyệt",
    ),
    "statement.stale": (
        "it was approved for fact version {approved}, and the facts are now at version"
        " {current}: approve it again",
        "thông cáo được duyệt theo dữ kiện phiên bản {approved}, nay dữ kiện đã ở phiên bản"
        " {current}: cần duyệt lại",
    ),
    "statement.no_speaker": (
        "{unit} has no spokesperson at {at}: name the speaker with --by",
        "{unit} không có người phát ngôn vào lúc {at}: ghi rõ người phát ngôn bằng --by",
    ),
    "statement.not_speaker": (
        "{name} is neither the regular spokesperson of the lead unit {unit} at {at} nor"
        " authorised by it",
        "{name} không phải người phát ngôn của đơn vị chủ trì {unit} vào lúc {at}, cũng"
        " không được đơn vị ủy quyền",
    ),
    "statement.speaker_of_other_unit": (
        "{name} speaks for {other}, not for the lead unit {unit}: only the lead unit's"
        " spokesperson issues statements on this incident",
        "{name} là người phát ngôn của {other}, không phải của đơn vị chủ trì {unit}: chỉ"
        " người phát ngôn của đơn vị chủ trì được phát hành thông cáo về sự việc này",
    ),
    "statement.contradicts_facts": (
        "its figures contradict the fact sheet ({figures})",
        "số liệu trái với bảng dữ kiện ({figures})",
    ),
    "statement.changes_issued": (
        "it changes figures already issued ({figures}): a statement that changes them must"
        " be of kind correction",
        "thông cáo thay đổi số liệu đã công bố ({figures}): phải dùng loại cải chính (correction)",
    ),
    "statement.overridden": (
        "issued despite: {reason}",
        "đã phát hành dù: {reason}",
    ),
    "statement.issued": (
        "Statement {id} issued by {by} at {at}",
        "Đã phát hành thông cáo {id}, người phát ngôn {by}, lúc {at}",
    ),
    "statement.clock_stopped": (
        "This is the initial information of {incident}: its clock has stopped",
        "Đây là thông tin ban đầu của {incident}: đã dừng tính thời hạn",
    ),
    "statement.refer_not_involved": (
        "{unit} is not among the units involved in {id}; the note is made all the same",
        "{unit} không thuộc các đơn vị phối hợp xử lý {id}; văn bản vẫn được tạo",
    ),
    "statement.refer_to_lead": (
        "{unit} is the lead unit of {id}: it speaks itself, it needs no referral",
        "{unit} là đơn vị chủ trì {id}: tự phát ngôn, không cần văn bản giới thiệu đầu mối",
    ),
    # -- the conflict check ------------------------------------------------------------------
    "check.needs_text": (
        "give a file to check, or - and pipe the text in",
        "hãy chỉ định tệp cần kiểm tra, hoặc dùng - và chuyển nội dung vào",
    ),
    "check.heading.conflict": ("Conflicts ({count}):", "Mâu thuẫn ({count}):"),
    "check.heading.confirmed": ("Confirmed ({count}):", "Khớp dữ kiện ({count}):"),
    "check.heading.unknown": ("Not checked ({count}):", "Chưa đối chiếu được ({count}):"),
    "check.conflict": (
        "{fact}: the text says «{found}», the facts say {expected}",
        "{fact}: văn bản ghi «{found}», dữ kiện là {expected}",
    ),
    "check.confirmed": ("{fact}: «{found}»", "{fact}: «{found}»"),
    "check.unknown_fact": (
        "{fact}: «{found}», but the fact sheet does not record it yet",
        "{fact}: «{found}», nhưng bảng dữ kiện chưa ghi nhận",
    ),
    "check.unknown": (
        "«{found}»: not tied to any fact",
        "«{found}»: không gắn được với dữ kiện nào",
    ),
    "check.summary_conflicts": (
        "{count} figure(s) contradict the facts.",
        "Có {count} số liệu trái với dữ kiện.",
    ),
    "check.summary_ok": (
        "No figure contradicts the facts.",
        "Không có số liệu nào trái với dữ kiện.",
    ),
    "event.facts-changed": ("facts changed", "thay đổi dữ kiện"),
    "event.statement-drafted": ("statement drafted", "soạn thông cáo"),
    "event.statement-edited": ("statement edited", "sửa thông cáo"),
    "event.statement-approved": ("statement approved", "duyệt thông cáo"),
    "event.statement-issued": ("statement issued", "phát hành thông cáo"),
    "event.conflicts-found": (
        "a text contradicting the facts was checked",
        "kiểm tra văn bản có số liệu mâu thuẫn với dữ kiện",
    ),
    "col.channel": ("Channel", "Kênh"),
    "col.facts": ("Facts v.", "PB dữ kiện"),
    "col.key": ("Key", "Khóa"),
    "col.label": ("Fact", "Dữ kiện"),
    "col.lang": ("Lang", "Ngôn ngữ"),
    "col.note": ("Note", "Ghi chú"),
    "col.updated": ("Updated", "Cập nhật"),
    "col.value": ("Value", "Giá trị"),
    # -- help for facts and statements -------------------------------------------------------
    "help.fact": (
        "The incident's one fact sheet, versioned.",
        "Bảng dữ kiện duy nhất của sự việc, có phiên bản.",
    ),
    "help.fact.set": (
        "Set one fact; every change makes a new version.",
        "Ghi một dữ kiện; mỗi thay đổi tạo một phiên bản mới.",
    ),
    "help.fact.unset": ("Remove one fact.", "Xóa một dữ kiện."),
    "help.fact.list": (
        "Show the facts (the latest version, or --version N).",
        "Xem các dữ kiện (phiên bản mới nhất, hoặc --version N).",
    ),
    "help.fact.edit": (
        "Edit all facts at once in $EDITOR, as TOML; checked before saving.",
        "Sửa toàn bộ dữ kiện trong $EDITOR dưới dạng TOML; kiểm tra trước khi lưu.",
    ),
    "help.arg.fact_key": (
        "Fact key: summary, occurred_at, location, deaths, injured, missing, evacuated,"
        " houses_damaged, cause, actions, responders, unknown, next_update_at, contact, or a"
        " custom one.",
        "Khóa dữ kiện: summary, occurred_at, location, deaths, injured, missing, evacuated,"
        " houses_damaged, cause, actions, responders, unknown, next_update_at, contact, hoặc"
        " khóa tự đặt.",
    ),
    "help.arg.fact_value": ("The value.", "Giá trị."),
    "help.opt.fact_label": (
        "Label of a custom fact, as statements show it.",
        "Nhãn của dữ kiện tự đặt, hiển thị trong thông cáo.",
    ),
    "help.opt.fact_type": (
        "Type of a custom fact: count, text or time.",
        "Loại của dữ kiện tự đặt: count, text hoặc time.",
    ),
    "help.opt.fact_words": (
        "Words that name a custom fact in texts, comma-separated (for the check).",
        "Các từ gọi tên dữ kiện tự đặt trong văn bản, cách nhau bởi dấu phẩy (để đối chiếu).",
    ),
    "help.opt.fact_version": ("An earlier version.", "Một phiên bản trước."),
    "help.opt.occurred_edit": (
        "The corrected time it occurred.",
        "Thời điểm xảy ra sau khi điều chỉnh.",
    ),
    "help.opt.fact_file": (
        "Read the sheet (TOML, as the editor shows it) from this file instead; - for standard"
        " input.",
        "Đọc bảng dữ kiện (TOML, như trong trình soạn thảo) từ tệp này; - để đọc từ đầu vào chuẩn.",
    ),
    "help.statement": (
        "Statements from the fact sheet: draft, approve, issue, refer, check.",
        "Thông cáo từ bảng dữ kiện: soạn, duyệt, phát hành, giới thiệu đầu mối, đối chiếu.",
    ),
    "help.statement.draft": (
        "Draft a statement from the current facts and a template.",
        "Soạn thông cáo từ dữ kiện hiện hành và một mẫu.",
    ),
    "help.statement.list": ("List an incident's statements.", "Liệt kê thông cáo của sự việc."),
    "help.statement.show": ("Show one statement.", "Xem một thông cáo."),
    "help.statement.edit": (
        "Edit a statement's text in $EDITOR or from --text-file.",
        "Sửa nội dung thông cáo trong $EDITOR hoặc từ --text-file.",
    ),
    "help.statement.approve": (
        "Approve a statement for the current facts.",
        "Duyệt thông cáo theo dữ kiện hiện hành.",
    ),
    "help.statement.issue": (
        "Issue an approved statement, spoken by the lead unit's spokesperson.",
        "Phát hành thông cáo đã duyệt, do người phát ngôn của đơn vị chủ trì công bố.",
    ),
    "help.statement.refer": (
        "The note that points another unit's press enquiries to the single focal point.",
        "Văn bản giới thiệu đầu mối phát ngôn duy nhất cho đơn vị khác.",
    ),
    "help.statement.check": (
        "Check a text's figures against the facts (exit 3 on a conflict).",
        "Đối chiếu số liệu trong văn bản với dữ kiện (mã thoát 3 nếu có mâu thuẫn).",
    ),
    "help.arg.statement": ("Statement number, e.g. 12.", "Số thông cáo, ví dụ 12."),
    "help.arg.check_source": (
        "The text to check: a file, or - for standard input.",
        "Văn bản cần đối chiếu: một tệp, hoặc - để đọc từ đầu vào chuẩn.",
    ),
    "help.opt.draft_channel": ("Channel: {channels}.", "Kênh: {channels}."),
    "help.opt.statement_lang": (
        "Language of the statement (default: the workspace's).",
        "Ngôn ngữ của thông cáo (mặc định: theo không gian làm việc).",
    ),
    "help.opt.template": (
        "A template of SPOKES_HOME/templates, by name.",
        "Tên một mẫu trong SPOKES_HOME/templates.",
    ),
    "help.opt.text_file": (
        "Take the new text from this file (- for standard input).",
        "Lấy nội dung mới từ tệp này (- để đọc từ đầu vào chuẩn).",
    ),
    "help.opt.approver": ("Who approves.", "Người duyệt."),
    "help.opt.published_url": (
        "Where it is published (a link), for the referral note of the other units.",
        "Nơi đăng tải (đường dẫn), để ghi trong văn bản giới thiệu đầu mối gửi đơn vị khác.",
    ),
    "help.opt.speaker": (
        "Who speaks (default: the lead unit's spokesperson on duty).",
        "Người phát ngôn (mặc định: người phát ngôn của đơn vị chủ trì).",
    ),
    "help.opt.override": (
        "Issue despite the checks, recording this reason.",
        "Vẫn phát hành dù không qua kiểm tra, ghi lại lý do này.",
    ),
    "help.opt.refer_unit": (
        "The unit the note is for.",
        "Đơn vị nhận văn bản giới thiệu.",
    ),
    "help.opt.source_url": (
        "Misinformation: where the false claim appeared (a link).",
        "Tin sai sự thật: đường dẫn nơi thông tin xuất hiện.",
    ),
    "help.opt.platform": (
        "Misinformation: the platform, e.g. Facebook, TikTok, Zalo.",
        "Tin sai sự thật: nền tảng, ví dụ Facebook, TikTok, Zalo.",
    ),
    "field.platform": ("Platform", "Nền tảng"),
    "field.source_url": ("Source", "Nguồn"),
}
