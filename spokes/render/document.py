"""A document's parts as plain text, Markdown, a self-contained HTML page or JSON, and the
published spokesperson directory as Markdown, CSV or HTML.

Every format keeps the same parts in the same order as the docx (``spokes.render.docx``):
draft mark, issuing body and number, national heading, place and date, type name, summary,
addressee, content, signer, recipients. User text is escaped for the format it goes into.
"""

from __future__ import annotations

from typing import Any

from spokes.core.documents import Directory, Document, heading_lines
from spokes.render.csvout import to_csv
from spokes.render.markup import e, html_page, md_escape, md_table

TEXT_FORMATS = ("html", "md", "txt", "json")


def render_text(document: Document, fmt: str) -> str:
    """``fmt`` is one of :data:`TEXT_FORMATS`."""
    renderers = {"html": to_html, "md": to_markdown, "txt": to_text, "json": to_json}
    return renderers[fmt](document)


# -- json ----------------------------------------------------------------------------------


def document_json(document: Document) -> dict[str, Any]:
    return {
        "form": document.form,
        "lang": document.lang,
        "incident": document.incident_id,
        "statement": document.statement_id,
        "addressee_unit": document.addressee_code,
        "draft": document.draft_mark is not None,
        "draft_mark": document.draft_mark,
        "issuer": {
            "parent": document.issuer.parent,
            "name": document.issuer.name,
            "code": document.issuer.code,
        },
        "number": document.number,
        "nation": document.nation,
        "motto": document.motto,
        "date": document.day.isoformat(),
        "dateline": document.dateline,
        "type": document.type_name,
        "summary": document.summary,
        "addressee": document.addressee,
        "content": list(document.content),
        "signer": {"position": document.signer.position, "name": document.signer.name},
        "recipients_label": document.recipients_label,
        "recipients": list(document.recipients),
    }


def to_json(document: Document) -> str:
    import json

    return json.dumps(document_json(document), ensure_ascii=False, indent=2) + "\n"


# -- plain text ----------------------------------------------------------------------------


def _paragraphs(lines: tuple[str, ...]) -> list[list[str]]:
    """Runs of non-blank lines: the content's paragraphs."""
    found: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            found[-1].append(line)
        elif found[-1]:
            found.append([])
    return [block for block in found if block]


def _blocks(document: Document) -> list[list[str]]:
    """The document as blocks of lines, in reading order: what txt prints and md marks up."""
    content: list[list[str | None]] = [[*block] for block in _paragraphs(document.content)]
    blocks: list[list[str | None]] = [
        [document.draft_mark],
        [document.issuer.parent, document.issuer.name, document.number],
        [document.nation, document.motto],
        [document.dateline],
        [document.type_name, document.summary],
        [document.addressee],
        *content,
        [document.signer.position, document.signer.name],
        [document.recipients_label, *document.recipients],
    ]
    return [kept for kept in ([line for line in block if line] for block in blocks) if kept]


def to_text(document: Document) -> str:
    return "\n\n".join("\n".join(block) for block in _blocks(document)) + "\n"


# -- markdown ------------------------------------------------------------------------------


def _md_lines(lines: list[str], style: str = "") -> str:
    """Lines of one block joined by hard line breaks (a trailing backslash, CommonMark)."""
    shown = [f"{style}{md_escape(line.strip())}{style}" for line in lines]
    return " \\\n".join(shown)


def to_markdown(document: Document) -> str:
    parts: list[str] = []
    if document.draft_mark:
        parts.append(f"**{md_escape(document.draft_mark)}**")
    parts.append(_md_issuer(document))
    if document.nation and document.motto:
        parts.append(_md_lines([document.nation, document.motto], "**"))
    parts.append(_md_lines([document.dateline], "*"))
    if document.type_name:
        parts.append(f"## {md_escape(document.type_name)}")
    parts.append(_md_lines([document.summary], "**" if document.type_name else ""))
    if document.addressee:
        parts.append(_md_lines([document.addressee]))
    parts += [_md_lines(block) for block in _paragraphs(document.content)]
    parts.append(_md_lines([document.signer.position, document.signer.name], "**"))
    if document.recipients_label:
        label = f"***{md_escape(document.recipients_label)}***"
        parts.append(" \\\n".join([label, *(md_escape(r) for r in document.recipients)]))
    return "\n\n".join(parts) + "\n"


def _md_issuer(document: Document) -> str:
    issuer = document.issuer
    lines = [md_escape(issuer.parent)] if issuer.parent else []
    lines.append(f"**{md_escape(issuer.name)}**")
    if document.number:
        lines.append(md_escape(document.number))
    return " \\\n".join(lines)


# -- html ----------------------------------------------------------------------------------

_CSS = """
body { background: #f4f4f4; margin: 0; }
.page { background: #fff; color: #000; width: 165mm; margin: 1em auto; padding: 20mm 15mm 20mm 30mm;
  font-family: "Times New Roman", "Liberation Serif", Times, serif; font-size: 14pt; }
table.heading, table.closing { width: 100%; border-collapse: collapse; }
table.heading td, table.closing td { vertical-align: top; text-align: center; padding: 0; }
td.issuer { width: 38%; font-size: 13pt; } td.nation { width: 62%; }
.bold { font-weight: bold; } .nation { font-size: 12pt; font-weight: bold; }
.motto { font-size: 13pt; font-weight: bold; display: inline-block;
  border-bottom: 1px solid #000; padding-bottom: 2px; }
.short-rule { width: 35%; margin: 3px auto 0; border: 0; border-top: 1px solid #000; }
.number { font-size: 13pt; padding-top: 6pt !important; }
.vv { font-size: 12pt; }
.dateline { font-style: italic; font-size: 13pt; padding-top: 6pt !important; }
.draft { text-align: right; font-weight: bold; font-size: 13pt; }
h1 { font-size: 14pt; text-align: center; margin: 18pt 0 0; }
.summary { text-align: center; font-weight: bold; margin: 0 0 12pt; }
.to { text-align: center; margin: 12pt 0; }
.content p { text-align: justify; text-indent: 1cm; margin: 0 0 6pt; }
.content p.item { text-indent: 0; padding-left: 2cm; }
td.recipients { text-align: left !important; font-size: 11pt; width: 45%;
  padding-top: 12pt !important; }
td.recipients .label { font-size: 12pt; font-weight: bold; font-style: italic; }
td.signer { padding-top: 12pt !important; } .signer .name { margin-top: 60pt; font-weight: bold; }
.page.directory { width: 252mm; }
.as-of { text-align: center; font-style: italic; }
table.directory { border-collapse: collapse; width: 100%; font-size: 12pt; }
table.directory th, table.directory td { border: 1px solid #000; padding: 4px; }
.en .issuer-en { font-weight: bold; } .en h1 { margin-top: 12pt; }
""".strip()


def _content_html(lines: tuple[str, ...]) -> str:
    paragraphs = []
    for block in _paragraphs(lines):
        for line in block:
            css = ' class="item"' if line.startswith((" ", "\t")) else ""
            paragraphs.append(f"<p{css}>{e(line.strip())}</p>")
    return '<div class="content">' + "\n".join(paragraphs) + "</div>"


def _lines(name: str) -> str:
    """A body's name as the heading sets it (see :func:`heading_lines`)."""
    return "<br>".join(e(line) for line in heading_lines(name))


def _heading_html(document: Document) -> str:
    issuer = document.issuer
    parent = f"<div>{_lines(issuer.parent)}</div>" if issuer.parent else ""
    left = f'{parent}<div class="bold">{_lines(issuer.name)}</div><hr class="short-rule">'
    right = (
        f'<div class="nation">{e(document.nation or "")}</div>'
        f'<span class="motto">{e(document.motto or "")}</span>'
    )
    summary = document.summary if document.form == "letter" else ""
    number = e(document.number or "") + (f'<div class="vv">{e(summary)}</div>' if summary else "")
    return (
        '<table class="heading">'
        f'<tr><td class="issuer">{left}</td><td class="nation">{right}</td></tr>'
        f'<tr><td class="number">{number}</td>'
        f'<td class="dateline">{e(document.dateline)}</td></tr></table>'
    )


def _closing_html(document: Document) -> str:
    recipients = ""
    if document.recipients_label:
        items = "".join(f"<div>{e(item)}</div>" for item in document.recipients)
        label = f'<div class="label">{e(document.recipients_label)}</div>'
        recipients = label + items
    signer = (
        f'<div class="bold">{e(document.signer.position)}</div>'
        f'<div class="name">{e(document.signer.name)}</div>'
    )
    return (
        f'<table class="closing"><tr><td class="recipients">{recipients}</td>'
        f'<td class="signer">{signer}</td></tr></table>'
    )


def _body_html(document: Document) -> str:
    parts = [f'<p class="draft">{e(document.draft_mark)}</p>'] if document.draft_mark else []
    if document.nation:
        parts.append(_heading_html(document))
    else:  # the plain English layout
        parts.append(f'<p class="issuer-en">{e(document.issuer.name)}</p>')
        parts.append(f"<p>{e(document.dateline)}</p>")
    if document.type_name:
        parts.append(f"<h1>{e(document.type_name)}</h1>")
    if document.type_name or not document.nation:
        parts.append(f'<p class="summary">{e(document.summary)}</p>')
    if document.addressee:
        parts.append(f'<p class="to">{e(document.addressee)}</p>')
    parts.append(_content_html(document.content))
    parts.append(_closing_html(document))
    return "\n".join(parts)


def _page(lang: str, title: str, body: str, css_class: str = "") -> str:
    article = f'<article class="page {css_class}">\n{body}\n</article>'
    return html_page(lang, title, _CSS, article)


def to_html(document: Document) -> str:
    title = f"{document.type_name or document.summary} · {document.incident_id}"
    css_class = "" if document.nation else "en"
    return _page(document.lang, title, _body_html(document), css_class)


# -- the published directory ---------------------------------------------------------------


def directory_csv(listing: Directory) -> str:
    return to_csv(listing.header, listing.rows)


def directory_markdown(listing: Directory) -> str:
    lines = [f"## {md_escape(listing.title)}", "", f"*{md_escape(listing.as_of)}*", ""]
    rows = [(str(index), *cells) for index, cells in enumerate(listing.rows, start=1)]
    lines += md_table((listing.number_label, *listing.header), rows)
    return "\n".join(lines) + "\n"


def directory_html(listing: Directory) -> str:
    number = listing.number_label
    head = "".join(f"<th>{e(cell)}</th>" for cell in (number, *listing.header))
    body = "".join(
        "<tr>" + "".join(f"<td>{e(cell)}</td>" for cell in (str(index), *cells)) + "</tr>"
        for index, cells in enumerate(listing.rows, start=1)
    )
    table = f'<table class="directory"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    parts = [
        f"<h1>{e(listing.title)}</h1>",
        f'<p class="as-of">{e(listing.as_of)}</p>',
        table,
    ]
    return _page(listing.lang, listing.title, "\n".join(parts), "directory")
