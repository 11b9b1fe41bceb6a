"""A search on an index that holds no document at all says what to run first (crawl,
then process), in the API, on the search page in both languages and in the CLI; a query
that merely matches nothing on a full index gets no such hint."""

from __future__ import annotations

from collections.abc import Iterator
from html import unescape

import httpx
import pytest
from click.testing import CliRunner

from myrtille.cli import main
from myrtille.index.factory import open_index
from tests.web.conftest import Live, start_live


@pytest.fixture(scope="module")
def empty(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    with start_live(tmp_path_factory.mktemp("empty") / "data") as running:
        index = open_index(running.settings)
        index.clear()
        assert index.count() == 0
        index.close()
        yield running


def test_the_api_says_what_to_run_on_an_empty_index(empty: Live) -> None:
    with empty.client(empty.key) as http:
        response = http.get("/api/v1/search", params={"q": "usine"})
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 0 and body["hits"] == []
    assert "no documents yet" in body["hint"]
    assert body["hint"].index("'myrtille crawl'") < body["hint"].index("'myrtille process'")


def test_the_api_gives_no_hint_when_a_query_matches_nothing(live: Live) -> None:
    with live.client(live.key) as http:
        body = http.get("/api/v1/search", params={"q": "zzyzx-introuvable"}).json()
    assert body["total"] == 0
    assert body["hint"] is None


def test_the_openapi_schema_describes_the_hint(live: Live) -> None:
    schema = httpx.get(f"{live.url}/openapi.json").json()
    hint = schema["components"]["schemas"]["SearchOut"]["properties"]["hint"]
    assert "no document at all" in hint["description"]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", "L'index ne contient encore aucun document : lancez myrtille crawl"),
        ("en", "The index holds no documents yet: run myrtille crawl"),
    ],
)
def test_the_search_page_says_what_to_run_on_an_empty_index(
    empty: Live, lang: str, words: str
) -> None:
    params = {"q": "usine"} | ({"lang": lang} if lang != "fr" else {})
    response = httpx.get(f"{empty.url}/search", params=params)
    assert response.status_code == 200
    page = unescape(response.text)
    assert 'id="empty-index"' in page
    assert words in page
    assert "myrtille process" in page


def test_the_search_page_gives_no_hint_when_a_query_matches_nothing(live: Live) -> None:
    response = httpx.get(f"{live.url}/search", params={"q": "zzyzx-introuvable"})
    assert response.status_code == 200
    assert 'id="empty-index"' not in response.text
    assert "Aucun document ne correspond." in response.text


def test_the_cli_says_what_to_run_on_an_empty_index(empty: Live, live: Live) -> None:
    runner = CliRunner()
    done = runner.invoke(main, ["--data-dir", str(empty.settings.data_dir), "search", "usine"])
    assert done.exit_code == 0, done.output
    assert "Hint: the index holds no documents yet: run 'myrtille crawl'" in done.output
    done = runner.invoke(
        main, ["--data-dir", str(live.settings.data_dir), "search", "zzyzx-introuvable"]
    )
    assert done.exit_code == 0, done.output
    assert "0 documents match" in done.output and "Hint" not in done.output
