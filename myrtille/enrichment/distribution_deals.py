"""A distribution deal whose territory the next sentence names (issue 14, session 13).

The press tells a distribution deal in two steps: the deal and the distributor first ("a
signé un contrat de distribution exclusif avec la société X"), then where the distributor
will sell ("Le distributeur commercialisera son logiciel en Wallonie et à Bruxelles",
"Under the agreement, X will place the biscuits in 300 stores across Japan"). A
distribution deal abroad is the firm's export, not a customer's contract (the gold
convention of the sets: 30 of the 33 tuning documents with such a deal abroad label the
export alone), so when the deal's own sentence names no foreign place, the sentence after
it, in the same paragraph, gives the territory; under a title that tells the deal, the
lead below it does (session 14)."""

from __future__ import annotations

import itertools
import re
from typing import Protocol

from spacy.strings import get_string_id
from spacy.tokens import Doc

from myrtille.enrichment.abroad import names_abroad
from myrtille.enrichment.doctext import lemmas_of, sentence_of, span_text, text_of

# The deal by its name: "contrat de distribution (exclusif)", "accord de distribution",
# "distribution agreement|deal|contract" (not "un contrat avec un distributeur", which may
# be a customer's order).
DISTRIBUTION_DEAL = re.compile(
    r"\b(?:contrats?|accords?)\s+(?:exclusifs?\s+)?de\s+distribution\b|"
    r"\bdistribution\s+(?:agreements?|deals?|contracts?)\b",
    re.IGNORECASE,
)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class Told(Protocol):
    sentence: str
    start: int
    end: int


def territory_next(doc: Doc, event: Told) -> bool:
    """Whether ``event``'s sentence (ending at character ``end`` of ``doc``) tells a
    distribution deal without a foreign place, and the next sentence of its paragraph
    names one."""
    if DISTRIBUTION_DEAL.search(event.sentence) is None or names_abroad(event.sentence):
        return False
    end = event.end
    following = next((t for t in doc if t.idx >= end and not t.is_space), None)
    if following is None:
        return False
    text = text_of(doc)
    if _PARAGRAPH_BREAK.search(text[end : following.idx]) and text[: event.start].strip():
        return False  # the next paragraph tells something else
    # session 14: a title tells the deal ("Orthalis signs Iberian distribution deal",
    # "Millau glovemaker Jouvel signs U.S. distribution deal"), the lead below it where the
    # distributor sells ("to sell its Kinetis knee range in Spain and Portugal")
    return names_abroad(following.sent.text)


def _words(text: str) -> list[str]:
    return text.split()


# session 14: a distribution deal abroad told without "export" and without a lexicon word
# of partnership or contract: the deal by its terms ("has signed an agreement with New York
# department store group X to distribute its gloves in 24 U.S. stores", "has signed an
# exclusive agreement with X, a Valencia distributor, to sell its knee range in Spain",
# "has appointed X as its exclusive importer for Japan", "a confié la distribution de ses
# vins en Chine à X", "a signé avec l'importateur X pour commercialiser ses pruneaux au
# Canada", "ses biscuits seront distribués par X dans 300 magasins au Japon"). A sentence
# with a word of distributing and a word of the deal, which names a place abroad (or, for a
# title, whose lead does), is that export.
_DISTRIBUTING = frozenset(
    get_string_id(word)
    for word in _words(
        "distribute distribution distributor distributorship importer "
        "distribuer distribution distributeur distributrice importateur importer "
        "commercialiser commercialisation"
    )
)
_DEAL_TERMS = re.compile(
    r"\b(?:agreements?|deals?|signed|signs|signing|appoint\w*|"
    r"accords?|sign[ée]\w*|signe(?:nt)?|confi\w*|nomm\w*|exclusi\w*)\b",
    re.IGNORECASE,
)
# A deal the lexicon already reads (a contract, a deal called a partnership, a distribution
# deal by its name), which events.py turns into an export when it is abroad: left to it.
_READ_ALREADY = re.compile(r"\bcontra(?:ct|t)s?\b|\bpartena\w*|\bpartner\w*", re.IGNORECASE)


def distribution_exports(doc: Doc) -> list[tuple[str, int, int]]:
    """Export triggers ("event:export", start, end) on the word of distributing of each
    sentence that tells a distribution deal abroad (see above). Gated on the lemma column:
    a document without a word of distributing costs one pass over an array."""
    # the lemma column picked at C speed: a Python step only for the words of distributing
    distributing = map(_DISTRIBUTING.__contains__, lemmas_of(doc))
    found: list[tuple[str, int, int]] = []
    seen: set[int] = set()
    for i in itertools.compress(itertools.count(), distributing):
        sentence = sentence_of(doc, i)
        if sentence.start in seen:
            continue
        seen.add(sentence.start)
        said = span_text(sentence)
        if _DEAL_TERMS.search(said) is None or _READ_ALREADY.search(said):
            continue  # no deal, or one the lexicon reads (DISTRIBUTION_DEAL names a contract)
        if names_abroad(said) or _lead_abroad(doc, sentence.start_char, sentence.end_char):
            found.append(("event:export", i, i + 1))
    return found


def _lead_abroad(doc: Doc, start: int, end: int) -> bool:
    """Whether the sentence from ``start`` to ``end`` is the document's title (nothing
    before it) and the sentence after it, the lead, names a place abroad."""
    text = text_of(doc)
    if text[:start].strip():
        return False
    following = next((t for t in doc if t.idx >= end and not t.is_space), None)
    return following is not None and names_abroad(following.sent.text)
