"""How many SMS parts a text needs (3GPP TS 23.038).

A text that fits the GSM 7-bit alphabet gets 160 characters in one message (153 per part when
split); anything else, Vietnamese with diacritics included, is sent as UCS-2: 70 characters in
one message, 67 per part. Characters of the GSM extension table take two places.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

_GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM_EXTENSION = frozenset("^{}\\[~]|€\f")


@dataclass(frozen=True, slots=True)
class SmsSize:
    encoding: Literal["GSM-7", "UCS-2"]
    length: int  # in the encoding's units (GSM-7 septets, UCS-2 code units)
    single_limit: int  # 160 or 70
    parts: int

    @property
    def fits_one(self) -> bool:
        return self.parts <= 1


def measure(text: str) -> SmsSize:
    septets = _gsm_length(text)
    if septets is not None:
        return SmsSize("GSM-7", septets, 160, _parts(septets, 160, 153))
    # UCS-2 counts UTF-16 code units: a character outside the BMP (an emoji) takes two.
    units = len(text.encode("utf-16-le")) // 2
    return SmsSize("UCS-2", units, 70, _parts(units, 70, 67))


def _gsm_length(text: str) -> int | None:
    length = 0
    for char in text:
        if char in _GSM_BASIC:
            length += 1
        elif char in _GSM_EXTENSION:
            length += 2
        else:
            return None
    return length


def _parts(length: int, single: int, per_part: int) -> int:
    if length <= single:
        return 1
    return -(-length // per_part)
