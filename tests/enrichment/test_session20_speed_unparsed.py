"""Issue 14, session 20, speed: a document's text lowered once for every word gate.

``cues.lowered_text`` keeps only long texts (the documents' texts the rules search by
bounds), so that the parts the rules cut out and search no longer push them out of its
table; ``rule_gates.WordGate`` reads the same table instead of lowering the text again.

- the gates answer as the words looked for in the part lowered on its own, on French and
  English texts, ASCII or not, with letters that lower to more letters or fold apart;
- a part cut out is not kept, a document's text is, and stays kept while parts are searched;
- a gate still lets through a part that holds its words (the gate must not skip it).

The texts were written for these tests.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.lang.fr import French

from myrtille.enrichment import cues
from myrtille.enrichment.cues import Cued, cued, lowered_text
from myrtille.enrichment.rule_gates import WordGate

_FILLER = (
    "Le groupe Kermor, fabricant de résines biosourcées installé à Lorient, a présenté ses "
    "comptes annuels ce mardi. The Brenova group, based in Leeds, said its order book grew. "
)
_DOCUMENTS = [
    _FILLER * 4 + "Il envisage de recruter 40 personnes si le financement est bouclé.",
    _FILLER * 4 + "The firm will hire 120 staff unless the grant is withdrawn.",
    (_FILLER * 4).upper() + "SOUS RÉSERVE DU FINANCEMENT, L'USINE OUVRIRA EN 2027.",
    _FILLER * 4 + "İstanbul: a ſubsidiary opens, provided that funding is found.",
    _FILLER * 4 + "Straße und ǅ: die Firma investiert, pending approval.",
]
_CONDITION = cued(
    re.compile(r"\bif\b|\bunless\b|\bprovided\b|\bpending\b", re.I), "if unless provided pend"
)
_GATE = WordGate("if", "unless", "provided", "pend", "serve")


def _holds(part: str, words: tuple[str, ...]) -> bool:
    """The words looked for in the part lowered on its own (and a letter folding apart)."""
    lowered = part.lower()
    return any(w in lowered for w in words) or (
        not part.isascii() and any(c in part for c in ("ı", "İ", "ſ"))
    )


@pytest.mark.parametrize("text", _DOCUMENTS)
def test_gates_answer_as_the_part_lowered_on_its_own(text: str) -> None:
    doc = French()("x")
    for begin in range(0, len(text), 37):
        for end in (begin, begin + 15, begin + 80, len(text), sys.maxsize):
            part = text[begin:end]
            expected = _holds(part, _GATE.words)
            assert _GATE.may_match(doc, text, begin, min(end, len(text))) is expected
            assert _CONDITION.may_match(text, begin, end) is _holds(part, _CONDITION.groups[0])
            # the slice searched itself (not kept, too short or not)
            assert _CONDITION.may_match(part) is _holds(part, _CONDITION.groups[0])


@given(st.text(alphabet="aifUNLESSpendİıſéÉ ß’'.-", max_size=700), st.data())
@settings(max_examples=300, deadline=None)
def test_gates_answer_as_the_part_lowered_on_random_texts(text: str, data: st.DataObject) -> None:
    begin = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(begin, len(text)))
    part = text[begin:end]
    assert _GATE.may_match(French()("x"), text, begin, end) is _holds(part, _GATE.words)
    assert _CONDITION.may_match(text, begin, end) is _holds(part, _CONDITION.groups[0])


def test_parts_are_not_kept_and_the_document_stays_kept() -> None:
    cues._lowered.clear()
    text = _DOCUMENTS[0]
    assert len(text) >= cues._KEPT_FROM
    known = lowered_text(text)
    assert known == (text, text.lower(), False)
    for begin in range(0, 2 * cues._MAX_LOWERED):  # many parts cut out and searched
        part = text[begin : begin + 120]
        assert lowered_text(part) == (part, part.lower(), False)
        _CONDITION.search(part)
    assert len(cues._lowered) == 1
    assert lowered_text(text) is known  # not lowered again


def test_a_text_whose_lowering_changes_its_length_is_read_part_by_part() -> None:
    text = _FILLER * 4 + "İŞ: the plant opens if funding is found."
    assert len(text.lower()) != len(text)
    assert lowered_text(text)[1] is None
    at = text.index("if funding")
    assert _CONDITION.may_match(text, at, at + 10)
    assert _GATE.may_match(French()("x"), text, at, at + 10)


@pytest.mark.parametrize(
    ("sentence", "matches"),
    [
        ("Ils recruteront 40 personnes sous réserve du financement.", "serve"),
        ("The company will hire 120 staff, pending a grant.", "pend"),
        ("The plant will open IF the council agrees.", "if"),
        ("Le site ouvrira, UNLESS the bank says no.", "unless"),
        ("Il recrute 40 personnes.", None),
    ],
)
def test_gates_let_through_the_parts_holding_their_words(
    sentence: str, matches: str | None
) -> None:
    text = _FILLER * 4 + sentence
    begin = len(text) - len(sentence)
    doc = French()("x")
    assert _GATE.may_match(doc, text, begin, len(text)) is (matches is not None)
    # the part before the sentence holds none of the words: skipped
    assert not _GATE.may_match(doc, text, 0, 40)
    if matches not in (None, "serve"):
        assert isinstance(_CONDITION, Cued)
        found = _CONDITION.search(text, begin)
        assert found is not None and found.group().lower().startswith(matches)
