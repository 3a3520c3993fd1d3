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
        "Write to this file (its folder must exist; its extension chooses the format when"
        " --format is not given); without it, text formats are printed.",
        "Ghi ra tệp này (thư mục phải có sẵn; phần mở rộng của tệp quyết định định dạng nếu"
        " không có --format); nếu không, các định dạng văn bản được in ra.",
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
    # -- where output goes (spokes.cli.output: report, statement export, spokesperson list) --
    "output.bad_format": (
        "unknown format '{value}': use {choices}",
        "không hỗ trợ định dạng '{value}': dùng {choices}",
    ),
    "output.bad_extension": (
        "cannot tell the format of '{path}': '.{extension}' is none of {choices}; name the"
        " file with one of them, or give --format",
        "không xác định được định dạng của '{path}': '.{extension}' không thuộc {choices};"
        " hãy đặt tên tệp theo một trong các phần mở rộng đó, hoặc dùng --format",
    ),
    "output.needs_format": (
        "cannot tell the format of '{path}': give --format {choices}, or a file name ending"
        " in one of them",
        "không xác định được định dạng của '{path}': hãy chỉ định --format {choices}, hoặc"
        " tên tệp có một trong các phần mở rộng đó",
    ),
    "output.is_folder": (
        "cannot write '{path}': it is a folder; give a file name",
        "không ghi được '{path}': đó là một thư mục; hãy cho tên tệp",
    ),
    "output.no_folder": (
        "cannot write '{path}': the folder '{folder}' does not exist",
        "không ghi được '{path}': thư mục '{folder}' không tồn tại",
    ),
    "output.not_folder": (
        "cannot write into '{path}': it is a file, not a folder",
        "không ghi được vào '{path}': đó là một tệp, không phải thư mục",
    ),
    "output.workspace_file": (
        "'{path}' is a file of the workspace itself ({home}): choose another file name",
        "'{path}' là tệp của chính không gian làm việc ({home}): hãy chọn tên tệp khác",
    ),
    "output.cannot_write": (
        "cannot write '{path}': {problem}",
        "không ghi được '{path}': {problem}",
    ),
    "output.binary_to_terminal": (
        "a {format} file cannot be shown on a terminal: write it with -o FILE.{format}, or"
        " choose a text format with --format",
        "không thể hiển thị tệp {format} trên màn hình dòng lệnh: ghi ra tệp bằng -o"
        " TỆP.{format}, hoặc chọn một định dạng văn bản bằng --format",
    ),
    "output.written": ("Written: {path}", "Đã ghi: {path}"),
    # -- refusals and reports ----------------------------------------------------------------
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
    "doc.format_with_json": (
        "--format and --json cannot be used together",
        "không dùng đồng thời --format và --json",
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
