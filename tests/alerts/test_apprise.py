"""Apprise channel, through a json:// URL to a real local receiver (127.0.0.1 only)."""

from __future__ import annotations

from pathlib import Path

import pytest

from myrtille.alerts.channels.apprise import AppriseChannel, clean, message
from myrtille.alerts.delivery import (
    Alert,
    Destination,
    PermanentDeliveryError,
    TransientDeliveryError,
)
from myrtille.demo.httpserver import Route
from tests.alerts.test_webhook import LOCAL, PostServer, alert, settings


def apprise_alert(url: str | None) -> Alert:
    value = alert(None)
    value.channel = "apprise"
    value.document.title = "Aérovolt\r\nlève\x1b[31m 12 millions\x00"
    value.document.summary = "Une levée de fonds. " * 60
    value.destination = Destination("apprise", url)
    return value


def json_url(port: int, path: str) -> str:
    return f"json://127.0.0.1:{port}{path}"


def test_json_notification_reaches_the_receiver(tmp_path: Path) -> None:
    with PostServer({"/notify": Route(b"{}", status=200, conditional=False)}) as server:
        AppriseChannel(settings(tmp_path, LOCAL)).send(
            apprise_alert(json_url(server.port, "/notify"))
        )
    (delivery,) = server.deliveries
    assert delivery.path == "/notify"
    posted = delivery.json
    assert posted["title"] == "Aérovolt lève [31m 12 millions"
    body = posted["message"]
    assert body.startswith("eco — 2026-11-28\n")
    assert body.rstrip().endswith("https://a.example/1")
    summary = body.split("\n")[2]
    assert len(summary) <= 500 and summary.endswith("…")


def test_a_failing_receiver_is_transient(tmp_path: Path) -> None:
    with PostServer({"/notify": Route(b"oops", status=500, conditional=False)}) as server:
        with pytest.raises(TransientDeliveryError, match="Apprise could not notify"):
            AppriseChannel(settings(tmp_path, LOCAL)).send(
                apprise_alert(json_url(server.port, "/notify"))
            )
        assert server.hits["/notify"] >= 1


def test_http_kinds_go_through_the_private_address_guard(tmp_path: Path) -> None:
    with PostServer({"/notify": Route(b"{}", status=200, conditional=False)}) as server:
        channel = AppriseChannel(settings(tmp_path))
        for url in (
            json_url(server.port, "/notify"),
            f"form://localhost:{server.port}/notify",
            "xmls://10.0.0.1/notify",
            "json://169.254.169.254/latest",
            "json://[::1]:8080/x",
        ):
            with pytest.raises(PermanentDeliveryError, match="refused destination") as caught:
                channel.send(apprise_alert(url))
            assert caught.value.effect == "disable_channel"
        assert server.hits["/notify"] == 0


def test_missing_or_unusable_urls_disable_the_channel(tmp_path: Path) -> None:
    channel = AppriseChannel(settings(tmp_path, LOCAL))
    for url in (None, "pigeon://nowhere"):
        with pytest.raises(PermanentDeliveryError) as caught:
            channel.send(apprise_alert(url))
        assert caught.value.effect == "disable_channel"


def test_titles_lose_control_characters() -> None:
    assert clean("a\tb\u2028c\u200bd\x7f") == "a b c d"
    title, body = message(apprise_alert(None))
    assert "\r" not in title and "\x1b" not in title and "\x00" not in title
    assert "\x1b" not in body
