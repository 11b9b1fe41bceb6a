"""The language check counts letters without listing them: the same count as one match
per letter (what "too short to tell" is measured in)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from myrtille.enrichment.language import _has_letters, _letters

ONE_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
MIXED = "aZé_1 \n\t-’'«»ß\u0301\u00a0日本٣.,;!?ǅⅣ"


@given(st.text(st.sampled_from(MIXED), max_size=60) | st.text())
def test_letters_are_counted_as_one_match_per_letter(text: str) -> None:
    assert _letters(text) == len(ONE_LETTER.findall(text))


@given(st.text(st.sampled_from(MIXED), max_size=400) | st.text(), st.integers(0, 120))
def test_enough_letters_is_the_whole_count_against_the_threshold(text: str, count: int) -> None:
    assert _has_letters(text, count) == (_letters(text) >= count)
