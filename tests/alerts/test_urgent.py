"""Urgent legal notices end to end (issue 13.3): a BODACC insolvency notice about a
portfolio company reaches a daily subscriber of that portfolio at once, marked urgent, in a
real SMTP server; a press article about the same company waits for the digest."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import update

from myrtille.alerts.channels.email import EmailChannel
from myrtille.alerts.digests import DigestBuilder
from myrtille.alerts.subscriptions import create_subscription
from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.portfolios import import_portfolio
from myrtille.index.resolver import CodeResolver
from myrtille.pipeline.document import CollectedDocument
from myrtille.pipeline.intake import Intake
from myrtille.store.subscriptions import Subscription
from tests.alerts.test_delivery import SECRET, World
from tests.alerts.test_email import Recorder, received, smtp_server

AEROVOLT = "919985002"
HORIZON = "986165694"
# BODACC's headings of the notice families used here.
HEADINGS = {
    "collective": "Procédures collectives",
    "vente": "Ventes et cessions",
    "radiation": "Radiations",
    "modification": "Modifications diverses",
    "creation": "Créations",
}


def notice(
    world: World,
    siren: str,
    family: str,
    name: str,
    text: str = "Jugement d'ouverture d'une procédure de redressement judiciaire. "
    "Tribunal de commerce de Toulouse.",
) -> None:
    world.count += 1
    Intake(world.database).add(
        CollectedDocument(
            url=f"https://bodacc.example/annonce/{world.count}",
            source_id="bodacc",
            kind="notice",
            title=f"{HEADINGS[family]} — {name} (Toulouse)",
            text=f"{HEADINGS[family]} — {name} (Toulouse)\n\n{text}",
            language="fr",
            published_at=datetime(2026, 11, 20, 9, 0, tzinfo=UTC),
            extraction="record",
            fields={"notice_type": family, "siren": siren, "company_name": name},
        )
    )
    world.stage.run()


def test_an_insolvency_notice_skips_the_digest_and_an_article_waits(
    tmp_path: Path, enricher: Enricher
) -> None:
    recorder = Recorder()
    with smtp_server(recorder) as port:
        world = World(tmp_path, port, enricher)
        import_portfolio(world.database, "clients", io.BytesIO(f"siren\n{HORIZON}\n".encode()))
        resolver = CodeResolver(database=world.database)
        create_subscription(
            world.database,
            SECRET,
            email="cci@exemple.fr",
            query="portfolio:clients",
            frequency="daily",
            confirmed_by_operator=True,
            resolver=resolver,
            settings=world.settings,
        )
        # The portfolio changes after the subscription: the matcher follows, no restart.
        world.stage.matcher()
        import_portfolio(
            world.database, "clients", io.BytesIO(f"siren\n{HORIZON}\n{AEROVOLT}\n".encode())
        )
        world.publish("Aérovolt lève 12 millions")
        notice(world, AEROVOLT, "collective", "AEROVOLT SAS")
        rows = world.rows()
        assert [(r.document_id != rows[0].document_id, r.urgent) for r in rows] == [
            (False, False),
            (True, True),
        ]
        report = world.dispatcher.run()
        assert report.sent == 1  # the notice, at once; the article waits
        [envelope] = recorder.envelopes
        message = received(envelope)
        assert message["Subject"].startswith("[Veille] Urgent : ")
        assert "AEROVOLT" in message["Subject"]
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        assert "URGENT : un avis légal concernant une entreprise de votre portefeuille" in text
        assert "URGENT : un avis légal concernant une entreprise de votre portefeuille" in html
        # The daily digest carries the article only.
        email = EmailChannel(world.settings, SECRET)
        builder = DigestBuilder(world.settings, world.database, world.index, email.send_digest)
        digest = builder.run("daily", now=datetime(2026, 11, 28, 7, 0, tzinfo=UTC))
        assert (digest.sent, digest.items) == (1, 1)
        body = received(recorder.envelopes[1]).get_body(("plain",)).get_content()
        assert "Aérovolt lève 12 millions" in body and "Urgent" not in body
        assert "Procédures collectives" not in body


def test_with_urgent_off_the_notice_waits_for_the_digest(
    tmp_path: Path, enricher: Enricher
) -> None:
    recorder = Recorder()
    with smtp_server(recorder) as port:
        world = World(tmp_path, port, enricher)
        import_portfolio(world.database, "clients", io.BytesIO(f"siren\n{AEROVOLT}\n".encode()))
        created = create_subscription(
            world.database,
            SECRET,
            email="pme@exemple.fr",
            query="portfolio:clients",
            frequency="weekly",
            confirmed_by_operator=True,
            resolver=CodeResolver(database=world.database),
            settings=world.settings,
        )
        with world.database.session() as session:
            session.execute(update(Subscription).values(urgent=False))
        del created
        notice(world, AEROVOLT, "collective", "AEROVOLT SAS")
        assert [r.urgent for r in world.rows()] == [False]
        assert world.dispatcher.run().sent == 0


def test_a_digest_before_the_dispatcher_leaves_the_urgent_notice_to_it(
    tmp_path: Path, enricher: Enricher
) -> None:
    """The digest runs first: it must not carry the urgent notice, which the dispatcher
    then sends at once, marked urgent — one urgent email, no digest entry for it."""
    recorder = Recorder()
    with smtp_server(recorder) as port:
        world = World(tmp_path, port, enricher)
        import_portfolio(world.database, "clients", io.BytesIO(f"siren\n{AEROVOLT}\n".encode()))
        create_subscription(
            world.database,
            SECRET,
            email="cci@exemple.fr",
            query="portfolio:clients",
            frequency="daily",
            confirmed_by_operator=True,
            resolver=CodeResolver(database=world.database),
            settings=world.settings,
        )
        world.publish("Aérovolt lève 12 millions")
        notice(world, AEROVOLT, "collective", "AEROVOLT SAS")
        assert sorted(r.urgent for r in world.rows()) == [False, True]
        email = EmailChannel(world.settings, SECRET)
        builder = DigestBuilder(world.settings, world.database, world.index, email.send_digest)
        digest = builder.run("daily", now=datetime(2026, 11, 28, 7, 0, tzinfo=UTC))
        assert (digest.sent, digest.items) == (1, 1)
        [envelope] = recorder.envelopes
        body = received(envelope).get_body(("plain",)).get_content()
        assert "Aérovolt lève 12 millions" in body
        assert "Procédures collectives" not in body and "URGENT" not in body
        assert [r.status for r in world.rows() if r.urgent] == ["pending"]
        assert world.dispatcher.run().sent == 1
        assert world.dispatcher.run().sent == 0
        assert len(recorder.envelopes) == 2
        urgent = received(recorder.envelopes[1])
        assert urgent["Subject"].startswith("[Veille] Urgent : ")
        assert "AEROVOLT" in urgent["Subject"]
        # A later digest has nothing left to carry.
        later = builder.run("daily", now=datetime(2026, 11, 29, 7, 0, tzinfo=UTC))
        assert (later.sent, later.skipped_empty) == (0, 1)
        assert len(recorder.envelopes) == 2
        assert {r.status for r in world.rows()} == {"sent"}


@pytest.mark.parametrize(
    ("family", "text", "urgent"),
    [
        ("vente", "Vente du fonds de commerce. Oppositions au greffe du tribunal.", True),
        ("radiation", "Radiation du registre du commerce et des sociétés.", True),
        ("modification", "Nomination de M. Jean Dupont en qualité de président.", False),
        ("creation", "Immatriculation d'une société par actions simplifiée.", False),
    ],
    ids=["sale", "closure", "new-president", "creation"],
)
def test_sales_and_closures_are_urgent_other_notices_and_press_wait(
    tmp_path: Path, enricher: Enricher, family: str, text: str, urgent: bool
) -> None:
    """Issue 13.3 names insolvency, closure and sale of business: a sale or a closure
    notice about a portfolio company is sent at once too; a notice of another kind, and a
    press article reporting a closure, wait for the digest."""
    recorder = Recorder()
    with smtp_server(recorder) as port:
        world = World(tmp_path, port, enricher)
        import_portfolio(world.database, "clients", io.BytesIO(f"siren\n{AEROVOLT}\n".encode()))
        create_subscription(
            world.database,
            SECRET,
            email="cci@exemple.fr",
            query="portfolio:clients",
            frequency="daily",
            confirmed_by_operator=True,
            resolver=CodeResolver(database=world.database),
            settings=world.settings,
        )
        world.publish(
            "Aérovolt ferme son usine de Colomiers",
            "Aérovolt ferme son usine de Colomiers et supprime 40 emplois.",
        )
        notice(world, AEROVOLT, family, "AEROVOLT SAS", text)
        rows = world.rows()
        assert [r.urgent for r in rows] == [False, urgent]
        assert world.dispatcher.run().sent == (1 if urgent else 0)
        if urgent:
            [envelope] = recorder.envelopes
            assert received(envelope)["Subject"].startswith("[Veille] Urgent : ")
