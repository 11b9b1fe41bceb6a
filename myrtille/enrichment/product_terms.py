"""An event word that is part of a product's name (issue 14, session 14): the trade calls
some goods by a word the lexicon reads as an event. Offshore wind and grid firms buy and lay
"export cables" ("câbles d'export"), the cables that carry a wind farm's power to the shore:
"Mareole picks Danish supplier for floating-wind export cables", "le câble d'export du parc"
sell nothing abroad. The same holds for an "export substation" or "export line" of a grid,
and for "export pipelines" and "export terminals" of an energy network. An export trigger
that is one word before (English) or after (French, with "de"/"d'") such a noun is dropped.
"""

from __future__ import annotations

from spacy.tokens import Doc

# Goods and works a grid or an energy network names after the power or gas it carries out.
_GOODS = frozenset(
    {
        "cable",
        "cables",
        "câble",
        "câbles",
        "substation",
        "substations",
        "pipeline",
        "pipelines",
        "sous-station",
        "sous-stations",
        "gazoduc",
        "gazoducs",
        "oléoduc",
        "oléoducs",
    }
)
_EXPORT_WORDS = frozenset({"export", "exports", "exportation"})
_OF = frozenset({"de", "d'", "d’", "d"})


def product_terms(doc: Doc, triggers: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """``triggers`` (label, start, end) without the export triggers that name goods."""
    return [t for t in triggers if not (t[0].endswith(":export") and _names_goods(doc, t))]


def _names_goods(doc: Doc, trigger: tuple[str, int, int]) -> bool:
    _, start, end = trigger
    if end - start != 1 or doc[start].lower_ not in _EXPORT_WORDS or doc[start].pos_ == "VERB":
        return False  # "exports cables to Norway" is an export
    after = doc[end].lower_ if end < len(doc) else ""
    if after in _GOODS:
        return True  # "export cables", "the export substation"
    # "le câble d'export", "les câbles d'exportation"
    return start >= 2 and doc[start - 1].lower_ in _OF and doc[start - 2].lower_ in _GOODS


__all__ = ["product_terms"]
