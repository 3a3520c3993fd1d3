"""Markdown and html shared by every view that writes them: the reports, the documents and
the published directory. User text (titles, names, figures typed by hand) goes through these
escapes, so that it shows as written and never opens a tag, a link or an emphasis.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

_MD_INLINE = re.compile(r"([\\`*_\[\]<>|])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+\-]|\d+[.)])")


def md_escape(text: str) -> str:
    """User text that Markdown shows as written: no emphasis, links, code, tables, lists or
    headings."""
    escaped = _MD_INLINE.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), escaped)


def _escape_marker(marker: str) -> str:
    return marker[:-1] + "\\" + marker[-1] if marker[-1] in ".)" else "\\" + marker


def md_cell(text: str) -> str:
    """A table cell (or a heading): one line, escaped."""
    return md_escape(" ".join(text.split()))


def md_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A pipe table, every cell escaped: its lines."""

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(md_cell(cell) for cell in cells) + " |"

    return [line(headers), "|" + "|".join(" --- " for _ in headers) + "|", *map(line, rows)]


def e(value: object) -> str:
    """Escaped for html text and attribute values: ``<b>&"x"`` cannot open a tag."""
    return escape(str(value), quote=True)


def html_page(lang: str, title: str, css: str, body: str) -> str:
    """One self-contained page: its styles inline, nothing fetched (no script, font, image or
    link), so it opens the same offline, in a mail or on an office machine without network.
    ``body`` is html already."""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{e(lang)}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{e(title)}</title>",
            f"<style>\n{css.strip()}\n</style>",
            "</head>",
            "<body>",
            body,
            "</body>",
            "</html>\n",
        ]
    )
