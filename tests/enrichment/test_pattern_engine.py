"""The lexicon pattern engine (``PatternSet``) runs each group of token patterns only on
the stretches of a document where the group's first item occurs: it must find exactly
what spaCy's Matcher finds on the whole document, duplicates included, for any pattern
the lexicon language can express (patterns added later included)."""

from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from myrtille.enrichment.patterns import PatternSet, fold, fold_doc

NLP = spacy.blank("fr")
# Few words, so that patterns match often and matches overlap.
WORDS = ["lever", "fonds", "des", "de", "12", "douze", "millions", "m", "usine", "ouvrir", "a"]
LEMMAS = {"levé": "lever", "levait": "lever", "ouvre": "ouvrir", "usines": "usine"}

word = st.sampled_from(WORDS)
alternatives = st.lists(word, min_size=1, max_size=3, unique=True).map("|".join)
plain_item = st.one_of(
    alternatives,
    word.map(lambda w: f"={w}"),
    st.just("NUM"),
    alternatives.map(lambda a: f"{a}?"),
    st.just("NUM?"),
)
any_item = st.one_of(plain_item, st.sampled_from(["*", "**"]))
expression = (
    st.builds(
        lambda first, middle, last: " ".join([first, *middle, last]),
        plain_item,
        st.lists(any_item, max_size=4),
        plain_item,
    )
    | plain_item
)
texts = st.lists(st.sampled_from([*WORDS, *LEMMAS, "Lever", "Fonds", "x", "y"]), max_size=40)


def make_doc(words: list[str]) -> Doc:
    doc = Doc(NLP.vocab, words=words)
    for token in doc:
        token.norm_ = fold(token.text)
        token.lemma_ = LEMMAS.get(token.text, token.norm_)
    return doc


def whole_document(patterns: PatternSet, doc: Doc) -> list[tuple[str, int, int]]:
    """What the engine stands for: the phrases, and every group run on the whole doc."""
    found = list(patterns.phrases(doc))
    for matcher in patterns.groups.values():
        found += matcher(doc)
    strings = NLP.vocab.strings
    return sorted((strings[key], start, end) for key, start, end in found)


@settings(max_examples=300, deadline=None)
@given(st.lists(expression, min_size=1, max_size=6), st.lists(texts, min_size=1, max_size=3))
def test_stretches_find_what_the_whole_document_gives(
    expressions: list[str], documents: list[list[str]]
) -> None:
    patterns = PatternSet(NLP.vocab)
    for number, expr in enumerate(expressions):
        # Two labels, so that one label's patterns in two groups can match one span twice.
        patterns.add(f"event:e{number % 2}", expr)
    for words in documents:
        doc = make_doc(words)
        assert patterns(doc) == whole_document(patterns, doc), (expressions, words)


def test_a_wildcard_match_is_found_whole_at_the_end_of_a_stretch() -> None:
    patterns = PatternSet(NLP.vocab)
    patterns.add("event:fundraising", "lever ** fonds")
    patterns.add("event:fundraising", "lever NUM? =millions")
    doc = make_doc(
        ["a", "levé", "x", "y", "de", "des", "de", "12", "fonds", "puis", "lever", "12", "millions"]
    )
    assert patterns(doc) == [
        ("event:fundraising", 1, 9),
        ("event:fundraising", 10, 13),
    ]
    assert patterns(doc) == whole_document(patterns, doc)


def test_a_stretch_without_an_item_every_match_needs_is_skipped_not_lost() -> None:
    """Stretches where no token holds the word every match needs after the first item
    are not given to the Matcher: the needed word right after the number, or at the
    last place a wildcard lets it be, is still found."""
    patterns = PatternSet(NLP.vocab)
    patterns.add("event:fundraising", "NUM =millions")
    patterns.add("event:fundraising", "lever * fonds")
    patterns.add("event:hiring", "NUM usine? ouvrir")
    doc = make_doc(
        ["12", "millions", "x", "12", "x", "lever", "a", "de", "des", "fonds", "12", "ouvrir"]
    )
    assert patterns(doc) == [
        ("event:fundraising", 0, 2),
        ("event:fundraising", 5, 10),
        ("event:hiring", 10, 12),
    ]
    assert patterns(doc) == whole_document(patterns, doc)
    assert patterns(make_doc(["12", "x", "lever", "a", "de", "des", "x", "fonds"])) == []


def fold_token_by_token(doc: Doc) -> list[tuple[str, str]]:
    """What ``fold_doc`` stands for, token by token."""
    return [(fold(t.text), fold(t.lemma_) if t.lemma_ else fold(t.text)) for t in doc]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(st.sampled_from("aeÉéèœ’'ʼ-Ç12 "), min_size=1, max_size=6).filter(
                lambda w: w.strip() == w and " " not in w
            ),
            st.sampled_from(["", "Évènement", "l’usine", "lever"]),
        ),
        max_size=12,
    )
)
def test_fold_doc_folds_every_token_as_fold_does(tokens: list[tuple[str, str]]) -> None:
    folded: dict[int, int] = {}
    for _ in range(2):  # the second time from the hashes kept the first
        doc = Doc(NLP.vocab, words=[w for w, _ in tokens])
        for token, (_, lemma) in zip(doc, tokens, strict=True):
            token.lemma_ = lemma
        expected = fold_token_by_token(doc)
        fold_doc(doc, folded)
        assert [(t.norm_, t.lemma_) for t in doc] == expected
