"""The words counts are made of: counted nouns and their units, fillers, and qualifiers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spokes.core.figures.found import Unit
from spokes.core.figures.text import listed, phrase
from spokes.core.figures.tokens import Token
from spokes.core.figures.vocabulary import Matcher, Phrase


@dataclass(frozen=True, slots=True)
class Noun:
    unit: Unit | None
    alone: bool  # worth reporting even when no key word follows: "3 người", "12 hộ"


def _nouns(unit: Unit | None, alone: bool, words: str) -> dict[tuple[str, ...], Noun]:
    return {phrase(word): Noun(unit, alone) for word in listed(words)}


def _by_last_word(text: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    table: dict[str, list[tuple[str, ...]]] = {}
    for words in map(phrase, listed(text)):
        table.setdefault(words[-1], []).append(words)
    return {last: tuple(phrases) for last, phrases in table.items()}


# Nouns that may stand between a number and its key word.
NOUNS: dict[tuple[str, ...], Noun] = {
    **_nouns(
        "person",
        True,
        "người, nhân khẩu, nạn nhân, cháu, trẻ em, trẻ, học sinh, công nhân, ngư dân, du khách,"
        " chiến sĩ, thuyền viên, people, persons, person, residents, resident, victims,"
        " children, others",
    ),
    **_nouns("person", False, "em, ai, evacuees"),
    **_nouns("household", True, "hộ, households, household, families, family"),
    **_nouns("house", True, "nhà, houses, homes"),
    **_nouns("house", False, "house, home"),
    **_nouns(None, True, "trường hợp"),
    **_nouns(None, False, "ngôi, căn, ca"),
}
AUX = frozenset(
    phrase(
        "bị đã phải được khác nữa đều cũng dân nào đang bé"
        " were was have has been are is more other also had reportedly being"
    )
)
# Between a key word and its number in a statement: "Số người chết: 2", "death toll rose to 5".
CONNECTORS = frozenset(
    phrase(
        ": = - – là lên tăng hiện nay đã đến tới ít nhất hơn khoảng gần"
        " is was were of to toll rose risen has have reached stood stands at now least"
        " more than about nearly over some"
    )
)
CONJUNCTIONS = frozenset(phrase("và hoặc còn and or"))
LABEL_WORDS = frozenset(phrase("số tổng"))
# How badly: a part of the injured, "1 người bị thương nặng", "2 were seriously injured".
SEVERITY = frozenset(phrase("nặng nhẹ seriously critically slightly severely badly minor"))
# Before a number, a part or an estimate: "trong đó 2 người", "hơn 100 hộ", "at least 3".
_QUALIFIERS = _by_last_word(
    "trong đó, trong số đó, ít nhất, hơn, khoảng, gần, chừng,"
    " of whom, including, at least, more than, about, nearly, some, over, around,"
    " approximately, almost, roughly, up to"
)
_QUALIFIER_GAP = frozenset(phrase(", : có là"))  # "trong đó, 2 người", "trong số đó có 2"
_MAX_GAP = 2


def key_at(tokens: Sequence[Token], i: int, matcher: Matcher) -> Phrase | None:
    if i >= len(tokens) or tokens[i].kind == "blocked":
        return None
    for found in matcher.counts.get(tokens[i].fold, ()):
        window = tokens[i : i + len(found.words)]
        if len(window) == len(found.words) and all(
            t.kind != "blocked" and t.fold == w for t, w in zip(window, found.words, strict=True)
        ):
            return found
    return None


def noun_at(tokens: Sequence[Token], i: int) -> tuple[int, Noun] | None:
    """(index after the noun, the noun) for a counted noun at ``i``."""
    for length in (2, 1):
        words = tuple(t.word or "" for t in tokens[i : i + length])
        if len(words) == length and words in NOUNS:
            return i + length, NOUNS[words]
    return None


def unit_between(tokens: Sequence[Token], lo: int, hi: int) -> Unit | None:
    """The unit of the first counted noun with one in ``tokens[lo:hi]``."""
    k = lo
    while k < hi:
        noun = noun_at(tokens, k)
        if noun is not None and noun[1].unit is not None and noun[0] <= hi:
            return noun[1].unit
        k = noun[0] if noun is not None else k + 1
    return None


def unit_in(key: Phrase) -> Unit | None:
    """The unit a key word names itself: "nhà bị hư hại", "houses damaged"."""
    units = (NOUNS[(word,)].unit for word in key.words if (word,) in NOUNS)
    return next((unit for unit in units if unit is not None), None)


def qualified(tokens: Sequence[Token], words: Sequence[str | None], i: int, floor: int) -> bool:
    """Whether a qualifier stands just before the number at ``i``, or before a comma or "có"."""
    k = i
    for _ in range(_MAX_GAP + 1):
        if k <= floor or tokens[k].new_line:
            return False
        before = words[k - 1] or ""
        if any(_ends_at(tokens, words, k, floor, q) for q in _QUALIFIERS.get(before, ())):
            return True
        if before not in _QUALIFIER_GAP:
            return False
        k -= 1
    return False


def _ends_at(
    tokens: Sequence[Token], words: Sequence[str | None], k: int, floor: int, q: tuple[str, ...]
) -> bool:
    """Whether the qualifier ``q`` ends just before ``k``, on one line, after ``floor``."""
    lo = k - len(q)
    if lo < floor or tuple(words[lo:k]) != q:
        return False
    return not any(t.new_line for t in tokens[lo + 1 : k])
