"""Events told of firms in general, not of one firm (issue 14, session 5).

A market review or a round-up tells what a trade does as a whole: "Several luxury groups
have signed long-term purchase agreements", "Two-thirds of companies in Brittany say they
cannot fill a vacancy", "de nombreux cabinets indépendants s'adossent à des groupes plus
grands", "across the Alps, the industry hired 18,000 seasonal workers". The clause's
subject is a set of firms counted loosely (a quantifier, a fraction, an English bare
plural) or the trade itself, so the event word reports a trend, not the news of a firm:
no event the document is about.

Since session 7 a class of firms or a trade with a qualifier is one too ("la filière des
composites", "les fabricants français de composites", "the region's composite industry"),
and the count may stand alone as the subject ("some have closed plants",
"certains ont fermé des usines") or be "a handful of", "une poignée de".

Session 13: the same subject in the trigger's own clause, in a title, or in a clause after
the sentence's first (the first clause of a sentence below the title is salience.py's to
judge): a clause opened by a subordinating conjunction counts ("Why Verlande keeps
hiring when others cut jobs", "recrute 40 personnes alors que plusieurs concurrents
ferment des usines", "while many rivals have shut plants"): the event word has the
other firms for subject, not the document's firm. And "l'industrie" is the trade as "the
industry" is ("L'industrie mécanique française retrouve des records à l'export").

Read from the tagger's parts of speech and number (the parser does not run on every
sentence): a clause opening (the sentence's start, or after a comma, a colon or a
conjunction) with such a noun phrase, then its verb. Not a passive ("new jobs will be
created": the jobs are the news) nor a count ("some 300 workers").
"""

from __future__ import annotations

from spacy.strings import hash_string
from spacy.symbols import CCONJ, SCONJ
from spacy.tokens import Span, Token

from myrtille.enrichment.doctext import per_document

# A loose count of firms or people, said before the noun: one or more words, lowercase.
_QUANTIFIERS: tuple[tuple[str, ...], ...] = (
    ("several",),
    ("some",),
    ("many",),
    ("most",),
    ("few",),
    ("numerous",),
    ("various",),
    ("other",),
    ("a", "number", "of"),
    ("a", "growing", "number", "of"),
    ("more", "and", "more"),
    ("dozens", "of"),
    ("hundreds", "of"),
    ("thousands", "of"),
    ("half", "of"),
    ("most", "of"),
    ("plusieurs",),
    ("certains",),
    ("certaines",),
    ("quelques",),
    ("de", "nombreux"),
    ("de", "nombreuses"),
    ("nombre", "de"),
    ("beaucoup", "de"),
    ("d'", "autres"),
    ("la", "plupart", "des"),
    ("la", "moitié", "des"),
    ("des", "dizaines", "de"),
    ("des", "centaines", "de"),
    ("de", "plus", "en", "plus", "de"),
    ("a", "handful", "of"),
    ("une", "poignée", "de"),
    ("une", "poignée", "d'"),
)
# The quantifiers by their first word, in their order (session 17: one lookup per word).
_QUANTIFIERS_OF: dict[str, tuple[tuple[str, ...], ...]] = {
    first: tuple(q for q in _QUANTIFIERS if q[0] == first) for first, *_ in _QUANTIFIERS
}
# The same counts standing alone as the subject (session 7): "some have won orders",
# "others have closed", "certaines ont signé", "d'autres ont fermé".
PRONOUN_QUANTIFIERS: tuple[tuple[str, ...], ...] = (
    ("some",),
    ("many",),
    ("several",),
    ("others",),
    ("most",),
    ("few",),
    ("a", "few"),
    ("certains",),
    ("certaines",),
    ("plusieurs",),
    ("d'", "autres"),
    ("beaucoup",),
    ("la", "plupart"),
    ("quelques-uns",),
    ("quelques-unes",),
)
# The same by their first word, in their order: one lookup per clause opening, not fifteen.
_PRONOUN_QUANTIFIERS_OF: dict[str, tuple[tuple[str, ...], ...]] = {
    first: tuple(q for q in PRONOUN_QUANTIFIERS if q[0] == first)
    for first, *_ in PRONOUN_QUANTIFIERS
}
# A fraction of a set: "two-thirds of", "a third of", "deux tiers des", "un quart des".
_FRACTIONS = frozenset({"thirds", "third", "quarter", "quarters", "tiers", "quart", "quarts"})
_FRACTION_LINKS = frozenset({"of", "des", "de", "d'"})
# The trade as a whole: "the industry", "la filière".
_TRADES = frozenset(
    {"industry", "sector", "trade", "profession", "filière", "secteur", "branche", "industrie"}
)
_DETERMINERS = frozenset({"the", "la", "le", "l'"})
_NOUN_WORDS = frozenset({"NOUN", "ADJ"})
_LINKS = frozenset({",", ";", ":", "—", "–"})
_LINK_HASHES = frozenset(hash_string(link) for link in _LINKS)  # each one's Token.orth
_CONJUNCTIONS = frozenset({CCONJ, SCONJ})  # Token.pos of "CCONJ", "SCONJ"
_PASSIVE_AUX = frozenset({"be", "être"})


@per_document  # a function of the span alone, asked again per event of a sentence
def told_of_firms_in_general(sentence: Span) -> bool:
    """Whether a clause of ``sentence`` has for subject firms counted loosely or the trade
    as a whole, right before its verb (see the module's docstring)."""
    words = list(sentence)
    lower: list[str] | None = None  # the words lowered, once for every clause
    # A link or a coordinating conjunction by its numbers (its strings cost more): Token.orth
    # is its text's hash, Token.pos the symbol of its pos_.
    for at, word in enumerate(words):
        if at == 0 or words[at - 1].orth in _LINK_HASHES or words[at - 1].pos == CCONJ:
            if word.pos == CCONJ or word.orth in _LINK_HASHES:
                continue
            lower = lower or [w.text.lower() for w in words]
            if _general_subject(words, at, lower):
                return True
    return False


def general_clause_subject(sentence: Span, trigger: Span) -> bool:
    """Whether the clause that holds ``trigger`` opens with firms counted loosely or the
    trade as its subject (session 13; see the module's docstring): the last clause
    opening before the trigger, a subordinating conjunction counting as one."""
    first = trigger.start - sentence.start
    opening = _clause_opening(sentence, first)
    # a clause that opens the sentence below the title is salience.py's to judge, with the
    # whole document (it keeps the sentence when it names the event's firm)
    if opening == 0 and sentence.start_char > 0:
        return False
    if opening >= first:
        return False
    words = list(sentence)
    # _general_subject reads the lowered words from ``opening`` to ``opening + 8`` only
    # (a quantifier's five words, a class of firms' seven and its head): those are lowered
    lower = [""] * len(words)
    for at in range(opening, min(opening + 9, len(words))):
        lower[at] = words[at].text.lower()
    return _general_subject(words, opening, lower)


def _clause_opening(sentence: Span, first: int) -> int:
    """The last clause opening at or before word ``first`` of ``sentence``: after a link or
    a conjunction, those skipped. Read back from ``first``, with the tokens' numbers (their
    strings cost more than the rest of the rule)."""
    doc, base = sentence.doc, sentence.start
    opening = 0
    for at in range(min(first + 1, len(sentence)) - 1, 0, -1):  # the last such, read back
        before = doc[base + at - 1]
        if before.orth in _LINK_HASHES or before.pos in _CONJUNCTIONS:
            opening = at
            break
    while opening < first:
        word = doc[base + opening]
        if word.pos not in _CONJUNCTIONS and word.orth not in _LINK_HASHES:
            break
        opening += 1
    return opening


def _general_subject(words: list[Token], at: int, lower: list[str]) -> bool:
    if (
        lower[at] in _DETERMINERS
        and at + 1 < len(words)
        and lower[at + 1] in _TRADES
        and _verb_follows(words, at + 2)
    ):
        return True
    if class_of_firms(words, lower, at):
        return True
    after = _after_quantifier(lower, at)
    if after is not None and _plural_phrase_then_verb(words, after):
        return True
    if counted_alone(lower, words, at):
        return True
    # session 15 (precision 2): firms as a bare plural alone, no determiner, then the verb
    # ("and companies are pooling efforts", "and employers struggled to house seasonal
    # workers"): the trade, never one firm; not two nouns joined ("the trade and companies
    # register"): after "and", a comma before it
    if (
        lower[at] in _FIRMS_PLURAL
        and words[at].lang_ == "en"
        and (at < 2 or words[at - 1].pos_ != "CCONJ" or words[at - 2].text in _LINKS)
        and _verb_follows(words, at + 1)
    ):
        return True
    # An English bare plural with a modifier ("Larger houses have so far avoided layoffs",
    # "campsite sales"): a class of firms; a bare plural alone ("Operations start…",
    # "Sales rose…") is the firm's own.
    return (
        words[at].lang_ == "en"
        and words[at].pos_ in _NOUN_WORDS
        and at + 1 < len(words)
        and words[at + 1].pos_ in _NOUN_WORDS
        and _plural_phrase_then_verb(words, at)
    )


# session 7: firms named by their class, with "the"/"les" and a qualifier ("les fabricants
# français de composites", "the region's composite industry", "la filière des composites").
_MAKERS = frozenset(
    {"fabricants", "producteurs", "industriels", "entreprises", "sociétés", "pme", "groupes"}
    | {"constructeurs", "équipementiers", "sous-traitants", "exploitants", "makers"}
    | {"manufacturers", "producers", "companies", "firms", "businesses", "suppliers"}
)
# English plurals that name firms alone (session 15).
_FIRMS_PLURAL = frozenset({"companies", "firms", "businesses", "employers"})
_PHRASE_POS = frozenset({"NOUN", "ADJ", "ADP", "DET", "PROPN", "PART"})


def class_of_firms(words: list[Token], lower: list[str], at: int) -> bool:
    """A definite noun phrase whose head is a trade or a plural class of firms, with a
    qualifier and no number ("les deux groupes" are two firms), then its verb."""
    if lower[at] not in _DETERMINERS and lower[at] not in ("les",):
        return False
    end = at + 1
    while (
        end < len(words)
        and end - at <= 7
        and (words[end].pos_ in _PHRASE_POS or _joins_adjectives(words, end))
    ):
        end += 1
    # the head: the last noun before the first preposition ("la filière des composites"),
    # or before the verb ("the region's composite industry"; not "the steel industry
    # giant X", whose head is X)
    first_adp = next((i for i in range(at + 1, end) if words[i].pos_ == "ADP"), end)
    nouns = [i for i in range(at + 1, first_adp) if words[i].pos_ in ("NOUN", "PROPN")]
    if not nouns:
        return False
    head = nouns[-1]
    if lower[head] not in _TRADES and not (
        lower[head] in _MAKERS and "Plur" in words[head].morph.get("Number")
    ):
        return False
    qualified = any(
        words[i].pos_ in ("NOUN", "ADJ", "PROPN") for i in range(at + 1, end) if i != head
    )
    return qualified and _verb_follows(words, end)


def _joins_adjectives(words: list[Token], at: int) -> bool:
    """A conjunction between two adjectives of the phrase ("la filière aéronautique et
    spatiale d'Occitanie", "the aerospace and defence industry"; session 9)."""
    return (
        words[at].pos_ == "CCONJ"
        and 0 < at < len(words) - 1
        and words[at - 1].pos_ in ("ADJ", "NOUN")
        and words[at + 1].pos_ in ("ADJ", "NOUN")
    )


def counted_alone(lower: list[str], words: list[Token], at: int) -> bool:
    """A count of firms as the subject on its own, then its verb: "some have won"."""
    opening = lower[at] if at < len(lower) else ""
    for quantifier in _PRONOUN_QUANTIFIERS_OF.get(opening, ()):  # those opening with the word
        if tuple(lower[at : at + len(quantifier)]) == quantifier:
            return _verb_follows(words, at + len(quantifier))
    return False


def _after_quantifier(lower: list[str], at: int) -> int | None:
    opening = lower[at] if at < len(lower) else ""
    for quantifier in _QUANTIFIERS_OF.get(opening, ()):  # those opening with the word
        if tuple(lower[at : at + len(quantifier)]) == quantifier:
            return at + len(quantifier)
    # "two-thirds of", "a third of", "deux tiers des"
    for skip in (1, 2, 3):
        end = at + skip
        if end + 1 < len(lower) and lower[end] in _FRACTIONS and lower[end + 1] in _FRACTION_LINKS:
            return end + 2
    return None


def _plural_phrase_then_verb(words: list[Token], at: int) -> bool:
    """Nouns and adjectives whose last noun is plural, an optional complement ("of
    companies in Brittany", "de la vallée"), then the verb."""
    end = at
    while end < len(words) and words[end].pos_ in _NOUN_WORDS:
        end += 1
    nouns = [w for w in words[at:end] if w.pos_ == "NOUN"]
    if not nouns or "Plur" not in nouns[-1].morph.get("Number"):
        return False
    if end < len(words) and words[end].pos_ == "ADP":
        complement = end + 1
        while (
            complement < len(words)
            and complement - end <= 4
            and words[complement].pos_
            in {
                "DET",
                "NOUN",
                "ADJ",
                "PROPN",
            }
        ):
            complement += 1
        if complement > end + 1 and _verb_follows(words, complement):
            return True
    return _verb_follows(words, end)


def passive_participle(word: Token) -> bool:
    """A past participle: "is hiring" is a progressive, no passive (session 7)."""
    return word.tag_ == "VBN" or (
        "Part" in word.morph.get("VerbForm") and "Past" in word.morph.get("Tense")
    )


def _verb_follows(words: list[Token], at: int) -> bool:
    """A verb next (after adverbs or a reflexive pronoun), not a passive's auxiliary."""
    while at < len(words) and (words[at].pos_ == "ADV" or words[at].text.lower() in {"s'", "se"}):
        at += 1
    if at >= len(words) or words[at].pos_ not in {"VERB", "AUX"}:
        return False
    if words[at].lemma_.lower() in _PASSIVE_AUX:
        # "new jobs will be created", "des postes seront ouverts": the jobs are the news
        following = words[at + 1 : at + 3]
        return not any(passive_participle(w) for w in following)
    if words[at].pos_ == "AUX":
        # "will be created": the auxiliary of a passive further on
        following = words[at + 1 : at + 4]
        return not any(w.lemma_.lower() in _PASSIVE_AUX for w in following)
    return True
