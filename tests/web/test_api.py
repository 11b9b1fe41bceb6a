"""The REST API through a real server, the agents' keys, and the trends computation."""

from __future__ import annotations

import hashlib
import re
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from sqlalchemy import select

from myrtille.cli import main
from myrtille.index.base import FACET_FIELDS
from myrtille.index.query import QueryError, parse
from myrtille.index.trends import baselines, is_spike, period_counts, period_starts, trend
from myrtille.store.database import Database, open_database
from myrtille.store.schema import Agent
from myrtille.web.auth import AgentExists, authenticate, create_agent, revoke
from tests.web.conftest import AEROVOLT, NOW, Live

SEARCH = "/api/v1/search?q=aerovolt"
ENDPOINTS = [SEARCH, "/api/v1/documents/d01", "/api/v1/trends?sector=energy"]
TODAY = NOW.date()


def get(live: Live, path: str, key: str | None = None) -> httpx.Response:
    with live.client(live.key if key is None else key) as client:
        return client.get(path)


def assert_error(response: httpx.Response, status: int, error: str) -> dict[str, object]:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"] == error and body["message"]
    return body


# -- health and authentication ----------------------------------------------------------


def test_healthz_needs_no_key(live: Live) -> None:
    response = httpx.get(f"{live.url}/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


@pytest.mark.parametrize("path", ENDPOINTS)
def test_a_missing_key_is_refused(live: Live, path: str) -> None:
    with live.client() as client:
        response = client.get(path)
    body = assert_error(response, 401, "unauthorized")
    assert response.headers["www-authenticate"] == "Bearer"
    assert "X-API-Key" in str(body["message"])


@pytest.mark.parametrize("path", ENDPOINTS)
@pytest.mark.parametrize("key", ["not-a-key", "myr_deadbeef_thisisnotthesecret"])
def test_a_wrong_key_is_refused(live: Live, path: str, key: str) -> None:
    response = get(live, path, key)
    assert_error(response, 401, "unauthorized")
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.fixture(scope="module")
def revoked_key(live: Live) -> str:
    _agent, key = create_agent(live.database, "former-agent")
    assert revoke(live.database, "former-agent")
    return key


@pytest.mark.parametrize("path", ENDPOINTS)
def test_a_revoked_key_is_refused(live: Live, revoked_key: str, path: str) -> None:
    assert_error(get(live, path, revoked_key), 401, "unauthorized")


@pytest.mark.parametrize("path", ENDPOINTS)
def test_a_bearer_token_works_too(live: Live, path: str) -> None:
    with live.client(Authorization=f"Bearer {live.key}") as client:
        assert client.get(path).status_code == 200


# -- search -------------------------------------------------------------------------------


def test_search_with_fields_and_every_facet(live: Live) -> None:
    response = get(live, "/api/v1/search?q=event:acquisition%20region:occitanie&facets=all")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == 2 and body["page"] == 1 and body["per_page"] == 20
    assert {hit["id"] for hit in body["hits"]} == {"d01", "d02"}
    hit = body["hits"][0]
    assert set(hit) == {
        "id",
        "title",
        "url",
        "published_at",
        "source",
        "language",
        "cluster",
        "score",
        "snippet",
    }
    assert set(body["facets"]) == set(FACET_FIELDS)
    regions = body["facets"]["region"]
    assert regions == [{"value": "76", "count": 2, "label": "Occitanie"}]
    companies = {f["value"]: f for f in body["facets"]["company"]}
    assert companies[AEROVOLT]["label"] == "Aérovolt" and companies[AEROVOLT]["count"] == 2
    assert body["facets"]["event"][0]["label"]  # a readable name from the lexicon
    assert body["histogram"] == []


def test_search_text_is_ranked_and_highlighted(live: Live) -> None:
    body = get(live, "/api/v1/search?q=solaris%20centrale&facets=sector,region").json()
    assert body["total"] == 5
    assert all(hit["score"] is not None for hit in body["hits"])
    assert "<mark>" in body["hits"][0]["snippet"]
    assert set(body["facets"]) == {"sector", "region"}
    assert body["facets"]["sector"][0] == {"value": "energy", "count": 5, "label": "Énergie"}


def test_search_pages_by_date_with_a_histogram_and_as_of(live: Live) -> None:
    first = get(live, "/api/v1/search?q=solaris&sort=date&per_page=2&histogram=day").json()
    assert first["total"] == 5 and len(first["hits"]) == 2
    assert sum(b["count"] for b in first["histogram"]) == 5
    assert {"bucket": TODAY.isoformat(), "count": 4} in first["histogram"]
    following = get(
        live, f"/api/v1/search?q=solaris&sort=date&per_page=2&page=3&as_of={first['as_of']}"
    ).json()
    assert following["as_of"] == first["as_of"] and following["page"] == 3
    assert [h["id"] for h in following["hits"]] == ["d10"]  # the oldest one


def test_search_since_and_until_are_inclusive_days(live: Live) -> None:
    day = (TODAY - timedelta(days=3)).isoformat()
    body = get(live, f"/api/v1/search?q=aerovolt&since={day}&until={day}").json()
    assert [hit["id"] for hit in body["hits"]] == ["d01"]
    body = get(live, f"/api/v1/search?q=aerovolt&since={day}").json()
    assert {hit["id"] for hit in body["hits"]} == {"d01", "d02"}


def test_an_unbalanced_quote_is_a_400_with_the_parsers_position(live: Live) -> None:
    query = 'aerovolt "levée de fonds'
    with pytest.raises(QueryError) as expected:
        parse(query)
    with live.client(live.key) as client:
        response = client.get("/api/v1/search", params={"q": query})
    body = assert_error(response, 400, "invalid_query")
    assert body == {
        "error": "invalid_query",
        "message": expected.value.message,
        "position": expected.value.position,
    }
    assert body["position"] == 9


@pytest.mark.parametrize(
    ("query", "words", "position"),
    [
        ("colour:blue aerovolt", "unknown field 'colour'", 0),
        ("aerovolt region:atlantis", "not a French region", 16),
        ("(aerovolt", "never closed", 0),
    ],
)
def test_invalid_queries_are_400s(live: Live, query: str, words: str, position: int) -> None:
    with live.client(live.key) as client:
        body = assert_error(client.get("/api/v1/search", params={"q": query}), 400, "invalid_query")
    assert words in str(body["message"]) and body["position"] == position


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ("q=a&per_page=1000", "per_page"),
        ("q=a&per_page=0", "per_page"),
        ("q=a&page=0", "page"),
        ("q=a&sort=popularity", "sort"),
        ("q=a&histogram=year", "histogram"),
        ("q=a&since=yesterday", "since"),
        ("q=a&as_of=-1", "as_of"),
        ("sort=date", "q"),
    ],
)
def test_bad_search_parameters_are_400s_naming_the_parameter(
    live: Live, params: str, name: str
) -> None:
    response = get(live, f"/api/v1/search?{params}")
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["error"] == "invalid_parameter" and body["message"].startswith(f"{name}: ")


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ("q=a&facets=company,colour", "unknown facet 'colour'"),
        ("q=a&since=2026-02-01&until=2026-01-01", "since must not be after until"),
    ],
)
def test_bad_search_values_are_400s(live: Live, params: str, words: str) -> None:
    body = assert_error(get(live, f"/api/v1/search?{params}"), 400, "invalid_parameter")
    assert words in str(body["message"])


# -- documents ----------------------------------------------------------------------------


def test_a_document_with_its_enrichment_and_its_story(live: Live) -> None:
    response = get(live, "/api/v1/documents/d01")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["id"] == "d01" and body["title"] == "Aérovolt rachète Hélicea"
    assert body["companies"][0] == {"name": "Aérovolt", "siren": AEROVOLT}
    assert body["sectors"] == ["aeronautics"] and body["regions"] == ["76"]
    assert body["departments"] == ["31"] and body["events"][0]["type"] == "acquisition"
    assert body["published_at"].startswith((TODAY - timedelta(days=3)).isoformat())
    for entity in body["entities"]:
        source = body["title"] if entity["field"] == "title" else body["text"]
        assert source[entity["start"] : entity["end"]] == entity["text"]
    assert [s["id"] for s in body["same_story"]] == ["d02"]
    assert set(body["same_story"][0]) == {
        "id",
        "title",
        "url",
        "source",
        "published_at",
        "language",
    }


def test_an_unknown_document_is_a_404(live: Live) -> None:
    body = assert_error(get(live, "/api/v1/documents/nope"), 404, "not_found")
    assert "nope" in str(body["message"])


# -- trends -------------------------------------------------------------------------------


def test_trends_of_a_sector_show_todays_spike(live: Live) -> None:
    response = get(live, "/api/v1/trends?sector=énergie")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["subject"] == "sector:energy" and body["interval"] == "day"
    points = body["points"]
    assert len(points) == 30 and body["periods"] == 30 and body["baseline"] == 7
    assert points[-1]["period"] == TODAY.isoformat() == body["end"]
    assert points[0]["period"] == (TODAY - timedelta(days=29)).isoformat() == body["start"]
    assert points[-1]["count"] == 4 and points[-1]["spike"] is True
    assert points[-1]["baseline_mean"] == 0 and points[-1]["threshold"] == 0
    assert [p["period"] for p in points if p["spike"]] == [TODAY.isoformat()]
    assert body["total"] == 5  # four today, one 15 days ago


def test_trends_of_a_company_without_spike(live: Live) -> None:
    body = get(live, "/api/v1/trends?company=Aérovolt&periods=10&baseline=3").json()
    counts = {p["period"]: p["count"] for p in body["points"]}
    assert len(counts) == 10 and sum(counts.values()) == 2
    assert counts[(TODAY - timedelta(days=3)).isoformat()] == 1
    assert not any(p["spike"] for p in body["points"])


def test_trends_of_a_query_per_week(live: Live) -> None:
    body = get(live, "/api/v1/trends?q=event:acquisition&interval=week&periods=8").json()
    periods = [date.fromisoformat(p["period"]) for p in body["points"]]
    assert len(periods) == 8 and all(day.weekday() == 0 for day in periods)
    assert periods[-1] == TODAY - timedelta(days=TODAY.weekday())
    assert body["total"] == 3  # d01, d02 and d08 (20 days ago)


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ("sector=energy&event=hiring", "exactly one of company, sector, event or q"),
        ("interval=day", "exactly one"),
        ("sector=basket-weaving", "is not a sector"),
    ],
)
def test_bad_trend_subjects_are_400s(live: Live, params: str, words: str) -> None:
    body = assert_error(get(live, f"/api/v1/trends?{params}"), 400, "invalid_parameter")
    assert words in str(body["message"])


def test_a_bad_trend_query_is_an_invalid_query(live: Live) -> None:
    body = assert_error(get(live, '/api/v1/trends?q="open'), 400, "invalid_query")
    assert body["position"] == 0


@pytest.mark.parametrize(
    "params", ["sector=energy&periods=1000", "sector=energy&interval=year", "q=a&baseline=0"]
)
def test_bad_trend_parameters_are_400s(live: Live, params: str) -> None:
    response = get(live, f"/api/v1/trends?{params}")
    assert response.status_code == 400 and response.json()["error"] == "invalid_parameter"


# -- the OpenAPI schema ---------------------------------------------------------------------


def test_the_openapi_schema_describes_every_endpoint(live: Live) -> None:
    schema = httpx.get(f"{live.url}/openapi.json").json()
    assert schema["info"]["title"] == "Myrtille" and schema["info"]["version"]
    schemes = schema["components"]["securitySchemes"]
    assert schemes["APIKeyHeader"] == {
        "type": "apiKey",
        "in": "header",
        "name": "X-API-Key",
        "description": schemes["APIKeyHeader"]["description"],
    }
    assert schemes["HTTPBearer"]["scheme"] == "bearer"
    expected = {
        "/api/v1/search": (
            {
                "q",
                "sort",
                "page",
                "per_page",
                "facets",
                "histogram",
                "as_of",
                "since",
                "until",
                "format",
            },
            "SearchOut",
            {"200", "400", "401", "429"},
        ),
        "/api/v1/documents/{document_id}": (
            {"document_id"},
            "DocumentOut",
            {"200", "400", "401", "404", "429"},
        ),
        "/api/v1/trends": (
            {"company", "sector", "event", "q", "interval", "periods", "baseline", "format"},
            "TrendOut",
            {"200", "400", "401", "429"},
        ),
    }
    for path, (params, model, statuses) in expected.items():
        operation = schema["paths"][path]["get"]
        assert {p["name"] for p in operation["parameters"]} == params, path
        assert set(operation["responses"]) == statuses, path
        ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
        assert ok == {"$ref": f"#/components/schemas/{model}"}
        assert operation["security"] == [{"APIKeyHeader": []}, {"HTTPBearer": []}]
        for status in statuses - {"200"}:
            error = operation["responses"][status]["content"]["application/json"]["schema"]
            assert error == {"$ref": "#/components/schemas/ErrorBody"}
    models = schema["components"]["schemas"]
    assert set(models["SearchOut"]["properties"]) >= {"total", "as_of", "hits", "facets"}
    assert set(models["DocumentOut"]["properties"]) >= {"entities", "events", "same_story"}
    assert "spike" in models["TrendPointOut"]["properties"]
    assert "security" not in schema["paths"]["/healthz"]["get"]
    assert httpx.get(f"{live.url}/docs").status_code == 200


# -- trends, the computation ---------------------------------------------------------------


def flag_spikes(counts: list[int], baseline: int) -> list[bool]:
    return [is_spike(c, b) for c, b in zip(counts, baselines(counts, baseline), strict=True)]


def test_a_burst_over_a_quiet_baseline_is_a_spike() -> None:
    assert flag_spikes([1, 0, 2, 1, 0, 1, 1, 9], baseline=7) == [False] * 7 + [True]


def test_ordinary_variation_is_no_spike() -> None:
    assert flag_spikes([5, 9, 4, 8, 6, 10, 5, 10], baseline=7) == [False] * 8


def test_small_counts_are_never_spikes() -> None:
    # 2 is far above a baseline of zeros, but two articles are not a trend.
    assert flag_spikes([0, 0, 0, 2, 3], baseline=3) == [False, False, False, False, True]


def test_periods_are_filled_with_zeros_and_weeks_sum_their_days() -> None:
    end = date(2026, 3, 11)  # a Wednesday
    days = period_starts(end, "day", 3)
    assert days == [date(2026, 3, 9), date(2026, 3, 10), date(2026, 3, 11)]
    histogram = [("2026-03-01", 7), ("2026-03-09", 2), ("2026-03-11T00:00:00Z", 1)]
    assert period_counts(histogram, days, "day") == [2, 0, 1]
    weeks = period_starts(end, "week", 2)
    assert weeks == [date(2026, 3, 2), date(2026, 3, 9)]
    assert period_counts(histogram, weeks, "week") == [0, 3]


def test_trend_keeps_the_baseline_periods_out_of_sight() -> None:
    end = date(2026, 3, 11)
    histogram = [(f"2026-03-{d:02d}", 1) for d in range(1, 11)] + [("2026-03-11", 6)]
    points = trend(histogram, end=end, periods=3, baseline=5)
    assert [p.period for p in points] == [date(2026, 3, 9), date(2026, 3, 10), end]
    assert [(p.count, p.spike) for p in points] == [(1, False), (1, False), (6, True)]
    assert points[-1].baseline_mean == 1 and points[-1].threshold == 1


# -- agents and keys (SQLite and PostgreSQL) -----------------------------------------------


def test_keys_authenticate_until_revoked(database: Database) -> None:
    agent, key = create_agent(database, "claire", "claire@example.org")
    assert re.fullmatch(r"myr_[0-9a-f]{8}_[A-Za-z0-9_-]{43}", key)
    assert key.split("_")[1] == agent.key_prefix
    found = authenticate(database, key)
    assert found is not None and found.name == "claire" and found.last_used_at is not None
    assert authenticate(database, key[:-1] + ("A" if key[-1] != "A" else "B")) is None
    assert authenticate(database, "myr_" + agent.key_prefix) is None
    assert authenticate(database, "") is None
    assert revoke(database, "claire") and not revoke(database, "claire")
    assert authenticate(database, key) is None
    assert not revoke(database, "nobody")


def test_only_the_hash_of_a_key_is_stored(database: Database) -> None:
    _agent, key = create_agent(database, "paul")
    with database.session() as session:
        row = session.scalars(select(Agent)).one()
        stored = [str(getattr(row, c.key)) for c in Agent.__table__.columns]
    assert row.key_hash == hashlib.sha256(key.encode()).hexdigest()
    secret = key.split("_", 2)[2]
    assert not any(secret in value or key in value for value in stored)


def test_agent_names_are_unique(database: Database) -> None:
    create_agent(database, "claire")
    with pytest.raises(AgentExists):
        create_agent(database, "claire")
    with pytest.raises(ValueError):
        create_agent(database, "  ")


def test_users_commands(tmp_path: Path, state_url: str) -> None:
    config = tmp_path / "myrtille.yaml"
    config.write_text(f"data_dir: ./data\ndatabase_url: {state_url}\n", encoding="utf-8")

    def run(*args: str) -> tuple[int, str]:
        result = CliRunner().invoke(main, ["--config", str(config), *args])
        return result.exit_code, result.output

    code, output = run("users", "list")
    assert code == 0 and "No agents yet" in output
    code, output = run("users", "create-agent", "Agence Occitanie", "--email", "a@example.org")
    assert code == 0, output
    match = re.search(r"myr_[0-9a-f]{8}_\S+", output)
    assert match and "only its hash is stored" in output
    key = match.group(0)
    database = open_database(state_url)
    try:
        agent = authenticate(database, key)
        assert agent is not None and agent.email == "a@example.org"
        code, output = run("users", "create-agent", "Agence Occitanie")
        assert code == 1 and "exists already" in output
        code, output = run("users", "list")
        assert code == 0 and "Agence Occitanie" in output and agent.key_prefix in output
        assert key not in output and "active" in output
        code, output = run("users", "revoke", "Agence Occitanie")
        assert code == 0 and "revoked" in output
        assert authenticate(database, key) is None
        code, output = run("users", "revoke", "Agence Occitanie")
        assert code == 1 and "No active agent" in output
    finally:
        database.dispose()
