"""Nothing executable from a hostile input reaches a page or an email: the documents the
corpus crawl stored from markup-laden feeds, pages and records are indexed, their pages
fetched from the real web app (uvicorn) and their alerts sent through the real email
channel to a real SMTP server; the bytes received are parsed and searched for scripts,
event handlers, frames, forms, refreshes and javascript:/vbscript:/data: URLs. Company
pages show Sirene names holding markup the same way."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from myrtille.alerts.channels.email import EmailChannel
from myrtille.alerts.delivery import Alert, AlertDocument
from myrtille.config.loading import load_settings
from myrtille.enrichment.registry import import_sirene
from myrtille.index.base import IndexedDocument
from myrtille.index.factory import open_index
from myrtille.web.app import create_app
from tests.alerts.test_email import Recorder, parts, received, smtp_server
from tests.corpora.build import case_bytes
from tests.security.corpus import CorpusCrawl
from tests.security.rendered import executable_parts
from tests.web.conftest import serve_app

HOSTILE_SIGNS = ("<", "javascript", "script", "onerror", "\x1b", "\r", "canary")
HOSTILE_SOURCES = (
    "feed-markup",
    "feed-entity",
    "html-pages",
    "open-ods-markup",
    "open-ods-escapes",
)
PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<a href='javascript:alert(1)'>x</a>",
    "<iframe src='http://127.0.0.1:9/'></iframe>",
    '"><svg onload=alert(1)>',
    "</textarea><script>alert(1)</script>",
    "<meta http-equiv=refresh content='0;url=javascript:alert(1)'>",
    "{{7*7}} {% raw %}",
    "\x1b[31mRouge\r\nBcc: victim@example.com",
)
MARKUP_SIRENS = ("300000007", "300000015", "300000023")


def hostile_documents(crawl: CorpusCrawl) -> list[Any]:
    """The documents stored from markup-laden inputs, or whose text still carries markup,
    scripts or controls after extraction, and a row holding the payloads themselves (as
    a row stored by an earlier version, or a future reader that keeps markup, would)."""
    chosen = [
        d
        for d in crawl.documents.values()
        if d.source_id.startswith(HOSTILE_SOURCES)
        or any(sign in (d.title + d.text).lower() for sign in HOSTILE_SIGNS)
    ]
    assert len(chosen) >= 40, len(chosen)
    return [*chosen, raw_payloads()]


def raw_payloads() -> Any:
    from myrtille.store.schema import Document

    payloads = " ".join(PAYLOADS)
    return Document(
        id="hostile-raw-payloads",
        url="javascript:alert(1)",
        source_id="<script>alert(1)</script>",
        kind="article",
        title=payloads[:300],
        text=payloads,
        summary=payloads,
        language="fr",
        cluster_id="hostile-raw-payloads",
    )


def indexed(document: Any) -> IndexedDocument:
    return IndexedDocument(
        id=document.id,
        url=document.url,
        title=document.title,
        text=document.text,
        source=document.source_id,
        kind=document.kind,
        language=document.language,
        published_at=document.published_at,
        collected_at=document.collected_at,
        cluster=document.cluster_id,
        summary=document.summary,
        # A crawled title may become a company's name: shown as a link on the page.
        companies=[{"name": document.title[:80], "siren": MARKUP_SIRENS[0]}],
    )


@pytest.fixture(scope="module")
def site(corpus_crawl: CorpusCrawl, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("rendered") / "data"
    settings = load_settings(None, env={}, overrides={"data_dir": str(data)})
    index = open_index(settings)
    index.index([indexed(d) for d in hostile_documents(corpus_crawl)])
    index.close()
    app = create_app(settings)
    sirene = data / "sirene.csv"
    sirene.write_bytes(case_bytes("sirene", "sirene-markup-names.csv"))
    import_sirene(app.state.database, sirene)
    sirene.write_bytes(case_bytes("sirene", "sirene-controls.csv"))
    import_sirene(app.state.database, sirene)
    with serve_app(app) as url:
        yield url


def test_document_pages_hold_nothing_executable(corpus_crawl: CorpusCrawl, site: str) -> None:
    with httpx.Client(base_url=site, timeout=20) as client:
        for document in hostile_documents(corpus_crawl):
            for lang in ("fr", "en"):
                page = client.get(f"/documents/{document.id}", params={"lang": lang})
                assert page.status_code == 200, (document.url, page.status_code)
                found = executable_parts(page.content)
                assert not found, (document.source_id, document.url, found)


def test_search_results_hold_nothing_executable(site: str) -> None:
    with httpx.Client(base_url=site, timeout=20) as client:
        for query in ("alert", "script", "javascript", "onerror", "balisage", "aérovolt"):
            page = client.get("/search", params={"q": query, "lang": "en"})
            assert page.status_code == 200, (query, page.text[:300])
            assert not executable_parts(page.content), (query, executable_parts(page.content))


@pytest.mark.parametrize("siren", MARKUP_SIRENS)
def test_company_pages_with_markup_in_names_hold_nothing_executable(site: str, siren: str) -> None:
    with httpx.Client(base_url=site, timeout=20) as client:
        page = client.get(f"/companies/{siren}", params={"lang": "fr"})
        listing = client.get("/companies", params={"q": "script", "lang": "fr"})
    assert page.status_code == 200, page.text[:300]
    assert not executable_parts(page.content), executable_parts(page.content)
    assert not executable_parts(listing.content), executable_parts(listing.content)
    assert b"\x00" not in page.content  # dropped at import (PostgreSQL refuses it)


def alert_for(document: Any, n: int) -> Alert:
    return Alert(
        outbox_id=n,
        channel="email",
        subscription_id=n,
        subscription_name=document.title[:120],
        query="alert",
        subscriber_id=1,
        subscriber_email="lea@example.org",
        language="fr" if n % 2 else "en",  # type: ignore[arg-type]
        document=AlertDocument(
            id=document.id,
            title=document.title,
            url=document.url,
            source=document.source_id,
            published_at=document.published_at,
            summary=document.text[:600],
            companies=[{"name": document.title[:80], "siren": MARKUP_SIRENS[0]}],
        ),
        also_reported_by=[
            {"source": document.source_id, "title": document.title, "url": "javascript:alert(1)"}
        ],
    )


def test_alert_emails_hold_nothing_executable(corpus_crawl: CorpusCrawl, tmp_path: Path) -> None:
    handler = Recorder()
    # One document per source: the kinds of hostility differ by source, not within one.
    by_source = {d.source_id: d for d in hostile_documents(corpus_crawl)}
    documents = list(by_source.values())
    with smtp_server(handler) as port:
        settings = load_settings(
            None,
            env={},
            overrides={
                "data_dir": str(tmp_path / "data"),
                "email": {"public_url": "https://veille.example/", "smtp_host": "127.0.0.1",
                          "smtp_port": port, "timeout": "5s"},
            },
        )  # fmt: skip
        channel = EmailChannel(settings)
        for n, document in enumerate(documents, start=1):
            channel.send(alert_for(document, n))
    assert len(handler.envelopes) == len(documents)
    for envelope, document in zip(handler.envelopes, documents, strict=True):
        # Nobody but the subscriber was reached, whatever the title held (CR LF, Bcc:).
        assert envelope.rcpt_tos == ["lea@example.org"], document.url
        message = received(envelope)
        assert message["Bcc"] is None and message["To"] is not None
        assert "\n" not in str(message["Subject"]) and "\r" not in str(message["Subject"])
        text, html = parts(message)
        assert not executable_parts(html), (document.url, executable_parts(html))
        # The plain part is text: a "javascript:" a page printed stays words, but no
        # terminal escape or NUL reaches a mail reader.
        assert "\x1b" not in text and "\x00" not in text, document.url
