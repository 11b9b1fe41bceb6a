"""rss2email 3.14, the simplest feed reader, as the same-run peer of bench/repoll.py.

rss2email polls its feeds one after the other in one process (feedparser, conditional GETs
with the stored ETag / Last-Modified) and sends one email per new entry. Here it reads the
same local feeds as our crawl and sends its mail over SMTP to a local aiosmtpd server that
counts the messages, so the peer does the whole job: fetch, parse, remember, deliver.

The configuration (one ``[feed.NAME]`` section per feed) and the data file live in a
temporary directory; ``prime`` runs ``r2e run --no-send`` once so that the timed runs are
re-polls, as ours are. Each timed run is ``r2e run`` in its own process, timed wall-clock
from process start to exit, like our crawl's child and the bare spider.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from email import message_from_bytes
from pathlib import Path
from typing import Any

import benchlib
from aiosmtpd.controller import Controller

from myrtille.demo.httpserver import RouteServer


@dataclass
class PeerRun:
    seconds: float
    emails: int


class _Counter:
    """aiosmtpd handler: counts the messages and keeps their subjects."""

    def __init__(self) -> None:
        self.subjects: list[str] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.subjects.append(str(message_from_bytes(envelope.content)["Subject"]))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def r2e_command() -> list[str]:
    """The ``r2e`` entry point installed beside this interpreter."""
    script = Path(sys.executable).with_name("r2e")
    if script.exists():
        return [str(script)]
    found = shutil.which("r2e")
    if found is None:
        raise SystemExit("rss2email is not installed: pip install -e '.[dev]'")
    return [found]


class Rss2Email:
    """rss2email over ``feeds`` ({name: url}), its mail to a local SMTP server."""

    def __init__(self, work_dir: Path, feeds: dict[str, str]) -> None:
        self.dir = work_dir / "rss2email"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.config = self.dir / "rss2email.cfg"
        self.data = self.dir / "rss2email.json"
        self.handler = _Counter()
        self.port = _free_port()
        self.smtp = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.feeds = feeds

    def __enter__(self) -> Rss2Email:
        self.smtp.start()
        self._write_config()
        return self

    def __exit__(self, *exc: object) -> None:
        self.smtp.stop()

    def _write_config(self) -> None:
        port = self.port
        lines = [
            "[DEFAULT]",
            "from = bench@myrtille.invalid",
            "to = reader@myrtille.invalid",
            "email-protocol = smtp",
            f"smtp-server = 127.0.0.1:{port}",
            "smtp-ssl = False",
            "smtp-auth = False",
            # Plain-text mail, as rss2email's users mostly read it (html2text conversion).
            "html-mail = False",
            "",
        ]
        for name, url in self.feeds.items():
            lines += [f"[feed.{name}]", f"url = {url}", ""]
        self.config.write_text("\n".join(lines), encoding="utf-8")

    def _run(self, *extra: str) -> float:
        command = [*r2e_command(), "-c", str(self.config), "-d", str(self.data), "run", *extra]
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(f"rss2email failed ({done.returncode}): {done.stderr[-2000:]}")
        return seconds

    def prime(self) -> float:
        """First poll without mail: remembers every entry and the feeds' validators."""
        return self._run("--no-send")

    def repoll(self) -> PeerRun:
        before = len(self.handler.subjects)
        seconds = self._run()
        return PeerRun(seconds, len(self.handler.subjects) - before)


def check_peer(
    peer: PeerRun, server: RouteServer, changed: set[str], sent: dict[str, tuple[str, str]]
) -> bool:
    """rss2email did the same job: each feed fetched once with its validator, one email
    per new entry, no page fetched."""
    feed_hits = {p: n for p, n in server.hits.items() if p.startswith("/feeds/")}
    conditional = sum(
        1
        for request in server.requests
        if request.path in sent and request.headers.get("if-none-match") == sent[request.path][0]
    )
    return benchlib.check(
        {
            f"rss2email: {peer.emails} emails for {len(changed)} new entries": (
                peer.emails == len(changed)
            ),
            f"rss2email: each feed fetched once ({len(feed_hits)} feeds, "
            f"{sum(feed_hits.values())} requests), {conditional} with the stored ETag": (
                len(feed_hits) == len(sent)
                and set(feed_hits.values()) == {1}
                and conditional == len(sent)
            ),
        }
    )
