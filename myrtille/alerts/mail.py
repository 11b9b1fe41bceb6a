"""Email messages (alerts, digests, confirmation requests) and the sender that delivers them.

Everything shown in a message comes from crawled pages and is treated as plain text:
headers go through :func:`safe_header` (no CR/LF, so no header injection), the HTML part
is rendered with Jinja autoescaping, and only http(s) links are ever made clickable.

:class:`MailSender` speaks SMTP when ``email.smtp_host`` is set and otherwise writes
``.eml`` files under ``<data_dir>/mail``; it maps every SMTP outcome onto the two delivery
errors the dispatcher understands (``TransientDeliveryError`` / ``PermanentDeliveryError``).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, tzinfo
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Any
from urllib.parse import urlsplit

from jinja2 import PackageLoader

from myrtille.alerts.delivery import Alert, AlertDocument, Digest
from myrtille.alerts.describe import describe
from myrtille.alerts.excerpt import excerpt
from myrtille.alerts.tokens import sign
from myrtille.alerts.wire import CONTROL, POLICY, safe_header
from myrtille.config.delivery import EmailSettings
from myrtille.config.settings import Settings
from myrtille.texts import format_date as local_date
from myrtille.texts import format_datetime as local_datetime
from myrtille.texts import gettext, jinja_environment, label, ngettext
from myrtille.texts.formats import zone

log = logging.getLogger(__name__)

LINK_MAX_AGE = 180 * 86400
SUMMARY_MAX = 1200
# Same, but keeping newlines and tabs, for multi-line plain text (summaries).
_CONTROL_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"\s+")


def subject_prefix(language: str) -> str:
    return gettext(language, "[Watch]") + " "


# -- text safety ------------------------------------------------------------------------


def plain_text(text: str | None, limit: int | None = None) -> str:
    """Crawled multi-line text for a message body: control characters dropped, the
    length capped at a word boundary (a summary, not the article)."""
    cleaned = _CONTROL_TEXT.sub("", (text or "").replace("\r\n", "\n").replace("\r", "\n"))
    cleaned = cleaned.strip()
    return cleaned if limit is None else excerpt(cleaned, limit)


def safe_link(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) link, else None: ``javascript:``, ``data:``
    and relative links from a crawled page are never made clickable."""
    if not url:
        return None
    text = url.strip()
    if CONTROL.search(text) or " " in text:
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return text


# -- signed links -----------------------------------------------------------------------


def _email_settings(settings: Settings | EmailSettings) -> EmailSettings:
    return settings.email if isinstance(settings, Settings) else settings


def _base(settings: Settings | EmailSettings) -> str:
    return _email_settings(settings).public_url.rstrip("/")


def unsubscribe_url(
    settings: Settings | EmailSettings, secret: bytes, subscription_id: int | Sequence[int]
) -> str:
    """One-click unsubscribe link for one subscription, or for several (a digest mixes
    the subscriber's subscriptions of one frequency; its header link stops them all)."""
    return f"{_base(settings)}/unsubscribe?token={unsubscribe_token(secret, subscription_id)}"


def unsubscribe_token(secret: bytes, subscription_id: int | Sequence[int]) -> str:
    """The token of :func:`unsubscribe_url`; the public pages read its ``u`` list."""
    ids = [subscription_id] if isinstance(subscription_id, int) else list(subscription_id)
    return sign(secret, "unsubscribe", {"u": ids}, LINK_MAX_AGE)


def preferences_url(settings: Settings | EmailSettings, secret: bytes, subscriber_id: int) -> str:
    token = sign(secret, "preferences", {"s": subscriber_id}, LINK_MAX_AGE)
    return f"{_base(settings)}/preferences?token={token}"


def confirm_url(settings: Settings | EmailSettings, token: str) -> str:
    return f"{_base(settings)}/subscriptions/confirm?token={token}"


# -- rendering --------------------------------------------------------------------------

# One template per message (text and HTML), in the reader's language through the catalogue;
# .html templates are autoescaped, .txt ones are plain text.
_LOADER = PackageLoader("myrtille.alerts", "templates")


def _zone(settings: EmailSettings, subscriber_zone: str | None = None) -> tzinfo:
    """The subscriber's time zone, else the configured default (``email.timezone``)."""
    return zone(subscriber_zone or settings.timezone)


def _names(values: Iterable[Any], *keys: str) -> list[str]:
    """Display names from a list of strings or dicts (first non-empty key), deduplicated."""
    names: list[str] = []
    for value in values:
        if isinstance(value, dict):
            raw = next((value[k] for k in keys if value.get(k)), "")
        else:
            raw = value
        name = safe_header(str(raw or ""), 120)
        if name and name not in names:
            names.append(name)
    return names


def _document_view(
    document: AlertDocument, also: list[dict[str, Any]], language: str, zone: tzinfo
) -> dict[str, Any]:
    """What a template may show of a document, already cleaned; nothing else is passed."""
    return {
        "title": safe_header(document.title, 300) or document.url,
        "url": safe_link(document.url),
        "source": safe_header(document.source, 120),
        "date": local_datetime(document.published_at, language, zone),
        "summary": plain_text(document.summary, SUMMARY_MAX),
        "companies": _names(document.companies, "name", "siren"),
        # Names in the reader's language, never codes.
        "sectors": _names(label(language, "sector", value) for value in document.sectors),
        "events": _names(label(language, "event", value) for value in document.events),
        "also": [
            {
                "source": safe_header(str(item.get("source") or ""), 120),
                "title": safe_header(str(item.get("title") or ""), 300),
                "url": safe_link(item.get("url")),
            }
            for item in also
        ],
    }


def _render(name: str, language: str, context: dict[str, Any]) -> tuple[str, str]:
    environment = jinja_environment(language, _LOADER)
    text = environment.get_template(f"{name}.txt").render(**context)
    html = environment.get_template(f"{name}.html").render(**context)
    return text, html


def _message(
    settings: EmailSettings,
    to: str,
    subject: str,
    text: str,
    html: str,
    unsubscribe: str | None = None,
    language: str = "fr",
    message_id: str | None = None,
) -> EmailMessage:
    # The wire policy: ASCII headers (List-Unsubscribe above all) are written as they are.
    message = EmailMessage(policy=POLICY)
    message["From"] = Address(
        display_name=safe_header(settings.from_name, 80), addr_spec=settings.from_address
    )
    # Address() parses the addr-spec and refuses anything that is not one address.
    message["To"] = Address(addr_spec=to.strip())
    message["Subject"] = safe_header(subject)
    message["Date"] = format_datetime(datetime.now(UTC))
    domain = settings.from_address.rpartition("@")[2] or None
    message["Message-ID"] = message_id or make_msgid(domain=safe_header(domain) or None)
    # RFC 3834: tells autoresponders (vacation replies) not to answer.
    message["Auto-Submitted"] = "auto-generated"
    if unsubscribe:
        message["List-Unsubscribe"] = f"<{unsubscribe}>"
        # RFC 8058: the mail client may POST "List-Unsubscribe=One-Click" to that URL.
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    # Quoted-printable keeps the .eml files and raw sources readable (base64 would not).
    message.set_content(text, cte="quoted-printable")
    message.add_alternative(html, subtype="html", cte="quoted-printable")
    # After the parts exist: set_content() drops Content-* headers set before it.
    message["Content-Language"] = language
    return message


def alert_message_id(outbox_id: int, secret: bytes, from_address: str) -> str:
    """An alert's Message-ID: the same on every send of one outbox row (a retry, or a
    resend after a crash between the server's acceptance and our record of it), so a
    receiver can tell a repeat; the keyed tag keeps two installations' ids apart."""
    tag = hmac.new(secret, b"myrtille alert message-id", hashlib.sha256).hexdigest()[:16]
    domain = re.sub(r"[^A-Za-z0-9.-]", "", from_address.rpartition("@")[2]) or "myrtille.invalid"
    return f"<alert.{outbox_id}.{tag}@{domain}>"


def render_alert(
    alert: Alert,
    settings: EmailSettings,
    message_id: str,
    *,
    unsubscribe: str,
    preferences: str,
) -> EmailMessage:
    """One alert: the matched document and the subscription it matched; ``message_id``
    (``alert_message_id``) keeps the Message-ID of its outbox row; ``unsubscribe`` and
    ``preferences`` are the subscriber's signed links (``unsubscribe_url``,
    ``preferences_url``)."""
    language = alert.language if alert.language in ("fr", "en") else "fr"
    zone = _zone(settings, alert.timezone)
    document = _document_view(alert.document, alert.also_reported_by, language, zone)
    context = {
        "doc": document,
        "subscription": {
            "name": safe_header(alert.subscription_name, 200),
            # What the subscriber reads of its watch: plain words, never the query.
            "description": safe_header(alert.description or describe(alert.query, language), 500),
        },
        "unsubscribe_url": safe_link(unsubscribe),
        "preferences_url": safe_link(preferences),
        "urgent": alert.urgent,
    }
    text, html = _render("alert", language, context)
    title = safe_header(alert.document.title) or safe_header(alert.subscription_name)
    if alert.urgent:
        title = gettext(language, "Urgent: {title}", title=title)
    return _message(
        settings,
        alert.subscriber_email,
        subject_prefix(language) + title,
        text,
        html,
        safe_link(unsubscribe),
        language,
        message_id,
    )


def digest_subject(digest: Digest, language: str, zone: tzinfo, now: datetime | None = None) -> str:
    day = local_date((now or datetime.now(UTC)), language, zone, style="day")
    count = sum(len(section.items) + max(section.more, 0) for section in digest.sections)
    if digest.frequency == "weekly":
        return ngettext(
            language,
            "Your weekly watch, week of {day} ({n} article)",
            "Your weekly watch, week of {day} ({n} articles)",
            count,
            day=day,
        )
    return ngettext(
        language,
        "Your daily watch, {day} ({n} article)",
        "Your daily watch, {day} ({n} articles)",
        count,
        day=day,
    )


def digest_context(digest: Digest, language: str, documents: list[list[Any]]) -> dict[str, Any]:
    """What the digest templates read: one section per subscription, showing
    ``documents[i]`` for section ``i`` (document views, or the markers of DigestMail)."""
    sections = [
        {
            "name": safe_header(section.subscription_name, 200),
            "description": safe_header(
                section.description or describe(section.query, language), 500
            ),
            # Not "items": templates would see dict.items, the method.
            "documents": shown,
            "more": max(section.more, 0),
            "more_url": safe_link(section.more_url),
        }
        for section, shown in zip(digest.sections, documents, strict=True)
    ]
    return {
        "sections": sections,
        "frequency": digest.frequency,
        "unsubscribe_url": safe_link(digest.unsubscribe_url),
        "preferences_url": safe_link(digest.preferences_url),
    }


def render_digest(
    digest: Digest, settings: EmailSettings | None = None, now: datetime | None = None
) -> EmailMessage:
    """A digest: one section per subscription, items in the order given; a section that
    had to leave items out says how many and links to the full search."""
    settings = settings or EmailSettings()
    language = digest.language if digest.language in ("fr", "en") else "fr"
    zone = _zone(settings, digest.timezone)
    documents = [
        [_document_view(item.document, item.also_reported_by, language, zone) for item in s.items]
        for s in digest.sections
    ]
    text, html = _render("digest", language, digest_context(digest, language, documents))
    return _message(
        settings,
        digest.subscriber_email,
        digest_subject(digest, language, zone, now),
        text,
        html,
        safe_link(digest.unsubscribe_url),
        language,
    )


def render_confirmation(
    email: str,
    language: str,
    confirm_link: str,
    settings: EmailSettings | None = None,
    description: str = "",
) -> EmailMessage:
    """The double opt-in request: the only message sent before consent, so it carries no
    List-Unsubscribe (there is nothing to unsubscribe from yet). ``description`` is the
    subscription in plain words (alerts/describe.py), never its query."""
    settings = settings or EmailSettings()
    language = language if language in ("fr", "en") else "fr"
    context = {
        "confirm_url": safe_link(confirm_link),
        "email": safe_header(email, 320),
        "description": safe_header(description, 500),
    }
    text, html = _render("confirm", language, context)
    subject = gettext(language, "Please confirm your watch subscription")
    return _message(settings, email, subject, text, html, None, language)
