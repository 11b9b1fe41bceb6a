"""The outside world of a chaos run: a news site that keeps publishing, an SMTP server
that can go down and come back, and a webhook receiver; each records what it received.

Articles are made of randomly drawn sentences, so that no two tell the same story (the
clusterer would fold them into one alert) and every one carries the word the chaos
subscription watches (``WATCHED``).
"""

from __future__ import annotations

import random
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from myrtille.demo.httpserver import Request, Route, RouteServer
from tests.alerts.test_email import free_port, received
from tests.alerts.test_webhook import PostServer
from tests.crawlers.pages import article_html, rss

WATCHED = "vigie"
FEED = "/flux.xml"
HOOK = "/hook"

_WHO = [
    "Aérovolt",
    "Hélicea",
    "Brioche Dorée",
    "Vinaigrerie Morel",
    "Textiles Garonne",
    "Mécanique Aubrac",
    "Laiterie Causse",
    "Forges Adour",
    "Bois Landais",
    "Optique Lot",
    "Chantiers Sète",
    "Papeterie Tarn",
    "Verrerie Albi",
    "Céramiques Rodez",
]
_DOES = [
    "annonce une levée de fonds de {n} millions d'euros",
    "rachète un concurrent installé à {place}",
    "ouvre une usine près de {place}",
    "supprime {n} postes dans son site de {place}",
    "recrute {n} techniciens",
    "remporte un marché public de {n} millions",
    "signe un partenariat avec un groupe de {place}",
    "dépose un brevet sur un procédé de recyclage",
    "nomme une nouvelle directrice générale",
    "exporte désormais vers {n} pays",
    "est placée en redressement judiciaire",
]
_PLACES = [
    "Toulouse",
    "Montpellier",
    "Rodez",
    "Albi",
    "Tarbes",
    "Perpignan",
    "Nîmes",
    "Cahors",
    "Auch",
    "Foix",
    "Mende",
    "Carcassonne",
    "Béziers",
    "Castres",
    "Millau",
]
_AFTER = [
    "selon la presse régionale",
    "d'après son président",
    "a indiqué la chambre de commerce",
    "malgré un marché tendu",
    "pour la deuxième fois cette année",
    "après de longs mois",
    "avec le soutien de la région",
    "au grand soulagement des salariés",
]

_SYLLABLES = [
    "ba",
    "be",
    "bi",
    "bo",
    "ca",
    "ce",
    "co",
    "da",
    "de",
    "di",
    "do",
    "fa",
    "fe",
    "fi",
    "ga",
    "go",
    "la",
    "le",
    "li",
    "lo",
    "ma",
    "me",
    "mi",
    "mo",
    "na",
    "ne",
    "ni",
    "no",
    "pa",
    "pe",
    "pi",
    "po",
    "ra",
    "re",
    "ri",
    "ro",
    "sa",
    "se",
    "si",
    "so",
    "ta",
    "te",
    "ti",
    "to",
    "va",
    "ve",
    "vi",
    "vo",
    "tri",
    "gran",
    "mon",
    "char",
    "ville",
    "ment",
]


@dataclass(frozen=True)
class Article:
    number: int
    path: str
    title: str
    html: str


class Newsroom:
    """A local news site whose feed grows by one article at each ``publish``."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.server = RouteServer()
        self.articles: list[Article] = []
        self._lock = threading.Lock()
        self.server.routes[FEED] = self._feed

    def __enter__(self) -> Newsroom:
        self.server.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.stop()

    @property
    def feed_url(self) -> str:
        return self.server.url(FEED)

    def _sentence(self) -> str:
        who, does = self.rng.choice(_WHO), self.rng.choice(_DOES)
        done = does.format(n=self.rng.randint(2, 400), place=self.rng.choice(_PLACES))
        return f"{who} {done} {self.rng.choice(_AFTER)}."

    def _words(self, n: int) -> str:
        """Made-up words: no two articles share enough of them to look like one story."""
        syllables = _SYLLABLES
        return " ".join(
            "".join(self.rng.choice(syllables) for _ in range(self.rng.randint(2, 4)))
            for _ in range(n)
        )

    def publish(self) -> Article:
        with self._lock:
            number = len(self.articles) + 1
            first = self._sentence()
            title = f"Dépêche {WATCHED} {number:04d} : {first.rstrip('.')}"
            body = " ".join(self._sentence() for _ in range(4)) + " " + self._words(80)
            html = article_html(title, event=body, name=first.split(" ")[0], paragraphs=1)
            article = Article(number, f"/depeche/{number:04d}", title, html)
            self.server.routes[article.path] = Route(html.encode())
            self.articles.append(article)
            return article

    def _feed(self, request: Request, server: RouteServer) -> Route:
        with self._lock:
            items = [
                {"title": a.title, "link": server.url(a.path)} for a in reversed(self.articles)
            ]
        return Route(rss(items).encode(), "application/rss+xml", conditional=False)


class MailRecorder:
    """An SMTP server's handler: holds each conversation a moment at RCPT (so deliveries
    are in flight often enough for kills to land there), then records the message the
    moment its DATA arrives, as a real server commits it before answering."""

    def __init__(self, hold: float = 0.2) -> None:
        self.hold = hold
        self.envelopes: list[Envelope] = []

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        import asyncio

        await asyncio.sleep(self.hold)
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.envelopes.append(envelope)
        return "250 2.0.0 queued"

    def message_ids(self) -> Counter[str]:
        return Counter(str(received(e)["Message-ID"]) for e in list(self.envelopes))

    def subjects(self) -> list[str]:
        return [str(received(e)["Subject"]) for e in list(self.envelopes)]


class MailServer:
    """An aiosmtpd server on a fixed port that can be stopped (nothing listens: the
    dispatcher's connections are refused) and started again."""

    def __init__(self, recorder: MailRecorder) -> None:
        self.recorder = recorder
        self.port = free_port()
        self._controller: Controller | None = None

    def up(self) -> None:
        if self._controller is None:
            self._controller = Controller(self.recorder, hostname="127.0.0.1", port=self.port)
            self._controller.start()

    def down(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@contextmanager
def receivers(hold: float = 0.2) -> Iterator[tuple[MailServer, PostServer]]:
    """The SMTP server (up) and the webhook receiver (answering 200 to every POST)."""
    mail = MailServer(MailRecorder(hold))
    hooks = PostServer({HOOK: Route(b"", conditional=False)})
    mail.up()
    hooks.start()
    try:
        yield mail, hooks
    finally:
        hooks.stop()
        mail.down()


def webhook_ids(hooks: PostServer) -> Counter[str]:
    """How many times each ``webhook-id`` (``msg_<outbox row>``) reached the receiver."""
    return Counter(d.headers.get("webhook-id", "") for d in list(hooks.deliveries))
