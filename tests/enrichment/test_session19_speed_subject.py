"""Session 19, speed of the events' attribution, on the real pipelines: the firm-name scan
(``firmnames._firm_names``) compares a token's ids (``norm``, ``lower``, ``ent_type``,
``pos``) with its word lists made ids, where it compared strings; it goes from one
capitalised word to the next; ``named_firms`` answers a sentence without names before its
memo reads the mentions.

- on sentences built from the lists' own words (capitalised, in capitals, lower-case),
  links ("de", "du", "&"), punctuation, "start-up" split, "-erie" workshops and names,
  every id test answers as the string test it replaced, for every token;
- ``named_firms`` answers as the memoised reading of the mentions it skips;
- the ids follow the lists: a word added to a list is found by its id, one dropped is not;
- ``generic_subjects.told_of_firms_in_general`` finds its clauses' openings by the links'
  hashes and the conjunctions' numbers as it did by their strings.

The word-by-word scan of session 17 (``test_session17_speed_find.py``) still holds the
scan to the reading of every word.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, Span, Token

from myrtille.enrichment import firmnames, generic_subjects
from myrtille.enrichment.companies import CompanyMention
from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.names import LEGAL_FORMS

_LISTED = sorted(
    firmnames.PREFIX_CUES
    | firmnames.SUFFIX_CUES
    | firmnames.NAME_HEADS
    | firmnames.ROLE_WORDS
    | firmnames.ARTICLES
    | firmnames._LINKS
    | firmnames._GENERAL
    | LEGAL_FORMS
    | {"of", "les"}
)
_OTHER = ["fromagerie", "biscuiterie", "start", "-", "up", "start-up", "Zorvane", "Kelmar"]
_OTHER += ["recrute", "hires", "nantais", "based", "2026", "3", ",", ".", ";", "(", "—"]
_WORDS = _LISTED + _OTHER
word = st.sampled_from(_WORDS).flatmap(
    lambda w: st.sampled_from([w, w[:1].upper() + w[1:], w.upper()])
)
texts = st.lists(word, min_size=1, max_size=24).map(" ".join)


# The string tests the scan made before session 19, the oracles of its id tests.
def _cue(token: Token) -> bool:
    word = token.norm_
    return word in firmnames.PREFIX_CUES or (
        word.endswith("erie") and len(word) > 6 and token.pos_ == "NOUN" and token.is_lower
    )


def _capitalised(token: Token) -> bool:
    text = token.text
    return (
        text[:1].isupper()
        and any(c.isalpha() for c in text)
        and token.ent_type_ not in firmnames._NOT_NAMES
        and not token.is_punct
    )


def _start_up(tokens: list[Token], start: int) -> bool:
    return start >= 3 and "".join(t.lower_ for t in tokens[start - 3 : start]) == "start-up"


def _same_tests(doc: Doc) -> None:
    tokens = [t for t in doc if not t.is_space]
    for k, t in enumerate(tokens):
        norm, lower = t.norm_, t.lower_
        assert (t.norm in firmnames._PREFIX_IDS) == (norm in firmnames.PREFIX_CUES)
        assert (t.norm in firmnames._SUFFIX_IDS) == (norm in firmnames.SUFFIX_CUES)
        assert (t.norm in firmnames._LEGAL_IDS) == (norm in LEGAL_FORMS)
        assert (t.norm in firmnames._HEAD_OR_PREFIX_IDS) == (
            norm in firmnames.PREFIX_CUES or norm in firmnames.NAME_HEADS
        )
        assert (t.norm in firmnames._ROLE_OR_GENERAL_IDS) == (
            norm in firmnames.ROLE_WORDS or norm in firmnames._GENERAL
        )
        assert (t.lower in firmnames._OF_IDS) == (lower in ("de", "d'", "d’", "of"))
        assert (t.lower in firmnames._ARTICLE_IDS) == (lower in firmnames.ARTICLES)
        assert (t.lower in firmnames._LINK_IDS) == (lower in firmnames._LINKS)
        assert (t.ent_type in firmnames._NOT_NAME_IDS) == (t.ent_type_ in firmnames._NOT_NAMES)
        assert (t.pos in firmnames._BETWEEN_IDS) == (t.pos_ in firmnames._BETWEEN_TAGS)
        assert (t.pos == firmnames.ADP) == (t.pos_ == "ADP")
        assert firmnames._cue(t) == _cue(t), t.text
        assert firmnames._capitalised(t) == _capitalised(t), t.text
        assert firmnames._start_up(tokens, k) == _start_up(tokens, k)
    assert firmnames._start_up(tokens, len(tokens)) == _start_up(tokens, len(tokens))


@settings(max_examples=150, deadline=None)
@given(french=texts, english=texts)
def test_id_tests_answer_as_the_string_tests(enricher: Enricher, french: str, english: str) -> None:
    for language, text in (("fr", french), ("en", english)):
        _same_tests(enricher.tools(language).nlp(text))


def test_the_texts_hold_what_the_id_tests_tell_apart(enricher: Enricher) -> None:
    """The words of the generated sentences reach every branch: names, company words, the
    "-erie" workshops, "start-up" split, links and numbers the NER labels."""
    nlp = enricher.tools("fr").nlp
    doc = nlp("La fromagerie Zorvane, la start - up Kelmar et le groupe De Vernay & Fils SA.")
    _same_tests(doc)
    tokens = [t for t in doc if not t.is_space]
    assert any(firmnames._cue(t) and t.norm not in firmnames._PREFIX_IDS for t in tokens)
    assert any(firmnames._start_up(tokens, k) for k in range(len(tokens)))
    assert any(t.lower in firmnames._LINK_IDS for t in tokens)
    assert firmnames._firm_names.__wrapped__(doc[:])


def _mentions(doc: Doc, spans: list[tuple[int, int]]) -> list[CompanyMention]:
    found = []
    for n, (a, b) in enumerate(spans):
        a, b = sorted((a % (len(doc) + 1), b % (len(doc) + 1)))
        span = doc[a:b]
        found.append(
            CompanyMention(
                "9000" if n % 2 else None,
                span.text,
                span.start_char,
                span.end_char,
                "registry" if n % 2 else "ner",
            )
        )
    return found


@settings(max_examples=100, deadline=None)
@given(
    text=texts,
    spans=st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=4),
    language=st.sampled_from(["fr", "en"]),
)
def test_named_firms_answers_as_the_reading_of_its_mentions(
    enricher: Enricher, text: str, spans: list[tuple[int, int]], language: str
) -> None:
    doc = enricher.tools(language).nlp(text)
    mentions = _mentions(doc, spans)
    for sentence in [*doc.sents, doc[:]]:
        expected = firmnames._uncovered.__wrapped__(sentence, mentions)
        assert firmnames.named_firms(sentence, mentions) == expected


def test_ids_follow_the_word_lists() -> None:
    """The ids are made from the lists themselves: a list's word is found, another not."""
    pairs = [
        (firmnames._PREFIX_IDS, firmnames.PREFIX_CUES),
        (firmnames._SUFFIX_IDS, firmnames.SUFFIX_CUES),
        (firmnames._LEGAL_IDS, LEGAL_FORMS),
        (firmnames._HEAD_OR_PREFIX_IDS, firmnames.PREFIX_CUES | firmnames.NAME_HEADS),
        (firmnames._ROLE_OR_GENERAL_IDS, firmnames.ROLE_WORDS | firmnames._GENERAL),
        (firmnames._ARTICLE_IDS, firmnames.ARTICLES),
        (firmnames._LINK_IDS, firmnames._LINKS),
        (firmnames._NOT_NAME_IDS, firmnames._NOT_NAMES),
        (firmnames._BETWEEN_IDS, firmnames._BETWEEN_TAGS),
    ]
    for made, words in pairs:
        assert made == firmnames._ids(words)
        assert len(made) == len(words)
    assert firmnames._ids({"societe", "zorvane"}) != firmnames._ids({"societe"})


_GENERIC = sorted(
    generic_subjects._LINKS
    | generic_subjects._TRADES
    | generic_subjects._MAKERS
    | generic_subjects._FIRMS_PLURAL
    | generic_subjects._DETERMINERS
    | {"les", "et", "and", "mais", "but", "ont", "have", "recruté", "hired", "some", "certaines"}
)
generic_texts = st.lists(st.sampled_from(_GENERIC), min_size=1, max_size=24).map(" ".join)


def _told_by_strings(sentence: Span) -> bool:
    """``told_of_firms_in_general`` as it read the links and conjunctions' strings."""
    words = list(sentence)
    lower = [w.text.lower() for w in words]
    for at, word in enumerate(words):
        if (
            at == 0
            or words[at - 1].text in generic_subjects._LINKS
            or words[at - 1].pos_ == "CCONJ"
        ):
            if word.pos_ == "CCONJ" or word.text in generic_subjects._LINKS:
                continue
            if generic_subjects._general_subject(words, at, lower):
                return True
    return False


@settings(max_examples=150, deadline=None)
@given(text=generic_texts, language=st.sampled_from(["fr", "en"]))
def test_firms_in_general_read_by_numbers_as_by_strings(
    enricher: Enricher, text: str, language: str
) -> None:
    doc = enricher.tools(language).nlp(text)
    for t in doc:
        assert (t.orth in generic_subjects._LINK_HASHES) == (t.text in generic_subjects._LINKS)
        assert (t.pos == generic_subjects.CCONJ) == (t.pos_ == "CCONJ")
    for sentence in [*doc.sents, doc[:]]:
        expected = _told_by_strings(sentence)
        assert generic_subjects.told_of_firms_in_general.__wrapped__(sentence) == expected


def test_firms_in_general_are_found_after_a_link(enricher: Enricher) -> None:
    doc = enricher.tools("fr").nlp("Le carnet est plein ; les entreprises françaises ont recruté.")
    assert generic_subjects.told_of_firms_in_general.__wrapped__(doc[:])
