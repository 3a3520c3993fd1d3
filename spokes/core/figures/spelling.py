"""The diacritics rule: when a word may be read as the word its fold spells.

Matching runs on folded text, where "Nam" and "năm" (five), "bà" and "ba" (three), "làm" and
"lăm" look alike. A word typed with diacritics is held to its spelling: "bà" is never "ba". A
word typed without them is read by its fold, as from a keyboard without Vietnamese input, with
one exception: a number word in a clause that carries diacritics, where the writer had accents
at hand, so "Nam" in "Việt Nam bị thương" is a name and not "năm". A clause ends at a sentence
mark, a comma, a bracket, a line break or "và"/"hoặc"/"nhưng", so a text typed partly without
accents ("ba người chết, năm nguoi bi thuong") reads as its writer meant.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection

from spokes.core.figures.text import fold, phrase

# Letters that only a text written with Vietnamese diacritics contains.
MARKED = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r"[;!?()\[\]\n]|[.,:](?![0-9])|(?<!\w)(?:va|hoac|nhung|and|or|but)(?!\w)"
)


def _proper(*spellings: str) -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for spelling in spellings:
        table.setdefault(fold(spelling), set()).add(spelling)
    return {folded: frozenset(forms) for folded, forms in table.items()}


# How the short Vietnamese words that counts are made of are spelled.
PROPER = _proper(
    "không", "một", "mốt", "hai", "ba", "bốn", "tư", "năm", "lăm", "sáu", "bảy", "bẩy", "tám",
    "chín", "mười", "mươi", "trăm", "linh", "lẻ", "nghìn", "ngàn",
    "người", "hộ", "nhân", "khẩu", "nạn", "trường", "hợp", "ngôi", "căn", "nhà", "cháu", "em",
    "ai", "ca", "bị", "đã", "phải", "được", "khác", "nữa", "đều", "cũng", "dân", "nào", "đang",
    "có", "là", "lên", "tăng", "hiện", "nay", "đến", "tới", "và", "hoặc", "còn", "no", "bé",
    "trẻ", "ít", "nhất", "hơn", "khoảng", "gần", "chừng", "nặng", "nhẹ", "đó",
)  # fmt: skip

# Number words: typed plainly in a clause with diacritics, they are read as something else.
_GUARDED = frozenset(
    phrase("không một mốt bốn tư năm lăm sáu bảy bẩy tám chín mười mươi trăm lẻ nghìn ngàn")
)


class Spelling:
    """The diacritics rule for one text (its NFC form and the fold of it)."""

    __slots__ = ("_breaks", "_clauses", "_folded", "_marked", "_norm")

    def __init__(self, norm: str, folded: str) -> None:
        self._norm = norm
        self._folded = folded
        self._marked = MARKED.search(norm) is not None
        self._breaks: tuple[list[int], list[int]] | None = None  # starts and ends of breaks
        self._clauses: dict[int, bool] = {}  # clause index -> whether it carries diacritics

    def spelled(self, start: int, end: int, forms: Collection[str]) -> bool:
        """Whether the word at ``start:end`` may be read as the word spelled ``forms``."""
        if not self._marked:
            return True  # typed plainly throughout
        written = self._norm[start:end].lower()
        if written in forms:
            return True
        if MARKED.search(written):
            return False  # spelled with diacritics, as another word
        return self._folded[start:end] not in _GUARDED or not self._clause_marked(start)

    def _clause_marked(self, at: int) -> bool:
        if self._breaks is None:
            found = list(_CLAUSE_BREAK.finditer(self._folded))
            self._breaks = ([m.start() for m in found], [m.end() for m in found])
        starts, ends = self._breaks
        index = bisect_right(starts, at)
        if index not in self._clauses:
            lo = ends[index - 1] if index else 0
            hi = starts[index] if index < len(starts) else len(self._norm)
            self._clauses[index] = MARKED.search(self._norm, lo, hi) is not None
        return self._clauses[index]
