"""Words around a place name that make it something else: the river a department is
named after ("vallée du Rhône", "on the Seine"), or a compass point abroad ("Afrique du
Nord", "le Nord de l'Europe")."""

from __future__ import annotations

from myrtille.enrichment.geography import Place

_ARTICLES = frozenset({"le", "la", "l", "the"})
# Departments named after their river: after these words the name is the river ("vallée du
# Rhône", "bords de la Marne", "on the Seine"), not the department.
_RIVERS = frozenset(
    {"loire", "rhone", "seine", "marne", "meuse", "somme", "dordogne", "vienne", "charente"}
    | {"moselle", "oise", "aisne", "cher", "indre", "lot", "tarn", "aude", "var", "gard"}
    | {"doubs", "allier", "ain", "eure", "orne", "sarthe", "mayenne", "yonne", "aube"}
    | {"ardeche", "drome", "isere", "gers", "aveyron", "ariege", "creuse", "loiret", "loir"}
)
_RIVER_CUES = frozenset(
    {"vallee", "bord", "bords", "rive", "rives", "estuaire", "fleuve", "riviere", "berges"}
    | {"embouchure", "confluent", "crue", "crues", "valley", "river", "banks", "bank"}
    | {"estuary", "barrage", "dam", "hydroelectrique", "hydroelectriques", "centrale"}
)
# Just before an article: "descend la Seine", "sur la Loire", "down the Rhône".
_RIVER_MOVES = frozenset({"descend", "remonte", "sur", "down", "up", "along", "on"})
# "Afrique du Nord", "mer du Nord", "le Nord de l'Europe": a compass point, not the department.
_ABROAD = frozenset(
    {"afrique", "europe", "amerique", "asie", "mer", "pole", "cap", "coree", "irlande"}
    | {"italie", "hemisphere", "pays", "caucase", "soudan", "macedoine", "chypre"}
)


def river_or_compass(
    place: Place, words: list[str], previous: list[str], following: list[str]
) -> bool:
    """``words``: a place name's folded words, ``previous`` the (up to) three before it,
    ``following`` the three after. True for "la vallée du Rhône", "sur la Loire", "the
    Seine river", "Afrique du Nord"."""
    name = " ".join(words)
    if place.kind == "department" and name in _RIVERS:
        if set(previous) & _RIVER_CUES or (following[:1] == ["river"]):
            return True
        if previous[-2:-1] and previous[-2] in _RIVER_MOVES and previous[-1] in _ARTICLES:
            return True
    if name in ("nord", "sud", "est", "ouest", "centre"):
        if previous[-2:-1] and previous[-2] in _ABROAD and previous[-1] in ("du", "de"):
            return True
        if following[:3] in (["de", "l", "europe"], ["de", "l", "afrique"]):
            return True
    return False
