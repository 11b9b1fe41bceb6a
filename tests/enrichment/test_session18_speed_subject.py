"""Issue 14, session 18, speed of the events' attribution: rules read a sentence's text cut
from the document's text (``doctext.span_text``) rather than ``Span.text``, which joins its
tokens, and ``subject_of`` reads the trigger's clause once.

- ``span_text`` is ``Span.text`` for every run of words of texts with spaces, line breaks
  and tabs, and for spans that end on a space;
- ``definitions.general_statement`` still tells a practice's definition from news, in
  both languages, and answers as its patterns do on the folded ``Span.text``;
- ``roundups.field_line_firm`` still reads a notice's field line;
- ``attribution.subject_of`` still finds the subject named before the trigger and the
  buyer named after "racheté par" (the clause ``_subject`` is given).

The texts were written for these tests.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from myrtille.enrichment import definitions
from myrtille.enrichment.attribution import subject_of
from myrtille.enrichment.companies import CompanyMention
from myrtille.enrichment.doctext import span_text
from myrtille.enrichment.patterns import fold
from myrtille.enrichment.roundups import field_line_firm

_BLANK = {"fr": spacy.blank("fr"), "en": spacy.blank("en")}
for _nlp in _BLANK.values():
    _nlp.add_pipe("sentencizer")

TEXTS = {
    "fr": "Un rachat,  c'est d'abord une dette.\n\nLa fromagerie Kervadec\trecrute 12 "
    "personnes ; elle   investit.  \n Une levée de fonds, ça reste du temps.",
    "en": "An acquisition means  debt.\n\nBrenlow Mills hires 30 people\t in Leeds.  \n"
    "A buyout is about margins. ",
}


def _doc(language: str, text: str) -> Doc:
    return _BLANK[language](text)


def test_span_text_is_the_spans_text_for_every_run_of_words() -> None:
    for language, text in TEXTS.items():
        doc = _doc(language, text)
        for a in range(len(doc)):
            for b in range(a, len(doc) + 1):
                assert span_text(doc[a:b]) == doc[a:b].text, (a, b)


def test_general_statement_reads_the_sentence_as_its_patterns_do() -> None:
    expected = {
        "Un rachat,  c'est d'abord une dette.": True,
        "Une levée de fonds, ça reste du temps.": True,
        "An acquisition means  debt.": True,
        "A buyout is about margins.": True,
    }
    seen = 0
    for language, text in TEXTS.items():
        doc = _doc(language, text)
        for sentence in doc.sents:
            words = fold(sentence.text)
            patterns = definitions._FRENCH.match(words) or definitions._ENGLISH.match(words)
            assert definitions.general_statement(sentence) == bool(patterns), sentence.text
            assert definitions.general_statement(sentence) == expected.get(
                sentence.text.strip(), False
            ), sentence.text
            seen += sentence.text.strip() in expected
    assert seen == len(expected)


def test_a_notice_field_line_names_the_notices_firm() -> None:
    text = (
        "Dénomination : Orvane SAS\nPrésident : Mme Inès Garnier, en remplacement de "
        "M. Paul Dubreuil.\n"
    )
    doc = _doc("fr", text)
    firm = CompanyMention(None, "Orvane SAS", 15, 25, "named")
    line = next(s for s in doc.sents if "Président" in s.text)
    found = field_line_firm(line, [firm], text)
    assert found is not None and found.name.startswith("Orvane")
    plain = next(s for s in doc.sents if "Dénomination" in s.text)
    assert field_line_firm(plain, [firm], text.replace("Dénomination", "Objet")) is None


def test_the_subject_before_the_trigger_and_the_buyer_after_it() -> None:
    text = "Brenlow recrute 30 personnes à Lyon, et Talvern a été racheté par Sorbex."
    doc = _doc("fr", text)
    mentions = [
        CompanyMention(f"c{n}", name, text.index(name), text.index(name) + len(name), "registry")
        for n, name in enumerate(("Brenlow", "Talvern", "Sorbex"), start=1)
    ]
    sentence = doc[:]
    hiring = doc.char_span(text.index("recrute"), text.index("recrute") + 7)
    bought = doc.char_span(text.index("racheté"), text.index("racheté") + 7)
    assert hiring is not None and bought is not None
    found = subject_of(sentence, hiring, "hiring", mentions, None, text)
    assert found is not None and found.company_id == "c1"
    found = subject_of(sentence, bought, "acquisition", mentions, None, text)
    assert found is not None and found.company_id == "c3"
