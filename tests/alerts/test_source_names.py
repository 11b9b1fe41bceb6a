"""Emails name each source by its configured name, as the UI does, never by its id: an
alert's source and its "also reported by" list, and every item of a digest, read from the
bytes an SMTP server (aiosmtpd) receives. A source without a name, or no longer
configured, keeps its id. Webhooks and the stream keep ids (machines read them)."""

from __future__ import annotations

from dataclasses import replace
from email import message_from_bytes, policy
from pathlib import Path

from myrtille.alerts.channels.email import EmailChannel
from myrtille.alerts.delivery import Digest, DigestItem, DigestSection
from myrtille.config.loading import load_settings
from tests.alerts.test_email import Recorder, make_alert, smtp_server

SOURCES = [
    {"id": "eco-regions", "kind": "feed", "url": "https://eco.example/rss", "name": "Éco Régions"},
    {"id": "la-depeche", "kind": "site", "url": "https://ld.example/", "name": "La Dépêche"},
    {"id": "annonces", "kind": "feed", "url": "https://annonces.example/rss"},
]


def bodies(raw: bytes) -> tuple[str, str]:
    message = message_from_bytes(raw, policy=policy.default)
    text, html = message.get_body(("plain",)), message.get_body(("html",))
    assert text is not None and html is not None
    return str(text.get_content()), str(html.get_content())


def test_emails_name_sources_by_their_configured_names(tmp_path: Path) -> None:
    handler = Recorder()
    alert = make_alert("Aérovolt rachète Hélicea")
    unnamed = replace(alert.document, id="d02", title="Second", source="annonces")
    gone = replace(alert.document, id="d03", title="Third", source="ancienne-source")
    with smtp_server(handler) as port:
        settings = load_settings(
            None,
            env={},
            overrides={
                "data_dir": str(tmp_path / "data"),
                "sources": SOURCES,
                "email": {"smtp_host": "127.0.0.1", "smtp_port": port},
            },
        )
        channel = EmailChannel(settings, b"k" * 32)
        channel.send(alert)
        channel.send_digest(
            Digest(
                subscriber_id=7,
                subscriber_email="lea@example.org",
                language="fr",
                frequency="daily",
                sections=[
                    DigestSection(
                        42,
                        "Aéro",
                        "aérovolt",
                        [
                            DigestItem(alert.document, alert.also_reported_by),
                            DigestItem(unnamed),
                            DigestItem(gone),
                        ],
                    )
                ],
            )
        )
    raws = [envelope.original_content for envelope in handler.envelopes]
    assert len(raws) == 2
    for raw in raws:
        for part in bodies(raw):
            assert "Éco Régions" in part and "eco-regions" not in part
            assert "La Dépêche" in part and "la-depeche" not in part
    digest_text, digest_html = bodies(raws[1])
    for part in (digest_text, digest_html):
        assert "annonces" in part and "ancienne-source" in part
