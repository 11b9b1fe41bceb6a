"""The sector rules' cue gates hide no match (session 17, `sector_cues`).

Each context rule of the sector scoring (a product's users, a firm's clients or buyers, a
verb of making, a legal form, a trade noun, a name, a set phrase) is skipped when none of
its words stands in its window. These tests hold the gates to what the rules read:

- the positions a document's `Cues` give are those a token-by-token reading finds, on
  documents drawn at random from the rules' own words, in any case;
- for every word of every rule's lists, a document in which the rule holds at that word
  (at the far end of its window too) still gets True: a word dropped from a gate, or a
  window cut short, fails here.

The documents are built token by token (text, lemma, part of speech, morphology), so that
no tagger decides whether a rule holds.
"""

from __future__ import annotations

import itertools
import random

import pytest
import spacy
from spacy.tokens import Doc

from myrtille.enrichment import (
    sector_asides,
    sector_buyers,
    sector_clients,
    sector_cues,
    sector_idioms,
    sector_names,
    sectors,
    trade_statements,
)
from myrtille.enrichment.sector_cues import CueWords, cues_of

VOCAB = spacy.blank("fr").vocab  # with its lexical attributes (lower forms)
# (text, lemma, part of speech, morphology); a str alone: a noun, its own lemma.
Token = tuple[str, str, str, str] | str


def doc_of(*tokens: Token, spaces: list[bool] | None = None, ents: list[str] | None = None) -> Doc:
    full = [(t, t, "NOUN", "") if isinstance(t, str) else t for t in tokens]
    return Doc(
        VOCAB,
        words=[t[0] for t in full],
        lemmas=[t[1] for t in full],
        pos=[t[2] for t in full],
        morphs=[t[3] for t in full],
        spaces=spaces,
        ents=ents,
    )


def lemma(word: str, pos: str = "NOUN", morph: str = "") -> Token:
    """A token whose lemma only is ``word`` (its text another word)."""
    return ("mot", word, pos, morph)


def form(word: str, pos: str = "NOUN", morph: str = "") -> Token:
    """A token whose text only is ``word`` (its lemma another word)."""
    return (word, "mot", pos, morph)


def adjectives(count: int) -> list[Token]:
    return [("grand", "grand", "ADJ", "")] * count


def cased(word: str) -> str:
    return word.upper() if word.upper().lower() == word else word.title()


PLURAL = "Number=Plur"
TERM = ("usines", "usine", "NOUN", PLURAL)  # a sector term, plural


# Positions, held to a token-by-token reading.
def read(doc: Doc, words: CueWords) -> list[int]:
    ids = sector_cues.get_string_id
    return [
        t.i
        for t in doc
        if ids(t.lemma_) in words.lemmas
        or (t.lemma_ and ids(t.lemma_.lower()) in words.lowered)
        or ids(t.lower_) in words.lowers
    ]


GATES = [
    sector_asides.AIMED_CUES,
    sector_buyers.BUYER_CUES,
    sector_clients.CLIENT_CUES,
    sector_idioms.IDIOM_CUES,
    sector_names.NAME_CUES,
    sectors.TRADE_CUES,
    sectors.LINK_CUES,
    trade_statements.MADE_CUES,
    trade_statements.LEGAL_CUES,
]
WORDS = sorted(
    {
        *sector_asides.AIMED_WORDS,
        *sector_buyers.SUPPLY_VERBS,
        *sector_buyers.SELL_VERBS,
        *sector_buyers.SUPPLY_FORMS,
        *sector_clients.CLIENT_WORDS,
        *sector_idioms.BEFORE,
        *sector_idioms.AFTER,
        *sector_idioms.SENSES,
        *sector_names.PARTICLES,
        *sectors.TRADE_NOUNS,
        *sectors.CLIENT_LINKS,
        *trade_statements.ACTIVITY_WORDS,
        *trade_statements.ACTIVITY_FORMS,
        *trade_statements.LEGAL_FORMS,
        *("-", "société", "sociétés", "usine", "de", "le", "the"),
        *("aux", "X", "NOUN", "number"),  # spaCy's symbols, whose ids are no hashes
    }
)


@pytest.mark.parametrize("seed", range(40))
def test_positions_are_those_a_token_reading_finds(seed: int) -> None:
    rng = random.Random(seed)
    variants = (str.lower, str.upper, str.title)
    tokens = []
    for _ in range(rng.randint(0, 60)):
        text, word = (
            rng.choice(variants)(rng.choice(WORDS)),
            rng.choice(variants)(rng.choice(WORDS)),
        )
        tokens.append((text, word if rng.random() < 0.8 else "", "NOUN", ""))
    doc = doc_of(*tokens)
    cues = cues_of(doc)
    for words in GATES:
        found = read(doc, words)
        assert cues.positions(words) == found
        for start in range(-3, len(doc) + 3):
            for end in range(start, start + 4):
                assert cues.near(words, start, end) == any(start <= i < end for i in found)


# Each rule, at each of its words.
@pytest.mark.parametrize("word", sorted(sector_asides.AIMED_WORDS))
def test_users_aimed_at_by_each_word(word: str) -> None:
    reach = sector_asides.AIMED_REACH
    for head in (lemma(word, "VERB"), form(word, "VERB"), lemma(cased(word), "VERB")):
        doc = doc_of(head, ("aux", "au", "ADP", ""), *adjectives(reach - 2), TERM)
        assert sector_asides.aimed_at(doc, len(doc) - 1, len(doc))


@pytest.mark.parametrize("word", sorted(sector_clients.CLIENT_WORDS))
def test_clients_named_by_each_word(word: str) -> None:
    reach = sector_clients.REACH
    for client in (lemma(word), form(word), lemma(cased(word))):
        before = doc_of(client, ("sont", "etre", "AUX", ""), *adjectives(reach - 2), TERM)
        assert sector_clients.named_clients(before, len(before) - 1, len(before))
        # The link at the far end of its reach, the client word at the far end of its own.
        owner = ("ses", "son", "DET", "")
        link = ("parmi", "parmi", "ADP", "")
        read = sector_clients.AFTER_READ
        after = doc_of(TERM, *adjectives(reach - 1), link, *[owner] * (read - 1), client)
        assert sector_clients.named_clients(after, 0, 1)


@pytest.mark.parametrize(
    "word", sorted(sector_buyers.SUPPLY_VERBS | set(sector_buyers.SUPPLY_FORMS))
)
def test_buyers_supplied_by_each_word(word: str) -> None:
    reach = sector_buyers.REACH
    heads = [lemma(word, "VERB")] if word in sector_buyers.SUPPLY_VERBS else [form(word)]
    for head in heads:
        doc = doc_of(head, *[("les", "le", "DET", "")] * (reach - 1), TERM)
        assert sector_buyers.bought_by(doc, len(doc) - 1, len(doc), "health")


@pytest.mark.parametrize("word", sorted(sector_buyers.SELL_VERBS))
def test_buyers_sold_to_by_each_word(word: str) -> None:
    reach = sector_buyers.REACH
    doc = doc_of(
        lemma(word, "VERB"),
        ("directly", "directly", "ADV", ""),
        ("to", "to", "ADP", ""),
        *[("les", "le", "DET", "")] * (reach - 1),
        TERM,
    )
    assert sector_buyers.bought_by(doc, len(doc) - 1, len(doc), "health")


@pytest.mark.parametrize("word", sorted(trade_statements.ACTIVITY_WORDS))
def test_made_by_each_word(word: str) -> None:
    reach = trade_statements.MADE_REACH
    for head in (lemma(word, "VERB"), lemma(cased(word), "VERB")):
        doc = doc_of(head, *[("des", "des", "DET", "")] * (reach - 1), TERM)
        assert trade_statements.made(doc, len(doc) - 1)
    for verb in trade_statements.ACTIVITY_FORMS:
        assert trade_statements.made(doc_of(form(verb, "VERB"), TERM), 1)


def accented(word: str) -> list[str]:
    """``word`` with each of its "e" also written "é"."""
    choices = [("e", "é") if c == "e" else (c,) for c in word]
    return ["".join(letters) for letters in itertools.product(*choices)]


@pytest.mark.parametrize("word", sorted(trade_statements.LEGAL_FORMS))
def test_named_by_each_legal_form(word: str) -> None:
    before, after = trade_statements.NAME_BEFORE, trade_statements.NAME_AFTER
    upper = ("TAXIS", "taxi", "NOUN", "")
    doc = doc_of((word.upper(), word, "NOUN", ""), *[upper] * before)
    assert trade_statements.named(doc, len(doc) - 1, len(doc))
    for written in accented(word):
        doc = doc_of(
            upper, *[(",", ",", "PUNCT", "")] * (after - 1), (written.upper(), "x", "X", "")
        )
        assert trade_statements.named(doc, 0, 1)


@pytest.mark.parametrize("word", sorted(sectors.TRADE_NOUNS))
def test_trade_stated_by_each_noun(word: str) -> None:
    firm = lemma(word)
    assert sectors._trade(
        doc_of(("le", "le", "DET", ""), firm, ("de", "de", "ADP", ""), TERM), 3, 4
    )
    across = doc_of(firm, ("de", "de", "ADP", ""), *adjectives(sectors.ACROSS - 3), TERM)
    assert sectors._trade(across, len(across) - 1, len(across))
    firms = lemma(word, "NOUN", PLURAL)
    assert sectors._client(doc_of(TERM, firms), 0, 1)
    assert sectors._client(doc_of(firms, ("x", "x", "X", ""), TERM), 2, 3)


@pytest.mark.parametrize("link", sorted(sectors.CLIENT_LINKS))
def test_clients_named_after_each_link(link: str) -> None:
    for article in sorted(sectors.CLIENT_ARTICLES):
        assert sectors._client(doc_of(form(link, "ADP"), form(article, "DET"), TERM), 2, 3)


@pytest.mark.parametrize("pos", ["VERB", "AUX"])
def test_finite_verbs_found(pos: str) -> None:
    assert sectors._verb(doc_of(("conserve", "conserve", pos, "VerbForm=Fin")), 0, 1)


def test_names_and_set_phrases_found_at_each_word() -> None:
    for particle in sector_names.PARTICLES:
        doc = doc_of("Jan", particle, "Dijk", ents=["B-PER", "I-PER", "I-PER"])
        assert sector_idioms.set_phrase(doc, 1, 2)
    doc = doc_of("Saint", "-", "Flour", spaces=[False, False, True])
    assert sector_names.in_name(doc, 2, 3) and sector_idioms.set_phrase(doc, 2, 3)
    for term, words in sector_idioms.BEFORE.items():
        for word in words:
            assert sector_idioms.set_phrase(doc_of(word, ("de", "de", "ADP", ""), term), 2, 3)
    for term, words in sector_idioms.AFTER.items():
        for word in words:
            assert sector_idioms.set_phrase(doc_of(term, word), 0, 1)
    for term, (code, words) in sector_idioms.SENSES.items():
        for head in (lemma(term), form(term), lemma(cased(term))):
            for word in words:
                doc = doc_of(head, ("et", "et", "CCONJ", ""), word)
                assert sector_idioms.set_phrase(doc, 0, 1, f"sector:{code}")
