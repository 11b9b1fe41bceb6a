"""SMTP pipelining (RFC 2920, alerts/pipelining.py): with a server that offers it, MAIL,
RCPT and DATA go in one write; the message arrives as without it, and every refusal
maps to the same delivery error as in the one-command-at-a-time exchange
(tests/alerts/test_email_failures.py runs the same cases against a server without PIPELINING)."""

from __future__ import annotations

from pathlib import Path

import pytest
from aiosmtpd.smtp import SMTP, Envelope, Session

from myrtille.alerts.channels.email import EmailChannel
from myrtille.alerts.delivery import DigestItem, PermanentDeliveryError, TransientDeliveryError
from tests.alerts.test_digest_run import digest
from tests.alerts.test_email import Answer, make_alert, settings_for, smtp_server


class Pipelining(Answer):
    """Offers PIPELINING; notes, at each MAIL, whether RCPT and DATA had arrived with it."""

    def __init__(self, stage: str = "", reply: str = "") -> None:
        super().__init__(stage, reply)
        self.envelopes: list[Envelope] = []
        self.pipelined: list[bool] = []

    async def handle_EHLO(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        hostname: str,
        responses: list[str],
    ) -> list[str]:
        session.host_name = hostname
        return [*responses[:-1], "250-PIPELINING", responses[-1]]

    async def handle_MAIL(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        # The commands already read from the connection but not yet answered.
        waiting = bytes(server._reader._buffer)  # type: ignore[union-attr]
        self.pipelined.append(b"RCPT TO:" in waiting and waiting.endswith(b"DATA\r\n"))
        if self.stage == "mail":
            return self.reply
        envelope.mail_from = address
        return "250 2.1.0 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.stage == "data":
            return self.reply
        self.envelopes.append(envelope)
        return "250 2.0.0 queued"


def test_commands_are_pipelined_and_the_messages_arrive(tmp_path: Path) -> None:
    handler = Pipelining()
    with smtp_server(handler) as port:
        channel = EmailChannel(settings_for(tmp_path / "data", port), secret=b"s" * 32)
        channel.send(make_alert())
        shared = [DigestItem(make_alert("Premier").document)]
        with channel.digest_run():
            for n in range(3):
                channel.send_digest(digest(n, shared))
    assert handler.pipelined == [True] * 4
    assert [e.rcpt_tos for e in handler.envelopes] == [["lea@example.org"]] + [
        [f"pme{n}@example.org"] for n in range(3)
    ]
    assert all(e.content and b"\r\n.\r\n" not in e.content for e in handler.envelopes)


@pytest.mark.parametrize(
    ("stage", "reply", "error", "effect"),
    [
        ("rcpt", "550 5.1.1 No such user", PermanentDeliveryError, "pause_subscriber"),
        ("data", "554 5.7.1 Message rejected as spam", PermanentDeliveryError, "none"),
        ("data", "550 5.1.1 Mailbox unknown", PermanentDeliveryError, "pause_subscriber"),
        ("mail", "553 5.7.1 Sender refused", PermanentDeliveryError, "none"),
        ("rcpt", "451 4.3.0 Try again later", TransientDeliveryError, None),
        ("rcpt", "421 4.3.2 Service shutting down", TransientDeliveryError, None),
        ("data", "451 4.7.1 Greylisted, come back later", TransientDeliveryError, None),
        ("mail", "451 4.3.0 Try again later", TransientDeliveryError, None),
    ],
)
def test_refusals_map_as_without_pipelining(
    tmp_path: Path, stage: str, reply: str, error: type[Exception], effect: str | None
) -> None:
    handler = Pipelining(stage, reply)
    with smtp_server(handler) as port:
        channel = EmailChannel(settings_for(tmp_path / "data", port))
        with pytest.raises(error) as raised:
            channel.send(make_alert())
    assert handler.pipelined == [True]
    assert f"127.0.0.1:{port}" in str(raised.value) and reply.split()[0] in str(raised.value)
    if effect is not None:
        assert raised.value.effect == effect  # type: ignore[attr-defined]
