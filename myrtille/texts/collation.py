"""Names in the order a reader of the language expects in a list: "Énergie" between
"Électronique" and "Environnement", "Île-de-France" after "Hauts-de-France", not after "Z".

Python's default order compares code points, which puts every accented capital after
"Z". CLDR's root collation, which French and English follow for these names, ignores
accents and case at first and looks at them only to break ties; that is what
``sort_key`` gives, without a compiled ICU library to depend on.
"""

from __future__ import annotations

import unicodedata

# Letters that no canonical decomposition splits, compared as the letters they join.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})
# Hyphens, apostrophes and spaces separate words: they weigh less than any letter.
_SEPARATORS = str.maketrans({"-": " ", "'": " ", "’": " "})


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.translate(_SEPARATORS).casefold().split())


def sort_key(text: str) -> tuple[str, str, str]:
    """Letters first (accents, case and hyphens ignored), then accents, then case."""
    return _folded(text), text.casefold(), text
