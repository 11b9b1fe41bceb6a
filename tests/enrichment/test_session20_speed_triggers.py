"""Issue 14, session 20, speed: the lexicon patterns followed from their first word
(``pattern_steps.matches``) skip a program whose first required word is out of reach.

- the gate is read off the program's own steps (``pattern_steps.program``): changing a
  pattern's words changes it;
- ``matches`` answers what ``ends`` gives for every program, gate or no gate, on random
  patterns and texts, and the real lexicons find their events in French and English
  texts, where the gate must let the program through.

The texts were written for these tests.
"""

from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from myrtille.enrichment.doctext import columns_of
from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.pattern_steps import ANY_TOKEN, ends, matches
from myrtille.enrichment.patterns import PatternSet, fold

NLP = spacy.blank("fr")
WORDS = ["lever", "fonds", "des", "de", "12", "millions", "m", "usine", "ouvrir", "a"]


def make_doc(words: list[str]) -> Doc:
    doc = Doc(NLP.vocab, words=words)
    for token in doc:
        token.norm_ = token.lemma_ = fold(token.text)
    return doc


def programs_of(expression: str) -> PatternSet:
    patterns = PatternSet(NLP.vocab)
    patterns.add("event:test", expression)
    return patterns


def only_program(expression: str) -> tuple[int, frozenset[int], int, int]:
    ((_key, programs),) = programs_of(expression).steps.items()
    assert programs is not None
    ((_, _, column, values, fewest, most),) = programs
    return column, values, fewest, most


def test_the_gate_is_the_first_required_word_of_the_pattern() -> None:
    ids = NLP.vocab.strings
    # After a wildcard: any of the three tokens after "lever", or the one after.
    assert only_program("lever * fonds") == (0, frozenset({ids["fonds"]}), 0, 3)
    assert only_program("lever * fonds|capitaux") == (
        0,
        frozenset({ids["fonds"], ids["capitaux"]}),
        0,
        3,
    )
    # Right after the first item, behind an option, by the text: read where it stands.
    assert only_program("lever =des fonds") == (1, frozenset({ids["des"]}), 0, 0)
    assert only_program("lever des? fonds")[1:] == (frozenset({ids["fonds"]}), 0, 1)
    assert only_program("lever ** =millions")[0] == 1
    assert only_program("lever NUM")[0] == 2
    # No required word after the first item: no gate.
    assert only_program("lever des?")[0] == -1
    assert only_program("lever NUM?")[0] == -1


def ungated(programs: list, columns: tuple, after: int, length: int) -> set[tuple[str, int]]:
    return {(p[0], end) for p in programs for end in ends(p[1], columns, after, length)}


word = st.sampled_from(WORDS)
item = st.one_of(
    st.lists(word, min_size=1, max_size=3, unique=True).map("|".join),
    word.map(lambda w: f"={w}"),
    st.just("NUM"),
    word.map(lambda w: f"{w}?"),
    st.sampled_from(["*", "**"]),
)
expression = st.builds(
    lambda first, middle, last: " ".join([first, *middle, last]),
    word,
    st.lists(item, max_size=4),
    word,
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(expression, min_size=1, max_size=6),
    st.lists(st.sampled_from([*WORDS, "x"]), max_size=30),
)
def test_matches_are_every_programs_ends(expressions: list[str], words: list[str]) -> None:
    patterns = PatternSet(NLP.vocab)
    for text in expressions:
        patterns.add("event:test", text)
    doc = make_doc(words)
    columns = columns_of(doc)
    for programs in patterns.steps.values():
        assert programs is not None
        for at in range(len(doc)):
            want = ungated(programs, columns, at + 1, len(doc))
            assert matches(programs, columns, at + 1, len(doc)) == want


def test_a_gate_never_drops_a_match_of_the_real_lexicons(enricher: Enricher) -> None:
    texts = {
        "fr": "Vendôme Hydraulique a levé des fonds : 12 millions d'euros. Elle prévoit de "
        "recruter 40 techniciens et a signé avec la SNCF un contrat de maintenance.",
        "en": "Harwell Optics has raised $20 million and will hire 35 engineers; it signed "
        "a three-year supply deal with a carmaker and will close its Leeds plant.",
    }
    for language, text in texts.items():
        tools = enricher.tools(language)
        doc = tools.nlp(text)
        columns, length = columns_of(doc), len(doc)
        for patterns in (tools.events.matcher, tools.sectors.matcher):
            for programs in patterns.steps.values():
                # Programs starting with a word, followed from every token: the gated and
                # the ungated answers are one.
                for at in range(length):
                    want = ungated(programs or [], columns, at + 1, length)
                    assert matches(programs or [], columns, at + 1, length) == want
        found = {label for label, _, _ in tools.events.matcher(doc)}
        assert {"event:fundraising", "event:hiring", "event:contract"} <= found, language


def test_wildcards_are_no_gate() -> None:
    ((_, programs),) = programs_of("lever ** fonds").steps.items()
    assert programs is not None
    steps = programs[0][1]
    assert steps[0][0] == ANY_TOKEN and programs[0][2] == 0
