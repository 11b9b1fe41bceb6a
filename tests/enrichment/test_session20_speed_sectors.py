"""The sector scoring's session-20 fast paths answer as the readings they replace.

- `sector_cues.Cues` sweeps the columns with every rule's words as they are, and
  `LemmaCases.of` reads the lemma column without making a set of it: the positions are
  still those of a token-by-token reading, for lemmas in any case, seen before or not.
- `Cues.within` gives the positions of a window, as a filter of `positions` does.
- `sectors._client` reads the trade nouns around a term at their positions, `_firm` and
  `_verb` a token's features through `morphs.feature`, `_trade` the words before a term
  by position, `_text` a term's text from the document's: each is held to the Token
  reading it replaces (copied here), on documents drawn at random from the rules' words
  in French and English, plural and singular, so that a window cut short, a word read
  at the wrong place or a feature misread fails here.
- `sector_forms.TermForms` drops a one-word surface match read as a verb by its part of
  speech id: the ids are those of the names it used to compare.

The documents are built token by token (text, lemma, part of speech, morphology), so that
no tagger decides what the rules read.
"""

from __future__ import annotations

import random

import pytest
import spacy
from spacy.parts_of_speech import IDS
from spacy.tokens import Doc, Token

from myrtille.enrichment import sector_cues, sector_forms, sectors, trade_statements
from myrtille.enrichment.sector_cues import Cues, LemmaCases

VOCAB = spacy.blank("fr").vocab
PLURAL, SINGULAR = "Number=Plur", "Number=Sing"
WORDS: list[tuple[str, str, str, str]] = [
    *((noun, noun, "NOUN", m) for noun in sorted(sectors.TRADE_NOUNS)[:12] for m in ("",)),
    ("fabricants", "fabricant", "NOUN", PLURAL),
    ("fabricant", "fabricant", "NOUN", SINGULAR),
    ("groupes", "groupe", "NOUN", PLURAL),
    ("makers", "maker", "NOUN", PLURAL),
    ("maker", "maker", "NOUN", SINGULAR),
    ("Company", "company", "PROPN", SINGULAR),
    ("companies", "company", "NOUN", PLURAL),
    ("de", "de", "ADP", ""),
    ("of", "of", "ADP", ""),
    ("des", "de", "ADP", ""),
    ("en", "en", "ADP", ""),
    ("le", "le", "DET", ""),
    ("les", "le", "DET", PLURAL),
    ("the", "the", "DET", ""),
    ("pour", "pour", "ADP", ""),
    ("for", "for", "ADP", ""),
    ("Pour", "pour", "ADP", ""),
    ("from", "from", "ADP", ""),
    ("nantais", "nantais", "ADJ", SINGULAR),
    ("chemical", "chemical", "ADJ", ""),
    ("12", "12", "NUM", ""),
    ("-", "-", "PUNCT", ""),
    ("fromages", "fromage", "NOUN", PLURAL),
    ("cheese", "cheese", "NOUN", SINGULAR),
    ("hôpitaux", "hopital", "NOUN", PLURAL),
    ("conserve", "conserve", "VERB", "Mood=Ind|VerbForm=Fin"),
    ("ships", "ship", "VERB", "VerbForm=Fin"),
    ("shipping", "ship", "VERB", "VerbForm=Ger"),
    ("est", "etre", "AUX", "VerbForm=Fin"),
    ("fabrique", "fabriquer", "VERB", "VerbForm=Fin"),
    ("makes", "make", "VERB", "VerbForm=Fin"),
    ("SARL", "sarl", "NOUN", ""),
    ("TAXIS", "taxi", "NOUN", PLURAL),
    (",", ",", "PUNCT", ""),
]


def random_doc(rng: random.Random) -> Doc:
    tokens = [rng.choice(WORDS) for _ in range(rng.randint(1, 14))]
    return Doc(
        VOCAB,
        words=[t[0] for t in tokens],
        lemmas=[t[1] for t in tokens],
        pos=[t[2] for t in tokens],
        morphs=[t[3] for t in tokens],
        spaces=[rng.random() < 0.7 for _ in tokens],
    )


def windows(doc: Doc) -> list[tuple[int, int]]:
    return [(s, e) for s in range(len(doc)) for e in range(s + 1, min(s + 4, len(doc) + 1))]


# The Token readings the fast paths replace (session 19's code, without its cue gates,
# which `test_session17_speed_sectors` holds to these readings).
def old_firm(token: Token) -> bool:
    return token.lemma_ in sectors.TRADE_NOUNS and "Plur" not in token.morph.get("Number")


def old_client(doc: Doc, start: int, end: int) -> bool:
    around = [*doc[start:end], *doc[end : end + 1], *doc[max(start - 2, 0) : start]]
    if any(t.lemma_ in sectors.TRADE_NOUNS and "Plur" in t.morph.get("Number") for t in around):
        return True
    before = [t.lower_ for t in doc[max(start - 2, 0) : start]]
    return (
        len(before) == 2
        and before[0] in sectors.CLIENT_LINKS
        and before[1] in sectors.CLIENT_ARTICLES
    )


def old_trade(doc: Doc, start: int, end: int) -> bool:
    if end - start > 1 and (old_firm(doc[start]) or old_firm(doc[end - 1])):
        return True
    before = doc[max(start - 3, 0) : start]
    if len(before) and old_firm(before[-1]):
        return True
    if len(before) >= 2 and before[-1].lemma_ in sectors.PREPOSITIONS and old_firm(before[-2]):
        return True
    if (
        len(before) == 3
        and before[-1].lemma_ in sectors.DETERMINERS
        and before[-2].lemma_ in sectors.PREPOSITIONS
        and old_firm(before[-3])
    ):
        return True
    if end < len(doc) and old_firm(doc[end]):
        return True
    return (
        sectors._governed(doc, start)
        or sectors._across(doc, start)
        or trade_statements.made(doc, start)
        or trade_statements.named(doc, start, end)
    )


def old_verb(doc: Doc, start: int, end: int) -> bool:
    return (
        end - start == 1
        and doc[start].pos_ in ("VERB", "AUX")
        and "Fin" in doc[start].morph.get("VerbForm")
    )


@pytest.mark.parametrize("seed", range(60))
def test_rules_answer_as_their_token_readings(seed: int) -> None:
    doc = random_doc(random.Random(seed))
    for token in doc:
        assert sectors._firm(token) == old_firm(token)
    for start, end in windows(doc):
        assert sectors._client(doc, start, end) == old_client(doc, start, end), (start, end)
        assert sectors._trade(doc, start, end) == old_trade(doc, start, end), (start, end)
        assert sectors._verb(doc, start, end) == old_verb(doc, start, end), (start, end)
        assert sectors._text(doc, start, end) == doc[start:end].text


def test_the_readings_hold_where_the_fast_paths_must_not_skip() -> None:
    def doc_of(*tokens: tuple[str, str, str, str]) -> Doc:
        return Doc(
            VOCAB,
            words=[t[0] for t in tokens],
            lemmas=[t[1] for t in tokens],
            pos=[t[2] for t in tokens],
            morphs=[t[3] for t in tokens],
        )

    term = ("fromages", "fromage", "NOUN", PLURAL)
    firms = ("fabricants", "fabricant", "NOUN", PLURAL)
    firm = ("fabricant", "fabricant", "NOUN", SINGULAR)
    of, the = ("de", "de", "ADP", ""), ("les", "le", "DET", PLURAL)
    # A plural trade noun two words before the term, right after it, inside it.
    assert sectors._client(doc_of(firms, ("x", "x", "X", ""), term), 2, 3)
    assert sectors._client(doc_of(term, firms), 0, 1)
    assert sectors._client(doc_of(term, firms, term), 0, 2)
    assert not sectors._client(doc_of(firms, ("x", "x", "X", ""), ("y", "y", "X", ""), term), 3, 4)
    # "pour les fromages", and not "pour de les fromages".
    assert sectors._client(doc_of(("pour", "pour", "ADP", ""), the, term), 2, 3)
    assert not sectors._client(doc_of(("pour", "pour", "ADP", ""), of, the, term), 3, 4)
    # A singular trade noun three words before: "le fabricant de les fromages".
    assert sectors._trade(doc_of(firm, of, the, term), 3, 4)
    assert not sectors._trade(doc_of(firms, of, the, term), 3, 4)
    assert sectors._trade(doc_of(term, firm), 0, 1)
    assert sectors._trade(doc_of(firm, term), 0, 2)


# (words declared, their lemmas, their lowered lemmas)
CASED_GATES = [
    (sector_cues.CueWords(lowered={"destiner", "client"}), set(), {"destiner", "client"}),
    (sector_cues.CueWords(lemmas={"usine", "le"}), {"usine", "le"}, set()),
    (sector_cues.CueWords(lowered={"fabriquer"}, lemmas={"mot"}), {"mot"}, {"fabriquer"}),
]


@pytest.mark.parametrize("seed", range(20))
def test_positions_of_cased_lemmas_across_documents(seed: int) -> None:
    """One `LemmaCases` across documents, as a matcher keeps it: lemmas seen in lower case
    first, then cased ones (new), then more (some seen): the positions are those a token
    reading finds each time, and `within` is their filter."""
    rng = random.Random(seed)
    cases = LemmaCases()
    words = ["destiner", "client", "fabriquer", "usine", "le", "sarl", "mot"]
    for round_ in range(3):
        tokens = [rng.choice(words) for _ in range(rng.randint(0, 20))]
        lemmas = [w.upper() if round_ and rng.random() < 0.5 else w for w in tokens]
        doc = Doc(VOCAB, words=["x"] * len(tokens), lemmas=lemmas)
        cues = Cues(doc, cases)
        for gate, exact, lowered in CASED_GATES:
            expected = [t.i for t in doc if t.lemma_ in exact or t.lemma_.lower() in lowered]
            assert cues.positions(gate) == expected
            for start in range(-2, len(doc) + 2):
                for end in range(start, start + 5):
                    within = [i for i in expected if start <= i < end]
                    assert cues.within(gate, start, end) == within
                    assert cues.near(gate, start, end) == bool(within)


def test_lemma_cases_read_a_column_as_a_set() -> None:
    lemmas = ["Destiner", "client", "Destiner", "CLIENT", "mot", ""]
    doc = Doc(VOCAB, words=["x"] * len(lemmas), lemmas=lemmas)
    column = [t.lemma for t in doc]
    from_set = LemmaCases().of(doc, set(column))
    cases = LemmaCases()
    assert cases.of(doc, column) == from_set == cases.of(doc, column)
    assert set(from_set) == {doc[0].lemma, doc[3].lemma}


def test_verbal_ids_are_the_verbal_parts_of_speech() -> None:
    for name, pos in IDS.items():
        if name.isupper() and name in spacy.glossary.GLOSSARY:
            assert (pos in sector_forms.VERBAL_IDS) == (name in sector_forms.VERBAL), name
