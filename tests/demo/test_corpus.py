"""Invariants of the bundled demo corpus (corpus.yaml) and its fictional Sirene extract.

The corpus doubles as the gold-standard evaluation set, so these checks guard both the
demo server's expectations (outlets, slugs, dates) and the consistency of the gold
annotations (codes, SIRENs present in the registry, names actually present in the text).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import Counter, defaultdict
from datetime import UTC, datetime
from importlib import resources
from urllib.parse import urlsplit

import pytest

from tests.vocabulary import DEPARTMENT_RE, EVENT_TYPES, REGIONS, SECTORS

METROPOLITAN_REGIONS = REGIONS - {"01", "02", "03", "04", "06"}
NOTICE_FAMILIES = {"collective", "creation", "vente", "modification", "radiation"}
SIRENE_HEADER = [
    "siren",
    "statutDiffusionUniteLegale",
    "unitePurgeeUniteLegale",
    "dateCreationUniteLegale",
    "sigleUniteLegale",
    "sexeUniteLegale",
    "prenom1UniteLegale",
    "prenomUsuelUniteLegale",
    "nomUniteLegale",
    "categorieJuridiqueUniteLegale",
    "denominationUniteLegale",
    "denominationUsuelle1UniteLegale",
    "denominationUsuelle2UniteLegale",
    "denominationUsuelle3UniteLegale",
    "activitePrincipaleUniteLegale",
    "nomenclatureActivitePrincipaleUniteLegale",
    "etatAdministratifUniteLegale",
    "trancheEffectifsUniteLegale",
    "categorieEntreprise",
    "dateDernierTraitementUniteLegale",
]
TRANCHES = {
    "",
    "NN",
    "00",
    "01",
    "02",
    "03",
    "11",
    "12",
    "21",
    "22",
    "31",
    "32",
    "41",
    "42",
    "51",
    "52",
    "53",
}
FIRST_DAY = datetime(2026, 9, 1, tzinfo=UTC)
LAST_DAY = datetime(2026, 11, 26, tzinfo=UTC)


def _data_dir():
    return resources.files("myrtille.demo") / "data"


def _load_yaml(text: str):
    try:
        import yaml
    except ImportError:  # the project itself depends on ruamel.yaml only
        from ruamel.yaml import YAML

        return YAML(typ="safe").load(text)
    return yaml.safe_load(text)


@pytest.fixture(scope="module")
def corpus() -> dict:
    return _load_yaml((_data_dir() / "corpus.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sirene() -> tuple[list[str], list[dict[str, str]]]:
    text = (_data_dir() / "sirene_demo.csv").read_text(encoding="utf-8")
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    rows = [dict(zip(header, row, strict=True)) for row in reader if row]
    return header, rows


@pytest.fixture(scope="module")
def sirens(sirene) -> set[str]:
    return {row["siren"] for row in sirene[1]}


def luhn_ok(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        digit = int(ch)
        if i % 2 == 1:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def _plain_upper(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).upper()


def _gold_items(corpus):
    """(label, gold) for every article and notice."""
    for article in corpus["articles"]:
        yield article["slug"], article["gold"]
    for notice in corpus["notices"]:
        yield notice["id"], notice["gold"]


def _is_siren(value) -> bool:
    return isinstance(value, str) and re.fullmatch(r"\d{9}", value) is not None


# ---------------------------------------------------------------------------- helpers


def test_luhn_helper_rejects_bad_numbers():
    assert luhn_ok("732829320")  # a classic valid example
    assert not luhn_ok("732829321")


# ---------------------------------------------------------------------------- sirene CSV


def test_csv_header_matches_insee_columns(sirene):
    header, rows = sirene
    assert header == SIRENE_HEADER
    assert 30 <= len(rows) <= 45


def test_csv_sirens_are_valid_and_unique(sirene):
    _, rows = sirene
    numbers = [row["siren"] for row in rows]
    assert len(numbers) == len(set(numbers))
    for number in numbers:
        assert re.fullmatch(r"9\d{8}", number), number
        assert luhn_ok(number), f"SIREN {number} fails the Luhn checksum"


def test_csv_values_look_like_insee(sirene):
    _, rows = sirene
    for row in rows:
        assert row["statutDiffusionUniteLegale"] == "O"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["dateCreationUniteLegale"])
        datetime.fromisoformat(row["dateCreationUniteLegale"])
        assert re.fullmatch(r"\d{4}", row["categorieJuridiqueUniteLegale"])
        assert row["denominationUniteLegale"]
        assert row["denominationUniteLegale"] == _plain_upper(row["denominationUniteLegale"])
        assert re.fullmatch(r"\d{2}\.\d{2}[A-Z]", row["activitePrincipaleUniteLegale"])
        assert row["nomenclatureActivitePrincipaleUniteLegale"] == "NAFRev2"
        assert row["etatAdministratifUniteLegale"] in {"A", "C"}
        assert row["trancheEffectifsUniteLegale"] in TRANCHES
        assert row["categorieEntreprise"] in {"", "PME", "ETI", "GE"}
        datetime.fromisoformat(row["dateDernierTraitementUniteLegale"])
        # legal persons: no natural-person fields
        for col in (
            "sexeUniteLegale",
            "prenom1UniteLegale",
            "prenomUsuelUniteLegale",
            "nomUniteLegale",
        ):
            assert row[col] == ""
    ceased = [r for r in rows if r["etatAdministratifUniteLegale"] == "C"]
    assert 2 <= len(ceased) <= 3
    assert any(r["sigleUniteLegale"] for r in rows)
    assert any(r["denominationUsuelle1UniteLegale"] for r in rows)


# ---------------------------------------------------------------------------- registry


def test_registry_matches_csv(corpus, sirene):
    _, rows = sirene
    by_siren = {row["siren"]: row for row in rows}
    companies = corpus["companies"]
    assert [c["siren"] for c in companies].count(companies[0]["siren"]) == 1
    assert {c["siren"] for c in companies} == set(by_siren)
    for company in companies:
        row = by_siren[company["siren"]]
        assert row["denominationUniteLegale"] == _plain_upper(company["name"]), company["name"]
        assert row["activitePrincipaleUniteLegale"] == company["naf"]
        assert company["sector"] in SECTORS
        assert company["region"] in REGIONS
        assert DEPARTMENT_RE.match(company["department"]), company["department"]
        assert re.fullmatch(r"\d{5}", company["postcode"])
        host = urlsplit(company["website"]).hostname or ""
        assert host.endswith(".example"), company["website"]
        assert isinstance(company["aliases"], list) and company["aliases"]


def test_company_departments_and_postcodes_agree(corpus):
    for company in corpus["companies"]:
        dep, cp = company["department"], company["postcode"]
        if dep in {"2A", "2B"}:
            assert cp.startswith("20")
        else:
            assert cp.startswith(dep), (company["name"], dep, cp)


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
