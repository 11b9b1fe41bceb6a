"""Agents' sign-in to the web UI: session cookie, CSRF on every form, no open redirect."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import httpx
import pytest

from myrtille.web.auth import create_agent, revoke, set_password
from myrtille.web.sessions import CSRF_COOKIE, SESSION_COOKIE
from tests.web.conftest import AGENT_PASSWORD, Live, csrf_of, signed_in, start_live


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    with start_live(tmp_path_factory.mktemp("signin") / "data") as running:
        yield running


def test_sign_in_sets_an_httponly_session_and_the_header_names_the_agent(site: Live) -> None:
    with site.client() as http:
        form = http.get("/signin?next=/search%3Fq%3Dsector%3Aenergy")
        assert form.status_code == 200
        assert "httponly" in form.headers["set-cookie"].lower()
        assert "samesite=strict" in form.headers["set-cookie"].lower()
        response = http.post(
            "/signin",
            data={
                "csrf": csrf_of(form.text),
                "name": "test-agent",
                "password": AGENT_PASSWORD,
                "next": "/search?q=sector:energy",
            },
        )
        assert response.status_code == 303
        assert response.headers["location"] == "/search?q=sector:energy"
        cookie = response.headers["set-cookie"].lower()
        assert SESSION_COOKIE in cookie and "httponly" in cookie and "samesite=lax" in cookie
        page = http.get("/search")
        assert "test-agent" in page.text and 'action="/signout"' in page.text
        # Signing out ends the session.
        out = http.post("/signout", data={"csrf": csrf_of(page.text)})
        assert out.status_code == 303
        assert 'id="sign-in"' in http.get("/search").text


def test_a_session_cookie_copied_before_sign_out_is_refused_after_it(
    state_url: str, tmp_path: Path
) -> None:
    with start_live(tmp_path / "data", database_url=state_url) as site:
        with closing(signed_in(site)) as http:
            copied = http.cookies[SESSION_COOKIE]
            page = http.get("/agent/subscriptions")
            assert page.status_code == 200
            assert http.post("/signout", data={"csrf": csrf_of(page.text)}).status_code == 303
        with httpx.Client(base_url=site.url, cookies={SESSION_COOKIE: copied}) as thief:
            refused = thief.get("/agent/subscriptions")
            assert refused.status_code == 303
            assert refused.headers["location"].startswith("/signin")
            assert 'id="sign-in"' in thief.get("/search").text


def test_sign_in_rotates_the_csrf_nonce(site: Live) -> None:
    with site.client() as http:
        form = http.get("/signin")
        nonce_before, field_before = http.cookies[CSRF_COOKIE], csrf_of(form.text)
        response = http.post(
            "/signin",
            data={"csrf": field_before, "name": "test-agent", "password": AGENT_PASSWORD},
        )
        assert response.status_code == 303
        assert http.cookies[CSRF_COOKIE] != nonce_before
        # A field learnt before signing in is worthless now; the page's new one works.
        assert http.post("/signout", data={"csrf": field_before}).status_code == 403
        page = http.get("/search")
        assert "test-agent" in page.text
        assert http.post("/signout", data={"csrf": csrf_of(page.text)}).status_code == 303


def test_wrong_password_or_unknown_name_is_one_message(site: Live) -> None:
    with site.client() as http:
        token = csrf_of(http.get("/signin").text)
        for name, password in (("test-agent", "wrong password!"), ("nobody", AGENT_PASSWORD)):
            response = http.post(
                "/signin", data={"csrf": token, "name": name, "password": password}
            )
            assert response.status_code == 401
            assert 'id="signin-error"' in response.text
            assert SESSION_COOKIE not in response.headers.get("set-cookie", "")


def test_a_post_without_the_csrf_field_or_from_another_site_is_refused(site: Live) -> None:
    with site.client() as http:
        token = csrf_of(http.get("/signin").text)
        data = {"name": "test-agent", "password": AGENT_PASSWORD}
        assert http.post("/signin", data=data).status_code == 403
        assert http.post("/signin", data=data | {"csrf": "0" * 64}).status_code == 403
        foreign = http.post(
            "/signin", data=data | {"csrf": token}, headers={"Origin": "https://evil.example"}
        )
        assert foreign.status_code == 403
    # The field is bound to the browser's own cookie: another browser's field fails.
    with site.client() as other:
        other.get("/signin")
        assert other.post("/signin", data=data | {"csrf": token}).status_code == 403


def test_next_never_leaves_the_site(site: Live) -> None:
    with site.client() as http:
        for target in ("//evil.example/x", "https://evil.example/", "/\\evil.example"):
            # Each sign-in replaces the CSRF nonce: the form is fetched again each time.
            token = csrf_of(http.get("/signin").text)
            response = http.post(
                "/signin",
                data={
                    "csrf": token,
                    "name": "test-agent",
                    "password": AGENT_PASSWORD,
                    "next": target,
                },
            )
            assert response.headers["location"] == "/search"


def test_revoking_or_changing_the_password_ends_sessions(site: Live) -> None:
    create_agent(site.database, "short-lived")
    set_password(site.database, "short-lived", "first password 1")
    http = signed_in(site, "short-lived", "first password 1")
    assert "short-lived" in http.get("/search").text
    set_password(site.database, "short-lived", "second password 2")
    assert "short-lived" not in http.get("/search").text
    http.close()
    http = signed_in(site, "short-lived", "second password 2")
    assert "short-lived" in http.get("/search").text
    revoke(site.database, "short-lived")
    assert "short-lived" not in http.get("/search").text
    http.close()


def test_a_forged_session_cookie_is_ignored(site: Live) -> None:
    with httpx.Client(base_url=site.url, cookies={SESSION_COOKIE: "e30.AAAA"}) as http:
        assert 'id="sign-in"' in http.get("/search").text
    assert CSRF_COOKIE == "myrtille_csrf"


def test_short_passwords_are_refused(site: Live) -> None:
    with pytest.raises(ValueError, match="at least 10"):
        set_password(site.database, "test-agent", "short")


def test_repeated_failures_are_throttled_per_client_and_name(site: Live) -> None:
    create_agent(site.database, "guessed")
    set_password(site.database, "guessed", "the right password")
    with site.client() as http:
        token = csrf_of(http.get("/signin").text)

        def attempt(name: str, password: str) -> httpx.Response:
            return http.post("/signin", data={"csrf": token, "name": name, "password": password})

        for _ in range(5):
            assert attempt("guessed", "a wrong guess!").status_code == 401
        refused = attempt("guessed", "the right password")  # even the right one, for now
        assert refused.status_code == 429
        assert 'id="signin-throttled"' in refused.text and "15 min" in refused.text
        assert SESSION_COOKIE not in refused.headers.get("set-cookie", "")
        # Another name from the same client is not affected.
        assert attempt("test-agent", AGENT_PASSWORD).status_code == 303
