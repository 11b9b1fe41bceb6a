"""`myrtille demo` as a user starts it: the whole service on the demo site, a newsroom that
keeps publishing, alert emails written as .eml files for the new articles, the web UI,
and a clean stop on SIGTERM or at the end of --duration. Offline, through the command."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from email import policy
from email.parser import BytesParser
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from myrtille.demo.corpus import load_corpus, load_upcoming
from myrtille.demo.newsroom import STATE_NAME
from myrtille.demo.subscribers import DEMO_AGENT
from myrtille.store.database import open_database
from myrtille.store.schema import Document
from myrtille.store.subscriptions import OutboxItem
from tests.demo.test_demo import free_port
from tests.waiting import wait_for
from tests.web.conftest import csrf_of

SERVICE_ENV = {
    "MYRTILLE_SERVICE__CRAWL_INTERVAL": "2s",
    "MYRTILLE_SERVICE__PROCESS_INTERVAL": "1s",
    "MYRTILLE_SERVICE__DISPATCH_INTERVAL": "1s",
}
# How long a step of the demo may take: dying earlier fails at once, with its output.
DEMO_WAIT = 240  # seconds
PUBLISHED = re.compile(r"^📰 published in [\w-]+: (.+?)  \(", re.MULTILINE)


def start_demo(data_dir: Path, *options: str) -> tuple[subprocess.Popen[bytes], Path, Path]:
    out, err = data_dir.parent / "demo.out", data_dir.parent / "demo.err"
    command = [sys.executable, "-m", "myrtille", "--data-dir", str(data_dir), "demo", *options]
    with out.open("wb") as stdout, err.open("wb") as stderr:
        process = subprocess.Popen(
            command,
            stdout=stdout,
            stderr=stderr,
            stdin=subprocess.DEVNULL,
            env={"PATH": "/usr/bin:/bin", "HOME": str(data_dir.parent), **SERVICE_ENV},
        )
    return process, out, err


def alert_subjects(mail: Path) -> list[str]:
    subjects = []
    for path in sorted(mail.glob("*.eml")):
        with path.open("rb") as handle:
            subjects.append(str(BytesParser(policy=policy.default).parse(handle)["Subject"]))
    return subjects


def stop(process: subprocess.Popen[bytes]) -> int:
    process.send_signal(signal.SIGTERM)
    try:
        return process.wait(timeout=120)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise


@pytest.fixture(scope="module")
def demo_data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("live") / "demo-data"


def test_the_live_demo_publishes_alerts_serves_the_ui_and_stops_on_sigterm(
    demo_data: Path,
) -> None:
    ui_port = free_port()
    process, out, _ = start_demo(
        demo_data,
        *("--every", "1", "--poll", "1", "--duration", "600"),
        *("--port", str(free_port()), "--ui-port", str(ui_port)),
    )
    try:
        ui = f"http://127.0.0.1:{ui_port}"
        wait_for(
            lambda: f"Web UI: {ui}/search" in out.read_text(), "UI URL", out, DEMO_WAIT, process
        )
        text = out.read_text(encoding="utf-8")
        credentials = re.search(rf"as '{DEMO_AGENT}' with the password (\S+)", text)
        api_key = re.search(rf"REST API key of '{DEMO_AGENT}' \(shown once\): (\S+)", text)
        assert credentials and api_key, text
        with httpx.Client(base_url=ui, timeout=10) as http:
            assert http.get("/search").status_code == 200
            form = http.get("/signin")
            fields = {"csrf": csrf_of(form.text), "name": DEMO_AGENT, "next": "/search"}
            wrong = http.post("/signin", data={**fields, "password": "not the password"})
            assert wrong.status_code == 401
            right = http.post("/signin", data={**fields, "password": credentials.group(1)})
            assert right.status_code == 303, right.text

        # Alerts come for the newsroom's articles: their titles are none of the corpus's.
        upcoming = {item["title"] for item in load_upcoming()}
        assert not upcoming & {article.title for article in load_corpus().articles}

        def alerted_news() -> tuple[list[str], list[str]] | None:
            # One snapshot of the mailbox, then the console: an article is published
            # before its alert, so every subject in the snapshot can be checked.
            subjects = alert_subjects(demo_data / "mail")
            published = set(PUBLISHED.findall(out.read_text(encoding="utf-8")))
            news = [s for s in subjects if s.split("] ", 1)[-1] in published & upcoming]
            return (subjects, news) if news else None

        snapshot = wait_for(alerted_news, "alert email for a new article", out, DEMO_WAIT, process)
        assert isinstance(snapshot, tuple)
        subjects, alerted = snapshot
        # Subscriptions begin after the first collection: every email is about news.
        assert subjects == alerted
        # The console says so, with the file.
        wait_for(
            lambda: "✉  to " in out.read_text(encoding="utf-8"),
            "mail line",
            out,
            DEMO_WAIT,
            process,
        )
        # The new article is in the index too, newest first.
        newest = httpx.get(
            f"{ui}/api/v1/search",
            params={"q": "lang:fr OR lang:en", "sort": "date", "per_page": 20},
            headers={"X-API-Key": api_key.group(1)},
            timeout=10,
        )
        assert newest.status_code == 200, newest.text
        assert alerted[0].split("] ", 1)[-1] in {hit["title"] for hit in newest.json()["hits"]}

        # In the end every upcoming article matches some demo subscription (immediate
        # ones are mailed, daily ones wait for their digest).
        database = open_database(f"sqlite:///{demo_data / 'myrtille.db'}")

        def unmatched() -> set[str]:
            with database.session() as session:
                matched = set(
                    session.scalars(
                        select(Document.title).join(
                            OutboxItem, OutboxItem.document_id == Document.id
                        )
                    )
                )
            return upcoming - matched

        try:
            wait_for(
                lambda: not unmatched(), "match for every upcoming article", out, DEMO_WAIT, process
            )
        finally:
            database.dispose()
    finally:
        code = stop(process)
    assert code == 0, out.read_text()
    assert "Demo stopped." in out.read_text(encoding="utf-8")


def test_a_restarted_demo_goes_on_and_ends_after_its_duration(demo_data: Path) -> None:
    before = json.loads((demo_data / STATE_NAME).read_text())["published"]
    assert before, "the first test published articles"
    process, out, _ = start_demo(
        demo_data,
        *("--every", "1", "--poll", "1", "--duration", "10"),
        *("--port", str(free_port()), "--ui-port", str(free_port())),
    )
    try:
        code = process.wait(timeout=240)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise
    text = out.read_text(encoding="utf-8")
    assert code == 0, text
    assert "--duration 10 s is over: stopping." in text
    assert "Demo stopped." in text
    after = json.loads((demo_data / STATE_NAME).read_text())["published"]
    # What was published before is kept (same dates), and nothing is published twice.
    assert after[: len(before)] == before
    slugs = [entry["slug"] for entry in after]
    assert len(slugs) == len(set(slugs))
    # The articles published before were served again and recognised: one document each.
    database = open_database(f"sqlite:///{demo_data / 'myrtille.db'}")
    with database.session() as session:
        urls = list(session.scalars(select(Document.url)))
    database.dispose()
    for entry in before:
        assert sum(url.endswith(f"/{entry['slug']}.html") for url in urls) == 1, entry
