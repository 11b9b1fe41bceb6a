"""``is_background`` searches a clause for past-time expressions only when it holds a word
that one of them needs: that pre-check must never skip a clause an expression matches."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from myrtille.enrichment.background import (
    _EARLIER,
    _MONTH,
    _MONTH_WORDS,
    _YEAR,
    _may_be_earlier,
    _words,
)

PIECES = [
    *("l'an", "l’année", "dernier", "dernière", "passée", "passé", "il", "y", "a", "deux"),
    *("ans", "mois", "plus", "tôt", "auparavant", "après", "avant", "dans", "le", "naguère"),
    *("depuis", "2019", "2024", "1998", "last", "year", "earlier", "this", "month", "three"),
    *("weeks", "ago", "before", "after", "some", "since", "in", "the", "past", "back"),
    *("formerly", "en", "octobre", "mi-", "mars", "March", "May", "15", "le", "12", "août"),
    *("fin", "décembre", "fevrier", "during", "Juin", ",", ".", "x", "-", "d'"),
    *("\u0130l", "\u0131l", "la\u017ft", "ba\u212ack", "ı", "İ"),
    # One phrase per way of each expression, so that every one is tried.
    *("l'année passée", "l’hiver dernier", "le printemps passé", "il y a quelques semaines"),
    *("trois mois plus tôt", "un an auparavant", "au cours de l'passé", "dans le passé"),
    *("depuis 2021", "last summer", "earlier this year", "a year earlier", "two weeks ago"),
    *("some months after", "a few years earlier", "since 2015", "in the past", "back in"),
    *("jadis", "en novembre 2023", "le 3 mars", "dès janvier", "courant juillet", "June 5, 2024"),
    *("in 2022", "during 2019", "from 2020"),
]
piece = st.sampled_from(PIECES).map(lambda w: w.upper() if len(w) > 3 and w[0] == "p" else w)
clauses = st.lists(piece, max_size=14).map(" ".join) | st.lists(piece, max_size=8).map("".join)


@settings(max_examples=1000, deadline=None)
@given(clauses)
def test_the_words_pre_check_skips_no_clause_an_expression_matches(clause: str) -> None:
    words = _words(clause)
    if _EARLIER.search(clause):
        assert _may_be_earlier(words), clause
    if _MONTH.search(clause):
        assert words is None or words & _MONTH_WORDS, clause
    if _YEAR.search(clause):
        assert "19" in clause or "20" in clause, clause


def test_the_pre_check_skips_a_clause_without_time_words() -> None:
    words = _words("Cellinov lève 20 millions d'euros pour son usine de Lyon")
    assert words is not None and not _may_be_earlier(words) and not words & _MONTH_WORDS
    assert _may_be_earlier(_words("Il y a deux ans, Cellinov levait 5 millions"))
    assert _words("ıl y a deux ans") is None  # a dotless i: searched as before
