"""A town's name that the text shows to be a person's surname: "names Sophie Albi chief
executive ... Albi, 48, joins from Safran ... Albi said", "chief executive Pascale Florange
said. Florange added that ...".

Why: the NER misses many full names (a title's, a name it has not seen), so the matcher
reads the surname alone, later in the text, as the town. A surname shows itself by an age
in apposition ("Albi, 48,", "Albi, 48 ans,"), or by standing alone as the subject of a
speech verb ("Albi said", "Florange a précisé") in a text that also writes it after a first
name. Its mentions then give no place, save those a place word introduces ("à Albi", "the
mayor of Albi", "near Albi").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from myrtille.enrichment.geography import PlaceName, place_key

# "Albi, 48, joins", "Albi, 48 ans, rejoint".
_AGE = re.compile(r",\s*\d{2}(?:\s*ans)?\s*,")
_SPEECH = re.compile(
    r"\s+(?:said|says|told|added|explained|insisted|noted"
    r"|a\s+(?:déclaré|expliqué|précisé|ajouté|indiqué|souligné|estimé|confié))\b"
)
# A capitalised first name before the surname: "Sophie Albi", "Jean-Marc Albi" (not "Le",
# "Saint", "Grand": parts of a place's name; not a sentence's first word: "The", "Near").
_NOT_FIRST_NAMES = (
    "Le|La|Les|Saint|Sainte|Grand|Greater|Port|Mont|Pays|Val|The|This|That|Its|Our|Near"
    "|From|Outside|Around|Dans|Près|Pour|Chez|Une|Des|Aux|Sur|Vers|Avec|Selon|Entre|Between"
)
_FIRST_NAME = rf"\b(?!(?:{_NOT_FIRST_NAMES})\s)"
_FIRST_NAME += r"[A-ZÉÈ][a-zéèëïîôâç]{2,}(?:-[A-ZÉ][a-zéèëïîôâç]+)?\s+"
# Words that make the name a place: "à Albi", "in Albi", "the mayor of Albi", "d'Albi".
_PLACE_BEFORE = re.compile(
    r"(?i:\b(?:à|au|aux|en|dans|près\s+d[e'’]|in|at|near|of|de|from|around|outside"
    r"|based|basée?s?)\s*$|d['’]$)"
)


def without_people(names: Sequence[PlaceName], text: str) -> list[PlaceName]:
    """``names`` less the mentions of communes ``text`` shows to be a person's surname."""
    surnames = {
        place_key(n.text) for n in names if n.place.kind == "commune" and _surname(n, names, text)
    }
    if not surnames:
        return list(names)
    return [
        n
        for n in names
        if place_key(n.text) not in surnames
        or _PLACE_BEFORE.search(text, max(n.start - 20, 0), n.start)
    ]


def _surname(name: PlaceName, names: Sequence[PlaceName], text: str) -> bool:
    if _AGE.match(text, name.end):
        return True
    before = text[max(name.start - 40, 0) : name.start]
    if not _SPEECH.match(text, name.end) or re.search(_FIRST_NAME + "$", before):
        return False  # "Cellvia Douai said": a firm's name, not a surname alone
    full = re.compile(_FIRST_NAME + re.escape(name.text) + r"\b")
    return bool(full.search(text))
