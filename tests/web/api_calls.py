"""Calling the REST API of the test site, shared by test_api.py and test_api_trends.py: a GET
with the agent's key (or another), and the shape every error answer has."""

from __future__ import annotations

import httpx

from tests.web.conftest import Live


def get(live: Live, path: str, key: str | None = None) -> httpx.Response:
    with live.client(live.key if key is None else key) as client:
        return client.get(path)


def assert_error(response: httpx.Response, status: int, error: str) -> dict[str, object]:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"] == error and body["message"]
    return body
