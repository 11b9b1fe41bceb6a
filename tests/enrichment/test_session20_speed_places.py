"""Issue 14, session 20, speed of the places: the same answers with less work.

The place-name scan no longer looks up the names a lowercase word opens ("la", "son",
"by": two thirds of its lookups) unless that word may open a name written in lowercase (an
inhabitants' adjective, a region's half: ``placealone.lowercase_openers``, derived from the
matcher's own entries and ``placewords.HALVES``) or a blocked span (a person, a linked
firm) is within the name's reach, where a name counts even so. Checked here against the
scan with the gate off (every word an opener), on texts written for these tests in French
and English and on the demo corpus, with and without blocked spans; the gate is shown to
be derived (an entry made an adjective adds its first word) and to matter (with no
openers, the adjectives and halves are lost). The words are plain ``(folded, start, end)``
tuples now; ``holds_word`` and ``route_end`` look their words up at C speed: the same
answers as substring tests one by one.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from functools import cache

import pytest

from myrtille.demo.corpus import load_corpus
from myrtille.enrichment.cues import _FOLDED_APART
from myrtille.enrichment.geography import PlaceName
from myrtille.enrichment.placealone import lowercase_openers
from myrtille.enrichment.placenames import PlaceNameMatcher, default_matcher
from myrtille.enrichment.placewords import HALVES
from myrtille.enrichment.rule_gates import holds_word

TEXTS = [
    "Une PME toulousaine rachète un atelier nantais ; la start-up parisienne lève 3 M€.",
    "An Alsatian brewer opens a plant in southern Corsica and upper Normandy, near Caen.",
    "Le groupe breton s'installe à Saint-Malo. Son usine de Rennes ferme ; by 2027, Lyon.",
    "la rochelle, le havre et le mans : des villes écrites en minuscules, pas des noms.",
    "Sarah Breton, née à Brest, dirige le site de Lorient ; Breton a précisé que Lorient.",
    "Jean de la Fontaine et le Mans FC : la Loire, le Lot, les Landes, la Manche, Vienne.",
    "Les ventes du marché de la région parisienne progressent dans le sud de la Gironde.",
    "sales in the greater paris area rose; the normandy plant of this breton group closed.",
    # A lowercase word opening a name that a person's name overlaps: the name is looked up
    # (blocked, it hides "Paris" of "Paris Martin", whose later mention is then read).
    "Selon grand Paris Martin, le site ferme. Paris Martin dirige l'usine de Lyon. À Paris.",
    "",
]


@cache
def _corpus() -> list[str]:
    return [f"{a.title}\n\n{a.summary}\n\n{a.body}" for a in load_corpus().articles]


def _without_gate(matcher: PlaceNameMatcher) -> PlaceNameMatcher:
    """A copy of ``matcher`` whose scan looks up every word (every word an opener)."""
    ungated = copy.copy(matcher)
    ungated.lowercase_openers = frozenset(matcher.lengths)
    return ungated


def _spans(text: str) -> list[list[tuple[int, int]]]:
    """No blocked span, then each lowercase word's span alone, then spans over people."""
    lowered = [
        (start, start + len(word))
        for start, word in ((text.find(w), w) for w in ("la", "le", "son", "by", "de"))
        if start >= 0
    ]
    names = ("Sarah Breton", "Jean de la", "Paris Martin")
    people = [(text.find(n), text.find(n) + len(n)) for n in names]
    return [[], *([s] for s in lowered), [s for s in people if s[0] >= 0]]


def _key(names: list[PlaceName]) -> list[tuple[str, int, int, str]]:
    return [(n.text, n.start, n.end, n.place.code) for n in names]


@pytest.mark.parametrize("text", TEXTS)
def test_the_gated_scan_finds_what_the_scan_without_the_gate_finds(text: str) -> None:
    matcher = default_matcher()
    ungated = _without_gate(matcher)
    for excluded in _spans(text):
        for title_end in (0, len(text) // 2):
            found = matcher.find(text, excluded=excluded, title_end=title_end)
            expected = ungated.find(text, excluded=excluded, title_end=title_end)
            assert _key(found) == _key(expected), (excluded, title_end)


def test_the_demo_corpus_finds_the_same_places_with_the_gate() -> None:
    matcher = default_matcher()
    ungated = _without_gate(matcher)
    for text in _corpus():
        # blocked spans at lowercase words and at capitalised ones alike
        spans = [(i, i + 12) for i in range(0, len(text), 97)]
        for excluded in ([], spans):
            assert _key(matcher.find(text, excluded=excluded)) == _key(
                ungated.find(text, excluded=excluded)
            )


def test_the_gate_matters_and_keeps_the_adjectives_and_halves() -> None:
    """With no word an opener, the lowercase adjectives and halves are lost: the texts above
    do hold names only an opener keeps (so the comparison above can fail)."""
    matcher = default_matcher()
    closed = copy.copy(matcher)
    closed.lowercase_openers = frozenset()
    lost = set()
    for text in TEXTS[:3]:
        lost |= {n.text for n in matcher.find(text)} - {n.text for n in closed.find(text)}
    assert {"toulousaine", "nantais", "southern Corsica"} <= lost


def test_the_openers_are_derived_from_the_entries() -> None:
    matcher = default_matcher()
    assert matcher.lowercase_openers == lowercase_openers(matcher.entries)
    assert matcher.lowercase_openers >= HALVES
    assert "toulousain" in matcher.lowercase_openers
    assert "la" not in matcher.lowercase_openers and "son" not in matcher.lowercase_openers
    entries = dict(matcher.entries)
    words = ("son",)
    assert words in entries and not entries[words].adjective
    entries[words] = replace(entries[words], adjective=True)
    assert "son" in lowercase_openers(entries)


@pytest.mark.parametrize(
    "part",
    ["Ses LIAISONS pour", "no word here", "İzmir ROUTES", "ſ", "", "connexions vers", "Vol"],
)
def test_holds_word_answers_as_each_word_looked_for_in_turn(part: str) -> None:
    words = ("route", "liaison", "vol", "ferr")
    expected = any(word in part.lower() for word in words) or (
        not part.isascii() and any(c in part for c in _FOLDED_APART)
    )
    assert holds_word(part, words) == expected
