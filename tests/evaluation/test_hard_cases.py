"""Invariants of the hand-written hard evaluation cases (evaluation/tuning/hard_cases.yaml).

The cases sit beside the demo corpus in the tuning set of `myrtille eval enrichment`; these
checks guard their shape (ids, languages, text length) and the consistency of their gold
annotations (codes, SIRENs present in the fictional Sirene extract, registry companies
named in the text).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.vocabulary import DEPARTMENT_RE, EVENT_TYPES, REGIONS, SECTORS

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
GOLD_KEYS = ("companies", "sectors", "events", "regions", "departments")


TUNING_DIR = Path(__file__).resolve().parents[2] / "evaluation" / "tuning"


def _data_dir():
    return resources.files("myrtille.demo") / "data"


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", plain.replace("’", "'")).casefold()


def _is_siren(value) -> bool:
    return isinstance(value, str) and re.fullmatch(r"\d{9}", value) is not None


@pytest.fixture(scope="module")
def cases() -> list[dict]:
    raw = YAML(typ="safe").load((TUNING_DIR / "hard_cases.yaml").read_text(encoding="utf-8"))
    assert isinstance(raw, dict) and isinstance(raw.get("cases"), list)
    return raw["cases"]


@pytest.fixture(scope="module")
def sirene() -> dict[str, dict[str, str]]:
    with (_data_dir() / "sirene_demo.csv").open(encoding="utf-8") as handle:
        return {row["siren"]: row for row in csv.DictReader(handle)}


@pytest.fixture(scope="module")
def registry_names(sirene) -> dict[str, list[str]]:
    """Every name a registry company may go by: corpus name and aliases, Sirene names."""
    corpus = YAML(typ="safe").load((_data_dir() / "corpus.yaml").read_text(encoding="utf-8"))
    names: dict[str, list[str]] = {}
    for siren, row in sirene.items():
        names[siren] = [
            row[k]
            for k in (
                "denominationUniteLegale",
                "sigleUniteLegale",
                "denominationUsuelle1UniteLegale",
                "denominationUsuelle2UniteLegale",
                "denominationUsuelle3UniteLegale",
            )
            if row[k]
        ]
    for company in corpus["companies"]:
        names[company["siren"]] += [company["name"], *company["aliases"]]
    return names


def _gold_sirens(case: dict) -> set[str]:
    return {c for c in case["gold"]["companies"] if _is_siren(c)}


def test_case_counts_and_languages(cases):
    assert len(cases) >= 40
    languages = Counter(case.get("language") for case in cases)
    assert set(languages) <= {"fr", "en"}, languages
    assert languages["fr"] >= 20, languages
    assert languages["en"] >= 12, languages


def test_ids_are_unique_ascii_slugs(cases):
    ids = [case.get("id") for case in cases]
    assert all(isinstance(i, str) and ID_RE.match(i) for i in ids), ids
    duplicates = [i for i, n in Counter(ids).items() if n > 1]
    assert not duplicates, duplicates


def test_case_fields_and_text_length(cases):
    for case in cases:
        label = case["id"]
        for key in ("title", "text", "note"):
            assert isinstance(case.get(key), str) and case[key].strip(), (label, key)
        assert not re.search(r"<[a-zA-Z/!]", case["text"]), label
        words = len(case["text"].split())
        assert 40 <= words <= 300, (label, words)
        assert isinstance(case.get("gold"), dict), label
        for key in GOLD_KEYS:
            assert isinstance(case["gold"].get(key), list), (label, key)


def test_gold_codes_are_valid(cases):
    for case in cases:
        label, gold = case["id"], case["gold"]
        for sector in gold["sectors"]:
            assert sector in SECTORS, (label, sector)
        assert len(gold["sectors"]) == len(set(gold["sectors"])), label
        for event in gold["events"]:
            assert isinstance(event, dict) and event.get("type") in EVENT_TYPES, (label, event)
        for region in gold["regions"]:
            assert isinstance(region, str) and region in REGIONS, (label, region)
        for dep in gold["departments"]:
            assert isinstance(dep, str) and DEPARTMENT_RE.match(dep), (label, dep)
        assert len(gold["regions"]) == len(set(gold["regions"])), label
        assert len(gold["departments"]) == len(set(gold["departments"])), label


def test_gold_companies_and_event_companies(cases, sirene):
    for case in cases:
        label, gold = case["id"], case["gold"]
        for value in gold["companies"]:
            assert isinstance(value, str) and value.strip(), (label, value)
            if value.isdigit():
                assert value in sirene, (label, value)
        assert len(gold["companies"]) == len(set(gold["companies"])), label
        for event in gold["events"]:
            company = event.get("company")
            if company is None:
                continue
            assert _is_siren(company), (label, event)
            assert company in sirene, (label, company)
            assert company in gold["companies"], (label, company)


def test_gold_registry_companies_are_named_in_the_text(cases, registry_names):
    for case in cases:
        text = _fold(f"{case['title']}\n{case['text']}")
        for siren in _gold_sirens(case):
            names = registry_names[siren]
            assert any(_fold(name) in text for name in names), (case["id"], siren)
        for value in case["gold"]["companies"]:
            if not _is_siren(value):
                assert _fold(value) in text, (case["id"], value)


def test_department_codes_agree_with_regions(cases):
    """A gold department implies its region (Paris 75 in 11, Var 83 in 93 ...)."""
    path = resources.files("myrtille.config") / "data" / "geography" / "departments.csv"
    with path.open(encoding="utf-8") as handle:
        region_of = {row["code"]: row["region"] for row in csv.DictReader(handle)}
    for case in cases:
        gold = case["gold"]
        for dep in gold["departments"]:
            assert dep in region_of, (case["id"], dep)
            assert region_of[dep] in gold["regions"], (case["id"], dep, region_of[dep])


def test_trap_coverage(cases, sirene):
    by_language = Counter(case["language"] for case in cases)
    assert by_language["en"] >= 12
    no_registry = [c["id"] for c in cases if not _gold_sirens(c)]
    assert len(no_registry) >= 3, no_registry
    no_event = [c["id"] for c in cases if not c["gold"]["events"]]
    assert len(no_event) >= 5, no_event
    two_companies = [c["id"] for c in cases if len(_gold_sirens(c)) >= 2]
    assert len(two_companies) >= 5, two_companies
    ceased = {s for s, row in sirene.items() if row["etatAdministratifUniteLegale"] == "C"}
    assert any(_gold_sirens(c) & ceased for c in cases)
    acronyms = {row["sigleUniteLegale"] for row in sirene.values() if row["sigleUniteLegale"]}
    # each acronym appears in some case, and at least one case uses one outside its company
    assert all(any(re.search(rf"\b{a}\b", c["text"]) for c in cases) for a in acronyms)
    by_acronym = {
        row["sigleUniteLegale"]: s for s, row in sirene.items() if row["sigleUniteLegale"]
    }
    assert any(
        re.search(rf"\b{a}\b", c["text"]) and s not in _gold_sirens(c)
        for a, s in by_acronym.items()
        for c in cases
    )
    # registry names that are common words, used without their company somewhere
    for word in ("horizon", "atlas", "sillage"):
        owner = next(
            s
            for s, row in sirene.items()
            if row["denominationUniteLegale"].split()[0].casefold() == word
        )
        uses = [c for c in cases if re.search(rf"\b{word}\b", _fold(c["text"]))]
        assert any(owner in _gold_sirens(c) for c in uses), word
        assert any(owner not in _gold_sirens(c) for c in uses), word
