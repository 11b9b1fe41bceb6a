"""The public form lists sectors and regions in the alphabetical order of the page's
language: accented initials ("Énergie", "Île-de-France") among their letter, not after "Z"
as code-point order puts them (issue 11 audit)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape

import pytest

from tests.web.conftest import Live, start_live

# The base letter of each accented initial the vocabulary holds, written out by hand.
BASE_LETTER = {"É": "E", "È": "E", "Ê": "E", "Î": "I", "Ô": "O", "À": "A", "Â": "A"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    with start_live(tmp_path_factory.mktemp("order") / "data") as running:
        yield running


def listed(site: Live, lang: str, field: str) -> list[str]:
    with site.client() as http:
        page = http.get(f"/subscribe?lang={lang}")
    assert page.status_code == 200
    pattern = rf'<input type="checkbox" name="{field}" value="[^"]*"[^>]*> ([^<]+)</label>'
    return [unescape(name).strip() for name in re.findall(pattern, page.text)]


def initials(names: list[str]) -> list[str]:
    return [BASE_LETTER.get(name[0], name[0].upper()) for name in names]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_sectors_and_regions_are_in_alphabetical_order(site: Live, lang: str) -> None:
    for field in ("sectors", "regions"):
        names = listed(site, lang, field)
        assert len(names) >= 10, (field, names)
        assert initials(names) == sorted(initials(names)), (lang, field, names)


def test_accented_names_sit_among_their_letter(site: Live) -> None:
    sectors = listed(site, "fr", "sectors")
    assert sectors.index("Défense") + 1 == sectors.index("Énergie")
    assert sectors.index("Énergie") + 1 == sectors.index("Numérique")
    regions = listed(site, "fr", "regions")
    assert regions.index("Hauts-de-France") + 1 == regions.index("Île-de-France")
    assert regions.index("Île-de-France") + 1 == regions.index("La Réunion")
    assert listed(site, "en", "regions").index("Île-de-France") < regions.index("Martinique")


def test_the_key_ignores_accents_case_and_hyphens_first() -> None:
    from myrtille.texts import sort_key

    names = ["Œuvres", "oeil", "Zèbre", "école", "Ecole", "Île-de-France", "Ile de Ré", "île"]
    assert sorted(names, key=sort_key) == [
        "Ecole",
        "école",
        "île",
        "Île-de-France",
        "Ile de Ré",
        "oeil",
        "Œuvres",
        "Zèbre",
    ]
