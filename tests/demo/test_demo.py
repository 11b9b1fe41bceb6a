"""`myrtille demo --once` (collect and enrich the demo site once) end to end, through the
installed command, offline."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

from sqlalchemy import select

from myrtille.demo.corpus import load_corpus
from myrtille.pipeline.intake import Intake
from myrtille.store.database import open_database
from myrtille.store.schema import Enrichment


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run_demo(data_dir: Path, port: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "myrtille",
            "--data-dir",
            str(data_dir),
            "demo",
            "--once",
            "--port",
            str(port),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={"PATH": "/usr/bin:/bin", "HOME": str(data_dir.parent)},
    )


# ``demo_run`` (tests/conftest.py): one `myrtille demo --once` for the whole session, which
# tests/browser/test_demo_map.py reads too.


def test_demo_collects_every_source(demo_run: tuple[Path, int, str]) -> None:
    data_dir, _, output = demo_run
    corpus = load_corpus()
    documents = list(Intake(open_database(f"sqlite:///{data_dir / 'myrtille.db'}")).documents())
    articles = [d for d in documents if d.kind == "article"]
    notices = [d for d in documents if d.kind == "notice"]
    assert len(articles) == len(corpus.articles) >= 60
    assert len(notices) == len(corpus.notices)
    assert {d.source_id for d in documents} == {
        "eco-regions",
        "industrie-hebdo",
        "france-business-review",
        "bodacc-demo",
    }
    assert {d.language for d in articles} == {"fr", "en"}
    assert all(d.extraction == "page" and len(d.text) > 400 for d in articles)
    assert all("utm_" not in d.url for d in documents)
    assert all(d.published_at is not None for d in documents)
    assert f"{len(documents)} new documents" in output
    assert "Stories reported by several sources" in output


def test_demo_enriches_what_it_collected(demo_run: tuple[Path, int, str]) -> None:
    data_dir, _, output = demo_run
    corpus = load_corpus()
    total = len(corpus.articles) + len(corpus.notices)
    assert f"Enriched {total} documents" in output and "0 failed" in output
    assert "Found in the collected documents" in output
    database = open_database(f"sqlite:///{data_dir / 'myrtille.db'}")
    with database.session() as session:
        rows = list(session.scalars(select(Enrichment)))
    assert len(rows) == total
    linked = {c["siren"] for row in rows for c in row.companies if c["siren"]}
    assert len(linked) >= 30  # most of the 40 fictional companies are found
    assert len({s["code"] for row in rows for s in row.sectors}) == 12
    assert len({e["type"] for row in rows for e in row.events}) == 11
    assert len({r for row in rows for r in row.regions}) >= 12


def test_same_story_from_two_outlets_is_one_cluster(demo_run: tuple[Path, int, str]) -> None:
    data_dir, _, _ = demo_run
    corpus = load_corpus()
    database = open_database(f"sqlite:///{data_dir / 'myrtille.db'}")
    cluster_of = {
        d.url.rsplit("/", 1)[-1].removesuffix(".html"): d.cluster_id
        for d in Intake(database).documents()
        if d.kind == "article"
    }
    stories: dict[str, list[str]] = defaultdict(list)
    for article in corpus.articles:
        if article.story and article.language == "fr":
            stories[article.story].append(article.slug)
    pairs = {k: v for k, v in stories.items() if len(v) >= 2}
    assert len(pairs) >= 4
    for story, slugs in pairs.items():
        assert len({cluster_of[s] for s in slugs}) == 1, story
    # Different stories stay apart.
    assert len({cluster_of[slugs[0]] for slugs in pairs.values()}) == len(pairs)


def test_running_the_demo_again_adds_nothing(demo_run: tuple[Path, int, str]) -> None:
    data_dir, port, _ = demo_run
    result = run_demo(data_dir, port)
    assert result.returncode == 0, result.stderr
    assert "0 new documents" in result.stdout


def test_the_demo_ends_with_a_searchable_index(demo_run: tuple[Path, int, str]) -> None:
    import json

    from click.testing import CliRunner

    from myrtille.cli import main

    data_dir, _, _ = demo_run
    result = CliRunner().invoke(
        main,
        [
            "--data-dir",
            str(data_dir),
            "search",
            "event:acquisition region:occitanie",
            "--facets",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    titles = {hit["title"] for hit in payload["hits"]}
    assert titles == {
        "Hélionergie rachète le développeur solaire aveyronnais Soleilhac",
        "Montpellier solar producer Hélionergie buys Aveyron developer Soleilhac",
    }
    assert {"value": "76", "count": 2} in payload["facets"]["region"]
    assert any(f["label"] == "Hélionergie SAS" for f in payload["facets"]["company"])
