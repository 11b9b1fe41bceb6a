"""Session 19, speed of the places: ``keep_homes`` looks only at the names not kept as found,
and ``PlaceNameMatcher.find`` reads a cue before a name only where a rule asks for one.

A name that ``kept`` already holds, the very object found, could only be put back where it
is by the home rules (a firm's home, a paragraph's dateline, a site, an address, a stated
department), so they are not run on it, and the title's firms are read only once a name is
not kept so. The answer is the one of every name looked at: the names ``kept`` holds, each
replaced by the name found at its start when a rule holds for it (``keep_homes`` with
nothing kept looks at every name). Held here on the demo corpus's names, ``kept`` drawn at
random among them (some left out, some replaced by their region alone, as
``_departments_in_passing`` does), and on a firm's home given back its department.

The cue ("à", "in") decides only for a name that ends a person's name elsewhere in the text
("Thomas Millau ... à Millau") and for an ambiguous name ("à Laval"); a plain name is kept
without it. Both cases are held below: each fails if its cue is no longer read.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from myrtille.demo.corpus import load_corpus
from myrtille.enrichment.enricher import TITLE_SEPARATOR
from myrtille.enrichment.geography import Place, PlaceName
from myrtille.enrichment.placenames import default_matcher
from myrtille.enrichment.placesubject import keep_homes


@cache
def _documents() -> list[tuple[str, int, list[PlaceName]]]:
    """Each demo article's text, where its title ends and the place names found on it."""
    documents = []
    for article in load_corpus().articles:
        text = f"{article.title}{TITLE_SEPARATOR}{article.summary}\n\n{article.body}"
        title_end = len(article.title)
        names = default_matcher().find(text, title_end=title_end)
        if names:
            documents.append((text, title_end, names))
    return documents


def _region_only(name: PlaceName) -> PlaceName:
    place = name.place
    return replace(name, place=Place(place.name, "region", place.region, None, place.region))


def _every_name_looked_at(
    kept: list[PlaceName], names: list[PlaceName], text: str, title_end: int
) -> list[PlaceName]:
    homes = {n.start: n for n in keep_homes([], names, text, title_end)}
    by_start = {n.start: homes.get(n.start, n) for n in kept} | homes
    return sorted(by_start.values(), key=lambda n: n.start)


def test_the_corpus_has_homes_to_find() -> None:
    # Without homes among the corpus's names the property below would hold of anything.
    assert sum(bool(keep_homes([], n, t, e)) for t, e, n in _documents()) >= 5


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_keep_homes_answers_as_if_it_looked_at_every_name(data: st.DataObject) -> None:
    text, title_end, names = data.draw(st.sampled_from(_documents()))
    fates = data.draw(
        st.lists(
            st.sampled_from(["kept", "dropped", "region"]), min_size=len(names), max_size=len(names)
        )
    )
    kept = [
        name if fate == "kept" else _region_only(name)
        for name, fate in zip(names, fates, strict=True)
        if fate != "dropped"
    ]
    expected = _every_name_looked_at(kept, names, text, title_end)
    assert keep_homes(kept, names, text, title_end) == expected


def _found(text: str, excluded: str = "") -> list[str]:
    start = text.find(excluded) if excluded else 0
    spans = [(start, start + len(excluded))] if excluded else []
    return [n.text for n in default_matcher().find(text, excluded=spans)]


def test_a_person_s_name_is_a_place_only_with_a_cue() -> None:
    assert default_matcher().entries[("millau",)].ambiguity is None  # a plain name
    person = "Thomas Millau"
    assert _found("Le patron Thomas Millau investit. L'usine ouvrira à Millau.", person) == [
        "Millau"
    ]
    assert _found("Le patron Thomas Millau investit. Millau a déclaré.", person) == []


def test_an_ambiguous_name_is_a_place_with_a_cue() -> None:
    assert default_matcher().entries[("laval",)].ambiguity == "name"
    assert _found("Le groupe s'installe à Laval en mai.") == ["Laval"]
    assert _found("Le groupe rachète Laval en mai.") == []


def test_a_home_kept_as_its_region_gets_its_department_back() -> None:
    title = "Korvel wins Nantes tram maintenance contract"
    text = f"{title}\n\nKorvel, the Lille rail engineering firm, has won a contract."
    names = default_matcher().find(text, title_end=len(title))
    lille = next(n for n in names if n.text == "Lille")
    kept = [_region_only(n) if n is lille else n for n in names]
    found = keep_homes(kept, names, text, len(title))
    assert lille in found
    assert _region_only(lille) not in found
