"""Everything a person reads, rendered in both languages, for tests/texts/test_renderings.py.

A *rendering* is a function ``(tmp_path) -> list[Rendering]``: one entry per (thing shown,
language) with the text a reader sees. Add a page or a message by writing its function in
the module of its kind (renderings_emails, renderings_cli, renderings_web,
renderings_subscriptions) and appending it to ``RENDERINGS`` below: web pages through a
client (``visible_text(response.text)``), emails as written on the wire. ``data`` lists the
values that came from crawled pages or users (titles, queries): they are taken out before
the checks, which are about the texts the system itself writes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.texts.rendered import Rendering
from tests.texts.renderings_cli import cli_summaries
from tests.texts.renderings_emails import emails
from tests.texts.renderings_subscriptions import (
    agent_pages,
    portfolio_pages,
    public_subscribe_pages,
    public_subscribe_refusals,
    subscriber_pages,
)
from tests.texts.renderings_web import company_pages, source_health_texts, web_pages

RENDERINGS: list[Callable[[Path], list[Rendering]]] = [
    emails,
    cli_summaries,
    web_pages,
    source_health_texts,
    public_subscribe_pages,
    public_subscribe_refusals,
    agent_pages,
    portfolio_pages,
    company_pages,
    subscriber_pages,
]
