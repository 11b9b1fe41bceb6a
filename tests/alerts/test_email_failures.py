"""The email channel against real SMTP servers that fail (aiosmtpd on local ports, or a
bare socket): how every way a server can fail maps onto the delivery errors the dispatcher
acts on. The servers that answer are in test_email.py."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from aiosmtpd.smtp import SMTP, Envelope, Session

from myrtille.alerts.channels.email import EmailChannel
from myrtille.alerts.delivery import PermanentDeliveryError, TransientDeliveryError
from tests.alerts.test_email import Answer, free_port, make_alert, settings_for, smtp_server


class Slow:
    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        await asyncio.sleep(3)
        return "250 2.0.0 queued"


class Hangup:
    """Drops the connection instead of answering the message."""

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        assert server.transport is not None
        server.transport.close()
        return "250 2.0.0 never heard"


@contextmanager
def closing_server() -> Iterator[int]:
    """A raw TCP server that accepts each connection and closes it at once."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            connection.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield int(listener.getsockname()[1])
    finally:
        stop.set()
        thread.join(timeout=5)
        listener.close()


def test_a_hard_bounce_pauses_the_subscriber(tmp_path: Path) -> None:
    with smtp_server(Answer("rcpt", "550 5.1.1 No such user")) as port:
        channel = EmailChannel(settings_for(tmp_path / "data", port))
        with pytest.raises(PermanentDeliveryError) as error:
            channel.send(make_alert())
    assert error.value.effect == "pause_subscriber"
    assert "127.0.0.1" in str(error.value) and "550" in str(error.value)


@pytest.mark.parametrize(
    ("stage", "reply", "effect"),
    [
        ("data", "554 5.7.1 Message rejected as spam", "none"),
        ("data", "550 5.1.1 Mailbox unknown", "pause_subscriber"),
    ],
)
def test_a_refused_message_is_permanent(
    tmp_path: Path, stage: str, reply: str, effect: str
) -> None:
    with smtp_server(Answer(stage, reply)) as port:
        channel = EmailChannel(settings_for(tmp_path / "data", port))
        with pytest.raises(PermanentDeliveryError) as error:
            channel.send(make_alert())
    assert error.value.effect == effect


@pytest.mark.parametrize(
    ("stage", "reply"),
    [
        ("rcpt", "451 4.3.0 Try again later"),
        ("rcpt", "421 4.3.2 Service shutting down"),
        ("data", "451 4.7.1 Greylisted, come back later"),
    ],
)
def test_a_deferral_is_transient(tmp_path: Path, stage: str, reply: str) -> None:
    with smtp_server(Answer(stage, reply)) as port:
        channel = EmailChannel(settings_for(tmp_path / "data", port))
        with pytest.raises(TransientDeliveryError) as error:
            channel.send(make_alert())
    assert f"127.0.0.1:{port}" in str(error.value)
    assert reply.split()[0] in str(error.value)


def test_a_server_that_does_not_answer_in_time_is_transient(tmp_path: Path) -> None:
    with smtp_server(Slow()) as port:
        channel = EmailChannel(settings_for(tmp_path / "data", port, timeout="1s"))
        with pytest.raises(TransientDeliveryError) as error:
            channel.send(make_alert())
    assert "did not answer within 1 s" in str(error.value)


def test_a_dropped_connection_is_transient(tmp_path: Path) -> None:
    with smtp_server(Hangup()) as port:
        channel = EmailChannel(settings_for(tmp_path / "data", port))
        with pytest.raises(TransientDeliveryError) as error:
            channel.send(make_alert())
    assert f"127.0.0.1:{port}" in str(error.value)


def test_a_server_that_closes_at_once_is_transient(tmp_path: Path) -> None:
    with closing_server() as port:
        channel = EmailChannel(settings_for(tmp_path / "data", port))
        with pytest.raises(TransientDeliveryError) as error:
            channel.send(make_alert())
    assert "closed the connection" in str(error.value)


def test_nothing_listening_is_transient(tmp_path: Path) -> None:
    port = free_port()
    channel = EmailChannel(settings_for(tmp_path / "data", port))
    with pytest.raises(TransientDeliveryError) as error:
        channel.send(make_alert())
    assert f"127.0.0.1:{port}" in str(error.value)
