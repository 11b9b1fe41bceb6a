"""Mail as it is written on the wire: the raw bytes an SMTP server receives (aiosmtpd) and
the bytes of the .eml files written without one, read line by line — never through a
parser's decoded headers, which is how an RFC 2047-encoded List-Unsubscribe once hid from
the tests while no mail client could use it."""

from __future__ import annotations

import re
from dataclasses import replace
from email import message_from_bytes, policy
from email.header import decode_header, make_header
from pathlib import Path

import pytest

from myrtille.alerts.channels.email import EmailChannel
from myrtille.alerts.delivery import Digest, DigestItem, DigestSection
from myrtille.alerts.dispatcher import alert_document
from myrtille.alerts.mail import plain_text, safe_header
from myrtille.config.loading import load_settings
from myrtille.config.settings import Settings
from myrtille.store.database import open_database
from myrtille.store.schema import Document, StoryCluster
from tests.alerts.test_email import INJECTED_TITLE, Recorder, make_alert, smtp_server

LONG_FRENCH = (
    "Aérovolt rachète Hélicea et annonce une nouvelle usine de moteurs électriques à "
    "Toulouse-Blagnac, avec trois cents emplois à la clé d'ici la fin de l'année prochaine"
)
LONG_ENGLISH = (
    "Airbus ramps up production of the A320 family in Toulouse and Hamburg after a record "
    "year of orders from European and Asian airlines"
)


def settings_for(data_dir: Path, port: int | None, **email: object) -> Settings:
    values: dict[str, object] = {"public_url": "https://veille.example/", **email}
    if port is not None:
        values |= {"smtp_host": "127.0.0.1", "smtp_port": port}
    return load_settings(None, env={}, overrides={"data_dir": str(data_dir), "email": values})


def make_digest() -> Digest:
    first = make_alert(LONG_ENGLISH).document
    second = make_alert("Second").document
    return Digest(
        subscriber_id=7,
        subscriber_email="lea@example.org",
        language="fr",
        frequency="daily",
        sections=[
            DigestSection(42, "Aéronautique", "aérovolt", [DigestItem(first), DigestItem(second)]),
            DigestSection(43, "Énergie", "sector:energy", [DigestItem(first)]),
        ],
    )


def send_all(channel: EmailChannel) -> None:
    """An alert (crawled title with CR/LF), a long French one, a long English one, a
    digest and both confirmation requests."""
    channel.send(make_alert())
    channel.send(make_alert(LONG_FRENCH))
    channel.send(make_alert(LONG_ENGLISH, language="en"))
    channel.send_digest(make_digest())
    channel.send_confirmation("lea@example.org", "fr", "abc.def")
    channel.send_confirmation("tom@example.org", "en", "ghi.jkl")


def over_smtp(tmp_path: Path, **email: object) -> list[bytes]:
    handler = Recorder()
    with smtp_server(handler) as port:
        send_all(EmailChannel(settings_for(tmp_path / "data", port, **email)))
    raws = [e.original_content or e.content for e in handler.envelopes]
    assert all(isinstance(raw, bytes) for raw in raws)
    return raws  # type: ignore[return-value]


def as_files(tmp_path: Path, **email: object) -> list[bytes]:
    data_dir = tmp_path / "data"
    send_all(EmailChannel(settings_for(data_dir, None, **email)))
    # Names start with a microsecond time stamp: sorted is the order of sending.
    return [path.read_bytes() for path in sorted((data_dir / "mail").glob("*.eml"))]


TRANSPORTS = {"smtp": over_smtp, "eml": as_files}


def header_block(raw: bytes) -> list[bytes]:
    """The top-level header lines, as written (CRLF line ends required)."""
    head, separator, _body = raw.partition(b"\r\n\r\n")
    assert separator, "no CRLF CRLF between the headers and the body"
    return head.split(b"\r\n")


def raw_fields(raw: bytes) -> dict[str, list[str]]:
    """Header name -> values, unfolded by the RFC 5322 rule (drop CRLF before WSP) and
    nothing else: no RFC 2047 decoding."""
    fields: dict[str, list[str]] = {}
    current: list[bytes] = []
    for line in [*header_block(raw), b"X-End: ."]:
        if line[:1] in (b" ", b"\t"):
            current.append(line)
            continue
        if current:
            name, _, value = b"".join(current).decode("ascii").partition(":")
            fields.setdefault(name.lower(), []).append(value.strip())
        current = [line]
    return fields


def check_lines(raw: bytes) -> None:
    """RFC 5322 2.1.1 and 2.2: CRLF only, every line at most 998 characters; header lines
    at most 78 except one that holds a single URI (which cannot be folded)."""
    assert b"\n" not in raw.replace(b"\r\n", b""), "bare LF in the message"
    assert b"\r" not in raw.replace(b"\r\n", b""), "bare CR in the message"
    for line in raw.split(b"\r\n"):
        assert len(line) <= 998, line[:80]
    for line in header_block(raw):
        assert line.isascii(), line
        if len(line) > 78:
            assert re.fullmatch(rb"(List-Unsubscribe:)? <https://[^ ]+>,?", line), line


def check_message(raw: bytes, kind: str) -> None:
    check_lines(raw)
    fields = raw_fields(raw)
    # CR/LF in a crawled title never made a header of its own.
    assert "bcc" not in fields and "cc" not in fields
    for name in ("from", "to", "subject", "date", "message-id", "mime-version"):
        assert len(fields.get(name, [])) == 1, (name, fields.get(name))
    subject = fields["subject"][0]
    decoded = str(make_header(decode_header(subject)))
    if decoded.isascii():
        assert subject == decoded  # ASCII is written as it is
    else:
        assert "=?utf-8?" in subject.lower()  # RFC 2047 where it must be
    parsed = message_from_bytes(raw, policy=policy.default)
    assert str(parsed["Subject"]) == decoded
    if kind == "confirm":
        assert "list-unsubscribe" not in fields
        return
    [unsubscribe] = fields["list-unsubscribe"]
    assert unsubscribe.startswith("<https://veille.example/unsubscribe?token=")
    assert unsubscribe.endswith(">") and "=?" not in unsubscribe and " " not in unsubscribe
    assert fields["list-unsubscribe-post"] == ["List-Unsubscribe=One-Click"]


KINDS = ["alert", "alert", "alert", "digest", "confirm", "confirm"]


@pytest.mark.parametrize("transport", list(TRANSPORTS))
def test_headers_on_the_wire(tmp_path: Path, transport: str) -> None:
    raws = TRANSPORTS[transport](tmp_path)
    assert len(raws) == len(KINDS)
    for raw, kind in zip(raws, KINDS, strict=True):
        check_message(raw, kind)
    subjects = [str(make_header(decode_header(raw_fields(r)["subject"][0]))) for r in raws]
    assert subjects[0] == f"[Veille] {safe_header(INJECTED_TITLE)}"
    assert subjects[1] == f"[Veille] {LONG_FRENCH}"
    assert subjects[2] == f"[Watch] {LONG_ENGLISH}"
    # The long ASCII subject is folded at a space, not encoded.
    english = next(line for line in header_block(raws[2]) if line.startswith(b"Subject:"))
    assert english.startswith(b"Subject: [Watch] Airbus ramps up") and b"=?" not in english


# -- DKIM -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dkim_key(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """A fresh RSA key: (PEM private key file, DNS TXT record of the public key)."""
    from base64 import b64encode

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    path = tmp_path_factory.mktemp("dkim") / "dkim.pem"
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    public = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return path, b"v=DKIM1; k=rsa; p=" + b64encode(public)


@pytest.mark.parametrize("transport", list(TRANSPORTS))
def test_dkim_signed_messages_verify(
    tmp_path: Path, transport: str, dkim_key: tuple[Path, bytes]
) -> None:
    import dkim

    key_file, record = dkim_key
    asked: list[bytes] = []

    def dns(name: bytes, timeout: int = 5) -> bytes | None:
        asked.append(name)
        return record if name == b"mail2026._domainkey.myrtille.example." else None

    raws = TRANSPORTS[transport](
        tmp_path,
        dkim_selector="mail2026",
        dkim_domain="myrtille.example",
        dkim_key_file=str(key_file),
    )
    assert len(raws) == len(KINDS)
    for raw, kind in zip(raws, KINDS, strict=True):
        assert raw.startswith(b"DKIM-Signature: ")
        check_message(raw, kind)
        signature = raw_fields(raw)["dkim-signature"][0].replace(" ", "")
        assert "d=myrtille.example;" in signature and "s=mail2026;" in signature
        signed = re.search(r"h=([^;]+)", signature)
        assert signed is not None
        for name in ("from", "to", "subject", "date", "message-id", "list-unsubscribe"):
            assert name in signed.group(1).lower().split(":")
        assert dkim.verify(raw, dnsfunc=dns), kind
    assert asked and set(asked) == {b"mail2026._domainkey.myrtille.example."}

    # What the signature protects: another unsubscribe address no longer verifies.
    forged = raws[0].replace(b"https://veille.example/unsubscribe", b"https://evil.example/u", 1)
    assert forged != raws[0]
    assert not dkim.verify(forged, dnsfunc=dns)


def test_dkim_settings_are_checked(tmp_path: Path, dkim_key: tuple[Path, bytes]) -> None:
    from myrtille.exceptions import ConfigError

    key_file, _record = dkim_key
    data_dir = tmp_path / "data"
    with pytest.raises(ConfigError) as error:
        settings_for(data_dir, None, dkim_selector="mail2026", dkim_key_file=str(key_file))
    assert "dkim_domain is missing" in str(error.value)

    missing = tmp_path / "nowhere.pem"
    with pytest.raises(ConfigError) as error:
        settings_for(
            data_dir,
            None,
            dkim_selector="s",
            dkim_domain="myrtille.example",
            dkim_key_file=str(missing),
        )
    assert "email.dkim_key_file" in str(error.value) and str(missing) in str(error.value)

    not_a_key = tmp_path / "key.txt"
    not_a_key.write_text("hello")
    with pytest.raises(ConfigError) as error:
        settings_for(
            data_dir,
            None,
            dkim_selector="s",
            dkim_domain="myrtille.example",
            dkim_key_file=str(not_a_key),
        )
    assert "is not a PEM private key" in str(error.value)

    with pytest.raises(ConfigError) as error:
        settings_for(
            data_dir,
            None,
            dkim_selector="s",
            dkim_domain="other.example",
            dkim_key_file=str(key_file),
        )
    assert "not aligned with the From address" in str(error.value)
    # A parent of the From domain is aligned (DMARC relaxed mode).
    settings_for(
        data_dir,
        None,
        from_address="veille@mail.myrtille.example",
        dkim_selector="s",
        dkim_domain="myrtille.example",
        dkim_key_file=str(key_file),
    )


# -- summaries cut at a word --------------------------------------------------------------

ARTICLE = (
    "Airbus ramps up production of the A320 family in Toulouse and Hamburg after a record "
    "year of orders. "
) * 12


def test_summaries_are_cut_at_a_word_with_an_ellipsis(tmp_path: Path) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'state.db'}")
    with database.session() as session:
        session.add(StoryCluster(id="c1", title="Airbus"))
        session.flush()  # the document's cluster must exist first
        session.add(
            Document(
                id="d1",
                url="https://news.example/airbus",
                source_id="aero-news",
                title="Airbus ramps up",
                text=ARTICLE,
                content_hash="h1",
                cluster_id="c1",
            )
        )
        session.commit()
    with database.session() as session:
        summary = alert_document(session, None, "d1").summary
    assert summary.endswith("…") and 500 <= len(summary) <= 600
    kept = summary[:-1]
    # Whole words only: what is kept is followed in the article by a space or punctuation.
    assert ARTICLE.startswith(kept) and ARTICLE[len(kept)] in " .,"

    long_title = "word " * 100
    assert safe_header(long_title, 40) == ("word " * 8).strip() + "…"  # 39 + 1 characters
    assert plain_text("Airbus ramps up production", 20) == "Airbus ramps up…"
    # One word longer than the room: cut where it must be, still marked.
    assert plain_text("x" * 50, 20) == "x" * 19 + "…"


def test_a_long_summary_reaches_the_mail_cut_at_a_word(tmp_path: Path) -> None:
    alert = make_alert("Airbus", language="en")
    alert = replace(alert, document=replace(alert.document, summary=ARTICLE))
    handler = Recorder()
    with smtp_server(handler) as port:
        EmailChannel(settings_for(tmp_path / "data", port)).send(alert)
    message = message_from_bytes(handler.envelopes[0].original_content, policy=policy.default)
    text = message.get_body(("plain",))
    assert text is not None
    body = str(text.get_content())
    cut = [line for line in body.splitlines() if line.startswith("Airbus ramps up")]
    assert cut and cut[0].endswith("…") and not cut[0].endswith(" …")
    assert ARTICLE.startswith(cut[0][:-1]) and ARTICLE[len(cut[0]) - 1] in " .,"
