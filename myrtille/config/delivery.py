"""How alerts leave: outgoing mail (SMTP, DKIM, digest times), webhooks and the Apprise
schemas subscriptions may use."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import Field, field_validator, model_validator

from myrtille.config.durations import Duration
from myrtille.config.model import Model


class EmailSettings(Model):
    """Outgoing mail. Without ``smtp_host`` messages are written as .eml files under
    ``<data_dir>/mail`` and the log says so."""

    smtp_host: str | None = None
    smtp_port: int = Field(default=587, ge=1, le=65535)
    starttls: bool = True
    ssl: bool = Field(default=False, description="implicit TLS (port 465)")
    username: str | None = None
    password: str | None = None
    from_address: str = "veille@myrtille.example"
    from_name: str = "Myrtille"
    timeout: Duration = timedelta(seconds=30)
    smtp_connections: int = Field(
        default=4,
        ge=1,
        le=32,
        description="connections a digest run sends over at once (fewer if the server refuses)",
    )
    # Base URL of the web service, for the links in emails (confirm, unsubscribe).
    public_url: str = "http://127.0.0.1:8000"

    @field_validator("public_url")
    @classmethod
    def _public_url(cls, value: str) -> str:
        # Every link in an email starts with it: a relative or odd value makes dead links.
        parts = urlsplit(value)
        if (
            parts.scheme not in ("http", "https")
            or not parts.hostname
            or parts.query
            or parts.fragment
            or re.search(r"[\s\x00-\x1f]", value)
        ):
            raise ValueError(
                f"'{value}' is not an absolute http(s) URL; write the address the web service "
                "is reached at, e.g. https://veille.example.org"
            )
        return value

    digest_time: str = Field(default="07:30", pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    digest_weekday: int = Field(default=0, ge=0, le=6, description="0 = Monday")
    timezone: str = "Europe/Paris"
    # DKIM signing (RFC 6376): all three or none. The public key is published in DNS at
    # <dkim_selector>._domainkey.<dkim_domain>; the domain should be the From domain.
    dkim_selector: str | None = Field(
        default=None, pattern=r"^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$"
    )
    dkim_domain: str | None = Field(default=None, pattern=r"^[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
    dkim_key_file: Path | None = Field(default=None, description="PEM RSA private key")

    @field_validator("dkim_key_file")
    @classmethod
    def _dkim_key_file(cls, value: Path | None) -> Path | None:
        if value is None:
            return None
        path = value.expanduser()
        try:
            pem = path.read_bytes()
        except OSError as exc:
            raise ValueError(
                f"the DKIM private key file {path} cannot be read ({exc.strerror or exc}); "
                "give the path of a PEM file readable by the user running Myrtille"
            ) from None
        if b"-----BEGIN" not in pem or b"PRIVATE KEY-----" not in pem:
            raise ValueError(
                f"{path} is not a PEM private key (no '-----BEGIN … PRIVATE KEY-----' line); "
                "make one with: openssl genrsa -out dkim.pem 2048"
            )
        return path

    @model_validator(mode="after")
    def _dkim_complete(self) -> EmailSettings:
        given = {
            "dkim_selector": self.dkim_selector,
            "dkim_domain": self.dkim_domain,
            "dkim_key_file": self.dkim_key_file,
        }
        missing = [key for key, value in given.items() if value is None]
        if missing and len(missing) < len(given):
            raise ValueError(
                f"DKIM signing needs dkim_selector, dkim_domain and dkim_key_file together; "
                f"{', '.join(missing)} is missing (set it, or remove the other dkim_ keys)"
            )
        if self.dkim_domain:
            signer = self.dkim_domain.lower().rstrip(".")
            sender = self.from_address.rpartition("@")[2].lower()
            if not (
                sender == signer or sender.endswith("." + signer) or signer.endswith("." + sender)
            ):
                # DMARC (relaxed) passes on DKIM only when the d= domain and the From
                # domain share their organisational domain.
                raise ValueError(
                    f"dkim_domain '{self.dkim_domain}' is not aligned with the From address "
                    f"'{self.from_address}' (from_address): receivers applying DMARC ignore "
                    "such a signature; sign with the From domain or a parent of it"
                )
        return self


class WebhookSettings(Model):
    timeout: Duration = timedelta(seconds=10)
    # Retries with exponential backoff and jitter, for at least this long.
    retry_for: Duration = timedelta(hours=26)
    # Hosts or networks (CIDR) an operator allows although they are private/loopback.
    allow_private: list[str] = Field(default_factory=list)


# Apprise schemas that talk HTTP(S) through ``requests`` (so the address guard and the
# redirect refusal apply to every connection) to a chat or push service.
APPRISE_SCHEMAS = (
    "apprise", "apprises", "discord", "form", "forms", "gchat", "gotify", "gotifys",
    "json", "jsons", "matrix", "matrixs", "mmost", "mmosts", "ntfy", "ntfys",
    "rocket", "rockets", "slack", "tgram", "workflow", "workflows", "wxteams",
    "xml", "xmls", "zulip",
)  # fmt: skip


class AppriseSettings(Model):
    """Which Apprise URLs subscriptions may use."""

    # Schemas (the part before ://) accepted at subscription time and at send time.
    schemas: list[str] = Field(default_factory=lambda: list(APPRISE_SCHEMAS))

    @field_validator("schemas")
    @classmethod
    def _schemas(cls, schemas: list[str]) -> list[str]:
        names = [s.strip().lower().removesuffix("://") for s in schemas]
        bad = [s for s in names if not s or not s.replace("+", "").replace("-", "").isalnum()]
        if bad:
            raise ValueError(f"write schemas without ://, e.g. ntfy or slack (got {bad[0]!r})")
        return names
