"""A name after a courtesy title is a person's, never a firm's: "replacing Mr Laurent
Marchal", "M. Paul Vernay, gérant", "Mme Claire Dubois est nommée présidente". The
registry links a surname that is also a firm's short name ("Marchal" for "Fonderie
Marchal"); such a mention is no event's company, least of all in a legal notice's change
of officers, where the persons replaced and appointed are all titled. In a change of
leader, a bare surname the document first gave a person's full name to is that person's
("has appointed Thomas Lemoine as chief executive. Lemoine … succeeds …")."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from myrtille.enrichment.companies import CompanyMention
from myrtille.enrichment.patterns import fold

# A courtesy title, then at most two given names (capitalised) before the mention.
_TITLED = re.compile(
    r"(?<![\w.])(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|M|Mme|Mlle|Monsieur|Madame|Mademoiselle|"
    r"Maître|Maitre)\.?\s+(?:[A-ZÉÈ][\w'’-]*\.?\s+){0,2}$"
)
_LOOKBEHIND = 40


def titled_person(text: str, mention: CompanyMention) -> bool:
    """Whether ``mention`` follows a courtesy title: a person's name."""
    if mention.end <= mention.start:
        return False
    return _TITLED.search(text[max(0, mention.start - _LOOKBEHIND) : mention.start]) is not None


def untitled(
    text: str, mentions: list[CompanyMention], doc: Doc | None = None
) -> list[CompanyMention]:
    """``mentions`` without the persons' names a courtesy title announces, nor a defined
    term taken for a firm; with ``doc`` (a change of leader), nor the surnames of persons
    the document named in full."""
    kept = [m for m in mentions if not titled_person(text, m) and not _defined_term(text, m)]
    return kept if doc is None else [m for m in kept if not _surname(doc, text, m)]


# Session 16: a release's defined terms, capitalised common nouns after an article ('X (the
# "Company")', "the Board has approved", "la Société a recruté"): the issuer and its organs,
# which the models may take for a firm of that name; the event is the issuer's.
DEFINED_TERMS = frozenset(
    {"company", "board", "group", "issuer", "management", "societe", "groupe", "emetteur"}
    | {"directoire", "conseil"}
)
_DEFINITE = re.compile(r"(?:\b(?:the|la|le)\s+|\bl['’]\s?)[\"“«]?\s*$", re.IGNORECASE)


def _defined_term(text: str, mention: CompanyMention) -> bool:
    return (
        mention.company_id is None
        and fold(mention.name.strip()) in DEFINED_TERMS
        and mention.name[:1].isupper()
        and _DEFINITE.search(text, max(0, mention.start - 8), mention.start) is not None
    )


_PERSONS = frozenset({"PERSON", "PER"})
# A capitalised first name just before the name ("Thomas Lemoine", "Jean-Marc Lemoine"), not
# a firm's word or an article ("Groupe Lemoine", "Maison", "Les", "The").
_FIRST_NAME = re.compile(
    r"(?<![\w'’-])(?!(?:Le|La|Les|The|Groupe|Group|Maison|Menuiserie|Fonderie|Transports|"
    r"Ets|Établissements|Etablissements|Société|Sté|Atelier|Ateliers|Laboratoires|Saint|"
    r"Sainte|Brasserie|Boulangerie|Garage|Imprimerie|Scierie|Domaine|Cabinet)\s)"
    r"[A-ZÉÈ][a-zéèëïîôâç]{2,}(?:-[A-ZÉ][a-zéèëïîôâç]+)?\s+$"
)
# What shows the full name a person's: an appointment before it ("has appointed", "names",
# "a nommé", "a choisi"), an age in apposition after the name ("Lemoine, 46,", "47 ans").
_APPOINTED = re.compile(
    r"(?i:\b(?:appointed|appoints|named|names|hired|hires|picked|picks|promoted|chosen|"
    r"nomm[ée]e?|nomme|choisi|d[ée]sign[ée]e?|promu|promue|recrut[ée]e?)\b\W+(?:as\s+)?)$"
)
_AGE = re.compile(r",\s*\d{2}(?:\s*ans)?\s*,")


def _surname(doc: Doc, text: str, mention: CompanyMention) -> bool:
    """Whether ``mention``, one word, is first written in ``doc`` as the last word of a
    person's full name ("has appointed Thomas Lemoine … Lemoine, 52, succeeds …")."""
    name = text[mention.start : mention.end]
    if mention.end <= mention.start or not name.isalpha():
        return False
    first = text.find(name)
    if first >= mention.start:
        return False
    given = _FIRST_NAME.search(text, max(0, first - 30), first)
    if given is None:
        return False
    end = first + len(name)
    return bool(
        _APPOINTED.search(text, max(0, given.start() - 40), given.start())
        or _AGE.match(text, end)
        or _AGE.match(text, mention.end)
        or any(e.label_ in _PERSONS and e.end_char == end for e in doc.ents)
    )
