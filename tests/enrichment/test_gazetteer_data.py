"""Checks on the shipped French gazetteer (regions, departments, communes: INSEE COG)."""

from __future__ import annotations

import csv
import importlib.resources
import re
import unicodedata
from functools import cache

import pytest

GEOGRAPHY = importlib.resources.files("myrtille.config").joinpath("data/geography")

REGION_CODES = {
    "01", "02", "03", "04", "06",
    "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94",
}  # fmt: skip
DROM = {"971": "01", "972": "02", "973": "03", "974": "04", "976": "06"}
DEPARTMENT_CODE = re.compile(r"^(0[1-9]|1\d|2[AB1-9]|[3-8]\d|9[0-5]|97[1-46])$")
COMMUNE_CODE = re.compile(r"^(\d{5}|2[AB]\d{3})$")


@cache
def read(name: str) -> tuple[tuple[str, ...], tuple[dict[str, str], ...]]:
    with GEOGRAPHY.joinpath(name).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = tuple(reader)
        return tuple(reader.fieldnames or ()), rows


def regions() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in read("regions.csv")[1]}


def departments() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in read("departments.csv")[1]}


def communes() -> dict[str, dict[str, str]]:
    return {row["insee"]: row for row in read("communes.csv")[1]}


def aliases(row: dict[str, str]) -> list[str]:
    return [a for a in row["aliases"].split("|") if a]


def fold(text: str) -> str:
    """Accent-, case-, hyphen- and apostrophe-insensitive form, as a matcher would use."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().replace("-", " ").replace("'", " ").split())


@pytest.mark.parametrize(
    ("name", "header"),
    [
        ("regions.csv", ("code", "name", "aliases")),
        ("departments.csv", ("code", "name", "region", "prefecture", "aliases")),
        ("communes.csv", ("insee", "name", "department", "population")),
    ],
)
def test_headers_and_no_empty_cells(name: str, header: tuple[str, ...]) -> None:
    fieldnames, rows = read(name)
    assert fieldnames == header
    assert rows
    for row in rows:
        assert None not in row, f"extra cells in {name}: {row}"
        for column in header:
            value = row[column]
            assert value is not None, f"missing cell {column} in {name}: {row}"
            assert value == value.strip()
            if column != "aliases":
                assert value, f"empty {column} in {name}: {row}"


def test_exactly_the_eighteen_regions() -> None:
    rows = read("regions.csv")[1]
    assert len(rows) == 18
    assert {row["code"] for row in rows} == REGION_CODES
    assert regions()["76"]["name"] == "Occitanie"
    assert regions()["93"]["name"] == "Provence-Alpes-Côte d'Azur"


def test_exactly_101_departments_with_valid_codes_and_regions() -> None:
    rows = read("departments.csv")[1]
    assert len(rows) == 101
    codes = [row["code"] for row in rows]
    assert len(set(codes)) == 101
    assert "20" not in codes
    for row in rows:
        assert DEPARTMENT_CODE.match(row["code"]), row
        assert row["region"] in REGION_CODES, row
    assert {"2A", "2B", "971", "972", "973", "974", "976"} <= set(codes)
    assert "975" not in codes  # Saint-Pierre-et-Miquelon is a COM, not a department
    # every region has departments; each DROM is its own single-department region
    assert {row["region"] for row in rows} == REGION_CODES
    for department, region in DROM.items():
        assert departments()[department]["region"] == region
        assert [r for r in rows if r["region"] == region] == [departments()[department]]
    assert sum(1 for row in rows if row["region"] == "94") == 2


def test_commune_codes_match_their_department() -> None:
    rows = read("communes.csv")[1]
    codes = [row["insee"] for row in rows]
    assert len(codes) == len(set(codes)), "duplicate INSEE commune codes"
    known = departments()
    for row in rows:
        assert COMMUNE_CODE.match(row["insee"]), row
        assert row["department"] in known, row
        assert row["insee"].startswith(row["department"]), row
        assert row["population"].isdigit(), row


def test_enough_communes_and_large_ones_present() -> None:
    rows = communes()
    assert len(rows) >= 400
    big = [row for row in rows.values() if int(row["population"]) >= 10_000]
    assert len(big) >= 900
    for department in DROM:
        assert any(row["department"] == department for row in rows.values())


def test_arrondissements_municipaux_are_not_communes() -> None:
    rows = communes()
    for code in ("75056", "69123", "13055"):
        assert code in rows
    for code in ("75101", "75120", "69381", "69389", "13201", "13216"):
        assert code not in rows
    assert int(rows["75056"]["population"]) > 1_500_000


def test_every_prefecture_is_a_commune_of_its_department() -> None:
    by_department: dict[str, set[str]] = {}
    for row in communes().values():
        by_department.setdefault(row["department"], set()).add(row["name"])
    for code, row in departments().items():
        assert row["prefecture"] in by_department.get(code, set()), row


@pytest.mark.parametrize(
    ("insee", "name", "department", "region"),
    [
        ("31555", "Toulouse", "31", "76"),
        ("35238", "Rennes", "35", "53"),
        ("2A004", "Ajaccio", "2A", "94"),
        ("2B033", "Bastia", "2B", "94"),
        ("97411", "Saint-Denis", "974", "04"),
        ("93066", "Saint-Denis", "93", "11"),
        ("42218", "Saint-Étienne", "42", "84"),
        ("63113", "Clermont-Ferrand", "63", "84"),
        ("76351", "Le Havre", "76", "28"),
        ("13001", "Aix-en-Provence", "13", "93"),
        ("75056", "Paris", "75", "11"),
        ("69123", "Lyon", "69", "84"),
        ("13055", "Marseille", "13", "93"),
        ("97611", "Mamoudzou", "976", "06"),
    ],
)
def test_spot_checks(insee: str, name: str, department: str, region: str) -> None:
    row = communes()[insee]
    assert row["name"] == name
    assert row["department"] == department
    assert departments()[department]["region"] == region


def test_no_malformed_overseas_codes() -> None:
    rows = communes()
    assert "974411" not in rows
    assert all(len(code) == 5 for code in rows)
    assert rows["97411"]["department"] == "974"


def test_department_spot_checks() -> None:
    rows = departments()
    assert rows["31"]["name"] == "Haute-Garonne"
    assert rows["31"]["prefecture"] == "Toulouse"
    assert rows["2A"]["prefecture"] == "Ajaccio"
    assert rows["974"]["prefecture"] == "Saint-Denis"
    assert rows["69"]["region"] == "84"
    assert rows["35"]["region"] == "53"
    assert rows["44"]["region"] == "52"  # Loire-Atlantique is not in Bretagne


def region_index() -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for code, row in regions().items():
        for name in [row["name"], *aliases(row)]:
            index.setdefault(fold(name), set()).add(code)
    return index


def department_index() -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for code, row in departments().items():
        for name in [row["name"], *aliases(row)]:
            index.setdefault(fold(name), set()).add(code)
    return index


@pytest.mark.parametrize(
    ("alias", "region"),
    [
        ("Brittany", "53"),
        ("Bretagne", "53"),
        ("Normandy", "28"),
        ("Burgundy", "27"),
        ("Corsica", "94"),
        ("Corse", "94"),
        ("PACA", "93"),
        ("Région Sud", "93"),
        ("Midi-Pyrénées", "76"),
        ("Languedoc-Roussillon", "76"),
        ("Aquitaine", "75"),
        ("Limousin", "75"),
        ("Poitou-Charentes", "75"),
        ("Rhône-Alpes", "84"),
        ("Auvergne", "84"),
        ("Franche-Comté", "27"),
        ("Bourgogne", "27"),
        ("Nord-Pas-de-Calais", "32"),
        ("Picardie", "32"),
        ("Basse-Normandie", "28"),
        ("Haute-Normandie", "28"),
        ("Alsace", "44"),
        ("Lorraine", "44"),
        ("Champagne-Ardenne", "44"),
        ("Centre", "24"),
        ("Ile de France", "11"),
        ("IDF", "11"),
    ],
)
def test_region_aliases(alias: str, region: str) -> None:
    assert region_index().get(fold(alias)) == {region}


def test_aliases_are_unambiguous() -> None:
    for name, codes in region_index().items():
        assert len(codes) == 1, f"region name/alias {name!r} maps to {codes}"
    for name, codes in department_index().items():
        assert len(codes) == 1, f"department name/alias {name!r} maps to {codes}"
    # A name that is both a region and a department must designate the same territory.
    rows = departments()
    for name, codes in department_index().items():
        if name in region_index():
            (department,) = codes
            assert region_index()[name] == {rows[department]["region"]}, name


def test_department_aliases() -> None:
    index = department_index()
    assert index[fold("Pays basque")] == {"64"}
    assert index[fold("Réunion")] == {"974"}
    assert index[fold("Corse-du-Sud")] == {"2A"}
    assert index[fold("Côtes-du-Nord")] == {"22"}
