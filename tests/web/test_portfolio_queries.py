"""`portfolio:NAME` through a real server (issue 13.3): search, trends and the map count the
documents that mention a company of the portfolio, and follow the portfolio when
`myrtille portfolios import` (another process) changes it, without a restart; an unknown
name is a query error with a suggestion on each of them.

Expected counts come from the documents' own company SIRENs, not from the backends.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from myrtille.index.base import IndexedDocument
from myrtille.index.factory import open_index
from tests.web.conftest import AEROVOLT, Live, doc, documents, start_live

FOUNDRY = "542065479"


def foundry_documents() -> list[IndexedDocument]:
    """Three documents about a second company, in the Nord."""
    company = [{"name": "Fonderie du Nord", "siren": FOUNDRY}]
    return [
        doc(70 + n, f"La Fonderie du Nord, épisode {n}", "Une fonderie.", age=n + 1,
            companies=company, events=["investment"], regions=["32"], departments=["59"])
        for n in range(3)
    ]  # fmt: skip


def mentioning(sirens: set[str]) -> list[IndexedDocument]:
    every = [*documents(), *foundry_documents()]
    return [d for d in every if sirens & {str(c.get("siren")) for c in d.companies}]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    with start_live(tmp_path_factory.mktemp("portfolio-queries") / "data") as running:
        index = open_index(running.settings)
        index.index(foundry_documents())
        index.close()
        yield running


def import_portfolio(live: Live, tmp_path: Path, *sirens: str) -> None:
    """`myrtille portfolios import clients` in its own process, as an agent runs it."""
    csv_file = tmp_path / "clients.csv"
    csv_file.write_text("siren\n" + "".join(f"{s}\n" for s in sirens), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "myrtille", "--data-dir", str(live.settings.data_dir),
         "portfolios", "import", "clients", str(csv_file)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def counts(api: httpx.Client) -> tuple[int, int, dict[str, int]]:
    """What search, trends (60 days) and the map (departments) count for portfolio:clients."""
    search = api.get("/api/v1/search", params={"q": "portfolio:clients"})
    trends = api.get("/api/v1/trends", params={"q": "portfolio:clients", "periods": 60})
    mapped = api.get("/api/v1/map", params={"q": "portfolio:clients"})
    for response in (search, trends, mapped):
        assert response.status_code == 200, response.text
    shaded = {a["code"]: a["count"] for a in mapped.json()["areas"] if a["count"]}
    return search.json()["total"], trends.json()["total"], shaded


def expected(sirens: set[str]) -> tuple[int, int, dict[str, int]]:
    found = mentioning(sirens)
    departments: Counter[str] = Counter()
    for document in found:
        departments.update(set(document.departments))
    # Every test document is dated within the last 60 days.
    return len(found), len(found), dict(departments)


def test_search_trends_and_map_follow_the_portfolio_without_a_restart(
    site: Live, tmp_path: Path
) -> None:
    import_portfolio(site, tmp_path, AEROVOLT)
    with site.client(site.key) as api:
        first = counts(api)
        assert first == expected({AEROVOLT})
        assert first[0] == 3 and first[2] == {"31": 2}
        import_portfolio(site, tmp_path, AEROVOLT, FOUNDRY)
        assert counts(api) == expected({AEROVOLT, FOUNDRY})
        import_portfolio(site, tmp_path, FOUNDRY)
        assert counts(api) == expected({FOUNDRY}) == (3, 3, {"59": 3})


def test_an_unknown_portfolio_is_a_query_error_with_a_suggestion(
    site: Live, tmp_path: Path
) -> None:
    import_portfolio(site, tmp_path, AEROVOLT)
    with site.client(site.key) as api:
        answers = [
            api.get("/api/v1/search", params={"q": "portfolio:client"}),
            api.get("/api/v1/trends", params={"q": "portfolio:client"}),
            api.get("/api/v1/map", params={"q": "portfolio:client"}),
            api.get("/api/v1/search", params={"q": "portfolio:client", "format": "csv"}),
        ]
    for answer in answers:
        assert answer.status_code == 400, answer.text
        assert answer.json()["error"] == "invalid_query"
        assert "did you mean 'portfolio:clients'?" in answer.json()["message"]
    with site.client() as browser:
        for path in ("/search", "/trends", "/map"):
            page = browser.get(path, params={"q": "portfolio:client", "lang": "en"})
            assert page.status_code == 400, path
            assert "portfolio:clients" in page.text, path
