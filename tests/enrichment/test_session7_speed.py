"""Issue 14, session 7, speed: what is read once per document or followed on its columns
gives what the slower way gives, on the real pipelines and lexicons.

- the lexicon patterns followed from their first word on the document's columns
  (``pattern_steps.py``) find what spaCy's Matcher finds on the whole document;
- ``doctext.sentence_of`` is ``Token.sent`` (the whole document without boundaries);
- ``firmnames.people_words``, read once per document, is the document's people's words.

The texts were written for these tests.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from myrtille.enrichment.doctext import sentence_of
from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.firmnames import PEOPLE, people_words
from myrtille.enrichment.patterns import ANY_KEY, PatternSet

TEXTS = {
    "fr": [
        "Vendôme Hydraulique lève 12 millions d'euros\n\nLe fabricant de vérins, basé à "
        "Châtellerault, a bouclé une levée de fonds de 12,5 millions d'euros. Il prévoit "
        "de recruter 40 techniciens d'ici 2028 et d'ouvrir une deuxième usine. Selon sa "
        "directrice, Mathilde Queyras, l'entreprise a réalisé 31 millions de chiffre "
        "d'affaires. La société a racheté l'an dernier un atelier de chaudronnerie.",
        "Les Salaisons du Ternois placées en redressement judiciaire\n\nLe tribunal de "
        "commerce d'Arras a ouvert une procédure de redressement ; 85 emplois sont menacés "
        "et la fermeture du site de Saint-Pol n'est pas exclue, a indiqué Paul Wimez. "
        "La salaison était passée en 2019 sous le contrôle d'Alvéa, devenu actionnaire "
        "majoritaire.",
    ],
    "en": [
        "Harwell Optics raises $20m\n\nThe Oxfordshire lens maker has raised $20 million "
        "in a Series B round and will hire 35 engineers by 2027. Chief executive Aisha "
        "Brennan said the company would open a second plant. It acquired a coating firm "
        "for £4m last year and signed a three-year supply deal with a carmaker.",
        "Tyneside yard to close\n\nMarrow Marine will close its Hebburn yard, cutting 120 "
        "jobs, after orders fell by 30 per cent, Mark Dunleavy told staff on Monday. "
        "Shareholders of its parent approved the merger with Dalby Foods in May, with 60 "
        "new jobs expected.",
    ],
}


def whole_document(patterns: PatternSet, doc: Doc) -> list[tuple[str, int, int]]:
    """The phrases, and every group's Matcher run on the whole document."""
    found = list(patterns.phrases(doc))
    for matcher in patterns.groups.values():
        found += matcher(doc)
    strings = doc.vocab.strings
    return sorted((strings[key], start, end) for key, start, end in found)


def test_lexicon_patterns_followed_on_columns_find_what_the_matcher_finds(
    enricher: Enricher,
) -> None:
    for language, texts in TEXTS.items():
        tools = enricher.tools(language)
        for patterns in (tools.events.matcher, tools.sectors.matcher):
            # Every group of the real lexicons is followed as steps, not run by spaCy.
            assert all(
                patterns.steps.get(key) is not None for key in patterns.groups if key != ANY_KEY
            )
            for doc in tools.nlp.pipe(texts):
                found = patterns(doc)
                assert found == whole_document(patterns, doc), (language, doc.text[:40])
        # The texts do reach the followed patterns: events with wildcards and numbers.
        events = {
            label for doc in tools.nlp.pipe(texts) for label, _, _ in tools.events.matcher(doc)
        }
        assert {"event:fundraising", "event:hiring"} <= events


def test_sentence_of_is_the_token_s_sentence(enricher: Enricher) -> None:
    for language, texts in TEXTS.items():
        docs = list(enricher.tools(language).nlp.pipe(texts))
        assert sum(len(list(doc.sents)) for doc in docs) > len(docs)  # boundaries to find
        for doc in docs:
            for token in doc:
                sentence = sentence_of(doc, token.i)
                assert (sentence.start, sentence.end) == (token.sent.start, token.sent.end)
    blank = spacy.blank("fr")("Une phrase. Une autre phrase.")  # no sentence boundaries
    assert not blank.has_annotation("SENT_START")
    for i in range(len(blank)):
        assert (sentence_of(blank, i).start, sentence_of(blank, i).end) == (0, len(blank))


def test_people_words_are_each_document_s_own(enricher: Enricher) -> None:
    nlp = enricher.tools("en").nlp
    first, second = nlp.pipe(TEXTS["en"])
    for doc in (first, second):
        expected = frozenset(
            t.lower_ for e in doc.ents if e.label_ in PEOPLE for t in e if t.is_alpha
        )
        for sentence in doc.sents:  # any sentence of the document: its people's words
            assert people_words(sentence) == expected
    assert people_words(first[:]) != people_words(second[:])
