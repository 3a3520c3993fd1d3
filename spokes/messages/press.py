"""Messages of the press register, the periodic duties and the annual report."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- help ------------------------------------------------------------------------------
    "help.press": (
        "The press register: conferences, briefings, requests and replies, false reports.",
        "Sổ theo dõi báo chí: họp báo, giao ban, yêu cầu và trả lời, tin sai sự thật.",
    ),
    "help.press.conference": (
        "Record a press conference (also online), linked to incidents if it spoke on them.",
        "Ghi nhận một cuộc họp báo (cả trực tuyến), gắn với các sự việc đã nói đến.",
    ),
    "help.press.briefing": (
        "Record information given at a press briefing (giao ban báo chí).",
        "Ghi nhận một lần cung cấp thông tin tại giao ban báo chí.",
    ),
    "help.press.request": (
        "Record a request from the press (an outlet asking a unit about something).",
        "Ghi nhận một yêu cầu của cơ quan báo chí gửi đến đơn vị.",
    ),
    "help.press.reply": (
        "Record the reply to a request, or a refusal with its reason (Art. 4.3).",
        "Ghi nhận việc trả lời một yêu cầu, hoặc từ chối có nêu lý do (Điều 4 khoản 3).",
    ),
    "help.press.requests": (
        "List the requests from the press, with how long each waited.",
        "Liệt kê các yêu cầu của báo chí và thời gian chờ của từng yêu cầu.",
    ),
    "help.press.correction": (
        "Record false information published by the press (Art. 7.6).",
        "Ghi nhận trường hợp báo chí đăng tải thông tin sai sự thật (Điều 7 khoản 6).",
    ),
    "help.press.respond": (
        "Record the written response demanding correction or apology.",
        "Ghi nhận văn bản phản hồi yêu cầu cải chính, xin lỗi.",
    ),
    "help.report.annual": (
        "The annual report on speaking to the press (Decree 244/2026 Art. 10), from the "
        "register: six figures per unit and in total; docx in the official layout.",
        "Báo cáo năm về công tác phát ngôn (Nghị định 244/2026, Điều 10), lấy từ sổ theo dõi: "
        "sáu chỉ tiêu theo đơn vị và tổng cộng; docx theo thể thức văn bản hành chính.",
    ),
    "help.report.annual_notes": (
        "Write section II of the year's report: difficulties, proposals.",
        "Soạn mục II của báo cáo năm: khó khăn, vướng mắc; đề xuất, kiến nghị.",
    ),
    "help.report.annual_sent": (
        "Record that the year's report was sent: `status` stops reminding.",
        "Ghi nhận đã gửi báo cáo năm: `status` thôi nhắc.",
    ),
    "help.arg.request": ("The request's number.", "Số thứ tự của yêu cầu."),
    "help.arg.correction": ("The false report's number.", "Số thứ tự của tin sai."),
    "help.opt.press_unit": ("The unit that speaks.", "Đơn vị phát ngôn."),
    "help.opt.press_at": (
        "When (default now): 14:30, 29/11 09:00, 2026-11-29T09:00+07:00.",
        "Thời điểm (mặc định: bây giờ): 14:30, 29/11 09:00, 2026-11-29T09:00+07:00.",
    ),
    "help.opt.press_incidents": (
        "An incident it spoke on (repeat for several).",
        "Sự việc đã nói đến (lặp lại cho nhiều sự việc).",
    ),
    "help.opt.press_incident": ("The incident it is about.", "Sự việc liên quan."),
    "help.opt.topic": ("What it was about.", "Nội dung chính."),
    "help.opt.online": ("Held online.", "Tổ chức trực tuyến."),
    "help.opt.organiser": (
        "Who held the briefing (e.g. the province's propaganda board).",
        "Cơ quan chủ trì giao ban (ví dụ: Ban Tuyên giáo Tỉnh ủy).",
    ),
    "help.opt.outlet_from": ("The press outlet that asks.", "Cơ quan báo chí đề nghị."),
    "help.opt.about": ("What it asks about.", "Nội dung đề nghị."),
    "help.opt.request_due": (
        "When the outlet needs the answer.",
        "Thời hạn cơ quan báo chí cần câu trả lời.",
    ),
    "help.opt.reply_channel": (
        "How it was answered: press-conference, press-release, portal, social, interview, "
        "phone, written, sms.",
        "Hình thức trả lời: press-conference, press-release, portal, social, interview, "
        "phone, written, sms.",
    ),
    "help.opt.reply_statement": (
        "The issued statement the reply was.",
        "Thông cáo đã phát hành dùng để trả lời.",
    ),
    "help.opt.refuse": (
        "Refuse, giving the reason: one of {grounds}, or the reason in words.",
        "Từ chối, nêu lý do: một trong {grounds}, hoặc ghi rõ lý do.",
    ),
    "help.opt.requests_open": ("Only those still waiting.", "Chỉ những yêu cầu chưa trả lời."),
    "help.opt.outlet": ("The outlet that published it.", "Cơ quan báo chí đã đăng."),
    "help.opt.published": ("When it was published.", "Thời điểm đăng."),
    "help.opt.claim": (
        "What it said that is false (checked against the incident's facts).",
        "Nội dung sai sự thật (được đối chiếu với bảng thông tin của sự việc).",
    ),
    "help.opt.false_url": ("Where it was published.", "Địa chỉ bài đăng."),
    "help.opt.response_document": (
        'The response\'s number, e.g. "Số 12/UBND-VP".',
        'Số văn bản phản hồi, ví dụ "Số 12/UBND-VP".',
    ),
    "help.opt.json_record": (
        "Print the record written, as JSON.",
        "In bản ghi vừa lưu, dạng JSON.",
    ),
    "help.opt.annual_year": (
        "The report's year (default this year): 15/12 of the year before to 14/12.",
        "Năm báo cáo (mặc định năm nay): từ 15/12 năm trước đến 14/12.",
    ),
    "help.opt.annual_unit": ("Only this unit.", "Chỉ đơn vị này."),
    "help.opt.annual_format": (
        "table, docx, csv or json (default: from the file's extension, else table).",
        "table, docx, csv hoặc json (mặc định: theo đuôi tệp, nếu không thì table).",
    ),
    "help.opt.details": (
        "With the records behind every figure.",
        "Kèm danh sách bản ghi làm căn cứ cho từng chỉ tiêu.",
    ),
    "help.opt.difficulties": (
        "Difficulties (replaces the saved text).",
        "Khó khăn, vướng mắc (thay nội dung đã lưu).",
    ),
    "help.opt.proposals": (
        "Proposals (replaces the saved text).",
        "Đề xuất, kiến nghị (thay nội dung đã lưu).",
    ),
    "help.opt.notes_file": (
        "Read both parts from a file written as the editor shows them ('-': standard input).",
        "Đọc cả hai phần từ tệp theo mẫu trình soạn thảo hiển thị ('-': đầu vào chuẩn).",
    ),
    "help.opt.sent_at": ("When it was sent (default now).", "Thời điểm gửi (mặc định: bây giờ)."),
    "help.opt.sent_document": (
        'The report\'s number, e.g. "Số 45/BC-UBND".',
        'Số báo cáo, ví dụ "Số 45/BC-UBND".',
    ),
    # -- records ---------------------------------------------------------------------------
    "press.conference_recorded": (
        "Press conference #{id} recorded: {unit}, {at}.",
        "Đã ghi nhận họp báo #{id}: {unit}, {at}.",
    ),
    "press.briefing_recorded": (
        "Press briefing #{id} recorded: {unit}, {at}.",
        "Đã ghi nhận giao ban báo chí #{id}: {unit}, {at}.",
    ),
    "press.online": ("(online)", "(trực tuyến)"),
    "press.inform_hint": (
        "{id} has no initial information yet; if this conference gave it: {command}",
        "{id} chưa có thông tin ban đầu; nếu họp báo này đã cung cấp: {command}",
    ),
    "press.linked": ("On: {incidents}.", "Về: {incidents}."),
    "press.request_recorded": (
        "Request #{id} recorded: {outlet} asks {unit}, {at}.",
        "Đã ghi nhận yêu cầu #{id}: {outlet} đề nghị {unit}, {at}.",
    ),
    "press.request_due": ("Answer needed by {due}.", "Cần trả lời trước {due}."),
    "press.replied": (
        "Request #{id} answered at {at}, after {waited}.",
        "Đã trả lời yêu cầu #{id} lúc {at}, sau {waited}.",
    ),
    "press.replied_statement": ("With statement {statement}.", "Bằng thông cáo {statement}."),
    "press.refused": (
        "Request #{id} refused at {at}, after {waited}. Reason: {reason}.",
        "Đã từ chối yêu cầu #{id} lúc {at}, sau {waited}. Lý do: {reason}.",
    ),
    "press.correction_recorded": (
        "False report #{id} recorded: {outlet}, published {at}, for {unit} to answer.",
        "Đã ghi nhận tin sai sự thật #{id}: {outlet}, đăng lúc {at}; đơn vị phản hồi: {unit}.",
    ),
    "press.responded": (
        "Written response to false report #{id} recorded: {at}.",
        "Đã ghi nhận văn bản phản hồi tin sai #{id}: {at}.",
    ),
    "press.response_document": ("Document: {document}.", "Văn bản: {document}."),
    "press.no_requests": (
        "No request from the press recorded.",
        "Chưa có yêu cầu nào của báo chí.",
    ),
    "press.no_open_requests": (
        "No request is waiting for an answer.",
        "Không có yêu cầu nào đang chờ trả lời.",
    ),
    "press.col.unit": ("Unit", "Đơn vị"),
    "press.col.outlet": ("Outlet", "Cơ quan báo chí"),
    "press.col.about": ("About", "Nội dung"),
    "press.col.received": ("Received", "Nhận lúc"),
    "press.col.waited": ("Waited", "Thời gian chờ"),
    "press.col.answer": ("Answer", "Trả lời"),
    "press.state.open": ("waiting", "đang chờ"),
    "press.state.due": ("waiting, due {due}", "đang chờ, hạn {due}"),
    "press.state.overdue": ("OVERDUE since {due}", "QUÁ HẠN từ {due}"),
    "press.state.replied": ("replied {at}", "đã trả lời {at}"),
    "press.state.refused": ("refused {at}", "từ chối {at}"),
    "press.ground.state-secret": ("a state secret", "thuộc bí mật nhà nước"),
    "press.ground.private-secret": (
        "a private or personal secret",
        "thuộc bí mật đời tư, bí mật cá nhân",
    ),
    "press.ground.under-investigation": (
        "a case under investigation or not yet tried",
        "vụ án đang điều tra hoặc chưa xét xử",
    ),
    "press.ground.inspection-pending": (
        "an inspection without a conclusion yet",
        "vụ việc đang thanh tra, chưa có kết luận",
    ),
    "press.ground.complaint-pending": (
        "a complaint or denunciation still being handled",
        "vụ việc khiếu nại, tố cáo đang được giải quyết",
    ),
    "press.ground.draft-not-cleared": (
        "a draft not yet cleared for publication",
        "văn bản, dự thảo chưa được phép công bố",
    ),
    # -- refusals --------------------------------------------------------------------------
    "press.outlet_required": ("Name the press outlet.", "Cần ghi tên cơ quan báo chí."),
    "press.about_required": (
        "Say what the request is about (--about).",
        "Cần ghi nội dung đề nghị (--about).",
    ),
    "press.claim_required": (
        "Say what the false report claimed (--claim).",
        "Cần ghi nội dung sai sự thật (--claim).",
    ),
    "press.too_long": (
        "The text is too long: at most {limit} characters.",
        "Nội dung quá dài: tối đa {limit} ký tự.",
    ),
    "press.bad_request_id": (
        'No request number "{id}": requests are numbered 1, 2, 3…',
        'Không có yêu cầu số "{id}": các yêu cầu đánh số 1, 2, 3…',
    ),
    "press.bad_correction_id": (
        'No false report number "{id}": they are numbered 1, 2, 3…',
        'Không có tin sai số "{id}": các tin sai đánh số 1, 2, 3…',
    ),
    "press.unknown_request": (
        "No request #{id}. See: spokes press requests",
        "Không có yêu cầu #{id}. Xem: spokes press requests",
    ),
    "press.unknown_correction": ("No false report #{id}.", "Không có tin sai #{id}."),
    "press.unknown_event": (
        "No conference or briefing #{id}.",
        "Không có họp báo, giao ban #{id}.",
    ),
    "press.due_before_request": (
        "The answer cannot be due before the request was received.",
        "Thời hạn trả lời không thể trước thời điểm nhận yêu cầu.",
    ),
    "press.reply_before_request": (
        "Request #{id} was received at {at}: it cannot be answered before that.",
        "Yêu cầu #{id} nhận lúc {at}: không thể trả lời trước thời điểm đó.",
    ),
    "press.already_answered": (
        "Request #{id} was already answered at {at}.",
        "Yêu cầu #{id} đã được trả lời lúc {at}.",
    ),
    "press.reply_or_refuse": (
        "A refusal has no channel or statement: give --refuse alone, or reply without it.",
        "Từ chối thì không kèm hình thức hay thông cáo: chỉ dùng --refuse, hoặc trả lời.",
    ),
    "press.refusal_reason_required": (
        "A refusal must give its reason (Decree 244/2026 Art. 4.3): one of "
        "state-secret, private-secret, under-investigation, inspection-pending, "
        "complaint-pending, draft-not-cleared, or the reason in words.",
        "Từ chối phải nêu rõ lý do (Nghị định 244/2026, Điều 4 khoản 3): một trong "
        "state-secret, private-secret, under-investigation, inspection-pending, "
        "complaint-pending, draft-not-cleared, hoặc ghi rõ lý do.",
    ),
    "press.bad_channel": (
        'Unknown channel "{value}". Choose one of: {choices}.',
        'Hình thức "{value}" không hợp lệ. Chọn một trong: {choices}.',
    ),
    "press.statement_not_issued": (
        "Statement {id} is not issued: a reply can only point to an issued statement.",
        "Thông cáo {id} chưa phát hành: chỉ trả lời bằng thông cáo đã phát hành.",
    ),
    "press.statement_after_reply": (
        "Statement {id} was issued at {at}, after this reply: give the reply's own time.",
        "Thông cáo {id} phát hành lúc {at}, sau thời điểm trả lời này: ghi đúng thời điểm trả lời.",
    ),
    "press.statement_other_incident": (
        "Statement {id} is about {incident}; the request is about {expected}.",
        "Thông cáo {id} thuộc sự việc {incident}; yêu cầu thuộc sự việc {expected}.",
    ),
    "press.response_before_publication": (
        "False report #{id} was published at {at}: the response cannot come before it.",
        "Tin sai #{id} đăng lúc {at}: văn bản phản hồi không thể trước thời điểm đó.",
    ),
    "press.already_responded": (
        "False report #{id} already has its written response ({at}).",
        "Tin sai #{id} đã có văn bản phản hồi ({at}).",
    ),
    # -- the annual report -----------------------------------------------------------------
    "annual.title": (
        "Speaking and providing information to the press in {year}",
        "Công tác phát ngôn và cung cấp thông tin cho báo chí năm {year}",
    ),
    "annual.window": (
        "From {first} to {last}, as known at {made}",
        "Từ ngày {first} đến ngày {last}, số liệu tính đến {made}",
    ),
    "annual.only_unit": ("unit {unit} only", "chỉ đơn vị {unit}"),
    "annual.col.unit": ("Unit", "Đơn vị"),
    "annual.total": ("Total", "Tổng cộng"),
    "annual.item.conferences": ("Press conferences held", "Số cuộc họp báo đã tổ chức"),
    "annual.item.briefings": (
        "Times information was given at press briefings",
        "Số lần cung cấp thông tin tại giao ban báo chí",
    ),
    "annual.item.replies": (
        "Replies to the press / requests from the press",
        "Số lần trả lời báo chí/Tổng số yêu cầu của báo chí",
    ),
    "annual.item.spoken": (
        "Unexpected incidents spoken on / all unexpected incidents",
        "Số sự kiện, vấn đề bất ngờ, đột xuất đã phát ngôn/Tổng số sự kiện, vấn đề bất ngờ, "
        "đột xuất",
    ),
    "annual.item.on_time": (
        "Incidents spoken on in time / incidents under a deadline",
        "Số sự kiện, vấn đề đã phát ngôn đúng thời hạn/Tổng số sự kiện, vấn đề phải phát "
        "ngôn theo thời hạn",
    ),
    "annual.item.responses": (
        "Written responses demanding correction or apology / false reports in the press",
        "Số văn bản phản hồi yêu cầu cải chính, xin lỗi/Tổng số trường hợp báo chí đăng tải "
        "thông tin sai sự thật",
    ),
    "annual.remark_refused": (
        "Of the requests, {count} refused with the reason given (not counted as replies).",
        "Trong số yêu cầu, có {count} yêu cầu bị từ chối (có nêu lý do), không tính là trả lời.",
    ),
    "annual.remark_not_yet_due": (
        "{count} incident(s) under a deadline not yet come are left out of item 5.",
        "{count} sự việc chưa đến hạn phát ngôn chưa tính vào chỉ tiêu 5.",
    ),
    "annual.no_records": ("(no record)", "(không có bản ghi)"),
    "annual.kind.conference": ("conference #{ref}", "họp báo #{ref}"),
    "annual.kind.briefing": ("briefing #{ref}", "giao ban #{ref}"),
    "annual.kind.statement": ("statement {ref}", "thông cáo {ref}"),
    "annual.kind.incident": ("incident {ref}", "sự việc {ref}"),
    "annual.kind.request": ("request #{ref}", "yêu cầu #{ref}"),
    "annual.kind.correction": ("false report #{ref}", "tin sai sự thật #{ref}"),
    "annual.state.held": ("held", "đã tổ chức"),
    "annual.state.at_conference": (
        "information given at a press conference",
        "phát ngôn tại họp báo",
    ),
    "annual.state.duplicate": (
        "the same conference as another record that day: counted once",
        "cùng cuộc họp báo với một bản ghi khác trong ngày: chỉ tính một lần",
    ),
    "annual.state.replied": ("replied", "đã trả lời"),
    "annual.state.refused": ("refused with reason", "từ chối có nêu lý do"),
    "annual.state.waiting": ("not answered", "chưa trả lời"),
    "annual.state.informed": ("spoken on", "đã phát ngôn"),
    "annual.state.not_informed": ("not spoken on", "chưa phát ngôn"),
    "annual.state.met": ("on time", "đúng hạn"),
    "annual.state.late": ("late", "trễ hạn"),
    "annual.state.overdue": ("overdue, not spoken on", "quá hạn, chưa phát ngôn"),
    "annual.state.not_yet_due": ("deadline not yet come", "chưa đến hạn"),
    "annual.state.closed": (
        "closed without information before its deadline",
        "đã kết thúc, không phát ngôn trước hạn",
    ),
    "annual.state.responded": ("responded in writing", "đã có văn bản phản hồi"),
    "annual.state.not_responded": ("no written response", "chưa có văn bản phản hồi"),
    "annual.section_two": (
        "II. Difficulties and proposals",
        "II. Khó khăn, vướng mắc và đề xuất, kiến nghị",
    ),
    "annual.difficulties": ("Difficulties", "Khó khăn, vướng mắc"),
    "annual.proposals": ("Proposals", "Đề xuất, kiến nghị"),
    "annual.notes_empty": (
        "(not written: spokes report annual notes)",
        "(chưa soạn: spokes report annual notes)",
    ),
    "annual.sent_on": ("Sent on {at}.", "Đã gửi ngày {at}."),
    "annual.notes_saved": ("Section II of {year} saved.", "Đã lưu mục II của báo cáo năm {year}."),
    "annual.notes_missing": (
        "Section II of {year} is empty: write it with `spokes report annual notes --year {year}`.",
        "Mục II năm {year} còn trống: soạn bằng `spokes report annual notes --year {year}`.",
    ),
    "annual.notes_one_way": (
        "Give --text-file, or --difficulties and --proposals, not both.",
        "Dùng --text-file, hoặc --difficulties và --proposals, không dùng cả hai.",
    ),
    "annual.notes_form": (
        'Keep the two headings ("# Difficulties", "# Proposals") and write under them.',
        'Giữ nguyên hai tiêu đề ("# Khó khăn, vướng mắc", "# Đề xuất, kiến nghị") và viết '
        "bên dưới.",
    ),
    "annual.options_before_sub": (
        "--unit, --format, --output and --details are the report's: not with notes or sent.",
        "--unit, --format, --output và --details dùng cho báo cáo: không dùng với notes, sent.",
    ),
    "annual.sent_needs_year": (
        "Say which year's report was sent: --year.",
        "Cần ghi rõ năm của báo cáo đã gửi: --year.",
    ),
    "annual.marked_sent": (
        "The {year} report is recorded as sent on {at}.",
        "Đã ghi nhận gửi báo cáo năm {year} ngày {at}.",
    ),
    "annual.already_sent": (
        "The {year} report was already recorded as sent ({at}).",
        "Báo cáo năm {year} đã được ghi nhận gửi ({at}).",
    ),
    "annual.sent_before_window": (
        "The {year} report covers from {first}: it cannot have been sent before.",
        "Báo cáo năm {year} tính từ {first}: không thể gửi trước ngày đó.",
    ),
    "annual.bad_year": ("No report year {value}.", "Năm báo cáo {value} không hợp lệ."),
    # -- the document ----------------------------------------------------------------------
    "annual.doc.type": ("REPORT", "BÁO CÁO"),
    "annual.doc.summary": (
        "ON SPEAKING AND PROVIDING INFORMATION TO THE PRESS IN {year}",
        "VỀ CÔNG TÁC PHÁT NGÔN VÀ CUNG CẤP THÔNG TIN CHO BÁO CHÍ NĂM {year}",
    ),
    "annual.doc.window": (
        "(From {first} to {last})",
        "(Số liệu từ ngày {first} đến ngày {last})",
    ),
    "annual.doc.window_so_far": (
        "(From {first} to {last}; figures as of {made})",
        "(Số liệu từ ngày {first} đến ngày {last}, tính đến ngày {made})",
    ),
    "annual.doc.section_one": (
        "I. SPEAKING AND PROVIDING INFORMATION TO THE PRESS",
        "I. KẾT QUẢ CÔNG TÁC PHÁT NGÔN VÀ CUNG CẤP THÔNG TIN CHO BÁO CHÍ",
    ),
    "annual.doc.section_two": (
        "II. DIFFICULTIES AND PROPOSALS",
        "II. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ",
    ),
    "annual.doc.item.conferences": ("Press conferences held", "Số cuộc họp báo đã tổ chức"),
    "annual.doc.item.briefings": (
        "Times information was given at press briefings",
        "Số lần cung cấp thông tin tại giao ban báo chí",
    ),
    "annual.doc.item.replies": (
        "Replies to the press/requests from the press",
        "Số lần trả lời báo chí/Tổng số yêu cầu của báo chí",
    ),
    "annual.doc.item.spoken": (
        "Unexpected incidents spoken on/all unexpected incidents",
        "Số sự kiện, vấn đề bất ngờ, đột xuất đã phát ngôn/Tổng số sự kiện, vấn đề bất ngờ, "
        "đột xuất",
    ),
    "annual.doc.item.on_time": (
        "Incidents spoken on in time/incidents under a deadline",
        "Số sự kiện, vấn đề đã phát ngôn đúng thời hạn/Tổng số sự kiện, vấn đề phải phát "
        "ngôn theo thời hạn",
    ),
    "annual.doc.item.responses": (
        "Written responses demanding correction or apology/cases of the press publishing "
        "false information",
        "Số văn bản phản hồi yêu cầu cải chính, xin lỗi/Tổng số trường hợp báo chí đăng tải "
        "thông tin sai sự thật",
    ),
    "annual.doc.by_unit": ("Figures by unit:", "Số liệu theo từng đơn vị:"),
    "annual.doc.col_unit": ("Unit", "Đơn vị"),
    "annual.doc.total": ("Total", "Tổng cộng"),
    "annual.doc.difficulties": ("Difficulties", "Khó khăn, vướng mắc"),
    "annual.doc.proposals": ("Proposals", "Đề xuất, kiến nghị"),
    "annual.doc.head": ("Head of the agency", "Thủ trưởng cơ quan"),
    "annual.doc.body_unknown": ("(issuing body)", "(tên cơ quan ban hành)"),
    "annual.doc.recipient_ministry": (
        "- Ministry of Culture, Sports and Tourism;",
        "- Bộ Văn hóa, Thể thao và Du lịch;",
    ),
    # -- status ----------------------------------------------------------------------------
    "status.calendar_header": ("Coming due by the calendar:", "Nhiệm vụ định kỳ đến hạn:"),
    "status.duty.information": (
        "information to the press ({every})",
        "cung cấp thông tin cho báo chí ({every})",
    ),
    "status.duty.conference": ("a press conference ({every})", "họp báo ({every})"),
    "status.duty.every_month": ("every month", "hằng tháng"),
    "status.duty.every": ("at least every {months} months", "ít nhất {months} tháng một lần"),
    "status.duty.never": ("never", "chưa có"),
    "status.duty_due": (
        "{unit}: {what}, due {due} (last: {last})",
        "{unit}: {what}, hạn {due} (lần gần nhất: {last})",
    ),
    "status.duty_overdue": (
        "{unit}: {what}, OVERDUE since {due} (last: {last})",
        "{unit}: {what}, QUÁ HẠN từ {due} (lần gần nhất: {last})",
    ),
    "status.annual_due": (
        "Annual report {year} on speaking to the press: send it to the Ministry of Culture, "
        "Sports and Tourism before {due} ({days} day(s) left). spokes report annual --year {year}",
        "Báo cáo năm {year} về công tác phát ngôn: gửi Bộ Văn hóa, Thể thao và Du lịch trước "
        "ngày {due} (còn {days} ngày). spokes report annual --year {year}",
    ),
    "status.annual_overdue": (
        "Annual report {year} on speaking to the press: OVERDUE, due before {due}. When sent: "
        "spokes report annual sent --year {year}",
        "Báo cáo năm {year} về công tác phát ngôn: QUÁ HẠN, hạn trước ngày {due}. Khi đã gửi: "
        "spokes report annual sent --year {year}",
    ),
}
