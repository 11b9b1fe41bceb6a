"""Digests rendered for a whole run: what subscribers share is rendered once.

A digest run sends thousands of messages made of the same few documents. Here a
document's block (its HTML and text, in one language and time zone) is rendered once and
reused by every digest that shows it, the subject once per language, zone, day and count,
and the message is written by :mod:`myrtille.alerts.compose` instead of the
``EmailMessage`` generator. The bytes are those of :func:`myrtille.alerts.mail.render_digest`
written by :func:`myrtille.alerts.wire.wire_bytes` (``bench/digest.py`` compares both).
One :class:`DigestMail` lives for one run: nothing cached outlives it.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from email.message import EmailMessage
from typing import Any

from myrtille.alerts.compose import compose
from myrtille.alerts.delivery import Digest, DigestItem
from myrtille.alerts.describe import describe
from myrtille.alerts.mail import (
    _LOADER,
    _document_view,
    _message,
    _render,
    _zone,
    digest_subject,
    safe_link,
)
from myrtille.alerts.wire import safe_header
from myrtille.config.delivery import EmailSettings
from myrtille.texts import jinja_environment

# The digest templates show ``html_block``/``text_block`` when given, else the macro.
HTML_LEVEL = 3


class DigestMail:
    """Renders the digests of one run into wire bytes (or, for an address that needs
    SMTPUTF8, into an ``EmailMessage`` for the general path)."""

    def __init__(self, settings: EmailSettings) -> None:
        self.settings = settings
        self._blocks: dict[tuple[Any, ...], dict[str, Any]] = {}
        self._subjects: dict[tuple[Any, ...], str] = {}

    def render(self, digest: Digest, now: datetime | None = None) -> bytes | EmailMessage:
        settings = self.settings
        language = digest.language if digest.language in ("fr", "en") else "fr"
        zone = _zone(settings, digest.timezone)
        sections = [
            {
                "name": safe_header(section.subscription_name, 200),
                "description": safe_header(
                    section.description or describe(section.query, language), 500
                ),
                "documents": [self._block(item, language, zone) for item in section.items],
                "more": max(section.more, 0),
                "more_url": safe_link(section.more_url),
            }
            for section in digest.sections
        ]
        context = {
            "sections": sections,
            "frequency": digest.frequency,
            "unsubscribe_url": safe_link(digest.unsubscribe_url),
            "preferences_url": safe_link(digest.preferences_url),
        }
        text, html = _render("digest", language, context)
        subject = self._subject(digest, language, zone, now)
        unsubscribe = safe_link(digest.unsubscribe_url)
        raw = compose(settings, digest.subscriber_email, subject, text, html, unsubscribe, language)
        if raw is not None:
            return raw
        return _message(
            settings, digest.subscriber_email, subject, text, html, unsubscribe, language
        )

    def _block(self, item: DigestItem, language: str, zone: tzinfo) -> dict[str, Any]:
        """A document's block in both parts, rendered on its first use in this run. The
        key is everything the block shows, so two digests share a block only if it
        reads the same in both."""
        document = item.document
        key = (
            language,
            zone,
            document.id,
            document.title,
            document.url,
            document.source,
            document.published_at,
            document.summary,
            repr((document.companies, document.sectors, document.events)),
            repr(item.also_reported_by),
        )
        block = self._blocks.get(key)
        if block is None:
            view = _document_view(document, item.also_reported_by, language, zone)
            environment = jinja_environment(language, _LOADER)
            block = {
                "html_block": environment.get_template("_macros.html").module.document(  # type: ignore[attr-defined]
                    view, HTML_LEVEL
                ),
                "text_block": environment.get_template("_macros.txt").module.document(view),  # type: ignore[attr-defined]
            }
            self._blocks[key] = block
        return block

    def _subject(self, digest: Digest, language: str, zone: tzinfo, now: datetime | None) -> str:
        now = now or datetime.now(UTC)
        count = sum(len(section.items) + max(section.more, 0) for section in digest.sections)
        key = (language, zone, digest.frequency, count, now.astimezone(zone).date())
        subject = self._subjects.get(key)
        if subject is None:
            subject = self._subjects[key] = digest_subject(digest, language, zone, now)
        return subject
