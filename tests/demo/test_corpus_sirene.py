"""Invariants of the demo corpus's fictional Sirene extract (sirene_demo.csv): INSEE's
columns and values, valid and unique SIRENs, and the corpus's registry matching it. The
corpus's articles, gold and notices are in test_corpus.py."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from urllib.parse import urlsplit

from tests.vocabulary import DEPARTMENT_RE, REGIONS, SECTORS

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
