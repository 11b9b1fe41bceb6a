"""One message over SMTP with command pipelining (RFC 2920), for servers that offer it.

``smtplib`` waits for each command's reply: MAIL, RCPT, DATA and the message are four
round trips. A server that announces PIPELINING takes MAIL, RCPT and DATA in one write
and answers them in order, so a message costs two round trips (a digest run sends
thousands). The outcomes, and the exceptions raised for them, are those of
``smtplib.SMTP.sendmail``, so the caller maps them to delivery errors in one place.
"""

from __future__ import annotations

import re
import smtplib
from collections.abc import Sequence

_PERIOD = re.compile(rb"(?m)^\.")


def offers_pipelining(smtp: smtplib.SMTP) -> bool:
    return bool(smtp.does_esmtp) and smtp.has_extn("pipelining")


def sendmail_pipelined(
    smtp: smtplib.SMTP,
    sender: str,
    recipients: Sequence[str],
    raw: bytes,
    options: Sequence[str] = (),
) -> None:
    """``smtp.sendmail(sender, recipients, raw, mail_options=options)`` in two round
    trips. Sets ``smtp.mail_answered`` once the server answered MAIL (smtp.py: until
    then, a hang-up means the message never reached it)."""
    smtp.ehlo_or_helo_if_needed()
    mail_options = [f"size={len(raw)}"] if smtp.has_extn("size") else []
    mail_options += options
    if any(option.lower() == "smtputf8" for option in options):
        smtp.command_encoding = "utf-8"
    suffix = "".join(f" {option}" for option in mail_options)
    commands = [
        f"MAIL FROM:{smtplib.quoteaddr(sender)}{suffix}",
        *(f"RCPT TO:{smtplib.quoteaddr(recipient)}" for recipient in recipients),
        "DATA",
    ]
    smtp.send("".join(f"{command}\r\n" for command in commands))
    code, reply = smtp.getreply()
    smtp.mail_answered = True  # type: ignore[attr-defined]
    if code == 421:
        smtp.close()
        raise smtplib.SMTPSenderRefused(code, reply, sender)
    refused: dict[str, tuple[int, bytes]] = {}
    for recipient in recipients:
        answer = smtp.getreply()
        if answer[0] not in (250, 251):
            refused[recipient] = answer
        if answer[0] == 421:
            smtp.close()
            raise smtplib.SMTPRecipientsRefused(refused)
    data_code, data_reply = smtp.getreply()
    if data_code == 354 and (code != 250 or len(refused) == len(recipients)):
        # A server that opened DATA all the same: end it at once, empty.
        smtp.send(b".\r\n")
        smtp.getreply()
    if code != 250:
        smtp._rset()  # type: ignore[attr-defined]
        raise smtplib.SMTPSenderRefused(code, reply, sender)
    if len(refused) == len(recipients):
        smtp._rset()  # type: ignore[attr-defined]
        raise smtplib.SMTPRecipientsRefused(refused)
    if data_code != 354:
        if data_code == 421:
            smtp.close()
        raise smtplib.SMTPDataError(data_code, data_reply)
    body = _PERIOD.sub(b"..", raw)
    if not body.endswith(b"\r\n"):
        body += b"\r\n"
    smtp.send(body + b".\r\n")
    code, reply = smtp.getreply()
    if code != 250:
        if code == 421:
            smtp.close()
        else:
            smtp._rset()  # type: ignore[attr-defined]
        raise smtplib.SMTPDataError(code, reply)
