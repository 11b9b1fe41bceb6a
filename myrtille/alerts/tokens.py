"""Signed, expiring tokens for links in emails (confirm, unsubscribe, preferences).

A token is ``base64url(json payload) "." base64url(HMAC-SHA256)``; the payload carries
its purpose and expiry, so a token made for one purpose is refused for another.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from pathlib import Path
from typing import Any

from myrtille.exceptions import MyrtilleError


class TokenError(MyrtilleError):
    """A link that is forged, altered, expired or meant for something else. ``kind``
    (altered, malformed, purpose, expired) lets a page say it in the reader's language;
    the message is the English one of logs and the API."""

    def __init__(self, message: str, kind: str = "malformed") -> None:
        super().__init__(message)
        self.kind = kind


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign(
    secret: bytes,
    purpose: str,
    data: dict[str, Any],
    max_age_seconds: int,
    now: float | None = None,
) -> str:
    payload = {"p": purpose, "x": int((now or time.time()) + max_age_seconds), **data}
    body = _b64(json.dumps(payload, separators=(",", ":"), sort_keys=True).encode())
    mac = hmac.new(secret, body.encode("ascii"), hashlib.sha256).digest()
    return f"{body}.{_b64(mac)}"


def verify(secret: bytes, token: str, purpose: str, now: float | None = None) -> dict[str, Any]:
    try:
        body, mac = token.split(".", 1)
        expected = hmac.new(secret, body.encode("ascii"), hashlib.sha256).digest()
        if not hmac.compare_digest(expected, _unb64(mac)):
            raise TokenError("this link is not valid (it was altered or not made by us)", "altered")
        payload = json.loads(_unb64(body))
    except (ValueError, UnicodeError) as exc:
        raise TokenError("this link is not valid (it is malformed)") from exc
    if payload.get("p") != purpose:
        raise TokenError("this link is meant for something else", "purpose")
    if int(payload.get("x", 0)) < (now or time.time()):
        raise TokenError("this link has expired; ask for a new one", "expired")
    return payload


def secret_key(configured: str | None, data_dir: Path) -> bytes:
    """The configured secret (MYRTILLE_SECRET_KEY), else one made once and kept in the
    data directory, readable by its owner only."""
    if configured:
        return configured.encode("utf-8")
    path = data_dir / "secret.key"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(48), encoding="ascii")
    return path.read_text(encoding="ascii").strip().encode("ascii")
