"""Sector words that are part of a person's or a place's name.

"Jean-Claude Hébert" is no pair of jeans, "Saint-Flour" no flour mill, "Châlons-en-
Champagne" no champagne house: a one-word term written with a capital inside a compound
name (its words joined by hyphens, another of them capitalised) that is a place's (a link
word, a saint) or a person's (the tagger's reading) is no evidence. A firm's name is left
alone ("Brittany Ferries", "Transports Garnier", "Agri-Ouest" state their trade). (A first
name the tagger reads in a person's name was tried too: it reads firms so, "Parfums
Sorel".)
"""

from __future__ import annotations

from spacy.tokens import Doc

from myrtille.enrichment.sector_cues import CueWords, cues_of

PERSON = "PER", "PERSON"
# What marks a hyphenated compound as a place's name rather than a firm's ("Agri-Ouest",
# "Nord-Logistique" state a trade): a link word or a saint ("Châlons-en-Champagne",
# "Saint-Flour", "Villers-lès-Nancy"). (The tagger's reading of the compound as a place
# was tried too: it reads firms' names so, "Nord-Logistique".)
PLACE_LINKS = frozenset(
    {"en", "sur", "sous", "lès", "les", "lez", "le", "la", "de", "du", "des", "aux", "d'"}
)
SAINTS = frozenset({"saint", "sainte", "st", "ste", "mont", "port"})
# How far a hyphenated name runs either side of the term ("Châlons - en - Champagne").
HYPHEN_REACH = 3


# Particles of Dutch and Flemish surnames, which firms bear ("Van Dijk Logistics", "Van
# Roekel Food Group", "Jan van der Berg"): a "van" the tagger reads inside a person's or a
# firm's name that runs on to the next word is no vehicle (session 15: two texts by two
# authors, a haulier and a biscuit maker filed under automotive). A "van" outside a name
# ("Van sales rose", a headline's "Boosts Van Production") is left alone.
PARTICLES = frozenset({"van"})
NAMES = (*PERSON, "ORG")
# A name holds at a particle (the term itself) or a hyphen beside it (`sector_cues`): a
# token whose lower form is "-" is a hyphen (nothing else lowers to it).
NAME_CUES = CueWords(lowers={*PARTICLES, "-"})


def in_name(doc: Doc, start: int, end: int) -> bool:
    """Whether the one-word term at ``start`` is part of a person's or a place's name,
    or a surname's particle."""
    if end - start != 1 or not cues_of(doc).near(NAME_CUES, start - 1, start + 2):
        return False
    return _particle(doc, start) or (doc[start].is_title and _hyphenated_name(doc, start))


def _particle(doc: Doc, start: int) -> bool:
    """Whether the token is a surname's particle inside a name that runs on ("Van
    Dijk")."""
    token = doc[start]
    return (
        token.lower_ in PARTICLES
        and token.ent_type_ in NAMES
        and start + 1 < len(doc)
        and doc[start + 1].ent_iob_ == "I"
        and doc[start + 1].is_title
    )


def _hyphenated_name(doc: Doc, start: int) -> bool:
    """Whether the token is joined by hyphens (no space) to other words, one of them
    capitalised, and a place's or a person's ("Saint-Flour", "Châlons-en-Champagne",
    "Jean-Claude"), not a firm's ("Agri-Ouest", "Nord-Logistique")."""
    capitalised = joined = placed = False
    i = start
    for _ in range(HYPHEN_REACH):  # leftwards: word - word - term
        if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_:
            if doc[i - 1].whitespace_:
                break
            i -= 2
            joined = True
            capitalised = capitalised or doc[i].is_title
            placed = placed or doc[i].lower_ in PLACE_LINKS or doc[i].lower_ in SAINTS
        else:
            break
    i = start
    for _ in range(HYPHEN_REACH):  # rightwards: term - word - word
        if i + 2 < len(doc) and not doc[i].whitespace_ and doc[i + 1].text == "-":
            if doc[i + 1].whitespace_:
                break
            i += 2
            joined = True
            capitalised = capitalised or doc[i].is_title
            placed = placed or doc[i].lower_ in PLACE_LINKS
        else:
            break
    placed = placed or doc[start].ent_type_ in PERSON
    return joined and capitalised and placed
