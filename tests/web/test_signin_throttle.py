"""Sign-in throttling: keyed on the real client (forwarded headers believed only from the
configured proxies), per name and client, plus a per-name pace that known browsers skip."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
import yaml

from myrtille.config.web import SignInSettings
from myrtille.store.database import Database, open_database
from myrtille.web.auth import create_agent, set_password
from myrtille.web.sessions import SESSION_COOKIE
from myrtille.web.throttle import SignInThrottle
from tests.web import serve_process
from tests.web.conftest import Live, csrf_of, start_live

NAME = "agence-occitanie"
PASSWORD = "the right password"


def attempt(
    http: httpx.Client, password: str, forwarded_for: str | None = None, name: str = NAME
) -> httpx.Response:
    token = csrf_of(http.get("/signin").text)
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    return http.post(
        "/signin",
        data={"csrf": token, "name": name, "password": password},
        headers=headers,
    )


@contextmanager
def myrtille_serve(tmp_path: Path, web: dict[str, object]) -> Iterator[str]:
    """``myrtille serve`` in a child process, as an operator starts it; yields its URL."""
    data_dir = tmp_path / "data"
    config = tmp_path / "myrtille.yaml"
    config.write_text(yaml.safe_dump({"data_dir": str(data_dir), "web": web}), encoding="utf-8")
    database = open_database(f"sqlite:///{data_dir / 'myrtille.db'}")
    create_agent(database, NAME)
    set_password(database, NAME, PASSWORD)
    database.dispose()
    with serve_process.myrtille_serve(config, tmp_path / "serve.log") as url:
        yield url


def test_forwarded_headers_from_an_untrusted_peer_give_no_more_tries(tmp_path: Path) -> None:
    with myrtille_serve(tmp_path, {}) as url, httpx.Client(base_url=url, timeout=10) as http:
        for n in range(5):
            assert attempt(http, "a wrong guess!", f"203.0.113.{n}").status_code == 401
        # A sixth forwarded address is the same client (127.0.0.1): refused, right password or not.
        for n in (5, 6):
            refused = attempt(http, PASSWORD, f"203.0.113.{n}")
            assert refused.status_code == 429, refused.text
            assert SESSION_COOKIE not in refused.headers.get("set-cookie", "")


def test_with_a_trusted_proxy_the_forwarded_client_is_used(tmp_path: Path) -> None:
    web = {"trusted_proxies": ["127.0.0.0/8"]}
    with myrtille_serve(tmp_path, web) as url, httpx.Client(base_url=url, timeout=10) as http:
        for _ in range(5):
            assert attempt(http, "a wrong guess!", "203.0.113.7").status_code == 401
        assert attempt(http, PASSWORD, "203.0.113.7").status_code == 429
        # Another client behind the same proxy is not held back by the first one's failures.
        assert attempt(http, PASSWORD, "198.51.100.20").status_code == 303


@pytest.fixture(scope="module")
def proxied(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    web = {"trusted_proxies": ["127.0.0.1"], "signin": {"name_failures": 20, "name_pace": "1h"}}
    with start_live(tmp_path_factory.mktemp("throttle") / "data", web=web) as running:
        create_agent(running.database, NAME)
        set_password(running.database, NAME, PASSWORD)
        yield running


def test_a_flood_from_many_clients_paces_strangers_but_not_the_agents_browser(
    proxied: Live,
) -> None:
    office = "192.0.2.10"
    # The agent has signed in from its browser before: the browser is known.
    with proxied.client() as browser:
        assert attempt(browser, PASSWORD, office).status_code == 303
        browser.cookies.delete(SESSION_COOKIE)
        # Ten clients fail twice each: none comes near its own limit of five.
        with proxied.client() as botnet:
            for client in range(10):
                for _ in range(2):
                    response = attempt(botnet, "a wrong guess!", f"203.0.113.{client}")
                    assert response.status_code == 401
            # The name is under attack: one attempt per pace for all unknown browsers...
            assert attempt(botnet, "another guess!", "198.51.100.1").status_code == 401
            for client in range(2, 12):
                paced = attempt(botnet, PASSWORD, f"198.51.100.{client}")
                assert paced.status_code == 429
                assert SESSION_COOKIE not in paced.headers.get("set-cookie", "")
            assert 'id="signin-throttled"' in paced.text and int(paced.headers["retry-after"]) > 0
        # ...while the agent's own browser signs in at once.
        assert attempt(browser, PASSWORD, office).status_code == 303
        assert NAME in browser.get("/search").text


def test_the_throttle_counts_in_the_state_database_and_forgets_after_its_window(
    database: Database,
) -> None:
    now = [datetime(2026, 3, 2, 9, 0, tzinfo=UTC)]
    rules = SignInSettings(client_failures=3, window="60s", name_failures=5, name_pace="10s")
    throttle = SignInThrottle(database, rules, clock=lambda: now[0])
    for _ in range(3):
        throttle.failed("name", "192.0.2.1")
        now[0] += timedelta(seconds=10)
    assert throttle.check("name", "192.0.2.1", known_browser=False).wait_seconds == 30
    assert throttle.check("name", "192.0.2.2", known_browser=False).wait_seconds == 0
    # A second process (another instance on the same database) sees the same counts.
    assert SignInThrottle(database, rules, clock=lambda: now[0]).check(
        "name", "192.0.2.1", known_browser=False
    ).wait_seconds == pytest.approx(30)
    now[0] = datetime(2026, 3, 2, 9, 1, 1, tzinfo=UTC)
    assert throttle.check("name", "192.0.2.1", known_browser=False).wait_seconds == 0
    # Five failures from five clients: the name is paced, one attempt per 10 s in all.
    for n in range(5):
        throttle.failed("name", f"198.51.100.{n}")
    assert throttle.check("name", "203.0.113.1", known_browser=False).wait_seconds == 0
    paced = throttle.check("name", "203.0.113.2", known_browser=False)
    assert paced.paced and paced.wait_seconds == 10
    assert throttle.check("name", "browser:abc", known_browser=True).wait_seconds == 0
    assert throttle.check("other", "203.0.113.2", known_browser=False).wait_seconds == 0
    now[0] += timedelta(seconds=10)
    assert throttle.check("name", "203.0.113.2", known_browser=False).wait_seconds == 0
    throttle.failed("name", "192.0.2.9")
    throttle.succeeded("name", "192.0.2.9")
    assert throttle.check("name", "192.0.2.9", known_browser=True).wait_seconds == 0


def test_behind_a_proxy_that_sets_no_header_a_stranger_cannot_lock_the_agent_out(
    tmp_path: Path,
) -> None:
    """Every client comes from one address (no trusted proxy): a stranger's failures lock
    that address out for the name, but the agent's known browser is counted as itself."""
    with start_live(tmp_path / "data") as site:
        create_agent(site.database, NAME)
        set_password(site.database, NAME, PASSWORD)
        with site.client() as browser:
            assert attempt(browser, PASSWORD).status_code == 303  # the browser is now known
            browser.cookies.delete(SESSION_COOKIE)
            with site.client() as stranger:
                for _ in range(5):
                    assert attempt(stranger, "a wrong guess!").status_code == 401
                assert attempt(stranger, PASSWORD).status_code == 429
            # Same address, same name: the agent's own browser still signs in at once.
            assert attempt(browser, PASSWORD).status_code == 303
            assert NAME in browser.get("/search").text
