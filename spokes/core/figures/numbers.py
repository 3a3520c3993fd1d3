"""Numbers as written: digits, and Vietnamese or English number words.

The readers take a sequence of folded words (``None`` for a word that may not be read, see
:mod:`spokes.core.figures.spelling`) and a position, and return the value and the position
after the number, or ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spokes.core.figures.text import TOKEN, fold, phrase

Read = tuple[int, int]  # (value, index after the number)

PLAIN_DIGITS = re.compile(r"[0-9]{1,5}")
_GROUPED_DIGITS = re.compile(r"[0-9]{1,3}(?P<sep>[.,])[0-9]{3}(?:(?P=sep)[0-9]{3})*")

_VI_UNITS = dict(zip(phrase("một hai ba bốn năm sáu bảy tám chín"), range(1, 10), strict=True))
# After "mươi"/"mười" five is "lăm" and four may be "tư"; "năm" there means "years".
_VI_LAST = {word: n for word, n in _VI_UNITS.items() if word != "nam"} | {"tu": 4, "lam": 5}
_VI_AFTER_LINH = {**_VI_UNITS, "tu": 4}
_VI_ALONE_LENIENT = {"tu": 4, "lam": 5}  # only when the caller says the words are a number
_VI_THOUSAND = ("nghin", "ngan")

_EN_ONES = {
    word: n
    for n, word in enumerate(
        phrase(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen"
            " fourteen fifteen sixteen seventeen eighteen nineteen"
        )
    )
}
_EN_TENS = {
    word: 10 * n
    for n, word in enumerate(phrase("twenty thirty forty fifty sixty seventy eighty ninety"), 2)
}


def digits_value(folded: str, start: int, end: int) -> int | None:
    """A count written in digits, unless it is glued to something that makes it a code."""
    token = folded[start:end]
    before = folded[start - 1] if start else " "
    after = folded[end] if end < len(folded) else " "
    if before.isalnum() or before in "/-_" or after.isalnum() or after in "/%_":
        return None  # "QĐ-12", "12/QĐ", "3km", "13h", "50%"
    if PLAIN_DIGITS.fullmatch(token):
        return int(token)
    if _GROUPED_DIGITS.fullmatch(token):
        return int(token.replace(".", "").replace(",", ""))  # "1.200 hộ", "1,200 homes"
    return None


def at(words: Sequence[str | None], i: int) -> str | None:
    return words[i] if 0 <= i < len(words) else None


def _vi_below_100(
    words: Sequence[str | None], i: int, lenient: bool, tens_only: bool
) -> Read | None:
    first = at(words, i)
    if first == "muoi":
        last = _VI_LAST.get(at(words, i + 1) or "")
        return (10 + last, i + 2) if last else (10, i + 1)
    unit = _VI_UNITS.get(first or "")
    if unit is not None and unit >= 2 and at(words, i + 1) == "muoi":
        last = _VI_LAST.get(at(words, i + 2) or "")
        return (unit * 10 + last, i + 3) if last else (unit * 10, i + 2)
    if tens_only:
        return None
    if unit is not None:
        return unit, i + 1
    if lenient and first in _VI_ALONE_LENIENT:
        return _VI_ALONE_LENIENT[first], i + 1
    return None


def _vi_below_1000(
    words: Sequence[str | None], i: int, lenient: bool, hundreds_only: bool = False
) -> Read | None:
    first = at(words, i)
    unit = 0 if first == "khong" and hundreds_only else _VI_UNITS.get(first or "")
    if unit is not None and at(words, i + 1) == "tram":
        j = i + 2
        after_linh = _VI_AFTER_LINH.get(at(words, j + 1) or "")
        if at(words, j) in ("linh", "le") and after_linh:
            return unit * 100 + after_linh, j + 2
        rest = _vi_below_100(words, j, lenient, tens_only=True)
        return (unit * 100 + rest[0], rest[1]) if rest else (unit * 100, j)
    return None if hundreds_only else _vi_below_100(words, i, lenient, tens_only=False)


def vi_number(words: Sequence[str | None], i: int, lenient: bool) -> Read | None:
    """A number in Vietnamese words at ``i``: "hai mươi mốt", "một trăm linh năm"."""
    head = _vi_below_1000(words, i, lenient)
    if head is None or at(words, head[1]) not in _VI_THOUSAND:
        return head
    value, j = head[0] * 1000, head[1] + 1
    # Only a hundreds part may follow: "hai nghìn năm" is two thousand years, not 2005.
    tail = _vi_below_1000(words, j, lenient, hundreds_only=True)
    return (value + tail[0], tail[1]) if tail else (value, j)


def _en_below_100(words: Sequence[str | None], i: int) -> Read | None:
    first = at(words, i) or ""
    if first in _EN_TENS:
        k = i + 2 if at(words, i + 1) == "-" else i + 1
        last = _EN_ONES.get(at(words, k) or "", 0)
        return (_EN_TENS[first] + last, k + 1) if 1 <= last <= 9 else (_EN_TENS[first], i + 1)
    return (_EN_ONES[first], i + 1) if first in _EN_ONES else None


def _en_below_1000(words: Sequence[str | None], i: int) -> Read | None:
    first = at(words, i) or ""
    hundreds = 1 if first == "a" else _EN_ONES.get(first, 0)
    if 1 <= hundreds <= 9 and at(words, i + 1) == "hundred":
        j = i + 2
        k = j + 1 if at(words, j) == "and" else j
        rest = _en_below_100(words, k)
        return (hundreds * 100 + rest[0], rest[1]) if rest and rest[0] else (hundreds * 100, j)
    return _en_below_100(words, i)


def en_number(words: Sequence[str | None], i: int) -> Read | None:
    """A number in English words at ``i``: "twenty-one", "one hundred and five"."""
    if at(words, i) == "a" and at(words, i + 1) == "thousand":
        head: Read | None = (1, i + 1)
    else:
        head = _en_below_1000(words, i)
    if head is None or not head[0] or at(words, head[1]) != "thousand":
        return head
    value, j = head[0] * 1000, head[1] + 1
    k = j + 1 if at(words, j) == "and" else j
    tail = _en_below_1000(words, k)
    return (value + tail[0], tail[1]) if tail and tail[0] else (value, j)


def parse_number(words: str) -> int | None:
    """The number that ``words`` spell, whole: "3", "hai mươi mốt", "one hundred and five"."""
    folded = fold(words).strip()
    if PLAIN_DIGITS.fullmatch(folded):
        return int(folded)
    seq = [m.group() for m in TOKEN.finditer(folded)]
    if seq in (["khong"], ["zero"]):
        return 0
    for read in (vi_number(seq, 0, lenient=True), en_number(seq, 0)):
        if read is not None and read[1] == len(seq):
            return read[0]
    return None
