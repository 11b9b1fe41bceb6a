"""Issue 14, session 20, speed: the folded columns kept by the folding component, and the
company finder's words cut from the document's text.

``patterns.fold_doc`` (the ``myrtille_fold_norm`` component, ``keep=True``) keeps the
LEMMA, NORM and LIKE_NUM columns it has just written for ``doctext.columns_of`` and the
company ruler: they must be what the document gives when read back, and must not be kept
when a token's folded text is nothing (the document then reads the word's own norm).
``companies.find_companies`` cuts each span's words from the text instead of ``Span.text``,
and ``written_names`` reads the entities made once: the same names and the same answers.

The texts were written for these tests; the companies are invented.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import LEMMA, LIKE_NUM, NORM
from spacy.tokens import Doc

from myrtille.enrichment import doctext, written_names
from myrtille.enrichment.companies import REGISTRY_SPANS, find_companies
from myrtille.enrichment.doctext import columns_of, kept_columns
from myrtille.enrichment.enricher import DocumentInput, Enricher
from myrtille.enrichment.patterns import fold, fold_doc
from myrtille.enrichment.registry import CompanyRecord

BOUSSOLE = "900000033"
ORVALE = "900000034"
REGISTRY = [
    CompanyRecord(
        BOUSSOLE, "Boussole SAS", BOUSSOLE, ("Boussole",), None, "30.11Z", "50", "28", False
    ),
    CompanyRecord(
        ORVALE, "Orvale Industries", ORVALE, ("Orvale",), "ORV", "25.62A", "69", "84", False
    ),
]

TEXTS = [
    (
        "fr",
        "Cherbourg : Boussole décroche deux vedettes\n\nLa préfecture maritime a notifié à "
        "Boussole un marché de 12 millions d'euros. Orvale Industries (ORV) recrute 40 "
        "personnes à Lyon ; la société Orvale vise 1,5 M€ de ventes, selon Claire Boussole.",
    ),
    (
        "en",
        "Orvale opens a plant\n\nOrvale Industries will hire twelve engineers in Lyon. The "
        "maritime prefecture has awarded Boussole a €12m contract; ORV's chief, John "
        "Boussole, said the firm doubled its sales.",
    ),
    ("fr", "Œuvre d’art\n\nL’Été à Évry : ÉCOLE Cœur, 3ᵉ prix, ½ tarif…"),
]


def _read_back(doc: Doc) -> tuple[list[int], list[int], list[int]]:
    lemmas, norms, numbers = doc.to_array([LEMMA, NORM, LIKE_NUM]).T.tolist()
    return lemmas, norms, numbers


@pytest.mark.parametrize(("language", "text"), TEXTS)
def test_the_folding_component_keeps_the_columns_the_document_gives(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    doc = registry_enricher.tools(language).nlp(text)
    kept = kept_columns(doc)
    assert kept is not None
    assert kept == _read_back(doc)
    assert columns_of(doc) is kept
    # Folded as the token-by-token definition says.
    assert [doc.vocab.strings[h] for h in kept[1]] == [fold(t.text) for t in doc]


def test_fold_doc_keeps_nothing_unless_asked_and_a_blank_lemma_is_the_folded_text() -> None:
    nlp = spacy.blank("fr")
    words = ["L’Été", "12", "Évry", "usines"]
    doc = Doc(nlp.vocab, words=words)
    doc[3].lemma_ = "Usine"
    fold_doc(doc, {})
    assert kept_columns(doc) is None  # sector_forms' and the tests' documents
    doc = Doc(nlp.vocab, words=words)
    doc[3].lemma_ = "Usine"
    fold_doc(doc, {}, keep=True)
    kept = kept_columns(doc)
    assert kept == _read_back(doc)
    assert [doc.vocab.strings[h] for h in kept[0]] == ["l'ete", "12", "evry", "usine"]
    assert kept[2] == [0, 1, 0, 0]


def test_a_token_folded_to_nothing_leaves_the_columns_to_be_read_back() -> None:
    nlp = spacy.blank("fr")
    doc = Doc(nlp.vocab, words=["Évry", "\u0301", "usine"])
    assert fold("\u0301") == ""
    fold_doc(doc, {}, keep=True)
    assert kept_columns(doc) is None
    # The document reads the lone mark's own norm, not the hash of nothing.
    assert columns_of(doc) == _read_back(doc)
    assert columns_of(doc)[1][1] != 0


@pytest.mark.parametrize(("language", "text"), TEXTS)
def test_the_ruler_finds_the_same_names_with_and_without_the_kept_columns(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    nlp = registry_enricher.tools(language).nlp
    doc = nlp(text)
    found = [(s.start, s.end, s.label_) for s in doc.spans[REGISTRY_SPANS]]
    assert kept_columns(doc) is not None
    doc.user_data.pop(doctext._COLUMNS)
    nlp.get_pipe("myrtille_company_ruler")(doc)
    assert [(s.start, s.end, s.label_) for s in doc.spans[REGISTRY_SPANS]] == found
    if language != "fr" or "Orvale" in text:
        assert found  # the case holds names to find


@pytest.mark.parametrize(("language", "text"), TEXTS)
def test_the_companies_are_named_as_their_spans_write_them(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    doc = registry_enricher.tools(language).nlp(text)
    mentions = find_companies(doc, registry_enricher.index)
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end)
        assert span is not None
        assert mention.name == span.text
    if "Orvale" in text:
        assert ORVALE in {m.company_id for m in mentions}


@pytest.mark.parametrize(("language", "text"), TEXTS)
def test_a_surname_is_read_from_the_entities_as_doc_ents_gives_them(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    doc = registry_enricher.tools(language).nlp(text)
    answers = []
    for i in range(len(doc)):
        span = doc[i : i + 1]
        expected = any(
            e.label_ in ("PER", "PERSON") and len(e) > 1 and e[-1].text == span.text
            for e in doc.ents
        )
        assert written_names._a_surname(span) == expected
        answers.append(expected)
    if "Boussole," in text or "Boussole." in text:
        assert any(answers)  # "Claire Boussole", "John Boussole": a case that says yes


def test_a_common_word_firm_is_linked_as_a_name_not_as_a_surname(
    registry_enricher: Enricher,
) -> None:
    [named, surname] = registry_enricher.enrich(
        [
            DocumentInput(
                "d1",
                "Cherbourg : Boussole décroche deux vedettes",
                "La préfecture maritime a notifié à Boussole un marché de 12 millions.",
                "fr",
            ),
            DocumentInput(
                "d2",
                "Cherbourg : les quais seront refaits",
                "Les quais seront prêts en 2029, a indiqué Claire Boussole, adjointe au "
                "maire. Le port en a besoin, a ajouté Boussole.",
                "fr",
            ),
        ]
    )
    assert BOUSSOLE in {c["siren"] for c in named.companies}
    assert BOUSSOLE not in {c["siren"] for c in surname.companies}
