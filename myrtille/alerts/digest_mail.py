"""Digests rendered for a whole run: what subscribers share is rendered once.

A digest run sends thousands of messages made of the same few documents. Here a
document's block (its HTML and text, in one language and time zone) is rendered once and
reused by every digest that shows it, the templates once per shape of digest (its
subscriber's names and links put in afterwards), the subject once per language, zone, day
and count, and the message is written by :mod:`myrtille.alerts.compose` instead of the
``EmailMessage`` generator. The bytes are those of :func:`myrtille.alerts.mail.render_digest`
written by :func:`myrtille.alerts.wire.wire_bytes` (``bench/digest.py`` compares both).
One :class:`DigestMail` lives for one run: nothing cached outlives it.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, tzinfo
from email.message import EmailMessage
from typing import Any

from markupsafe import Markup, escape

from myrtille.alerts.compose import compose, qp_body
from myrtille.alerts.delivery import Digest, DigestItem
from myrtille.alerts.mail import (
    _LOADER,
    _document_view,
    _message,
    _render,
    _zone,
    digest_context,
    digest_subject,
    safe_link,
)
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
        self._shapes: dict[tuple[Any, ...], tuple[str, str]] = {}

    def render(self, digest: Digest, now: datetime | None = None) -> bytes | EmailMessage:
        settings = self.settings
        language = digest.language if digest.language in ("fr", "en") else "fr"
        zone = _zone(settings, digest.timezone)
        shown: list[dict[str, Any]] = []  # the blocks, in the order the templates show them
        markers: list[list[Any]] = []  # per section, where its blocks go
        for section in digest.sections:
            markers.append([])
            for item in section.items:
                markers[-1].append(_marker(len(shown)))
                shown.append(self._block(item, language, zone))
        text, html = self._rendered(language, digest_context(digest, language, markers))
        subject = self._subject(digest, language, zone, now)
        unsubscribe = safe_link(digest.unsubscribe_url)
        text_body, text = _body(text, shown, "text")
        html_body, html = _body(html, shown, "html")
        raw = compose(
            settings, digest.subscriber_email, subject, text_body, html_body, unsubscribe, language
        )
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
            macros = environment.get_template("_macros.html").module
            block = {
                "html": str(macros.document(view, HTML_LEVEL)),  # type: ignore[attr-defined]
                "text": environment.get_template("_macros.txt").module.document(view),  # type: ignore[attr-defined]
            }
            self._blocks[key] = block
        return block

    def _rendered(self, language: str, context: dict[str, Any]) -> tuple[str, str]:
        """The digest templates' text and HTML, rendered once per shape (the sections'
        documents and "more" counts, which links there are): what differs between two
        digests of one shape — names, descriptions, links — is put in place of its marker
        afterwards, escaped in the HTML as the templates escape it."""
        values: list[str] = []

        def hole(value: str | None) -> str | None:
            if not value:
                return value  # the templates test it: an empty value is part of the shape
            values.append(value)
            return f"\x00v{len(values) - 1}\x00"

        shaped = {
            **context,
            "sections": [
                {**section, **{name: hole(section[name]) for name in _SECTION_VALUES}}
                for section in context["sections"]
            ],
            **{name: hole(context[name]) for name in _DIGEST_VALUES},
        }
        key = (language, _frozen(shaped))
        found = self._shapes.get(key)
        if found is None:
            if len(self._shapes) >= SHAPES:
                self._shapes.clear()
            found = self._shapes[key] = _render("digest", language, shaped)
        text, html = found
        if not values:
            return text, html
        escaped = [str(escape(value)) for value in values]
        return (
            _VALUE.sub(lambda m: values[int(m[1])], text),
            _VALUE.sub(lambda m: escaped[int(m[1])], html),
        )

    def _subject(self, digest: Digest, language: str, zone: tzinfo, now: datetime | None) -> str:
        now = now or datetime.now(UTC)
        count = sum(len(section.items) + max(section.more, 0) for section in digest.sections)
        key = (language, zone, digest.frequency, count, now.astimezone(zone).date())
        subject = self._subjects.get(key)
        if subject is None:
            subject = self._subjects[key] = digest_subject(digest, language, zone, now)
        return subject


# Where a block goes in a rendered digest: a NUL never survives into a rendered text
# (crawled text loses its control characters), so a marker cannot be forged.
_MARKER = re.compile("\x00([0-9]+)\x00")


# The digest context's values that differ from one subscriber to the next (see _rendered);
# the same NUL rule holds for them: names and descriptions go through safe_header and links
# through safe_link, which drop or refuse control characters.
_SECTION_VALUES = ("name", "description", "more_url")
_DIGEST_VALUES = ("unsubscribe_url", "preferences_url")
_VALUE = re.compile("\x00v([0-9]+)\x00")
# Shapes kept by one run: a few in practice; the bound keeps an odd run's memory flat.
SHAPES = 1000


def _frozen(value: Any) -> Any:
    """A template context as a hashable key, Markup and str alike."""
    if isinstance(value, dict):
        return tuple((key, _frozen(item)) for key, item in value.items())
    if isinstance(value, list | tuple):
        return tuple(_frozen(item) for item in value)
    return value


def _marker(n: int) -> dict[str, Any]:
    mark = f"\x00{n}\x00"
    return {"html_block": Markup(mark), "text_block": mark}


def _body(rendered: str, blocks: list[dict[str, Any]], part: str) -> tuple[bytes, str]:
    """The part's quoted-printable body and its text, the blocks put in place of their
    markers. Quoted-printable encodes each line on its own, so a block of whole lines is
    encoded once per run and its bytes reused, when the text around it is whole lines
    too; otherwise the whole text is encoded (the same bytes, more slowly)."""
    pieces = _MARKER.split(rendered)
    literals, indexes = pieces[0::2], [int(n) for n in pieces[1::2]]
    text = "".join(
        literal + (blocks[n][part] if k < len(indexes) else "")
        for k, (literal, n) in enumerate(zip(literals, [*indexes, 0], strict=True))
    )
    whole_lines = (
        indexes == list(range(len(blocks)))
        and all(literal.endswith("\n") for literal in literals[:-1] if literal)
        and not any("\r" in literal for literal in literals)
        and all(_whole_lines(block[part]) for block in blocks)
    )
    if not whole_lines:
        return qp_body(text), text
    encoded = []
    for k, literal in enumerate(literals):
        if literal:
            encoded.append(qp_body(literal))
        if k < len(indexes):
            block = blocks[indexes[k]]
            key = f"{part}_qp"
            if key not in block:
                block[key] = qp_body(block[part])
            encoded.append(block[key])
    return b"".join(encoded), text


def _whole_lines(text: str) -> bool:
    return text.endswith("\n") and "\r" not in text
