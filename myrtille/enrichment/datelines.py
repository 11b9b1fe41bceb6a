"""A press release's dateline: the place and date that open its first sentence.

"Saint-Fons, 30 November 2026 — X today announced …", "Paris, le 3 décembre 2026 – X
annonce …": the parser may take the place for the subject of the sentence, and the
event then went to a firm named after the place.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

# A press release's dateline before its first sentence ("Saint-Fons, 30 November 2026 —",
# "Paris, le 3 décembre 2026 –", "LYON, France, Dec. 3, 2026 /PRNewswire/ --"): a place
# and a date, never the subject, though the parser may take the place for it.
_MONTH = (
    r"(?:janv|f[ée]vr|mars|avr|mai|juin|juil|ao[uû]t|sept|oct|nov|d[ée]c|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep)[a-zéû]*\.?"
)
_DATELINE = re.compile(
    r"\W*[A-ZÉÈ][^,\n]{0,40}(?:,\s*[A-ZÉÈ][^,\n\d]{0,25})?,\s*(?:le\s+)?"
    rf"(?:\d{{1,2}}(?:er)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}})(?:,?\s+\d{{4}})?\s*"
    r"(?:/[^/\n]{1,30}/)?\s*(?:[—–]|--?)\s*",
    re.IGNORECASE,
)


def dateline_end(sentence: Span, text: str) -> int:
    """Where a dateline that opens ``sentence`` ends (its start when there is none)."""
    found = _DATELINE.match(text, sentence.start_char, sentence.end_char)
    return found.end() if found else sentence.start_char


__all__ = ["dateline_end"]
