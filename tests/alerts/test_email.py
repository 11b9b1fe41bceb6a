"""The email channel against real SMTP servers (aiosmtpd on local ports): what a
subscriber receives. How every way a server can fail maps onto the delivery errors is in
test_email_failures.py; the servers and helpers here serve both, and other tests."""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from myrtille.alerts.channels.email import EmailChannel
from myrtille.alerts.delivery import (
    Alert,
    AlertDocument,
    Digest,
    DigestItem,
    DigestSection,
)
from myrtille.alerts.mail import (
    confirm_url,
    safe_header,
    safe_link,
)
from myrtille.alerts.tokens import verify
from myrtille.config.loading import load_settings
from myrtille.config.settings import Settings

SECRET = b"a test secret that is long enough"
INJECTED_TITLE = "Titre\r\nBcc: victim@example.com"
SCRIPT = "<script>alert('x')</script>"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def settings_for(data_dir: Path, port: int | None, timeout: str = "5s") -> Settings:
    email: dict[str, Any] = {"public_url": "https://veille.example/", "timeout": timeout}
    if port is not None:
        email |= {"smtp_host": "127.0.0.1", "smtp_port": port}
    return load_settings(None, env={}, overrides={"data_dir": str(data_dir), "email": email})


def make_alert(title: str = INJECTED_TITLE, language: str = "fr") -> Alert:
    document = AlertDocument(
        id="d01",
        title=title,
        url="https://news.example/aerovolt",
        source="eco-regions",
        published_at=datetime(2025, 3, 14, 8, 30, tzinfo=UTC),
        summary=f"Aérovolt rachète Hélicea. {SCRIPT}",
        companies=[{"name": "Aérovolt", "siren": "919985002"}],
        sectors=["aeronautics"],
        events=[{"type": "acquisition", "sentence": "…"}],
    )
    return Alert(
        outbox_id=1,
        channel="email",
        subscription_id=42,
        subscription_name="Aéronautique <b>Toulouse</b>",
        query="aérovolt OR hélicea",
        subscriber_id=7,
        subscriber_email="lea@example.org",
        language=language,  # type: ignore[arg-type]
        document=document,
        also_reported_by=[
            {"source": "la-depeche", "title": "Rachat d'Hélicea", "url": "https://ld.example/1"},
            {"source": "evil", "title": SCRIPT, "url": "javascript:alert(1)"},
        ],
    )


# -- real SMTP servers ------------------------------------------------------------------


class Recorder:
    def __init__(self) -> None:
        self.envelopes: list[Envelope] = []

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.envelopes.append(envelope)
        return "250 2.0.0 queued"


class Answer:
    """Answers ``reply`` at RCPT or at DATA."""

    def __init__(self, stage: str, reply: str) -> None:
        self.stage = stage
        self.reply = reply

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if self.stage == "rcpt":
            return self.reply
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        return self.reply if self.stage == "data" else "250 2.0.0 queued"


@contextmanager
def smtp_server(handler: object) -> Iterator[int]:
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


def received(envelope: Envelope) -> EmailMessage:
    raw = envelope.original_content or envelope.content
    assert isinstance(raw, bytes)
    message = message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def parts(message: EmailMessage) -> tuple[str, str]:
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert text is not None and html is not None
    return str(text.get_content()), str(html.get_content())


# -- tests --------------------------------------------------------------------------------


def test_safe_header_and_links() -> None:
    assert safe_header("Titre\r\nBcc: victim@example.com") == "Titre Bcc: victim@example.com"
    assert safe_header("a\x00b\u2028c\x85d\t\te") == "a b c d e"
    assert len(safe_header("x" * 5000)) <= 200
    assert safe_link("https://news.example/a?b=1") == "https://news.example/a?b=1"
    for bad in ("javascript:alert(1)", "data:text/html,x", "/relative", "https://a\r\nb", ""):
        assert safe_link(bad) is None


def test_an_alert_reaches_a_real_smtp_server(tmp_path: Path) -> None:
    handler = Recorder()
    with smtp_server(handler) as port:
        channel = EmailChannel(settings_for(tmp_path / "data", port))
        channel.send(make_alert())

    [envelope] = handler.envelopes
    # The crawled "Bcc:" stayed inside the subject: nobody else got the message.
    assert envelope.rcpt_tos == ["lea@example.org"]
    assert envelope.mail_from == "veille@myrtille.example"
    raw = envelope.original_content or envelope.content
    assert isinstance(raw, bytes)
    assert not any(line.lower().startswith(b"bcc:") for line in raw.splitlines())

    message = received(envelope)
    assert message["Bcc"] is None
    subject = str(message["Subject"])
    assert "\r" not in subject and "\n" not in subject
    assert subject == "[Veille] Titre Bcc: victim@example.com"
    assert str(message["From"]) == "Myrtille <veille@myrtille.example>"
    assert message["Message-ID"] and message["Date"]
    assert message.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]

    # RFC 8058 one-click unsubscribe, signed for this subscription.
    header = str(message["List-Unsubscribe"])
    assert header.startswith("<https://veille.example/unsubscribe?token=") and header[-1] == ">"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    token = parse_qs(urlsplit(header[1:-1]).query)["token"][0]
    assert verify(channel.secret, token, "unsubscribe")["u"] == [42]

    text, html = parts(message)
    # Crawled markup is text: escaped in HTML, never a tag; javascript: links dropped.
    assert "<script" not in html
    assert "&lt;script&gt;" in html
    assert "&lt;b&gt;Toulouse&lt;/b&gt;" in html
    assert "javascript:" not in html and "javascript:" not in text
    assert 'href="https://news.example/aerovolt"' in html
    assert 'href="https://ld.example/1"' in html and "la-depeche" in html
    for body in (text, html):
        assert "Aérovolt" in body and "eco-regions" in body and "14/03/2025" in body
        # Names in the subscriber's language, never the vocabulary's codes.
        assert "Aéronautique et spatial" in body and "Acquisition" in body
        assert "aeronautics" not in body and "acquisition" not in body
        # The watch in plain words, never its query (issue 11).
        assert "« aérovolt » ou « hélicea »" in body and " OR " not in body
        assert "https://veille.example/unsubscribe?token=" in body
        assert "https://veille.example/preferences?token=" in body
    assert "Également relayé par" in text and "<https://ld.example/1>" in text
    assert SCRIPT in text  # plain text shows it as the text it is


def test_english_alert(tmp_path: Path) -> None:
    handler = Recorder()
    with smtp_server(handler) as port:
        EmailChannel(settings_for(tmp_path / "data", port)).send(
            make_alert("Aérovolt buys Hélicea", language="en")
        )
    message = received(handler.envelopes[0])
    assert message["Subject"] == "[Watch] Aérovolt buys Hélicea"
    text, html = parts(message)
    assert "Also reported by" in text and "14 Mar 2025" in text
    assert "Unsubscribe" in html


def test_without_smtp_host_mail_becomes_eml_files(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data_dir = tmp_path / "data"
    channel = EmailChannel(settings_for(data_dir, None))
    with caplog.at_level(logging.INFO, logger="myrtille.alerts.mail"):
        channel.send(make_alert())
        channel.send(make_alert("Deuxième"))
    files = sorted((data_dir / "mail").glob("*.eml"))
    assert len(files) == 2
    assert not list((data_dir / "mail").glob("*.tmp"))
    message = message_from_bytes(files[0].read_bytes(), policy=policy.default)
    assert "Titre Bcc" in str(message["Subject"]) or "Deuxième" in str(message["Subject"])
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "no SMTP server configured" in warnings[0].getMessage()


def test_confirmation_mail(tmp_path: Path) -> None:
    handler = Recorder()
    with smtp_server(handler) as port:
        channel = EmailChannel(settings_for(tmp_path / "data", port))
        channel.send_confirmation("lea@example.org", "fr", "abc.def")
        channel.send_confirmation("tom@example.org", "en", "ghi.jkl")
    french, english = (received(e) for e in handler.envelopes)
    assert handler.envelopes[0].rcpt_tos == ["lea@example.org"]
    assert french["Subject"] == "Confirmez votre abonnement à la veille"
    assert english["Subject"] == "Please confirm your watch subscription"
    # Nothing to unsubscribe from before consent: no List-Unsubscribe on this one.
    assert french["List-Unsubscribe"] is None
    text, html = parts(french)
    link = "https://veille.example/subscriptions/confirm?token=abc.def"
    assert link == confirm_url(channel.settings, "abc.def")
    assert link in text and f'href="{link}"' in html
    assert "lea@example.org" in text
    text, _html = parts(english)
    assert "https://veille.example/subscriptions/confirm?token=ghi.jkl" in text


def test_digest(tmp_path: Path) -> None:
    first = make_alert("Premier").document
    second = make_alert("Second").document
    digest = Digest(
        subscriber_id=7,
        subscriber_email="lea@example.org",
        language="fr",
        frequency="daily",
        sections=[
            DigestSection(
                42,
                "Aéronautique",
                "aérovolt",
                [DigestItem(first), DigestItem(second)],
                more=3,
                more_url="https://veille.example/search?q=a%C3%A9rovolt",
            ),
            DigestSection(43, "Énergie", "sector:energy", [DigestItem(first)]),
        ],
    )
    handler = Recorder()
    with smtp_server(handler) as port:
        channel = EmailChannel(settings_for(tmp_path / "data", port))
        channel.send_digest(digest)
        channel.send_digest(replace(digest, language="en", frequency="weekly"))
    message = received(handler.envelopes[0])
    assert str(message["Subject"]).startswith("Votre veille du ")
    header = str(message["List-Unsubscribe"])
    token = parse_qs(urlsplit(header[1:-1]).query)["token"][0]
    # The digest's one-click link names the subscriber and the digest's frequency (it then
    # stops every such subscription made before it; see tests/alerts/test_digest_unsubscribe.py).
    payload = verify(channel.secret, token, "unsubscribe")
    assert (payload["s"], payload["f"]) == (7, "daily") and "u" not in payload
    text, html = parts(message)
    assert text.index("Premier") < text.index("Second") < text.index("Énergie")
    assert "… et 3 autres : https://veille.example/search?q=a%C3%A9rovolt" in text
    assert '<a href="https://veille.example/search?q=a%C3%A9rovolt"' in html
    assert "… et 3 autres</a>" in html

    english = received(handler.envelopes[1])
    assert str(english["Subject"]).startswith("Your weekly watch")
    text, _html = parts(english)
    assert "… and 3 more" in text
