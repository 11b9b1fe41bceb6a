"""Months by name, French and English, as the month of the year
(background.py dates event sentences with them; moved out of it in session 7)."""

from __future__ import annotations

_FRENCH = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
_ENGLISH = "january february march april may june july august september october november december"

# Their names as written, French ones also without their accents, for patterns.
FRENCH_MONTHS: tuple[str, ...] = (*_FRENCH.split(), "fevrier", "aout", "decembre")
ENGLISH_MONTHS: tuple[str, ...] = tuple(_ENGLISH.split())

MONTHS: dict[str, int] = {
    **{m: i for i, m in enumerate(_FRENCH.split(), 1)},
    **{m: i for i, m in enumerate(_ENGLISH.split(), 1)},
    "fevrier": 2,
    "aout": 8,
    "decembre": 12,
}
