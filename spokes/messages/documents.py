"""Messages of Statement documents (`statement export`) and the published directory.

The ``doc.*`` keys are the wording of the documents themselves: they are read in the
statement's own language (:func:`spokes.core.documents.in_lang`), not in the output language.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- help ------------------------------------------------------------------------------
    "help.statement.export": (
        "A statement as a document to sign and publish (docx, html, md, txt, json), in the"
        " statement's language; with --all, an incident's issued statement and its referral"
        " notes, one file each.",
        "Xuất thông cáo thành văn bản để ký và công bố (docx, html, md, txt, json), theo ngôn"
        " ngữ của thông cáo; với --all, xuất thông cáo đã phát hành của sự việc và văn bản"
        " giới thiệu đầu mối cho từng đơn vị phối hợp, mỗi văn bản một tệp.",
    ),
    "help.arg.export_target": (
        "Statement number, e.g. 12; with --all, an incident id, e.g. 2026-0004.",
        "Số thông cáo, ví dụ 12; với --all là mã sự việc, ví dụ 2026-0004.",
    ),
    "help.opt.export_format": (
        "docx (the default, or the -o file's extension), html, md, txt or json.",
        "docx (mặc định, hoặc theo phần mở rộng của tệp -o), html, md, txt hoặc json.",
    ),
    "help.opt.output": (
        "Write to this file (its folder must exist); without it, text formats are printed.",
        "Ghi ra tệp này (thư mục phải có sẵn); nếu không, các định dạng văn bản được in ra.",
    ),
    "help.opt.export_all": (
        "ID is an incident: export its latest issued statement and a referral note for each"
        " involved unit.",
        "ID là mã sự việc: xuất thông cáo đã phát hành mới nhất và văn bản giới thiệu đầu"
        " mối cho từng đơn vị phối hợp.",
    ),
    "help.opt.export_to": (
        "The folder --all writes into (created if missing).",
        "Thư mục để ghi các tệp của --all (tạo mới nếu chưa có).",
    ),
    "help.opt.directory_format": (
        "The directory to publish on the e-portal: md, csv, html or docx.",
        "Danh sách để đăng trên cổng thông tin điện tử: md, csv, html hoặc docx.",
    ),
    # -- refusals and reports ----------------------------------------------------------------
    "doc.bad_format": (
        "unknown format '{value}': use {choices}",
        "không hỗ trợ định dạng '{value}': dùng {choices}",
    ),
    "doc.docx_to_terminal": (
        "a docx file cannot be shown on a terminal: write it with -o FILE.docx, or choose"
        " --format html, md, txt or json",
        "không thể hiển thị tệp docx trên màn hình dòng lệnh: ghi ra tệp bằng -o TỆP.docx,"
        " hoặc chọn --format html, md, txt hoặc json",
    ),
    "doc.no_folder": (
        "cannot write '{path}': the folder '{folder}' does not exist",
        "không ghi được '{path}': thư mục '{folder}' không tồn tại",
    ),
    "doc.cannot_write": (
        "cannot write '{path}': {problem}",
        "không ghi được '{path}': {problem}",
    ),
    "doc.is_folder": ("it is a folder", "đó là một thư mục"),
    "doc.not_folder": ("it is a file, not a folder", "đó là một tệp, không phải thư mục"),
    "doc.all_needs_to": (
        "--all writes one file per document: name the folder with --to DIR",
        "--all ghi mỗi văn bản một tệp: chỉ định thư mục bằng --to THƯ_MỤC",
    ),
    "doc.to_needs_all": (
        "--to is the folder of --all; for one statement use -o FILE",
        "--to là thư mục của --all; với một thông cáo, dùng -o TỆP",
    ),
    "doc.output_with_all": (
        "-o names one file; --all writes several: use --to DIR",
        "-o chỉ định một tệp; --all ghi nhiều tệp: dùng --to THƯ_MỤC",
    ),
    "doc.none_issued": (
        "{id} has no issued statement yet: there is nothing to publish (spokes statement"
        " issue SID first)",
        "sự việc {id} chưa có thông cáo nào được phát hành: chưa có gì để công bố (chạy"
        " spokes statement issue SỐ trước)",
    ),
    "doc.written": ("Written: {path}", "Đã ghi: {path}"),
    "doc.format_with_json": (
        "--format and --json cannot be used together",
        "không dùng đồng thời --format và --json",
    ),
    "doc.output_needs_format": (
        "give --format md, csv, html or docx (or a file name ending in one of them)",
        "chỉ định --format md, csv, html hoặc docx (hoặc tên tệp có một trong các phần mở rộng đó)",
    ),
    "dir.not_listed": (
        "not in the published list, no spokesperson: {units}",
        "không có trong danh sách công bố vì chưa có người phát ngôn: {units}",
    ),
    # -- the published directory (output language) --------------------------------------------
    "dir.title": ("SPOKESPERSONS", "DANH SÁCH NGƯỜI PHÁT NGÔN"),
    "dir.as_of": ("as of {date}", "Tính đến ngày {date}"),
    "dir.col.number": ("No.", "STT"),
    "dir.col.unit": ("Unit", "Cơ quan, đơn vị"),
    "dir.col.name": ("Full name", "Họ và tên"),
    "dir.col.position": ("Position", "Chức vụ"),
    "dir.col.phone": ("Phone", "Số điện thoại"),
    "dir.col.email": ("Official e-mail", "Thư điện tử công vụ"),
    "dir.col.since": ("Since", "Từ ngày"),
    # -- the wording of a document (the statement's language) ----------------------------------
    "doc.nation": ("SOCIALIST REPUBLIC OF VIET NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    "doc.motto": ("Independence - Freedom - Happiness", "Độc lập - Tự do - Hạnh phúc"),
    "doc.number_typed": ("No. …/{type}-{code}", "Số: …/{type}-{code}"),
    "doc.number": ("No. …/{code}", "Số: …/{code}"),
    "doc.dateline": ("{place}, {date}", "{place}, {date}"),
    "doc.press_release": ("PRESS RELEASE", "THÔNG CÁO BÁO CHÍ"),
    "doc.about": ("On “{title}”", "Về vụ việc “{title}”"),
    "doc.referral_about": (
        "Re: the single point of contact on “{title}”",
        "V/v đầu mối cung cấp thông tin về vụ việc “{title}”",
    ),
    "doc.to_prefix": ("To:", "Kính gửi:"),
    "doc.to": ("To: {unit}", "Kính gửi: {unit}"),
    "doc.draft": ("DRAFT", "DỰ THẢO"),
    "doc.spokesperson": ("Spokesperson", "Người phát ngôn"),
    "doc.recipients": ("Recipients:", "Nơi nhận:"),
    "doc.recipient_press": ("- The press;", "- Các cơ quan báo chí;"),
    "doc.recipient_unit": ("- {unit};", "- {unit};"),
    "doc.recipient_as_above": ("- As above;", "- Như trên;"),
    "doc.recipient_archive": ("- Archive.", "- Lưu: VT."),
}
