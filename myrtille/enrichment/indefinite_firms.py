"""A clause whose subject is some firm, introduced by an indefinite article (session 12).

"Un fournisseur d'acier installé près d'Orléans a été placé en liquidation", "A paper mill
near Rouen will close": the firm is another than the article's, which the sentence would
call "l'entreprise", "the company" or by its name. A sentence that names no firm otherwise
goes to the article's company; one whose subject is such a firm is that firm's event, no
firm the document names. Words that may stand for the article's own plant ("une usine",
"a plant") or for its backers ("un groupe d'investisseurs") are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from myrtille.enrichment.companies import CompanyMention
from myrtille.enrichment.doctext import text_of
from myrtille.enrichment.patterns import fold
from myrtille.enrichment.ties import TIE_LEMMAS

# Nouns that describe some firm.
FIRM_WORDS = frozenset(
    {"entreprise", "societe", "firme", "pme", "start-up", "startup", "papeterie", "fonderie"}
    | {"scierie", "fabricant", "producteur", "equipementier", "industriel", "company", "firm"}
    | {"maker", "producer", "manufacturer", "mill", "foundry", "sawmill", "supplier"}
    | frozenset(fold(word) for word in TIE_LEMMAS)
)
INDEFINITE = frozenset({"a", "an", "un", "une", "another", "autre"})
_JOINING = frozenset({"and", "but", "while", "et", "mais", "tandis", "alors"})
# The marks before a joined clause, as the ids ``Token.orth`` holds (no string lookup).
_MARKS = (",", ";")
_CUTS = frozenset(get_string_id(mark) for mark in _MARKS)
# How many words of description may come between the article and the noun ("un petit
# fabricant lyonnais", "a Normandy paper mill").
_WITHIN = 3


def indefinite_firm(sentence: Span, begin: int, trigger: Span) -> bool:
    """Whether the trigger's clause (from ``begin``) opens with an indefinite description
    of a firm ("Un fournisseur …", "A paper mill …")."""
    doc = sentence.doc  # the words before the trigger only: those after are never read
    words_before = (doc[i] for i in range(sentence.start, min(sentence.end, trigger.start)))
    tokens: Iterable[Token] = (t for t in words_before if t.idx >= begin)
    # The last clause joined before the trigger: "X shut its plant, and a Korean cell maker
    # has put plans … on hold". Without its marks in the clause's text, none is: its words
    # are then made only as far as they are read below.
    text = text_of(doc)
    if any(text.find(mark, begin, trigger.start_char) >= 0 for mark in _MARKS):
        tokens = list(tokens)
        joined = [
            i + 2
            for i, t in enumerate(tokens[:-1])
            if t.orth in _CUTS and fold(tokens[i + 1].lower_) in _JOINING
        ]
        tokens = tokens[joined[-1] :] if joined else tokens
    # Only the first words are read (a joining word, the article, the description and its
    # noun): each folded as it comes, none once the first says no article can follow.
    words: list[str] = []
    for t in tokens:
        if t.is_punct or t.is_space:
            continue
        words.append(fold(t.lower_))
        if len(words) == 1 and words[0] not in INDEFINITE and words[0] not in _JOINING:
            return False
        if len(words) == _WITHIN + 3:
            break
    if words and words[0] in _JOINING:
        words = words[1:]  # "Et un fournisseur …"
    return (
        bool(words)
        and words[0] in INDEFINITE
        and any(w in FIRM_WORDS for w in words[1 : 1 + _WITHIN + 1])
    )


# An apposition that ties the next sentence's firm to the one described ("X, one of its
# customers", "X, l'un de ses clients", "X, son concurrent").
_TIED_BACK = re.compile(
    r"\s*,\s*(?:l['’]\s?un\s+de\s+|un\s+de\s+|one\s+of\s+)?(?:ses|son|sa|leur|leurs|its|their)\b",
    re.IGNORECASE,
)
# What may open the next sentence before the name: "Il s'agit de X", "It is X".
_NAMING = re.compile(r"(?:il\s+s['’]agit\s+d(?:e\s+|['’]\s?)|it\s+is\s+)?", re.IGNORECASE)


def named_next(sentence: Span, mentions: list[CompanyMention], text: str) -> CompanyMention | None:
    """Session 16: the registry firm that opens the sentence after a lead's first sentence,
    which the lead describes before naming it ("A French hydrogen producer has chosen
    Teesside … Hydrogène de Lorraine confirmed …", "Une PME vendéenne va recruter 40
    personnes. Il s'agit de X"): the firm described; ``None`` elsewhere."""
    title_end = text.find("\n")
    if title_end < 0 or text[title_end : sentence.start_char].strip():
        return None  # not the first sentence below the title
    doc = sentence.doc
    # The next sentence, in the lead's paragraph or the next one.
    following = next((t for t in doc[sentence.end :] if not t.is_space), None)
    if following is None:
        return None
    start = _NAMING.match(text, following.idx).end()
    named = next((m for m in mentions if m.start == start and m.company_id is not None), None)
    if named is not None and _TIED_BACK.match(text, named.end):
        return None  # "Groupe Marvec, one of its customers, said …": another firm
    return named


__all__ = ["FIRM_WORDS", "INDEFINITE", "indefinite_firm", "named_next"]
