"""The live stream (Server-Sent Events) through a real server, and ``myrtille watch``."""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from myrtille.alerts.stream import events_after
from myrtille.alerts.subscriptions import create_subscription
from myrtille.cli import main
from myrtille.cli.watch import parse_sse
from myrtille.config.loading import load_settings
from myrtille.index.base import IndexBackend
from myrtille.index.factory import open_index
from myrtille.store.database import Database
from myrtille.store.subscriptions import OutboxItem
from myrtille.web.app import create_app
from myrtille.web.auth import create_agent
from tests.waiting import hang_guard
from tests.web.conftest import documents, serve_app, shut_down

SECRET = b"stream-tests-secret-0123456789abcdef"
HEARTBEAT = 0.3
# Seconds after which a read still waiting is cut: a hang guard, far above a read's need.
HANG_GUARD = 10.0
_emails = itertools.count(1)


@dataclass
class Server:
    url: str
    database: Database
    index: IndexBackend


@dataclass
class Subscribed:
    email: str
    key: str
    subscription_id: int


@dataclass
class Read:
    """What one connection received, in order."""

    events: list[dict[str, str]] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    retry: list[int] = field(default_factory=list)

    @property
    def ids(self) -> list[str]:
        return [e["id"] for e in self.events]

    def payloads(self) -> list[dict[str, object]]:
        return [json.loads(e["data"]) for e in self.events]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data_dir: Path = tmp_path_factory.mktemp("stream") / "data"
    # Short intervals, set as an operator would, so that heartbeats and live rows show up
    # within a test.
    settings = load_settings(
        None,
        env={},
        overrides={
            "data_dir": str(data_dir),
            "web": {"stream_heartbeat": f"{HEARTBEAT}s", "stream_poll": "0.05s"},
        },
    )
    index = open_index(settings)
    index.index(documents())
    app = create_app(settings)
    try:
        with serve_app(app) as url:
            yield Server(url, app.state.database, index)
    finally:
        index.close()


def subscribe(
    server: Server,
    email: str | None = None,
    *,
    channels: list[str] | None = None,
    active: bool = True,
) -> Subscribed:
    """An agent of that email, and a stream subscription of the same email."""
    email = email or f"agent{next(_emails)}@exemple.fr"
    _agent, key = create_agent(server.database, f"agent-{email}", email)
    created = create_subscription(
        server.database,
        SECRET,
        email=email,
        query="aerovolt",
        name=f"Veille {email}",
        channels=channels or ["stream"],
        kind="agent",
        confirmed_by_operator=active,
    )
    return Subscribed(email, key, created.subscription_id)


def add_row(
    server: Server,
    subscription_id: int,
    document_id: str,
    *,
    channel: str = "stream",
    also: list[dict[str, str]] | None = None,
) -> int:
    with server.database.session() as session:
        item = OutboxItem(
            subscription_id=subscription_id,
            cluster_id=f"story-{document_id}",
            document_id=document_id,
            channel=channel,
            also_reported_by=also or [],
        )
        session.add(item)
        session.flush()
        return item.id


def read(
    server: Server,
    key: str | None,
    *,
    events: int | None = None,
    until_comment: str | None = "caught-up",
    headers: dict[str, str] | None = None,
    params: dict[str, str] | None = None,
    then: list[int] | None = None,
) -> Read:
    """Connect, read until ``events`` events (or the comment), then disconnect."""
    sent = dict(headers or {})
    if key is not None:
        sent["X-API-Key"] = key
    got = Read()
    with (
        httpx.Client(base_url=server.url, timeout=5) as client,
        client.stream("GET", "/api/v1/stream", headers=sent, params=params) as response,
        # Heartbeats keep lines coming, so the client's read timeout alone never ends a read.
        hang_guard(HANG_GUARD, lambda: shut_down(response)),
    ):
        assert response.status_code == 200, response.read()
        assert response.headers["content-type"].startswith("text/event-stream")
        assert response.headers["cache-control"] == "no-cache"
        assert response.headers["x-accel-buffering"] == "no"
        message: dict[str, str] = {}
        wanted = f"{events} events" if events is not None else f"the comment {until_comment!r}"
        try:
            for line in response.iter_lines():
                if line.startswith(":"):
                    got.comments.append(line[1:].strip())
                    if events is None and got.comments[-1] == until_comment:
                        return got
                elif line.startswith("retry:"):
                    got.retry.append(int(line.removeprefix("retry:")))
                elif line:
                    name, _, value = line.partition(": ")
                    message[name] = value
                elif message:
                    got.events.append(message)
                    message = {}
                    if events is not None and len(got.events) >= events:
                        return got
        except httpx.TransportError as error:
            raise AssertionError(
                f"the stream was cut before {wanted}: {got} ({error!r})"
            ) from error
    raise AssertionError(f"the stream ended early: {got}")


def test_events_resume_after_last_event_id(server: Server) -> None:
    agent = subscribe(server, "a@exemple.fr")
    first = add_row(server, agent.subscription_id, "d01")
    second = add_row(
        server,
        agent.subscription_id,
        "d03",
        also=[{"id": "d02", "source": "la-depeche", "url": "https://x", "title": "Rachat"}],
    )

    got = read(server, agent.key, events=2)
    assert got.retry == [3000]
    assert got.ids == [str(first), str(second)]
    assert {e["event"] for e in got.events} == {"alert"}
    one, two = got.payloads()
    assert one["id"] == str(first)
    assert one["subscription"] == {
        "id": agent.subscription_id,
        "name": "Veille a@exemple.fr",
        "query": "aerovolt",
    }
    document = one["document"]
    assert isinstance(document, dict)
    assert document["id"] == "d01" and document["title"] == "Aérovolt rachète Hélicea"
    assert document["url"] == "https://news.example/1" and document["source"] == "eco-regions"
    assert document["published_at"].startswith("20")
    assert document["sectors"] == ["aeronautics"] and document["regions"] == ["76"]
    assert document["companies"][0]["siren"] == "919985002"
    assert document["events"][0]["type"] == "acquisition"
    assert two["also_reported_by"] == [
        {"id": "d02", "source": "la-depeche", "url": "https://x", "title": "Rachat"}
    ]

    # Disconnected; a third alert arrives; the reconnection receives it and only it.
    third = add_row(server, agent.subscription_id, "d09")
    again = read(server, agent.key, headers={"Last-Event-ID": str(second)})
    assert again.ids == [str(third)]
    # The query parameter does the same, for clients that cannot set headers.
    assert read(server, agent.key, params={"last_event_id": str(first)}).ids == [
        str(second),
        str(third),
    ]
    # Nothing after the last one: only the caught-up marker.
    assert read(server, agent.key, headers={"Last-Event-ID": str(third)}).ids == []


def test_rows_arriving_while_connected_are_sent_live(server: Server) -> None:
    agent = subscribe(server)
    before = add_row(server, agent.subscription_id, "d01")
    timer = threading.Timer(0.3, add_row, (server, agent.subscription_id, "d04"))
    timer.start()
    try:
        got = read(server, agent.key, events=2)
    finally:
        timer.join()
    assert got.ids[0] == str(before) and int(got.ids[1]) > before
    assert "caught-up" in got.comments  # the live one came after the backlog


def test_only_the_agents_own_active_stream_rows(server: Server) -> None:
    agent = subscribe(server)
    other = subscribe(server)
    email_only = create_subscription(
        server.database,
        SECRET,
        email=agent.email,
        query="solaris",
        channels=["email"],
        confirmed_by_operator=True,
    )
    inactive = subscribe(server, f"inactive{next(_emails)}@exemple.fr", active=False)
    mine = add_row(server, agent.subscription_id, "d01")
    add_row(server, other.subscription_id, "d02")
    add_row(server, agent.subscription_id, "d03", channel="email")
    add_row(server, email_only.subscription_id, "d05", channel="email")
    add_row(server, inactive.subscription_id, "d06")
    theirs = read(server, other.key)
    assert len(theirs.ids) == 1 and theirs.ids != [str(mine)]
    assert read(server, agent.key).ids == [str(mine)]
    assert read(server, inactive.key).ids == []


def test_a_document_missing_from_the_index_is_sent_by_id(server: Server) -> None:
    agent = subscribe(server)
    row = add_row(server, agent.subscription_id, "gone")
    (payload,) = read(server, agent.key, events=1).payloads()
    assert payload["id"] == str(row) and payload["document"] == {"id": "gone"}


def test_heartbeats_keep_a_quiet_stream_alive(server: Server) -> None:
    agent = subscribe(server)
    started = time.monotonic()
    got = read(server, agent.key, until_comment="keepalive")
    assert got.ids == [] and got.comments[:2] == ["caught-up", "keepalive"]
    assert time.monotonic() - started >= HEARTBEAT * 0.9


def test_bearer_token_is_accepted(server: Server) -> None:
    agent = subscribe(server)
    row = add_row(server, agent.subscription_id, "d01")
    got = read(server, None, headers={"Authorization": f"Bearer {agent.key}"})
    assert got.ids == [str(row)]


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"X-API-Key": "myr_00000000_wrong"},
        {"X-API-Key": "garbage"},
        {"Authorization": "Bearer x"},
    ],
)
def test_no_or_wrong_key_is_401(server: Server, headers: dict[str, str]) -> None:
    response = httpx.get(f"{server.url}/api/v1/stream", headers=headers, timeout=5)
    assert response.status_code == 401
    assert response.json()["error"] == "unauthorized"


def test_malformed_last_event_id_is_400(server: Server) -> None:
    agent = subscribe(server)
    response = httpx.get(
        f"{server.url}/api/v1/stream",
        headers={"X-API-Key": agent.key, "Last-Event-ID": "abc"},
        timeout=5,
    )
    assert response.status_code == 400 and response.json()["error"] == "invalid_parameter"


def test_an_agent_without_email_is_told_so(server: Server) -> None:
    _agent, key = create_agent(server.database, "no-email-agent", None)
    response = httpx.get(f"{server.url}/api/v1/stream", headers={"X-API-Key": key}, timeout=5)
    assert response.status_code == 403 and "email" in response.json()["message"]


def test_events_after_pages_in_id_order(server: Server) -> None:
    agent = subscribe(server)
    rows = [add_row(server, agent.subscription_id, f"d{n:02d}") for n in (1, 3, 4, 5)]
    page = events_after(server.database, server.index, agent.email, 0, limit=3)
    assert [e.id for e in page] == [str(r) for r in rows[:3]]
    rest = events_after(server.database, server.index, agent.email, int(page[-1].id))
    assert [e.id for e in rest] == [str(rows[3])]
    assert events_after(server.database, server.index, None, 0) == []


# -- myrtille watch -------------------------------------------------------------------


def watch(server: Server, *args: str) -> tuple[int, list[str], str]:
    result = CliRunner().invoke(main, ["watch", "--url", server.url, *args])
    return result.exit_code, result.stdout.splitlines(), result.output


def test_watch_once_json_prints_the_events(server: Server) -> None:
    agent = subscribe(server)
    rows = [add_row(server, agent.subscription_id, d) for d in ("d01", "d04")]
    code, lines, output = watch(server, "--once", "--json", "--api-key", agent.key)
    assert code == 0, output
    printed = [json.loads(line) for line in lines]
    assert [p["id"] for p in printed] == [str(r) for r in rows]
    assert printed[1]["document"]["source"] == "eco-regions"
    # A script resumes from the last id it printed.
    later = add_row(server, agent.subscription_id, "d09")
    code, lines, output = watch(
        server, "--once", "--json", "--api-key", agent.key, "--last-event-id", str(rows[1])
    )
    assert code == 0, output
    assert [json.loads(line)["id"] for line in lines] == [str(later)]


def test_watch_readable_lines_and_query_filter(server: Server) -> None:
    agent = subscribe(server)
    add_row(server, agent.subscription_id, "d01")
    add_row(server, agent.subscription_id, "d04")
    code, lines, output = watch(server, "--once", "--api-key", agent.key)
    assert code == 0, output
    assert len(lines) == 2
    assert "eco-regions" in lines[0] and f"[Veille {agent.email}]" in lines[0]
    assert "Aérovolt rachète Hélicea" in lines[0] and "https://news.example/1" in lines[0]
    # QUERY filters the agent's stream on the client side.
    code, lines, output = watch(server, "sector:energy", "--once", "--api-key", agent.key)
    assert code == 0, output
    assert len(lines) == 1 and "Solaris" in lines[0]


def test_watch_takes_the_key_from_the_environment(server: Server) -> None:
    agent = subscribe(server)
    row = add_row(server, agent.subscription_id, "d01")
    result = CliRunner(env={"MYRTILLE_API_KEY": agent.key}).invoke(
        main, ["watch", "--url", server.url, "--once", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == str(row)


def test_watch_with_a_wrong_key_exits_2(server: Server) -> None:
    code, _lines, output = watch(server, "--once", "--api-key", "myr_00000000_wrong")
    assert code == 2
    assert "refused the API key" in output
    # Without --once too: a refused key is not retried forever.
    code, _lines, output = watch(server, "--api-key", "myr_00000000_wrong")
    assert code == 2


def test_watch_rejects_a_bad_query(server: Server) -> None:
    code, _lines, output = watch(server, "sector:", "--once", "--api-key", "k")
    assert code == 2 and "Invalid query" in output


def test_parse_sse_follows_the_format() -> None:
    lines = ["retry: 3000", "", ": caught-up", "id: 7", "event: alert", "data: {", "data: }", ""]
    parsed = list(parse_sse(iter(lines)))
    assert [p.kind for p in parsed] == ["retry", "caught-up", "event"]
    assert parsed[2].id == "7" and parsed[2].event == "alert" and parsed[2].data == "{\n}"
