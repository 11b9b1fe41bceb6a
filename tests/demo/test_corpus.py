"""Invariants of the bundled demo corpus (corpus.yaml); those of its fictional Sirene extract
are in test_corpus_sirene.py.

The corpus doubles as the gold-standard evaluation set, so these checks guard both the
demo server's expectations (outlets, slugs, dates) and the consistency of the gold
annotations (codes, SIRENs present in the registry, names actually present in the text).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import UTC, datetime

from tests.vocabulary import DEPARTMENT_RE, EVENT_TYPES, REGIONS, SECTORS

METROPOLITAN_REGIONS = REGIONS - {"01", "02", "03", "04", "06"}
NOTICE_FAMILIES = {"collective", "creation", "vente", "modification", "radiation"}
FIRST_DAY = datetime(2026, 9, 1, tzinfo=UTC)
LAST_DAY = datetime(2026, 11, 26, tzinfo=UTC)


def _gold_items(corpus):
    """(label, gold) for every article and notice."""
    for article in corpus["articles"]:
        yield article["slug"], article["gold"]
    for notice in corpus["notices"]:
        yield notice["id"], notice["gold"]


def _is_siren(value) -> bool:
    return isinstance(value, str) and re.fullmatch(r"\d{9}", value) is not None


# ---------------------------------------------------------------------------- outlets and articles


def test_article_counts(corpus):
    articles = corpus["articles"]
    languages = Counter(a["language"] for a in articles)
    assert len(articles) >= 60
    assert languages["fr"] >= 20
    assert languages["en"] >= 15


def test_articles_match_their_outlet(corpus):
    outlets = {o["id"]: o for o in corpus["outlets"]}
    assert len(outlets) == len(corpus["outlets"])
    for article in corpus["articles"]:
        assert article["outlet"] in outlets, article["slug"]
        assert article["language"] == outlets[article["outlet"]]["language"], article["slug"]
    for outlet_id in outlets:
        assert any(a["outlet"] == outlet_id for a in corpus["articles"]), outlet_id


def test_slugs_are_unique_and_url_safe(corpus):
    slugs = [a["slug"] for a in corpus["articles"]]
    assert len(slugs) == len(set(slugs))
    for slug in slugs:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug), slug


def test_published_dates_are_aware_and_in_range(corpus):
    for article in corpus["articles"]:
        raw = article["published"]
        assert isinstance(raw, str), article["slug"]
        published = datetime.fromisoformat(raw)
        assert published.tzinfo is not None and published.utcoffset() is not None, raw
        assert FIRST_DAY <= published < LAST_DAY, raw


def test_article_texts(corpus):
    for article in corpus["articles"]:
        for key in ("title", "author", "summary", "body"):
            assert isinstance(article[key], str) and article[key].strip(), (article["slug"], key)
            assert not re.search(r"<[a-zA-Z/!]", article[key]), (article["slug"], key)
        words = len(article["body"].split())
        assert 100 <= words <= 600, (article["slug"], words)
        paragraphs = [p for p in article["body"].split("\n\n") if p.strip()]
        assert 3 <= len(paragraphs) <= 6, (article["slug"], len(paragraphs))


def test_story_clusters(corpus):
    by_story = defaultdict(list)
    for article in corpus["articles"]:
        if article.get("story") is not None:
            by_story[article["story"]].append(article)
    for key, members in by_story.items():
        assert len(members) >= 2, f"story {key!r} has a single article"
    multi_outlet = [k for k, m in by_story.items() if len({a["outlet"] for a in m}) >= 2]
    assert len(multi_outlet) >= 4
    bilingual = [k for k, m in by_story.items() if {a["language"] for a in m} >= {"fr", "en"}]
    assert bilingual, "no story covered in both French and English"
    same_language = [
        k
        for k, m in by_story.items()
        if any(n >= 2 for n in Counter(a["language"] for a in m).values())
    ]
    assert len(same_language) >= 4


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def test_french_story_pairs_are_near_duplicates(corpus):
    """Two French versions of one story share enough 3-shingles for MinHash grouping,
    and unrelated articles do not."""
    articles = corpus["articles"]
    shingles = {a["slug"]: _shingles(a["body"]) for a in articles}
    pairs = 0
    for i, a in enumerate(articles):
        for b in articles[i + 1 :]:
            sa, sb = shingles[a["slug"]], shingles[b["slug"]]
            jaccard = len(sa & sb) / len(sa | sb)
            if a.get("story") and a["story"] == b["story"] and a["language"] == b["language"]:
                pairs += 1
                assert jaccard >= 0.4, (a["slug"], b["slug"], round(jaccard, 2))
            elif not (a.get("story") and a["story"] == b["story"]):
                assert jaccard < 0.2, (a["slug"], b["slug"], round(jaccard, 2))
    assert pairs >= 4


# ---------------------------------------------------------------------------- gold annotations


def test_gold_codes_are_valid(corpus):
    for label, gold in _gold_items(corpus):
        for key in ("companies", "events", "regions", "departments"):
            assert isinstance(gold.get(key), list), (label, key)
        for sector in gold.get("sectors", []):
            assert sector in SECTORS, (label, sector)
        for event in gold["events"]:
            assert event["type"] in EVENT_TYPES, (label, event)
            for key in ("amount_eur", "jobs"):
                value = event.get(key)
                assert value is None or (isinstance(value, int) and value > 0), (label, event)
        for region in gold["regions"]:
            assert region in REGIONS, (label, region)
        for dep in gold["departments"]:
            assert isinstance(dep, str) and DEPARTMENT_RE.match(dep), (label, dep)


def test_every_gold_siren_is_in_the_csv(corpus, sirens):
    for company in corpus["companies"]:
        assert company["siren"] in sirens
    for label, gold in _gold_items(corpus):
        for value in gold["companies"]:
            if _is_siren(value):
                assert value in sirens, (label, value)
            else:
                assert isinstance(value, str) and value and not value.isdigit(), (label, value)
        for event in gold["events"]:
            company = event.get("company")
            if company is not None and company.isdigit():
                assert company in sirens, (label, company)
                assert company in gold["companies"], (label, company)
    for notice in corpus["notices"]:
        digits = re.sub(r"\D", "", notice["registre"])
        assert digits in sirens, notice["id"]


def test_gold_entities_are_named_in_the_text(corpus):
    registry = {c["siren"]: c for c in corpus["companies"]}
    for article in corpus["articles"]:
        text = " ".join((article["title"], article["summary"], article["body"]))
        gold = article["gold"]
        for value in gold["companies"]:
            names = (
                [registry[value]["name"], *registry[value]["aliases"]]
                if _is_siren(value)
                else [value]
            )
            assert any(name in text for name in names), (article["slug"], value)
        for person in gold.get("people", []):
            assert person in text, (article["slug"], person)
            assert person != article["author"], article["slug"]
        assert gold.get("sectors"), article["slug"]


def test_sector_and_event_coverage(corpus):
    sectors = Counter(s for a in corpus["articles"] for s in set(a["gold"]["sectors"]))
    assert len(sectors) >= 6
    assert set(sectors) == SECTORS
    assert min(sectors.values()) >= 3, sectors
    events = Counter()
    for _, gold in _gold_items(corpus):
        events.update({e["type"] for e in gold["events"]})
    assert set(events) == EVENT_TYPES
    assert min(events.values()) >= 3, events


def test_region_coverage(corpus):
    regions = {r for _, gold in _gold_items(corpus) for r in gold["regions"]}
    assert len(regions & METROPOLITAN_REGIONS) >= 10


def test_some_articles_have_no_registry_company(corpus):
    assert any(not any(_is_siren(c) for c in a["gold"]["companies"]) for a in corpus["articles"])


# ---------------------------------------------------------------------------- notices


def test_notices(corpus):
    notices = corpus["notices"]
    assert len(notices) >= 20
    ids = [n["id"] for n in notices]
    assert len(ids) == len(set(ids))
    assert {n["familleavis"] for n in notices} == NOTICE_FAMILIES
    registry = {c["siren"]: c for c in corpus["companies"]}
    for notice in notices:
        assert isinstance(notice["id"], str) and notice["id"]
        assert isinstance(notice["dateparution"], str)
        day = datetime.fromisoformat(notice["dateparution"]).replace(tzinfo=UTC)
        assert FIRST_DAY <= day < LAST_DAY, notice["id"]
        assert isinstance(notice["numeroannonce"], int)
        assert re.fullmatch(r"\d{3} \d{3} \d{3}", notice["registre"]), notice["id"]
        siren = notice["registre"].replace(" ", "")
        assert siren in notice["gold"]["companies"], notice["id"]
        assert notice["commercant"] == registry[siren]["name"], notice["id"]
        assert notice["numerodepartement"] in notice["gold"]["departments"], notice["id"]
        assert notice["region_code"] in notice["gold"]["regions"], notice["id"]
        assert DEPARTMENT_RE.match(notice["numerodepartement"])
        assert re.fullmatch(r"\d{5}", notice["cp"])
        if notice["familleavis"] == "collective":
            assert notice.get("jugement"), notice["id"]
        else:
            assert any(
                notice.get(k) for k in ("acte", "modificationsgenerales", "radiationaurcs")
            ), notice["id"]
