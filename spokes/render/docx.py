"""Documents as Word files, laid out as Decree 30/2020/NĐ-CP (Appendix I) asks.

A4, margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman in every run and
every style, in all four font slots (ascii, hAnsi, eastAsia, cs), with the template's theme
fonts removed, so that no letter falls back to Calibri; and no other font named anywhere in
the package (the template's second style sheet dropped, its font table and theme rewritten);
black text; page numbers centred in the top margin from page 2 on. python-docx is imported
inside the functions that use it: it costs more to import than most commands take to run.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from spokes.core.documents import Directory, Document, heading_lines

if TYPE_CHECKING:
    from docx.document import Document as WordFile
    from docx.section import Section
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

    from spokes.core.annual_document import AnnualDocument

FONT = "Times New Roman"
# Top, bottom, left, right; Decree 30 allows 20–25, 20–25, 30–35 and 15–20 mm.
MARGINS_MM = (20, 20, 30, 15)
TEXT_MM = 210 - 30 - 15
ISSUER_MM, NATION_MM = 64, TEXT_MM - 64  # the national heading needs ~100 mm at size 12
RECIPIENTS_MM, SIGNER_MM = 80, TEXT_MM - 80
CELL_PADDING_MM = 1.9  # Word's default left and right cell margin (108 twips)
INDENT_MM = 10  # first-line indent of the content: Decree 30 asks 1–1.27 cm
_THEME_SLOTS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
# Word 2010's copy of the style sheet, which python-docx's template carries and never updates:
# a reader that prefers it would find the theme fonts (Calibri, Cambria) and Courier in it.
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
# What may follow <w:pBdr> in a <w:pPr> (ECMA-376 order): a border goes before the first of them.
_AFTER_BORDERS = (
    *("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct"),
    *("w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd"),
    *("w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents"),
    *("w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap"),
    *("w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"),
)
Container = Any  # a python-docx Document or table cell: both add paragraphs and tables


def document_docx(document: Document) -> bytes:
    """A press release or referral letter: Vietnamese in the Decree 30 layout, English plain."""
    from docx import Document as new_word_file

    word = new_word_file()
    _setup(word, document.lang, landscape=False)
    word.core_properties.title = document.summary
    word.core_properties.author = document.issuer.name
    if document.draft_mark:
        _paragraph(word, document.draft_mark, 13, bold=True, align="right", after=6)
    if document.nation:
        _official(word, document)
    else:
        _plain(word, document)
    return _saved(word)


def directory_docx(listing: Directory) -> bytes:
    """The spokesperson directory as a landscape A4 table, to publish on the e-portal."""
    from docx import Document as new_word_file

    word = new_word_file()
    _setup(word, listing.lang, landscape=True)
    word.core_properties.title = listing.title
    _paragraph(word, listing.title, 14, bold=True)
    _paragraph(word, listing.as_of, 13, italic=True, after=12)
    widths = (12, 46, 38, 44, 30, 56, 26)  # 252 mm: the landscape text width
    table = _table(word, widths, rows=len(listing.rows) + 1, grid=True)
    _repeat_header(table)
    grid = _cells_of(table)
    header = (listing.number_label, *listing.header)
    for column, text in enumerate(header):
        _cell(grid[0][column], [(text, 12, True)])
    for index, cells in enumerate(listing.rows, start=1):
        for column, text in enumerate((str(index), *cells)):
            _cell(grid[index][column], [(text, 12, False)], align=_align(column))
    return _saved(word)


def annual_docx(report: AnnualDocument) -> bytes:
    """The annual report on speaking to the press, as the decree's form: the Decree 30
    heading, the title and period, section I's six items (and a table per unit), section II,
    recipients and signer. English plain, as the English press release is."""
    from docx import Document as new_word_file

    document = report.document
    word = new_word_file()
    _setup(word, document.lang, landscape=False)
    title = f"{document.type_name} {document.summary}"
    word.core_properties.title = title
    word.core_properties.author = document.issuer.name
    if document.nation:
        _heading(word, document)
    else:
        _paragraph(word, document.issuer.name, 14, bold=True, align="left")
        _paragraph(word, document.dateline, 13, align="left", after=12)
    _paragraph(word, title, 14, bold=True, before=18)
    _paragraph(word, report.period, 14, italic=True)
    _rule(word, min(_width_mm(title, 14, True), TEXT_MM) / 3, TEXT_MM, after=12)
    _report_lines(word, document.content)
    if report.grid_title:
        _paragraph(word, report.grid_title, 14, bold=True, align="left", before=6, after=6)
        _report_grid(word, report)
    _report_lines(word, report.section_two)
    _closing(word, document)
    return _saved(word)


def _report_lines(word: WordFile, lines: tuple[str, ...]) -> None:
    """A section: its heading ("I. ...", the first line) bold on its own; the numbered points
    and the text under them justified, opening with the first-line indent. Whatever the
    user's notes say, only the first line is a heading."""
    from docx.shared import Mm

    heading, *rest = lines
    _paragraph(word, heading, 14, bold=True, align="left", before=12, after=6)
    for line in rest:
        paragraph = _paragraph(word, line, 14, align="justify", after=6)
        paragraph.paragraph_format.first_line_indent = Mm(INDENT_MM)


def _report_grid(word: WordFile, report: AnnualDocument) -> None:
    widths = (13, 50, 17, 17, 17, 17, 17, 17)  # 165 mm: the portrait text width
    table = _table(word, widths, rows=len(report.grid_rows) + 1, grid=True)
    _repeat_header(table)
    grid = _cells_of(table)
    for column, text in enumerate(report.grid_header):
        _cell(grid[0][column], [(text, 12, True)])
    last = len(report.grid_rows)
    for index, cells in enumerate(report.grid_rows, start=1):
        for column, text in enumerate(cells):
            align = "left" if column == 1 else "center"
            _cell(grid[index][column], [(text, 12, index == last)], align=align)


def _cells_of(table: Table) -> list[tuple[_Cell, ...]]:
    """Every cell, row by row, read once: python-docx's ``table.cell(r, c)`` walks the whole
    table on each call, which made a 50-unit table take seconds."""
    return [row.cells for row in table.rows]


def _align(column: int) -> str:
    return "center" if column in (0, 4, 6) else "left"


# -- the two layouts -----------------------------------------------------------------------


def _official(word: WordFile, document: Document) -> None:
    """Decree 30: issuing body | national heading; number | place and date; type name and
    summary (for a letter, "V/v" under the number and "Kính gửi"); content; recipients |
    signer."""
    _heading(word, document)
    if document.type_name:
        _paragraph(word, document.type_name, 14, bold=True, before=18)
        _paragraph(word, document.summary, 14, bold=True)
        summary_mm = min(_width_mm(document.summary, 14, True), TEXT_MM)  # it may wrap
        _rule(word, summary_mm / 3, TEXT_MM, after=12)
    if document.addressee:
        _paragraph(word, document.addressee, 14, before=18, after=12)
    _content(word, document.content, 14)
    _closing(word, document)


def _heading(word: WordFile, document: Document) -> None:
    table = _table(word, (ISSUER_MM, NATION_MM), rows=2)
    issuer = document.issuer
    parent = heading_lines(issuer.parent) if issuer.parent else ()
    names = heading_lines(issuer.name)
    lines = [(line, 13, False) for line in parent] + [(line, 13, True) for line in names]
    left = _cell(table.cell(0, 0), lines)
    # Decree 30: under the issuing body, a rule 1/3 to 1/2 as long as its name.
    widest = max(_width_mm(line, 13, True) for line in names)
    name_mm = min(widest, ISSUER_MM - 2 * CELL_PADDING_MM)
    _rule(left, name_mm * 0.4, ISSUER_MM)
    right = _cell(
        table.cell(0, 1), [(document.nation or "", 12, True), (document.motto or "", 13, True)]
    )
    # Under the motto, a rule as long as the motto itself.
    _rule(right, _width_mm(document.motto or "", 13, True), NATION_MM)
    number = [(document.number or "", 13, False)]
    if document.form == "letter":  # a công văn says what it is about under its number
        number.append((document.summary, 12, False))
    _cell(table.cell(1, 0), number, before=6)
    _cell(table.cell(1, 1), [(document.dateline, 13, False)], before=6, italic=True)


def _closing(word: WordFile, document: Document) -> None:
    table = _table(word, (RECIPIENTS_MM, SIGNER_MM), rows=1)
    _keep_together(table)
    recipients = table.cell(0, 0)
    if document.recipients_label:
        label = document.recipients_label
        _paragraph(recipients, label, 12, bold=True, italic=True, align="left", before=12)
        for line in document.recipients:
            _paragraph(recipients, line, 11, align="left")
    signer = table.cell(0, 1)
    _paragraph(signer, document.signer.position, 14, bold=True, before=12, after=72)  # to sign
    _paragraph(signer, document.signer.name, 14, bold=True)
    _drop_first_empty(recipients)
    _drop_first_empty(signer)


def _plain(word: WordFile, document: Document) -> None:
    """The English press release: organisation, date, type, title, body, signer."""
    _paragraph(word, document.issuer.name, 14, bold=True, align="left")
    _paragraph(word, document.dateline, 13, align="left", after=12)
    if document.type_name:
        _paragraph(word, document.type_name, 16, bold=True, before=12)
    _paragraph(word, document.summary, 14, bold=True, after=12)
    if document.addressee:
        _paragraph(word, document.addressee, 13, align="left", after=12)
    _content(word, document.content, 13)
    _paragraph(word, document.signer.name, 13, bold=True, align="left", before=24)
    _paragraph(word, document.signer.position, 13, align="left")


def _content(word: WordFile, lines: tuple[str, ...], size: int) -> None:
    """Each line a justified paragraph; indented lines (the items under a numbered point) are
    indented, the others open with the first-line indent."""
    from docx.shared import Mm

    for line in lines:
        if not line.strip():
            continue
        paragraph = _paragraph(word, line.strip(), size, align="justify", after=6)
        depth = (len(line) - len(line.lstrip())) // 3  # the templates indent by 3 spaces
        if depth:
            paragraph.paragraph_format.left_indent = Mm(INDENT_MM * (depth + 1))
        else:
            paragraph.paragraph_format.first_line_indent = Mm(INDENT_MM)


# -- page, fonts, page numbers -------------------------------------------------------------


def _setup(word: WordFile, lang: str, landscape: bool) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    section = word.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = (
        (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    )
    top, bottom, left, right = MARGINS_MM
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.header_distance = Mm(10)  # the page number sits in the top margin
    _fonts(word, lang)
    _package_fonts(word)
    _page_numbers(section)


def _fonts(word: WordFile, lang: str) -> None:
    """Times New Roman in the defaults and in every style that names a font; theme fonts
    (Calibri, Cambria in the template) removed, since they would win over a named font."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    styles = word.styles.element
    for fonts in styles.iter(qn("w:rFonts")):
        _times(fonts)
    for lang_tag in styles.iter(qn("w:lang")):
        lang_tag.set(qn("w:val"), "vi-VN" if lang == "vi" else "en-GB")
    normal = word.styles["Normal"]
    _times(normal.element.get_or_add_rPr().get_or_add_rFonts())
    normal.font.size = Pt(14)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0


def _package_fonts(word: WordFile) -> None:
    """Times New Roman the only font the package names: the second style sheet dropped, the
    font table and the theme's fonts rewritten, the math font (no formula is ever written)
    left to the reader's default."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.part import Part
    from docx.oxml.ns import qn

    part = word.part
    rewrites = {RT.FONT_TABLE: _font_table, RT.THEME: _theme_fonts}
    for rel_id, rel in list(part.rels.items()):
        if rel.is_external or rel.reltype not in (_STYLES_WITH_EFFECTS, *rewrites):
            continue
        old = rel.target_part
        part.drop_rel(rel_id)  # nothing in the document refers to these relationships by id
        if rel.reltype in rewrites:
            blob = rewrites[rel.reltype](old.blob)
            part.relate_to(Part(old.partname, old.content_type, blob, old.package), rel.reltype)
    for math_font in word.settings.element.iter(qn("m:mathFont")):
        math_font.getparent().remove(math_font)


def _font_table(blob: bytes) -> bytes:
    """The font table with Times New Roman only."""
    from docx.opc.oxml import serialize_part_xml
    from docx.oxml.ns import qn
    from docx.oxml.parser import parse_xml

    root = parse_xml(blob)
    for font in list(root.iter(qn("w:font"))):
        if font.get(qn("w:name")) != FONT:
            root.remove(font)
    return serialize_part_xml(root)


def _theme_fonts(blob: bytes) -> bytes:
    """The theme's heading and body fonts (Calibri, Cambria) made Times New Roman."""
    from docx.opc.oxml import serialize_part_xml
    from docx.oxml.ns import qn
    from docx.oxml.parser import parse_xml

    root = parse_xml(blob)
    for slot in ("a:majorFont", "a:minorFont"):
        for scheme in root.iter(qn(slot)):
            latin = scheme.find(qn("a:latin"))
            if latin is not None:
                latin.set("typeface", FONT)
    return serialize_part_xml(root)


def _times(fonts: Any) -> None:
    from docx.oxml.ns import qn

    for slot in _THEME_SLOTS:
        fonts.attrib.pop(qn(f"w:{slot}"), None)
    for slot in _FONT_SLOTS:
        fonts.set(qn(f"w:{slot}"), FONT)


def _page_numbers(section: Section) -> None:
    """Decree 30: page numbers centred in the top margin, none on the first page."""
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False  # an empty header of its own
    paragraph = section.header.paragraphs[0]
    _align_to(paragraph, "center")
    for kind, text in (
        ("begin", ""),
        ("instr", " PAGE "),
        ("separate", ""),
        ("", "2"),
        ("end", ""),
    ):
        _field_part(paragraph, kind, text)


def _field_part(paragraph: Paragraph, kind: str, text: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = _run(paragraph, "" if kind else text, 13)
    if kind == "instr":
        element = OxmlElement("w:instrText")
        element.set(qn("xml:space"), "preserve")
        element.text = text
        run._r.append(element)
    elif kind:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


# -- paragraphs, runs, rules, tables --------------------------------------------------------


def _run(
    paragraph: Paragraph, text: str, size: float, bold: bool = False, italic: bool = False
) -> Any:
    from docx.shared import Pt, RGBColor

    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    run.font.color.rgb = RGBColor(0, 0, 0)
    _times(run._r.get_or_add_rPr().get_or_add_rFonts())
    return run


def _align_to(paragraph: Paragraph, align: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    choices = {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }
    paragraph.paragraph_format.alignment = choices[align]


def _paragraph(
    container: Container,
    text: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    align: str = "center",
    before: float = 0,
    after: float = 0,
) -> Paragraph:
    from docx.shared import Pt

    paragraph: Paragraph = container.add_paragraph()
    _align_to(paragraph, align)
    paragraph.paragraph_format.space_before = Pt(before)
    paragraph.paragraph_format.space_after = Pt(after)
    if text:
        _run(paragraph, text, size, bold, italic)
    return paragraph


def _rule(container: Container, width_mm: float, column_mm: float, after: float = 0) -> None:
    """A solid rule ``width_mm`` long, centred in a column: the top border of an empty, 1-point
    paragraph indented from both sides (Word and LibreOffice draw it from indent to indent)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    paragraph = _paragraph(container, "", 1, before=3, after=after)  # a gap: not an underline
    side = max((column_mm - 2 * CELL_PADDING_MM - width_mm) / 2, 0)
    paragraph.paragraph_format.left_indent = Mm(side)
    paragraph.paragraph_format.right_indent = Mm(side)
    paragraph.paragraph_format.line_spacing = Pt(2)
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "0"), ("color", "000000")):
        top.set(qn(f"w:{key}"), value)
    borders.append(top)
    paragraph._p.get_or_add_pPr().insert_element_before(borders, *_AFTER_BORDERS)
    _mark_size(paragraph, 1)


def _mark_size(paragraph: Paragraph, size: float) -> None:
    """The paragraph mark's own font and size: an empty paragraph is as tall as its mark."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    mark = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    _times(fonts)
    mark.append(fonts)
    for tag in ("w:sz", "w:szCs"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), str(int(size * 2)))
        mark.append(element)
    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert_element_before(mark, "w:sectPr", "w:pPrChange")


def _table(
    container: Container, widths_mm: tuple[float, ...], rows: int, grid: bool = False
) -> Table:
    from docx.shared import Mm

    table: Table = container.add_table(rows=rows, cols=len(widths_mm))
    table.autofit = False
    if grid:
        table.style = container.styles["Table Grid"]
    else:
        _no_borders(table)
    for index, width in enumerate(widths_mm):
        table.columns[index].width = Mm(width)
        for cell in table.column_cells(index):
            cell.width = Mm(width)
    return table


def _no_borders(table: Table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _cell(
    cell: _Cell,
    lines: Sequence[tuple[str, float, bool]],
    *,
    align: str = "center",
    before: float = 0,
    italic: bool = False,
) -> _Cell:
    """Fills a cell with one paragraph per ``(text, size, bold)`` line."""
    for index, (text, size, bold) in enumerate(lines):
        _paragraph(
            cell,
            text,
            size,
            bold=bold,
            italic=italic,
            align=align,
            before=before if index == 0 else 0,
        )
    _drop_first_empty(cell)
    return cell


def _drop_first_empty(cell: _Cell) -> None:
    """A new cell holds one empty paragraph; the cell's own paragraphs follow it."""
    first = cell.paragraphs[0]
    if len(cell.paragraphs) > 1 and not first.runs:
        first._p.getparent().remove(first._p)


def _repeat_header(table: Table) -> None:
    from docx.oxml import OxmlElement

    row = table.rows[0]._tr.get_or_add_trPr()
    row.append(OxmlElement("w:tblHeader"))


def _keep_together(table: Table) -> None:
    """The signer block is never split across two pages."""
    from docx.oxml import OxmlElement

    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _saved(word: WordFile) -> bytes:
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


# Average advance widths of Times New Roman, in ems (Liberation Serif has the same metrics),
# for the rules that must be as long as a line of text. Letters with diacritics are as wide as
# their base letter.
_EM_BOLD = {"upper": 0.72, "lower": 0.50, "space": 0.25, "other": 0.45}
_EM_REGULAR = {"upper": 0.68, "lower": 0.46, "space": 0.25, "other": 0.42}


def _width_mm(text: str, size: float, bold: bool) -> float:
    widths = _EM_BOLD if bold else _EM_REGULAR
    ems = 0.0
    for char in text:
        if char.isspace():
            ems += widths["space"]
        elif char.isupper():
            ems += widths["upper"]
        elif char.islower():
            ems += widths["lower"]
        else:
            ems += widths["other"]
    return ems * size * 25.4 / 72
