"""Overseas collectivities and Pacific territories: French, but no department (Saint-
Pierre-et-Miquelon, Wallis-et-Futuna, French Polynesia, New Caledonia). Their names hold a
commune's or a department's name the matcher would take alone: "Saint-Pierre and
Miquelon" in English is not Saint-Pierre on La Réunion (974). Their whole names, in French
and English, are spans that hold no place; their towns (Nouméa, Papeete, Mata-Utu) are in
no list and give nothing either.
"""

from __future__ import annotations

import re

_SAINT = r"(?:Saint|St\.?|Ste?)[\s\-‐]+"
_AND = r"[\s\-‐]+(?:et|and|&)[\s\-‐]+"
_COLLECTIVITIES = re.compile(
    rf"\b(?:{_SAINT}Pierre{_AND}Miquelon|Wallis{_AND}Futuna"
    r"|Polyn[ée]sie\s+fran[çc]aise|French\s+Polynesia"
    r"|Nouvelle[\s\-‐]+Cal[ée]donie|New\s+Caledonia)\b"
)


# A word that each name above holds, as written (the pattern is case-sensitive): a text
# holding none of them names no collectivity, and the pattern is not run over it.
_HELD = ("Miquelon", "Futuna", "Polyn", "doni")  # Calédonie, Caledonia


def collectivity_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` naming a collectivity with no department."""
    if not any(word in text for word in _HELD):
        return []
    return [match.span() for match in _COLLECTIVITIES.finditer(text)]
