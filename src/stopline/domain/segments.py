"""SMS encoding and segment counting (3GPP TS 23.038 / 23.040).

A text that fits the GSM-7 alphabet (basic table plus the extension table, whose characters
take two septets: an escape and the character) is sent as GSM-7: one segment carries 160
septets, a split message 153 per segment (the user data header takes the rest), and an escape
pair is never split across segments. Anything else is sent as UCS-2 (UTF-16): 70 code units in
one segment, 67 per segment when split; characters outside the Basic Multilingual Plane (most
emoji) take two code units that stay together. The GSM alphabet comes from the ``gsm0338``
codec.
"""

from __future__ import annotations

from dataclasses import dataclass

import gsm0338  # noqa: F401  (registers the "gsm03.38" codec)

GSM_SINGLE, GSM_PART = 160, 153
UCS2_SINGLE, UCS2_PART = 70, 67


@dataclass(frozen=True, slots=True)
class Encoding:
    name: str  # "GSM-7" or "UCS-2"
    units: int  # septets (GSM-7) or UTF-16 code units (UCS-2)
    segments: int
    per_segment: int  # capacity of each segment at this length
    non_gsm: tuple[str, ...] = ()  # the distinct characters that force UCS-2, in order

    @property
    def unit_name(self) -> str:
        return "septets" if self.name == "GSM-7" else "UTF-16 code units"


def gsm_septets(char: str) -> int | None:
    """Septets ``char`` takes in GSM-7 (1, or 2 for the extension table), None if it has none."""
    try:
        return len(char.encode("gsm03.38"))
    except UnicodeEncodeError:
        return None


def encoding_of(text: str) -> Encoding:
    costs: list[int] = []
    non_gsm: list[str] = []
    for char in text:
        cost = gsm_septets(char)
        if cost is None:
            if char not in non_gsm:
                non_gsm.append(char)
        else:
            costs.append(cost)
    if not non_gsm:
        return _segment("GSM-7", costs, GSM_SINGLE, GSM_PART)
    units = [2 if ord(c) > 0xFFFF else 1 for c in text]
    return _segment("UCS-2", units, UCS2_SINGLE, UCS2_PART, tuple(non_gsm))


def _segment(
    name: str, costs: list[int], single: int, part: int, non_gsm: tuple[str, ...] = ()
) -> Encoding:
    total = sum(costs)
    if total <= single:
        return Encoding(name, total, 1, single, non_gsm)
    segments, used = 1, 0
    for cost in costs:  # an escape pair or surrogate pair never straddles two segments
        if used + cost > part:
            segments += 1
            used = 0
        used += cost
    return Encoding(name, total, segments, part, non_gsm)
