"""A registry name that is also a common word, written as a name inside a sentence.

"Sillage", "Horizon", "Atlas" are words as well as firms, so the registry's match of such
a name needs context before it is taken for the firm (``companies.py``). One context is
the writing itself: French and English capitalise a common noun only where a sentence
starts (or in a headline), so "la DGA a notifié à Sillage un marché", "souligne la
présidente de Sillage" or "the plaisance, Sillage employs" name the firm. Not when a
determiner leads it ("l'Atlas marocain", "the Atlas of Economic Complexity"), when it is
one word of a longer name ("Horizon Europe", "Horizon 2030", "Bernard Marchal"), or when
the document names a person by it ("Sophie Lemoine … a déclaré Lemoine").
"""

from __future__ import annotations

from spacy.tokens import Span

from myrtille.enrichment.doctext import entities_of

# Words that make the capitalised word after them a noun with an article, not a name.
_DETERMINERS = frozenset(
    {
        "l'",
        "l’",
        "le",
        "la",
        "les",
        "du",
        "des",
        "un",
        "une",
        "ce",
        "cet",
        "cette",
        "the",
        "a",
        "an",
        "this",
        "that",
    }
)
_PEOPLE = frozenset({"PER", "PERSON"})


def written_as_name(span: Span) -> bool:
    """Whether the one-word ``span`` is capitalised inside a sentence, after a lower-case
    word or a comma, and not followed by another capitalised word or a number."""
    doc = span.doc
    if len(span) != 1 or span.start == 0:
        return False
    token = span[0]
    if not token.text[:1].isupper() or token.text.isupper() or token.is_sent_start:
        return False
    before = doc[span.start - 1]
    if "\n" in before.whitespace_ or before.lower_ in _DETERMINERS:
        return False
    # session 14: after a brief's place and dash too ("Le Havre – Horizon décroche …")
    placed = before.text in ("–", "—") and span.start > 1 and doc[span.start - 2].is_title
    if not (before.text == "," or placed or (before.is_alpha and before.text.islower())):
        return False
    if span.end < len(doc):
        after = doc[span.end]
        if after.text[:1].isupper() or after.text[:1].isdigit():
            return False
    return not _a_surname(span)


def _a_surname(span: Span) -> bool:
    """Whether the document names a person whose name ends with this word."""
    word = span.text
    # The document's entities made once (doctext.entities_of): Doc.ents makes a Span per
    # entity at each call, and this is asked for each common-word name.
    return any(
        entity.label_ in _PEOPLE and len(entity) > 1 and entity[-1].text == word
        for entity in entities_of(span.doc)
    )
