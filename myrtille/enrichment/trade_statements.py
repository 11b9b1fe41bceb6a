"""Where a text states a firm's trade in so many words, beyond a trade noun.

Legal notices (BODACC, annonces légales) and company registers give the firm's activity
in a labelled field: "Activité : fabrication de menuiseries extérieures", "Objet social :
édition de logiciels", "Business: road haulage of goods". That field is what the firm
does, whatever else the notice names (a court, a liquidator, a client): its first sector
is the firm's, like a term a trade noun governs. What follows that first sector in the
field is often the firm's clients ("software for the management of medical practices",
"logiciels de gestion pour les exploitations agricoles"), so only the first counts so.
"""

from __future__ import annotations

import re

# The field's label at the start of a line or a sentence, then its value up to the end of
# the sentence or the line.
ACTIVITY_FIELD = re.compile(
    r"(?:^|(?<=[.;\n]))[ \t]*"
    r"(?:activit[ée]s?(?:[ \t]+(?:principale|exerc[ée]e))?|objet(?:[ \t]+social)?"
    r"|business(?:[ \t]+activity)?|principal[ \t]+activit(?:y|ies)|activit(?:y|ies)"
    r"|corporate[ \t]+purpose|purpose|nature[ \t]+of[ \t]+(?:the[ \t]+)?business)"
    r"[ \t]*:[ \t]*(?P<value>[^\n]+?)(?=\.(?:\s|$)|\n|$)",
    re.IGNORECASE | re.MULTILINE,
)


def activity_fields(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of each labelled activity field's value."""
    return [(m.start("value"), m.end("value")) for m in ACTIVITY_FIELD.finditer(text)]
