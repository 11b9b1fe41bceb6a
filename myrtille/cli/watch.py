"""``myrtille watch``: follow the live stream of alerts (Server-Sent Events) from a server.

The client remembers the last event id and sends it as ``Last-Event-ID`` when it
reconnects, so a dropped connection loses nothing and repeats nothing.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import click
import httpx

from myrtille.cli.command import err, main
from myrtille.cli.language import query_refused, say, say_n
from myrtille.cli.terminal import terminal_safe
from myrtille.index.base import IndexedDocument
from myrtille.index.query import Node

STREAM_PATH = "/api/v1/stream"
MAX_BACKOFF = 30.0
FIRST_BACKOFF = 1.0
# The server writes at least a keepalive every 15 s: three missed ones mean a dead link
# (a half-open TCP connection would otherwise hang forever).
READ_TIMEOUT = 45.0


class Unauthorized(Exception):
    """The server refused the key: reconnecting cannot help."""


class Refused(Exception):
    """A 4xx other than 401 (bad Last-Event-ID, agent without email): permanent too."""


@dataclass
class SSEMessage:
    id: str | None = None
    event: str = "message"
    data: list[str] = field(default_factory=list)


@dataclass
class Parsed:
    """What the SSE parser yields: an event, or a marker the client acts on."""

    kind: str  # "event", "caught-up" or "retry"
    event: str = ""
    id: str | None = None
    data: str = ""
    retry_ms: int = 0


def parse_sse(lines: Iterator[str]) -> Iterator[Parsed]:
    """A minimal Server-Sent Events parser (WHATWG rules for the fields used here)."""
    message = SSEMessage()
    for line in lines:
        if not line:
            if message.data:
                yield Parsed("event", message.event, message.id, "\n".join(message.data))
            message = SSEMessage()
            continue
        if line.startswith(":"):
            if line[1:].strip() == "caught-up":
                yield Parsed("caught-up")
            continue
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if name == "data":
            message.data.append(value)
        elif name == "event":
            message.event = value
        elif name == "id" and "\0" not in value:
            message.id = value
        elif name == "retry" and value.isdigit():
            yield Parsed("retry", retry_ms=int(value))


def document_of(payload: dict[str, Any]) -> IndexedDocument:
    """The event's document as the query evaluator wants it. The event has no full text,
    so free words match the title and the summary only."""
    doc = payload.get("document") or {}
    published = doc.get("published_at")
    return IndexedDocument(
        id=str(doc.get("id") or ""),
        url=str(doc.get("url") or ""),
        title=str(doc.get("title") or ""),
        text=str(doc.get("summary") or ""),
        source=str(doc.get("source") or ""),
        language=doc.get("language"),
        published_at=datetime.fromisoformat(published) if published else None,
        companies=list(doc.get("companies") or []),
        sectors=list(doc.get("sectors") or []),
        events=list(doc.get("events") or []),
        regions=list(doc.get("regions") or []),
        departments=list(doc.get("departments") or []),
    )


def readable(payload: dict[str, Any]) -> str:
    doc = payload.get("document") or {}
    published = doc.get("published_at")
    when = datetime.fromisoformat(published).strftime("%Y-%m-%d %H:%M") if published else "-"
    subscription = (payload.get("subscription") or {}).get("name") or "?"
    line = (
        f"{when}  {doc.get('source') or '?'}  [{subscription}]  "
        f"{doc.get('title') or doc.get('id')}  {doc.get('url') or ''}"
    )
    also = payload.get("also_reported_by") or []
    if also:
        line += "  (" + say_n("+{n} source", "+{n} sources", len(also)) + ")"
    return line.rstrip()


class Watcher:
    def __init__(
        self,
        url: str,
        key: str,
        *,
        as_json: bool,
        query: Node | None,
        last_id: str | None,
    ) -> None:
        self.url = url.rstrip("/") + STREAM_PATH
        self.key = key
        self.as_json = as_json
        self.query = query
        self.last_id = last_id
        self.backoff = FIRST_BACKOFF

    def show(self, data: str) -> None:
        payload = json.loads(data)
        if self.query is not None:
            from myrtille.index.matching import matches

            if not matches(self.query, document_of(payload)):
                return
        if self.as_json:
            click.echo(json.dumps(payload, ensure_ascii=False))
        else:
            # click.echo writes straight to the terminal: the titles are crawled text.
            click.echo(terminal_safe(readable(payload)))

    def connect(self, *, once: bool) -> bool:
        """One connection; True when ``once`` was satisfied (the backlog was read)."""
        headers = {"X-API-Key": self.key, "Accept": "text/event-stream"}
        if self.last_id:
            headers["Last-Event-ID"] = self.last_id
        timeout = httpx.Timeout(10.0, read=READ_TIMEOUT)
        with (
            httpx.Client(timeout=timeout) as client,
            client.stream("GET", self.url, headers=headers) as response,
        ):
            if response.status_code == 401:
                response.read()
                raise Unauthorized(_message(response))
            if 400 <= response.status_code < 500:
                response.read()
                raise Refused(f"HTTP {response.status_code}: {_message(response)}")
            response.raise_for_status()
            # Connected: the next failure starts its backoff from the beginning again.
            self.backoff = FIRST_BACKOFF
            for item in parse_sse(response.iter_lines()):
                if item.kind == "retry":
                    # The server's advice is the first delay before reconnecting.
                    self.backoff = min(max(item.retry_ms / 1000, FIRST_BACKOFF), MAX_BACKOFF)
                elif item.kind == "caught-up":
                    if once:
                        return True
                elif item.event == "alert":
                    self.show(item.data)
                    # Remembered only once shown: a crash mid-print replays the event.
                    if item.id is not None:
                        self.last_id = item.id
        return False

    def run(self, *, once: bool) -> None:
        while True:
            try:
                if self.connect(once=once):
                    return
                problem = say("the server closed the stream")
            except (httpx.TransportError, httpx.HTTPStatusError) as exc:
                problem = str(exc) or type(exc).__name__
                if once:
                    raise
            seconds = round(self.backoff)
            if self.last_id:
                said = say_n(
                    "Stream interrupted ({problem}); reconnecting in {n} second from event {id}.",
                    "Stream interrupted ({problem}); reconnecting in {n} seconds from event {id}.",
                    seconds,
                    problem=problem,
                    id=self.last_id,
                )
            else:
                said = say_n(
                    "Stream interrupted ({problem}); reconnecting in {n} second.",
                    "Stream interrupted ({problem}); reconnecting in {n} seconds.",
                    seconds,
                    problem=problem,
                )
            err.print(said, markup=False)
            time.sleep(self.backoff)
            self.backoff = min(self.backoff * 2, MAX_BACKOFF)


def _message(response: httpx.Response) -> str:
    try:
        return str(response.json().get("message") or response.text)
    except ValueError:
        return response.text.strip() or response.reason_phrase


@main.command()
@click.argument("query", required=False)
@click.option(
    "--url",
    default="http://127.0.0.1:8000",
    show_default=True,
    envvar="MYRTILLE_URL",
    help="The Myrtille server (or MYRTILLE_URL).",
)
@click.option(
    "--api-key",
    envvar="MYRTILLE_API_KEY",
    metavar="KEY",
    help="The agent's API key (or MYRTILLE_API_KEY).",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--once", is_flag=True, help="Print the alerts available now, then exit.")
@click.option(
    "--last-event-id",
    metavar="ID",
    help="Start after this event id (the last one a previous run printed).",
)
def watch(
    query: str | None,
    url: str,
    api_key: str | None,
    as_json: bool,
    once: bool,
    last_event_id: str | None,
) -> None:
    """Follow the agent's live alerts; QUERY keeps only the alerts whose document matches it.

    QUERY filters, on this side, the alerts of the agent's stream subscriptions: it adds no
    subscription. Reconnects by itself (backoff up to 30 s) without losing or repeating
    alerts. Exit status 2 when the key is refused.
    """
    if not api_key:
        err.print(
            say(
                "An API key is needed: {option} or {variable}.",
                option="--api-key KEY",
                variable="MYRTILLE_API_KEY",
            ),
            markup=False,
        )
        sys.exit(2)
    node: Node | None = None
    if query:
        from myrtille.index.query import QueryError, parse
        from myrtille.index.resolver import CodeResolver

        try:
            node = parse(query, CodeResolver())
        except QueryError as exc:
            err.print(query_refused(exc), markup=False)
            sys.exit(2)
    watcher = Watcher(url, api_key, as_json=as_json, query=node, last_id=last_event_id)
    try:
        watcher.run(once=once)
    except Unauthorized as exc:
        err.print(say("The server refused the API key: {reason}", reason=exc), markup=False)
        sys.exit(2)
    except Refused as exc:
        err.print(say("The server refused the stream: {reason}", reason=exc), markup=False)
        sys.exit(2)
    except (httpx.TransportError, httpx.HTTPStatusError) as exc:
        err.print(
            say("Cannot read the stream from {url}: {error}", url=url, error=exc), markup=False
        )
        sys.exit(1)
    except KeyboardInterrupt:
        # Ctrl-C is how one stops watching; say where to resume from.
        if watcher.last_id:
            err.print(say("Stopped after event {id}.", id=watcher.last_id), markup=False)
        sys.exit(130)
