"""Text forms: one Unicode form, the folded form that matching runs on, and a figure's context.

:func:`fold` has the same length as the NFC text, so a span found in one indexes the other.
"""

from __future__ import annotations

import re
import unicodedata


def normalise(text: str) -> str:
    """NFC: one form whatever the keyboard sent, so spans mean the same for every input."""
    return unicodedata.normalize("NFC", text)


def _fold_char(char: str) -> str:
    lower = char.lower()
    if lower == "đ":
        return "d"
    bases = [c for c in unicodedata.normalize("NFD", lower) if not unicodedata.combining(c)]
    if len(bases) == 1:
        return bases[0]
    # One character must stay one character (Hangul, stray marks...), or spans would drift.
    return lower if len(lower) == 1 else char


class _FoldTable(dict[int, str]):
    """A translate table filled on first sight of each character: fast on long articles."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower case, diacritics removed, "đ" as "d"; exactly as long as ``normalise(text)``."""
    return normalise(text).translate(FOLD_TABLE)


TOKEN = re.compile(r"(?P<num>[0-9]+(?:[.,:/-][0-9]+)*)|(?P<word>[^\W\d_]+)|(?P<punct>[^\w\s])")


def phrase(text: str) -> tuple[str, ...]:
    """The folded tokens of ``text``: how a listed word is matched."""
    return tuple(m.group() for m in TOKEN.finditer(fold(text)))


def listed(text: str) -> tuple[str, ...]:
    """Comma-separated words as a tuple: long word lists stay readable."""
    return tuple(word.strip() for word in text.split(",") if word.strip())


_SPACE = re.compile(r"\s+")
_NOT_SPACE = re.compile(r"\S")
_CONTEXT_REACH = 40


def context(norm: str, start: int, end: int) -> str:
    """About forty characters either side, cut between words, on one line."""
    lo = max(0, start - _CONTEXT_REACH)
    if lo and not norm[lo - 1].isspace():
        space = _SPACE.search(norm, lo, start)
        lo = space.end() if space else start
    hi = min(len(norm), end + _CONTEXT_REACH)
    if hi < len(norm) and not norm[hi].isspace():
        spaces = [m.start() for m in _SPACE.finditer(norm, end, hi)]
        hi = spaces[-1] if spaces else end
    # Searched, not sliced: an article has many figures, and slices would make it quadratic.
    head = "…" if _NOT_SPACE.search(norm, 0, lo) else ""
    tail = "…" if _NOT_SPACE.search(norm, hi) else ""
    return head + " ".join(norm[lo:hi].split()) + tail
