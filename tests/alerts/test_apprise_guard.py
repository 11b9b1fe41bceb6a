"""The Apprise channel cannot reach the inside of the network, whatever the schema: a
real canary server counts every TCP connection it accepts, and answers 200 to any HTTP
request (so a connection that got through would be recorded as "sent")."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select, update

from myrtille.alerts.channels.apprise import AppriseChannel
from myrtille.alerts.delivery import PermanentDeliveryError
from myrtille.alerts.dispatcher import Dispatcher
from myrtille.alerts.subscriptions import SubscriptionError, create_subscription
from myrtille.cli import main
from myrtille.config.delivery import APPRISE_SCHEMAS, AppriseSettings, WebhookSettings
from myrtille.config.settings import Settings
from myrtille.demo.httpserver import Route
from myrtille.enrichment.enricher import Enricher
from myrtille.index.resolver import CodeResolver
from myrtille.store.database import Database
from myrtille.store.subscriptions import Subscription, SubscriptionDestination
from tests.alerts.test_apprise import apprise_alert
from tests.alerts.test_delivery import World
from tests.alerts.test_email import Recorder, smtp_server
from tests.alerts.test_webhook import PostServer

SECRET = b"a test secret that is long enough"


class Canary:
    """A TCP server on ``host`` that counts accepted connections and answers any HTTP
    request with 200 and ``{}``."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.sock = socket.socket(family, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((host, 0))
        self.sock.listen(64)
        self.port: int = self.sock.getsockname()[1]
        self.connections = 0
        self._lock = threading.Lock()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with self._lock:
                self.connections += 1
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    @staticmethod
    def _answer(conn: socket.socket) -> None:
        with conn, contextlib.suppress(OSError):
            conn.settimeout(5)
            conn.recv(65536)
            conn.sendall(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                b"Content-Length: 2\r\nConnection: close\r\n\r\n{}"
            )

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def canary() -> Iterator[Canary]:
    server = Canary()
    yield server
    server.close()


@pytest.fixture
def canary6() -> Iterator[Canary]:
    try:
        server = Canary("::1")
    except OSError:
        pytest.skip("no IPv6 loopback on this machine")
    yield server
    server.close()


def settings(tmp_path: Path, allow: list[str] | None = None) -> Settings:
    return Settings(
        data_dir=tmp_path,
        webhooks=WebhookSettings(timeout="3s", allow_private=allow or []),
    )


def internal_urls(port: int) -> list[str]:
    """Apprise URLs whose host is the canary, in as many spellings as we know."""
    return [
        f"ntfy://127.0.0.1:{port}/alerts",
        f"ntfy://localhost:{port}/alerts",
        f"ntfys://127.0.0.1:{port}/alerts",
        f"gotify://127.0.0.1:{port}/AbCdEfGhIjKlMnO",
        f"apprise://127.0.0.1:{port}/myrtille",
        f"mmost://127.0.0.1:{port}/abcdefghijklmnopqrstuvwxyz",
        f"matrix://user:pass@127.0.0.1:{port}/#room",
        f"rocket://user:pass@127.0.0.1:{port}/#general",
        f"json://2130706433:{port}/hook",  # decimal IPv4
        f"json://0x7f000001:{port}/hook",  # hex IPv4
        f"xml://0.0.0.0:{port}/hook",  # unspecified, reaches local listeners
        f"form://[::ffff:7f00:1]:{port}/hook",  # IPv4-mapped IPv6
        f"json://localhost.:{port}/hook",  # trailing dot
    ]


def test_internal_hosts_are_never_connected_whatever_the_schema(
    tmp_path: Path, canary: Canary, canary6: Canary
) -> None:
    channel = AppriseChannel(settings(tmp_path))
    urls = [*internal_urls(canary.port), f"json://[::1]:{canary6.port}/hook"]
    for url in urls:
        with pytest.raises(PermanentDeliveryError, match="refused destination") as caught:
            channel.send(apprise_alert(url))
        assert caught.value.effect == "disable_channel", url
        assert "webhooks.allow_private" in str(caught.value), url
    assert (canary.connections, canary6.connections) == (0, 0)


def test_allow_private_opens_a_host_for_apprise_too(tmp_path: Path, canary: Canary) -> None:
    channel = AppriseChannel(settings(tmp_path, ["127.0.0.1"]))
    channel.send(apprise_alert(f"ntfy://127.0.0.1:{canary.port}/alerts"))
    assert canary.connections == 1


def test_a_redirect_from_an_allowed_host_is_not_followed(tmp_path: Path, canary: Canary) -> None:
    with PostServer() as allowed:
        allowed.routes["/notify"] = Route(
            b"",
            status=302,
            headers={"Location": f"http://127.0.0.1:{canary.port}/stolen"},
            conditional=False,
        )
        channel = AppriseChannel(settings(tmp_path, ["localhost"]))
        with pytest.raises(PermanentDeliveryError, match=r"302 .*redirects are not followed"):
            channel.send(apprise_alert(f"json://localhost:{allowed.port}/notify"))
        assert allowed.hits["/notify"] == 1
    assert canary.connections == 0


def test_a_schema_outside_the_setting_is_refused_with_the_allowed_list(tmp_path: Path) -> None:
    narrow = Settings(data_dir=tmp_path, apprise=AppriseSettings(schemas=["ntfys", "slack"]))
    with pytest.raises(PermanentDeliveryError) as caught:
        AppriseChannel(narrow).send(apprise_alert("ntfy://ntfy.example/alerts"))
    assert "ntfy:// is not allowed; allowed schemas: ntfys, slack" in str(caught.value)
    assert caught.value.effect == "disable_channel"


def test_default_schemas_are_chat_services_over_http() -> None:
    defaults = AppriseSettings().schemas
    assert {"slack", "discord", "tgram", "ntfys", "mmosts", "matrixs"} <= set(defaults)
    # Apprise kinds that speak SMTP, MQTT, XMPP, syslog or run local programs: not by default.
    assert not {"mailto", "mailtos", "mqtt", "xmpp", "syslog", "windows", "dbus"} & set(defaults)
    assert list(defaults) == list(APPRISE_SCHEMAS)


def subscribe(database: Database, apprise_url: str, current: Settings) -> object:
    return create_subscription(
        database,
        SECRET,
        email="pme@exemple.fr",
        query="sector:energy",
        addresses={"apprise": apprise_url},
        resolver=CodeResolver(),
        settings=current,
    )


def test_subscription_time_refuses_internal_hosts_and_other_schemas(
    tmp_path: Path, database: Database, canary: Canary
) -> None:
    current = settings(tmp_path)
    for url in internal_urls(canary.port):
        with pytest.raises(SubscriptionError, match="refused destination"):
            subscribe(database, url, current)
    with pytest.raises(
        SubscriptionError, match=r"mailto:// is not allowed; allowed schemas: .*ntfy"
    ):
        subscribe(database, "mailto://user:pass@mail.example", current)
    # Hosts of public services, and names that do not resolve here, are judged at send time.
    subscribe(database, "ntfys://ntfy.invalid/alerts", current)
    subscribe(database, "tgram://123456789:abcdefghijklmnopqrstuvwxyz/12345", current)
    assert canary.connections == 0


def test_the_cli_refuses_an_internal_apprise_url(tmp_path: Path, canary: Canary) -> None:
    config = tmp_path / "myrtille.yaml"
    config.write_text(f"data_dir: {tmp_path / 'data'}\nsecret_key: {SECRET.decode()}\n")
    result = CliRunner().invoke(
        main,
        [
            "--config",
            str(config),
            "subscribe",
            "--email",
            "pme@exemple.fr",
            "--query",
            "sector:energy",
            "--apprise",
            f"gotify://localhost:{canary.port}/AbCdEfGhIjKlMnO",
        ],
    )
    assert result.exit_code == 2, result.output
    assert "Cannot subscribe: " in result.output and "refused destination" in result.output
    assert canary.connections == 0


def test_a_stored_internal_url_fails_its_delivery_with_the_reason(
    tmp_path: Path, enricher: Enricher, canary: Canary
) -> None:
    with smtp_server(Recorder()) as port:
        world = World(tmp_path, port, enricher)
        created = world.subscribe(
            email="pme@exemple.fr",
            query="aerovolt",
            channels=["apprise"],
            addresses={"apprise": "ntfys://ntfy.invalid/alerts"},
        )
        # A subscription stored before the guard existed (or by another path).
        with world.database.session() as session:
            session.execute(
                update(SubscriptionDestination)
                .where(SubscriptionDestination.subscription_id == created.subscription_id)
                .values(address=f"ntfy://127.0.0.1:{canary.port}/alerts")
            )
        world.publish("Aérovolt lève 12 millions")
        dispatcher = Dispatcher(
            world.settings,
            world.database,
            world.index,
            {
                "apprise": AppriseChannel(
                    world.settings.model_copy(update={"webhooks": WebhookSettings()})
                )
            },
            clock=lambda: datetime.now(UTC) + timedelta(),
        )
        report = dispatcher.run()
    assert (report.sent, report.failed) == (0, 1)
    [row] = world.rows()
    assert row.status == "failed"
    assert "refused destination" in (row.last_error or "")
    assert "127.0.0.1 resolves to 127.0.0.1, a loopback address" in (row.last_error or "")
    with world.database.session() as session:
        subscription = session.scalar(select(Subscription))
        assert subscription is not None and "apprise" not in subscription.channels
    assert canary.connections == 0
