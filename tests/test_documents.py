"""Statement documents ready to sign (Decree 30/2020 layout) and the published directory.

The docx files are opened again with python-docx and read back: the national heading, the place
and date line, Times New Roman in every run and style, the A4 page and its margins, the number,
the signer, the recipients, the draft mark, the page numbers.
"""

from __future__ import annotations

import html
import io
import json
import os
import re
import stat
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from typer.testing import CliRunner

from spokes.cli.app import app
from spokes.core.documents import body_code, committee_place, full_name, split_heading
from spokes.render.markup import md_escape
from tests.conftest import Run

TNR = "Times New Roman"
FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
FEBRUARY = "2026-02-05T10:00:00+07:00"


def setup_directory(run: Run, since: str) -> None:
    """The Tân Uyên units of the tests, the place "Tân Uyên", Lù Thị Mai for Phúc Khoa."""
    assert run("init", "--org", "UBND huyện Tân Uyên", "--place", "Tân Uyên").exit_code == 0
    for line in (
        'unit add tan-uyen "UBND huyện Tân Uyên" --kind district',
        'unit add phuc-khoa "UBND xã Phúc Khoa" --kind commune --parent tan-uyen',
        'unit add ho-mit "UBND xã Hố Mít" --kind commune --parent tan-uyen',
        'unit add cong-an "Công an huyện" --kind agency --parent tan-uyen',
    ):
        assert run(line).exit_code == 0
    assigned = run(
        "spokesperson assign phuc-khoa --name 'Lù Thị Mai' --title 'Chủ tịch UBND xã'"
        f" --phone '0912 000 108' --email ltmai@phuckhoa.example.vn --from '{since}'"
    )
    assert assigned.exit_code == 0, assigned


def open_landslide(run: Run, occurred: str, title: str = "Sạt lở đất tại bản Phiêng Lồm") -> None:
    opened = run("incident", "open", title, "-u", "phuc-khoa", "--occurred", occurred)
    assert opened.exit_code == 0, opened
    assert run("incident edit 2026-0001 --involves cong-an").exit_code == 0
    for line in (
        'fact set 2026-0001 summary "Sạt lở đất vùi lấp hai nhà dân"',
        "fact set 2026-0001 deaths 2",
        "fact set 2026-0001 injured 5",
    ):
        assert run(line).exit_code == 0


def draft(run: Run, *args: str) -> int:
    result = run("statement", "draft", "2026-0001", "--json", *args)
    assert result.exit_code == 0, result
    return int(result.json()["id"])


def issue(run: Run, sid: int, *args: str) -> None:
    assert run(f"statement approve {sid} --by 'Lù Thị Mai'").exit_code == 0
    issued = run("statement", "issue", str(sid), *args)
    assert issued.exit_code == 0, issued


@pytest.fixture
def landslide(run: Run) -> Run:
    """29/11/2026: incident 2026-0001 of Phúc Khoa, with facts, involving cong-an."""
    setup_directory(run, "01/11/2026 08:00")
    open_landslide(run, "13:10")
    return run


@pytest.fixture
def february(run: Run, monkeypatch: pytest.MonkeyPatch) -> Run:
    """Statement 1 (vi) issued on 05/02/2026 at 10:00."""
    monkeypatch.setenv("SPOKES_NOW", FEBRUARY)
    setup_directory(run, "01/02/2026 08:00")
    open_landslide(run, "09:10")
    issue(run, draft(run, "--lang", "vi"))
    return run


def agency_statement(run: Run, since: str) -> int:
    """Incident 2026-0002 of Công an huyện (under UBND huyện Tân Uyên), its statement issued."""
    assigned = run(
        "spokesperson assign cong-an --name 'Trần Đức Minh' --title 'Phó Trưởng Công an huyện'"
        f" --phone '0912 000 104' --email tdminh@tanuyen.example.vn --from '{since}'"
    )
    assert assigned.exit_code == 0, assigned
    opened = run("incident open 'Tai nạn giao thông' -u cong-an --occurred 09:30 --json")
    assert opened.exit_code == 0, opened
    sid = int(run("statement draft 2026-0002 --lang vi --json").json()["id"])
    issue(run, sid)
    return sid


def exported(run: Run, path: Path, *args: str) -> Any:
    """``statement export`` to ``path``, opened with python-docx."""
    result = run("statement", "export", *args, "-o", str(path))
    assert result.exit_code == 0, result
    assert f"Written: {path}" in result.stdout
    return docx.Document(str(path))


# -- reading a docx back -------------------------------------------------------------------


def cell_paragraphs(tables: list[Any]) -> Iterator[Any]:
    for table in tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs
                yield from cell_paragraphs(cell.tables)


def every_paragraph(word: Any) -> list[Any]:
    """Body, tables (nested too) and every header and footer of every section."""
    found = [*word.paragraphs, *cell_paragraphs(word.tables)]
    for section in word.sections:
        for part in (section.header, section.first_page_header, section.even_page_header):
            found += [*part.paragraphs, *cell_paragraphs(part.tables)]
        for part in (section.footer, section.first_page_footer, section.even_page_footer):
            found += part.paragraphs
    return found


def text_of(word: Any) -> str:
    return "\n".join(paragraph.text for paragraph in every_paragraph(word))


def run_fonts(run: Any) -> dict[str, str | None]:
    fonts = run._r.rPr.rFonts if run._r.rPr is not None else None
    return {slot: fonts.get(qn(f"w:{slot}")) if fonts is not None else None for slot in FONT_SLOTS}


def assert_times_everywhere(word: Any) -> None:
    runs = [run for paragraph in every_paragraph(word) for run in paragraph.runs]
    assert len(runs) > 10  # the walk found the text
    wrong = [(run.text, run_fonts(run)) for run in runs if set(run_fonts(run).values()) != {TNR}]
    assert wrong == []
    styles = word.styles.element
    all_fonts = list(styles.iter(qn("w:rFonts")))
    assert all_fonts
    for fonts in all_fonts:
        assert {fonts.get(qn(f"w:{slot}")) for slot in FONT_SLOTS} == {TNR}
        assert not [key for key in fonts.attrib if key.endswith("Theme") or key.endswith("theme")]
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsia")) == TNR
    assert word.styles["Normal"].font.name == TNR


def runs_with(word: Any, text: str) -> list[Any]:
    return [r for p in every_paragraph(word) for r in p.runs if r.text == text]


# -- the Vietnamese press release ------------------------------------------------------------


def test_docx_has_the_national_heading_and_the_exact_date_line(
    february: Run, tmp_path: Path
) -> None:
    # An agency of the district dates its documents where the district's committee sits.
    sid = agency_statement(february, "01/02/2026 08:00")
    word = exported(february, tmp_path / "thong-cao.docx", str(sid))
    text = text_of(word)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "Tân Uyên, ngày 05 tháng 02 năm 2026" in text.splitlines()
    nation = runs_with(word, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")[0]
    motto = runs_with(word, "Độc lập - Tự do - Hạnh phúc")[0]
    date_line = runs_with(word, "Tân Uyên, ngày 05 tháng 02 năm 2026")[0]
    assert (nation.bold, nation.font.size.pt, motto.bold, motto.font.size.pt) == (
        True,
        12,
        True,
        13,
    )
    assert (date_line.italic, date_line.font.size.pt) == (True, 13)


def test_the_place_is_where_the_issuing_body_sits(
    february: Run, tmp_path: Path, workspace: Path
) -> None:
    """Decree 30/2020, Appendix I: a People's Committee dates its documents at its own place,
    an agency at its committee's, whatever the config's place says."""
    config = workspace / "config.toml"
    text = config.read_text(encoding="utf-8").replace('place = "Tân Uyên"', 'place = "Lai Châu"')
    config.write_text(text, encoding="utf-8")
    commune = text_of(exported(february, tmp_path / "xa.docx", "1")).splitlines()
    assert "Phúc Khoa, ngày 05 tháng 02 năm 2026" in commune
    agency = agency_statement(february, "01/02/2026 08:00")
    lines = text_of(exported(february, tmp_path / "cah.docx", str(agency))).splitlines()
    assert "Tân Uyên, ngày 05 tháng 02 năm 2026" in lines
    assert february("incident open 'Lũ' -u tan-uyen --occurred 09:40").exit_code == 0
    sid = february("statement draft 2026-0003 --lang vi --json").json()["id"]
    district = february(f"statement export {sid} --format json").json()
    assert district["dateline"] == "Tân Uyên, ngày 05 tháng 02 năm 2026"


def test_docx_is_times_new_roman_in_every_run_and_style(february: Run, tmp_path: Path) -> None:
    assert_times_everywhere(exported(february, tmp_path / "a.docx", "1"))


def test_docx_is_a4_with_the_decree_margins(february: Run, tmp_path: Path) -> None:
    section = exported(february, tmp_path / "a.docx", "1").sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert 20 <= round(section.top_margin.mm) <= 25
    assert 20 <= round(section.bottom_margin.mm) <= 25
    assert 30 <= round(section.left_margin.mm) <= 35
    assert 15 <= round(section.right_margin.mm) <= 20


def test_docx_holds_number_type_summary_signer_and_recipients(
    landslide: Run, tmp_path: Path
) -> None:
    issue(landslide, draft(landslide, "--lang", "vi"))
    lines = text_of(exported(landslide, tmp_path / "a.docx", "1")).splitlines()
    for expected in (
        "ỦY BAN NHÂN DÂN",  # written in full in the heading, on a line of its own...
        "XÃ PHÚC KHOA",
        "Số: …/TC-UBND",  # ...and the code in the number
        "THÔNG CÁO BÁO CHÍ",
        "Thông tin ban đầu về vụ việc “Sạt lở đất tại bản Phiêng Lồm”",
        "CHỦ TỊCH UBND XÃ",
        "Lù Thị Mai",
        "Nơi nhận:",
        "- Các cơ quan báo chí;",
        "- Công an huyện;",
        "- Lưu: VT.",
    ):
        assert expected in lines
    assert lines.count("THÔNG CÁO BÁO CHÍ") == 1  # the template's own heading is not repeated
    # A People's Committee names no governing body above it.
    assert "HUYỆN TÂN UYÊN" not in lines
    assert lines.count("ỦY BAN NHÂN DÂN") == 1
    assert not [line for line in lines if line.startswith(("UBND XÃ", "UBND HUYỆN"))]


def test_a_draft_is_marked_and_an_approved_statement_is_not(landslide: Run, tmp_path: Path) -> None:
    sid = draft(landslide, "--lang", "vi")
    assert "DỰ THẢO" in text_of(exported(landslide, tmp_path / "draft.docx", str(sid)))
    assert landslide(f"statement approve {sid} --by 'Lù Thị Mai'").exit_code == 0
    assert "DỰ THẢO" not in text_of(exported(landslide, tmp_path / "approved.docx", str(sid)))
    # New facts make the approval stale: a draft again until it is approved again.
    assert landslide("fact set 2026-0001 injured 6").exit_code == 0
    assert "DỰ THẢO" in text_of(exported(landslide, tmp_path / "stale.docx", str(sid)))


def test_page_numbers_are_in_the_header_from_page_two(landslide: Run, tmp_path: Path) -> None:
    section = exported(landslide, tmp_path / "a.docx", str(draft(landslide))).sections[0]
    assert section.different_first_page_header_footer
    assert not section.first_page_header.is_linked_to_previous
    first = section.first_page_header._element.xml
    others = section.header._element.xml
    assert "PAGE" in others and "fldChar" in others
    assert "fldChar" not in first
    assert 5 <= round(section.header_distance.mm) < round(section.top_margin.mm)


def test_rules_are_drawn_under_the_body_name_and_the_motto(landslide: Run, tmp_path: Path) -> None:
    word = exported(landslide, tmp_path / "a.docx", str(draft(landslide, "--lang", "vi")))
    heading = word.tables[0]
    for cell in (heading.cell(0, 0), heading.cell(0, 1)):
        last = cell.paragraphs[-1]
        assert last.text == ""
        assert last._p.pPr.find(qn("w:pBdr")) is not None


def test_an_agency_names_its_parent_and_its_initials(landslide: Run, tmp_path: Path) -> None:
    assigned = landslide(
        "spokesperson assign cong-an --name 'Trần Đức Minh' --title 'Phó Trưởng Công an huyện'"
        " --phone '0912 000 104' --email tdminh@tanuyen.example.vn --from '01/11/2026 08:00'"
    )
    assert assigned.exit_code == 0
    assert (
        landslide("incident open 'Tai nạn giao thông' -u cong-an --occurred 13:00").exit_code == 0
    )
    sid = landslide("statement draft 2026-0002 --lang vi --json").json()["id"]
    lines = text_of(exported(landslide, tmp_path / "a.docx", str(sid))).splitlines()
    heading = ["ỦY BAN NHÂN DÂN", "HUYỆN TÂN UYÊN", "CÔNG AN HUYỆN"]
    assert lines[lines.index(heading[0]) :][:3] == heading
    assert "Số: …/TC-CAH" in lines
    assert "PHÓ TRƯỞNG CÔNG AN HUYỆN" in lines  # the signer's position, as it is
    assert "Tân Uyên, ngày 29 tháng 11 năm 2026" in lines  # the district's place
    word = docx.Document(str(tmp_path / "a.docx"))
    parent = runs_with(word, "ỦY BAN NHÂN DÂN") + runs_with(word, "HUYỆN TÂN UYÊN")
    assert len(parent) == 2 and not any(run.bold for run in parent)
    assert runs_with(word, "CÔNG AN HUYỆN")[0].bold


def test_the_date_is_the_day_of_issue_and_today_for_a_draft(
    february: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SPOKES_NOW", "2026-03-07T09:00:00+07:00")
    issued = text_of(exported(february, tmp_path / "issued.docx", "1"))
    assert "Phúc Khoa, ngày 05 tháng 02 năm 2026" in issued
    sid = draft(february, "--lang", "vi")
    drafted = text_of(exported(february, tmp_path / "draft.docx", str(sid)))
    assert "Phúc Khoa, ngày 07 tháng 3 năm 2026" in drafted


def test_the_signer_is_whoever_issued_it(landslide: Run, tmp_path: Path) -> None:
    granted = landslide(
        "spokesperson authorize phuc-khoa --name 'Lò Văn Dũng' --title 'Công chức Văn hóa - Xã hội'"
        " --phone '0912 000 120' --from 13:00 --until +2d --by 'Lù Thị Mai'"
    )
    assert granted.exit_code == 0, granted
    sid = draft(landslide, "--lang", "vi")
    issue(landslide, sid, "--by", "Lò Văn Dũng")
    lines = text_of(exported(landslide, tmp_path / "a.docx", str(sid))).splitlines()
    assert "Lò Văn Dũng" in lines
    assert "CÔNG CHỨC VĂN HÓA - XÃ HỘI" in lines
    assert "CHỦ TỊCH UBND XÃ" not in lines


def test_with_nobody_on_duty_the_signer_is_left_blank(landslide: Run) -> None:
    assert landslide("incident open 'Lũ quét' -u ho-mit --occurred 13:00").exit_code == 0
    sid = landslide("statement draft 2026-0002 --lang vi --json").json()["id"]
    data = landslide(f"statement export {sid} --format json").json()
    assert data["signer"] == {"position": "NGƯỜI PHÁT NGÔN", "name": ""}


def test_the_statement_language_decides_not_the_output_language(
    landslide: Run, tmp_path: Path
) -> None:
    sid = draft(landslide, "--lang", "vi")
    result = landslide("--lang", "en", "statement", "export", str(sid), "--format", "txt")
    assert "THÔNG CÁO BÁO CHÍ" in result.stdout
    written = landslide(
        "--lang", "vi", "statement", "export", str(sid), "-o", str(tmp_path / "x.md")
    )
    assert f"Đã ghi: {tmp_path / 'x.md'}" in written.stdout


def test_the_english_docx_is_a_plain_press_release(landslide: Run, tmp_path: Path) -> None:
    sid = draft(landslide, "--lang", "en")
    word = exported(landslide, tmp_path / "en.docx", str(sid))
    lines = text_of(word).splitlines()
    assert "PRESS RELEASE" in lines
    assert "Phúc Khoa, 29 November 2026" in lines
    assert "UBND xã Phúc Khoa" in lines
    assert "DRAFT" in lines
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in lines
    assert "Initial information on “Sạt lở đất tại bản Phiêng Lồm”" in lines
    assert_times_everywhere(word)
    assert round(word.sections[0].page_width.mm) == 210


def test_a_portal_text_gets_a_summary_of_its_own(landslide: Run, tmp_path: Path) -> None:
    sid = draft(landslide, "--lang", "vi", "--channel", "portal")
    lines = text_of(exported(landslide, tmp_path / "a.docx", str(sid))).splitlines()
    assert "Về vụ việc “Sạt lở đất tại bản Phiêng Lồm”" in lines


def test_a_docx_goes_to_a_pipe_as_it_is(landslide: Run) -> None:
    sid = draft(landslide, "--lang", "vi")
    raw = CliRunner().invoke(app, ["statement", "export", str(sid)])
    assert raw.exit_code == 0
    assert raw.stdout_bytes.startswith(b"PK")
    assert "THÔNG CÁO BÁO CHÍ" in text_of(docx.Document(io.BytesIO(raw.stdout_bytes)))


def test_files_are_readable_by_their_owner_only(landslide: Run, tmp_path: Path) -> None:
    sid = draft(landslide)
    exported(landslide, tmp_path / "a.docx", str(sid))
    assert stat.S_IMODE(os.stat(tmp_path / "a.docx").st_mode) == 0o600


def test_the_format_follows_the_output_file_name(
    landslide: Run, refused: Any, tmp_path: Path
) -> None:
    sid = draft(landslide, "--lang", "vi")
    assert landslide(f"statement export {sid} -o {tmp_path / 'a.html'}").exit_code == 0
    assert (tmp_path / "a.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    # Not a docx in a file that says otherwise: an unknown extension is refused.
    refused(f"statement export {sid} -o {tmp_path / 'a.pdf'}", expected="'.pdf' is none of docx")
    assert not (tmp_path / "a.pdf").exists()


THEME_FONT = re.compile(
    r"\b(?:ascii|hAnsi|eastAsia|cs)[Tt]heme=|\b(?:major|minor)(?:HAnsi|Bidi|EastAsia)"
)


@pytest.mark.parametrize("what", ["statement", "directory"])
def test_no_part_of_the_package_names_another_font(
    landslide: Run, tmp_path: Path, what: str
) -> None:
    """Every XML part, not only the styles: the template's second style sheet, font table,
    theme and settings named Calibri, Cambria and Courier and pointed at the theme's fonts."""
    target = tmp_path / "a.docx"
    if what == "statement":
        exported(landslide, target, str(draft(landslide, "--lang", "vi")))
    else:
        assert landslide(f"spokesperson list -o {target}").exit_code == 0
    with zipfile.ZipFile(target) as package:
        parts = {
            name: package.read(name).decode("utf-8")
            for name in package.namelist()
            if name.endswith((".xml", ".rels"))
        }
    assert "word/styles.xml" in parts and "word/fontTable.xml" in parts  # the walk found them
    for name, xml in parts.items():
        for other in ("Calibri", "Cambria", "Courier", "stylesWithEffects"):
            assert other not in xml, (name, other)
        assert not THEME_FONT.search(xml), (name, THEME_FONT.search(xml))
    assert 'w:name="Times New Roman"' in parts["word/fontTable.xml"]
    assert parts["word/fontTable.xml"].count("<w:font ") == 1
    assert_times_everywhere(docx.Document(str(target)))  # and it still opens


# -- html, md, txt, json keep the same parts --------------------------------------------------

ORDERED_PARTS = (
    "ỦY BAN NHÂN DÂN",
    "XÃ PHÚC KHOA",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Phúc Khoa, ngày 29 tháng 11 năm 2026",
    "THÔNG CÁO BÁO CHÍ",
    "Thông tin ban đầu về vụ việc “Sạt lở đất tại bản Phiêng Lồm”",
    "Số người chết: 2",
)
CLOSING = ("CHỦ TỊCH UBND XÃ", "Lù Thị Mai")
RECIPIENTS = ("Nơi nhận:", "- Các cơ quan báo chí;", "- Công an huyện;", "- Lưu: VT.")


def in_order(text: str, parts: tuple[str, ...]) -> bool:
    """Each part found after the one before it."""
    place = 0
    for part in parts:
        place = text.find(part, place)
        if place == -1:
            return False
        place += len(part)
    return True


def as_read(fmt: str, text: str) -> str:
    """The text as a reader sees it: markup and escapes taken away."""
    if fmt == "md":
        return text.replace("\\", "").replace("*", "")
    if fmt == "html":
        return html.unescape(text.split("<body>", 1)[1])
    return text


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_text_formats_keep_the_parts_in_order(landslide: Run, fmt: str) -> None:
    issue(landslide, draft(landslide, "--lang", "vi"))
    result = landslide(f"statement export 1 --format {fmt}")
    assert result.exit_code == 0, result
    text = as_read(fmt, result.stdout)
    assert "Số: …/TC-UBND" in text
    assert in_order(text, (*ORDERED_PARTS, *CLOSING))
    assert in_order(text, (*ORDERED_PARTS, *RECIPIENTS))
    assert "DỰ THẢO" not in text
    assert text.count("THÔNG CÁO BÁO CHÍ") == 1


def test_json_gives_the_parts_as_fields(landslide: Run) -> None:
    data = landslide(f"statement export {draft(landslide, '--lang', 'vi')} --format json").json()
    assert data["form"] == "press-release"
    assert (data["lang"], data["statement"], data["incident"]) == ("vi", 1, "2026-0001")
    assert (data["draft"], data["draft_mark"]) == (True, "DỰ THẢO")
    assert data["issuer"] == {
        "parent": None,
        "name": "ỦY BAN NHÂN DÂN XÃ PHÚC KHOA",
        "code": "UBND",
    }
    assert data["number"] == "Số: …/TC-UBND"
    assert (data["nation"], data["motto"]) == (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    )
    assert (data["date"], data["dateline"]) == (
        "2026-11-29",
        "Phúc Khoa, ngày 29 tháng 11 năm 2026",
    )
    assert data["type"] == "THÔNG CÁO BÁO CHÍ"
    assert data["summary"] == "Thông tin ban đầu về vụ việc “Sạt lở đất tại bản Phiêng Lồm”"
    assert data["content"][0].startswith("UBND xã Phúc Khoa cung cấp thông tin ban đầu")
    assert "   - Số người chết: 2" in data["content"]
    assert data["signer"] == {"position": "CHỦ TỊCH UBND XÃ", "name": "Lù Thị Mai"}
    assert data["recipients_label"] == "Nơi nhận:"
    assert data["recipients"] == ["- Các cơ quan báo chí;", "- Công an huyện;", "- Lưu: VT."]


def test_html_is_one_page_with_its_language_and_escaped_text(run: Run) -> None:
    setup_directory(run, "01/11/2026 08:00")
    open_landslide(run, "13:10", title='Sạt lở <script>alert(1)</script> & "x"')
    page = run(f"statement export {draft(run, '--lang', 'vi')} --format html").stdout
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="vi">' in page
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;" in page
    assert "<style>" in page and "http" not in page.split("<body>")[0]  # nothing fetched
    assert '<meta name="viewport"' in page  # the page shell the reports use too


def test_markdown_shows_user_text_as_written() -> None:
    assert md_escape("*Sạt lở* [x](y)") == r"\*Sạt lở\* \[x\](y)"
    assert md_escape("1. Diễn biến") == r"1\. Diễn biến"
    assert md_escape("   - Số người chết: 2") == r"   \- Số người chết: 2"
    assert md_escape("# tiêu đề") == r"\# tiêu đề"
    assert md_escape("bản_Nà_Ít") == r"bản\_Nà\_Ít"


def test_the_core_does_not_depend_on_the_views() -> None:
    """Documents, reports, drafts and statements are assembled without the renderers: their
    dates come from spokes.dates. (calendar and remind still take durations from
    spokes.render.timefmt: what they build is text for a person.)"""
    import ast

    for name in ("documents", "reports", "drafting", "statements"):
        source = Path(__file__).parents[1] / "spokes" / "core" / f"{name}.py"
        tree = ast.parse(source.read_text(encoding="utf-8"))
        imported = [
            node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
        ]
        imported += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        assert not [module for module in imported if module.startswith("spokes.render")], name


# -- the rules behind the parts --------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("UBND xã Phúc Khoa", "UBND"),
        ("Ủy ban nhân dân huyện Tân Uyên", "UBND"),
        ("Công an huyện", "CAH"),
        ("Đài Truyền thanh - Truyền hình huyện", "ĐTTTHH"),
        ("Phòng Văn hóa - Thông tin", "PVHTT"),
    ],
)
def test_the_body_code(name: str, code: str) -> None:
    assert body_code(name) == code


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("UBND xã Phúc Khoa", "Phúc Khoa"),
        ("UBND huyện Tân Uyên", "Tân Uyên"),
        ("UBND thị xã Mường Lay", "Mường Lay"),
        ("Ủy ban nhân dân thành phố Lai Châu", "Lai Châu"),
        ("UBND thị trấn Tân Uyên", "Tân Uyên"),
        ("UBND tỉnh Lai Châu", "Lai Châu"),
        ("Công an huyện", None),  # an agency is not a place
        ("Phòng Văn hóa - Thông tin", None),
    ],
)
def test_the_place_of_a_peoples_committee(name: str, place: str | None) -> None:
    assert committee_place(name) == place


@pytest.mark.parametrize(
    ("name", "full"),
    [
        ("UBND xã Phúc Khoa", "Ủy ban nhân dân xã Phúc Khoa"),
        ("Uỷ ban nhân dân huyện Tân Uyên", "Ủy ban nhân dân huyện Tân Uyên"),
        ("Công an huyện", "Công an huyện"),
    ],
)
def test_ubnd_in_full(name: str, full: str) -> None:
    assert full_name(name) == full


def test_the_config_place_only_without_a_peoples_committee(landslide: Run, workspace: Path) -> None:
    added = landslide("unit add ban-chi-huy 'Ban Chỉ huy phòng chống thiên tai' --kind agency")
    assert added.exit_code == 0, added
    assert landslide("incident open 'Mưa lớn' -u ban-chi-huy --occurred 13:00").exit_code == 0
    sid = landslide("statement draft 2026-0002 --lang vi --json").json()["id"]
    export = f"statement export {sid} --format json"
    assert landslide(export).json()["dateline"] == "Tân Uyên, ngày 29 tháng 11 năm 2026"
    config = workspace / "config.toml"
    config.write_text(
        config.read_text(encoding="utf-8").replace('place = "Tân Uyên"\n', ""), encoding="utf-8"
    )
    no_place = landslide(export).json()["dateline"]
    assert no_place == "Ban Chỉ huy phòng chống thiên tai, ngày 29 tháng 11 năm 2026"
    commune = landslide(f"statement export {draft(landslide, '--lang', 'vi')} --format json")
    assert commune.json()["dateline"] == "Phúc Khoa, ngày 29 tháng 11 năm 2026"


def test_only_a_standalone_heading_is_taken_out() -> None:
    body = "THÔNG CÁO BÁO CHÍ\nCập nhật thông tin\n\nNội dung.\n"
    assert split_heading(body, "THÔNG CÁO BÁO CHÍ") == ("Cập nhật thông tin", ("Nội dung.",))
    glued = "THÔNG CÁO BÁO CHÍ\nDòng một.\nDòng hai.\n"
    assert split_heading(glued, "THÔNG CÁO BÁO CHÍ") == (None, ("Dòng một.", "Dòng hai."))
    assert split_heading("Tin: nội dung.\n", "THÔNG CÁO BÁO CHÍ") == (None, ("Tin: nội dung.",))


# -- --all: the issued statement and a referral letter per involved unit ------------------------


def test_all_writes_the_statement_and_the_referral_letters(landslide: Run, tmp_path: Path) -> None:
    assert landslide("incident edit 2026-0001 --involves cong-an --involves ho-mit").exit_code == 0
    issue(landslide, draft(landslide, "--lang", "vi"))
    folder = tmp_path / "ban-tin" / "2026-0001"
    result = landslide(f"statement export 2026-0001 --all --to {folder}")
    assert result.exit_code == 0, result
    names = ["2026-0001-thong-cao-1", "2026-0001-gioi-thieu-cong-an", "2026-0001-gioi-thieu-ho-mit"]
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{n}.docx" for n in names)
    assert result.stdout.splitlines() == [f"Written: {folder / n}.docx" for n in names]
    letter = docx.Document(str(folder / "2026-0001-gioi-thieu-cong-an.docx"))
    lines = text_of(letter).splitlines()
    for expected in (
        "Số: …/UBND",
        "V/v đầu mối cung cấp thông tin về vụ việc “Sạt lở đất tại bản Phiêng Lồm”",
        "Kính gửi: Công an huyện",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "- Như trên;",
        "Lù Thị Mai",
    ):
        assert expected in lines
    assert "THÔNG TIN ĐẦU MỐI PHÁT NGÔN" not in lines  # the letter has its own heading
    assert "THÔNG CÁO BÁO CHÍ" not in lines
    assert any(line.startswith("Đơn vị chủ trì cung cấp thông tin") for line in lines)
    assert_times_everywhere(letter)


def test_all_takes_the_latest_issued_statement_in_its_language(
    landslide: Run, tmp_path: Path
) -> None:
    issue(landslide, draft(landslide, "--lang", "vi"))
    issue(landslide, draft(landslide, "--lang", "en", "--kind", "update"))
    result = landslide(f"statement export 2026-0001 --all --to {tmp_path} --format txt")
    assert result.exit_code == 0, result
    statement = (tmp_path / "2026-0001-thong-cao-2.txt").read_text(encoding="utf-8")
    assert "PRESS RELEASE" in statement
    letter = (tmp_path / "2026-0001-gioi-thieu-cong-an.txt").read_text(encoding="utf-8")
    assert "To: Công an huyện" in letter
    assert not (tmp_path / "2026-0001-thong-cao-1.txt").exists()


# -- refusals --------------------------------------------------------------------------------


def test_an_unknown_statement_is_refused(landslide: Run, refused: Any, tmp_path: Path) -> None:
    refused(f"statement export 99 -o {tmp_path / 'a.docx'}", expected="unknown statement '99'")
    refused("statement export abc --format txt", expected="'abc' is not a statement number")
    assert list(tmp_path.glob("*.docx")) == []


def test_an_unknown_format_is_refused_in_one_line(landslide: Run, refused: Any) -> None:
    refused("statement export 1 --format pdf", expected="Error: unknown format 'pdf'")
    refused("spokesperson list --format xlsx", expected="Error: unknown format 'xlsx'")


def test_a_docx_is_not_written_to_a_terminal(
    landslide: Run, refused: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = draft(landslide)
    monkeypatch.setattr("spokes.cli.output.stdout_is_terminal", lambda: True)
    result = refused(f"statement export {sid}", expected="cannot be shown on a terminal")
    assert result.stdout == ""
    refused("--lang vi spokesperson list --format docx", expected="không thể hiển thị tệp docx")


def test_a_missing_folder_is_refused(landslide: Run, refused: Any, tmp_path: Path) -> None:
    sid = draft(landslide)
    target = tmp_path / "missing" / "a.docx"
    refused(f"statement export {sid} -o {target}", expected="does not exist")
    refused(f"statement export {sid} -o {tmp_path}", expected="it is a folder")
    refused(f"spokesperson list -o {target.with_suffix('.csv')}", expected="does not exist")
    assert not (tmp_path / "missing").exists()


def test_all_needs_a_folder_and_nothing_else(landslide: Run, refused: Any, tmp_path: Path) -> None:
    refused("statement export 2026-0001 --all", expected="--to DIR", code=2)
    refused(f"statement export 2026-0001 --all --to {tmp_path} -o a.docx", expected="--to", code=2)
    refused(f"statement export 1 --to {tmp_path}", expected="-o FILE", code=2)
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    issue(landslide, draft(landslide))
    refused(f"statement export 2026-0001 --all --to {tmp_path / 'a-file'}", expected="not a folder")


def test_all_without_an_issued_statement_writes_nothing(
    landslide: Run, refused: Any, tmp_path: Path
) -> None:
    draft(landslide)  # a draft is not published
    folder = tmp_path / "out"
    refused(
        f"statement export 2026-0001 --all --to {folder}",
        expected="2026-0001 has no issued statement yet",
    )
    assert not folder.exists()


def test_all_for_an_unknown_incident_is_refused(
    landslide: Run, refused: Any, tmp_path: Path
) -> None:
    refused(
        f"statement export 2026-0099 --all --to {tmp_path / 'out'}", expected="unknown incident"
    )
    assert not (tmp_path / "out").exists()


# -- the published directory -------------------------------------------------------------------


def test_directory_markdown(landslide: Run) -> None:
    result = landslide("--lang vi spokesperson list --format md")
    assert result.exit_code == 0, result
    lines = result.stdout.splitlines()
    assert lines[0] == "## DANH SÁCH NGƯỜI PHÁT NGÔN"
    assert "*Tính đến ngày 29/11/2026*" in lines
    header = (
        "| STT | Cơ quan, đơn vị | Họ và tên | Chức vụ | Số điện thoại | Thư điện tử công vụ"
        " | Từ ngày |"
    )
    assert header in lines
    row = "| 1 | UBND xã Phúc Khoa | Lù Thị Mai | Chủ tịch UBND xã | 0912 000 108"
    assert row + " | ltmai@phuckhoa.example.vn | 01/11/2026 |" in lines
    # Units without a spokesperson are left out, and named.
    assert "Công an huyện" not in result.stdout
    assert "chưa có người phát ngôn: tan-uyen, cong-an, ho-mit" in result.stderr


def test_directory_csv_is_safe_in_a_spreadsheet(landslide: Run, tmp_path: Path) -> None:
    assigned = landslide(
        "spokesperson assign ho-mit --name '=HYPERLINK(\"http://x\")' --title 'Chủ tịch'"
        " --phone '0912 000 109' --email a@homit.example.vn --from '01/11/2026 08:00'"
    )
    assert assigned.exit_code == 0, assigned
    target = tmp_path / "danh-sach.csv"
    result = landslide(f"spokesperson list -o {target}")
    assert result.exit_code == 0, result
    text = target.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "Unit,Full name,Position,Phone,Official e-mail,Since"
    assert "UBND xã Phúc Khoa,Lù Thị Mai,Chủ tịch UBND xã,0912 000 108" in text
    assert "1 November 2026" in text
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text


def test_directory_html(landslide: Run) -> None:
    page = landslide("spokesperson list --format html").stdout
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert "<th>Official e-mail</th>" in page
    assert "<td>Lù Thị Mai</td>" in page


def test_directory_docx(landslide: Run, tmp_path: Path) -> None:
    target = tmp_path / "danh-sach.docx"
    assert landslide(f"--lang vi spokesperson list --format docx -o {target}").exit_code == 0
    word = docx.Document(str(target))
    section = word.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    lines = text_of(word).splitlines()
    assert "DANH SÁCH NGƯỜI PHÁT NGÔN" in lines
    table = word.tables[0]
    assert [cell.text for cell in table.rows[0].cells][:3] == [
        "STT",
        "Cơ quan, đơn vị",
        "Họ và tên",
    ]
    assert [cell.text for cell in table.rows[1].cells][2] == "Lù Thị Mai"
    assert_times_everywhere(word)


def test_directory_options_that_do_not_go_together(landslide: Run, refused: Any) -> None:
    refused("spokesperson list --format md --json", expected="--format and --json", code=2)
    refused("spokesperson list -o danh-sach.txt", expected="is none of md, csv, html, docx")


def test_directory_table_and_json_are_unchanged(landslide: Run) -> None:
    """Without --format, the directory is the table of every unit and its publication state."""
    table = landslide("spokesperson list").stdout.splitlines()
    assert table[0].split() == ["Unit", "Name", "Position", "Phone", "E-mail", "Since", "Status"]
    assert any(line.startswith("cong-an") for line in table)  # units without one are kept
    data = landslide("spokesperson list --json").json()
    assert [entry["unit"] for entry in data] == ["tan-uyen", "cong-an", "ho-mit", "phuc-khoa"]
    assert data[3]["spokesperson"]["publication"] == "overdue"


# -- the README ----------------------------------------------------------------------------


def test_the_readme_samples_are_what_export_prints(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The README's session, run in a folder of its own (the examples write files there)."""
    from tests.test_docs import ROOT, code_blocks, examples, subsection

    (tmp_path / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where `spokes demo` builds
    for line, args, expected in examples():
        result = run(*args)
        if "statement export" in line or "spokesperson list" in line:
            assert result.exit_code == expected, (line, result)
    samples = code_blocks(subsection("`spokes statement export`"), "text")
    printed = run("statement export 1 --format txt").stdout
    assert printed.rstrip("\n") == samples[0].rstrip("\n")
    listed = [line.removeprefix("Written: ") for line in samples[1].splitlines()]
    assert sorted(str(path.relative_to(tmp_path)) for path in (tmp_path / "ban-tin").iterdir()) == (
        sorted(listed)
    )
    assert (tmp_path / "thong-cao-1.docx").read_bytes().startswith(b"PK")
    assert (tmp_path / "nguoi-phat-ngon.docx").read_bytes().startswith(b"PK")


# -- start-up -------------------------------------------------------------------------------


def test_the_cli_starts_without_python_docx() -> None:
    code = "import sys, spokes.cli.app; print(sorted({'docx', 'lxml'} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.replace("'", '"')) == []
