"""Session 20 (speed): three of the attribution's readings of a clause's opening make only
the words they read, and answer as before.

- ``indefinite_firm`` folds the clause's first words only, stops at a first word that can
  open no indefinite description, and makes the words before the trigger only as far as
  it reads them when the clause's text holds none of the marks (``_MARKS``) that join a
  clause;
- ``placed_firm`` reads the clause's words only when the first is an article of
  ``_DEFINITE`` (what ``_described`` asks first), the complement's only up to those kept;
- ``opening_name`` makes only the sentence's words before the trigger.

Each is checked against the body it replaced (copied below) for every one-word or
two-word trigger and every clause opening of French and English sentences, on real
pipelines, with and without the joined clauses, descriptions and names that make them
answer yes; the gates follow their word sets when those change.
"""

from __future__ import annotations

import re

import pytest
from spacy.strings import get_string_id
from spacy.tokens import Span

from myrtille.enrichment import firmnames, indefinite_firms, placed_firms
from myrtille.enrichment.companies import CompanyMention
from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.patterns import fold


# The bodies before session 20, the oracles.
def _old_indefinite_firm(sentence: Span, begin: int, trigger: Span) -> bool:
    doc = sentence.doc
    tokens = [
        t
        for t in (doc[i] for i in range(sentence.start, min(sentence.end, trigger.start)))
        if t.idx >= begin
    ]
    joined = [
        i + 2
        for i, t in enumerate(tokens[:-1])
        if t.text in (",", ";") and fold(tokens[i + 1].lower_) in indefinite_firms._JOINING
    ]
    tokens = tokens[joined[-1] :] if joined else tokens
    words = [fold(t.lower_) for t in tokens if not t.is_punct and not t.is_space]
    if words and words[0] in indefinite_firms._JOINING:
        words = words[1:]
    return (
        bool(words)
        and words[0] in indefinite_firms.INDEFINITE
        and any(
            w in indefinite_firms.FIRM_WORDS for w in words[1 : 1 + indefinite_firms._WITHIN + 1]
        )
    )


def _old_placed_firm(
    sentence: Span, begin: int, trigger: Span, kind: str, mentions: list[CompanyMention]
) -> bool:
    doc = sentence.doc
    before = [t for t in doc[sentence.start : trigger.start] if t.idx >= begin and not t.is_space]
    while before and before[0].is_punct:
        before = before[1:]
    before += [t for t in trigger[:1] if fold(t.lower_) in placed_firms.FIRM_WORDS]
    place = placed_firms._described(before, whole=True)
    if place is None and kind in placed_firms._PATIENT_KINDS:
        after = [t for t in doc[trigger.end : sentence.end] if not t.is_space and t.pos_ != "ADJ"]
        after = after[: placed_firms._WITHIN + 5]
        if after and after[0].lower_ in placed_firms._OF:
            place = placed_firms._described(after[1:], whole=False)
    if place is None:
        return False
    if placed_firms._antecedent(sentence, mentions):
        return False
    return not any(
        place in sentence_text
        for sentence_text in placed_firms._firms_sentences(sentence, mentions)
    )


def _old_opening_name(
    sentence: Span, begin: int, trigger: Span, mentions: list[CompanyMention]
) -> CompanyMention | None:
    f = firmnames
    tokens = [t for t in sentence if t.idx >= begin and t.i < trigger.start and not t.is_space]
    while tokens and tokens[0].is_punct:
        tokens = tokens[1:]
    tokens = tokens[f._described(tokens) :]
    run = 0
    while run < len(tokens) and tokens[run].pos_ == "PROPN" and tokens[run].text[:1].isupper():
        run += 1
    if not run and tokens and f._bare_french_name(tokens[0]):
        run = 1
    verb = run
    while verb < len(tokens) and (tokens[verb].lower_ in f._CLITICS or tokens[verb].pos_ == "ADV"):
        verb += 1
    following = tokens[verb] if verb < len(tokens) else trigger[0]
    state = following.lower_ in f._INTO_STATE and verb >= len(tokens) - 1
    if not run or (following.pos_ not in ("AUX", "VERB") and not state):
        return None
    people = f.people_words(sentence)
    if any(t.ent_type_ in f._NOT_SUBJECTS or t.lower_ in people for t in tokens[:run]):
        return None
    start, end = tokens[0].idx, tokens[run - 1].idx + len(tokens[run - 1])
    if any(m.start < end and start < m.end for m in mentions):
        return None
    name = f.text_of(sentence.doc)[start:end]
    words = set(re.findall(r"\w+", fold(name)))
    for mention in mentions:
        if mention.company_id and words <= f._words(mention.name) | set(f._words_all(mention.name)):
            return mention
    return CompanyMention(None, name, start, end, "named")


_TEXTS = {
    "fr": [
        "Le site a fermé ses portes, et un petit fabricant lyonnais de meubles va racheter "
        "les machines ; mais une PME nantaise a renoncé.",
        "Un fournisseur d'acier installé près d'Orléans a été placé en liquidation judiciaire.",
        "La papeterie de Grand-Couronne fermera en juin, a annoncé la direction.",
        "Le tribunal a prononcé la liquidation judiciaire de la fonderie de Nouzonville.",
        "Nexalia a levé 3 millions d'euros. Kervalis y investira 2 millions, selon Vernay.",
        "La rennaise Quantik lève des fonds, et une autre entreprise recrute.",
        "En Bretagne, Ateliers Quéré en a racheté la moitié.",
    ],
    "en": [
        "The plant shut down, and a Korean cell maker has put its plans on hold; but another "
        "firm will hire.",
        "A paper mill near Rouen will close, the union said.",
        "The Grand-Couronne paper mill will close in June.",
        "The court ordered the liquidation of the Rouen foundry of Marvec.",
        "Nexalia also raised $3 million, while Kessler Antriebe won a contract with Vernay.",
        "An investor, and a supplier of Solvane Group, acquired the site.",
    ],
}
_MENTIONS = [
    CompanyMention("c1", "Vernay", 0, 0, "registry"),
    CompanyMention(None, "Solvane Group", 0, 0, "ner"),
]


def _cases(enricher: Enricher):  # type: ignore[no-untyped-def]
    for language, texts in _TEXTS.items():
        nlp = enricher.tools(language).nlp
        for text in texts:
            doc = nlp(text)
            mentions = [
                CompanyMention(m.company_id, m.name, s, s + len(m.name), m.how)
                for m in _MENTIONS
                if (s := text.find(m.name)) >= 0
            ]
            for sentence in [doc[:], *doc.sents]:
                # The sentence's start, its second and third words, the words after a
                # mark and a conjunction (a clause's openings), and one past its end.
                marks = [t.i + 1 for t in sentence if t.is_punct or t.pos_ == "CCONJ"]
                begins = sorted(
                    {sentence.start_char, sentence.end_char + 1}
                    | {
                        doc[i].idx
                        for i in [sentence.start + 1, sentence.start + 2, *marks]
                        if i < sentence.end
                    }
                )
                for start in range(sentence.start, sentence.end):
                    for width in (1, 2):
                        trigger = doc[start : min(start + width, len(doc))]
                        for begin in begins:
                            yield sentence, begin, trigger, mentions


def test_indefinite_firm_answers_as_before(enricher: Enricher) -> None:
    answers = []
    for sentence, begin, trigger, _ in _cases(enricher):
        old = _old_indefinite_firm(sentence, begin, trigger)
        assert indefinite_firms.indefinite_firm(sentence, begin, trigger) == old, (
            sentence.text,
            begin,
            trigger.text,
        )
        answers.append(old)
    assert any(answers) and not all(answers)  # both answers are tried


def test_placed_firm_answers_as_before(enricher: Enricher) -> None:
    answers = []
    for sentence, begin, trigger, mentions in _cases(enricher):
        for kind in ("closure", "investment"):
            old = _old_placed_firm(sentence, begin, trigger, kind, mentions)
            new = placed_firms.placed_firm(sentence, begin, trigger, kind, mentions)
            assert new == old, (sentence.text, begin, trigger.text, kind)
            answers.append(old)
    assert any(answers) and not all(answers)


def test_opening_name_answers_as_before(enricher: Enricher) -> None:
    found = 0
    for sentence, begin, trigger, mentions in _cases(enricher):
        old = _old_opening_name(sentence, begin, trigger, mentions)
        assert firmnames.opening_name(sentence, begin, trigger, mentions) == old
        found += old is not None
    assert found


def test_the_gates_follow_their_word_sets(
    enricher: Enricher, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The joined clause's marks are one list, read by the text gate and as ids.
    assert {get_string_id(m) for m in indefinite_firms._MARKS} == indefinite_firms._CUTS
    # A word added to the articles a description opens with is read by the gate too: the
    # answers still follow the body that reads the set.
    nlp = enricher.tools("fr").nlp
    doc = nlp("Cette papeterie de Grand-Couronne fermera en juin.")
    trigger = doc[5:6]
    assert not placed_firms.placed_firm(doc[:], 0, trigger, "closure", [])
    monkeypatch.setattr(placed_firms, "_DEFINITE", placed_firms._DEFINITE | {"cette"})
    expected = _old_placed_firm(doc[:], 0, trigger, "closure", [])
    assert expected
    assert placed_firms.placed_firm(doc[:], 0, trigger, "closure", []) == expected
    # ... and so for the words an indefinite description opens with.
    sentence = nlp("Quelque fournisseur lyonnais a fermé.")[:]
    assert not indefinite_firms.indefinite_firm(sentence, 0, sentence[4:5])
    monkeypatch.setattr(indefinite_firms, "INDEFINITE", indefinite_firms.INDEFINITE | {"quelque"})
    assert indefinite_firms.indefinite_firm(sentence, 0, sentence[4:5])
    assert _old_indefinite_firm(sentence, 0, sentence[4:5])
