"""Issue 14, session 18, speed: the gates that ``pattern_words`` reads off a rule's pattern
hide no match.

- ``needed_words`` finds, in a pattern, words of which every match holds one: each branch
  of an alternation gives its own, an optional part, a class or a lookaround gives none;
- a word may hold only letters that the engine, case ignored, finds in no other letter
  than those ``str.lower`` turns into them (every code point is checked);
- each rule pattern gated so matches, on any text it may match, where the pattern does.

The texts were written for these tests.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from myrtille.enrichment import (
    aboutness,
    firm_profiles,
    fund_uses,
    habitual,
    negated_infinitives,
    newsworthy,
    no_new_jobs,
    passing_news,
    routine_senses,
)
from myrtille.enrichment.cues import _FOLDED_APART, Cued
from myrtille.enrichment.pattern_words import _LATIN, gated, needed_words


def test_each_branch_gives_its_words() -> None:
    pattern = re.compile(r"\b(?:put\s+on\s+hold|shelv(?:e|ed)|scrap(?:s|ped)?)\b", re.I)
    assert needed_words(pattern) == ("hold", "scrap", "shelve")
    # a branch that needs nothing long enough: no gate
    assert needed_words(re.compile(r"\b(?:halted|on)\b", re.I)) is None
    assert needed_words(re.compile(r"\b(?:halted|\w+ed)\b", re.I)) is None


def test_optional_parts_classes_and_lookarounds_give_nothing() -> None:
    assert needed_words(re.compile(r"(?:pending\s+)?talks", re.I)) == ("talks",)
    assert needed_words(re.compile(r"(?:pending\s+)*talks", re.I)) == ("talks",)
    assert needed_words(re.compile(r"(?:pending\s+)+talks?", re.I)) == ("pending",)
    assert needed_words(re.compile(r"(?<!never )(?=[a-z])\w+ful", re.I)) == ("ful",)
    assert needed_words(re.compile(r"[a-z]{3,}", re.I)) is None


def test_small_classes_are_spelled_out_and_words_lowered() -> None:
    assert needed_words(re.compile(r"\bn[ée]goci\w*", re.I)) == ("negoci", "négoci")
    assert needed_words(re.compile(r"Usine")) == ("usine",)
    assert needed_words(re.compile(r"d['’]usine", re.I)) == ("d'usine", "d’usine")
    # a longer word holding a shorter one is left out: a part holding it holds the other
    assert needed_words(re.compile(r"(?:usine|\w+\s+usines)", re.I)) == ("usine",)


def test_a_letter_outside_the_checked_ones_cuts_the_word() -> None:
    # "ß" is not in _LATIN: the word is cut around it
    assert needed_words(re.compile(r"straße", re.I)) == ("stra",)
    assert needed_words(re.compile(r"ıslak", re.I)) == ("slak",)


@pytest.mark.parametrize("letter", sorted(_LATIN))
def test_latin_letters_are_matched_only_where_lowering_gives_them(letter: str) -> None:
    found = re.compile(re.escape(letter), re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if found.fullmatch(char):
            assert char.lower() == letter, hex(code)


def test_ascii_letters_are_matched_where_lowering_gives_them_or_a_letter_folds_apart() -> None:
    letters = "abcdefghijklmnopqrstuvwxyz0123456789 '-"
    for letter in letters:
        found = re.compile(re.escape(letter), re.IGNORECASE)
        for code in range(sys.maxunicode + 1):
            char = chr(code)
            if found.fullmatch(char):
                assert char.lower() == letter or char in _FOLDED_APART, (letter, hex(code))


GATED = {
    "aboutness._HALTED": aboutness._HALTED,
    "routine_senses._BUYBACK": routine_senses._BUYBACK,
    "fund_uses._CAPACITY": fund_uses._CAPACITY,
    "passing_news._STANDING": passing_news._STANDING,
    "passing_news._STUDY": passing_news._STUDY,
    "firm_profiles._CUE": firm_profiles._CUE,
    "negated_infinitives._NEGATION": negated_infinitives._NEGATION,
    "no_new_jobs._NO_FIGURE": no_new_jobs._NO_FIGURE,
    "newsworthy._SHARE_OF_SALES": newsworthy._SHARE_OF_SALES,
    "habitual._LAST_SPAN": habitual._LAST_SPAN,
}


@pytest.mark.parametrize("name", sorted(GATED))
def test_rule_patterns_are_gated_on_their_own_words(name: str) -> None:
    pattern = GATED[name]
    assert isinstance(pattern, Cued)
    assert pattern.groups == (needed_words(pattern.compiled),)


@pytest.mark.parametrize("name", sorted(GATED))
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_gated_rule_patterns_match_where_theirs_do(name: str, data: st.DataObject) -> None:
    pattern = GATED[name]
    compiled = pattern.compiled
    text = data.draw(st.from_regex(compiled))
    wrapped = data.draw(st.sampled_from(["{}", "Brenlow {} today.", "« {} »", "İ {} ſ"]))
    text = wrapped.format(text)
    found = compiled.search(text)
    assert found is not None
    again = pattern.search(text)
    assert again is not None and again.span() == found.span()
    # within bounds too, as the pattern itself answers there
    begin = data.draw(st.integers(0, found.start()))
    end = data.draw(st.integers(found.start(), len(text)))
    inner, gated_inner = compiled.search(text, begin, end), pattern.search(text, begin, end)
    assert (inner and inner.span()) == (gated_inner and gated_inner.span())
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in compiled.finditer(text)]


def test_rule_examples_match_through_their_gates() -> None:
    examples = {
        "aboutness._HALTED": [
            "le projet a été mis en sommeil",
            "Brenlow has shelved the plan",
            "les discussions sur la reprise",
            "is close to a deal to buy",
        ],
        "passing_news._STUDY": ["selon une étude du cabinet", "a Brenlow survey finds"],
        "negated_infinitives._NEGATION": ["ne pas avoir racheté", "ne jamais embaucher"],
        "habitual._LAST_SPAN": ["over the past decade", "sur la dernière décennie"],
    }
    for name, texts in examples.items():
        for text in texts:
            assert GATED[name].search(text) is not None, text
            assert GATED[name].search(text.upper()) is not None, text


def test_a_pattern_that_needs_no_word_is_left_as_it_is() -> None:
    pattern = re.compile(r"\s+(?:\w+\s+){0,2}\Z")
    assert gated(pattern) is pattern
