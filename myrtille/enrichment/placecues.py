"""Words around a name that say it is a place: a preposition ("à", "in", "near"), a
participle ("installée", "-based"), a place noun ("l'usine de", "the port of"), a firm
noun ("l'entreprise de"), an elided "d'" or a French dateline ("Nancy : ...")."""

from __future__ import annotations

import re
from collections.abc import Sequence

# Words before a name that say "in this place" (folded; "à" folds to "a", and is checked
# on the original text so that the English article does not count).
_CUES_BEFORE = frozenset(
    {"à", "au", "aux", "en", "dans", "près", "pres", "in", "at", "near", "outside", "based"}
)
_CUES_BEFORE |= frozenset({"installé", "installée", "implanté", "implantée", "basé", "basée"})
_PLACE_NOUNS = frozenset(
    {"usine", "site", "agglomération", "ville", "commune", "port", "aéroport", "bassin"}
    | {"métropole", "plant", "factory", "city", "town", "suburbs", "outskirts", "mairie"}
    # A court's town: "le tribunal de commerce de Nancy", "tribunal judiciaire de Laval".
    | {"tribunal", "commerce", "judiciaire", "administratif", "court"}
    # A hospital's or a university's town: "au CHRU de Nancy", "the university of Nancy".
    | {"chu", "chru", "hôpital", "clinique", "université", "hospital", "university", "campus"}
    # An island's commune: "l'île de Groix", "the island of Ouessant".
    | {"île", "ile", "island", "isle"}
)
# "l'entreprise de Brest", "la PME de Laval": a firm of a town (never "d'": "la société
# d'Orange" is the firm's).
_FIRM_NOUNS = frozenset(
    {"entreprise", "entreprises", "société", "sociétés", "pme", "tpe", "eti", "firme"}
    | {"chantier", "chantiers", "atelier", "ateliers", "entrepôt", "entrepôts", "agence"}
    # A craft firm of a town: "un plombier de La Roche-sur-Yon et un électricien de Laval"
    # (no maker or trader: "un négociant de Champagne" deals in the wine).
    | {"plombier", "électricien", "couvreur", "menuisier", "charpentier", "maçon", "garage"}
    | {"transporteur", "imprimeur", "carrossier", "chaudronnier", "décolleteur", "façonnier"}
    | {"équipementier", "cabinet", "laboratoire"}
    # "une coopérative de Saint-Philippe", "la coopérative de Lapoutroie".
    | {"coopérative", "coopératives"}
)
_DEPARTMENT_OF = re.compile(
    r"(?i:\b(?:département|departement|department|région|region)\s+"
    r"(?:de\s+(?:la\s+|l['’]\s*)?|du\s+|des\s+|d['’]\s*|of\s+(?:the\s+)?))$"
)
# "dans le sud de la Manche", "in the north of the Vosges": a part of the place, so the place
# itself ("south of Paris", "au sud de Lyon", outside it, stay no cue).
_PART_OF = re.compile(
    r"(?i:\b(?:dans\s+le|in\s+the)\s+(?:nord|sud|est|ouest|centre|north|south|east|west)"
    r"(?:-(?:est|ouest|east|west))?\s+(?:de\s+(?:la\s+|l['’]\s*)?|du\s+|des\s+|d['’]\s*"
    r"|of\s+(?:the\s+)?))$"
)
_STAKES = frozenset({"shares", "stake", "stakes", "holding", "participation", "actions"})
_CUES_AFTER = frozenset({"based", "headquartered", "area", "region", "plant", "site"})


def place_cue(
    text: str, words: Sequence[tuple[str, int, int]], first: int, end: int, *, elision: bool = True
) -> bool:
    """Whether words around ``words[first:end]`` (folded word, start, end) say it is a
    place. ``elision``: whether a bare "d'" counts ("d'Angers"; "le capital d'Orange" does
    not make Orange a town)."""
    previous = [text[w[1] : w[2]].lower() for w in words[max(first - 2, 0) : first]]
    if previous and previous[-1] in _CUES_BEFORE:
        # "shares in Orange", "une participation dans Orange": a stake in a firm.
        return not (len(previous) == 2 and previous[0] in _STAKES)
    if len(previous) == 2 and previous[0] == "dans" and previous[1] in ("le", "la", "les"):
        return True
    if len(previous) == 2 and previous[0] in ("in", "across") and previous[1] == "the":
        return True  # "in the Manche", "across the Nord"
    if len(previous) == 2 and previous[0] in ("près", "pres", "proche") and previous[1] == "de":
        return True
    # At sea by an island or a port: "a wind farm off Belle-Île-en-Mer", "au large de Groix".
    if previous[-1:] == ["off"] or previous == ["large", "de"]:
        return True
    if elision and previous and previous[-1] == "d" and text[words[first][1] - 1] in "'’":
        return True  # "d'Angers": an elided preposition
    if len(previous) == 2 and previous[0] in _PLACE_NOUNS and previous[1] in ("de", "d", "of"):
        return True  # "l'usine de Nancy", "the port of Brest"
    if len(previous) == 2 and previous[0] in _FIRM_NOUNS and previous[1] == "de":
        return True
    if _DEPARTMENT_OF.search(text, max(words[first][1] - 30, 0), words[first][1]):
        return True  # "le département de la Manche", "the department of the Nord"
    if _PART_OF.search(text, max(words[first][1] - 30, 0), words[first][1]):
        return True  # "dans le sud de la Manche"
    if first == 0 and re.match(r"\s?:", text[words[end - 1][2] :]):
        return True  # a French dateline heading the title: "Nancy : ..."
    if end < len(words):
        joiner = text[words[end - 1][2] : words[end][1]]
        if joiner in ("-", "‐") and words[end][0] in _CUES_AFTER:
            return True
        if joiner == " " and words[end][0] in ("department", "departments"):
            return True  # "the Manche department"
    return False


# "across Occitanie and Provence", "ses parcs d'Occitanie et de Provence": a list. A comma then a
# preposition is an apposition ("Roussillon, en Isère"), not a list.
_LIST_JOINER = re.compile(
    r"\s*(?:,\s*(?:the|le|la|l['’])?|(?:,\s*)?(?:et|and|&)\s*"
    r"(?:(?:en|in|dans|à|a|the|le|la|l['’]|de|du|d['’])\s*)?)\s*"
)


def listed_with(text: str, start: int, end: int, others: Sequence[tuple[int, int]]) -> bool:
    """Whether the name at [start, end) of ``text`` is listed next to one of ``others``
    (spans of places of its kind that need no context): a list of places makes each one a
    place ("Occitanie and Provence")."""
    for other_start, other_end in others:
        if other_end <= start and _LIST_JOINER.fullmatch(text, other_end, start):
            return True
        if end <= other_start and _LIST_JOINER.fullmatch(text, end, other_start):
            return True
    return False
