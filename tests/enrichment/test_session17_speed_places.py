"""Session 17, speed of the places: the same answers with less work.

Several place rules now search their pattern only in a text holding one of the words every
match of it holds (``*_HELD``): the collectivities, the ends of routes, a firm's own site,
the home of the firm a sentence opens on, another party's home. Each gate is checked here
against the rule without it (the words set to "", held by any text), at every capitalised
word of the demo corpus and of examples written for each word of each gate; each word is
needed (an example holds only it, and the gate without it hides that example's match).
``placewords.overlap_test`` answers as ``overlaps``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from functools import cache

import pytest

from myrtille.demo.corpus import load_corpus
from myrtille.enrichment import (
    placecollectivities,
    placeparties,
    placeroutes,
    placesubject,
)
from myrtille.enrichment.geography import Place, PlaceName
from myrtille.enrichment.placewords import overlap_test, overlaps

_TOWN = Place("Lyon", "commune", "84", "69", "69123", 500_000)
_CAPITALISED = re.compile(r"\b[A-ZÀ-Ý][\w'’-]*")

# The words before a place name (" Lyon." is put after them); per gate word, one example
# holding no other word of its gate.
ROUTES = {
    "entre": "Un bateau entre Bastia et",
    "between": "A boat between Roscoff and",
    "reli": "La navette relie Nantes et",
    "link": "The bus links Grenoble and",
    "connect": "A train connecting Lille and",
    "to": "A coach from Turin to",
    "à": "Un camion de Nantes à",
    "vers": "Un camion de Grenoble vers",
    "route": "Its routes to",
    "line": "Two new lines to",
    "flight": "Daily flights to",
    "ferr": "The ferry to",
    "crossing": "Night crossings to",
    "sailing": "Weekly sailings to",
    "connection": "New connections to",
    "liaison": "LES LIAISONS POUR",
    "ligne": "Les lignes pour",
    "vol": "Les vols pour",
    "travers": "Les traversées pour",
    "desserte": "Les dessertes pour",
    "rotation": "Les rotations pour",
}
SITES = {
    "usine": "Le groupe ouvrira une usine près de",
    "atelier": "Il ouvre un atelier près de",
    "agence": "SON AGENCE DE",
    "antenne": "Elle ouvre une antenne près de",
    "plant": "It opens its plant near",
    "factor": "It builds a factory near",
    "workshop": "It opens a workshop near",
    "branch": "It opens a branch near",
    "hub": "It opens its hub near",
    "succursale": "Elle ouvre une succursale près de",
}
BASED = {
    "based": "The company, based in",
    "headquartered": "The group, headquartered in",
    "basé": "Le groupe, basé à",
    "installé": "La société, installée à",
    "implanté": "L'entreprise, implantée à",
}
COLLECTIVITIES = {
    "Miquelon": "Un port à Saint-Pierre-et-Miquelon, puis St Pierre and Miquelon.",
    "Futuna": "Wallis-et-Futuna, Wallis and Futuna.",
    "Polyn": "En Polynésie française (French Polynesia).",
    "doni": "En Nouvelle-Calédonie, in New Caledonia.",
}
PARTIES = ["Le navire est construit par un chantier", "Il a racheté d'une part", "It was led by a"]
# Letters the engine folds to an ASCII letter that str.lower does not (cues.py).
FOLDED_APART = ["Its croſſings to", "It opens a workſhop near"]


@cache
def _corpus() -> list[str]:
    return [f"{a.title}\n\n{a.summary}\n\n{a.body}" for a in load_corpus().articles]


def _texts() -> list[str]:
    examples = [*ROUTES.values(), *SITES.values(), *BASED.values(), *PARTIES]
    return [*_corpus(), *(f"{e} Lyon. Puis {e} Lyon, en 2026." for e in examples)]


def _names(text: str) -> list[PlaceName]:
    """A name at every capitalised word (the rules read its span and its text only)."""
    return [PlaceName(m.group(), m.start(), m.end(), _TOWN) for m in _CAPITALISED.finditer(text)]


def _rules() -> dict[str, Callable[[str, PlaceName], bool]]:
    return {
        "route_end": lambda text, n: placeroutes.route_end(text, n.start, n.end),
        "own_site": lambda text, n: placesubject.own_site(text, n, 0),
        "subject_home": lambda text, n: placesubject.subject_home(text, n, {"Lyon"}, 0),
        "other_party": placeparties.other_party,
    }


def _answers(texts: list[str]) -> list[tuple[str, int, bool]]:
    return [
        (rule, n.start, check(text, n))
        for text in texts
        for n in _names(text)
        for rule, check in _rules().items()
    ]


def _ungated(monkeypatch: pytest.MonkeyPatch) -> None:
    for module, name in [
        (placeroutes, "_OPENS_HELD"),
        (placeroutes, "_TO_HELD"),
        (placeroutes, "_BOUND_HELD"),
        (placesubject, "_SITE_HELD"),
        (placesubject, "_BASED_HELD"),
    ]:
        monkeypatch.setattr(module, name, ("",))
    monkeypatch.setattr(placeparties, "_FRENCH_HELD", "")
    monkeypatch.setattr(placecollectivities, "_HELD", ("",))


def test_gated_rules_answer_as_the_rules_without_gates(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [*_texts(), *(f"{e} Lyon." for e in FOLDED_APART)]
    gated = _answers(texts)
    spans = [placecollectivities.collectivity_spans(t) for t in [*texts, *COLLECTIVITIES.values()]]
    _ungated(monkeypatch)
    assert _answers(texts) == gated
    assert [
        placecollectivities.collectivity_spans(t) for t in [*texts, *COLLECTIVITIES.values()]
    ] == spans
    assert sum(answer for _, _, answer in gated) > 40  # the examples do match


def _last_name(example: str) -> tuple[str, PlaceName]:
    text = f"{example} Lyon."
    return text, _names(text)[-1]


@pytest.mark.parametrize(
    ("module", "gate", "examples", "rule"),
    [
        (placeroutes, "_OPENS_HELD", ROUTES, "route_end"),
        (placeroutes, "_TO_HELD", ROUTES, "route_end"),
        (placeroutes, "_BOUND_HELD", ROUTES, "route_end"),
        (placesubject, "_SITE_HELD", SITES, "own_site"),
        (placesubject, "_BASED_HELD", BASED, "subject_home"),
    ],
)
def test_every_word_of_a_gate_is_needed(
    monkeypatch: pytest.MonkeyPatch, module: object, gate: str, examples: dict[str, str], rule: str
) -> None:
    check = _rules()[rule]
    for word in getattr(module, gate):
        text, name = _last_name(examples[word])
        assert check(text, name), (word, text)
        monkeypatch.setattr(module, gate, tuple(w for w in getattr(module, gate) if w != word))
        assert not check(text, name), (word, text)
        monkeypatch.undo()


def test_every_collectivity_word_is_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    for word, text in COLLECTIVITIES.items():
        assert [w for w in placecollectivities._HELD if w in text] == [word]
        assert placecollectivities.collectivity_spans(text)
        others = tuple(w for w in placecollectivities._HELD if w != word)
        monkeypatch.setattr(placecollectivities, "_HELD", others)
        assert placecollectivities.collectivity_spans(text) == []
        monkeypatch.undo()


def test_letters_folded_apart_are_searched() -> None:
    for example in FOLDED_APART:
        text, name = _last_name(example)
        assert placeroutes.route_end(text, name.start, name.end) or placesubject.own_site(
            text, name, 0
        ), example


def test_overlap_test_answers_as_overlaps() -> None:
    draw = random.Random(17)
    for _ in range(500):
        spans = [(a, a + draw.randint(1, 12)) for a in draw.sample(range(60), draw.randint(0, 6))]
        test = overlap_test(spans)
        for start in range(0, 70, 3):
            for end in range(start + 1, start + 15, 2):
                assert test(start, end) is overlaps(start, end, spans), (spans, start, end)
