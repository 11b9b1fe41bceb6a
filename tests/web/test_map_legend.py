"""The map's legend tells the truth (issue 13.1): every area's shade is the legend class
whose printed range holds the area's count, read from the page a browser gets.

31 documents over four departments (17, 9, 4 and 1), so that the classes are ranges, not
single numbers. About 3 s.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

import pytest

from myrtille.index.factory import open_index
from tests.web.conftest import Live, doc, start_live
from tests.web.test_map import areas

SPREAD = {"31": 17, "34": 9, "75": 4, "2A": 1}
REGION = {"31": "76", "34": "76", "75": "11", "2A": "94"}
ITEM = re.compile(r'<li><span class="swatch shade-(\d)"></span>([^<]*)</li>')


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    documents = []
    for code, count in SPREAD.items():
        for n in range(count):
            documents.append(
                doc(200 + len(documents), f"Forge {code} {n}", "Une forge ouvre.", age=n + 1,
                    departments=[code], regions=[REGION[code]], events=["investment"])
            )  # fmt: skip
    with start_live(tmp_path_factory.mktemp("map-legend") / "data") as running:
        index = open_index(running.settings)
        index.index(documents)
        index.close()
        yield running


def legend(html: str) -> dict[int, tuple[int, int]]:
    """shade class → (low, high) as the legend prints them in English."""
    ranges: dict[int, tuple[int, int]] = {}
    for shade, text in ITEM.findall(html):
        if text == "no document":
            ranges[int(shade)] = (0, 0)
            continue
        numbers = [int(n.replace(",", "")) for n in re.findall(r"[\d,]+", text)]
        assert len(numbers) in (1, 2) and (len(numbers) == 1 or " to " in text), text
        ranges[int(shade)] = (numbers[0], numbers[-1])
    return ranges


@pytest.mark.parametrize("level", ["department", "region"])
def test_each_area_is_shaded_in_the_legend_class_of_its_count(site: Live, level: str) -> None:
    with site.client() as browser:
        page = browser.get("/map", params={"q": "forge", "level": level, "lang": "en"})
    assert page.status_code == 200
    ranges = legend(page.text)
    assert ranges[0] == (0, 0) and len(ranges) >= 3
    # The classes follow each other without gap or overlap, up to the largest count.
    bounds = [ranges[shade] for shade in sorted(ranges) if shade]
    assert all(high + 1 == low for (_, high), (low, _) in pairwise(bounds))
    drawn = areas(page.text)
    largest = max(count for _, count, _, _ in drawn.values())
    assert bounds[0][0] == 1 and bounds[-1][1] == largest
    assert largest == (17 if level == "department" else 26)
    for code, (_, count, shade, _) in drawn.items():
        low, high = ranges[shade]
        assert low <= count <= high, (code, count, shade, ranges)


def test_the_legend_speaks_the_pages_language(site: Live) -> None:
    with site.client() as browser:
        french = browser.get("/map", params={"q": "forge"}).text
    items = dict(ITEM.findall(french))
    assert items["0"] == "aucun document"
    assert any(" à " in text for text in items.values()), items
