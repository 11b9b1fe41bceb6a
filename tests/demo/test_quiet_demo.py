"""`myrtille demo` keeps a quiet console: no line per HTTP request unless --access-log, no
Alembic chatter, one line per published article and one per email; and the demo agent
manages the demo subscriptions, so signing in shows them. Through the real command."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

from myrtille.demo.corpus import load_corpus
from myrtille.demo.subscribers import DEMO_AGENT, DEMO_PORTFOLIO, SUBSCRIPTIONS
from tests.demo.test_demo import free_port
from tests.demo.test_live_demo import DEMO_WAIT, start_demo, stop
from tests.waiting import wait_for
from tests.web.conftest import csrf_of

# uvicorn's access log: `INFO:     127.0.0.1:53124 - "GET /search HTTP/1.1" 200 OK`.
ACCESS_LINE = re.compile(r'"(GET|POST) /\S* HTTP/1\.1" \d{3}')
PUBLISHED = re.compile(r"^📰 published in [\w-]+: .+  \((http://\S+)\)$", re.MULTILINE)


def console(*logs: Path) -> str:
    """What the user sees: the demo's standard output and error together."""
    return "".join(log.read_text(encoding="utf-8") for log in logs)


def sign_in(http: httpx.Client, text: str) -> None:
    password = re.search(rf"as '{DEMO_AGENT}' with the password (\S+)", text)
    assert password, text
    form = http.get("/signin")
    answer = http.post(
        "/signin",
        data={
            "csrf": csrf_of(form.text),
            "name": DEMO_AGENT,
            "password": password.group(1),
            "next": "/agent/subscriptions",
        },
    )
    assert answer.status_code == 303, answer.text


@pytest.fixture(scope="module")
def demo_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("quiet") / "demo-data"


def test_the_demo_console_is_quiet_and_the_agent_sees_its_subscriptions(
    demo_data: Path,
) -> None:
    ui_port = free_port()
    process, out, err = start_demo(
        demo_data,
        *("--every", "1", "--poll", "1", "--duration", "600"),
        *("--port", str(free_port()), "--ui-port", str(ui_port)),
    )
    mail = demo_data / "mail"
    try:
        ui = f"http://127.0.0.1:{ui_port}"
        wait_for(
            lambda: "Demo subscriptions (" in out.read_text(),
            "subscriptions",
            out,
            DEMO_WAIT,
            process,
        )
        with httpx.Client(base_url=ui, timeout=10) as http:
            sign_in(http, out.read_text(encoding="utf-8"))
            page = http.get("/agent/subscriptions")
            assert page.status_code == 200
            listed = re.findall(r'<tr class="subscription" data-id="\d+"', page.text)
            assert len(listed) == len(SUBSCRIPTIONS), page.text
            for wanted in SUBSCRIPTIONS:
                assert wanted.email in page.text
            # The demo ships a portfolio of its firms (issue 13.6), the agent's own.
            shipped = http.get(f"/agent/portfolios/{DEMO_PORTFOLIO}")
            assert shipped.status_code == 200
            firms = {c["siren"] for c in load_corpus().companies if c.get("siren")}
            rows = re.findall(r'<tr class="company" data-siren="(\d{9})"', shipped.text)
            assert set(rows) == firms and len(firms) == 40
            # Requests of all kinds: none of them is a console line.
            assert http.get("/search", params={"q": "event:acquisition"}).status_code == 200
            assert http.get("/favicon.ico").status_code == 200
            assert http.get("/no-such-page").status_code == 404

        def narrated_mail() -> list[Path]:
            text = console(out, err)
            return [path for path in mail.glob("*.eml") if str(path) in text]

        wait_for(narrated_mail, "email line", out, DEMO_WAIT, process)
    finally:
        code = stop(process)
    assert code == 0, console(out, err)
    text = console(out, err)
    lines = text.splitlines()
    assert not [line for line in lines if ACCESS_LINE.search(line)], text
    assert not [line for line in lines if "alembic" in line.lower()], text
    # Each published article once (its URL on one line), each email once (its file).
    published = PUBLISHED.findall(text)
    assert published, text
    for url in published:
        assert sum(url in line for line in lines) == 1, (url, text)
    emails = narrated_mail()
    assert emails
    for path in emails:
        assert sum(str(path) in line for line in lines) == 1, (path, text)


def test_access_log_brings_the_request_lines_back(demo_data: Path) -> None:
    ui_port = free_port()
    process, out, err = start_demo(
        demo_data,
        *("--every", "1", "--poll", "1", "--duration", "600", "--access-log"),
        *("--port", str(free_port()), "--ui-port", str(ui_port)),
    )
    try:
        wait_for(lambda: "Web UI: " in out.read_text(), "UI URL", out, DEMO_WAIT, process)
        with httpx.Client(base_url=f"http://127.0.0.1:{ui_port}", timeout=10) as http:
            sign_in(http, out.read_text(encoding="utf-8"))
            # Signing in again does not hand the subscriptions over twice or drop them.
            page = http.get("/agent/subscriptions")
            assert len(re.findall(r'<tr class="subscription"', page.text)) == len(SUBSCRIPTIONS)
        wait_for(
            lambda: '"GET /agent/subscriptions HTTP/1.1" 200' in console(out, err),
            "access line",
            err,
            DEMO_WAIT,
            process,
        )
    finally:
        code = stop(process)
    assert code == 0, console(out, err)
