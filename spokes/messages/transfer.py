"""Messages of Data out and back in: `export ics`, `export json`, `import`, `backup`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- help --------------------------------------------------------------------------------
    "help.export": (
        "Export the deadlines as a calendar, or the whole workspace as JSON.",
        "Xuất thời hạn ra lịch, hoặc xuất toàn bộ dữ liệu ra tệp JSON.",
    ),
    "help.export.ics": (
        "Every deadline as an iCalendar event with reminders, for any calendar app.",
        "Xuất mọi thời hạn thành sự kiện lịch iCalendar có nhắc việc, dùng được với mọi ứng dụng"
        " lịch.",
    ),
    "help.export.json": (
        "The whole workspace as one JSON file, to import elsewhere with `spokes import`.",
        "Xuất toàn bộ dữ liệu thành một tệp JSON, để nhập vào nơi khác bằng `spokes import`.",
    ),
    "help.import": (
        "Import a JSON export into an empty workspace; nothing is written if any record is"
        " invalid.",
        "Nhập tệp JSON đã xuất vào một không gian làm việc trống; nếu có bản ghi không hợp lệ"
        " thì không ghi dữ liệu nào.",
    ),
    "help.backup": (
        "Copy the live database safely to a new file.",
        "Sao lưu an toàn cơ sở dữ liệu đang dùng ra một tệp mới.",
    ),
    "help.opt.export_output": (
        "Write to this file (UTF-8) instead of standard output.",
        "Ghi ra tệp này (UTF-8) thay vì in ra màn hình.",
    ),
    "help.opt.export_open": (
        "Only incidents still open.",
        "Chỉ các sự việc đang xử lý.",
    ),
    "help.opt.backup_force": (
        "Replace FILE if it exists.",
        "Ghi đè FILE nếu tệp đã tồn tại.",
    ),
    "help.arg.import_file": (
        "The file made by `spokes export json`, or - for standard input.",
        "Tệp do `spokes export json` tạo ra, hoặc - để đọc từ đầu vào chuẩn.",
    ),
    "help.arg.backup_file": (
        "The new file to write, e.g. spokes-backup.db.",
        "Tệp mới cần ghi, ví dụ spokes-backup.db.",
    ),
    # -- what was written --------------------------------------------------------------------
    "transfer.counts": (
        "{units} unit(s), {persons} spokesperson record(s), {incidents} incident(s),"
        " {statements} statement(s), {events} audit event(s)",
        "{units} đơn vị, {persons} bản ghi người phát ngôn, {incidents} sự việc, {statements}"
        " thông cáo, {events} bản ghi nhật ký",
    ),
    "transfer.ics_written": (
        "Wrote {count} deadline(s) of {incidents} incident(s) to {path}",
        "Đã ghi {count} thời hạn của {incidents} sự việc vào {path}",
    ),
    "transfer.json_written": (
        "Wrote the workspace to {path}: {counts}",
        "Đã xuất dữ liệu ra {path}: {counts}",
    ),
    "transfer.imported": (
        "Imported {path} into {home}: {counts}",
        "Đã nhập {path} vào {home}: {counts}",
    ),
    "transfer.backed_up": (
        "Backed up the workspace to {path} ({size}): {counts}",
        "Đã sao lưu dữ liệu vào {path} ({size}): {counts}",
    ),
    # -- files -------------------------------------------------------------------------------
    "transfer.no_folder": (
        "the folder {path} does not exist: create it first",
        "thư mục {path} không tồn tại: hãy tạo thư mục trước",
    ),
    "transfer.is_folder": (
        "{path} is a folder: give the name of a file",
        "{path} là một thư mục: hãy ghi tên một tệp",
    ),
    "transfer.protected": (
        "{path} is a file of the workspace itself: choose another name",
        "{path} là tệp của chính không gian làm việc: hãy chọn tên khác",
    ),
    "transfer.backup_exists": (
        "{path} already exists: choose another name, or add --force to replace it",
        "{path} đã tồn tại: hãy chọn tên khác, hoặc thêm --force để ghi đè",
    ),
    "transfer.write_failed": (
        "cannot write {path}: {reason}",
        "không ghi được {path}: {reason}",
    ),
    # -- import: the file as a whole ---------------------------------------------------------
    "transfer.not_json": (
        "{path} is not valid JSON (line {line}, column {column}). Nothing was imported.",
        "{path} không phải tệp JSON hợp lệ (dòng {line}, cột {column}). Chưa nhập dữ liệu nào.",
    ),
    "transfer.bad_format": (
        '{path} is not a spokes workspace export: its "format" must be "spokes-workspace".'
        " Nothing was imported.",
        '{path} không phải tệp dữ liệu xuất từ spokes: "format" phải là "spokes-workspace".'
        " Chưa nhập dữ liệu nào.",
    ),
    "transfer.bad_version": (
        "{path} is an export of version {version}; this spokes reads version {supported}."
        " Nothing was imported.",
        "{path} là tệp xuất phiên bản {version}; spokes này chỉ đọc phiên bản {supported}."
        " Chưa nhập dữ liệu nào.",
    ),
    "transfer.bad_schema": (
        "{path} was exported from the database schema {schema}, which this spokes does not know"
        " (its latest is {current}): import it with the spokes that exported it, or a newer one."
        " Nothing was imported.",
        "{path} được xuất từ lược đồ cơ sở dữ liệu {schema}, spokes này không biết lược đồ đó"
        " (mới nhất là {current}): hãy nhập bằng phiên bản spokes đã xuất tệp hoặc mới hơn."
        " Chưa nhập dữ liệu nào.",
    ),
    "transfer.bad_table": (
        '{path}: "{table}" must be a list of records. Nothing was imported.',
        '{path}: "{table}" phải là danh sách các bản ghi. Chưa nhập dữ liệu nào.',
    ),
    "transfer.unknown_key": (
        "{path}: unknown key {key}. Nothing was imported.",
        "{path}: khóa {key} không hợp lệ. Chưa nhập dữ liệu nào.",
    ),
    "transfer.not_empty": (
        "this workspace ({home}) already holds {units} unit(s) and {incidents} incident(s):"
        " import only into an empty one, e.g. SPOKES_HOME=/path/to/new-folder spokes import"
        " FILE. Nothing was imported.",
        "không gian làm việc này ({home}) đã có {units} đơn vị và {incidents} sự việc: chỉ nhập"
        " vào không gian làm việc trống, ví dụ SPOKES_HOME=/duong-dan/thu-muc-moi spokes"
        " import FILE. Chưa nhập dữ liệu nào.",
    ),
    # -- import: one record ------------------------------------------------------------------
    "transfer.bad_record": (
        "{path}: {record}, field '{field}': {problem}. Nothing was imported.",
        "{path}: {record}, trường '{field}': {problem}. Chưa nhập dữ liệu nào.",
    ),
    "transfer.bad_row": (
        "{path}: {record}: {problem}. Nothing was imported.",
        "{path}: {record}: {problem}. Chưa nhập dữ liệu nào.",
    ),
    "transfer.problem.not_object": ("not a JSON object", "không phải đối tượng JSON"),
    "transfer.problem.missing": ("missing", "bị thiếu"),
    "transfer.problem.unknown": ("not a column of this table", "không phải cột của bảng này"),
    "transfer.problem.null": ("must not be null", "không được để trống (null)"),
    "transfer.problem.text": ("{value} is not text", "{value} không phải chuỗi văn bản"),
    "transfer.problem.integer": (
        "{value} is not a whole number of at least {minimum}",
        "{value} không phải số nguyên từ {minimum} trở lên",
    ),
    "transfer.problem.whole": (
        "{value} is not a whole number",
        "{value} không phải số nguyên",
    ),
    "transfer.problem.time": (
        '{value} is not a stored time in UTC, such as "2026-11-29T06:10:00Z"',
        '{value} không phải thời điểm lưu theo giờ UTC, ví dụ "2026-11-29T06:10:00Z"',
    ),
    "transfer.problem.choice": (
        "{value} is not one of {choices}",
        "{value} không thuộc các giá trị {choices}",
    ),
    "transfer.problem.code": (
        "{value} is not a unit code (letters without diacritics, digits, '-', '.' or '_')",
        "{value} không phải mã đơn vị (chữ cái không dấu, chữ số, '-', '.' hoặc '_')",
    ),
    "transfer.problem.incident_id": (
        '{value} is not an incident id such as "2026-0001"',
        '{value} không phải mã sự việc, ví dụ "2026-0001"',
    ),
    "transfer.problem.json_object": (
        "{value} is not the text of a JSON object",
        "{value} không phải văn bản của một đối tượng JSON",
    ),
    "transfer.problem.json_list": (
        "{value} is not the text of a JSON list",
        "{value} không phải văn bản của một danh sách JSON",
    ),
    "transfer.problem.facts": (
        "not a fact sheet: each fact needs a type (count, text or time) and a value of that type",
        "không phải bảng dữ kiện: mỗi dữ kiện cần có loại (count, text hoặc time) và giá trị"
        " đúng loại đó",
    ),
    "transfer.problem.duplicate": (
        "the same {columns} as {other}",
        "trùng {columns} với {other}",
    ),
    "transfer.problem.reference": (
        "{value} is not in {table} of this file",
        "{value} không có trong {table} của tệp này",
    ),
    "transfer.problem.cycle": (
        "{value} makes the unit its own ancestor",
        "{value} khiến đơn vị trở thành cấp trên của chính nó",
    ),
    "transfer.problem.counter": (
        'the counter "{counter}" in counters must be at least {number}, or the next incident'
        " would take this id again",
        'bộ đếm "{counter}" trong counters phải từ {number} trở lên, nếu không sự việc mở tiếp'
        " theo sẽ trùng mã này",
    ),
    # -- the calendar ------------------------------------------------------------------------
    "transfer.ics.calname": (
        "{org}: deadlines for initial information",
        "{org}: thời hạn cung cấp thông tin ban đầu",
    ),
    "transfer.ics.calname_plain": (
        "Deadlines for initial information",
        "Thời hạn cung cấp thông tin ban đầu",
    ),
    "transfer.ics.summary": (
        "[{id}] Initial information due: {title}",
        "[{id}] Hạn cung cấp thông tin ban đầu: {title}",
    ),
    "transfer.ics.summary_done": (
        "[{id}] Initial information due: {title} ({outcome})",
        "[{id}] Hạn cung cấp thông tin ban đầu: {title} ({outcome})",
    ),
    "transfer.ics.due": ("Due: {due}", "Hạn: {due}"),
    "transfer.ics.rule": ("Rule: {rule}", "Quy định: {rule}"),
    "transfer.ics.unit": ("Lead unit: {name} ({code})", "Đơn vị chủ trì: {name} ({code})"),
    "transfer.ics.speaker": (
        "Spokesperson: {name}, phone {phone}",
        "Người phát ngôn: {name}, điện thoại {phone}",
    ),
    "transfer.ics.speaker_no_phone": ("Spokesperson: {name}", "Người phát ngôn: {name}"),
    "transfer.ics.no_speaker": (
        "Spokesperson: ⚠ NO SPOKESPERSON",
        "Người phát ngôn: ⚠ CHƯA CÓ NGƯỜI PHÁT NGÔN",
    ),
    "transfer.ics.occurred": ("Occurred: {at}", "Thời điểm xảy ra: {at}"),
    "transfer.ics.informed": (
        "Initial information given at {at}: {state}",
        "Đã cung cấp thông tin ban đầu lúc {at}: {state}",
    ),
    "transfer.ics.closed": (
        "Closed at {at} without initial information on record",
        "Đã kết thúc lúc {at}, chưa ghi nhận thông tin ban đầu",
    ),
    "transfer.ics.alarm_before": (
        "{id}: initial information due in {left}: {title}",
        "{id}: còn {left} nữa là đến hạn cung cấp thông tin ban đầu: {title}",
    ),
    "transfer.ics.alarm_now": (
        "{id}: initial information due now: {title}",
        "{id}: đã đến hạn cung cấp thông tin ban đầu: {title}",
    ),
}
