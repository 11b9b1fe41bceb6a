"""Issue 14, session 17, speed of the events' attribution: the gate of the firm-name scan
(``firm_gate.py``) never hides a name the scan finds, on the real pipelines.

- the gate is built from the scan's own word lists, every word of them;
- for every listed word, sentences where it calls a name a firm (before, after, in
  capitals, a role "de"/"of"), a French workshop in "-erie" and a "start-up" split by the
  tokenizer: the gated scan finds what the word-by-word scan finds, and finds names;
- the same for every sentence and every run of words of texts written for these tests;
- ``anaphora``'s opening words are the first two of the whole list they replaced.
"""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from myrtille.enrichment import firmnames
from myrtille.enrichment.anaphora import _opening_words
from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.names import LEGAL_FORMS

TEXTS = [
    "La fromagerie Jeunet investit\n\nÀ Poligny, la fromagerie Jeunet, qui affine du comté, "
    "investit 2 millions. Son PDG, Marc Vuillet, a rejoint le directeur général de Comtal "
    "SA. La start-up Ferlane recrute ; les Ateliers Quéré ferment. L'entreprise y créera "
    "20 emplois. Elle a racheté Ribaud Fonderie, au profit du groupe Talvern.",
    "Vallorin Brewery Doubles Capacity\n\nThe chief executive of Nexalia said the yarn "
    "spinner Garnier Mills Ltd would hire. It will buy Solvane Group, a drone maker based "
    "in Lyon. The company, founded in 2015, employs 85 people at Dunmore Hydraulics PLC.",
]


def _ids(words: frozenset[str]) -> frozenset[int]:
    return frozenset(get_string_id(w) for w in words)


def _same(doc: Doc, spans: list[Span]) -> int:
    """Asserts the gated scan answers the word-by-word one; the number of names found."""
    found = 0
    for span in spans:
        expected = firmnames.scan_names(span)
        assert firmnames._firm_names.__wrapped__(span) == expected, span.text
        found += len(expected)
    return found


def test_the_gate_holds_every_word_of_the_scan() -> None:
    gate = firmnames._MAY_NAME_FIRMS
    assert gate.anywhere == _ids(firmnames.PREFIX_CUES | firmnames.ROLE_WORDS | firmnames._GENERAL)
    capitalised = firmnames.NAME_HEADS | firmnames.SUFFIX_CUES | LEGAL_FORMS
    assert gate.capitalised == _ids(capitalised)


def _sentences(word: str) -> list[str]:
    title = word[:1].upper() + word[1:]
    return [
        f"Selon la presse, la {word} Zorvane recrute 20 personnes.",
        f"Analysts said the {word} Zorvane Kelmar will hire 20 people.",
        f"Le {word} de Zorvane a parlé et le directeur {word} de Kelmar aussi.",
        f"The {word} of Zorvane spoke, with the {word} Kelmar.",
        f"Selon la presse, Zorvane {title} recrute et Kelmar {word.upper()} ferme.",
        f"Analysts said {title} Zorvane will hire, like Kelmar, a {word} in Lyon.",
    ]


def test_every_listed_word_lets_its_names_through(enricher: Enricher) -> None:
    words = sorted(
        firmnames.PREFIX_CUES
        | firmnames.ROLE_WORDS
        | firmnames.NAME_HEADS
        | firmnames.SUFFIX_CUES
        | LEGAL_FORMS
        | {"general", "generale", "fromagerie", "start-up"}
    )
    for language in ("fr", "en"):
        nlp = enricher.tools(language).nlp
        found = 0
        for word, doc in zip(words, nlp.pipe(" ".join(_sentences(w)) for w in words), strict=True):
            spans = [*doc.sents, doc[:]]
            named = _same(doc, spans)
            found += named
            if word in firmnames.PREFIX_CUES and language == "fr" and word.isalpha():
                assert named, word  # "la société Zorvane": the gate let it through
        assert found > len(words)


def test_every_run_of_words_of_the_texts(enricher: Enricher) -> None:
    for language in ("fr", "en"):
        for doc in enricher.tools(language).nlp.pipe(TEXTS):
            spans = [*doc.sents]
            spans += [
                doc[a:b] for a in range(len(doc)) for b in range(a + 1, min(len(doc), a + 12))
            ]
            assert _same(doc, spans) > 0


def test_opening_words_are_the_first_two_of_the_whole_list(enricher: Enricher) -> None:
    for language in ("fr", "en"):
        for doc in enricher.tools(language).nlp.pipe(TEXTS):
            for sentence in doc.sents:
                begins = {sentence.start_char, *(t.idx + 1 for t in sentence)}
                for stop in range(sentence.start - 1, sentence.end + 2):
                    for begin in begins | {t.idx for t in sentence}:
                        words = [
                            t for t in sentence if t.idx >= begin and t.i < stop and not t.is_space
                        ]
                        while words and words[0].is_punct:
                            words = words[1:]
                        assert _opening_words(sentence, begin, stop) == words[:2]
