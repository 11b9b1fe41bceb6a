"""Issue 14, session 17, speed of the events' attribution, on the real pipelines: the scan
for firm names (``firmnames._firm_names``), which passes over the words that open no name
and weighs a headline's capitals only when it found names, finds what it found reading
every word.

- for every listed word, sentences where it calls a name a firm (before, after, in
  capitals, a role "de"/"of"), a French workshop in "-erie" and a "start-up" split by the
  tokenizer: the scan finds what the word-by-word scan finds, and finds names;
- the same for every sentence and every run of words of texts written for these tests;
- ``anaphora``'s opening words are the first two of the whole list they replaced.
"""

from __future__ import annotations

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


def _word_by_word(sentence: Span) -> list[tuple[int, int, str]]:
    """The scan as it read every word before session 17."""
    tokens = [t for t in sentence if not t.is_space]
    words = [t for t in tokens if t.is_alpha and len(t) > 3]
    if len(words) >= 3 and sum(t.text[:1].isupper() for t in words) >= 0.7 * len(words):
        return []
    found, position = [], 0
    while position < len(tokens):
        end = firmnames.name_end(tokens, position)
        if end == position:
            position += 1
            continue
        start, stop = tokens[position].idx, tokens[end - 1].idx + len(tokens[end - 1])
        if firmnames._is_firm(tokens, position, end):
            found.append((start, stop, sentence.doc.text[start:stop]))
        position = end
    return found


def _same(doc: Doc, spans: list[Span]) -> int:
    """Asserts the scan answers the word-by-word one; the number of names found."""
    found = 0
    for span in spans:
        expected = _word_by_word(span)
        assert firmnames._firm_names.__wrapped__(span) == expected, span.text
        found += len(expected)
    return found


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
                assert named, word  # "la société Zorvane"
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
