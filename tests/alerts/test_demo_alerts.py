"""End to end on the demo: a new article appearing in a demo feed yields one immediate
email in a real SMTP server and one signed webhook call, and appears once in the next
digest of a digest subscriber."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from myrtille.alerts.channels.email import EmailChannel
from myrtille.alerts.channels.webhook import WebhookChannel
from myrtille.alerts.digests import DigestBuilder
from myrtille.alerts.dispatcher import Dispatcher
from myrtille.alerts.subscriptions import create_subscription
from myrtille.config.loading import load_settings
from myrtille.crawlers.runner import run_crawl
from myrtille.demo.corpus import Article, load_corpus
from myrtille.demo.httpserver import Request, Route, RouteServer
from myrtille.demo.site import FEED_PATHS, DemoSite
from myrtille.enrichment.enricher import Enricher
from myrtille.index.factory import open_index
from myrtille.index.resolver import CodeResolver
from myrtille.service.processing import ProcessingStage
from myrtille.store.database import open_database
from tests.alerts.test_email import Recorder, received, smtp_server
from tests.alerts.test_webhook import PostServer, verify_standard_webhook

SECRET = b"a test secret that is long enough"
NEW = Article(
    slug="aerovolt-rachete-helicea",
    outlet="eco-regions",
    language="fr",
    title="Aérovolt rachète le bureau d'études toulousain Hélicea",
    author="Claire Dumas",
    published=datetime(2026, 11, 27, 9, 0, tzinfo=UTC),
    summary="Le motoriste électrique s'offre une équipe de vingt ingénieurs en simulation.",
    body=(
        "La start-up toulousaine Aérovolt a annoncé jeudi le rachat d'Hélicea, un bureau "
        "d'études de Blagnac spécialisé dans la simulation des hélices. Le montant n'a pas "
        "été communiqué. Les vingt ingénieurs d'Hélicea rejoindront le site de Colomiers.\n\n"
        "Avec cette acquisition, Aérovolt veut réduire de six mois le développement de son "
        "prochain moteur et prévoit de recruter encore trente personnes en Haute-Garonne."
    ),
    story=None,
    gold={},
)


def test_new_demo_article_to_email_webhook_and_digest(tmp_path: Path, enricher: Enricher) -> None:
    recorder = Recorder()
    corpus = load_corpus()
    with smtp_server(recorder) as port, PostServer() as site, PostServer() as hooks:

        def receiver(request: Request, server: RouteServer) -> Route:
            # The receiver checks the Standard Webhooks signature on its own.
            assert isinstance(server, PostServer)
            valid = verify_standard_webhook(created.webhook_secret, request.headers, server.body())
            return Route(b"", status=204 if valid else 401, conditional=False)

        hooks.routes["/hook"] = receiver
        site.routes.update(DemoSite(corpus, site.base_url).routes())
        settings = load_settings(
            None,
            env={},
            overrides={
                "data_dir": str(tmp_path),
                "secret_key": SECRET.decode(),
                "crawl": {"autothrottle": False, "concurrency_per_domain": 8},
                "sources": [
                    {
                        "id": "eco-regions",
                        "kind": "feed",
                        "url": site.url(FEED_PATHS["eco-regions"]),
                    }
                ],
                "email": {"smtp_host": "127.0.0.1", "smtp_port": port},
                "webhooks": {"allow_private": ["127.0.0.1"]},
            },
        )
        database = open_database(settings.state_url)
        index = open_index(settings)
        stage = ProcessingStage(settings, database, enricher, index=index)
        run_crawl(settings, database, settings.sources)
        assert stage.run().processed == len(corpus.articles_of("eco-regions"))

        created = create_subscription(
            database,
            SECRET,
            email="pme@exemple.fr",
            query="aerovolt event:acquisition",
            addresses={"webhook": hooks.url("/hook")},
            confirmed_by_operator=True,
            resolver=CodeResolver(),
            settings=settings,  # its webhooks.allow_private opens the local receiver
        )
        create_subscription(
            database,
            SECRET,
            email="agence@exemple.fr",
            query="aerovolt event:acquisition",
            frequency="daily",
            confirmed_by_operator=True,
            resolver=CodeResolver(),
        )

        # The new article appears in the demo feed.
        grown = replace(corpus, articles=[*corpus.articles, NEW])
        site.routes.update(DemoSite(grown, site.base_url).routes())
        report = run_crawl(settings, database, settings.sources)
        assert report.outcomes["eco-regions"].new == 1
        processed = stage.run()
        assert processed.processed == 1 and processed.alerts_queued == 3

        email = EmailChannel(settings, SECRET)
        dispatcher = Dispatcher(
            settings, database, index, {"email": email, "webhook": WebhookChannel(settings)}
        )
        assert dispatcher.run().sent == 2
        assert dispatcher.run().sent == 0
        [immediate] = recorder.envelopes
        assert immediate.rcpt_tos == ["pme@exemple.fr"]
        assert "Hélicea" in received(immediate)["Subject"]
        [call] = hooks.deliveries
        assert verify_standard_webhook(created.webhook_secret, call.headers, call.body)

        builder = DigestBuilder(settings, database, index, email.send_digest)
        tomorrow = datetime.now(UTC) + timedelta(days=1)
        assert builder.run("daily", now=tomorrow).sent == 1
        assert builder.run("daily", now=tomorrow).sent == 0
        digest = recorder.envelopes[-1]
        assert digest.rcpt_tos == ["agence@exemple.fr"]
        assert received(digest).get_body(("plain",)).get_content().count("Hélicea") >= 1
        assert len(recorder.envelopes) == 2
