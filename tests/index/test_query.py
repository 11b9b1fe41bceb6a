"""Bad queries get a position and an explanation; search-engine syntax typed by users is
text, and never reaches SQLite as syntax."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from myrtille.cli import main
from myrtille.index.query import MAX_QUERY_CHARS, QueryError, parse
from myrtille.index.resolver import CodeResolver
from tests.index.contract import ids, make_backend
from tests.index.corpus import CORPUS


@pytest.mark.parametrize(
    ("query", "message", "position"),
    [
        ('"levée de fonds', "unbalanced quote", 0),
        ("(aerovolt OR vernay", "this '(' is never closed", 0),
        ("aerovolt)", "')' without a matching '('", 8),
        ("()", "empty parentheses", 0),
        ("secteur:energie", "unknown field 'secteur'", 0),
        ("after:2026-02-30", "is not a date", 6),
        ("before:demain", "is not a date", 7),
        ("", "the query is empty", 0),
        ("   ", "the query is empty", 0),
        ("* ^ :", "nothing to search for", 0),
        ("aerovolt OR", "OR needs something on both sides", 9),
        ("sector:", "needs a value right after the colon", 0),
        ("sector:banane", "is not a sector", 7),
        ("region:atlantide", "is not a French region", 7),
        ("dept:999", "is not a French department", 5),
        ("x" * (MAX_QUERY_CHARS + 1), "too long", MAX_QUERY_CHARS),
        (" ".join(["mot"] * 100), "too many words", None),
    ],
)
def test_bad_queries_say_where_and_why(query: str, message: str, position: int | None) -> None:
    with pytest.raises(QueryError) as caught:
        parse(query, CodeResolver())
    assert message in caught.value.message
    if position is not None:
        assert caught.value.position == position
    assert "^" in caught.value.pointer()


@pytest.mark.parametrize(
    ("query", "suggestion", "position"),
    [
        ("sektor:energy", "sector", 0),
        ("airbus evnt:acquisition", "event", 7),
        ("REGOIN:occitanie", "region", 0),
        ("titel:usine", "title", 0),
    ],
)
def test_a_misspelt_field_gets_a_did_you_mean(query: str, suggestion: str, position: int) -> None:
    with pytest.raises(QueryError) as caught:
        parse(query, CodeResolver())
    assert f"did you mean '{suggestion}:'?" in caught.value.message
    assert caught.value.position == position


def test_an_unknown_field_far_from_any_gets_the_list_only() -> None:
    with pytest.raises(QueryError) as caught:
        parse("zzqx:1", CodeResolver())
    assert "did you mean" not in caught.value.message
    assert "fields are title, company" in caught.value.message


@pytest.mark.parametrize(
    "query",
    [
        "usine*",
        "^usine",
        "usine NEAR aerovolt",
        "NEAR(usine aerovolt)",
        "title:usine:x",
        "a:b",
        "12:30",
        '"*"',
        "usine AND",
        "{title}: usine",
        "usine -",
        "- usine",
        "'usine'",
        "usine; DROP TABLE docs",
        'col:"x"',
        "\x00usine",
        "ü\u0301sine",
    ],
)
def test_search_engine_syntax_is_text_and_never_crashes(query: str, tmp_path: Path) -> None:
    backend = make_backend("sqlite", tmp_path)
    backend.index(CORPUS)
    try:
        node = parse(query, CodeResolver())
    except QueryError:
        return  # a clear error is fine; a crash is not
    found = ids(backend, node)
    assert isinstance(found, set)
    assert backend.count() == len(CORPUS)


def test_cli_search_json_and_errors(tmp_path: Path) -> None:
    backend = make_backend("sqlite", tmp_path)
    backend.index(CORPUS)
    backend.close()
    base = ["--data-dir", str(tmp_path)]
    result = CliRunner().invoke(
        main, [*base, "search", "event:acquisition region:occitanie", "--facets", "--json"]
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["total"] == 3
    assert {h["id"] for h in payload["hits"]} == {"a3", "d1", "d2"}
    assert set(payload["hits"][0]) >= {"id", "title", "url", "published_at", "snippet"}
    assert {"value": "76", "count": 3} in payload["facets"]["region"]
    result = CliRunner().invoke(main, [*base, "search", "usine", "--since", "2026-10-10"])
    assert result.exit_code == 0 and "1 document matches" in result.output
    bad = CliRunner().invoke(main, [*base, "search", '"levée de fonds'])
    assert bad.exit_code == 2
    assert "Invalid query: unbalanced quote" in bad.output


def test_cli_search_table_names_the_sources(tmp_path: Path) -> None:
    backend = make_backend("sqlite", tmp_path)
    backend.index(CORPUS)
    backend.close()
    config = tmp_path / "myrtille.yaml"
    config.write_text(
        f"data_dir: {tmp_path}\n"
        "sources:\n"
        "  - {id: eco, kind: feed, url: 'https://eco.example/rss', name: Éco Régions}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["--config", str(config), "search", '"levée de fonds"'])
    assert result.exit_code == 0, result.output
    assert "Éco Régions" in result.output and "│ eco " not in result.output
