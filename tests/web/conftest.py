"""A real API server on a free local port, over a small hand-made index."""

from __future__ import annotations

import contextlib
import re
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import time_machine
import uvicorn

from myrtille.config.loading import load_settings
from myrtille.config.settings import Settings
from myrtille.index.base import IndexedDocument
from myrtille.index.factory import open_index
from myrtille.store.database import Database
from myrtille.web.app import create_app
from myrtille.web.auth import create_agent, set_password
from myrtille.web.server import server_config
from tests.waiting import wait_until

AEROVOLT = "919985002"
NOW = datetime.now(UTC).replace(hour=9, minute=0, second=0, microsecond=0)
# The documents' ages count from NOW, fixed when the suite is imported; the trends count
# back from the server's today. A run that crosses midnight UTC would move the server's today
# one day past the documents, so such a run goes back to this moment (the clock still ticks).
_IMPORTED = datetime.now(UTC)


@pytest.fixture
def same_day() -> Iterator[None]:
    """The server's today stays NOW's date, even after midnight UTC has passed."""
    if datetime.now(UTC).date() == NOW.date():
        yield
        return
    with time_machine.travel(_IMPORTED, tick=True):
        yield


def days_ago(days: int) -> datetime:
    return NOW - timedelta(days=days)


def doc(
    n: int,
    title: str,
    text: str,
    *,
    age: int,
    source: str = "eco-regions",
    cluster: str | None = None,
    companies: list[dict[str, str | None]] | None = None,
    sectors: list[str] | None = None,
    events: list[str] | None = None,
    regions: list[str] | None = None,
    departments: list[str] | None = None,
    language: str = "fr",
) -> IndexedDocument:
    return IndexedDocument(
        id=f"d{n:02d}",
        url=f"https://news.example/{n}",
        title=title,
        text=text,
        source=source,
        language=language,
        published_at=days_ago(age),
        collected_at=days_ago(age),
        cluster=cluster or f"c{n:02d}",
        companies=companies or [],
        sectors=sectors or [],
        events=[{"type": e, "sentence": title, "company": None, "siren": None} for e in events]
        if events
        else [],
        regions=regions or [],
        departments=departments or [],
    )


def documents() -> list[IndexedDocument]:
    aerovolt = {"name": "Aérovolt", "siren": AEROVOLT}
    first = doc(
        1,
        "Aérovolt rachète Hélicea",
        "La start-up toulousaine Aérovolt rachète le motoriste Hélicea à Toulouse.",
        age=3,
        cluster="story-helicea",
        companies=[aerovolt, {"name": "Hélicea", "siren": None}],
        sectors=["aeronautics"],
        events=["acquisition"],
        regions=["76"],
        departments=["31"],
    )
    at = first.text.index("Toulouse")
    first.entities = [
        {"text": "Aérovolt", "label": "ORG", "start": 0, "end": 8, "field": "title"},
        {"text": "Toulouse", "label": "LOC", "start": at, "end": at + 8, "field": "text"},
    ]
    return [
        first,
        doc(
            2,
            "Rachat d'Hélicea par Aérovolt",
            "Le rachat du motoriste Hélicea par Aérovolt est confirmé.",
            age=2,
            source="la-depeche",
            cluster="story-helicea",
            companies=[aerovolt],
            sectors=["aeronautics"],
            events=["acquisition"],
            regions=["76"],
            departments=["31"],
        ),
        doc(
            3,
            "Aérovolt lève 12 millions d'euros",
            "Aérovolt a levé 12 millions d'euros pour industrialiser son moteur électrique.",
            age=40,
            companies=[aerovolt],
            sectors=["aeronautics"],
            events=["fundraising"],
            regions=["76"],
        ),
        # Four energy documents today after a quiet fortnight: a spike.
        *[
            doc(
                n,
                f"Solaris ouvre la centrale solaire numéro {n}",
                "Le producteur Solaris investit dans une centrale photovoltaïque.",
                age=0,
                companies=[{"name": "Solaris", "siren": None}],
                sectors=["energy"],
                events=["investment"],
                regions=["84"],
            )
            for n in (4, 5, 6, 7)
        ],
        doc(
            8,
            "Cloudnine acquires a Paris start-up",
            "The software company Cloudnine acquires a start-up in Paris.",
            age=20,
            source="startup-news",
            language="en",
            sectors=["digital"],
            events=["acquisition"],
            regions=["11"],
        ),
        doc(
            9,
            "Fermeture de l'usine Carrosserie du Nord",
            "L'équipementier automobile ferme son usine de Maubeuge.",
            age=12,
            sectors=["automotive"],
            events=["closure"],
            regions=["32"],
        ),
        doc(
            10,
            "Solaris recrute 30 techniciens",
            "Solaris va recruter 30 techniciens pour sa centrale.",
            age=15,
            companies=[{"name": "Solaris", "siren": None}],
            sectors=["energy"],
            events=["hiring"],
            regions=["84"],
        ),
    ]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Live:
    url: str
    key: str
    database: Database
    settings: Settings

    def client(self, key: str | None = None, **headers: str) -> httpx.Client:
        if key is not None:
            headers["X-API-Key"] = key
        return httpx.Client(base_url=self.url, headers=headers, timeout=10)


@contextmanager
def start_live(data_dir: Path, **overrides: object) -> Iterator[Live]:
    """A real uvicorn server with the API over a hand-made index; settings overridable."""
    settings = load_settings(None, env={}, overrides={"data_dir": str(data_dir), **overrides})
    index = open_index(settings)
    index.index(documents())
    index.close()
    app = create_app(settings)
    _agent, key = create_agent(app.state.database, AGENT_NAME, "agent@example.org")
    set_password(app.state.database, AGENT_NAME, AGENT_PASSWORD)
    with serve_app(app) as url:
        yield Live(url, key, app.state.database, settings)


@contextmanager
def serve_app(app: Any) -> Iterator[str]:
    """Run ``app`` with a real uvicorn on a free port, configured as ``myrtille serve`` does
    (trusted proxies from its settings); yields its base URL."""
    port = free_port()
    config = server_config(app, app.state.settings, "127.0.0.1", port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    # A thread that died ends the wait at once: it will never answer.
    settled = wait_until(lambda: not thread.is_alive() or healthy(url), 15)
    if not (settled and thread.is_alive()):
        server.should_exit = True
        raise RuntimeError("the API server did not start")
    try:
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        # Every request was finished by its test: the server has stopped.
        assert not thread.is_alive()


def shut_down(response: httpx.Response) -> None:
    """Shut the response's connection down, so that a read blocked on it returns at once
    (closing the socket from another thread would not wake it)."""
    connection = response.extensions["network_stream"].get_extra_info("socket")
    # The read may have ended and closed the connection meanwhile (a hang guard firing late).
    with contextlib.suppress(OSError):
        connection.shutdown(socket.SHUT_RDWR)


def healthy(url: str) -> bool:
    """Whether the server at ``url`` answers /healthz."""
    try:
        return httpx.get(f"{url}/healthz", timeout=1).status_code == 200
    except httpx.TransportError:
        return False


AGENT_NAME = "test-agent"
AGENT_PASSWORD = "correct horse battery"
CSRF_FIELD = re.compile(r'name="csrf" value="([0-9a-f]{64})"')


def csrf_of(html: str) -> str:
    """The CSRF field of the first form on a page."""
    found = CSRF_FIELD.search(html)
    assert found, "no CSRF field on the page"
    return found.group(1)


def signed_in(live: Live, name: str = AGENT_NAME, password: str = AGENT_PASSWORD) -> httpx.Client:
    """An HTTP client holding the session cookie of a signed-in agent (and its CSRF cookie)."""
    http = live.client()
    form = http.get("/signin")
    response = http.post(
        "/signin",
        data={"csrf": csrf_of(form.text), "name": name, "password": password, "next": "/search"},
    )
    assert response.status_code == 303, response.text
    return http


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    with start_live(tmp_path_factory.mktemp("web") / "data") as running:
        yield running
