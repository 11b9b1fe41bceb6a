"""Issue 14, session 17, speed: the gates of ``ruled_out``'s rules hide no match.

- ``rule_gates.WordGate`` finds its words in a part of a document's text whatever their
  case, within the part's bounds only, and lets through a part whose letters the engine
  folds to ASCII but ``str.lower`` does not;
- each gate is built from the words of its patterns: for every pattern a gate stands for,
  each of its words is the only one of them held by the match of some example, so that a
  word dropped from a list fails here; each example's match passes the gate;
- the gates built from ``cues.cued`` patterns hold those patterns' cue words.

The texts were written for these tests.
"""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.tokens import Doc

from myrtille.enrichment import conditions, habitual, hypotheses, passing_news
from myrtille.enrichment.rule_gates import WordGate, cue_words

_BLANK = spacy.blank("fr")


def _doc(text: str) -> Doc:
    return _BLANK(text)


def test_a_word_gate_finds_its_words_in_any_case_within_the_bounds() -> None:
    gate = WordGate("chaque", "every")
    text = "La scierie recrute CHAQUE année. Brenlow hires Every summer."
    doc = _doc(text)
    assert gate.may_match(doc, text, 0, len(text))
    assert gate.may_match(doc, text, 0, text.index(".") + 1)
    assert not gate.may_match(doc, text, 0, text.index("CHAQUE") + 5)  # cut inside the word
    assert not gate.may_match(doc, text, text.index("année"), text.index("Every"))
    assert gate.may_match(doc, text, text.index("Every"), len(text))
    # the same answers once the document's lowered text is kept
    assert not gate.may_match(doc, text, 0, text.index("CHAQUE") + 5)
    with pytest.raises(ValueError):
        WordGate("Chaque")
    with pytest.raises(ValueError):
        WordGate("année")


def test_a_word_gate_lets_through_letters_that_fold_apart() -> None:
    gate = WordGate("if")
    text = "The firm will hire İF the order holds."
    assert re.search(r"\bif\b", text, re.IGNORECASE)
    assert gate.may_match(_doc(text), text, 0, len(text))
    # a text whose lowering changes its length ("İ" lowers to two letters) is read part by part
    text = "İzmir: Brenlow hires 40 if the order holds."
    doc = _doc(text)
    assert gate.may_match(doc, text, text.index("hires"), len(text))
    assert not WordGate("every").may_match(doc, text, text.index("hires"), len(text))


# Examples of each pattern of hypotheses._said_before, each word of its list held alone.
SAID_BEFORE = {
    "_NEED": ["Il faut une taille critique", "il fallait ", "It takes scale to ", "besoins de"],
    "_WOULD_ALLOW": [
        "L'opération permettrait de ",
        "it would let the firm ",
        "it should help the firm ",
        "will enable it to ",
        "is meant to allow it to ",
        "qui devrait lui permettre de ",
    ],
    "_AIM": [
        "Ma priorité sera de ",
        "l'objectif de ",
        "son ambition est de ",
        "a annoncé son intention de ",
        "the aim is to ",
        "the goal is to ",
        "dans le but de ",
        "with a view of ",
        "in a bid to ",
        "a letter of intent to ",
    ],
    "_WISH": ["Nous aimerions ", "nous voudrions ", "nous souhaiterions "],
    "_PLAN_DRAWN": [
        "we are working out our ",
        "drawing up a ",
        "finalising its ",
        "élabore son ",
        "travaille sur un ",
        "prépare son ",
    ],
    "_ROADMAP": ["Sa feuille de route est connue : ", "Her roadmap: "],
    "_EXPECTING": [
        "She expects several start-ups to ",
        "anticipates many growers to ",
        "predicts most firms to ",
        "sees more firms to ",
    ],
    "_SEEKING": ["to seek ", "had sought new ", "cherche un "],
    "_BEFORE": ["avant de ", "worked at Airbus before "],
}
# Examples of _LAST_SPAN, the one pattern of habitual.recurring with no cue words.
LAST_SPAN = [
    "a investi 50 millions sur les cinq dernières années",
    "has acquired four rivals over the past decade",
    "in the last five years",
]


def _held_alone(pattern: re.Pattern[str], words: tuple[str, ...], examples: list[str]) -> None:
    """Each example matches and its match holds a word; each word is, in some example,
    the only word held."""
    alone = set()
    for example in examples:
        found = pattern.search(example)
        assert found is not None, example
        held = [word for word in words if word in found.group().lower()]
        assert held, example
        if len(held) == 1:
            alone.add(held[0])
    assert alone == set(words)


@pytest.mark.parametrize("name", list(hypotheses.SAID_BEFORE_WORDS))
def test_said_before_gate_holds_each_patterns_words(name: str) -> None:
    words = hypotheses.SAID_BEFORE_WORDS[name]
    pattern = getattr(hypotheses, name)
    _held_alone(getattr(pattern, "compiled", pattern), words, SAID_BEFORE[name])
    assert set(words) <= set(hypotheses._SAID_BEFORE.words)
    for example in SAID_BEFORE[name]:
        assert hypotheses._SAID_BEFORE.may_match(_doc(example), example, 0, len(example))
    every = {word for words in hypotheses.SAID_BEFORE_WORDS.values() for word in words}
    assert every == set(hypotheses._SAID_BEFORE.words)


def test_recurring_gate_holds_its_patterns_words() -> None:
    _held_alone(habitual._LAST_SPAN, ("derni", "past", "last"), LAST_SPAN)
    want = {*cue_words(habitual._FREQUENCY, habitual._DURATIVE, habitual._CONTINUOUS)}
    assert want | {"derni", "past", "last"} == set(habitual._RECURS.words)
    for example in LAST_SPAN:
        assert habitual._RECURS.may_match(_doc(example), example, 0, len(example))


def test_gates_from_cued_patterns_hold_their_cue_words() -> None:
    for gate, pattern in (
        (passing_news._CONTRASTING, passing_news._CONTRAST),
        (conditions._EXPECTING, conditions._EXPECTED),
        (hypotheses._SAID_BEFORE, hypotheses._BEFORE),
    ):
        assert len(pattern.groups) == 1  # a single group: any of its words
        assert set(pattern.groups[0]) <= set(gate.words)
    assert set(conditions._MODAL.words) == {"may", "might"}
