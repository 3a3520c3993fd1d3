"""What the finders return: a figure as written, and the record a finder builds it from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["count", "time", "date"]
Value = int | tuple[int, int] | tuple[int, int, int | None]
Unit = Literal["person", "household", "house"]


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
    unit: Unit | None = None  # what a count counts: "45 người" people, "12 hộ" households
    partial: bool = False  # a part or an estimate: "4 người bị thương nhẹ", "hơn 100 hộ"


@dataclass(slots=True)
class Found:
    """A figure while it is being found: a span of the NFC text, tied to a key later."""

    kind: Kind
    value: Value
    start: int
    end: int
    key: str | None = None
    resume: int = 0  # token index to scan on from
    unit: Unit | None = None
    partial: bool = False
