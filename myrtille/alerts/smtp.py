"""Sending mail: SMTP with STARTTLS/TLS and authentication, or .eml files when no
server is configured; SMTP answers mapped to transient or permanent delivery errors."""

from __future__ import annotations

import logging
import os
import re
import select
import smtplib
import ssl
import tempfile
import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

from myrtille.alerts.delivery import PermanentDeliveryError, TransientDeliveryError
from myrtille.alerts.pipelining import offers_pipelining, sendmail_pipelined
from myrtille.alerts.wire import safe_header, wire_bytes
from myrtille.config.delivery import EmailSettings

log = logging.getLogger(__name__)


def _code(error: smtplib.SMTPResponseException | tuple[int, bytes]) -> tuple[int, str]:
    if isinstance(error, tuple):
        code, raw = error
    else:
        code, raw = error.smtp_code, error.smtp_error
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    return int(code), safe_header(text, 160)


# An enhanced status 5.1.x (bad destination mailbox/address) or 5.2.1 (mailbox disabled)
# sent at DATA time still means "this address cannot work".
_ADDRESS_STATUS = re.compile(r"^5\.(1\.\d+|2\.1)\b")


class MailSender:
    """Sends one message at a time over SMTP (a connection per message: alerts are few and
    far between, and a fresh connection never trips over a server's idle timeout)."""

    def __init__(self, settings: EmailSettings, data_dir: Path) -> None:
        self.settings = settings
        self.data_dir = Path(data_dir)
        self._warned = False
        # Inside batch(): one connection reused for many messages (digests).
        self._batch = False
        # Inside batch(): connections ready for the next message (several when digests are
        # sent by several threads), how many are open, and how many the server allows.
        self._idle: list[smtplib.SMTP] = []
        self._live = 0
        self._busy = 0  # messages being sent (by several threads in a digest run)
        self._cap: int | None = None
        self._free = threading.Condition()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Send many messages over one connection (a digest run), then QUIT."""
        self._batch = True
        try:
            yield
        finally:
            self._batch = False
            with self._free:
                idle, self._idle, self._cap = self._idle, [], None
                self._live -= len(idle)
            for smtp in idle:
                _close(smtp, polite=True)

    @property
    def server(self) -> str:
        return f"{self.settings.smtp_host}:{self.settings.smtp_port}"

    def send(self, message: EmailMessage) -> Path | None:
        """Deliver; returns the file written when no SMTP server is configured."""
        if not self.settings.smtp_host:
            return self._write_file(message)
        self._send_smtp(message)
        return None

    def send_raw(self, raw: bytes, recipient: str) -> Path | None:
        """Deliver bytes already on the wire's form (alerts/compose.py) to one ASCII
        address; returns the file written when no SMTP server is configured."""
        if not self.settings.smtp_host:
            return self._write_raw(raw, recipient)
        self._transmit(raw, [recipient], international=False)
        return None

    # -- file fallback ---------------------------------------------------------------

    def _write_file(self, message: EmailMessage) -> Path:
        return self._write_raw(wire_bytes(message, self.settings), str(message["To"]))

    def _write_raw(self, raw: bytes, recipient: str) -> Path:
        folder = self.data_dir / "mail"
        folder.mkdir(parents=True, exist_ok=True)
        if not self._warned:
            log.warning(
                "no SMTP server configured (email.smtp_host / MYRTILLE_SMTP_HOST): "
                "mail is written to files in %s instead of being sent",
                folder,
            )
            self._warned = True
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        path = folder / f"{stamp}-{uuid.uuid4().hex[:12]}.eml"
        # Written aside then renamed, so whoever watches the folder never reads half a file.
        with tempfile.NamedTemporaryFile("wb", dir=folder, suffix=".tmp", delete=False) as out:
            out.write(raw)
        os.replace(out.name, path)
        log.info("mail to %s written to %s", recipient, path)
        return path

    # -- SMTP ------------------------------------------------------------------------

    def _timed_out(self) -> str:
        seconds = self.settings.timeout.total_seconds()
        return f"mail server {self.server} did not answer within {seconds:g} s"

    def _recipients(self, message: EmailMessage) -> list[str]:
        # Only the To header's addresses, parsed: no Cc/Bcc is ever honoured.
        header = message["To"]
        addresses = getattr(header, "addresses", ())
        recipients = [a.addr_spec for a in addresses if a.addr_spec]
        if not recipients:
            raise PermanentDeliveryError("the message has no recipient address")
        return recipients

    def _connect(self) -> smtplib.SMTP:
        settings = self.settings
        timeout = settings.timeout.total_seconds()
        host = settings.smtp_host or ""
        context = ssl.create_default_context()
        smtp: smtplib.SMTP
        if settings.ssl:
            smtp = _SSLConnection(host, settings.smtp_port, timeout=timeout, context=context)
        else:
            smtp = _Connection(host, settings.smtp_port, timeout=timeout)
        try:
            smtp.ehlo_or_helo_if_needed()
            secure = settings.ssl
            if not secure and settings.starttls and smtp.has_extn("starttls"):
                smtp.starttls(context=context)
                smtp.ehlo()
                secure = True
            if settings.username:
                if not secure:
                    # Never send a password in clear text, whatever the server accepts.
                    raise TransientDeliveryError(
                        f"mail server {self.server} offers no TLS; refusing to send the "
                        "SMTP password in clear (set email.ssl or use a server with STARTTLS)"
                    )
                smtp.login(settings.username, settings.password or "")
        except BaseException:
            smtp.close()
            raise
        return smtp

    def _send_smtp(self, message: EmailMessage) -> None:
        recipients = self._recipients(message)
        sender = self.settings.from_address
        # Non-ASCII addresses need SMTPUTF8 (RFC 6531) and UTF-8 headers.
        international = not all(a.isascii() for a in (sender, *recipients))
        # The bytes sent are the bytes signed: nothing may re-fold them after this.
        raw = wire_bytes(message, self.settings, utf8=international)
        self._transmit(raw, recipients, international)

    def _transmit(self, raw: bytes, recipients: list[str], international: bool) -> None:
        sender = self.settings.from_address
        options = ("SMTPUTF8", "BODY=8BITMIME") if international else ()
        server = self.server
        smtp: smtplib.SMTP | None = None
        sent = False
        with self._free:
            self._busy += 1
        try:
            smtp = self._take()
            if smtp is not None and _closed_by_server(smtp):
                self._drop(smtp, polite=False)
                smtp = None
            reused = smtp is not None
            if smtp is None:
                smtp = self._fresh()
            if international and not smtp.has_extn("smtputf8"):
                raise smtplib.SMTPNotSupportedError(
                    "the address is not ASCII and the server does not support SMTPUTF8"
                )
            try:
                _sendmail(smtp, sender, recipients, raw, options)
            except smtplib.SMTPServerDisconnected:
                if not reused or getattr(smtp, "mail_answered", True):
                    raise
                # A reused connection the server hung up on before answering our MAIL
                # (a per-connection limit): nothing of this message reached it.
                self._drop(smtp, polite=False)
                smtp = None
                smtp = self._fresh()
                _sendmail(smtp, sender, recipients, raw, options)
            sent = True
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [_code(reply) for reply in exc.recipients.values()]
            detail = "; ".join(f"{c} {t}" for c, t in codes)
            if codes and all(code >= 500 for code, _ in codes):
                # A hard bounce: the address does not work, stop mailing this subscriber.
                raise PermanentDeliveryError(
                    f"mail server {server} refused {', '.join(recipients)}: {detail}",
                    effect="pause_subscriber",
                ) from None
            raise TransientDeliveryError(
                f"mail server {server} deferred {', '.join(recipients)}: {detail}"
            ) from None
        except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as exc:
            code, text = _code(exc)
            what = "sender" if isinstance(exc, smtplib.SMTPSenderRefused) else "message"
            if code >= 500:
                effect = "pause_subscriber" if _ADDRESS_STATUS.match(text) else "none"
                raise PermanentDeliveryError(
                    f"mail server {server} refused the {what}: {code} {text}", effect=effect
                ) from None
            raise TransientDeliveryError(
                f"mail server {server} deferred the {what}: {code} {text}"
            ) from None
        except smtplib.SMTPAuthenticationError as exc:
            # A configuration problem, not this message's: retried once the operator fixes it.
            code, text = _code(exc)
            raise TransientDeliveryError(
                f"mail server {server} refused our login ({code} {text}); "
                "check email.username / MYRTILLE_SMTP_PASSWORD"
            ) from None
        except smtplib.SMTPServerDisconnected as exc:
            # smtplib turns a read timeout into "disconnected"; the timeout is the context.
            if isinstance(exc.__context__, TimeoutError):
                raise TransientDeliveryError(self._timed_out()) from None
            raise TransientDeliveryError(
                f"mail server {server} closed the connection: {exc or 'no reason given'}"
            ) from None
        except smtplib.SMTPConnectError as exc:
            code, text = _code(exc)
            raise TransientDeliveryError(
                f"mail server {server} refused the connection: {code} {text}"
            ) from None
        except smtplib.SMTPResponseException as exc:
            # Greeting, HELO, STARTTLS or RSET refused: a server-wide problem, not this mail's.
            code, text = _code(exc)
            raise TransientDeliveryError(f"mail server {server} answered {code} {text}") from None
        except smtplib.SMTPException as exc:
            raise TransientDeliveryError(f"mail server {server}: {exc}") from None
        except TimeoutError:
            raise TransientDeliveryError(self._timed_out()) from None
        except ConnectionRefusedError:
            raise TransientDeliveryError(
                f"mail server {server} refused the connection (nothing listening?)"
            ) from None
        except ssl.SSLError as exc:
            raise TransientDeliveryError(f"TLS with mail server {server} failed: {exc}") from None
        except OSError as exc:
            raise TransientDeliveryError(f"cannot reach mail server {server}: {exc}") from None
        finally:
            with self._free:
                self._busy -= 1
            if smtp is not None:
                if sent and self._batch:
                    with self._free:
                        self._idle.append(smtp)
                        self._free.notify()
                else:
                    self._drop(smtp, polite=sent)

    # -- connections of a batch ------------------------------------------------------

    def _take(self) -> smtplib.SMTP | None:
        """An idle connection of the batch; or, once the server allowed no more and all
        are busy, the next one another thread gives back; or None (open one)."""
        with self._free:
            cap = self._cap
            if self._batch and cap is not None:
                self._free.wait_for(
                    lambda: bool(self._idle) or self._live < cap,
                    self.settings.timeout.total_seconds(),
                )
            return self._idle.pop() if self._idle else None

    def _fresh(self) -> smtplib.SMTP:
        """A new connection; in a batch whose other connections are busy, a server that
        refuses one more caps the batch at what it has, and this message waits for one."""
        try:
            smtp = self._connect()
        except (smtplib.SMTPException, OSError, TransientDeliveryError):
            with self._free:
                if self._batch and self._idle:
                    # Another thread gave its connection back while this one was being
                    # refused: the server's limit is reached, and that one is free.
                    self._cap = max(self._live, 1)
                    return self._idle.pop()
                if not self._batch or self._busy < 2:
                    raise
                if self._cap is None:
                    log.info(
                        "mail server %s refused connection %d; the run goes on with fewer",
                        self.server,
                        self._live + 1,
                    )
                self._cap = max(self._live, 1)
                self._free.wait_for(lambda: bool(self._idle), self.settings.timeout.total_seconds())
                if not self._idle:
                    raise
                return self._idle.pop()
        with self._free:
            self._live += 1
        return smtp

    def _drop(self, smtp: smtplib.SMTP, polite: bool) -> None:
        with self._free:
            self._live -= 1
            self._free.notify()
        _close(smtp, polite=polite)


class _Connection(smtplib.SMTP):
    """smtplib's client, noting whether the server answered the current MAIL command:
    until it has, a hang-up means the message never reached the server."""

    mail_answered = False

    def mail(self, sender: str, options: Sequence[str] = ()) -> tuple[int, bytes]:
        reply = super().mail(sender, options)
        self.mail_answered = True
        return reply


class _SSLConnection(_Connection, smtplib.SMTP_SSL):
    pass


def _sendmail(
    smtp: smtplib.SMTP, sender: str, recipients: list[str], raw: bytes, options: Sequence[str]
) -> None:
    smtp.mail_answered = False  # type: ignore[attr-defined]
    if offers_pipelining(smtp):
        sendmail_pipelined(smtp, sender, recipients, raw, options)
    else:
        smtp.sendmail(sender, recipients, raw, mail_options=options)


def _closed_by_server(smtp: smtplib.SMTP) -> bool:
    """Whether a reused connection was closed (or is being closed, 421) by the server.
    Between two of our messages the server has nothing to say: anything to read means it
    hung up. Asked of the socket, without a round trip (an RSET per message cost more
    than the rest of the SMTP exchange's waiting)."""
    sock = smtp.sock
    if sock is None:
        return True
    try:
        readable, _, _ = select.select([sock], [], [], 0)
    except (OSError, ValueError):
        return True
    return bool(readable)


def _close(smtp: smtplib.SMTP, polite: bool) -> None:
    """QUIT after a success; after a failure just close, since the server may be the very
    thing that stopped answering and a QUIT would wait for the timeout once more."""
    try:
        if polite and smtp.sock is not None:
            smtp.quit()
    except (smtplib.SMTPException, OSError):
        pass
    finally:
        smtp.close()
