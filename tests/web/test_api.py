"""The REST API through a real server: health, the agents' keys refused or accepted, search,
documents and the OpenAPI schema (trends are in test_api_trends.py, the keys' storage and
commands in test_agent_keys.py)."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

from myrtille.index.base import FACET_FIELDS
from myrtille.index.query import QueryError, parse
from myrtille.web.auth import create_agent, revoke
from tests.web.api_calls import assert_error, get
from tests.web.conftest import AEROVOLT, NOW, Live

SEARCH = "/api/v1/search?q=aerovolt"
ENDPOINTS = [SEARCH, "/api/v1/documents/d01", "/api/v1/trends?sector=energy"]
TODAY = NOW.date()


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


# -- the OpenAPI schema ---------------------------------------------------------------------


def test_the_openapi_schema_describes_every_endpoint(live: Live) -> None:
    # The first request builds the schema: seconds on a loaded machine (httpx waits 5 s).
    schema = httpx.get(f"{live.url}/openapi.json", timeout=30).json()
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
