"""Two real ``myrtille serve`` processes on one state database (SQLite file, PostgreSQL),
as behind one proxy: one API-key limit, one public-pages limit and one crawl of a source
at a time hold across both, and "poll now" takes the crawl job's per-source lock."""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import yaml
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from myrtille.demo.httpserver import Request, Route, RouteServer
from myrtille.store.database import open_database
from myrtille.store.locks import lock_sources
from myrtille.web.auth import create_agent, set_password
from tests.crawlers.pages import rss
from tests.waiting import wait_until
from tests.web.conftest import csrf_of
from tests.web.serve_process import myrtille_serve

NAME = "agence-bretagne"
PASSWORD = "a long enough password"
RSS = "application/rss+xml; charset=utf-8"
CRAWL = {"autothrottle": False, "timeout": "10s", "retries": 0}


@dataclass
class Pair:
    """Two web processes sharing one state database and data directory."""

    urls: tuple[str, str]
    keys: tuple[str, str]
    database_url: str
    data_dir: Path
    gate: threading.Event
    site: RouteServer

    def client(self, n: int, forwarded_for: str, **headers: str) -> httpx.Client:
        # The processes trust 127.0.0.1 as their proxy: each test is its own client.
        headers["X-Forwarded-For"] = forwarded_for
        return httpx.Client(base_url=self.urls[n], headers=headers, timeout=30)


@contextmanager
def postgres_database() -> Iterator[str]:
    from tests.conftest import postgres_url

    server = postgres_url()
    assert server is not None
    name = f"myrtille_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        admin.dispose()
        if os.environ.get("CI") or os.environ.get("MYRTILLE_TEST_POSTGRES_URL"):
            raise
        pytest.skip(f"PostgreSQL not reachable at {server}: {exc}")
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def pair(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Pair]:
    tmp = tmp_path_factory.mktemp(f"pair-{request.param}")
    data_dir = tmp / "data"
    gate = threading.Event()
    with ExitStack() as stack:
        if request.param == "sqlite":
            database_url = f"sqlite:///{data_dir / 'myrtille.db'}"
        else:
            database_url = stack.enter_context(postgres_database())
        site = stack.enter_context(RouteServer())
        feed = Route(rss([{"title": "Lent", "link": site.url("/lent.html")}]).encode(), RSS)

        def held_back(_request: Request, _site: RouteServer) -> Route:
            gate.wait(60)  # the crawl is surely running while the test clicks
            return feed

        site.routes["/slow.xml"] = held_back
        site.routes["/lent.html"] = Route(b"<html><body><p>Lent.</p></body></html>")
        config = tmp / "myrtille.yaml"
        settings = {
            "data_dir": str(data_dir),
            "database_url": database_url,
            "crawl": CRAWL,
            "sources": [{"id": "slow", "kind": "feed", "url": site.url("/slow.xml")}],
            "web": {
                "trusted_proxies": ["127.0.0.1"],
                "public_subscribe": {"per_address_per_minute": 2},
                "rate_limits": {
                    "api": {"requests": 4, "window": "1h"},
                    "public_pages": {"requests": 3, "window": "1h"},
                },
            },
        }
        config.write_text(yaml.safe_dump(settings), encoding="utf-8")
        database = open_database(database_url)
        keys = tuple(create_agent(database, n)[1] for n in (NAME, "agence-normandie"))
        set_password(database, NAME, PASSWORD)
        database.dispose()
        first = stack.enter_context(myrtille_serve(config, tmp / "serve-1.log"))
        second = stack.enter_context(myrtille_serve(config, tmp / "serve-2.log"))
        yield Pair((first, second), keys, database_url, data_dir, gate, site)  # type: ignore[arg-type]
        gate.set()


def test_one_api_key_limit_across_two_processes(pair: Pair) -> None:
    key, other_key = pair.keys
    answers = []
    for n in range(6):
        with pair.client(n % 2, "203.0.113.1", **{"X-API-Key": key}) as http:
            answers.append(http.get("/api/v1/search", params={"q": "usine"}))
    # Four in all, whichever process served them; then 429 from both.
    assert [a.status_code for a in answers] == [200, 200, 200, 200, 429, 429]
    for refused in answers[4:]:
        assert refused.json()["error"] == "rate_limited"
        assert 3500 < int(refused.headers["Retry-After"]) <= 3600
    # The limit is the key's: another agent's key is served, from the same address.
    with pair.client(1, "203.0.113.1", **{"X-API-Key": other_key}) as http:
        assert http.get("/api/v1/search", params={"q": "usine"}).status_code == 200


def test_a_burst_at_both_processes_at_once_gets_the_limit_and_no_more(pair: Pair) -> None:
    database = open_database(pair.database_url)
    _agent, key = create_agent(database, f"agence-{uuid.uuid4().hex[:8]}")
    database.dispose()

    def ask(n: int) -> int:
        with pair.client(n % 2, "203.0.113.2", **{"X-API-Key": key}) as http:
            return http.get("/api/v1/search", params={"q": "usine"}).status_code

    with ThreadPoolExecutor(max_workers=12) as pool:
        statuses = sorted(pool.map(ask, range(12)))
    # Stamped, counted and committed one at a time per key, whichever process serves.
    assert statuses == [200] * 4 + [429] * 8


def test_a_burst_at_the_public_form_gets_its_limit_and_no_more(pair: Pair) -> None:
    chosen = {"sectors": "aeronautics", "regions": "76", "action": "preview"}

    def post(n: int) -> int:
        with pair.client(n % 2, "203.0.113.9") as http:
            return http.post("/subscribe", data=chosen).status_code

    with ThreadPoolExecutor(max_workers=12) as pool:
        statuses = sorted(pool.map(post, range(12)))
    # Three get past the public pages' limit, two past the form's own, whatever the order.
    assert statuses == [200] * 2 + [429] * 10


def test_one_public_pages_limit_across_two_processes(pair: Pair) -> None:
    client = "198.51.100.7"
    statuses = []
    for n in range(3):
        with pair.client(n % 2, client) as http:
            statuses.append(http.get("/search", params={"q": "usine"}).status_code)
    assert statuses == [200, 200, 200]
    with pair.client(1, client) as http:
        french = http.get("/trends")
    with pair.client(0, client) as http:
        english = http.get("/map", params={"lang": "en"})
    for refused in (french, english):
        assert refused.status_code == 429
        assert 3500 < int(refused.headers["Retry-After"]) <= 3600
    assert "Trop de pages demandées depuis votre connexion" in french.text
    assert "Too many pages asked for from your connection" in english.text
    # Another client, and a signed-in agent at the limited address, are served.
    with pair.client(0, "198.51.100.8") as http:
        assert http.get("/search").status_code == 200
    with signed_in(pair, 1, client) as agent:
        assert agent.get("/search").status_code == 200


@contextmanager
def signed_in(pair: Pair, n: int, client: str) -> Iterator[httpx.Client]:
    with pair.client(n, client) as http:
        token = csrf_of(http.get("/signin").text)
        answer = http.post("/signin", data={"csrf": token, "name": NAME, "password": PASSWORD})
        assert answer.status_code == 303, answer.text
        yield http


def poll(http: httpx.Client) -> str:
    token = csrf_of(http.get("/sources").text)
    answer = http.post("/sources/slow/poll", data={"csrf": token, "lang": "en"})
    assert answer.status_code == 303
    return answer.headers["location"]


def polling(http: httpx.Client) -> bool:
    """Whether the sources page says that the source is being polled."""
    return "being polled now" in http.get("/sources", params={"lang": "en"}).text


def test_poll_now_takes_the_crawl_jobs_lock_in_every_process(pair: Pair) -> None:
    database = open_database(pair.database_url)
    try:
        with signed_in(pair, 0, "192.0.2.1") as first, signed_in(pair, 1, "192.0.2.2") as second:
            # The crawl job (a worker, `myrtille run`) holds the source: no process polls it.
            with ExitStack() as job:
                assert lock_sources(database, pair.data_dir, ["slow"], job) == {"slow"}
                assert poll(first) == "/sources?notice=busy&source=slow&lang=en"
                assert polling(second)
            # Polled from the first process: the second one sees it and refuses a second
            # crawl, and so does the crawl job.
            assert poll(first) == "/sources?notice=started&source=slow&lang=en"
            assert polling(second)
            assert poll(second) == "/sources?notice=busy&source=slow&lang=en"
            with ExitStack() as job:
                assert lock_sources(database, pair.data_dir, ["slow"], job) == set()
            pair.gate.set()
            assert wait_until(lambda: not polling(second), 90, 0.2), "the poll never ended"
        assert pair.site.hits["/slow.xml"] == 1
    finally:
        database.dispose()
