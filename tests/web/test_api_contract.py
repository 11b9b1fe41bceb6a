"""What the API fuzzing suite (test_api_fuzz.py) found, each held here on its own, through
a real server: the schema must say what the server does, and the server what the schema
says."""

from __future__ import annotations

import subprocess
import sys

from tests.web.conftest import Live


def test_a_405_names_every_method_of_the_path(live: Live) -> None:
    # Starlette named the methods of the first route only: `Allow: GET` for GET and POST.
    with live.client(live.key) as http:
        for method, path, allowed in (
            ("PUT", "/api/v1/subscriptions", "GET, POST"),
            ("OPTIONS", "/api/v1/subscriptions/1", "PATCH, DELETE"),
            ("DELETE", "/signin", "GET, POST"),
        ):
            answer = http.request(method, path)
            assert answer.status_code == 405, (method, path)
            assert answer.headers["allow"] == allowed, (method, path)


def test_a_boolean_is_true_or_false(live: Live) -> None:
    # pydantic's lax mode read 0, 1, "yes" and "off" as booleans; the schema says boolean.
    with live.client(live.key) as http:
        for urgent in (0, 1, "yes", "off"):
            refused = http.post("/api/v1/subscriptions", json={"query": "usine", "urgent": urgent})
            assert refused.status_code == 400, refused.text
            assert refused.json()["error"] == "invalid_parameter"
            assert "body.urgent" in refused.json()["message"]
        created = http.post("/api/v1/subscriptions", json={"query": "usine", "urgent": True})
        assert created.status_code == 201, created.text
        path = f"/api/v1/subscriptions/{created.json()['id']}"
        assert http.patch(path, json={"urgent": 0}).status_code == 400
        assert http.patch(path, json={"urgent": False}).json()["urgent"] is False


def test_a_day_is_written_yyyy_mm_dd(live: Live) -> None:
    # pydantic read 0 as 1970-01-01 (a timestamp) and took datetimes at midnight.
    with live.client(live.key) as http:
        for path, name in (("/api/v1/map", "before"), ("/api/v1/search", "since")):
            for day in ("0", "1700000000", "2026-01-01T00:00:00", "2026-1-1"):
                refused = http.get(path, params={"q": "", name: day})
                assert refused.status_code == 400, (path, day, refused.text)
                assert "YYYY-MM-DD" in refused.json()["message"]
            assert http.get(path, params={"q": "", name: "2026-01-01"}).status_code == 200


def test_the_schema_says_what_the_server_answers(live: Live) -> None:
    with live.client() as http:
        schema = http.get("/openapi.json").json()
    keyed = [
        operation
        for path, operations in schema["paths"].items()
        if path.startswith("/api/v1/")
        for operation in operations.values()
    ]
    assert keyed
    for operation in keyed:
        limited = operation["responses"]["429"]
        assert limited["headers"]["Retry-After"]["schema"] == {"type": "integer", "minimum": 1}
    paths = schema["paths"]
    siren = paths["/api/v1/companies/{siren}"]["get"]["parameters"][0]["schema"]
    assert siren["pattern"] == r"^\s*([0-9]\s*){9}$"
    # An optional query parameter is left out, never sent as null.
    trends = {p["name"]: p["schema"] for p in paths["/api/v1/trends"]["get"]["parameters"]}
    assert trends["q"] == {"type": "array", "items": {"type": "string"}} | {
        k: v for k, v in trends["q"].items() if k not in ("type", "items")
    }
    assert "anyOf" not in trends["company"]
    change = schema["components"]["schemas"]["SubscriptionChangeIn"]["properties"]
    assert None in change["frequency"]["enum"]


def test_snippets_read_stop_words_without_the_french_tokenizer() -> None:
    # Importing spacy.lang.fr compiled its tokenizer's exceptions (8 s) inside the first
    # search request that needed a snippet: the fuzzer's request timed out.
    probe = (
        "import sys; from myrtille.index.snippets import _stop_words, spacy_stop_words; "
        "words = _stop_words(); print('spacy.lang.fr' in sys.modules, len(words), "
        "'de' in words, 'the' in words, len(spacy_stop_words('fr')))"
    )
    shown = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    assert shown[0] == "False" and shown[2:4] == ["True", "True"], shown
    from spacy.lang.fr.stop_words import STOP_WORDS

    assert int(shown[4]) == len(STOP_WORDS)
