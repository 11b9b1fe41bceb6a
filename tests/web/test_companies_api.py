# ruff: noqa: F811  (site and http: fixtures from tests/web/company_site.py)
"""/api/v1/companies over a real uvicorn: the same data as the company page, its errors in
the documented schema, and the company search."""

from __future__ import annotations

from tests.web.company_site import (  # noqa: F401 (site and http are fixtures)
    HOSTILE_NAME,
    HOSTILE_TITLE,
    SOLARIS_SIREN,
    UNKNOWN_SIREN,
    co_mentions,
    site,
    timeline,
)
from tests.web.conftest import AEROVOLT, Live

# -- the API ------------------------------------------------------------------------------


def test_api_gives_the_same_data_as_the_page(site: Live) -> None:
    with site.client(site.key) as api:
        response = api.get(f"/api/v1/companies/{AEROVOLT}")
    assert response.status_code == 200
    body = response.json()
    assert body["siren"] == AEROVOLT and body["name"] == "Aérovolt SAS"
    assert body["registry"] == {
        "name": "Aérovolt SAS",
        "acronym": "AEV",
        "naf": "30.30Z",
        "sectors": ["aeronautics"],
        "category": "ETI",
        "state": "active",
        "city": "Blagnac",
        "department": "31",
        "region": "76",
    }
    assert body["total"] == 6
    assert [(i["kind"], i["id"]) for i in body["timeline"]] == [
        ("bodacc", "d50"),
        ("press", "d02"),
        ("press", "d01"),
        ("boamp", "d51"),
        ("press", "d52"),
        ("press", "d03"),
    ]
    assert body["timeline"][0]["title"] == HOSTILE_TITLE  # data, as stored: JSON is not HTML
    assert body["timeline"][0]["events"] == ["insolvency"]
    assert body["timeline"][3]["events"] == ["contract", "partnership"]
    assert body["co_mentions"][0] == {
        "value": SOLARIS_SIREN,
        "siren": SOLARIS_SIREN,
        "name": "Solaris Énergie",
        "count": 2,
    }
    assert {c["name"] for c in body["co_mentions"]} == {"Solaris Énergie", HOSTILE_NAME, "Hélicea"}


def test_api_errors_follow_the_documented_schema(site: Live) -> None:
    with site.client(site.key) as api:
        unknown = api.get(f"/api/v1/companies/{UNKNOWN_SIREN}")
        bad = api.get("/api/v1/companies/919985003")
        short = api.get("/api/v1/companies/123")
        no_q = api.get("/api/v1/companies")
    assert unknown.status_code == 404 and unknown.json()["error"] == "not_found"
    assert UNKNOWN_SIREN in unknown.json()["message"]
    assert bad.status_code == 400 and bad.json()["error"] == "invalid_siren"
    assert "check digit" in bad.json()["message"]
    assert short.status_code == 400 and "9 digits" in short.json()["message"]
    assert no_q.status_code == 400 and no_q.json()["error"] == "invalid_parameter"
    with site.client() as anonymous:
        assert anonymous.get(f"/api/v1/companies/{AEROVOLT}").status_code == 401


def test_api_company_search(site: Live) -> None:
    with site.client(site.key) as api:
        body = api.get("/api/v1/companies", params={"q": "sol"}).json()
    assert body["companies"] == [
        {
            "siren": SOLARIS_SIREN,
            "name": "Solaris Énergie",
            "acronym": None,
            "naf": None,
            "state": "active",
        }
    ]
