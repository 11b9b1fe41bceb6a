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

from spacy.tokens import Doc

# The field's label at the start of a line or a sentence, then its value up to the end of
# the sentence or the line.
ACTIVITY_FIELD = re.compile(
    r"(?:^|(?<=[.;\n]))[ \t]*"
    r"(?:activit[ée]s?(?:[ \t]+(?:principale|exerc[ée]e))?|objet(?:[ \t]+social)?"
    r"|business(?:[ \t]+activity)?|principal[ \t]+activit(?:y|ies)|activit(?:y|ies)"
    r"|corporate[ \t]+purpose|purpose|nature[ \t]+of[ \t]+(?:the[ \t]+)?business)"
    r"[ \t]*:[ \t]*(?P<value>[^\n]+?)(?=\.(?:\s|$)|\n|$)",
    re.IGNORECASE | re.MULTILINE,
)


def activity_fields(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of each labelled activity field's value."""
    return [(m.start("value"), m.end("value")) for m in ACTIVITY_FIELD.finditer(text)]


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


def made(doc: Doc, start: int) -> bool:
    """Whether a verb or noun of making governs the term at ``start`` (see
    ACTIVITY_WORDS): what follows "pour", "for", "à" is a client's, so it stops there."""
    nouns = 0
    for i in range(start - 1, max(start - 6, -1), -1):
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


def named(doc: Doc, start: int, end: int) -> bool:
    """Whether the term is part of the name of a firm whose legal form stands beside it:
    in a notice the name of the firm it is about, which names its trade as often as not
    ("TAXIS DE L'AUXERROIS, société…", "la SARL MENUISERIES AUBRAC")."""
    if not all(t.is_upper or t.is_title for t in doc[start:end] if t.is_alpha):
        return False
    i = start - 1
    while i >= 0 and start - i <= 4 and (doc[i].is_upper or doc[i].is_title):
        if doc[i].lower_ in LEGAL_FORMS:
            return True
        i -= 1
    for token in doc[end : end + 6]:
        folded = token.lower_.replace("é", "e")
        if folded in LEGAL_FORMS:
            return True
        if not (token.is_upper or token.is_title or token.text == "," or folded in NAME_LINKS):
            return False
    return False
