"""Subscriptions: validation, double opt-in with signed links, and matches queued in the
outbox by the processing stage, once per story."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from myrtille.alerts.subscriptions import (
    SubscriptionError,
    confirm,
    create_subscription,
    end_subscription,
    load_matcher,
    normalise_email,
)
from myrtille.alerts.tokens import TokenError, sign, verify
from myrtille.cli import main
from myrtille.config.loading import load_settings
from myrtille.enrichment.enricher import Enricher
from myrtille.index.resolver import CodeResolver
from myrtille.pipeline.document import CollectedDocument
from myrtille.pipeline.intake import Intake
from myrtille.service.processing import ProcessingStage
from myrtille.store.database import Database, open_database
from myrtille.store.subscriptions import OutboxItem, Subscriber, Subscription

SECRET = b"a test secret that is long enough"
STORY = (
    "La start-up toulousaine Aérovolt a levé 12 millions d'euros auprès de Bpifrance "
    "pour industrialiser son moteur électrique à Toulouse et recruter 40 ingénieurs. "
    "Les fonds serviront aussi à un second site à Colomiers."
)


def test_tokens_are_signed_expire_and_have_a_purpose() -> None:
    token = sign(SECRET, "confirm", {"s": 7}, 60, now=1000)
    assert verify(SECRET, token, "confirm", now=1030)["s"] == 7
    with pytest.raises(TokenError, match="expired"):
        verify(SECRET, token, "confirm", now=2000)
    with pytest.raises(TokenError, match="meant for something else"):
        verify(SECRET, token, "unsubscribe", now=1030)
    body, mac = token.split(".")
    with pytest.raises(TokenError, match="not valid"):
        verify(SECRET, body[:-2] + "xx." + mac, "confirm", now=1030)
    with pytest.raises(TokenError, match="not valid"):
        verify(b"another secret entirely!!", token, "confirm", now=1030)
    with pytest.raises(TokenError):
        verify(SECRET, "garbage", "confirm")


@pytest.mark.parametrize(
    "address",
    [
        "pas une adresse",
        "a@b",
        "x@exemple.fr\r\nBcc: victim@example.com",
        "a@@b.fr",
        "<a@b.fr>",
        "a..b@exemple.fr",
        "a@exemple.fr, b@exemple.fr",
        "x" * 250 + "@ex.fr",
    ],
)
def test_invalid_addresses_are_refused(address: str) -> None:
    with pytest.raises(SubscriptionError, match="not a valid email address"):
        normalise_email(address)


def test_addresses_keep_their_local_part_and_lowercase_the_domain() -> None:
    assert (
        normalise_email("  Claire.Martin+veille@Exemple.FR ") == "Claire.Martin+veille@exemple.fr"
    )


def test_subscription_validation(database: Database) -> None:
    def make(**changes: object) -> None:
        options = {"email": "pme@exemple.fr", "query": "sector:energy", **changes}
        create_subscription(database, SECRET, resolver=CodeResolver(), **options)  # type: ignore[arg-type]

    with pytest.raises(SubscriptionError, match="invalid query: unbalanced quote"):
        make(query='"levée de fonds')
    with pytest.raises(SubscriptionError, match="is not a sector"):
        make(query="sector:banane")
    with pytest.raises(SubscriptionError, match="frequency must be"):
        make(frequency="hourly")
    with pytest.raises(SubscriptionError, match="needs --webhook"):
        make(channels=["webhook"])
    with pytest.raises(SubscriptionError, match="unknown channel"):
        make(channels=["pigeon"])


def test_double_opt_in(database: Database) -> None:
    created = create_subscription(
        database, SECRET, email="pme@exemple.fr", query="event:acquisition", resolver=CodeResolver()
    )
    assert created.active is False and created.confirm_token
    assert load_matcher(database, CodeResolver()).size == 0
    confirm(database, SECRET, created.confirm_token)
    assert load_matcher(database, CodeResolver()).size == 1
    with database.session() as session:
        subscriber = session.scalar(select(Subscriber))
        assert subscriber is not None and subscriber.consent == "link"
    operator = create_subscription(
        database,
        SECRET,
        email="liste@exemple.fr",
        query="sector:energy",
        confirmed_by_operator=True,
        resolver=CodeResolver(),
    )
    assert operator.active and operator.confirm_token is None


def test_processing_queues_each_story_once(tmp_path: Path, enricher: Enricher) -> None:
    settings = load_settings(None, env={}, overrides={"data_dir": str(tmp_path)})
    database = open_database(settings.state_url)
    stage = ProcessingStage(settings, database, enricher)
    confirmed = create_subscription(
        database,
        SECRET,
        email="a@exemple.fr",
        query="aerovolt event:fundraising",
        confirmed_by_operator=True,
        resolver=CodeResolver(),
        addresses={"webhook": "https://hooks.example/a"},
    )
    create_subscription(
        database, SECRET, email="b@exemple.fr", query="aerovolt", resolver=CodeResolver()
    )  # never confirmed: gets nothing
    intake = Intake(database)
    intake.add(
        CollectedDocument(
            url="https://a.example/1",
            source_id="eco",
            title="Aérovolt lève 12 millions",
            text=STORY,
            language="fr",
        )
    )
    report = stage.run()
    assert report.alerts_queued == 2  # email and webhook
    # The same story from another outlet: folded in, no new alert.
    intake.add(
        CollectedDocument(
            url="https://b.example/2",
            source_id="hebdo",
            title="Aérovolt boucle sa levée de fonds",
            text=STORY + " Selon nos informations.",
            language="fr",
        )
    )
    report = stage.run()
    assert (report.alerts_queued, report.alerts_folded) == (0, 2)
    with database.session() as session:
        rows = list(session.scalars(select(OutboxItem).order_by(OutboxItem.channel)))
    assert [(r.subscription_id, r.channel) for r in rows] == [
        (confirmed.subscription_id, "email"),
        (confirmed.subscription_id, "webhook"),
    ]
    assert [r["source"] for r in rows[0].also_reported_by] == ["hebdo"]
    # A subscription added now takes effect without a new stage.
    create_subscription(
        database,
        SECRET,
        email="c@exemple.fr",
        query="colomiers",
        confirmed_by_operator=True,
        resolver=CodeResolver(),
    )
    intake.add(
        CollectedDocument(
            url="https://c.example/3",
            source_id="eco",
            title="Colomiers accueille un nouveau site",
            text="Le nouveau site de Colomiers ouvrira en 2027. " * 4,
            language="fr",
        )
    )
    assert stage.run().alerts_queued == 1


def test_cli_subscribe_confirm_and_list(tmp_path: Path) -> None:
    base = ["--data-dir", str(tmp_path)]
    result = CliRunner().invoke(
        main,
        [
            *base,
            "subscribe",
            "--email",
            "pme@exemple.fr",
            "--query",
            "event:acquisition region:occitanie",
        ],
    )
    assert result.exit_code == 0, result.output
    token = result.output.split("Confirmation token (valid 7 days): ")[1].split()[0]
    listing = CliRunner().invoke(main, [*base, "subscriptions"])
    assert "waiting for confirmation" in listing.output
    assert CliRunner().invoke(main, [*base, "confirm", token]).exit_code == 0
    assert "active" in CliRunner().invoke(main, [*base, "subscriptions"]).output
    database = open_database(f"sqlite:///{tmp_path / 'myrtille.db'}")
    with database.session() as session:
        subscription = session.scalars(select(Subscription)).one()
        subscription.paused = True
    assert "paused (by its agent)" in CliRunner().invoke(main, [*base, "subscriptions"]).output
    with database.session() as session:
        end_subscription(session.scalars(select(Subscription)).one())
    database.dispose()
    assert "ended " in CliRunner().invoke(main, [*base, "subscriptions"]).output
    bad = CliRunner().invoke(main, [*base, "confirm", token[:-3] + "abc"])
    assert bad.exit_code == 2 and "Cannot confirm" in bad.output
    bad = CliRunner().invoke(
        main, [*base, "subscribe", "--email", "x@y.fr\r\nBcc: z@w.fr", "--query", "a"]
    )
    assert bad.exit_code == 2 and "not a valid email address" in bad.output
    assert (tmp_path / "secret.key").stat().st_mode & 0o077 == 0


def test_cli_preview_shows_the_last_30_days_and_saves_nothing(tmp_path: Path) -> None:
    from tests.index.contract import make_backend
    from tests.index.corpus import CORPUS

    backend = make_backend("sqlite", tmp_path)
    backend.index(CORPUS)
    backend.close()
    result = CliRunner().invoke(
        main,
        [
            "--data-dir",
            str(tmp_path),
            "subscribe",
            "--email",
            "pme@exemple.fr",
            "--query",
            "event:acquisition region:occitanie",
            "--preview",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "matched 2 documents (nothing saved)" in result.output
    assert "Hélionergie rachète Soleilhac" in result.output
    listing = CliRunner().invoke(main, ["--data-dir", str(tmp_path), "subscriptions"])
    assert "pme@exemple.fr" not in listing.output


def test_a_new_link_never_revives_what_was_turned_off(database: Database) -> None:
    first = create_subscription(
        database, SECRET, email="pme@exemple.fr", query="aerovolt", resolver=CodeResolver()
    )
    confirm(database, SECRET, first.confirm_token or "")
    from myrtille.store.subscriptions import Subscription

    with database.session() as session:
        session.get(Subscription, first.subscription_id).active = False  # unsubscribed
    # An agent asks for another subscription for the same, already confirmed, address.
    second = create_subscription(
        database,
        SECRET,
        email="pme@exemple.fr",
        query="vernay",
        require_confirmation=True,
        resolver=CodeResolver(),
    )
    assert second.active is False and second.confirm_token
    confirm(database, SECRET, second.confirm_token)
    with database.session() as session:
        assert session.get(Subscription, second.subscription_id).active is True
        assert session.get(Subscription, first.subscription_id).active is False
