"""The tokens counts are read from: numbers, words and marks of the folded text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from spokes.core.figures.numbers import digits_value
from spokes.core.figures.spelling import PROPER, Spelling
from spokes.core.figures.text import TOKEN


@dataclass(frozen=True, slots=True)
class Token:
    kind: Literal["num", "word", "punct", "blocked"]
    fold: str
    word: str | None  # the fold, or None when spelled as another word (e.g. "Nam" for "năm")
    value: int | None
    start: int
    end: int
    new_line: bool  # a line break before it: a list item or a heading starts there


def tokens(folded: str, spelling: Spelling, taken: Sequence[tuple[int, int]]) -> list[Token]:
    """The tokens of ``folded``; those inside a ``taken`` span (a time, a date) are blocked."""
    out: list[Token] = []
    spans = iter(taken)
    span = next(spans, None)
    previous_end = 0
    for m in TOKEN.finditer(folded):
        start, end = m.span()
        new_line = "\n" in folded[previous_end:start]
        previous_end = end
        while span is not None and span[1] <= start:
            span = next(spans, None)
        text = m.group()
        if span is not None and span[0] < end:
            out.append(Token("blocked", text, None, None, start, end, new_line))
        elif m.lastgroup == "num":
            value = digits_value(folded, start, end)
            kind: Literal["num", "blocked"] = "blocked" if value is None else "num"
            out.append(Token(kind, text, None, value, start, end, new_line))
        else:
            kind_: Literal["word", "punct"] = "word" if m.lastgroup == "word" else "punct"
            forms = PROPER.get(text)
            word = text if forms is None or spelling.spelled(start, end, forms) else None
            out.append(Token(kind_, text, word, None, start, end, new_line))
    return out


def same_line(tokens: Sequence[Token], j: int) -> bool:
    """Whether token ``j`` exists and continues the line: a figure never spans two lines."""
    return j < len(tokens) and not tokens[j].new_line
