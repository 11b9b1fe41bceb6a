"""The email channel: alerts, digests and confirmation requests, rendered by
:mod:`myrtille.alerts.mail` and sent by :mod:`myrtille.alerts.smtp` (SMTP, or .eml files
without SMTP settings), both written on the wire by :mod:`myrtille.alerts.wire`. The
dependencies run one way: channel -> mail, smtp -> wire.

Every alert and digest carries a one-click unsubscribe link and a preferences link; when
the dispatcher did not sign them already, the channel does (same secret, same format).
Sources are named as the UI names them (their configured ``name``), never by their id,
which webhooks and the stream keep for the machines that read them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from myrtille.alerts.channels.base import Channel
from myrtille.alerts.delivery import (
    REMOVED_TITLE,
    Alert,
    AlertDocument,
    Digest,
    DigestItem,
    PermanentDeliveryError,
)
from myrtille.alerts.digest_mail import DigestMail
from myrtille.alerts.mail import (
    alert_message_id,
    confirm_url,
    preferences_url,
    render_alert,
    render_confirmation,
    unsubscribe_url,
)
from myrtille.alerts.smtp import MailSender
from myrtille.alerts.tokens import secret_key
from myrtille.alerts.unsubscribe import digest_unsubscribe_url
from myrtille.config.settings import Settings
from myrtille.texts import N_, gettext


class EmailChannel(Channel):
    name = "email"
    label = N_("email")
    # Daily and weekly subscriptions get their emails together, in the digest.
    digested = True
    default = True

    def __init__(self, settings: Settings, secret: bytes | None = None) -> None:
        super().__init__(settings)
        self.email = settings.email
        self.secret = secret or secret_key(settings.secret_key, settings.data_dir)
        self.sender = MailSender(settings.email, settings.data_dir)
        # Inside digest_run(): the run's renderer, which keeps what digests share.
        self._digests: DigestMail | None = None
        # Sources whose name is not their id; one without a name, or no longer
        # configured, keeps its id.
        self._source_names = {
            source.id: source.label for source in settings.sources if source.label != source.id
        }
        # Inside digest_run(): digests share their documents, each named once (keyed by
        # the object, kept alive beside its named copy so that its id is not reused).
        self._named_documents: dict[int, tuple[AlertDocument, AlertDocument]] = {}

    def send(self, alert: Alert) -> None:
        alert = replace(
            alert,
            document=self._named(alert.document, alert.language),
            also_reported_by=self._named_also(alert.also_reported_by),
        )
        # One Message-ID per outbox row: a resend is recognisable as the same message.
        message_id = alert_message_id(alert.outbox_id, self.secret, self.email.from_address)
        self._deliver(
            lambda: render_alert(
                alert,
                self.email,
                message_id,
                unsubscribe=unsubscribe_url(self.email, self.secret, alert.subscription_id),
                preferences=preferences_url(self.email, self.secret, alert.subscriber_id),
            ),
            alert.subscriber_email,
        )

    def send_digest(self, digest: Digest) -> None:
        if not digest.unsubscribe_url or not digest.preferences_url:
            # Names the subscriber and frequency, not each subscription: a header line
            # listing a hundred ids outgrew RFC 5322's 998 characters.
            digest = replace(
                digest,
                unsubscribe_url=digest.unsubscribe_url
                or digest_unsubscribe_url(
                    self.email, self.secret, digest.subscriber_id, digest.frequency
                ),
                preferences_url=digest.preferences_url
                or preferences_url(self.email, self.secret, digest.subscriber_id),
            )
        if self._source_names or any(
            item.document.title == REMOVED_TITLE for s in digest.sections for item in s.items
        ):
            digest = replace(
                digest,
                sections=[
                    replace(
                        section,
                        items=[self._named_item(item, digest.language) for item in section.items],
                    )
                    for section in digest.sections
                ],
            )
        renderer = self._digests or DigestMail(self.email)
        self._deliver(lambda: renderer.render(digest), digest.subscriber_email)

    def _named(self, document: AlertDocument, language: str) -> AlertDocument:
        if document.title == REMOVED_TITLE and not document.url:
            return replace(document, title=gettext(language, REMOVED_TITLE))
        name = self._source_names.get(document.source)
        if name is None:
            return document
        known = self._named_documents.get(id(document))
        if known is not None and known[0] is document:
            return known[1]
        named = replace(document, source=name)
        if self._digests is not None:
            self._named_documents[id(document)] = (document, named)
        return named

    def _named_item(self, item: DigestItem, language: str) -> DigestItem:
        return replace(
            item,
            document=self._named(item.document, language),
            also_reported_by=self._named_also(item.also_reported_by),
        )

    def _named_also(self, also: list[dict[str, Any]]) -> list[dict[str, Any]]:
        names = self._source_names
        if not any(str(item.get("source")) in names for item in also):
            return also
        return [
            {**item, "source": names.get(str(item.get("source")), item.get("source"))}
            for item in also
        ]

    @contextmanager
    def digest_run(self) -> Iterator[None]:
        """Many digests in a row: what they share is rendered once (alerts/digest_mail.py)
        and one SMTP connection carries them all."""
        self._digests = DigestMail(self.email)
        try:
            with self.sender.batch():
                yield
        finally:
            self._digests = None
            self._named_documents.clear()

    def send_confirmation(
        self, email: str, language: str, token: str, description: str = ""
    ) -> Path | None:
        """The double opt-in request (saying what is subscribed to, in plain words, when
        ``description`` is given); returns the .eml written when SMTP is not set up."""
        link = confirm_url(self.email, token)
        return self._deliver(
            lambda: render_confirmation(email, language, link, self.email, description), email
        )

    def _deliver(self, render: Callable[[], EmailMessage | bytes], address: str) -> Path | None:
        try:
            recipient = Address(addr_spec=address)
        except (ValueError, HeaderParseError, IndexError) as exc:
            # The stored address cannot be put in a To header: no retry will ever help.
            raise PermanentDeliveryError(
                f"cannot address a message to {address[:80]!r}: {exc}", effect="pause_subscriber"
            ) from None
        message = render()
        if isinstance(message, bytes):
            # Written for the wire already (alerts/compose.py: ASCII addresses only).
            return self.sender.send_raw(message, recipient.addr_spec)
        return self.sender.send(message)
