"""Webhook channel: Standard Webhooks signatures checked by an independent receiver, the
private-address guard, and what each receiver answer means. Real local servers only:
no traffic leaves 127.0.0.1 (refused destinations are refused before connecting)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest

from myrtille.alerts.channels.webhook import WebhookChannel
from myrtille.alerts.delivery import (
    Alert,
    AlertDocument,
    Destination,
    PermanentDeliveryError,
    TransientDeliveryError,
)
from myrtille.alerts.netguard import resolve_destination
from myrtille.config.delivery import WebhookSettings
from myrtille.config.settings import Settings
from myrtille.demo.httpserver import Request, Route, RouteServer

# A receiver's copy of the subscription secret (what create_subscription hands out).
WHSEC = "whsec_" + base64.b64encode(b"0123456789abcdef01234567").decode()


@dataclass
class Delivery:
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body)


class PostServer(RouteServer):
    """A RouteServer that also answers POST, recording each request body; handlers read
    the body of the request they answer with ``server.body()``."""

    def __init__(self, routes: dict[str, Any] | None = None) -> None:
        super().__init__(routes)
        self.deliveries: list[Delivery] = []
        self._current = threading.local()
        server = self
        base = self.httpd.RequestHandlerClass

        class _PostHandler(base):  # type: ignore[misc,valid-type]
            def do_POST(self: BaseHTTPRequestHandler) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length)
                headers = {k.lower(): v for k, v in self.headers.items()}
                with server._lock:
                    server.deliveries.append(Delivery(self.path, headers, body))
                server._current.body = body
                server._answer(self)

        self.httpd.RequestHandlerClass = _PostHandler

    def body(self) -> bytes:
        return getattr(self._current, "body", b"")


def verify_standard_webhook(secret: str, headers: dict[str, str], body: bytes) -> bool:
    """The receiver side of https://www.standardwebhooks.com, written from the spec and
    sharing no code with the channel."""
    msg_id = headers.get("webhook-id", "")
    stamp = headers.get("webhook-timestamp", "")
    if not msg_id or not stamp.isdigit() or abs(time.time() - int(stamp)) > 300:
        return False
    key = base64.b64decode(secret.removeprefix("whsec_"))
    content = msg_id.encode() + b"." + stamp.encode() + b"." + body
    expected = base64.b64encode(hmac.new(key, content, hashlib.sha256).digest()).decode()
    for candidate in headers.get("webhook-signature", "").split(" "):
        version, _, signature = candidate.partition(",")
        if version == "v1" and hmac.compare_digest(signature, expected):
            return True
    return False


def verifying(secret: str = WHSEC, status: int = 200):  # type: ignore[no-untyped-def]
    def handler(request: Request, server: RouteServer) -> Route:
        assert isinstance(server, PostServer)
        if not verify_standard_webhook(secret, request.headers, server.body()):
            return Route(b"bad signature", status=401, conditional=False)
        return Route(b"", status=status, conditional=False)

    return handler


def settings(tmp_path: Path, allow: list[str] | None = None, timeout: float = 5) -> Settings:
    return Settings(
        data_dir=tmp_path,
        webhooks=WebhookSettings(timeout=f"{timeout}s", allow_private=allow or []),
    )


def alert(url: str | None, secret: str | None = WHSEC, outbox_id: int = 42) -> Alert:
    value = Alert(
        outbox_id=outbox_id,
        channel="webhook",
        subscription_id=7,
        subscription_name="Levées en Occitanie",
        query="event:fundraising region:occitanie",
        subscriber_id=3,
        subscriber_email="pme@exemple.fr",
        language="fr",
        document=AlertDocument(
            id="d1",
            title="Aérovolt lève 12 millions",
            url="https://a.example/1",
            source="eco",
            published_at=datetime(2026, 11, 28, 9, 30, tzinfo=UTC),
            summary="La start-up toulousaine Aérovolt a levé 12 millions d'euros.",
            companies=[{"name": "Aérovolt", "siren": "123456789"}],
            sectors=["energy"],
            events=[{"type": "fundraising", "amount": 12000000}],
            regions=["occitanie"],
        ),
        also_reported_by=[{"source": "hebdo", "url": "https://b.example/2"}],
        destination=Destination("webhook", url, secret),
    )
    return value


LOCAL = ["127.0.0.1"]


def test_signed_delivery_is_verified_by_an_independent_receiver(tmp_path: Path) -> None:
    with PostServer({"/hook": verifying()}) as server:
        channel = WebhookChannel(settings(tmp_path, LOCAL))
        channel.send(alert(server.url("/hook")))
        channel.close()
    (delivery,) = server.deliveries
    assert verify_standard_webhook(WHSEC, delivery.headers, delivery.body)
    assert delivery.headers["webhook-id"] == "msg_42"
    assert delivery.headers["content-type"] == "application/json"
    assert delivery.headers["user-agent"].startswith("Myrtille")
    assert delivery.headers["host"] == f"127.0.0.1:{server.port}"
    body = delivery.json
    assert body["type"] == "myrtille.alert" and body["timestamp"].endswith("Z")
    data = body["data"]
    assert data["subscription"] == {
        "id": 7,
        "name": "Levées en Occitanie",
        "query": "event:fundraising region:occitanie",
    }
    assert data["document"]["title"] == "Aérovolt lève 12 millions"
    assert data["document"]["published_at"] == "2026-11-28T09:30:00+00:00"
    assert data["document"]["companies"][0]["siren"] == "123456789"
    assert data["document"]["events"][0]["type"] == "fundraising"
    assert data["also_reported_by"][0]["source"] == "hebdo"


def test_a_wrong_secret_is_rejected_by_the_receiver(tmp_path: Path) -> None:
    other = "whsec_" + base64.b64encode(b"another key, 24 bytes!!!").decode()
    with (
        PostServer({"/hook": verifying(secret=other)}) as server,
        pytest.raises(PermanentDeliveryError, match="401") as caught,
    ):
        WebhookChannel(settings(tmp_path, LOCAL)).send(alert(server.url("/hook")))
    assert caught.value.effect == "none"


def test_missing_url_or_secret_disables_the_channel(tmp_path: Path) -> None:
    channel = WebhookChannel(settings(tmp_path, LOCAL))
    for broken in (
        alert(None),
        alert("http://127.0.0.1:9/x", secret=None),
        alert("http://127.0.0.1:9/x", secret="whsec_not base64!"),
    ):
        with pytest.raises(PermanentDeliveryError) as caught:
            channel.send(broken)
        assert caught.value.effect == "disable_channel"


def test_loopback_needs_allow_private(tmp_path: Path) -> None:
    with PostServer({"/hook": verifying()}) as server:
        with pytest.raises(PermanentDeliveryError, match="loopback") as caught:
            WebhookChannel(settings(tmp_path)).send(alert(server.url("/hook")))
        assert caught.value.effect == "disable_channel"
        assert server.hits["/hook"] == 0  # refused before connecting
        for allowed in (["127.0.0.1"], ["127.0.0.0/8"], ["localhost"]):
            WebhookChannel(settings(tmp_path, allowed)).send(
                alert(
                    f"http://localhost:{server.port}/hook"
                    if allowed == ["localhost"]
                    else server.url("/hook")
                )
            )
        assert server.hits["/hook"] == 3


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1/", "loopback"),
        ("http://10.0.0.1/", "private"),
        ("http://192.168.1.10:8080/", "private"),
        ("http://100.64.1.1/", "CGNAT"),
        ("http://169.254.169.254/latest/meta-data/", "metadata"),
        ("http://169.254.10.1/", "link-local"),
        ("http://[::1]/", "loopback"),
        ("http://[fe80::1]/", "link-local"),
        ("http://[fd12::1]/", "private"),
        ("http://[fd00:ec2::254]/", "metadata"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://224.0.0.1/", "multicast"),
        ("http://240.0.0.1/", "reserved"),
        ("http://localhost:8080/", "loopback"),
        ("ftp://example.com/", "only http"),
        ("file:///etc/passwd", "only http"),
        ("http:///nohost", "no host"),
    ],
)
def test_private_and_odd_destinations_are_refused(url: str, reason: str) -> None:
    with pytest.raises(PermanentDeliveryError, match=reason) as caught:
        resolve_destination(url, [])
    assert caught.value.effect == "disable_channel"


def test_allow_private_opens_hosts_and_networks_but_metadata_only_exactly() -> None:
    resolve_destination("http://10.1.2.3/", ["10.0.0.0/8"])
    resolve_destination("http://[fd12::1]:8443/", ["fd12::/16"])
    resolve_destination("http://localhost/", ["LOCALHOST"])
    with pytest.raises(PermanentDeliveryError, match="private"):
        resolve_destination("http://10.1.2.3/", ["10.9.0.0/16"])
    with pytest.raises(PermanentDeliveryError, match="metadata"):
        resolve_destination("http://169.254.169.254/", ["169.254.0.0/16"])
    resolve_destination("http://169.254.169.254/", ["169.254.169.254"])


def test_500_is_retried_with_the_same_webhook_id(tmp_path: Path) -> None:
    answers = iter([500, 200])

    def flaky(request: Request, server: RouteServer) -> Route:
        assert isinstance(server, PostServer)
        if not verify_standard_webhook(WHSEC, request.headers, server.body()):
            return Route(b"bad signature", status=401, conditional=False)
        return Route(b"", status=next(answers), conditional=False)

    with PostServer({"/hook": flaky}) as server:
        channel = WebhookChannel(settings(tmp_path, LOCAL))
        with pytest.raises(TransientDeliveryError, match=r"127\.0\.0\.1 answered 500"):
            channel.send(alert(server.url("/hook")))
        channel.send(alert(server.url("/hook")))
    first, second = server.deliveries
    assert first.headers["webhook-id"] == second.headers["webhook-id"] == "msg_42"


@pytest.mark.parametrize("status", [408, 409, 425, 429, 502, 503])
def test_retryable_statuses_are_transient(tmp_path: Path, status: int) -> None:
    with (
        PostServer({"/hook": verifying(status=status)}) as server,
        pytest.raises(TransientDeliveryError, match=str(status)),
    ):
        WebhookChannel(settings(tmp_path, LOCAL)).send(alert(server.url("/hook")))


def test_410_disables_the_channel_and_other_4xx_are_permanent(tmp_path: Path) -> None:
    with PostServer({"/gone": verifying(status=410), "/bad": verifying(status=400)}) as server:
        channel = WebhookChannel(settings(tmp_path, LOCAL))
        with pytest.raises(PermanentDeliveryError, match="410") as gone:
            channel.send(alert(server.url("/gone")))
        with pytest.raises(PermanentDeliveryError, match="400") as bad:
            channel.send(alert(server.url("/bad")))
    assert gone.value.effect == "disable_channel"
    assert bad.value.effect == "none"


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_redirects_are_not_followed(tmp_path: Path, status: int) -> None:
    with PostServer({"/target": verifying()}) as server:
        server.routes["/hook"] = Route(
            b"", status=status, headers={"Location": server.url("/target")}, conditional=False
        )
        with pytest.raises(PermanentDeliveryError, match="redirects are not followed"):
            WebhookChannel(settings(tmp_path, LOCAL)).send(alert(server.url("/hook")))
        assert server.hits["/hook"] == 1
        assert server.hits["/target"] == 0


def test_a_slow_receiver_times_out_as_transient(tmp_path: Path) -> None:
    answered = threading.Event()

    def slow(request: Request, server: RouteServer) -> Route:
        time.sleep(2.5)
        answered.set()
        return Route(b"", conditional=False)

    with PostServer({"/hook": slow}) as server:
        with pytest.raises(TransientDeliveryError, match=r"127\.0\.0\.1.*timed out"):
            WebhookChannel(settings(tmp_path, LOCAL, timeout=1)).send(alert(server.url("/hook")))
        # The send gave up on its own timeout, before the receiver ever answered.
        assert not answered.is_set()


def test_a_closed_port_is_transient(tmp_path: Path) -> None:
    server = PostServer()
    port = server.port
    server.httpd.server_close()  # bound then closed: nothing listens there now
    with pytest.raises(TransientDeliveryError, match="cannot connect"):
        WebhookChannel(settings(tmp_path, LOCAL)).send(alert(f"http://127.0.0.1:{port}/h"))
