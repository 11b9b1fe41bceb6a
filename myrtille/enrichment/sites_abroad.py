"""A site opened abroad: export news, not an investment at home (session 15).

The gold of the sets reads a firm opening a plant, a shop, an office or a workshop in a
foreign country as its export ("opens a plant in Tangier", "ouvre une filiale au
Mexique"), not as an investment. The lexicon and market_entries.py read the short forms,
where the country follows the verb or a listed noun; the press often puts the site and
its kind between them ("has opened a packing station near Agadir, in Morocco", "ouvre un
atelier de finition en Suisse", "opens Moroccan packing station"). A verb or noun of
opening or setting up, then within its clause a noun of a site, then a foreign country,
people or city after a preposition (or the people's adjective next to the noun): that
sentence reports an export, and the investment triggers the lexicon read on the same
words (the site opened) are that export's wording, dropped.
"""

from __future__ import annotations

import itertools
import re

from spacy.parts_of_speech import ADJ
from spacy.strings import get_string_id
from spacy.tokens import Doc

from myrtille.enrichment.abroad import ABROAD
from myrtille.enrichment.doctext import lemmas_of, sentence_of, text_of

# Folded lemmas of opening or setting up a site ("set" only before "up").
_OPENING = frozenset(
    get_string_id(w)
    for w in (
        *("open", "opening", "inaugurate", "establish", "set"),
        *("ouvrir", "ouverture", "inaugurer", "inauguration", "implanter", "impler"),
        *("implantation", "creer", "creation"),
    )
)
_SET = get_string_id("set")
_UP = get_string_id("up")
# The site, right after the verb (a determiner and two words of kind between at most).
_SITE = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,3}?(?:[\w'’-]+\s+)?"
    r"(?:[ldLD]['’]\s?)?(?P<site>plants?|factor(?:y|ies)|facilit(?:y|ies)|workshops?|offices?|subsidiar(?:y|ies)|"
    r"branch(?:es)?|stores?|shops?|boutiques?|showrooms?|warehouses?|stations?|hubs?|depots?|"
    r"cent(?:re|er)s?|lab(?:orator(?:y|ies))?|outlets?|usines?|sites?|ateliers?|bureaux?|"
    r"filiales?|succursales?|magasins?|entrep[ôo]ts?|comptoirs?|plateformes?|agences?|"
    r"antennes?|laboratoires?|d[ée]p[ôo]ts?)\b",
    re.IGNORECASE,
)
# Where the site is: a preposition (a determiner after it) right before the place abroad.
_WHERE = re.compile(
    r"\b(?:in|near|at|outside|en|au|aux|à|dans|près\s+d[e'’]?)\s*(?:(?:the|la|le|les)\s+|l['’]\s?)?"
    r"(?:(?:north|south|east|west)(?:ern)?\s+)?\Z",
    re.IGNORECASE,
)
_ELSEWHERE = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,2}?(outside\s+(?:of\s+)?France|abroad|overseas|hors\s+de\s+France|"
    r"[àa]\s+l['’]\s?[ée]tranger)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(
    r"[.;:!?\n]|\b(?:but|mais|while|tandis|which|who|whose|qui|dont|where|où)\b", re.IGNORECASE
)
_REACH = 140


def opened_abroad(doc: Doc) -> list[tuple[int, int]]:
    """The (start, end) token spans, from the verb to the place, of the sites opened abroad
    in ``doc``. Gated on the lemma column: one pass over an array for most documents."""
    lemmas = lemmas_of(doc)
    text = text_of(doc)
    found = []
    for i in itertools.compress(itertools.count(), map(_OPENING.__contains__, lemmas)):
        token = doc[i]
        if token.pos == ADJ or (lemmas[i] == _SET and (i + 1 >= len(doc) or lemmas[i + 1] != _UP)):
            continue
        after = token.idx + len(token.text) + (3 if lemmas[i] == _SET else 0)
        reach = text[after : min(sentence_of(doc, i).end_char, after + _REACH)]
        end = _CLAUSE_END.search(reach)
        reach = reach[: end.start()] if end else reach
        site = _SITE.match(reach)
        if site is None:
            continue
        place = _place(reach, site.start("site"), site.end("site"))
        if place is None:
            continue
        last = doc.char_span(after + place, after + place + 1, alignment_mode="expand")
        found.append((i, last.end if last is not None else i + 1))
    return found


def _place(reach: str, site_start: int, site_end: int) -> int | None:
    """Where in ``reach`` the place abroad of the site found there is, if any: the people's
    adjective right before or after the site's noun, a place after a preposition, or
    "abroad" itself ("its first plant outside France", "une usine à l'étranger")."""
    elsewhere = _ELSEWHERE.match(reach, site_end)
    if elsewhere:
        return elsewhere.start(1)
    for m in ABROAD.finditer(reach):
        if m.start() < site_start:
            if not reach[m.end() : site_start].strip(" -"):
                return m.start()  # "opens Moroccan packing station": the word before
            if len(reach[m.end() : site_start].split()) <= 1:
                return m.start()  # "opens a Moroccan packing station"
            continue
        if not reach[site_end : m.start()].strip():
            return m.start()  # "une usine marocaine"
        if _WHERE.search(reach[site_end : m.start()]):
            return m.start()
    return None


def sites_abroad(doc: Doc, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """``found`` (the triggers) with an export trigger on the verb of each site opened
    abroad, and less the investment triggers inside that span (its wording)."""
    spans = opened_abroad(doc)
    if not spans:
        return found
    kept = [
        (label, start, end)
        for label, start, end in found
        if label != "event:investment" or not any(a <= start < b for a, b in spans)
    ]
    return kept + [("event:export", a, a + 1) for a, _ in spans]
