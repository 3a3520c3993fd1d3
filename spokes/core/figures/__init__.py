"""Figures in a text: counts, times and dates, each tied to the fact key it speaks about.

A draft, a social-media post or a news article is checked against an incident's fact sheet by
finding the figures it states ("3 người chết", "13h10 ngày 29/11/2026", "Deaths: 2") and the
fact each one is about. This package only finds and ties them; comparing with the facts is done
elsewhere. It is pure: no printing, no database, standard library only.

Matching runs on :func:`fold` of the NFC text (lower case, no diacritics, "đ" as "d"), which has
the same length as the NFC text, so a span found in one indexes the other. Texts typed without
diacritics therefore match like texts with them; :mod:`.spelling` says when a word typed
without them may not be read as the word its fold spells ("Nam" is not "năm", "bà" is not "ba").

The modules: :mod:`.text` (text forms, context), :mod:`.spelling` (the diacritics rule),
:mod:`.numbers` (digits and number words), :mod:`.vocabulary` (the words naming each fact),
:mod:`.tokens` and :mod:`.lexicon` (what counts are read from), :mod:`.counts`,
:mod:`.moments` (times and dates) and :mod:`.found` (the figures returned).
"""

from __future__ import annotations

from spokes.core.figures.counts import counts
from spokes.core.figures.found import Figure, Found, Kind, Unit, Value
from spokes.core.figures.moments import moments, tie_moments
from spokes.core.figures.numbers import parse_number
from spokes.core.figures.spelling import Spelling
from spokes.core.figures.text import FOLD_TABLE, context, fold, normalise
from spokes.core.figures.tokens import tokens
from spokes.core.figures.vocabulary import DEFAULT_VOCABULARY, Vocabulary, matcher

__all__ = [
    "DEFAULT_VOCABULARY",
    "Figure",
    "Kind",
    "Unit",
    "Value",
    "Vocabulary",
    "extract",
    "fold",
    "normalise",
    "parse_number",
]


def _figure(norm: str, found: Found) -> Figure:
    text = norm[found.start : found.end]
    where = context(norm, found.start, found.end)
    return Figure(
        found.kind, found.key, found.value, found.start, found.end, text, where,
        found.unit, found.partial,
    )  # fmt: skip


def extract(text: str, vocabulary: Vocabulary = DEFAULT_VOCABULARY) -> list[Figure]:
    """Every count, time and date in ``text``, in text order, tied to fact keys where possible."""
    norm = normalise(text)
    folded = norm.translate(FOLD_TABLE)
    spelling = Spelling(norm, folded)
    compiled = matcher(vocabulary)
    found = moments(norm, folded, spelling)
    tie_moments(found, folded, compiled)
    words = tokens(folded, spelling, [(f.start, f.end) for f in found])
    ordered = sorted([*found, *counts(words, compiled)], key=lambda f: f.start)
    return [_figure(norm, f) for f in ordered]
