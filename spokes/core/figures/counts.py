"""Counts: a number tied to the fact it counts, written in either order.

Forward, as in prose: "làm 3 người chết", "5 people were injured". Backward, as in a statement:
"Số người chết: 2", "bị thương 5 người", "Injured: 5". Each count carries the unit of its noun
("45 nhân khẩu" counts people, "12 hộ" households) and whether it is only a part or an estimate
("1 người bị thương nặng", "hơn 100 hộ"), so that neither is compared with a total as if exact.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from spokes.core.figures.found import Found, Unit
from spokes.core.figures.lexicon import (
    AUX,
    CONJUNCTIONS,
    CONNECTORS,
    LABEL_WORDS,
    SEVERITY,
    key_at,
    noun_at,
    qualified,
    unit_between,
    unit_in,
)
from spokes.core.figures.numbers import at, en_number, vi_number
from spokes.core.figures.tokens import Token, same_line
from spokes.core.figures.vocabulary import Matcher, Phrase

NumberLang = Literal["digits", "vi", "en", "vi0", "en0"]
_MAX_FILLERS = 5
_MAX_CONNECTORS = 4


def read_number(
    tokens: Sequence[Token], words: Sequence[str | None], i: int
) -> tuple[int, int, NumberLang] | None:
    """(value, index after it, how it is written) for a number at ``i``."""
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
        return 0, (i + 2 if word == "no" and at(words, i + 1) == "one" else i + 1), "en0"
    vi = vi_number(words, i, lenient=False)
    if vi is not None:
        return vi[0], vi[1], "vi"
    en = en_number(words, i)
    return (en[0], en[1], "en") if en is not None else None


def _key_fits(lang: NumberLang, nouns: int, value: int, key: Phrase) -> bool:
    """Whether a number read as ``lang`` may take this key word after ``nouns`` nouns."""
    if lang == "en0":
        return key.english  # "no deaths", never Vietnamese "nó bị thương"
    if lang == "vi0":
        return nouns > 0  # "không có người chết", never "không bị thương" (was not injured)
    if lang == "vi" and not nouns:
        # Spoken Vietnamese counts people: "năm bị thương" is "Nam bị thương" typed plainly.
        return value > 0 and len(key.words) > 1 and key.words[0] not in AUX
    return True


@dataclass(slots=True)
class _Run:
    """What stands between a number and its key word: nouns, auxiliaries, how badly."""

    nouns: int = 0
    alone: bool = False  # a noun worth reporting without a key word
    end: int = -1  # index after the last noun
    unit: Unit | None = None
    severe: bool = False

    def step(self, tokens: Sequence[Token], words: Sequence[str | None], j: int) -> int | None:
        """The index after a noun, an auxiliary or a severity word at ``j``; else None."""
        noun = noun_at(tokens, j)
        if noun is not None:
            self.nouns, self.end = self.nouns + 1, noun[0]
            self.alone = self.alone or noun[1].alone
            self.unit = self.unit or noun[1].unit
            return noun[0]
        self.severe = self.severe or words[j] in SEVERITY
        return j + 1 if words[j] in AUX or words[j] in SEVERITY else None


def _forward(
    tokens: Sequence[Token], words: Sequence[str | None], i: int, floor: int, matcher: Matcher
) -> Found | None:
    """A number, a few nouns and auxiliaries, then a key word: "làm 3 người chết"."""
    read = read_number(tokens, words, i)
    if read is None:
        return None
    value, j, lang = read
    if lang == "vi0" and at(words, j) == "co":
        j += 1
    run = _Run()
    for _ in range(_MAX_FILLERS):
        key = key_at(tokens, j, matcher) if same_line(tokens, j) else None
        if key is not None and _key_fits(lang, run.nouns, value, key):
            end = j + len(key.words)
            if same_line(tokens, end) and words[end] in SEVERITY:
                end, run.severe = end + 1, True  # "bị thương nặng"
            partial = run.severe or qualified(tokens, words, i, floor)
            unit = run.unit or unit_in(key)
            start, stop = tokens[i].start, tokens[end - 1].end
            return Found("count", value, start, stop, key.key, end, unit, partial)
        step = run.step(tokens, words, j) if same_line(tokens, j) else None
        if step is None:
            break
        j = step
    if run.alone and lang in ("digits", "vi", "en") and (lang == "digits" or value >= 2):
        partial = run.severe or qualified(tokens, words, i, floor)
        stop = tokens[run.end - 1].end
        return Found("count", value, tokens[i].start, stop, None, run.end, run.unit, partial)
    return None


def _closes(tokens: Sequence[Token], words: Sequence[str | None], k: int, m: Matcher) -> bool:
    """Whether a statement's number ends at ``k``: "Deaths: 2." but not "killed at 3 sites"."""
    if not same_line(tokens, k):
        return True
    return tokens[k].kind == "punct" or words[k] in CONJUNCTIONS or key_at(tokens, k, m) is not None


def _label_step(
    tokens: Sequence[Token], words: Sequence[str | None], start: int, floor: int
) -> int:
    """How many tokens just before ``start`` belong to a label: a noun, an auxiliary, "số"."""
    before = words[start - 1]
    if before in AUX or before in LABEL_WORDS or before in SEVERITY:
        return 1
    for length in (2, 1):
        noun = noun_at(tokens, start - length) if start - length >= floor else None
        if noun is not None and noun[0] == start:
            return length
    return 0


def _label_start(tokens: Sequence[Token], words: Sequence[str | None], i: int, floor: int) -> int:
    """Where the label in front of a key word begins: "Số người chết", "Người bị thương"."""
    start = i
    while start > floor and not tokens[start].new_line:
        step = _label_step(tokens, words, start, floor)
        if not step:
            break
        start -= step
    return start


def _after_key(tokens: Sequence[Token], words: Sequence[str | None], j: int) -> tuple[int, bool]:
    """Past the connectors after a key word: (where the number may be, whether ":"/"là" joined)."""
    joined = False
    for _ in range(_MAX_CONNECTORS):
        if not same_line(tokens, j) or (words[j] not in CONNECTORS and words[j] not in SEVERITY):
            break
        joined = joined or words[j] in CONNECTORS
        j += 1
    return j, joined


def _nouns_after(tokens: Sequence[Token], k: int) -> int:
    end = k
    for _ in range(2):
        noun = noun_at(tokens, end) if same_line(tokens, end) else None
        if noun is None:
            break
        end = noun[0]
    return end


def _backward(
    tokens: Sequence[Token], words: Sequence[str | None], i: int, floor: int, matcher: Matcher
) -> Found | None:
    """A key word, then its number: "Số người chết: 2", "bị thương 5 người", "Injured: 5"."""
    key = key_at(tokens, i, matcher)
    if key is None:
        return None
    j, joined = _after_key(tokens, words, i + len(key.words))
    read = read_number(tokens, words, j) if same_line(tokens, j) else None
    if read is None or read[2] in ("vi0", "en0"):
        return None
    value, k, _ = read
    end = _nouns_after(tokens, k)
    # Without ":"/"là"/"is", only "chết 3 người" reads as a count; "chết 3" is too loose.
    if end == k and (not joined or not _closes(tokens, words, k, matcher)):
        return None
    start = _label_start(tokens, words, i, floor)
    unit = unit_between(tokens, k, end) or unit_between(tokens, start, i) or unit_in(key)
    severe = any(words[x] in SEVERITY for x in range(start, j))
    partial = severe or qualified(tokens, words, j, i) or qualified(tokens, words, start, floor)
    stop = tokens[end - 1].end
    return Found("count", value, tokens[start].start, stop, key.key, end, unit, partial)


def counts(tokens: Sequence[Token], matcher: Matcher) -> list[Found]:
    """Every count in ``tokens``, in order; a figure's tokens are not read twice."""
    words = [t.word for t in tokens]
    found: list[Found] = []
    i, floor = 0, 0
    while i < len(tokens):
        hit = _forward(tokens, words, i, floor, matcher) or _backward(
            tokens, words, i, floor, matcher
        )
        if hit is None:
            i += 1
            continue
        found.append(hit)
        i = floor = hit.resume
    return found
