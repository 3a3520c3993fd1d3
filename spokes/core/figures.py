"""Figures in a text: counts, times and dates, each tied to the fact key it speaks about.

A draft, a social-media post or a news article is checked against an incident's fact sheet by
finding the figures it states ("3 người chết", "13h10 ngày 29/11/2026", "Deaths: 2") and the
fact each one is about. This module only finds and ties them; comparing with the facts is done
elsewhere. It is pure: no printing, no database, standard library only.

Matching runs on :func:`fold` of the NFC text (lower case, no diacritics, "đ" as "d"), which has
the same length as the NFC text, so a span found in one indexes the other. Texts typed without
diacritics therefore match like texts with them. When a text *does* carry Vietnamese diacritics,
short Vietnamese words are held to their proper spelling, because folding merges words that a
writer keeps apart: "Nam" is not "năm" (five), "làm" is not "lăm", "bà" is not "ba".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from types import MappingProxyType
from typing import Literal

Kind = Literal["count", "time", "date"]
Value = int | tuple[int, int] | tuple[int, int, int | None]

__all__ = [
    "DEFAULT_VOCABULARY",
    "Figure",
    "Vocabulary",
    "extract",
    "fold",
    "normalise",
    "parse_number",
]


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure as written: what it is, which fact it speaks about, and where it stands."""

    kind: Kind
    key: str | None
    value: Value
    start: int
    end: int
    text: str
    context: str


# --- text forms -------------------------------------------------------------------------------


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


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower case, diacritics removed, "đ" as "d"; exactly as long as ``normalise(text)``."""
    return normalise(text).translate(_FOLD_TABLE)


# Letters that only a text written with Vietnamese diacritics contains.
_MARKED = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]",
    re.IGNORECASE,
)

# --- vocabulary -------------------------------------------------------------------------------


def _frozen(words: Mapping[str, Sequence[str]]) -> Mapping[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for key, listed in words.items():
        items = (listed,) if isinstance(listed, str) else tuple(listed)
        out[key] = tuple(dict.fromkeys(normalise(word).strip() for word in items if word.strip()))
    return MappingProxyType(out)


def _merged(
    base: Mapping[str, tuple[str, ...]], extra: Mapping[str, Sequence[str]] | None
) -> dict[str, tuple[str, ...]]:
    out = dict(base)
    for key, words in _frozen(extra or {}).items():
        out[key] = out.get(key, ()) + words
    return out


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The words that name each fact: count keys, and the words that tie a time or date."""

    counts: Mapping[str, tuple[str, ...]]
    times: Mapping[str, tuple[str, ...]]

    def __post_init__(self) -> None:
        # Read-only copies: a vocabulary is shared and cached, nobody may change it afterwards.
        object.__setattr__(self, "counts", _frozen(self.counts))
        object.__setattr__(self, "times", _frozen(self.times))

    def __hash__(self) -> int:
        return hash((frozenset(self.counts.items()), frozenset(self.times.items())))

    def with_custom(
        self,
        counts: Mapping[str, Sequence[str]] | None = None,
        times: Mapping[str, Sequence[str]] | None = None,
    ) -> Vocabulary:
        """This vocabulary plus custom keys (or more words for existing keys)."""
        return Vocabulary(_merged(self.counts, counts), _merged(self.times, times))


def _listed(text: str) -> tuple[str, ...]:
    """Comma-separated words as a tuple: long word lists stay readable."""
    return tuple(word.strip() for word in text.split(",") if word.strip())


DEFAULT_VOCABULARY = Vocabulary(
    counts={
        "deaths": _listed(
            "chết, tử vong, thiệt mạng, tử nạn,"
            " dead, deaths, death, died, killed, killing, fatalities, fatality"
        ),
        "injured": _listed("bị thương, injured, injuring, wounded, hurt, injuries, injury"),
        "missing": _listed("mất tích, missing"),
        "evacuated": _listed("di dời, sơ tán, di tản, evacuated, relocated, evacuation, evacuees"),
        "houses_damaged": _listed(
            "nhà bị hư hại, nhà bị sập, nhà bị hư hỏng, nhà hư hại, nhà bị đổ sập,"
            " nhà dân bị hư hại, nhà dân bị sập, nhà dân bị hư hỏng,"
            " houses damaged, homes damaged, houses destroyed, homes destroyed,"
            " damaged houses, damaged homes, houses were damaged, homes were damaged,"
            " houses were destroyed, homes were destroyed"
        ),
    },
    times={
        "occurred_at": _listed(
            "xảy ra, xảy ra lúc, xảy ra vào lúc, occurred, happened, took place, struck"
        ),
        "next_update_at": _listed("cập nhật, update, next update, will be updated"),
    },
)

# --- tokens -----------------------------------------------------------------------------------

_TOKEN = re.compile(r"(?P<num>[0-9]+(?:[.,:/-][0-9]+)*)|(?P<word>[^\W\d_]+)|(?P<punct>[^\w\s])")
_PLAIN_DIGITS = re.compile(r"[0-9]{1,5}")
_GROUPED_DIGITS = re.compile(r"[0-9]{1,3}(?P<sep>[.,])[0-9]{3}(?:(?P=sep)[0-9]{3})*")


@dataclass(frozen=True, slots=True)
class _Token:
    kind: Literal["num", "word", "punct", "blocked"]
    fold: str
    word: str | None  # the fold, or None when spelled as another word (e.g. "Nam" for "năm")
    value: int | None
    start: int
    end: int
    new_line: bool  # a line break before it: a list item or a heading starts there


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(m.group() for m in _TOKEN.finditer(fold(text)))


def _proper(*spellings: str) -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for spelling in spellings:
        table.setdefault(fold(spelling), set()).add(spelling)
    return {folded: frozenset(forms) for folded, forms in table.items()}


# How short Vietnamese words must be spelled in a text that uses diacritics.
_PROPER = _proper(
    "không", "một", "mốt", "hai", "ba", "bốn", "tư", "năm", "lăm", "sáu", "bảy", "bẩy", "tám",
    "chín", "mười", "mươi", "trăm", "linh", "lẻ", "nghìn", "ngàn",
    "người", "hộ", "nhân", "khẩu", "nạn", "trường", "hợp", "ngôi", "căn", "nhà", "cháu", "em",
    "ai", "ca", "bị", "đã", "phải", "được", "khác", "nữa", "đều", "cũng", "dân", "nào", "đang",
    "có", "là", "lên", "tăng", "hiện", "nay", "đến", "tới", "và", "hoặc", "còn", "no", "bé",
    "trẻ", "ít", "nhất", "hơn", "khoảng", "gần",
)  # fmt: skip


def _digits_value(folded: str, start: int, end: int) -> int | None:
    """A count written in digits, unless it is glued to something that makes it a code."""
    token = folded[start:end]
    before = folded[start - 1] if start else " "
    after = folded[end] if end < len(folded) else " "
    if before.isalnum() or before in "/-_" or after.isalnum() or after in "/%_":
        return None  # "QĐ-12", "12/QĐ", "3km", "13h", "50%"
    if _PLAIN_DIGITS.fullmatch(token):
        return int(token)
    if _GROUPED_DIGITS.fullmatch(token):
        return int(token.replace(".", "").replace(",", ""))  # "1.200 hộ", "1,200 homes"
    return None


def _tokens(norm: str, folded: str, strict: bool, taken: Sequence[tuple[int, int]]) -> list[_Token]:
    tokens: list[_Token] = []
    spans = iter(taken)
    span = next(spans, None)
    previous_end = 0
    for m in _TOKEN.finditer(folded):
        start, end = m.span()
        new_line = "\n" in folded[previous_end:start]
        previous_end = end
        while span is not None and span[1] <= start:
            span = next(spans, None)
        text = m.group()
        if span is not None and span[0] < end:
            tokens.append(_Token("blocked", text, None, None, start, end, new_line))
        elif m.lastgroup == "num":
            value = _digits_value(folded, start, end)
            kind: Literal["num", "blocked"] = "blocked" if value is None else "num"
            tokens.append(_Token(kind, text, None, value, start, end, new_line))
        else:
            forms = _PROPER.get(text)
            spelled = not strict or forms is None or norm[start:end].lower() in forms
            kind_: Literal["word", "punct"] = "word" if m.lastgroup == "word" else "punct"
            word = text if spelled else None
            tokens.append(_Token(kind_, text, word, None, start, end, new_line))
    return tokens


# --- numbers in words -------------------------------------------------------------------------

_VI_UNITS = dict(zip(_phrase("một hai ba bốn năm sáu bảy tám chín"), range(1, 10), strict=True))
# After "mươi"/"mười" five is "lăm" and four may be "tư"; "năm" there means "years".
_VI_LAST = {word: n for word, n in _VI_UNITS.items() if word != "nam"} | {"tu": 4, "lam": 5}
_VI_AFTER_LINH = {**_VI_UNITS, "tu": 4}
_VI_ALONE_LENIENT = {"tu": 4, "lam": 5}  # only when the caller says the words are a number
_VI_THOUSAND = ("nghin", "ngan")

_EN_ONES = {
    word: n
    for n, word in enumerate(
        _phrase(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen"
            " fourteen fifteen sixteen seventeen eighteen nineteen"
        )
    )
}
_EN_TENS = {
    word: 10 * n
    for n, word in enumerate(_phrase("twenty thirty forty fifty sixty seventy eighty ninety"), 2)
}

_Read = tuple[int, int]  # (value, index after the number)


def _at(words: Sequence[str | None], i: int) -> str | None:
    return words[i] if 0 <= i < len(words) else None


def _vi_below_100(
    words: Sequence[str | None], i: int, lenient: bool, tens_only: bool
) -> _Read | None:
    first = _at(words, i)
    if first == "muoi":
        last = _VI_LAST.get(_at(words, i + 1) or "")
        return (10 + last, i + 2) if last else (10, i + 1)
    unit = _VI_UNITS.get(first or "")
    if unit is not None and unit >= 2 and _at(words, i + 1) == "muoi":
        last = _VI_LAST.get(_at(words, i + 2) or "")
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
) -> _Read | None:
    first = _at(words, i)
    unit = 0 if first == "khong" and hundreds_only else _VI_UNITS.get(first or "")
    if unit is not None and _at(words, i + 1) == "tram":
        j = i + 2
        after_linh = _VI_AFTER_LINH.get(_at(words, j + 1) or "")
        if _at(words, j) in ("linh", "le") and after_linh:
            return unit * 100 + after_linh, j + 2
        rest = _vi_below_100(words, j, lenient, tens_only=True)
        return (unit * 100 + rest[0], rest[1]) if rest else (unit * 100, j)
    return None if hundreds_only else _vi_below_100(words, i, lenient, tens_only=False)


def _vi_number(words: Sequence[str | None], i: int, lenient: bool) -> _Read | None:
    head = _vi_below_1000(words, i, lenient)
    if head is None or _at(words, head[1]) not in _VI_THOUSAND:
        return head
    value, j = head[0] * 1000, head[1] + 1
    # Only a hundreds part may follow: "hai nghìn năm" is two thousand years, not 2005.
    tail = _vi_below_1000(words, j, lenient, hundreds_only=True)
    return (value + tail[0], tail[1]) if tail else (value, j)


def _en_below_100(words: Sequence[str | None], i: int) -> _Read | None:
    first = _at(words, i) or ""
    if first in _EN_TENS:
        k = i + 2 if _at(words, i + 1) == "-" else i + 1
        last = _EN_ONES.get(_at(words, k) or "", 0)
        return (_EN_TENS[first] + last, k + 1) if 1 <= last <= 9 else (_EN_TENS[first], i + 1)
    return (_EN_ONES[first], i + 1) if first in _EN_ONES else None


def _en_below_1000(words: Sequence[str | None], i: int) -> _Read | None:
    first = _at(words, i) or ""
    hundreds = 1 if first == "a" else _EN_ONES.get(first, 0)
    if 1 <= hundreds <= 9 and _at(words, i + 1) == "hundred":
        j = i + 2
        k = j + 1 if _at(words, j) == "and" else j
        rest = _en_below_100(words, k)
        return (hundreds * 100 + rest[0], rest[1]) if rest and rest[0] else (hundreds * 100, j)
    return _en_below_100(words, i)


def _en_number(words: Sequence[str | None], i: int) -> _Read | None:
    if _at(words, i) == "a" and _at(words, i + 1) == "thousand":
        head: _Read | None = (1, i + 1)
    else:
        head = _en_below_1000(words, i)
    if head is None or not head[0] or _at(words, head[1]) != "thousand":
        return head
    value, j = head[0] * 1000, head[1] + 1
    k = j + 1 if _at(words, j) == "and" else j
    tail = _en_below_1000(words, k)
    return (value + tail[0], tail[1]) if tail and tail[0] else (value, j)


def parse_number(words: str) -> int | None:
    """The number that ``words`` spell, whole: "3", "hai mươi mốt", "one hundred and five"."""
    folded = fold(words).strip()
    if _PLAIN_DIGITS.fullmatch(folded):
        return int(folded)
    seq = [m.group() for m in _TOKEN.finditer(folded)]
    if seq in (["khong"], ["zero"]):
        return 0
    for read in (_vi_number(seq, 0, lenient=True), _en_number(seq, 0)):
        if read is not None and read[1] == len(seq):
            return read[0]
    return None


# --- counts -----------------------------------------------------------------------------------

_NumberLang = Literal["digits", "vi", "en", "vi0", "en0"]

# Nouns that may stand between a number and its key word; True where the noun names people or
# households, which is worth reporting even when no key word follows ("3 người").
_NOUNS: dict[tuple[str, ...], bool] = {
    **{
        _phrase(w): True
        for w in _listed(
            "người, hộ, nhân khẩu, nạn nhân, trường hợp, cháu, trẻ em, trẻ, học sinh, công nhân,"
            " ngư dân, du khách, chiến sĩ, thuyền viên"
        )
    },
    **{_phrase(w): False for w in _listed("ngôi, căn, nhà, em, ai, ca")},
    **{
        (w,): True
        for w in _phrase(
            "people persons person households household residents resident families family"
            " victims children others"
        )
    },
    **{(w,): False for w in _phrase("houses house homes home")},
}
_AUX = frozenset(
    _phrase(
        "bị đã phải được khác nữa đều cũng dân nào đang bé"
        " were was have has been are is more other also had reportedly being"
    )
)
# Between a key word and its number in a statement: "Số người chết: 2", "death toll rose to 5".
_CONNECTORS = frozenset(
    _phrase(
        ": = - – là lên tăng hiện nay đã đến tới ít nhất hơn khoảng gần"
        " is was were of to toll rose risen has have reached stood stands at now least"
        " more than about nearly over some"
    )
)
_CONJUNCTIONS = frozenset(_phrase("và hoặc còn and or"))
_LABEL_WORDS = frozenset(_phrase("số tổng"))
_MAX_FILLERS = 5
_MAX_CONNECTORS = 4


@dataclass(frozen=True, slots=True)
class _Phrase:
    key: str
    words: tuple[str, ...]
    english: bool


@dataclass(frozen=True, slots=True)
class _Matcher:
    counts: Mapping[str, tuple[_Phrase, ...]]  # first folded word -> phrases, longest first
    time_words: re.Pattern[str] | None
    time_keys: Mapping[str, str]  # folded phrase, single-spaced -> key
    longest_time_word: int


@dataclass(slots=True)
class _Found:
    kind: Kind
    value: Value
    start: int
    end: int
    key: str | None = None
    resume: int = 0  # token index to scan on from


@lru_cache(maxsize=32)
def _matcher(vocabulary: Vocabulary) -> _Matcher:
    by_phrase: dict[tuple[str, ...], _Phrase] = {}
    for key, words in vocabulary.counts.items():
        for word in words:
            folded = _phrase(word)
            if folded:  # a word listed under two keys belongs to the later one
                by_phrase[folded] = _Phrase(key, folded, word.isascii())
    counts: dict[str, list[_Phrase]] = {}
    for phrase in sorted(by_phrase.values(), key=lambda p: -len(p.words)):
        counts.setdefault(phrase.words[0], []).append(phrase)
    time_keys = {" ".join(fold(w).split()): key for key, ws in vocabulary.times.items() for w in ws}
    alternatives = sorted(time_keys, key=len, reverse=True)
    pattern = "|".join(r"[^\S\n]+".join(map(re.escape, w.split())) for w in alternatives if w)
    return _Matcher(
        counts=MappingProxyType({first: tuple(ps) for first, ps in counts.items()}),
        time_words=re.compile(rf"(?<!\w)(?:{pattern})(?!\w)") if pattern else None,
        time_keys=MappingProxyType(time_keys),
        longest_time_word=max(map(len, alternatives), default=0),
    )


def _key_at(tokens: Sequence[_Token], i: int, matcher: _Matcher) -> _Phrase | None:
    if i >= len(tokens) or tokens[i].kind == "blocked":
        return None
    for phrase in matcher.counts.get(tokens[i].fold, ()):
        window = tokens[i : i + len(phrase.words)]
        if len(window) == len(phrase.words) and all(
            t.kind != "blocked" and t.fold == w for t, w in zip(window, phrase.words, strict=True)
        ):
            return phrase
    return None


def _noun_at(tokens: Sequence[_Token], i: int) -> tuple[int, bool] | None:
    """(index after the noun, whether it names people) for a counted noun at ``i``."""
    for length in (2, 1):
        words = tuple(t.word or "" for t in tokens[i : i + length])
        if len(words) == length and words in _NOUNS:
            return i + length, _NOUNS[words]
    return None


def _read_number(
    tokens: Sequence[_Token], words: Sequence[str | None], i: int
) -> tuple[int, int, _NumberLang] | None:
    token = tokens[i]
    if token.kind == "num" and token.value is not None:
        previous = tokens[i - 1].fold if i else ""
        earlier = tokens[i - 2].fold if i > 1 else ""
        if previous in ("nam", "year", "thu") or (previous == "so" and earlier != "tong"):
            return None  # "năm 2026", "người thứ 3", "Quyết định số 12"
        return token.value, i + 1, "digits"
    word = words[i]
    if word == "khong":
        return 0, i + 1, "vi0"
    if word in ("no", "none", "nobody"):
        return 0, (i + 2 if word == "no" and _at(words, i + 1) == "one" else i + 1), "en0"
    vi = _vi_number(words, i, lenient=False)
    if vi is not None:
        return vi[0], vi[1], "vi"
    en = _en_number(words, i)
    return (en[0], en[1], "en") if en is not None else None


def _key_fits(lang: _NumberLang, nouns: int, value: int, phrase: _Phrase) -> bool:
    """Whether a number read as ``lang`` may take this key word after ``nouns`` nouns."""
    if lang == "en0":
        return phrase.english  # "no deaths", never Vietnamese "nó bị thương"
    if lang == "vi0":
        return nouns > 0  # "không có người chết", never "không bị thương" (was not injured)
    if lang == "vi" and not nouns:
        # Spoken Vietnamese counts people: "năm bị thương" is "Nam bị thương" typed plainly.
        return value > 0 and len(phrase.words) > 1 and phrase.words[0] not in _AUX
    return True


def _forward(
    tokens: Sequence[_Token], words: Sequence[str | None], i: int, matcher: _Matcher
) -> _Found | None:
    """A number, a few nouns and auxiliaries, then a key word: "làm 3 người chết"."""
    read = _read_number(tokens, words, i)
    if read is None:
        return None
    value, j, lang = read
    if lang == "vi0" and _at(words, j) == "co":
        j += 1
    nouns, people, last_noun = 0, False, -1
    for _ in range(_MAX_FILLERS):
        if not _same_line(tokens, j):
            break
        phrase = _key_at(tokens, j, matcher)
        if phrase is not None and _key_fits(lang, nouns, value, phrase):
            end = j + len(phrase.words)
            return _Found("count", value, tokens[i].start, tokens[end - 1].end, phrase.key, end)
        noun = _noun_at(tokens, j)
        if noun is not None:
            j, nouns, last_noun = noun[0], nouns + 1, noun[0]
            people = people or noun[1]
        elif _at(words, j) in _AUX:
            j += 1
        else:
            break
    if people and lang in ("digits", "vi", "en") and (lang == "digits" or value >= 2):
        return _Found("count", value, tokens[i].start, tokens[last_noun - 1].end, None, last_noun)
    return None


def _same_line(tokens: Sequence[_Token], j: int) -> bool:
    """Whether token ``j`` exists and continues the line: a figure never spans two lines."""
    return j < len(tokens) and not tokens[j].new_line


def _closes(tokens: Sequence[_Token], words: Sequence[str | None], k: int, m: _Matcher) -> bool:
    """Whether a statement's number ends at ``k``: "Deaths: 2." but not "killed at 3 sites"."""
    if not _same_line(tokens, k):
        return True
    return (
        tokens[k].kind == "punct" or words[k] in _CONJUNCTIONS or _key_at(tokens, k, m) is not None
    )


def _label_step(
    tokens: Sequence[_Token], words: Sequence[str | None], start: int, floor: int
) -> int:
    """How many tokens just before ``start`` belong to a label: a noun, an auxiliary, "số"."""
    if words[start - 1] in _AUX or words[start - 1] in _LABEL_WORDS:
        return 1
    for length in (2, 1):
        noun = _noun_at(tokens, start - length) if start - length >= floor else None
        if noun is not None and noun[0] == start:
            return length
    return 0


def _label_start(tokens: Sequence[_Token], words: Sequence[str | None], i: int, floor: int) -> int:
    """Where the label in front of a key word begins: "Số người chết", "Người bị thương"."""
    start = i
    while start > floor and not tokens[start].new_line:
        step = _label_step(tokens, words, start, floor)
        if not step:
            break
        start -= step
    return start


def _reversed(
    tokens: Sequence[_Token], words: Sequence[str | None], i: int, floor: int, matcher: _Matcher
) -> _Found | None:
    """A key word, then its number: "Số người chết: 2", "bị thương 5 người", "Injured: 5"."""
    phrase = _key_at(tokens, i, matcher)
    if phrase is None:
        return None
    j = i + len(phrase.words)
    connectors = 0
    while connectors < _MAX_CONNECTORS and _same_line(tokens, j) and words[j] in _CONNECTORS:
        j, connectors = j + 1, connectors + 1
    read = _read_number(tokens, words, j) if _same_line(tokens, j) else None
    if read is None or read[2] in ("vi0", "en0"):
        return None
    value, k, _ = read
    end = k
    for _ in range(2):
        noun = _noun_at(tokens, end) if _same_line(tokens, end) else None
        if noun is None:
            break
        end = noun[0]
    # Without ":"/"là"/"is", only "chết 3 người" reads as a count; "chết 3" is too loose.
    if end == k and (not connectors or not _closes(tokens, words, k, matcher)):
        return None
    start = _label_start(tokens, words, i, floor)
    return _Found("count", value, tokens[start].start, tokens[end - 1].end, phrase.key, end)


def _counts(tokens: Sequence[_Token], matcher: _Matcher) -> list[_Found]:
    words = [t.word for t in tokens]
    found: list[_Found] = []
    i, floor = 0, 0
    while i < len(tokens):
        hit = _forward(tokens, words, i, matcher) or _reversed(tokens, words, i, floor, matcher)
        if hit is None:
            i += 1
            continue
        found.append(hit)
        i = floor = hit.resume
    return found


# --- times and dates --------------------------------------------------------------------------

_TIME_WORDED = re.compile(
    r"(?<![\w/.:,-])(?P<clock>(?P<h>[0-9]{1,2})"
    r"(?:\s*(?P<gio>gio)(?:\s*(?P<gm>[0-9]{1,2})(?![0-9])(?:\s*phut(?!\w))?)?"
    r"|h(?:(?P<hm>[0-9]{1,2})(?:phut|p|')?)?)(?!\w))"
    r"(?:\s+(?P<period>sang|trua|chieu|toi|dem)(?!\w))?"
)
_TIME_COLON = re.compile(
    r"(?<![\w/.:,-])(?P<h>[0-9]{1,2}):(?P<m>[0-9]{2})(?::[0-9]{2})?(?![0-9:]|[/.][0-9])"
    r"(?:\s*(?P<ampm>[ap])\.?m(?!\w)\.?)?"
)
_TIME_AMPM = re.compile(r"(?<![\w/.:,-])(?P<h>[0-9]{1,2})\s*(?P<ampm>[ap])\.?m(?!\w)\.?")
_DATE_NUMERIC = re.compile(
    r"(?<![\w/.:-])(?P<d>[0-9]{1,2})(?P<sep>[/.-])(?P<m>[0-9]{1,2})"
    r"(?:(?P=sep)(?P<y>[0-9]{4}|[0-9]{2}))?(?![\w/]|[.:-][0-9])"
)
_DATE_VI = re.compile(
    r"(?<![\w/.:-])(?:(?P<ngay>ngay)\s+)?(?P<d>[0-9]{1,2})\s+(?P<thang>thang)\s+"
    r"(?P<m>[0-9]{1,2})(?![0-9])(?:[\s,]*(?:(?P<nam>nam)\s+|[/-]\s*)(?P<y>[0-9]{4})(?![0-9]))?"
)
_MONTHS = {
    name: n
    for n, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for name in names
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_EN_DM = re.compile(
    rf"(?<![\w/.:-])(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH})(?!\w)\.?"
    r"(?:,?\s+(?P<y>[0-9]{4})(?![0-9]))?"
)
_DATE_EN_MD = re.compile(
    rf"(?<!\w)(?P<mon>{_MONTH})(?!\w)\.?\s+(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?(?!\w)"
    r"(?:,?\s+(?P<y>[0-9]{4})(?![0-9]))?"
)
# "trong 12 giờ" is twelve hours, not noon.
_DURATION_BEFORE = re.compile(r"(?<!\w)(?:trong|vong|suot|mat)\s*$")
_NUMBER_LABEL_BEFORE = re.compile(r"(?<!\w)so\s*$")  # "số 12/11" is a document number
_FRACTION_AFTER = re.compile(r"\s*(?:so|dien tich|tong|of)(?!\w)")  # "1/3 số hộ", "1/3 of"
_CLAUSE_END = re.compile(r"[!?;\n]|\.(?=\s|$)")
_PAIR_GAP = re.compile(  # what may stand between a time and its date, on one line
    r"[^\S\n]*(?:(?:ngay|hom|on|at|luc|vao|khoang|about|around|the|sang|trua|chieu|toi|dem|[-–,()])"
    r"[^\S\n]*){0,4}"
)
_TIE_REACH = 40
_PAIR_REACH = 25
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _spelled(norm: str, m: re.Match[str], group: str, forms: tuple[str, ...], strict: bool) -> bool:
    return not strict or norm[m.start(group) : m.end(group)].lower() in forms


def _date(day: int, month: int, year: int | None) -> tuple[int, int, int | None] | None:
    if not 1 <= month <= 12 or not 1 <= day <= _DAYS_IN_MONTH[month - 1]:
        return None
    leap = year is None or (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))
    return None if month == 2 and day == 29 and not leap else (day, month, year)


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    return 2000 + int(text) if len(text) == 2 else int(text)


def _clock(hour: int, minute: int, ampm: str | None = None) -> tuple[int, int] | None:
    if ampm is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "p" else 0)
    return (hour, minute) if 0 <= hour <= 23 and 0 <= minute <= 59 else None


def _worded_time(m: re.Match[str], norm: str, folded: str, strict: bool) -> _Found | None:
    if m.group("gio") and not _spelled(norm, m, "gio", ("giờ",), strict):
        return None
    if _DURATION_BEFORE.search(folded, max(0, m.start() - 12), m.start()):
        return None
    hour, end = int(m.group("h")), m.end()
    minute = m.group("gm") or m.group("hm") or "0"
    period = m.group("period")
    proper = ("sáng", "trưa", "chiều", "tối", "đêm")
    if period and not _spelled(norm, m, "period", proper, strict):
        period, end = None, m.end("clock")
    afternoon = period in ("chieu", "toi") and 1 <= hour < 12
    if afternoon or (period == "trua" and hour < 3) or (period == "dem" and 6 <= hour < 12):
        hour += 12
    clock = _clock(hour, int(minute))
    return _Found("time", clock, m.start(), end) if clock else None


def _ampm_end(m: re.Match[str], folded: str) -> int:
    """Where "pm" ends: "p.m." keeps its last dot, "pm." leaves it to the sentence."""
    written = folded[m.start("ampm") : m.end()]
    return m.end() - 1 if written.endswith(".") and written.count(".") == 1 else m.end()


def _colon_time(m: re.Match[str], norm: str, folded: str, strict: bool) -> _Found | None:
    ampm = m.group("ampm")
    if ampm and not norm[m.start("ampm") : m.end()].isascii():
        ampm = None  # "5 âm" typed plainly is not "5 am"
    clock = _clock(int(m.group("h")), int(m.group("m")), ampm)
    end = _ampm_end(m, folded) if ampm else m.end("m")
    return _Found("time", clock, m.start(), end) if clock else None


def _ampm_time(m: re.Match[str], norm: str, folded: str, strict: bool) -> _Found | None:
    if not norm[m.start("ampm") : m.end()].isascii():
        return None
    clock = _clock(int(m.group("h")), 0, m.group("ampm"))
    return _Found("time", clock, m.start(), _ampm_end(m, folded)) if clock else None


def _numeric_date(m: re.Match[str], norm: str, folded: str, strict: bool) -> _Found | None:
    if m.group("y") is None and m.group("sep") != "/":
        return None  # "3-5 người", "2.5" are ranges and decimals
    if _NUMBER_LABEL_BEFORE.search(folded, max(0, m.start() - 6), m.start()):
        return None
    if m.group("y") is None and _FRACTION_AFTER.match(folded, m.end()):
        return None
    date = _date(int(m.group("d")), int(m.group("m")), _year(m.group("y")))
    return _Found("date", date, m.start(), m.end()) if date else None


def _vi_date(m: re.Match[str], norm: str, folded: str, strict: bool) -> _Found | None:
    if not _spelled(norm, m, "thang", ("tháng",), strict):
        return None
    start = m.start()
    if m.group("ngay") and not _spelled(norm, m, "ngay", ("ngày",), strict):
        start = m.start("d")
    year, end = m.group("y"), m.end()
    if m.group("nam") and not _spelled(norm, m, "nam", ("năm",), strict):
        year, end = None, m.end("m")
    date = _date(int(m.group("d")), int(m.group("m")), _year(year))
    return _Found("date", date, start, end) if date else None


def _en_date(m: re.Match[str], norm: str, folded: str, strict: bool) -> _Found | None:
    month = m.group("mon")
    if not norm[m.start("mon") : m.end("mon")].isascii():
        return None  # "sếp", "máy" typed plainly
    if month == "may" and m.group("y") is None and m.start("mon") > m.start("d"):
        return None  # "5 may" is more often "5 máy" without diacritics than the 5th of May
    date = _date(int(m.group("d")), _MONTHS[month], _year(m.group("y")))
    return _Found("date", date, m.start(), m.end()) if date else None


_MOMENT_PATTERNS = (
    (_DATE_NUMERIC, _numeric_date),
    (_DATE_VI, _vi_date),
    (_DATE_EN_DM, _en_date),
    (_DATE_EN_MD, _en_date),
    (_TIME_COLON, _colon_time),
    (_TIME_AMPM, _ampm_time),
    (_TIME_WORDED, _worded_time),
)


def _moments(norm: str, folded: str, strict: bool) -> list[_Found]:
    candidates = [
        found
        for pattern, build in _MOMENT_PATTERNS
        for m in pattern.finditer(folded)
        if (found := build(m, norm, folded, strict)) is not None
    ]
    candidates.sort(key=lambda f: (f.start, -f.end))
    kept: list[_Found] = []
    for found in candidates:
        if not kept or found.start >= kept[-1].end:
            kept.append(found)
    return kept


def _tie(folded: str, floor: int, start: int, matcher: _Matcher) -> str | None:
    """The key of the nearest tying word before ``start`` in the same clause, if any."""
    if matcher.time_words is None:
        return None
    lo = max(floor, start - _TIE_REACH - matcher.longest_time_word)
    key = None
    for m in matcher.time_words.finditer(folded, lo, start):
        between = folded[m.end() : start]
        if start - m.end() <= _TIE_REACH and not _CLAUSE_END.search(between):
            key = matcher.time_keys.get(" ".join(m.group().split()), key)
    return key


def _tie_moments(moments: Sequence[_Found], folded: str, matcher: _Matcher) -> None:
    floor = 0
    for moment in moments:
        # A figure between the tying word and this one has taken the word for itself.
        moment.key = _tie(folded, floor, moment.start, matcher)
        floor = moment.end
    for first, second in pairwise(moments):
        gap = folded[first.end : second.start]
        paired = {first.kind, second.kind} == {"time", "date"} and len(gap) <= _PAIR_REACH
        if paired and _PAIR_GAP.fullmatch(gap):
            first.key = second.key = first.key or second.key


# --- assembling -------------------------------------------------------------------------------

_SPACE = re.compile(r"\s+")
_NOT_SPACE = re.compile(r"\S")
_CONTEXT_REACH = 40


def _context(norm: str, start: int, end: int) -> str:
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


def _figure(norm: str, found: _Found) -> Figure:
    text = norm[found.start : found.end]
    context = _context(norm, found.start, found.end)
    return Figure(found.kind, found.key, found.value, found.start, found.end, text, context)


def extract(text: str, vocabulary: Vocabulary = DEFAULT_VOCABULARY) -> list[Figure]:
    """Every count, time and date in ``text``, in text order, tied to fact keys where possible."""
    norm = normalise(text)
    folded = norm.translate(_FOLD_TABLE)
    strict = _MARKED.search(norm) is not None
    matcher = _matcher(vocabulary)
    moments = _moments(norm, folded, strict)
    _tie_moments(moments, folded, matcher)
    tokens = _tokens(norm, folded, strict, [(m.start, m.end) for m in moments])
    found = sorted([*moments, *_counts(tokens, matcher)], key=lambda f: f.start)
    return [_figure(norm, f) for f in found]
