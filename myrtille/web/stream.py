"""The live stream of alerts, as Server-Sent Events: ``GET /api/v1/stream``.

An agent receives the outbox rows of its own ``stream`` subscriptions (subscriber email =
the agent's email). Each event's id is the outbox row id, so a client that reconnects with
``Last-Event-ID`` resumes exactly where it stopped. The database is polled (every second
by default) from a worker thread, never on the event loop.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from typing import Annotated

import anyio
from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from myrtille.alerts.stream import DEFAULT_LIMIT, StreamEvent, events_after, subscriber_address
from myrtille.store.schema import MAX_ROW_ID, Agent
from myrtille.web.api import ApiError, ErrorBody, require_agent

# Proxies and load balancers close connections idle for 30-60 s; a comment every
# web.stream_heartbeat (15 s) keeps them open and lets clients tell a quiet stream from a
# dead one.
# What EventSource clients wait before reconnecting (the SSE "retry" field).
RETRY_MS = 3000
# Sent once the backlog is drained: our own client (`myrtille watch --once`) stops there;
# SSE clients ignore comments.
CAUGHT_UP = ": caught-up\n\n"
KEEPALIVE = ": keepalive\n\n"

router = APIRouter(prefix="/api/v1", tags=["stream"])


def format_event(event: StreamEvent) -> str:
    # Compact JSON on one line: a newline in the data would need several "data:" lines.
    data = json.dumps(event.payload(), ensure_ascii=False, separators=(",", ":"), default=str)
    return f"id: {event.id}\nevent: alert\ndata: {data}\n\n"


def parse_last_id(raw: str | None) -> int:
    """The cursor from Last-Event-ID: empty or absent means from the start."""
    text = (raw or "").strip()
    if not text:
        return 0
    # isascii: str.isdigit() also accepts '²', which int() refuses; past MAX_ROW_ID no
    # event can have that id and the database driver would overflow.
    if not (text.isascii() and text.isdigit()) or len(text) > 19 or int(text) > MAX_ROW_ID:
        raise ApiError(
            400,
            "invalid_parameter",
            f"Last-Event-ID must be an event id received from this stream, not {text[:40]!r}",
        )
    return int(text)


@router.get(
    "/stream",
    summary="Live alerts of the agent's stream subscriptions (Server-Sent Events)",
    response_class=StreamingResponse,
    responses={
        200: {
            "content": {"text/event-stream": {}},
            "description": "`id: <outbox id>`, `event: alert`, `data: <JSON>` per alert; "
            "`: keepalive` comments every 15 s",
        },
        400: {"model": ErrorBody, "description": "Malformed Last-Event-ID"},
        401: {"model": ErrorBody, "description": "Missing, unknown or revoked API key"},
        403: {"model": ErrorBody, "description": "The agent has no usable email"},
    },
)
async def stream(
    request: Request,
    agent: Annotated[Agent, Depends(require_agent)],
    last_event_id_header: Annotated[str | None, Header(alias="Last-Event-ID")] = None,
    last_event_id: Annotated[
        str | None,
        Query(description="Resume after this event id (for clients that cannot set headers)"),
    ] = None,
) -> StreamingResponse:
    """Alerts of the agent's subscriptions with the `stream` channel, oldest first.

    Reconnect with `Last-Event-ID` (or `?last_event_id=`) to receive exactly the events
    missed since that id. Without it, the stream starts with the whole stored backlog.
    """
    # The header wins: browsers' EventSource sends it on reconnection, while the query
    # parameter is whatever the first URL said.
    cursor = parse_last_id(last_event_id_header or last_event_id)
    email = subscriber_address(agent.email)
    if email is None:
        # Without an email no subscription can be the agent's: an endless empty stream
        # would hide the mistake.
        raise ApiError(
            403,
            "no_email",
            f"agent '{agent.name}' has no valid email; stream subscriptions are found by "
            "the agent's email",
        )
    app_state = request.app.state
    database, index = app_state.database, app_state.index
    web = app_state.settings.web
    heartbeat = web.stream_heartbeat.total_seconds()
    poll = web.stream_poll.total_seconds()

    async def events() -> AsyncIterator[str]:
        nonlocal cursor
        yield f"retry: {RETRY_MS}\n\n"
        caught_up = False
        last_write = time.monotonic()
        while not await request.is_disconnected():
            batch = await run_in_threadpool(
                events_after, database, index, email, cursor, DEFAULT_LIMIT
            )
            for event in batch:
                yield format_event(event)
                # Advanced per event: if the client goes away mid-batch, nothing is lost
                # (it resumes from what it received, not from what was read).
                cursor = int(event.id)
            if batch:
                last_write = time.monotonic()
            if len(batch) == DEFAULT_LIMIT:
                continue  # more waiting: no pause, no heartbeat
            if not caught_up:
                caught_up = True
                yield CAUGHT_UP
                last_write = time.monotonic()
            elif time.monotonic() - last_write >= heartbeat:
                yield KEEPALIVE
                last_write = time.monotonic()
            await anyio.sleep(min(poll, heartbeat))

    headers: dict[str, str] = {
        "Cache-Control": "no-cache",
        # nginx buffers responses by default, which would hold events back.
        "X-Accel-Buffering": "no",
    }
    return StreamingResponse(events(), media_type="text/event-stream", headers=headers)
