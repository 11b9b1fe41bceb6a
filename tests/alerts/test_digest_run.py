"""A digest run (``EmailChannel.digest_run``): one SMTP connection carries the messages, and
a server that hangs up between two of them (an idle timeout, a per-connection limit)
costs a new connection, not a message. Shared blocks rendered once give each subscriber
the bytes a lone digest would have had."""

from __future__ import annotations

import asyncio
import re
import threading
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.smtp import SMTP, Envelope, Session

from myrtille.alerts.channels.email import EmailChannel
from myrtille.alerts.delivery import Digest, DigestItem, DigestSection
from tests.alerts.test_email import Recorder, make_alert, settings_for, smtp_server

DRAWN = re.compile(rb"^(Date|Message-ID): [^\r]*\r$|=+\d{19}==", re.M)


class HangsUpAfterEachMessage:
    """Accepts one message per connection, then closes it (after its 250 reply)."""

    def __init__(self) -> None:
        self.envelopes: list[Envelope] = []
        self.connections: set[int] = set()

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.envelopes.append(envelope)
        self.connections.add(id(session))
        transport = server.transport
        assert transport is not None
        asyncio.get_running_loop().call_soon(transport.close)
        return "250 2.0.0 queued"


class HangsUpAtTheSecondMail:
    """One message per connection: the next MAIL on it is met with a hang-up, no reply."""

    def __init__(self) -> None:
        self.envelopes: list[Envelope] = []
        self.mails: dict[int, int] = {}

    async def handle_MAIL(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        options: list[str],
    ) -> str:
        self.mails[id(session)] = self.mails.get(id(session), 0) + 1
        if self.mails[id(session)] > 1:
            assert server.transport is not None
            server.transport.abort()
            return "421 4.7.0 closing"
        envelope.mail_from = address
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.envelopes.append(envelope)
        return "250 2.0.0 queued"


def digest(n: int, items: list[DigestItem]) -> Digest:
    return Digest(
        subscriber_id=n,
        subscriber_email=f"pme{n}@example.org",
        language="fr" if n % 2 else "en",
        frequency="daily",
        sections=[DigestSection(40 + n, "Aéronautique", "aérovolt", items)],
    )


def test_a_server_that_hangs_up_between_messages_gets_them_all(tmp_path: Path) -> None:
    shared = [DigestItem(make_alert(title).document) for title in ("Premier", "Second")]
    handler = HangsUpAfterEachMessage()
    with smtp_server(handler) as port:
        channel = EmailChannel(settings_for(tmp_path / "data", port))
        with channel.digest_run():
            for n in range(3):
                channel.send_digest(digest(n, shared))
    assert [e.rcpt_tos for e in handler.envelopes] == [[f"pme{n}@example.org"] for n in range(3)]
    assert len(handler.connections) == 3


def test_a_hang_up_before_the_mail_reply_is_retried_on_a_new_connection(
    tmp_path: Path,
) -> None:
    shared = [DigestItem(make_alert("Premier").document)]
    handler = HangsUpAtTheSecondMail()
    with smtp_server(handler) as port:
        channel = EmailChannel(settings_for(tmp_path / "data", port))
        with channel.digest_run():
            for n in range(3):
                channel.send_digest(digest(n, shared))
    assert [e.rcpt_tos for e in handler.envelopes] == [[f"pme{n}@example.org"] for n in range(3)]
    assert sorted(handler.mails.values()) == [1, 2, 2]  # two connections refused a second


def test_digests_of_a_run_read_as_lone_digests(tmp_path: Path) -> None:
    shared = [DigestItem(make_alert(title).document) for title in ("Premier", "Second")]
    alone: list[bytes] = []
    in_run: list[bytes] = []
    for run, into in ((False, alone), (True, in_run)):
        handler = Recorder()
        with smtp_server(handler) as port:
            channel = EmailChannel(settings_for(tmp_path / "data", port), secret=b"s" * 32)
            if run:
                with channel.digest_run():
                    for n in range(4):
                        channel.send_digest(digest(n, shared))
            else:
                for n in range(4):
                    channel.send_digest(digest(n, shared))
        into.extend(e.original_content or e.content for e in handler.envelopes)
    # Links are signed with a time: compare what the subscribers read, link for link.
    assert [received_text(raw) for raw in in_run] == [received_text(raw) for raw in alone]
    assert "Premier" in received_text(in_run[0])


def received_text(raw: bytes) -> str:
    message = message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    text = message.get_body(("plain",))
    assert text is not None
    return re.sub(r"token=[\w.=-]+", "token=…", str(text.get_content()))


class OneConnectionOnly:
    """Records messages; greets only the first connection, refuses every other one."""

    def __init__(self) -> None:
        self.envelopes: list[Envelope] = []
        self.sessions: list[int] = []

    def _greet(self, session: Session) -> bool:
        if not self.sessions:
            self.sessions.append(id(session))
        return self.sessions == [id(session)]

    async def handle_EHLO(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        hostname: str,
        responses: list[str],
    ) -> list[str]:
        if not self._greet(session):
            return ["421 4.7.0 one connection at a time"]
        session.host_name = hostname
        return responses

    async def handle_HELO(
        self, server: SMTP, session: Session, envelope: Envelope, hostname: str
    ) -> str:
        if not self._greet(session):
            return "421 4.7.0 one connection at a time"
        session.host_name = hostname
        return "250 hello"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.envelopes.append(envelope)
        return "250 2.0.0 queued"


def send_from_threads(channel: EmailChannel, threads: int, each: int) -> None:
    shared = [DigestItem(make_alert("Premier").document)]

    errors: list[BaseException] = []

    def sender(first: int) -> None:
        try:
            for n in range(first, first + each):
                channel.send_digest(digest(n, shared))
        except BaseException as exc:  # a thread's error would be printed, not failed
            errors.append(exc)

    with channel.digest_run():
        workers = [threading.Thread(target=sender, args=(k * each,)) for k in range(threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
    assert not errors, errors


def test_several_threads_share_the_runs_connections(tmp_path: Path) -> None:
    handler = Recorder()
    with smtp_server(handler) as port:
        channel = EmailChannel(settings_for(tmp_path / "data", port))
        send_from_threads(channel, threads=3, each=4)
    assert sorted(e.rcpt_tos[0] for e in handler.envelopes) == sorted(
        f"pme{n}@example.org" for n in range(12)
    )


def test_a_server_allowing_one_connection_gets_every_message_over_it(tmp_path: Path) -> None:
    handler = OneConnectionOnly()
    with smtp_server(handler) as port:
        channel = EmailChannel(settings_for(tmp_path / "data", port))
        send_from_threads(channel, threads=3, each=4)
    assert sorted(e.rcpt_tos[0] for e in handler.envelopes) == sorted(
        f"pme{n}@example.org" for n in range(12)
    )
    assert len(handler.sessions) == 1
