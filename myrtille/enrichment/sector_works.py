"""A public contract whose object is works: what it names is the worksite, not a trade.

A contract notice states its object in a field ("Object: maintenance dredging of the
commercial port of Brest", "Objet : réhabilitation du quai de commerce", "Object of the
contract: extension of the departures terminal at Bastia airport"). When that object
opens on building or civil-engineering work (construction, extension, repair,
rehabilitation, dredging, resurfacing, travaux…), the notice is construction news
whatever is built: the port, the airport, the hospital named in the object (and again in
the title) are the site, as a works contract's type says (`trade_statements.WORKS_FIELD`).
The tuning set's award notices by six authors are filed so, under construction alone;
those whose object is a service (school transport, tram maintenance, the supply of
equipment) or the operation of what is built keep their object's sector.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

Mention = tuple[str, int, int]  # (sector code, start, end)

WORKS_SECTOR = "construction"
# The object's label at the start of a line, then its value up to the end of the line.
# ("Objet social", a firm's purpose, is another field: `trade_statements.ACTIVITY_FIELD`.)
OBJECT_FIELD = re.compile(
    r"^[ \t]*(?:object|objet)(?:[ \t]+(?:of[ \t]+the[ \t]+(?:contract|tender)"
    r"|du[ \t]+march[ée]|de[ \t]+la[ \t]+consultation))?[ \t]*:[ \t]*(?P<value>[^\n]+)",
    re.IGNORECASE | re.MULTILINE,
)
# Building and civil-engineering work, opening the object's value within a few words
# ("Design-build contract for the extension of…", "maintenance dredging of…").
WORKS = re.compile(
    r"^(?P<before>(?:\S+\s+){0,5}?)(?P<work>(?:re)?construction|extension|travaux|works"
    r"|r[ée]habilitation|rehabilitation|r[ée]novation|renovation|r[ée]fection|repair"
    r"|reinforcement|renforcement|confortement|dredging|dragage|resurfacing|restoration"
    r"|restauration|refurbishment|d[ée]molition|agrandissement|design-build)\b",
    re.IGNORECASE,
)
# Words of a services or supply contract, or of operating what is built: before the
# works word ("services during track renewal works") or anywhere in the value ("la
# construction et l'exploitation de centrales photovoltaïques"), the object is no works.
NOT_WORKS = re.compile(
    r"servic|supply|fourniture|prestation|exploitation|operat|exploiter", re.IGNORECASE
)
# A contract notice says so ("award notice", "avis d'attribution", "marché public").
NOTICE = re.compile(
    r"contract|award|tender|march[ée]|attribution|appel d'offres|boamp|adjudicat",
    re.IGNORECASE,
)


def works_objects(
    doc: Doc, text: str, mentions: list[Mention]
) -> tuple[list[Mention], set[Mention]]:
    """The works mentions a notice's object adds (its sector's, stated), and the
    mentions of other sectors that name the worksite: inside the object, or the same
    term again in the title (before the object). Empty without a works object."""
    if "bje" not in text and "BJE" not in text:
        return [], set()
    works: list[Mention] = []
    sites: set[Mention] = set()
    for field in OBJECT_FIELD.finditer(text):
        value = field.group("value")
        opening = WORKS.match(value)
        if not opening or NOT_WORKS.search(value) or not NOTICE.search(text):
            continue
        first, last = field.start("value"), field.end("value")
        inside = [m for m in mentions if first <= doc[m[1]].idx < last]
        if not any(m[0] == WORKS_SECTOR for m in inside):
            at = first + opening.start("work")
            span = doc.char_span(at, first + opening.end("work"), alignment_mode="expand")
            if span is not None:
                works.append((WORKS_SECTOR, span.start, span.end))
        works += [m for m in inside if m[0] == WORKS_SECTOR]
        named = {_lemmas(doc, m) for m in inside if m[0] != WORKS_SECTOR}
        sites |= {m for m in inside if m[0] != WORKS_SECTOR}
        sites |= {
            m
            for m in mentions
            if m[0] != WORKS_SECTOR and doc[m[1]].idx < first and _lemmas(doc, m) in named
        }
    return works, sites


def _lemmas(doc: Doc, mention: Mention) -> str:
    return " ".join(t.lemma_.lower() for t in doc[mention[1] : mention[2]])
