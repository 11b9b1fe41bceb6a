"""A firm's unit as the subject: its subsidiary's event, or a joint venture's, not its own.

Headlines name a subsidiary by its parent's name and a possessive ("Batterix's Calais unit
to hire 200", "Batterix's Calais plant commits €300m") or a joint venture by its parents'
("Verrand-Kalmo joint venture approves …"); French puts the parent after the unit
("l'usine de Calais de Batterix recrutera …", "la coentreprise Verrand-Kalmo investit").
The parent's name is then no subject: the event belongs to the subsidiary, which the
registry often lists under the parent's name and its place ("Batterix Calais"), or, for a
unit, a division or a joint venture the document does not name, to no firm the document
names. A plant is its owner's ("Batterix's Calais plant to hire") unless a firm of the
document bears the parent's name and the plant's place.
"""

from __future__ import annotations

import re

from myrtille.enrichment.companies import CompanyMention
from myrtille.enrichment.outside_firms import unit_abroad
from myrtille.enrichment.parsed_subject import UNKNOWN
from myrtille.enrichment.patterns import fold

# Words naming a unit that is a firm of its own, not its parent: the event is not the
# parent's, whatever firm it is.
_OWN_FIRMS = r"unit|subsidiary|arm|division|affiliate|joint[- ]venture|jv"
# Words naming a site: its owner's event, unless a firm bears the owner's and the place's
# names.
_SITES = r"plant|factory|gigafactory|site|works|facility"
_SITE_WORDS = frozenset(_SITES.split("|"))
# After the parent: "'s", up to three words and the unit ("Batterix's new Calais unit"),
# or a joint venture of it and a second parent ("Verrand-Kalmo joint venture").
_AFTER = re.compile(
    r"['’]s\s+(?P<words>(?:[\w'’.-]+\s+){0,3}?)"
    rf"(?P<unit>{_OWN_FIRMS}|{_SITES})\b"
    r"|(?:\s*[-–/]\s*[A-Z][\w'’.]*)?\s+(?P<venture>joint[- ]venture|JV)\b",
    re.IGNORECASE,
)
# Before the parent, in French: "l'usine de Calais de", "la filiale calaisienne de", "la
# coentreprise de" (the unit, its place, then "de": "la filiale Batterix Calais" names the
# subsidiary itself).
_BEFORE = re.compile(
    r"\b(?P<unit>usine|site|filiale|unite|coentreprise|joint-venture)\s+"
    r"(?P<words>(?:d[eu]\s+|d')?(?:[\w'’-]+\s+){0,2}?)(?:d[eu]\s+|d'|des\s+)$"
)
# A joint venture named by its parents in French: "la coentreprise Verrand-Kalmo".
_VENTURE_BEFORE = re.compile(r"\b(?:coentreprise|joint-venture)\s+$")
_PARTNER_AFTER = re.compile(r"\s*[-–/]\s*[A-Z]")
_FRENCH_OWN_FIRMS = frozenset({"filiale", "coentreprise", "joint-venture", "unite"})
_LOOKBEHIND = 50


def unit_of(
    text: str, parent: CompanyMention, mentions: list[CompanyMention], kind: str
) -> CompanyMention | None:
    """The firm whose event it is when ``parent`` names only a unit's owner ("Batterix's
    Calais unit"): the document's firm named after the parent and the unit's place, or an
    empty mention (no firm of the document) for a subsidiary or a joint venture; None when
    ``parent`` is the subject itself."""
    if (abroad := unit_abroad(text, parent)) is not None:
        return abroad  # "Cellvia UK Limited": a firm of its own (session 16)
    if kind == "partnership":
        return None  # "X and Y set up a joint venture": the parents' partnership
    lead = _lead_subsidiary(text, parent, mentions)
    if lead is not None:
        return lead  # "Cellvia commits €120m …" over "Cellvia Douai, its subsidiary, will …"
    after = _AFTER.match(text, parent.end)
    if after is not None and after.group("venture"):
        return UNKNOWN  # the joint venture's, which the phrase does not name
    if after is not None and not _clause_break(after.group("words")):
        words, own = after.group("words"), after.group("unit").lower() not in _SITE_WORDS
    else:
        preceding = fold(text[max(0, parent.start - _LOOKBEHIND) : parent.start])
        if _VENTURE_BEFORE.search(preceding) and _PARTNER_AFTER.match(text, parent.end):
            return UNKNOWN
        before = _BEFORE.search(preceding)
        if before is None:
            return None
        words, own = before.group("words"), before.group("unit") in _FRENCH_OWN_FIRMS
    named = _named_after(text, parent, words, mentions)
    if named is not None:
        return named
    return UNKNOWN if own else None


def _lead_subsidiary(
    text: str, parent: CompanyMention, mentions: list[CompanyMention]
) -> CompanyMention | None:
    """The first firm of the lead under a title naming ``parent``, a registry firm whose
    name is the parent's and more ("Cellvia commits €120m to a line at Douai" over "Cellvia
    Douai, the battery-module subsidiary of Cellvia, will invest …", session 13; or over
    "Job seekers queued from 8 am. Cellvia Douai, Cellvia's subsidiary, is hiring …",
    session 15): a headline shortens the subsidiary to its group's name, the text says
    whose the news is."""
    title_end = text.find("\n")
    if title_end < 0 or parent.start >= title_end or parent.company_id is None:
        return None
    lead = len(text) - len(text[title_end:].lstrip())
    opening = next((m for m in mentions if m.start >= lead and m.end > m.start), None)
    if opening is None or opening.company_id in (None, parent.company_id):
        return None
    if "\n" in text[lead : opening.start]:
        return None  # session 15: the lead's first firm, not only its first words
    written = fold(text[parent.start : parent.end])
    return opening if fold(opening.name).startswith(f"{written} ") else None


def _clause_break(between: str) -> bool:
    """A verb or a comma between the possessive and the unit word: another clause."""
    return "," in between or bool(re.search(r"\b(?:is|are|has|have|will|to|and|its)\b", between))


def _named_after(
    text: str, parent: CompanyMention, words: str, mentions: list[CompanyMention]
) -> CompanyMention | None:
    """A registry firm of the document whose name is the parent's, as written, and one of
    ``words`` ("Batterix Calais" for "Batterix's Calais unit")."""
    written = fold(text[parent.start : parent.end])
    for word in re.findall(r"[\w'’-]+", fold(words)):
        if word in ("de", "du", "d", "new", "nouvelle", "nouveau"):
            continue
        wanted = f"{written} {word}"
        for mention in mentions:
            if (
                mention.company_id
                and mention.company_id != parent.company_id
                and f"{fold(mention.name)} ".startswith(f"{wanted} ")
            ):
                return mention
    return None


def title_unit(text: str, mentions: list[CompanyMention], kind: str) -> CompanyMention | None:
    """The firm of the document a title names by its parent and a possessive ("Batterix's
    Calais unit to hire 200" over a text about Batterix Calais): the article's firm, whose
    are the events of sentences that name none, not the parent's."""
    title_end = text.find("\n")
    first = next((m for m in mentions if m.company_id and m.end > m.start), None)
    if first is None or title_end < 0 or first.start >= title_end:
        return None
    unit = unit_of(text, first, mentions, kind)
    return unit if unit is not None and unit.company_id is not None else None
