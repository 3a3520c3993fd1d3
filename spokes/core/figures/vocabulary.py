"""The words that name each fact, and the same words compiled for matching."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from spokes.core.figures.text import fold, listed, normalise, phrase


def _frozen(words: Mapping[str, Sequence[str]]) -> Mapping[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for key, given in words.items():
        items = (given,) if isinstance(given, str) else tuple(given)
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


DEFAULT_VOCABULARY = Vocabulary(
    counts={
        "deaths": listed(
            "chết, tử vong, thiệt mạng, tử nạn,"
            " dead, deaths, death, died, killed, killing, fatalities, fatality"
        ),
        "injured": listed("bị thương, injured, injuring, wounded, hurt, injuries, injury"),
        "missing": listed("mất tích, missing"),
        "evacuated": listed("di dời, sơ tán, di tản, evacuated, relocated, evacuation, evacuees"),
        "houses_damaged": listed(
            "nhà bị hư hại, nhà bị sập, nhà bị hư hỏng, nhà hư hại, nhà bị đổ sập,"
            " nhà dân bị hư hại, nhà dân bị sập, nhà dân bị hư hỏng,"
            " houses damaged, homes damaged, houses destroyed, homes destroyed,"
            " damaged houses, damaged homes, houses were damaged, homes were damaged,"
            " houses were destroyed, homes were destroyed"
        ),
    },
    times={
        "occurred_at": listed(
            "xảy ra, xảy ra lúc, xảy ra vào lúc, occurred, happened, took place, struck"
        ),
        "next_update_at": listed("cập nhật, update, next update, will be updated"),
    },
)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A count key word, folded: "bị thương" as ("bi", "thuong")."""

    key: str
    words: tuple[str, ...]
    english: bool


@dataclass(frozen=True, slots=True)
class Matcher:
    """A vocabulary compiled for matching."""

    counts: Mapping[str, tuple[Phrase, ...]]  # first folded word -> phrases, longest first
    time_words: re.Pattern[str] | None
    time_keys: Mapping[str, str]  # folded phrase, single-spaced -> key
    longest_time_word: int


@lru_cache(maxsize=32)
def matcher(vocabulary: Vocabulary) -> Matcher:
    by_phrase: dict[tuple[str, ...], Phrase] = {}
    for key, words in vocabulary.counts.items():
        for word in words:
            folded = phrase(word)
            if folded:  # a word listed under two keys belongs to the later one
                by_phrase[folded] = Phrase(key, folded, word.isascii())
    counts: dict[str, list[Phrase]] = {}
    for found in sorted(by_phrase.values(), key=lambda p: -len(p.words)):
        counts.setdefault(found.words[0], []).append(found)
    time_keys = {" ".join(fold(w).split()): key for key, ws in vocabulary.times.items() for w in ws}
    alternatives = sorted(time_keys, key=len, reverse=True)
    pattern = "|".join(r"[^\S\n]+".join(map(re.escape, w.split())) for w in alternatives if w)
    return Matcher(
        counts=MappingProxyType({first: tuple(ps) for first, ps in counts.items()}),
        time_words=re.compile(rf"(?<!\w)(?:{pattern})(?!\w)") if pattern else None,
        time_keys=MappingProxyType(time_keys),
        longest_time_word=max(map(len, alternatives), default=0),
    )
