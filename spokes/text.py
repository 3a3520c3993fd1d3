"""Text as people type it: one normal form for Vietnamese, whatever the keyboard sent."""

from __future__ import annotations

import unicodedata


def tidy(text: str) -> str:
    """NFC, and runs of spaces made one: ``Phúc`` typed decomposed or precomposed is one name."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def tidy_or_none(text: str | None) -> str | None:
    """:func:`tidy`, with nothing (``None`` or only spaces) as ``None``."""
    return (tidy(text) or None) if text is not None else None


def same_name(a: str, b: str) -> bool:
    """Names compared as people read them: normal form, case and spacing ignored."""
    return tidy(a).casefold() == tidy(b).casefold()
