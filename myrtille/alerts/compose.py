"""Mail bytes written directly, for messages sent by the thousand (digests): byte for byte
what ``myrtille.alerts.mail._message`` builds and :func:`myrtille.alerts.wire.wire_bytes`
writes, without building an ``EmailMessage`` and walking it with the generator.

Every piece goes through the same library functions the generator calls (the header
registry and :class:`~myrtille.alerts.wire.WirePolicy` folding, ``quoprimime`` for the
bodies), in the same order; only their results are reused: a header that repeats across
messages (From, Subject, Date within a second) is folded once. ``tests/alerts/test_compose``
and ``bench/digest.py`` hold the two ways to the same bytes.

Only the common case is written here: ASCII addresses (no SMTPUTF8). :func:`compose`
returns None otherwise, and the caller builds the message the general way.
"""

from __future__ import annotations

import random
import re
import sys
from datetime import UTC, datetime
from email import quoprimime
from email.headerregistry import Address
from email.utils import format_datetime, make_msgid
from functools import lru_cache

from myrtille.alerts.wire import POLICY, SMTP_POLICY, dkim_signature, fold_raw, safe_header
from myrtille.config.delivery import EmailSettings

_NL = b"\r\n"
# email.generator's boundary: fifteen "=", a random number of sys.maxsize's width, "==".
_BOUNDARY_WIDTH = len(repr(sys.maxsize - 1))
_BOUNDARY = re.compile(f"={{15}}[0-9]{{{_BOUNDARY_WIDTH}}}==")


@lru_cache(maxsize=512)
def _header(name: str, value: str) -> bytes:
    """``name: value`` folded as the generator writes it (a header seen many times)."""
    return _fold(name, value)


def _fold(name: str, value: str) -> bytes:
    return SMTP_POLICY.fold_binary(name, SMTP_POLICY.header_factory(name, value))


# Values the library writes as they are, on one line, when short enough: a plain
# addr-spec, our Message-IDs, our MIME boundary parameter. Anything else is folded by it.
_AS_IS = {
    "To": re.compile(r"[A-Za-z0-9._+-]+@[A-Za-z0-9.-]+"),
    "Message-ID": re.compile(r"<[0-9.]+@[A-Za-z0-9.-]+>"),
}
_MULTIPART = 'multipart/alternative; boundary="{}"'


def _unique(name: str, value: str) -> bytes:
    """A header of one message only (not worth keeping), written without the header
    registry when its form is one the library writes unchanged."""
    plain = _AS_IS.get(name)
    if plain is not None and plain.fullmatch(value) and len(name) + 2 + len(value) <= 78:
        return f"{name}: {value}\r\n".encode("ascii")
    if name == "List-Unsubscribe" and "=?" not in value:
        # WirePolicy writes it with fold_raw; the registry would only decode =?…?= words.
        folded = fold_raw(name, value)
        if folded is not None:
            return folded.encode("ascii")
    return _fold(name, value)


@lru_cache(maxsize=1)
def _multipart_fold() -> tuple[bytes, bytes]:
    """The Content-Type of the whole message, folded by the library once around a
    boundary of the generator's shape; every boundary of that shape folds the same way."""
    sample = boundary()
    folded = _fold("Content-Type", _MULTIPART.format(sample))
    before, _, after = folded.partition(sample.encode("ascii"))
    return before, after


def _multipart(separator: str) -> bytes:
    if _BOUNDARY.fullmatch(separator):
        before, after = _multipart_fold()
        return before + separator.encode("ascii") + after
    return _fold("Content-Type", _MULTIPART.format(separator))


def qp_body(text: str) -> bytes:
    """A text part's body as ``set_content(text, cte="quoted-printable")`` encodes it and
    the generator writes it (CRLF line ends)."""
    lines = text.encode("utf-8").splitlines()
    data = quoprimime.body_encode(
        (b"\n".join(lines) + b"\n").decode("latin-1"), POLICY.max_line_length
    )
    return data.replace("\n", "\r\n").encode("ascii")


def _part(subtype: str, body: bytes, mime_version: bool) -> bytes:
    head = _header("Content-Type", f'text/{subtype}; charset="utf-8"') + _header(
        "Content-Transfer-Encoding", "quoted-printable"
    )
    if mime_version:
        # The HTML part is added as a message of its own (add_alternative), which says so.
        head += _header("MIME-Version", "1.0")
    return head + _NL + body


def boundary() -> str:
    return "=" * 15 + f"{random.randrange(sys.maxsize):0{_BOUNDARY_WIDTH}d}" + "=="


def compose(
    settings: EmailSettings,
    to: str,
    subject: str,
    text: str | bytes,
    html: str | bytes,
    unsubscribe: str | None = None,
    language: str = "fr",
    *,
    date: str | None = None,
    message_id: str | None = None,
    separator: str | None = None,
) -> bytes | None:
    """The wire bytes of ``mail._message(settings, to, subject, text, html, unsubscribe,
    language)``, or None when an address is not ASCII. ``text`` and ``html`` may be given
    already encoded by :func:`qp_body`. ``date``, ``message_id`` and ``separator`` (the
    MIME boundary) are drawn as the library draws them unless given."""
    recipient = Address(addr_spec=to.strip())
    if not (recipient.addr_spec.isascii() and settings.from_address.isascii()):
        return None
    domain = settings.from_address.rpartition("@")[2] or None
    date = date or format_datetime(datetime.now(UTC))
    message_id = message_id or make_msgid(domain=safe_header(domain) or None)
    separator = separator or boundary()
    head = [
        _sender(settings.from_name, settings.from_address),
        _unique("To", str(recipient)),
        _header("Subject", safe_header(subject)),
        _header("Date", date),
        _unique("Message-ID", message_id),
        _header("Auto-Submitted", "auto-generated"),
    ]
    if unsubscribe:
        head.append(_unique("List-Unsubscribe", f"<{unsubscribe}>"))
        head.append(_header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
    head.append(_header("MIME-Version", "1.0"))
    head.append(_multipart(separator))
    head.append(_header("Content-Language", language))
    dash = b"--" + separator.encode("ascii")
    text_body = text if isinstance(text, bytes) else qp_body(text)
    html_body = html if isinstance(html, bytes) else qp_body(html)
    raw = b"".join(
        [
            *head,
            _NL,
            dash + _NL,
            _part("plain", text_body, mime_version=False),
            _NL + dash + _NL,
            _part("html", html_body, mime_version=True),
            _NL + dash + b"--" + _NL,
        ]
    )
    if settings.dkim_key_file is None:
        return raw
    return dkim_signature(raw, settings) + raw


@lru_cache(maxsize=16)
def _sender(name: str, address: str) -> bytes:
    return _fold("From", str(Address(display_name=safe_header(name, 80), addr_spec=address)))
