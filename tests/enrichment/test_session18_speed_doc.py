"""Issue 14, session 18, speed: the place-name scan's words are those it cut before.

``placewords.cut_folded`` looks each word's folded form up in a dictionary kept across
documents (rather than a cached call per word) and hands the folded forms out with the
words: both must be what cutting with ``WORD.finditer`` and folding each word give, for
words new to the process, words seen before and after the dictionary is cleared.
(`sector_cues`' positions, now picked out at C speed, are held to a token-by-token reading
by ``test_session17_speed_sectors.py``.)

The texts were written for these tests.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment import placewords
from myrtille.enrichment.placewords import WORD, Word, cut_folded, cut_words

TEXTS = [
    "Vendu à St-Étienne puis à Ste Maxime : l'usine d'ÉVRY_2 ferme, 12 postes à Évry.",
    "İzmir-based Kötter opens in Saint-Lô; the st. Ouen site (Seine-Saint-Denis) stays.",
    "",
    "   \n\n",
    "Cœur de l'Œuvre — Æther Straße, n°5 : ½ des 40 salariés à Châlons-en-Champagne.",
]


def _reference(text: str) -> list[Word]:
    fold = placewords._fold_word
    spelt = {"st": "saint", "ste": "sainte"}
    return [
        (spelt.get(fold(m.group()), fold(m.group())), m.start(), m.end())
        for m in WORD.finditer(text)
    ]


@pytest.mark.parametrize("text", TEXTS)
def test_words_and_folded_forms_are_those_of_a_match_per_word(text: str) -> None:
    placewords._FOLDED_WORDS.clear()
    for _ in range(2):  # words new to the process, then words seen before
        words, folded = cut_folded(text)
        assert words == _reference(text)
        assert folded == [w[0] for w in words]  # (folded, start, end): session 20
        assert cut_words(text) == words


def test_the_folded_words_are_found_again_after_the_dictionary_is_cleared(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(placewords, "MAX_FOLDED_WORDS", 3)
    for text in TEXTS * 2:
        words, folded = cut_folded(text)
        assert words == _reference(text)
        assert folded == [w[0] for w in words]
    assert any(w[0] == "saint" for w in cut_words("St Malo"))
    assert [w[0] for w in cut_words("ÉVRY Évry evry")] == ["evry"] * 3
