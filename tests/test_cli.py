"""The `myrtille` command as scripts use it: exit codes, tables, JSON lines."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from myrtille.cli import main
from myrtille.demo.httpserver import Route, RouteServer
from tests.crawlers.pages import article_html, rss


def write_config(tmp_path: Path, server: RouteServer) -> Path:
    server.routes["/a.html"] = Route(
        article_html("Première", canonical=server.url("/a.html")).encode()
    )
    server.routes["/b.html"] = Route(
        article_html("Seconde", name="Bêta", published="2026-11-20T10:00:00+01:00").encode()
    )
    server.routes["/feed.xml"] = Route(
        rss(
            [
                {
                    "title": "Première",
                    "link": server.url("/a.html"),
                    "date": "Sat, 03 Oct 2026 08:15:00 +0200",
                },
                {
                    "title": "Seconde",
                    "link": server.url("/b.html"),
                    "date": "Fri, 20 Nov 2026 10:00:00 +0100",
                },
            ]
        ).encode(),
        "application/rss+xml",
    )
    config = tmp_path / "myrtille.yaml"
    config.write_text(
        f"""\
data_dir: ./data
crawl: {{autothrottle: false, timeout: 5s, retries: 0}}
sources:
  - id: eco
    kind: feed
    url: {server.url("/feed.xml")}
    interval: 1h
  - id: broken
    kind: feed
    url: {server.url("/missing.xml")}
""",
        encoding="utf-8",
    )
    return config


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_init_writes_a_valid_starter(tmp_path: Path) -> None:
    path = tmp_path / "conf.yaml"
    code, output = run("init", str(path))
    assert code == 0 and path.exists()
    code, output = run("init", str(path))
    assert code == 1 and "already exists" in output
    # The starter names no data_dir: keep the per-user default inside this test.
    result = CliRunner(env={"XDG_DATA_HOME": str(tmp_path / "xdg")}).invoke(
        main, ["--config", str(path), "sources"]
    )
    code, output = result.exit_code, result.output
    assert (tmp_path / "xdg" / "myrtille" / "myrtille.db").exists()
    assert code == 0 and "exemple-rss" in output and "disabled" in output


def test_crawl_sources_and_export(tmp_path: Path, server: RouteServer) -> None:
    config = write_config(tmp_path, server)
    code, output = run("--config", str(config), "crawl")
    # A failing source is reported, not fatal.
    assert code == 0, output
    assert "HTTP 404 not found" in output and "2 new documents" in output

    code, output = run("--config", str(config), "crawl")
    assert code == 0 and "No source is due" in output
    code, output = run("--config", str(config), "crawl", "--all")
    assert code == 0 and "0 new documents" in output

    code, output = run("--config", str(config), "sources")
    assert code == 0
    assert "eco" in output and "broken" in output and "HTTP 404 not found" in output
    assert "404×1" in output and "304×1" in output  # statuses of the last run

    code, output = run("--config", str(config), "export", "--format", "jsonl")
    assert code == 0
    records = [json.loads(line) for line in output.splitlines()]
    assert len(records) == 2
    for record in records:
        assert {
            "id",
            "url",
            "title",
            "text",
            "published_at",
            "language",
            "source",
            "cluster",
        } <= set(record)
    first = next(r for r in records if r["title"] == "Première")
    assert first["published_at"] == "2026-10-03T06:15:00Z"
    assert first["source"] == "eco" and first["language"] == "fr"
    # A story is named after the document that started it (the two near-identical test
    # pages make one story, started by whichever was stored first).
    by_id = {r["id"]: r for r in records}
    for record in records:
        assert by_id[record["cluster"]]["cluster"] == record["cluster"]

    code, output = run("--config", str(config), "export", "--since", "2026-11-01")
    assert [json.loads(line)["title"] for line in output.splitlines()] == ["Seconde"]
    code, output = run("--config", str(config), "export", "--since", "last tuesday")
    assert code == 2 and "is not a date" in output


def test_named_unknown_source_and_bad_config_exit_2(tmp_path: Path, server: RouteServer) -> None:
    config = write_config(tmp_path, server)
    code, output = run("--config", str(config), "crawl", "nope")
    assert code == 2 and "No source 'nope'" in output and "eco" in output
    bad = tmp_path / "bad.yaml"
    bad.write_text("sources:\n  - id: x\n    kind: feed\n", encoding="utf-8")
    code, output = run("--config", str(bad), "crawl")
    assert code == 2
    assert "bad.yaml, line 2, key 'sources[0].url': this key is required" in output


def test_export_offers_exactly_the_formats_it_writes() -> None:
    # --format once accepted a value and ignored it: each choice is a writer that is used.
    from myrtille.cli import main
    from myrtille.pipeline.export import WRITERS

    option = next(p for p in main.commands["export"].params if p.name == "fmt")
    assert list(option.type.choices) == list(WRITERS)  # type: ignore[attr-defined]
