"""A small, fast text table: width-aware for Vietnamese, colour only on a terminal.

``spokes status`` runs from cron and monitoring as often as by hand; this renderer costs a
fraction of what a full terminal toolkit does to import, and prints plain text to a pipe.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from dataclasses import dataclass
from typing import TextIO

STYLES = {
    "bold": "1",
    "dim": "2",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "magenta": "35",
    "cyan": "36",
    "bold red": "1;31",
}


@dataclass(frozen=True)
class Column:
    header: str
    align: str = "left"
    shrink: bool = False  # may be cut to fit the terminal (titles, names)
    drop: int = 0  # on a narrow terminal, left out when cutting is not enough: 1 goes first


def use_colour(stream: TextIO | None = None) -> bool:
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def paint(text: str, style: str | None, colour: bool) -> str:
    if not colour or not style:
        return text
    return f"\x1b[{STYLES[style]}m{text}\x1b[0m"


# Latin letters, with every precomposed Vietnamese letter: one column each, no lookup needed.
_NARROW = re.compile("[\u0020-\u007e\u00a0-\u02ff\u1e00-\u1eff\u2010-\u2027]*")


def width_of(text: str) -> int:
    """Columns the text takes on a terminal: combining marks take none, wide signs two."""
    if (text.isascii() and text.isprintable()) or _NARROW.fullmatch(text):
        return len(text)
    total = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        total += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return total


def cut(text: str, width: int) -> str:
    if width_of(text) <= width:
        return text
    kept, used = [], 0
    for char in text:
        step = width_of(char)
        if used + step > width - 1:
            break
        kept.append(char)
        used += step
    return "".join(kept) + "…"


def pad(text: str, width: int, align: str) -> str:
    gap = " " * max(0, width - width_of(text))
    return gap + text if align == "right" else text + gap


def render(
    columns: list[Column],
    rows: list[list[str]],
    styles: list[str | None] | None = None,
    colour: bool = False,
    max_width: int | None = None,
) -> str:
    """The table as text; ``max_width`` (the terminal's) shrinks the shrinkable columns, then
    leaves out the droppable ones, so that what matters most (time left, state) stays on
    screen rather than running off its right edge."""
    sizes = [[width_of(cell) for cell in row] for row in rows]  # measured once per cell
    widths = [width_of(column.header) for column in columns]
    for row_sizes in sizes:
        widths = [max(pair) for pair in zip(widths, row_sizes, strict=True)]
    if max_width:
        widths = _fit(columns, widths, max_width)
        kept = _kept(columns, widths, max_width)
        if len(kept) < len(columns):
            columns = [columns[i] for i in kept]
            widths = [widths[i] for i in kept]
            rows = [[row[i] for i in kept] for row in rows]
            sizes = [[size[i] for i in kept] for size in sizes]
    # A header is cut like a cell: one wider than its shrunk column would push every column
    # after it to the right of its rows.
    header = "  ".join(
        pad(cut(c.header, w), w, c.align) for c, w in zip(columns, widths, strict=True)
    )
    lines = [paint(header.rstrip(), "bold", colour), "  ".join("─" * w for w in widths)]
    right = [column.align == "right" for column in columns]
    for index, row in enumerate(rows):
        cells = []
        for cell, size, width, to_right in zip(row, sizes[index], widths, right, strict=True):
            if size > width:
                cell = cut(cell, width)
                size = width_of(cell)
            gap = " " * (width - size)
            cells.append(gap + cell if to_right else cell + gap)
        style = styles[index] if styles else None
        lines.append(paint("  ".join(cells).rstrip(), style, colour))
    return "\n".join(lines)


def _fit(columns: list[Column], widths: list[int], max_width: int) -> list[int]:
    excess = sum(widths) + 2 * (len(widths) - 1) - max_width
    for index, column in enumerate(columns):
        if excess <= 0:
            break
        if column.shrink:
            room = max(0, widths[index] - 12)
            taken = min(room, excess)
            widths[index] -= taken
            excess -= taken
    return widths


def _kept(columns: list[Column], widths: list[int], max_width: int) -> list[int]:
    """The indexes of the columns that stay once droppable ones are left out, first first."""
    kept = list(range(len(columns)))
    droppable = sorted((c.drop, i) for i, c in enumerate(columns) if c.drop)
    for _, index in droppable:
        if sum(widths[i] for i in kept) + 2 * (len(kept) - 1) <= max_width:
            break
        kept.remove(index)
    return kept


def terminal_width(stream: TextIO | None = None) -> int | None:
    """The terminal's width, or None when printing to a pipe (which wants every character)."""
    stream = stream or sys.stdout
    if not getattr(stream, "isatty", lambda: False)():
        return None
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError):  # not a real terminal after all (a test's fake stream)
        return None
