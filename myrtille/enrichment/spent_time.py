"""Time spent, not money (session 15, precision B).

"Spend" counts time as well as money: "visitors from the UK spent 1.9 million nights in
the department's hotels", "guests spent 2.3 million nights in the region's campsites",
"spent an average of 4.2 nights", "spent three days on site". Nights, days, hours or weeks
spent are a stay or a visit, no sum invested. (French writes "passer" for time, a verb no
investment pattern holds.)
"""

from __future__ import annotations

import re

from spacy.tokens import Span

_SPEND = re.compile(r"\bspen[dt]\w*", re.IGNORECASE)
# After the verb: a count (or "an average of", "a record") then a unit of time.
_TIME_SPENT = re.compile(
    r"\bspen[dt]\w*\s+(?:(?:an?\s+average\s+of|a\s+record|some|about|around|nearly|over|"
    r"more\s+than|almost|close\s+to|a|an)\s+)*"
    r"(?:[\d.,]+\s*(?:million|billion|m|bn|k)?\s+|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|several|many|few)\s+)?"
    r"(?:(?:more|extra|additional|bed|hotel|guest|overnight)\s+)?"
    r"(?:nights?|days?|hours?|weeks?|months?|years?|holidays?|stays?)\b",
    re.IGNORECASE,
)


def time_spent(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """Whether the investment ``trigger``'s verb of spending counts time ("spent 1.9
    million nights"), not money."""
    if kind != "investment" or not _SPEND.search(trigger.text):
        return False
    found = _TIME_SPENT.search(text, trigger.start_char, sentence.end_char)
    return found is not None and found.start() < trigger.end_char
