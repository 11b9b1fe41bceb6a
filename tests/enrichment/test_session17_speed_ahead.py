"""Issue 14, session 17, speed (parse_ahead's part): the same answers with less work.

- ``background.is_background`` reads the words just before a trigger from the document's
  NORM column (hashes) rather than from a Token each: every word of ``_BEFORE_TRIGGER``
  and ``_SINCE`` still makes the trigger after it a thing of the past;
- ``cues.Cued.may_match`` looks for its words in a slice of the lowered text: the same
  answer as a search of each word within the part's bounds, negative bounds included;
- ``pattern_steps.ends`` gives a pattern's first wildcard as a range: the same places as
  the set it built before.

The documents are made here, word by word.
"""

from __future__ import annotations

import re
import sys
from datetime import datetime

import pytest
import spacy
from spacy.strings import get_string_id
from spacy.tokens import Doc

from myrtille.enrichment import background
from myrtille.enrichment.cues import cued
from myrtille.enrichment.pattern_steps import ANY_TOKEN, LEMMA_COLUMN, ends

NLP = spacy.blank("fr")
PUBLISHED = datetime(2026, 11, 15)


def _doc(words: list[str], pos: list[str]) -> Doc:
    starts = [True] + [False] * (len(words) - 1)
    doc = Doc(NLP.vocab, words=words, pos=pos, sent_starts=starts)
    for token in doc:
        token.norm_ = token.text.lower()
        token.lemma_ = token.norm_
    return doc


@pytest.mark.parametrize("word", sorted(background._BEFORE_TRIGGER))
def test_each_word_before_the_trigger_still_makes_it_background(word: str) -> None:
    doc = _doc(["Elle", word, "levé", "des", "fonds"], ["PRON", "AUX", "VERB", "DET", "NOUN"])
    assert background.is_background(doc[:], doc[2:3], PUBLISHED, 0)
    # the same sentence without the word: news
    plain = _doc(["Elle", "lève", "des", "fonds"], ["PRON", "VERB", "DET", "NOUN"])
    assert not background.is_background(plain[:], plain[1:2], PUBLISHED, 0)


@pytest.mark.parametrize("word", sorted(background._SINCE))
def test_each_word_of_since_still_dates_the_event_noun(word: str) -> None:
    doc = _doc(
        ["Le", "site", "est", "vide", word, "la", "fermeture"],
        ["DET", "NOUN", "AUX", "ADJ", "ADP", "DET", "NOUN"],
    )
    assert background.is_background(doc[:], doc[6:7], PUBLISHED, 0)


def test_the_hash_sets_hold_every_word() -> None:
    assert {get_string_id(w) for w in background._BEFORE_TRIGGER} == background._BEFORE_TRIGGER_IDS
    assert {get_string_id(w) for w in background._SINCE} == background._SINCE_IDS


GATED = cued(re.compile(r"\b(?:rachat|buyout)\b", re.IGNORECASE), "rachat buyout")
TEXTS = ["Le RACHAT de X.", "the buyout", "Rien ici.", "ÉCHEC du rachat", "x" * 5 + " buyout"]


@pytest.mark.parametrize("text", TEXTS)
def test_cue_words_are_found_within_any_bounds(text: str) -> None:
    bounds = [-8, -3, 0, 1, 4, 7, len(text), sys.maxsize]
    for pos in bounds:
        for endpos in bounds:
            part = text.lower()[pos:endpos]
            expected = "rachat" in part or "buyout" in part
            assert GATED.may_match(text, pos, endpos) == expected, (text, pos, endpos)


def test_a_first_wildcard_ends_where_the_set_did() -> None:
    columns = ([1, 2, 3, 2, 1, 2, 3, 3], [0] * 8, [0] * 8)
    for most in (3, 6):
        for after in range(0, 9):
            steps = ((ANY_TOKEN, frozenset(), 0, most), (LEMMA_COLUMN, frozenset({2}), 1, 1))
            expected = sorted(
                {
                    at + 1
                    for at in range(after, min(after + most, 8) + 1)
                    if at < 8 and columns[0][at] == 2
                }
            )
            assert sorted(ends(steps, columns, after, 8)) == expected
            assert sorted(ends(steps[:1], columns, after, 8)) == list(
                range(after, min(after + most, 8) + 1)
            )
