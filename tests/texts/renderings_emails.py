"""Renderings of the alert emails and digests, as written on the wire, in both languages."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from myrtille.alerts.channels.email import EmailChannel
from myrtille.alerts.delivery import Alert, AlertDocument, Digest, DigestItem, DigestSection
from myrtille.config.loading import load_settings
from tests.texts.rendered import Rendering, visible_text

# -- emails and digests -----------------------------------------------------------------

# Hostile but realistic: the index stores codes, and a subscription's query names them.
QUERY = "sector:aeronautics event:insolvency region:76 dept:31"
TITLE = "Aérovolt rachète Hélicea"
SUMMARY = "Aérovolt, équipementier de Toulouse, rachète Hélicea."


def _document(number: int) -> AlertDocument:
    return AlertDocument(
        id=f"d{number}",
        title=f"{TITLE} {number}",
        url=f"https://news.example/{number}",
        source="eco-regions",
        published_at=datetime(2025, 3, 14, 23, 30, tzinfo=UTC),
        summary=SUMMARY,
        companies=[{"name": "Aérovolt", "siren": "919985002"}],
        sectors=["aeronautics", "textile_luxury", "digital"],
        events=[{"type": "insolvency"}, {"type": "contract"}, {"type": "hiring"}],
        regions=["76", "11"],
    )


def _channel(tmp_path: Path, lang: str) -> EmailChannel:
    email: dict[str, Any] = {"public_url": "https://veille.example/"}
    settings = load_settings(
        None, env={}, overrides={"data_dir": str(tmp_path / lang), "email": email}
    )
    return EmailChannel(settings, b"k" * 32)


def _sent(tmp_path: Path, lang: str) -> list[EmailMessage]:
    """The messages as written to the .eml files (the channel's output without SMTP)."""
    files = sorted((tmp_path / lang / "mail").glob("*.eml"), key=lambda p: p.stat().st_mtime_ns)
    messages = []
    for path in files:
        message = message_from_bytes(path.read_bytes(), policy=policy.default)
        assert isinstance(message, EmailMessage)
        messages.append(message)
    return messages


def _parts(name: str, lang: str, message: EmailMessage, data: list[str]) -> list[Rendering]:
    text = message.get_body(("plain",))
    page = message.get_body(("html",))
    assert text is not None and page is not None
    subject = str(message["Subject"])
    return [
        Rendering(f"{name} subject", lang, subject, data),
        Rendering(f"{name} text", lang, text.get_content(), data),
        Rendering(f"{name} html", lang, visible_text(page.get_content()), data),
    ]


def emails(tmp_path: Path) -> list[Rendering]:
    data = [QUERY, TITLE, SUMMARY, "Aérovolt", "Hélicea", "eco-regions", "la-depeche"]
    out: list[Rendering] = []
    for lang in ("fr", "en"):
        channel = _channel(tmp_path, lang)
        alert = Alert(
            outbox_id=1,
            channel="email",
            subscription_id=42,
            subscription_name="Aéro",
            query=QUERY,
            subscriber_id=7,
            subscriber_email="lea@example.org",
            language=lang,  # type: ignore[arg-type]
            document=_document(1),
            also_reported_by=[
                {"source": "la-depeche", "title": TITLE, "url": "https://ld.example/1"}
            ],
            timezone="Europe/Paris",
        )
        channel.send(alert)
        for frequency, more in (("daily", 1), ("weekly", 3)):
            channel.send_digest(
                Digest(
                    subscriber_id=7,
                    subscriber_email="lea@example.org",
                    language=lang,  # type: ignore[arg-type]
                    frequency=frequency,  # type: ignore[arg-type]
                    sections=[
                        DigestSection(
                            42,
                            "Aéro",
                            QUERY,
                            [DigestItem(_document(2)), DigestItem(_document(3))],
                            more=more,
                            more_url="https://veille.example/search?q=x",
                        )
                    ],
                    unsubscribe_url="https://veille.example/unsubscribe?token=t",
                    preferences_url="https://veille.example/preferences?token=p",
                    timezone="Europe/Paris",
                )
            )
        channel.send_confirmation("lea@example.org", lang, "abc.def")
        # A legal notice about a portfolio company: the alert's urgent form.
        channel.send(replace(alert, outbox_id=2, urgent=True))
        names = ["alert", "daily digest", "weekly digest", "confirmation", "urgent alert"]
        messages = _sent(tmp_path, lang)
        assert len(messages) == len(names)
        for name, message in zip(names, messages, strict=True):
            out += _parts(name, lang, message, data)
    return out
