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
from collections.abc import Iterator

from spacy.tokens import Doc

from myrtille.enrichment.cues import Cued, cued
from myrtille.enrichment.doctext import text_of
from myrtille.enrichment.patterns import fold
from myrtille.enrichment.sector_cues import CueWords, cues_of
from myrtille.enrichment.sector_works import works_objects

Mention = tuple[str, int, int]  # (sector code, start, end)

# The field's label at the start of a line or a sentence, then its value up to the end of
# the sentence or the line.
ACTIVITY_FIELD = re.compile(
    r"(?:^|(?<=[.;\n]))[ \t]*"
    r"(?:activit[ée]s?(?:[ \t]+(?:principale|exerc[ée]e))?|objet(?:[ \t]+social)?"
    r"|business(?:[ \t]+activity)?|principal[ \t]+activit(?:y|ies)|activit(?:y|ies)"
    r"|corporate[ \t]+purpose|purpose|nature[ \t]+of[ \t]+(?:the[ \t]+)?business"
    r"|descriptor|descripteur)"
    r"[ \t]*:[ \t]*(?P<value>[^\n]+?)(?=\.(?:\s|$)|\n|$)",
    re.IGNORECASE | re.MULTILINE,
)
ACTIVITY_FIELD = cued(ACTIVITY_FIELD, ":", "activit objet business purpose nature descript")


def activity_fields(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of each labelled activity field's value."""
    return [(m.start("value"), m.end("value")) for m in _on_lines(ACTIVITY_FIELD, text)]


def _on_lines(pattern: Cued, text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a field's pattern, searched on the lines that hold
    a colon only: a field's match (label, colon, value) stands within one line, and the
    engine tries such a pattern at every character it is given."""
    at = text.find(":")
    while at >= 0:
        end = text.find("\n", at) + 1 or len(text)  # the line's newline is read too
        yield from pattern.finditer(text, text.rfind("\n", 0, at) + 1, end)
        at = text.find(":", end)


# A public contract's type, which procurement law sorts into works, supplies and services:
# "Type de marché : travaux", "Nature du marché : Travaux", "Type of contract: Works". A
# works contract is building or civil-engineering work whatever it is for (a port's quay,
# a school, a road): the tuning set's eight such notices, by four authors, are all filed
# under construction alone, whatever their object names (a fishing port, a harbour).
WORKS_FIELD = re.compile(
    r"(?:^|(?<=[.;\n]))[ \t]*(?:type|nature|cat[ée]gorie)(?:[ \t]+(?:de|du|of))?"
    r"(?:[ \t]+(?:march[ée]|contrat|contract))?[ \t]*:[ \t]*(?P<value>travaux|works)\b",
    re.IGNORECASE | re.MULTILINE,
)
WORKS_FIELD = cued(WORKS_FIELD, ":", "travaux works")
WORKS_SECTOR = "construction"


# A round-up's section headers: a line that opens on a sector's name in capitals and a
# dash ("ENERGY — Mareole Energies has named…", "SANTÉ – Medisys recrute…") files what
# follows under that sector, as a title does. The names are the lexicon's labels' words.
HEADER = re.compile(r"^[ \t]*(?P<label>[^\n—–-]{3,40}?)[ \t]+[—–-][ \t]+", re.MULTILINE)
HEADER_DASHES = ("—", "–", " - ")
HEADER_WORDS = {
    **dict.fromkeys(("aeronautique", "aeronautics", "aerospace", "spatial"), "aeronautics"),
    **dict.fromkeys(("automobile", "automotive"), "automotive"),
    **dict.fromkeys(("defense", "defence"), "defence"),
    **dict.fromkeys(("agroalimentaire", "agrifood", "agriculture"), "agrifood"),
    **dict.fromkeys(("energie", "energy"), "energy"),
    **dict.fromkeys(("chimie", "chemicals"), "chemicals"),
    **dict.fromkeys(("btp", "construction"), "construction"),
    **dict.fromkeys(("numerique", "digital"), "digital"),
    **dict.fromkeys(("sante", "health", "healthcare"), "health"),
    **dict.fromkeys(("transport", "transports", "logistique", "logistics"), "transport"),
    **dict.fromkeys(("textile", "luxe", "luxury", "fashion"), "textile_luxury"),
    **dict.fromkeys(("tourisme", "tourism", "hotellerie", "hospitality"), "tourism"),
}
HEADER_LINKS = re.compile(r"\s*(?:,|&|/|\bet\b|\band\b)\s*")


def header_sector(label: str) -> str:
    """The sector a section header in capitals names, or "" ("ÉNERGIE", "TRANSPORT ET
    LOGISTIQUE", "AGRIFOOD")."""
    if not label.isupper():
        return ""
    words = [w for w in HEADER_LINKS.split(fold(label.strip().lower())) if w]
    codes = {HEADER_WORDS.get(w, "") for w in words}
    return codes.pop() if len(codes) == 1 else ""


def headers(doc: Doc, text: str) -> list[Mention]:
    """A sector for each round-up section header (see HEADER)."""
    if "\n" not in text or not any(dash in text for dash in HEADER_DASHES):
        return []
    found = []
    for m in HEADER.finditer(text):
        code = header_sector(m.group("label"))
        span = doc.char_span(m.start("label"), m.end("label"), alignment_mode="expand")
        if code and span is not None:
            found.append((code, span.start, span.end))
    return found


def heading(doc: Doc, start: int) -> bool:
    """Whether the mention at ``start`` is a section header (its sector's, a title's)."""
    token = doc[start]
    return (
        token.is_upper
        and (start == 0 or "\n" in doc[start - 1].text_with_ws)
        and bool(header_sector(token.text))
    )


def stated_trades(
    doc: Doc, mentions: list[Mention]
) -> tuple[list[Mention], set[Mention], set[Mention]]:
    """The mentions with a works contract's type added as its sector's (see WORKS_FIELD);
    those that state the firm's trade: the first sector named in each labelled activity
    field of a notice ("Activité : fabrication de menuiseries", "Business: production of
    beer") or a works contract's type; and those of the sectors named after it in a
    field, its clients' ("logiciels pour les cliniques"), which are no evidence. In a
    works notice, "Objet :" names what is built for a client ("le môle du port de
    pêche", "la gare routière"), no evidence either: the works state the trade. A
    round-up's section headers (see HEADER) are added as stated too."""
    text = text_of(doc)
    works = [
        (WORKS_SECTOR, span.start, span.end)
        for m in _on_lines(WORKS_FIELD, text)
        if (span := doc.char_span(m.start("value"), m.end("value"), alignment_mode="expand"))
    ]
    # A works object's worksite (`sector_works`) is no evidence either.
    objects, clients = works_objects(doc, text, mentions)
    works += [m for m in objects if m not in mentions]
    stated: set[Mention] = set(works) | set(objects)
    for first, last in activity_fields(text):
        inside = [m for m in mentions if first <= doc[m[1]].idx < last]
        for mention in inside:
            (stated if mention[0] == inside[0][0] else clients).add(mention)
    if works or objects:
        clients |= {m for m in stated if m[0] != WORKS_SECTOR}
        stated -= clients
    # A header the lexicon names too ("TRANSPORT —") is one mention, stated.
    heads = headers(doc, text)
    at = {h[:2] for h in heads}
    stated |= {m for m in mentions if m[:2] in at}
    heads = [h for h in heads if h[:2] not in {m[:2] for m in mentions}]
    stated |= set(heads)
    return sorted(mentions + works + heads, key=lambda m: (m[1], m[2], m[0])), stated, clients


# Verbs that say what a firm makes or runs (folded lemmas, either language): their
# object is its trade ("qui fabriquait du beurre", "la société édite des logiciels",
# "spécialisée dans les fromages", "which makes cheese", "it operates 40 coaches"). Not
# their nouns: "la production d'hydrogène", "l'assemblage des éoliennes" are as often a
# topic as a trade.
ACTIVITY_WORDS = frozenset(
    {
        *("fabriquer", "produire", "concevoir", "usiner", "editer", "developper"),
        *("commercialiser", "assembler", "transformer", "specialiser", "brasser"),
        *("cultiver", "exploiter", "specialiste"),
        *("make", "manufacture", "produce", "design", "develop", "assemble", "process"),
        *("brew", "grow", "publish", "specialise", "specialize", "operate", "machine"),
    }
)
# The lemmatizer leaves some verb forms as they are ("qui usine des pièces").
ACTIVITY_FORMS = frozenset({"usine", "usinent", "usinait"})
# Between the verb and the term: articles, "de"/"of", adjectives, numbers, and at most one
# noun of what is made ("des pièces de trains d'atterrissage", "parts of").
BETWEEN = frozenset({"de", "du", "des", "d'", "of", "en", "dans", "in", "le", "la", "les", "l'"})
BETWEEN_TAGS = ("DET", "ADJ", "NUM")
MADE_REACH = 5
MADE_CUES = CueWords(lowered=ACTIVITY_WORDS, lowers=ACTIVITY_FORMS)  # `sector_cues`


def made(doc: Doc, start: int) -> bool:
    """Whether a verb or noun of making governs the term at ``start`` (see
    ACTIVITY_WORDS): what follows "pour", "for", "à" is a client's, so it stops there."""
    if not cues_of(doc).near(MADE_CUES, start - MADE_REACH, start):
        return False
    nouns = 0
    for i in range(start - 1, max(start - MADE_REACH - 1, -1), -1):
        token = doc[i]
        lemma = token.lemma_.lower()
        if lemma in ACTIVITY_WORDS or (token.pos_ == "VERB" and token.lower_ in ACTIVITY_FORMS):
            return True
        if lemma in BETWEEN or token.pos_ in BETWEEN_TAGS:
            continue
        if token.pos_ == "NOUN" and nouns == 0 and doc[i + 1].lemma_ in BETWEEN:
            nouns += 1
            continue
        return False
    return False


# Legal forms that open or close a firm's name in a notice ("TAXIS DE L'AUXERROIS, société
# à responsabilité limitée", "la SARL MENUISERIES AUBRAC", "ALPES TAXIS SAS").
LEGAL_FORMS = frozenset(
    {"sarl", "sas", "sasu", "sa", "eurl", "snc", "sci", "scop", "societe", "ltd", "limited"}
)
NAME_LINKS = frozenset({"de", "du", "des", "d'", "l'", "la", "le", "les", "et", "&", "-"})
# How far before and after the term `named` looks for a legal form.
NAME_BEFORE, NAME_AFTER = 4, 6


def _accented(word: str) -> set[str]:
    """The lower forms that `named` reads as ``word`` (each "e" also written "é")."""
    forms = {""}
    for c in word:
        forms = {f + a for f in forms for a in ((c, "é") if c == "e" else (c,))}
    return forms if "é" not in word else set()


LEGAL_CUES = CueWords(lowers={f for form in LEGAL_FORMS for f in _accented(form)})


def named(doc: Doc, start: int, end: int) -> bool:
    """Whether the term is part of the name of a firm whose legal form stands beside it:
    in a notice the name of the firm it is about, which names its trade as often as not
    ("TAXIS DE L'AUXERROIS, société…", "la SARL MENUISERIES AUBRAC")."""
    cues = cues_of(doc)
    if not (
        cues.near(LEGAL_CUES, start - NAME_BEFORE, start)
        or cues.near(LEGAL_CUES, end, end + NAME_AFTER)
    ):
        return False
    if not all(t.is_upper or t.is_title for t in doc[start:end] if t.is_alpha):
        return False
    i = start - 1
    while i >= 0 and start - i <= NAME_BEFORE and (doc[i].is_upper or doc[i].is_title):
        if doc[i].lower_ in LEGAL_FORMS:
            return True
        i -= 1
    for token in doc[end : end + NAME_AFTER]:
        folded = token.lower_.replace("é", "e")
        if folded in LEGAL_FORMS:
            return True
        if not (token.is_upper or token.is_title or token.text == "," or folded in NAME_LINKS):
            return False
    return False
