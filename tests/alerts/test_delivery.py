"""Delivery end to end with real servers: a processed document becomes one email in a
real SMTP server (aiosmtpd) and one signed webhook call; faults are retried without
duplicates; digests are sent once per slot and cover every pending match."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from myrtille.alerts.channels.email import EmailChannel
from myrtille.alerts.channels.webhook import WebhookChannel
from myrtille.alerts.digests import DigestBuilder
from myrtille.alerts.dispatcher import STALE_SENDING, Dispatcher, DispatchReport
from myrtille.alerts.subscriptions import create_subscription
from myrtille.config.loading import load_settings
from myrtille.config.settings import Settings
from myrtille.demo.httpserver import Route
from myrtille.enrichment.enricher import Enricher
from myrtille.index.factory import open_index
from myrtille.index.resolver import CodeResolver
from myrtille.pipeline.document import CollectedDocument
from myrtille.pipeline.intake import Intake
from myrtille.service.processing import ProcessingStage
from myrtille.store.database import Database, open_database
from myrtille.store.subscriptions import OutboxItem, Subscriber, Subscription
from tests.alerts.test_email import Answer, Recorder, free_port, received, smtp_server
from tests.alerts.test_webhook import PostServer, verify_standard_webhook

SECRET = b"a test secret that is long enough"
STORY = (
    "La start-up toulousaine Aérovolt a levé 12 millions d'euros auprès de Bpifrance "
    "pour industrialiser son moteur électrique à Toulouse et recruter 40 ingénieurs."
)


class World:
    """Settings, state, index, a processing stage and the channels, for one test."""

    def __init__(self, tmp_path: Path, smtp_port: int, enricher: Enricher) -> None:
        self.settings: Settings = load_settings(
            None,
            env={},
            overrides={
                "data_dir": str(tmp_path),
                "secret_key": SECRET.decode(),
                "email": {
                    "smtp_host": "127.0.0.1",
                    "smtp_port": smtp_port,
                    "timeout": "3s",
                    "public_url": "https://veille.example",
                },
                "webhooks": {"allow_private": ["127.0.0.1"], "timeout": "2s"},
            },
        )
        self.database: Database = open_database(self.settings.state_url)
        self.index = open_index(self.settings)
        self.stage = ProcessingStage(self.settings, self.database, enricher, index=self.index)
        # The dispatcher's clock: real time, moved forward by tests to pass backoffs.
        self.offset = timedelta()
        self.dispatcher = Dispatcher(
            self.settings,
            self.database,
            self.index,
            {
                "email": EmailChannel(self.settings, SECRET),
                "webhook": WebhookChannel(self.settings),
            },
            clock=lambda: datetime.now(UTC) + self.offset,
        )
        self.count = 0

    def subscribe(self, **options: Any) -> Any:
        return create_subscription(
            self.database,
            SECRET,
            confirmed_by_operator=True,
            resolver=CodeResolver(),
            settings=self.settings,  # its webhooks.allow_private opens the local receivers
            **options,
        )

    def publish(self, title: str, text: str = STORY, source: str = "eco") -> None:
        self.count += 1
        Intake(self.database).add(
            CollectedDocument(
                url=f"https://{source}.example/{self.count}",
                source_id=source,
                title=title,
                text=f"{text} Article {self.count}.",
                language="fr",
                published_at=datetime(2026, 11, 20, 8, 0, tzinfo=UTC),
            )
        )
        self.stage.run()

    def rows(self) -> list[OutboxItem]:
        with self.database.session() as session:
            return list(session.scalars(select(OutboxItem).order_by(OutboxItem.id)))


def test_one_email_and_one_signed_webhook(tmp_path: Path, enricher: Enricher) -> None:
    recorder = Recorder()
    with smtp_server(recorder) as port, PostServer() as hooks:
        hooks.routes["/hook"] = Route(b"", status=204, conditional=False)
        world = World(tmp_path, port, enricher)
        created = world.subscribe(
            email="pme@exemple.fr",
            query="aerovolt event:fundraising",
            addresses={"webhook": hooks.url("/hook")},
        )
        world.publish("Aérovolt lève 12 millions\r\nBcc: victim@example.com")
        report = world.dispatcher.run()
        assert (report.sent, report.failed) == (2, 0)
        [envelope] = recorder.envelopes
        assert envelope.rcpt_tos == ["pme@exemple.fr"]
        message = received(envelope)
        assert "\n" not in message["Subject"] and "Bcc" not in message
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        [delivery] = hooks.deliveries
        assert verify_standard_webhook(created.webhook_secret, delivery.headers, delivery.body)
        assert delivery.json["data"]["document"]["title"].startswith("Aérovolt lève")
        # Nothing is sent twice, and the same story from elsewhere alerts nobody again.
        world.publish("Aérovolt boucle sa levée", source="hebdo")
        assert world.dispatcher.run().sent == 0
        assert len(recorder.envelopes) == 1 and len(hooks.deliveries) == 1
        assert [r["source"] for r in world.rows()[0].also_reported_by] == ["hebdo"]


def test_webhook_500_then_200_and_410(tmp_path: Path, enricher: Enricher) -> None:
    answers = [500, 200]
    with smtp_server(Recorder()) as port, PostServer() as hooks:
        hooks.routes["/flaky"] = lambda request, server: Route(
            b"", status=answers.pop(0) if answers else 200, conditional=False
        )
        hooks.routes["/gone"] = Route(b"", status=410, conditional=False)
        world = World(tmp_path, port, enricher)
        world.subscribe(
            email="a@exemple.fr",
            query="aerovolt",
            channels=["webhook"],
            addresses={"webhook": hooks.url("/flaky")},
        )
        gone = world.subscribe(
            email="b@exemple.fr",
            query="aerovolt",
            channels=["webhook"],
            addresses={"webhook": hooks.url("/gone")},
        )
        world.publish("Aérovolt lève 12 millions")
        first = world.dispatcher.run()
        assert (first.sent, first.retried, first.failed) == (0, 1, 1)
        assert world.dispatcher.run().sent == 0  # not due yet: backoff
        world.offset += timedelta(minutes=5)
        assert world.dispatcher.run().sent == 1
        flaky = [d for d in hooks.deliveries if d.path == "/flaky"]
        assert len(flaky) == 2 and flaky[0].headers["webhook-id"] == flaky[1].headers["webhook-id"]
        with world.database.session() as session:
            assert "webhook" not in session.get(Subscription, gone.subscription_id).channels


def test_smtp_down_then_up_delivers_once(tmp_path: Path, enricher: Enricher) -> None:
    port = free_port()  # nothing listens yet
    world = World(tmp_path, port, enricher)
    world.subscribe(email="pme@exemple.fr", query="aerovolt")
    world.publish("Aérovolt lève 12 millions")
    report = world.dispatcher.run()
    assert (report.sent, report.retried) == (0, 1)
    recorder = Recorder()
    from aiosmtpd.controller import Controller

    controller = Controller(recorder, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        world.offset += timedelta(minutes=5)
        assert world.dispatcher.run().sent == 1
        world.offset += timedelta(hours=1)
        assert world.dispatcher.run().sent == 0
        assert len(recorder.envelopes) == 1
    finally:
        controller.stop()


def test_a_hard_bounce_pauses_the_subscriber(tmp_path: Path, enricher: Enricher) -> None:
    with smtp_server(Answer("rcpt", "550 5.1.1 no such user")) as port:
        world = World(tmp_path, port, enricher)
        world.subscribe(email="parti@exemple.fr", query="aerovolt")
        world.publish("Aérovolt lève 12 millions")
        assert world.dispatcher.run().failed == 1
        with world.database.session() as session:
            subscriber = session.scalar(select(Subscriber))
            assert subscriber is not None and subscriber.paused
            assert "hard bounce" in (subscriber.paused_reason or "")


def test_digests_once_per_slot_covering_the_gap(tmp_path: Path, enricher: Enricher) -> None:
    recorder = Recorder()
    with smtp_server(recorder) as port:
        world = World(tmp_path, port, enricher)
        world.subscribe(email="pme@exemple.fr", query="aerovolt", frequency="daily")
        world.subscribe(email="pme@exemple.fr", query="toulouse", frequency="daily")
        world.publish("Aérovolt lève 12 millions")
        world.publish(
            "Toulouse : un salon de l'aéronautique",
            text="Le salon de Toulouse réunit les sous-traitants de la région.",
        )
        assert world.dispatcher.run().sent == 0  # daily email waits for the digest
        email = EmailChannel(world.settings, SECRET)
        builder = DigestBuilder(world.settings, world.database, world.index, email.send_digest)
        day = datetime(2026, 11, 28, 7, 0, tzinfo=UTC)  # 08:00 in Paris, after 07:30
        report = builder.run("daily", now=day)
        assert (report.sent, report.items) == (1, 3)
        [envelope] = recorder.envelopes
        text = received(envelope).get_body(("plain",)).get_content()
        assert "aerovolt" in text and "toulouse" in text
        assert builder.run("daily", now=day + timedelta(hours=3)).sent == 0  # same slot
        # Three days of downtime: the next digest covers everything new, once.
        with world.database.session() as session:
            session.execute(update(OutboxItem).values(status="sent"))
        world.publish(
            "Aérovolt ouvre un site à Colomiers",
            text="Le motoriste Aérovolt inaugure un atelier de 3 000 mètres carrés "
            "à Colomiers, près de Toulouse, pour assembler ses moteurs.",
        )
        later = builder.run("daily", now=day + timedelta(days=3))
        assert later.sent == 1 and len(recorder.envelopes) == 2
        assert builder.run("daily", now=day + timedelta(days=3, hours=1)).sent == 0


def test_rows_given_back_from_a_stalled_dispatcher_are_sent_by_the_new_owner_only(
    tmp_path: Path, enricher: Enricher
) -> None:
    recorder = Recorder()
    with smtp_server(recorder) as port:
        world = World(tmp_path, port, enricher)
        world.subscribe(email="pme@exemple.fr", query="aerovolt")
        world.publish("Aérovolt lève 12 millions")
        stalled = world.dispatcher
        # The first dispatcher claims the row, then stalls (a slow SMTP server, a pause)
        # for longer than STALE_SENDING before it gets to that row.
        rows, claimed_at = stalled._claim(10)
        assert len(rows) == 1
        world.offset = STALE_SENDING + timedelta(minutes=1)
        later = world.dispatcher.clock
        other = Dispatcher(
            world.settings,
            world.database,
            world.index,
            {"email": EmailChannel(world.settings, SECRET)},
            clock=later,
        )
        other._release_stale()
        taken, other_claimed_at = other._claim(10)  # given back, claimed again, not yet sent
        assert taken == rows
        first = DispatchReport()
        for row_id in rows:
            stalled._deliver(row_id, claimed_at, first)
        assert first.sent == 0  # no longer its row: the new owner sends it
        second = DispatchReport()
        for row_id in taken:
            other._deliver(row_id, other_claimed_at, second)
        assert second.sent == 1
        assert len(recorder.envelopes) == 1
        [row] = world.rows()
        assert row.status == "sent" and row.attempts == 1
