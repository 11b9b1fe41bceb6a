"""Issue 10.7 on the wire: out-of-range ids, the error schema, 405s, blank queries and
security headers, read as a client sees them from a real uvicorn server."""

from __future__ import annotations

import ipaddress
import socket
import ssl
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
import uvicorn
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from myrtille.index.factory import open_index
from myrtille.index.matching import matches
from myrtille.index.query import EVERYTHING, parse_search
from myrtille.web.app import create_app
from myrtille.web.server import server_config
from tests.web.conftest import Live, csrf_of, doc, documents, signed_in, start_live

HUGE = ["9223372036854775808", "99999999999999999999", "9" * 5000]


@pytest.mark.parametrize("number", HUGE)
def test_an_out_of_range_subscription_id_is_a_404_of_the_api(live: Live, number: str) -> None:
    with live.client(live.key) as client:
        response = client.delete(f"/api/v1/subscriptions/{number}")
    assert response.status_code == 404, response.text
    assert response.json()["error"] == "not_found"


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/agent/subscriptions/{n}/edit", 404),
        ("POST", "/agent/subscriptions/{n}/edit", 404),
        ("POST", "/agent/subscriptions/{n}/pause", 404),
        ("POST", "/agent/subscriptions/{n}/resume", 404),
        ("GET", "/agent/subscriptions/{n}/delete", 404),
        ("POST", "/agent/subscriptions/{n}/delete", 404),
        ("GET", "/agent/subscriptions?done=saved&id={n}", 200),
    ],
)
@pytest.mark.parametrize("number", HUGE[:2])
def test_out_of_range_ids_in_the_agents_pages_are_never_500(
    live: Live, method: str, path: str, status: int, number: str
) -> None:
    http = signed_in(live)
    try:
        # Posts carry a valid CSRF field, so the id is looked up (not refused as a 403).
        token = csrf_of(http.get("/agent/subscriptions").text)
        data = {"csrf": token} if method == "POST" else None
        response = http.request(method, path.format(n=number), data=data)
    finally:
        http.close()
    # A number the database cannot hold names no subscription: 404 (or the list page).
    assert response.status_code == status, response.text[:300]


@pytest.mark.parametrize("value", ["99999999999999999999", "²"])
def test_an_impossible_last_event_id_is_a_400(live: Live, value: str) -> None:
    with live.client(live.key) as client:
        response = client.get("/api/v1/stream", params={"last_event_id": value})
    assert response.status_code == 400 and response.json()["error"] == "invalid_parameter"


@pytest.mark.parametrize(
    "params", ["q=a&page=9223372036854775807", "q=a&as_of=99999999999999999999"]
)
def test_out_of_range_search_numbers_are_400s(live: Live, params: str) -> None:
    with live.client(live.key) as client:
        response = client.get(f"/api/v1/search?{params}")
    assert response.status_code == 400 and response.json()["error"] == "invalid_parameter"


def test_an_unreadable_body_answers_the_documented_error_schema(live: Live) -> None:
    with live.client(live.key) as client:
        response = client.post(
            "/api/v1/subscriptions",
            content=b'{"query": "solaris",',
            headers={"Content-Type": "application/json"},
        )
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"error", "message"} and body["error"] == "invalid_body"
    assert "not valid JSON" in body["message"]


def test_a_body_of_the_wrong_shape_answers_the_error_schema(live: Live) -> None:
    with live.client(live.key) as client:
        response = client.post("/api/v1/subscriptions", json=["solaris"])
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_body"


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("DELETE", "/api/v1/subscriptions/preview", "GET"),
        ("POST", "/api/v1/search", "GET"),
        # Every method of the path, not only the first route's (found by the API fuzzing).
        ("GET", "/api/v1/subscriptions/1", "PATCH, DELETE"),
    ],
)
def test_a_wrong_method_is_a_405_with_allow(live: Live, method: str, path: str, allow: str) -> None:
    with live.client(live.key) as client:
        response = client.request(method, path)
    assert response.status_code == 405, response.text
    assert response.headers["allow"] == allow
    assert response.json()["error"] == "method_not_allowed"


def test_an_unknown_api_path_answers_the_error_schema(live: Live) -> None:
    with live.client(live.key) as client:
        response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404 and response.json()["error"] == "not_found"


# -- a blank query --------------------------------------------------------------------


def indexed(live: Live) -> int:
    index = open_index(live.settings)
    try:
        return index.count()
    finally:
        index.close()


def newest_first() -> list[str]:
    docs = sorted(documents(), key=lambda d: (d.published_at, d.id), reverse=True)
    return [d.id for d in docs]


@pytest.mark.parametrize("q", ["", "   "])
def test_a_blank_api_search_is_every_document_newest_first(live: Live, q: str) -> None:
    with live.client(live.key) as client:
        response = client.get("/api/v1/search", params={"q": q, "per_page": 100})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == indexed(live)
    dates = [hit["published_at"] for hit in body["hits"]]
    assert dates == sorted(dates, reverse=True)
    assert set(newest_first()) <= {hit["id"] for hit in body["hits"]}


def test_a_blank_ui_search_lists_every_document(live: Live) -> None:
    with live.client() as client:
        response = client.get("/search", params={"q": ""})
    assert response.status_code == 200
    assert f'data-total="{indexed(live)}"' in response.text


def test_a_blank_query_is_everything_for_the_in_memory_evaluator() -> None:
    assert parse_search("  ") == EVERYTHING
    assert all(matches(EVERYTHING, d) for d in documents())


def test_a_subscription_still_needs_a_query(live: Live) -> None:
    with live.client(live.key) as client:
        response = client.post("/api/v1/subscriptions", json={"query": " "})
    assert response.status_code == 400 and response.json()["error"] == "invalid_query"


# -- security headers -------------------------------------------------------------------

PATHS = ["/healthz", "/docs", "/openapi.json", "/api/v1/search?q=solaris", "/search"]


@pytest.mark.parametrize("path", PATHS)
def test_every_response_carries_the_security_headers(live: Live, path: str) -> None:
    with live.client(live.key) as client:
        response = client.get(path)
    assert response.status_code == 200
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert "camera=()" in response.headers["permissions-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "strict-transport-security" not in response.headers  # plain http


def test_the_ui_keeps_its_stricter_policy(live: Live) -> None:
    policy = httpx.get(f"{live.url}/search").headers["content-security-policy"]
    assert policy.startswith("default-src 'none'; style-src 'unsafe-inline'")


@pytest.fixture(scope="module")
def behind_proxy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    """The app served as if 127.0.0.1 were the operator's TLS-terminating proxy."""
    data = tmp_path_factory.mktemp("proxied") / "data"
    with start_live(data, web={"trusted_proxies": ["127.0.0.1"]}) as running:
        yield running


@pytest.mark.parametrize("path", ["/healthz", "/api/v1/search?q=solaris", "/search"])
def test_hsts_is_sent_over_https_behind_a_trusted_proxy(behind_proxy: Live, path: str) -> None:
    with behind_proxy.client(behind_proxy.key, **{"X-Forwarded-Proto": "https"}) as client:
        response = client.get(path)
    assert response.headers["strict-transport-security"] == "max-age=31536000"
    with behind_proxy.client(behind_proxy.key) as client:
        assert "strict-transport-security" not in client.get(path).headers


def test_no_hsts_when_an_untrusted_peer_claims_https(live: Live) -> None:
    with live.client(live.key, **{"X-Forwarded-Proto": "https"}) as client:
        assert "strict-transport-security" not in client.get("/healthz").headers


def self_signed(directory: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, made here (no file of the tree)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = directory / "cert.pem", directory / "key.pem"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


def test_hsts_is_sent_when_served_over_https_directly(live: Live, tmp_path: Path) -> None:
    """uvicorn itself speaks TLS (no proxy, no forwarded header): the scope is https."""
    cert_file, key_file = self_signed(tmp_path)
    config = server_config(create_app(live.settings), live.settings, "127.0.0.1", 0)
    config.ssl_certfile, config.ssl_keyfile = str(cert_file), str(key_file)
    server = uvicorn.Server(config)
    # Bound before the server starts: a client's connection waits in the backlog.
    listener = socket.create_server(("127.0.0.1", 0))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    tls = ssl.create_default_context(cafile=str(cert_file))
    url = f"https://127.0.0.1:{listener.getsockname()[1]}"
    try:
        with httpx.Client(base_url=url, verify=tls, timeout=20) as client:
            for path in ("/healthz", "/search"):
                response = client.get(path, headers={"X-API-Key": live.key})
                assert response.status_code == 200
                assert response.headers["strict-transport-security"] == "max-age=31536000"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        listener.close()


# -- document URLs --------------------------------------------------------------------


def test_the_api_never_hands_out_a_stored_javascript_url(live: Live) -> None:
    poisoned = doc(77, "Lien piégé Solaris", "Solaris et un lien piégé.", age=1)
    poisoned.url = "javascript:alert(document.cookie)"
    index = open_index(live.settings)
    try:
        index.index([poisoned])
    finally:
        index.close()
    with live.client(live.key) as client:
        hits = client.get("/api/v1/search", params={"q": "piégé"}).json()["hits"]
        one = client.get("/api/v1/documents/d77").json()
    assert [h["id"] for h in hits] == ["d77"] and hits[0]["url"] is None
    assert one["url"] is None
    assert "javascript" not in str(hits) + str(one)
