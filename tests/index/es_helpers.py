"""Shared by the Elasticsearch request-level tests: a document with every field filled, and a
local HTTP server answering like a cluster (FakeCluster; the ``cluster`` fixture that starts
them is in tests/index/conftest.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from myrtille.config.settings import IndexSettings
from myrtille.demo.httpserver import Request, Route, RouteServer
from myrtille.index.base import IndexedDocument
from myrtille.index.elasticsearch import ElasticsearchIndex
from myrtille.index.stems import stem


def make_document(**overrides: Any) -> IndexedDocument:
    values: dict[str, Any] = {
        "id": "doc-1",
        "url": "https://example.org/a",
        "title": "L'usine Airbus de Blagnac recrute",
        "text": "Airbus annonce une levée de fonds. Safran suit l'opération à Toulouse.",
        "source": "Eco-Regions",
        "language": "FR",
        "published_at": datetime(2026, 1, 5, 9, 30, 12, 500, tzinfo=UTC),
        "collected_at": datetime(2026, 1, 6, 8, 0),
        "cluster": "story-7",
        "title_lemmas": "le usine airbus de blagnac recruter",
        "text_lemmas": "airbus annoncer un levee de fonds safran suivre le operation a toulouse",
        "entities": [
            {"label": "ORG", "text": "Bpifrance"},
            {"label": "PER", "text": "Claire Martin"},
            {"label": "LOC", "text": "Toulouse"},
        ],
        "companies": [
            {"siren": "383474814", "name": "Airbus SE"},
            {"name": "Safran SA"},
            {"siren": "383474814", "name": "Airbus"},
        ],
        "sectors": ["Aerospace"],
        "events": [{"type": "Hiring"}, {"type": None}],
        "regions": ["76"],
        "departments": ["31"],
    }
    values.update(overrides)
    return IndexedDocument(**values)


def es_route(status: int, body: Any) -> Route:
    """An answer as a cluster gives it: JSON, with the product header the client checks."""
    return Route(
        json.dumps(body).encode(),
        content_type="application/json",
        status=status,
        headers={"X-Elastic-Product": "Elasticsearch"},
        conditional=False,
    )


class FakeCluster:
    """RouteServer answers GET and HEAD; a cluster also takes POST, PUT and DELETE with
    bodies, which are read (keep-alive connections stay in sync) and recorded."""

    def __init__(self, routes: dict[str, Any]) -> None:
        self.server = RouteServer(routes)
        self.bodies: list[tuple[str, str, bytes]] = []
        cluster = self
        base: Any = self.server.httpd.RequestHandlerClass

        class Handler(base):  # type: ignore[misc, valid-type]
            def _with_body(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                cluster.bodies.append((self.command, urlsplit(self.path).path, body))
                cluster.server._answer(self)

            do_POST = do_PUT = do_DELETE = _with_body

        self.server.httpd.RequestHandlerClass = Handler

    @property
    def requests(self) -> list[Request]:
        return self.server.requests

    def json_bodies(self, path: str) -> list[Any]:
        return [json.loads(body) for _, p, body in self.bodies if p == path and body]


def backend(fake: FakeCluster, **settings: Any) -> ElasticsearchIndex:
    values: dict[str, Any] = {
        "backend": "elasticsearch",
        "url": fake.server.base_url,
        "name": "myrtille",
        "max_retries": 2,
        "timeout": "5s",
    }
    values.update(settings)
    return ElasticsearchIndex.from_settings(IndexSettings(**values))


def sequence(*routes: Route) -> Callable[[Request, RouteServer], Route]:
    """A handler answering with each route in turn (the last one repeats)."""
    answers = list(routes)

    def handle(request: Request, server: RouteServer) -> Route:
        return answers.pop(0) if len(answers) > 1 else answers[0]

    return handle


ES_400 = {
    "error": {
        "root_cause": [{"type": "parsing_exception", "reason": "unknown query [matchh]"}],
        "type": "parsing_exception",
        "reason": "unknown query [matchh]",
    },
    "status": 400,
}
ES_503 = {
    "error": {"type": "unavailable_shards_exception", "reason": "primary shard is not active"},
    "status": 503,
}


# The fields a document's words are indexed in: as written, and stemmed per language.
STREAMS = [
    "title_words",
    "title_stems_fr",
    "title_stems_en",
    "text_words",
    "text_stems_fr",
    "text_stems_en",
]
ANY = STREAMS  # a text query looks in all of them


def phrase_on(fields: list[str], phrase: str) -> dict[str, Any]:
    """The words as written in the word fields, stemmed in each stem field's language."""
    return {
        "bool": {
            "should": [
                {"match_phrase": {f: {"query": stemmed(f, phrase), "slop": 0}}} for f in fields
            ],
            "minimum_should_match": 1,
        }
    }


def stemmed(field: str, phrase: str) -> str:
    if "_stems_" not in field:
        return phrase
    return " ".join(stem(word, field.rsplit("_", 1)[1]) for word in phrase.split())
