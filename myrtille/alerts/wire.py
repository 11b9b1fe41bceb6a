"""Mail as it is written on the wire: header folding that mail clients can read, CRLF
line ends, and the DKIM signature over exactly those bytes.

The standard library RFC 2047-encodes any word too long for a 78-character line, URIs
included: ``List-Unsubscribe: =?utf-8?q?=3Chttps=3A//…`` is valid MIME but no client finds
the ``<https://…>`` it looks for, so one-click unsubscribe (RFC 8058) silently stops
working. :class:`WirePolicy` writes the ASCII headers we build as they are, folded at
spaces only, and leaves everything else (non-ASCII subjects and names) to the library.
"""

from __future__ import annotations

import re
from email.message import EmailMessage
from email.policy import EmailPolicy
from typing import Any

from myrtille.alerts.delivery import TransientDeliveryError
from myrtille.alerts.excerpt import excerpt
from myrtille.config.delivery import EmailSettings

HEADER_MAX = 200
# Every C0/C1 control character and the Unicode line/paragraph separators: a crawled title
# must never be able to end a header line early.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SPACES = re.compile(r"\s+")


def safe_header(text: str | None, limit: int = HEADER_MAX) -> str:
    """Crawled text made fit for a header value: control characters (CR and LF first of
    all) become spaces, whitespace runs collapse to one space, and the length is capped
    at a word boundary."""
    cleaned = _SPACES.sub(" ", CONTROL.sub(" ", text or "")).strip()
    return excerpt(cleaned, limit)


# RFC 5322 2.1.1: lines SHOULD be at most 78 characters and MUST be at most 998.
LINE_SHOULD = 78
LINE_MUST = 998
# RFC 2369 fields: a comma-separated list of <URI>; never encoded, folded between URIs.
URI_LIST_FIELDS = frozenset(
    {"list-unsubscribe", "list-subscribe", "list-help", "list-post", "list-owner", "list-archive"}
)
# Unstructured fields whose ASCII value is written as is, folded at spaces.
TEXT_FIELDS = frozenset({"subject", "list-unsubscribe-post", "auto-submitted"})
_BETWEEN_URIS = re.compile(r"(?<=>)\s*,\s*(?=<)")

# What the DKIM signature covers. A field listed but absent (List-Unsubscribe on a
# confirmation request) is signed as absent, so nobody can add it on the way.
DKIM_SIGNED_FIELDS = (
    b"from",
    b"to",
    b"subject",
    b"date",
    b"message-id",
    b"mime-version",
    b"content-type",
    b"content-language",
    b"auto-submitted",
    b"list-unsubscribe",
    b"list-unsubscribe-post",
)


def _words(name: str, value: str) -> list[str] | None:
    """The pieces a header may be folded between, or None to let the library fold it."""
    if not value.isascii() or any(ord(c) < 32 or ord(c) == 127 for c in value):
        return None
    field = name.lower()
    if field in URI_LIST_FIELDS:
        uris = _BETWEEN_URIS.split(value.strip())
        return [uri + "," for uri in uris[:-1]] + uris[-1:]
    if field in TEXT_FIELDS:
        words = value.split(" ")
        # Runs of spaces or spaces at the ends would not survive folding as written.
        return None if "" in words else words
    return None


def fold_raw(name: str, value: str, linesep: str = "\r\n") -> str | None:
    """``name: value`` folded at the allowed places only, lines kept within 78 characters
    where a word allows it; None when the header is not one we write as is."""
    words = _words(name, value)
    if words is None:
        return None
    lines = [f"{name}:"]
    for word in words:
        if lines[-1] != f"{name}:" and len(lines[-1]) + 1 + len(word) > LINE_SHOULD:
            lines.append("")
        lines[-1] += " " + word
    if any(len(line) > LINE_MUST for line in lines) and name.lower() not in URI_LIST_FIELDS:
        # A word too long for any line: the library encodes it (allowed in text fields).
        return None
    return linesep.join(lines) + linesep


class WirePolicy(EmailPolicy):
    """``email.policy.default`` with :func:`fold_raw` for the headers it knows."""

    def fold(self, name: str, value: Any) -> str:
        folded = fold_raw(name, str(value), self.linesep)
        return folded if folded is not None else super().fold(name, value)

    def fold_binary(self, name: str, value: Any) -> bytes:
        folded = fold_raw(name, str(value), self.linesep)
        if folded is None:
            return super().fold_binary(name, value)
        return folded.encode("ascii")


# Messages are built with this policy (so as_bytes() anywhere writes the same headers);
# the wire gets the CRLF clone.
POLICY = WirePolicy()
SMTP_POLICY = POLICY.clone(linesep="\r\n")


def wire_bytes(message: EmailMessage, settings: EmailSettings, utf8: bool = False) -> bytes:
    """The message exactly as it is sent or filed: CRLF line ends, headers folded by
    :class:`WirePolicy`, and a DKIM-Signature on top when ``email.dkim_*`` is set."""
    policy = SMTP_POLICY.clone(utf8=True) if utf8 else SMTP_POLICY
    raw = message.as_bytes(policy=policy)
    if settings.dkim_key_file is None:
        return raw
    return dkim_signature(raw, settings) + raw


def dkim_signature(raw: bytes, settings: EmailSettings) -> bytes:
    """The ``DKIM-Signature:`` header (RFC 6376, rsa-sha256, relaxed/relaxed) for ``raw``."""
    import dkim  # only needed by operators who sign

    assert settings.dkim_key_file and settings.dkim_selector and settings.dkim_domain
    where = f"email.dkim_key_file {settings.dkim_key_file}"
    try:
        key = settings.dkim_key_file.read_bytes()
        # Relaxed body canonicalization survives relays that re-wrap trailing spaces.
        return bytes(
            dkim.sign(
                raw,
                settings.dkim_selector.encode("ascii"),
                settings.dkim_domain.encode("ascii"),
                key,
                canonicalize=(b"relaxed", b"relaxed"),
                include_headers=list(DKIM_SIGNED_FIELDS),
            )
        )
    except OSError as exc:
        # The file was readable at start-up; retried once the operator puts it back.
        raise TransientDeliveryError(
            f"cannot read the DKIM key ({where}): {exc.strerror or exc}"
        ) from None
    except dkim.DKIMException as exc:
        raise TransientDeliveryError(
            f"DKIM signing with {where} failed: {exc}; check that it is an RSA private key "
            "in PEM form"
        ) from None
