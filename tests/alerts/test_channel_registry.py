"""The channel registry is the one list of channels: a channel registered as one class is
offered by the command line, accepted by subscriptions, queued by the matcher and sent by
the dispatcher; one whose settings switch it off is left out, its rows waiting."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from myrtille.alerts.channels import CHANNELS
from myrtille.alerts.channels.base import Channel
from myrtille.alerts.delivery import Alert, Destination
from myrtille.alerts.outbox import record_matches
from myrtille.alerts.subscriptions import load_matcher
from myrtille.cli import main
from myrtille.config.loading import load_settings
from myrtille.config.settings import Settings
from myrtille.demo.httpserver import Route
from myrtille.exceptions import NotConfigured
from myrtille.index.base import IndexedDocument
from myrtille.store.database import open_database
from myrtille.store.subscriptions import OutboxItem, Subscription
from tests.alerts.test_webhook import PostServer

SECRET = "a test secret that is long enough"


class PigeonChannel(Channel):
    """A channel that keeps what it is given: what a test channel needs."""

    name = "pigeon"
    sent: ClassVar[list[tuple[int, Destination | None, str]]] = []

    def send(self, alert: Alert) -> None:
        self.sent.append((alert.outbox_id, alert.destination, alert.subscriber_email))


class CarrierChannel(Channel):
    """A channel whose settings switch it off."""

    name = "carrier"

    @classmethod
    def from_settings(cls, settings: Settings) -> CarrierChannel:
        raise NotConfigured("no carrier settings")

    def send(self, alert: Alert) -> None:
        raise AssertionError("never built, never sends")


@pytest.fixture
def registered() -> Iterator[None]:
    CHANNELS.register(PigeonChannel)
    CHANNELS.register(CarrierChannel)
    PigeonChannel.sent.clear()
    try:
        yield
    finally:
        CHANNELS.unregister("pigeon")
        CHANNELS.unregister("carrier")


def cli(config: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--config", str(config), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_registered_channel_is_used_by_subscriptions_dispatch_and_the_cli(
    tmp_path: Path, registered: None
) -> None:
    config = tmp_path / "myrtille.yaml"
    config.write_text(f"data_dir: {tmp_path / 'data'}\nsecret_key: {SECRET}\n")
    assert "pigeon" in cli(config, "subscribe", "--help")
    cli(
        config,
        "subscribe",
        "--email",
        "pme@exemple.fr",
        "--query",
        "aerovolt",
        "--channel",
        "pigeon",
        "--confirmed",
    )
    assert "pigeon" in cli(config, "subscriptions")

    settings = load_settings(config, env={})
    assert set(CHANNELS.build(settings)) == {"email", "webhook", "stream", "apprise", "pigeon"}
    database = open_database(settings.state_url)
    try:
        with database.session() as session:
            [subscription] = session.scalars(select(Subscription)).all()
            assert subscription.channels == ["pigeon"]
            document = IndexedDocument(
                id="d1",
                url="https://news.example/aerovolt",
                title="Aérovolt lève 12 millions",
                text="Aérovolt lève 12 millions d'euros.",
                source="eco",
            )
            assert record_matches(session, load_matcher(database), [document]).queued == 1
        with database.session() as session:
            [row] = session.scalars(select(OutboxItem)).all()
            assert row.channel == "pigeon"
    finally:
        database.dispose()

    assert "1 sent" in cli(config, "dispatch")
    assert "0 sent" in cli(config, "dispatch")
    assert PigeonChannel.sent == [(row.id, Destination("pigeon"), "pme@exemple.fr")]


def test_a_real_channel_switched_off_by_its_settings_leaves_its_rows_waiting(
    tmp_path: Path,
) -> None:
    """Apprise without schemas raises NotConfigured: left out of every build, its queued
    row is neither sent nor failed, and goes out once when the settings switch it on."""
    data = tmp_path / "data"
    with PostServer({"/notify": Route(b"{}", status=200, conditional=False)}) as receiver:
        on = tmp_path / "on.yaml"
        on.write_text(
            f"data_dir: {data}\nsecret_key: {SECRET}\nwebhooks:\n  allow_private: [127.0.0.1]\n"
        )
        off = tmp_path / "off.yaml"
        off.write_text(on.read_text() + "apprise:\n  schemas: []\n")
        cli(
            on,
            "subscribe",
            "--email",
            "pme@exemple.fr",
            "--query",
            "aerovolt",
            "--channel",
            "apprise",
            "--apprise",
            f"json://127.0.0.1:{receiver.port}/notify",
            "--confirmed",
        )
        assert "apprise" not in CHANNELS.build(load_settings(off, env={}))
        database = open_database(load_settings(on, env={}).state_url)
        try:
            with database.session() as session:
                document = IndexedDocument(
                    id="d1",
                    url="https://news.example/aerovolt",
                    title="Aérovolt lève 12 millions",
                    text="Aérovolt lève 12 millions d'euros.",
                    source="eco",
                )
                assert record_matches(session, load_matcher(database), [document]).queued == 1

            assert "0 sent, 0 to retry, 0 failed" in cli(off, "dispatch")
            assert receiver.deliveries == []
            with database.session() as session:
                [row] = session.scalars(select(OutboxItem)).all()
                assert (row.channel, row.status, row.attempts) == ("apprise", "pending", 0)

            assert "1 sent" in cli(on, "dispatch")
            assert "0 sent" in cli(on, "dispatch")
        finally:
            database.dispose()
    assert [d.path for d in receiver.deliveries] == ["/notify"]
