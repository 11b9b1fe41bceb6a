"""Issue 14, session 18, speed of the part of a trigger's sentence shown (``events._shown``)
and of the triggers' finders: the same answers with less work, on the real pipelines.

- ``morphs.feature`` gives what ``Token.morph.get`` gives, for every word and field, the
  first time and from its table after, and its table empties past its bound;
- the readings that moved to ``feature`` and to part-of-speech ids (``verb_tenses``,
  ``antecedents``, ``background._before_other_participle``) are the Token readings they
  replaced, word by word: a part of speech dropped from one of their id sets fails here;
- ``antecedents.antecedent`` reads the sentence's verbs after its words: the same answer
  as the order before, for every word of every sentence taken as the trigger;
- the finders that pick their words out of the lemma column (``deliveries``, ``costs``,
  ``launches``, ``launch_objects``) find the triggers of their examples.

The texts were written for these tests.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span, Token

from myrtille.enrichment import antecedents, background, morphs, verb_tenses
from myrtille.enrichment.costs import costs
from myrtille.enrichment.deliveries import deliveries
from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.launch_objects import launched_products
from myrtille.enrichment.launches import named_launches

TEXTS = {
    "fr": "Le groupe Varnel, qui avait racheté la fonderie Ribaud en 2019, recrute 40 "
    "opérateurs pour la ligne inaugurée l'an dernier. Suite au rachat de Solvane, l'usine de "
    "Poligny embauchera 25 personnes. Grâce à son contrat avec la SNCF : nouvelles embauches "
    "à Tours. Après avoir levé 5 millions d'euros, la start-up a ouvert son premier site. "
    "Elle a livré vendredi à la marine sénégalaise le premier patrouilleur. Le bâtiment de "
    "3 000 m2, équipé de chambres froides, coûtera 12 millions d'euros. La société a "
    "présenté mardi « Plume », un assistant vocal. Elle lance une gamme de biscuits sans "
    "sucre. Ses deux usines seront agrandies et il n'y aura pas de fermeture.",
    "en": "Following its 2019 takeover by Varnel, the plant is hiring 40 operators for the "
    "line opened last year. After raising €12m, the start-up has opened its first site. "
    "Thanks to its contract with Network Rail: new jobs in Derby. Dunmore delivered its "
    "first patrol boat to the Hellenic Navy on Friday. The warehouse, which will handle "
    "grain, will cost EUR 32 million. The firm unveiled 'Nova', a compact heat pump. It "
    "launches alcohol-free sparkling wine. Its 2021 acquisition of Brenlow had been "
    "announced, and the group would not have closed its own plant.",
}
FIELDS = ("VerbForm", "Tense", "Poss", "Mood", "Number", "Person", "PronType", "Nope")


@pytest.fixture(scope="module", params=sorted(TEXTS))
def doc(request: pytest.FixtureRequest, enricher: Enricher) -> Doc:
    return enricher.tools(request.param).nlp(TEXTS[request.param])


def test_a_feature_is_what_morph_get_gives(doc: Doc) -> None:
    for _ in range(2):  # worked out, then read from the table
        for token in doc:
            for field in FIELDS:
                assert list(morphs.feature(token, field)) == token.morph.get(field), (token, field)


def test_the_table_of_features_empties_past_its_bound(
    doc: Doc, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(morphs, "MAX_VALUES", 3)
    monkeypatch.setattr(morphs, "_VALUES", {})
    for token in doc:
        for field in FIELDS:
            assert list(morphs.feature(token, field)) == token.morph.get(field)
            assert len(morphs._VALUES) <= 3


def _finite(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and "Fin" in token.morph.get("VerbForm")


def _ahead_helper(helper: Token) -> bool:
    return helper.pos_ == "AUX" and (
        helper.tag_ == "MD"
        or "Fut" in helper.morph.get("Tense")
        or "Inf" in helper.morph.get("VerbForm")
    )


def _past_tense(tokens: list[Token]) -> bool:
    for position, token in enumerate(tokens):
        if token.tag_ == "VBD":
            return True
        if token.pos_ not in ("VERB", "AUX") or "Past" not in token.morph.get("Tense"):
            continue
        if "Fin" in token.morph.get("VerbForm"):
            return True
        helpers = [h for h in tokens[max(0, position - 3) : position] if h.pos_ == "AUX"]
        if any(_ahead_helper(h) for h in helpers):
            continue
        if any("Fin" in h.morph.get("VerbForm") or h.tag_ in ("VBZ", "VBP") for h in helpers):
            return True
    return False


def _finite_or_said(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and (
        "Fin" in token.morph.get("VerbForm") or token.tag_ in ("VBD", "VBZ", "VBP", "MD")
    )


def _between(token: Token) -> bool:
    return (
        token.pos_ in ("DET", "NUM", "ADJ")
        or "Yes" in token.morph.get("Poss")
        or token.lower_ in antecedents._AUXILIARIES
        or token.lower_ in antecedents._GETTING
        or (
            token.pos_ == "PROPN"
            and token.i > 0
            and token.doc[token.i - 1].lower_ in antecedents._GETTING
        )
    )


def test_the_verb_readings_are_the_token_readings(doc: Doc) -> None:
    for token in doc:
        assert verb_tenses.finite(token) == _finite(token), token
        assert verb_tenses.ahead_helper(token) == _ahead_helper(token), token
        assert antecedents._finite(token) == _finite_or_said(token), token
        assert antecedents._between(token) == _between(token), token
        assert antecedents._determiner(token) == (
            token.pos_ == "DET" or "Yes" in token.morph.get("Poss")
        ), token
    for sentence in doc.sents:
        for start in range(sentence.start, sentence.end):
            tokens = list(doc[start : sentence.end])
            assert verb_tenses.past_tense(tokens) == _past_tense(tokens)
    # each id set is met: the texts hold a finite verb, a helper ahead, a word between
    assert any(verb_tenses.finite(t) for t in doc)
    assert any(verb_tenses.ahead_helper(t) for t in doc)
    assert {t.pos_ for t in doc if antecedents._between(t)} >= {"DET", "NUM", "ADJ"}


def _before_other_participle(trigger: Span, end: int) -> int:
    """``background._before_other_participle`` as it read Tokens before session 18."""
    doc = trigger.doc
    predicate = any(_finite(t) or t.pos_ == "VERB" for t in trigger)
    for token in doc[trigger.end : trigger.sent.end]:
        if token.idx >= end:
            break
        predicate = predicate or _finite(token)
        if (
            predicate
            and token.i > trigger.end
            and token.tag_ in ("VBN", "VERB")
            and "Part" in token.morph.get("VerbForm")
            and "Past" in token.morph.get("Tense")
            and doc[token.i - 1].pos_ in ("NOUN", "ADJ", "PROPN")
        ):
            return token.idx
    return end


def test_a_time_scope_ends_where_it_ended(doc: Doc) -> None:
    cut = 0
    for sentence in doc.sents:
        for start in range(sentence.start, sentence.end):
            trigger = doc[start : start + 1]
            end = sentence.end_char
            expected = _before_other_participle(trigger, end)
            assert background._before_other_participle(trigger, end) == expected, trigger
            cut += expected < end
    assert cut  # "la ligne inaugurée", "the line opened": a participle ends some scopes


def _antecedent_before(sentence: Span, trigger: Span) -> bool:
    """``antecedents.antecedent`` with the sentence's verbs read first, as before."""
    at = antecedents._opening(sentence, trigger)
    if at <= sentence.start or not any(_finite_or_said(t) for t in sentence):
        return False
    return antecedents.antecedent(sentence, trigger)


def test_an_antecedent_is_read_as_before(doc: Doc) -> None:
    found = 0
    for sentence in doc.sents:
        for start in range(sentence.start, sentence.end):
            for end in (start + 1, min(start + 2, sentence.end)):
                trigger = doc[start:end]
                expected = _antecedent_before(sentence, trigger)
                assert antecedents.antecedent(sentence, trigger) == expected, trigger
                found += expected
    assert found  # "Suite au rachat", "Following its takeover", "After raising"


def _words_of(doc: Doc, found: list[tuple[str, int, int]]) -> set[tuple[str, str]]:
    return {(label, doc[start:end].text) for label, start, end in found}


EXPECTED = {
    "fr": [
        (deliveries, ("event:export", "livré")),
        (
            costs,
            ("event:investment", "bâtiment de 3 000 m2, équipé de chambres froides, coûtera 12"),
        ),
        (named_launches, ("event:innovation", "présenté")),
        (launched_products, ("event:innovation", "lance")),
    ],
    "en": [
        (deliveries, ("event:export", "delivered")),
        (costs, ("event:investment", "warehouse, which will handle grain, will cost EUR 32")),
        (named_launches, ("event:innovation", "unveiled")),
        (launched_products, ("event:innovation", "launches")),
    ],
}


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_the_finders_find_their_examples(enricher: Enricher, language: str) -> None:
    doc = enricher.tools(language).nlp(TEXTS[language])
    for finder, trigger in EXPECTED[language]:
        assert trigger in _words_of(doc, finder(doc)), (finder.__name__, trigger)
