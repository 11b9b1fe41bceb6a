"""Issue 14, session 9, speed: what the event rules ask again per trigger is memoised per
document (``doctext.per_document``) and answers what the function itself answers, on the
real pipelines.

- ``firmnames.named_firms`` (memoised in ``_uncovered`` since session 19, whose unmemoised
  body answers every sentence as ``named_firms`` does), ``denials.clause_start``,
  ``denials.hedge_scope`` and ``background._before_other_participle`` give, memoised,
  what they give unmemoised, for every sentence and trigger word of the texts, asked twice;
- a different mention list, another document with the same bounds, a list answer changed
  by its caller: each gets its own answer.

The texts were written for these tests.
"""

from __future__ import annotations

from myrtille.enrichment.background import _before_other_participle
from myrtille.enrichment.companies import CompanyMention
from myrtille.enrichment.denials import clause_start, hedge_scope
from myrtille.enrichment.doctext import span_text, text_of
from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.firmnames import _uncovered, named_firms

TEXTS = {
    "fr": [
        "La société Kervalen recrute 25 soudeurs\n\nÀ Lorient, la société Kervalen, qui "
        "fabrique des coques en aluminium, recrute 25 soudeurs et envisage d'ouvrir un "
        "second atelier, a indiqué son directeur, Yann Le Goff. Le chantier naval Bréhat "
        "Marine, son voisin, a racheté en 2021 la menuiserie Tanguy ; il ne prévoit pas de "
        "fermer le site mais pourrait céder sa filiale.",
        "Le groupe Ostral lève 9 millions d'euros\n\nLe groupe Ostral, éditeur de logiciels "
        "pour les laboratoires, a levé 9 millions d'euros auprès de deux fonds. La start-up "
        "Ferlane, rachetée l'an dernier, emploie 40 personnes et recrutera 15 ingénieurs.",
    ],
    "en": [
        "Calder Pumps to hire 60\n\nThe pump maker Calder Pumps said on Tuesday it would "
        "hire 60 fitters and build a test bay, although it has not ruled out closing its "
        "older Wigan site, managing director Ruth Okafor said. Its rival Dunmore Hydraulics "
        "Ltd, which was bought by a Swedish group in 2019, is cutting 30 jobs.",
        "Pellow Foods raises £6m\n\nThe snack firm Pellow Foods has raised £6 million from "
        "investors and plans to export to Ireland; it had opened a bakery in Truro last "
        "year. The company, founded in 2015, employs 85 people.",
    ],
}


def _docs(enricher: Enricher, language: str) -> list:
    return list(enricher.tools(language).nlp.pipe(TEXTS[language]))


def test_memoised_rules_answer_what_the_rules_answer(enricher: Enricher) -> None:
    asked = 0
    for language in TEXTS:
        for doc in _docs(enricher, language):
            text = text_of(doc)
            mentions = [
                CompanyMention(None, e.text, e.start_char, e.end_char, "ner")
                for e in doc.ents
                if e.label_ == "ORG"
            ]
            for sentence in doc.sents:
                for _ in range(2):  # the second call reads the memo
                    assert named_firms(sentence, mentions) == _uncovered.__wrapped__(
                        sentence, mentions
                    )
                said = span_text(sentence)
                for token in sentence:
                    if token.is_space or token.is_punct:
                        continue
                    trigger = doc[token.i : token.i + 1]
                    at = trigger.start_char - sentence.start_char
                    for _ in range(2):
                        assert clause_start(text, sentence, trigger) == (
                            clause_start.__wrapped__(text, sentence, trigger)
                        )
                        assert hedge_scope(said, at, trigger) == hedge_scope.__wrapped__(
                            said, at, trigger
                        )
                        end = sentence.end_char
                        assert _before_other_participle(trigger, end) == (
                            _before_other_participle.__wrapped__(trigger, end)
                        )
                    asked += 1
    assert asked > 150
    # The texts do reach the rules: firms a company word names, clauses cut before.
    fr = _docs(enricher, "fr")[0]
    names = {m.name for s in fr.sents for m in named_firms(s, [])}
    assert "Kervalen" in names


def _spans(found: list[CompanyMention]) -> set[tuple[int, int]]:
    return {(m.start, m.end) for m in found}


def test_each_call_gets_its_own_answer(enricher: Enricher) -> None:
    first, second = _docs(enricher, "fr")
    sentence = next(s for s in first.sents if "Kervalen," in s.text)
    found = named_firms(sentence, [])
    firm = next(m for m in found if m.name == "Kervalen")
    # A mention that covers the name: another mention list, another answer.
    covering = CompanyMention(None, "Kervalen", firm.start, firm.end, "ner")
    assert _spans(named_firms(sentence, [covering])) == _spans(found) - {(firm.start, firm.end)}
    # The same mention changed since: asked by its fields at the call, not its identity.
    covering.start = covering.end = 0
    assert _spans(named_firms(sentence, [covering])) == _spans(found)
    # A caller that changes its list changes nobody else's.
    expected = _spans(found)
    found.clear()
    assert _spans(named_firms(sentence, [])) == expected
    # The same bounds in another document: that document's own answer.
    other = second[sentence.start : sentence.end]
    assert named_firms(other, []) == _uncovered.__wrapped__(other, [])
    assert "Kervalen" not in {m.name for m in named_firms(other, [])}
