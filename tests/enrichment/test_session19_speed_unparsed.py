"""Issue 14, session 19, speed: more of ``read_unparsed``'s patterns gated on the words
every match of them holds (``pattern_words.gated``), some searched in a part of the text
cut out with their words looked for within its bounds (``Cued.search_part``).

- each pattern gated so is gated on its own words, read off the pattern itself: a word
  added to or dropped from the pattern moves the gate with it;
- each matches, on any text it may match and within any bounds, where the pattern does;
  ``search_part`` answers as a search of the part cut out does;
- the rules still rule out their wordings through the gates (real models).

The texts were written for these tests.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from myrtille.config.settings import EnrichmentSettings
from myrtille.enrichment import (
    customer_news,
    habitual,
    hypotheses,
    measures,
    newsworthy,
    other_readings,
    outcomes,
    passing_news,
    plant_places,
    product_making,
    routine_senses,
    school_ties,
    senses,
)
from myrtille.enrichment.cues import Cued
from myrtille.enrichment.models import LanguageModels
from myrtille.enrichment.news_reading import ruled_out
from myrtille.enrichment.pattern_words import gated, needed_words


@pytest.fixture(scope="module")
def models() -> LanguageModels:
    return LanguageModels(EnrichmentSettings())


GATED = {
    "passing_news._A_TEAM": passing_news._A_TEAM,
    "passing_news._SUBSIDIARY": passing_news._SUBSIDIARY,
    "passing_news._OFFTAKE": passing_news._OFFTAKE,
    "passing_news._SET_UP": passing_news._SET_UP,
    "senses._OUTSIDE_MAINLAND": senses._OUTSIDE_MAINLAND,
    "senses._EXPORT_TREND": senses._EXPORT_TREND,
    "senses._DAMAGED": senses._DAMAGED,
    "senses._SHORTLIST": senses._SHORTLIST,
    "senses._PERMIT_SOUGHT": senses._PERMIT_SOUGHT,
    "customer_news._CUE": customer_news._CUE,
    "plant_places._HIRING": plant_places._HIRING,
    "product_making._MADE_WITH": product_making._MADE_WITH,
    "newsworthy._COMBINED": newsworthy._COMBINED,
    "newsworthy._NOT_A_PRODUCT": newsworthy._NOT_A_PRODUCT,
    "outcomes._DIFFICULTY": outcomes._DIFFICULTY,
    "routine_senses._FOR_A_WHILE": routine_senses._FOR_A_WHILE,
    "school_ties._SCHOOL": school_ties._SCHOOL,
    "hypotheses._BUILDING_PHASE": hypotheses._BUILDING_PHASE,
    "other_readings._STAFF_HIRED": other_readings._STAFF_HIRED,
    "habitual._LONG_SPAN": habitual._LONG_SPAN,
    "measures._FIRMS_SUBJECT": measures._FIRMS_SUBJECT,
}


@pytest.mark.parametrize("name", sorted(GATED))
def test_rule_patterns_are_gated_on_their_own_words(name: str) -> None:
    pattern = GATED[name]
    assert isinstance(pattern, Cued)
    assert pattern.groups == (needed_words(pattern.compiled),)


@pytest.mark.parametrize("name", sorted(GATED))
def test_a_word_added_to_a_rule_pattern_moves_its_gate(name: str) -> None:
    compiled = GATED[name].compiled
    # a new way for the pattern to match, holding no word the gate had
    widened = re.compile(f"(?:{compiled.pattern})|\\bzorglub\\w*", compiled.flags)
    again = gated(widened)
    assert isinstance(again, Cued)
    assert "zorglub" in again.groups[0]
    assert again.search("Brenlow: zorglubs today") is not None
    # and one dropped: a pattern needing only that word is gated on it alone
    assert gated(re.compile(r"\bzorglub\w*", compiled.flags)).groups == (("zorglub",),)


@pytest.mark.parametrize("name", sorted(GATED))
@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_gated_rule_patterns_match_where_theirs_do(name: str, data: st.DataObject) -> None:
    pattern = GATED[name]
    compiled = pattern.compiled
    text = data.draw(st.from_regex(compiled))
    wrapped = data.draw(st.sampled_from(["{}", "Brenlow {} today.", "« {} »", "İ {} ſ"]))
    if compiled.search(wrapped.format(text)) is not None:  # anchored patterns stay bare
        text = wrapped.format(text)
    found = compiled.search(text)
    assert found is not None
    again = pattern.search(text)
    assert again is not None and again.span() == found.span()
    begin = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(0, len(text)))
    inner, gated_inner = compiled.search(text, begin, end), pattern.search(text, begin, end)
    assert (inner and inner.span()) == (gated_inner and gated_inner.span())
    matched, gated_matched = compiled.match(text, begin, end), pattern.match(text, begin, end)
    assert (matched and matched.span()) == (gated_matched and gated_matched.span())
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    # a part cut out: as a search of the slice answers
    part, gated_part = compiled.search(text[begin:end]), pattern.search_part(text, begin, end)
    assert (part and part.span()) == (gated_part and gated_part.span())


def test_search_part_reads_a_part_whose_lowering_changes_its_length() -> None:
    # "İ" lowers to two characters: the part is lowered on its own, not cut from the whole
    pattern = passing_news._A_TEAM
    text = "İİİ Brenlow va recruter une équipe commerciale. Et puis rien."
    begin, end = 4, text.index(".") + 1
    found = pattern.search_part(text, begin, end)
    assert found is not None and found.group().lower().startswith("recruter une")
    assert pattern.search_part(text, end, len(text)) is None


@pytest.mark.parametrize(
    ("kind", "text", "trigger"),
    [
        # passing_news._A_TEAM: a team hired with no number
        ("hiring", "Brenlow va recruter une équipe commerciale à Lyon.", "recruter"),
        # newsworthy._COMBINED: the merged group's total staff
        ("hiring", "The combined group will employ 520 people.", "employ"),
        # other_readings._STAFF_HIRED: how a workforce was hired
        (
            "hiring",
            "Brenlow, a company with 280 employees, most of them recruited locally, grows.",
            "recruited",
        ),
    ],
)
def test_rules_still_rule_out_their_wordings_through_the_gates(
    models: LanguageModels, kind: str, text: str, trigger: str
) -> None:
    doc = models.get("fr" if "recruter" in text else "en")(text)
    start = text.index(trigger)
    span = doc.char_span(start, start + len(trigger))
    assert span is not None
    sentence = next(s for s in doc.sents if s.start <= span.start < s.end)
    assert ruled_out(kind, sentence, span, doc.text)
