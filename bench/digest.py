"""Digest run for 10,000 subscribers into a local aiosmtpd server: messages/s.

Each subscriber has one daily subscription with three pending matches (documents in a
SQLite index). ``DigestBuilder.run`` gathers, ranks, renders (text + HTML) and sends one
message per subscriber and keeps the watermark; the baseline, in the same run, sends
the same number of already-rendered messages of the same size with bare ``smtplib``.
``ratio`` = ours ÷ baseline messages/s; ``ratio_cpu`` the same with the CPU time of this
process (client and server thread) instead of wall time. The baseline's messages are ours,
as the server received them, sent again (the same bytes and lines: the server reads a
message line by line); ``ratio_synthetic`` and ``ratio_cpu_synthetic`` are the ratios to
the baseline used before, a message of the same size made of 76-character lines.

With ``--pipelining`` the server announces PIPELINING (RFC 2920), as most mail servers
do: ours then sends MAIL, RCPT and DATA in one write (two round trips a message instead of
four); the baseline, ``smtplib``, has no pipelining and keeps its four.

Checks: every subscriber got one message with its three items; the first ``SAMPLE``
messages arrived byte for byte as rendered, and each is the message the library path
(``render_digest`` + ``wire_bytes``, what digests were before issue 16) writes for the
same digest, once its Date, Message-ID and MIME boundary (drawn at random) are set aside.

    .venv/bin/python bench/digest.py [--subscribers 10000] [--connections 4] [--pipelining]
        [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import smtplib
import socket
import sys
import tempfile
import time
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from aiosmtpd.controller import Controller  # noqa: E402

from bench.benchlib import check  # noqa: E402
from bench.index import documents  # noqa: E402
from myrtille.alerts.channels.email import EmailChannel  # noqa: E402
from myrtille.alerts.delivery import Digest  # noqa: E402
from myrtille.alerts.digest_mail import DigestMail  # noqa: E402
from myrtille.alerts.digests import DigestBuilder  # noqa: E402
from myrtille.alerts.mail import render_digest  # noqa: E402
from myrtille.alerts.wire import wire_bytes  # noqa: E402
from myrtille.config.loading import load_settings  # noqa: E402
from myrtille.index.factory import open_index  # noqa: E402
from myrtille.store.database import open_database  # noqa: E402
from myrtille.store.schema import utcnow  # noqa: E402
from myrtille.store.subscriptions import (  # noqa: E402
    OutboxItem,
    Subscriber,
    Subscription,
    SubscriptionDestination,
)

SECRET = "a benchmark secret, long enough"


SAMPLE = 200
# What the library draws at random for each message: set aside when comparing.
DRAWN = re.compile(rb"^(Date|Message-ID): [^\r]*\r$|=+\d{19}==", re.M)


class Counter:
    def __init__(self, pipelining: bool = False) -> None:
        self.count = 0
        self.size = 0
        self.first: list[bytes] = []
        self.pipelining = pipelining

    async def handle_EHLO(self, server, session, envelope, hostname, responses):  # type: ignore[no-untyped-def]
        session.host_name = hostname
        if not self.pipelining:
            return responses
        # aiosmtpd reads and answers commands in order: it handles pipelined ones.
        return [*responses[:-1], "250-PIPELINING", responses[-1]]

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.count += 1
        self.size = len(envelope.content)
        if len(self.first) < 2 * SAMPLE:  # sent by several connections: a little out of order
            self.first.append(envelope.original_content or envelope.content)
        return "250 OK"


def capture_rendered() -> list[tuple[Digest, bytes | EmailMessage]]:
    """The first SAMPLE digests the run renders, with what it rendered."""
    captured: list[tuple[Digest, bytes | EmailMessage]] = []
    render = DigestMail.render

    def capturing(self, digest, now=None):  # type: ignore[no-untyped-def]
        rendered = render(self, digest, now)
        if len(captured) < SAMPLE:
            captured.append((digest, rendered))
        return rendered

    DigestMail.render = capturing  # type: ignore[method-assign]
    return captured


def same_as_library(
    captured: list[tuple[Digest, bytes | EmailMessage]], received: list[bytes], email
) -> dict[str, bool]:  # type: ignore[no-untyped-def]
    rendered = [r if isinstance(r, bytes) else wire_bytes(r, email) for _, r in captured]
    library = [wire_bytes(render_digest(digest, email), email) for digest, _ in captured]
    return {
        "sample sent as rendered": set(rendered) <= set(received),
        "sample as the library writes it": [DRAWN.sub(b"", r) for r in rendered]
        == [DRAWN.sub(b"", old) for old in library],
    }


def bare_smtplib(port: int, messages: list[bytes]) -> tuple[float, float]:
    """Wall and CPU seconds of sending ``messages`` with bare smtplib, one connection."""
    started, cpu = time.perf_counter(), time.process_time()
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        for n, message in enumerate(messages):
            smtp.sendmail("a@b.fr", [f"pme{n}@exemple.fr"], message)
    return time.perf_counter() - started, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--connections", type=int, default=4, help="SMTP connections (email.smtp_connections)"
    )
    parser.add_argument(
        "--pipelining",
        action="store_true",
        help="the server offers PIPELINING (ours uses it; bare smtplib cannot)",
    )
    args = parser.parse_args()
    counter = Counter(args.pipelining)
    with socket.socket() as probe:  # aiosmtpd's controller needs a fixed port
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(counter, hostname="127.0.0.1", port=port)
    controller.start()
    results: dict[str, float | int] = {
        "subscribers": args.subscribers,
        "connections": args.connections,
        "pipelining": int(args.pipelining),
    }
    try:
        with tempfile.TemporaryDirectory() as tmp:
            settings = load_settings(
                None,
                env={},
                overrides={
                    "data_dir": tmp,
                    "secret_key": SECRET,
                    "email": {"smtp_host": "127.0.0.1", "smtp_port": port, "starttls": False},
                },
            )
            database = open_database(settings.state_url)
            index = open_index(settings)
            docs = documents(300)
            index.index(docs)
            now = utcnow()
            print("creating subscribers…", file=sys.stderr)
            with database.session() as session:
                for n in range(args.subscribers):
                    subscriber = Subscriber(
                        email=f"pme{n}@exemple.fr", confirmed_at=now, consent="operator"
                    )
                    session.add(subscriber)
                    session.flush()
                    subscription = Subscription(
                        subscriber_id=subscriber.id,
                        name="Veille",
                        query="aerovolt",
                        frequency="daily",
                        destinations=[SubscriptionDestination(channel="email")],
                        active=True,
                    )
                    session.add(subscription)
                    session.flush()
                    for k in range(3):
                        doc = docs[(n * 3 + k) % len(docs)]
                        session.add(
                            OutboxItem(
                                subscription_id=subscription.id,
                                cluster_id=doc.id,
                                document_id=doc.id,
                                channel="email",
                                status="pending",
                                also_reported_by=[],
                            )
                        )
            email = EmailChannel(settings, SECRET.encode())
            builder = DigestBuilder(
                settings, database, index, email.send_digest, parallel=args.connections
            )
            captured = capture_rendered()
            started, cpu = time.perf_counter(), time.process_time()
            with email.digest_run():
                report = builder.run("daily", now=datetime.now(UTC), force=True)
            ours, ours_cpu = time.perf_counter() - started, time.process_time() - cpu
            checks = {
                "one digest per subscriber": report.sent == counter.count == args.subscribers,
                "three items each": report.items == 3 * args.subscribers,
                **same_as_library(captured, counter.first, settings.email),
            }
            size = counter.size
            # The peer: ours as the server received them, pre-rendered, sent again in turn
            # (the same bytes, so the same lines for the server to read).
            rendered = counter.first
            bare, bare_cpu = bare_smtplib(
                port, [rendered[n % len(rendered)] for n in range(args.subscribers)]
            )
            # The peer until issue 16.4's second pass: a message of the same size made of
            # 76-character lines (fewer lines than ours, so less work for the server).
            body = (b"x" * 76 + b"\r\n") * max((size - 60) // 78, 2)
            message = b"From: a@b.fr\r\nTo: c@d.fr\r\nSubject: x\r\n\r\n" + body
            synthetic, synthetic_cpu = bare_smtplib(port, [message] * args.subscribers)
            results.update(
                {
                    "ours_seconds": round(ours, 1),
                    "ours_messages_per_s": round(args.subscribers / ours, 1),
                    "bare_smtplib_messages_per_s": round(args.subscribers / bare, 1),
                    "ratio": round(bare / ours, 3),
                    # CPU seconds of this process (ours or the client, and the server's
                    # thread): the same ratio, less moved by other work on the machine.
                    "ratio_cpu": round(bare_cpu / ours_cpu, 3),
                    "ratio_synthetic": round(synthetic / ours, 3),
                    "ratio_cpu_synthetic": round(synthetic_cpu / ours_cpu, 3),
                    "message_bytes": size,
                    "message_lines": sum(m.count(b"\n") for m in rendered) // len(rendered),
                    "synthetic_lines": message.count(b"\n"),
                }
            )
            index.close()
            database.dispose()
    finally:
        controller.stop()
    passed = check(checks)
    if args.json:
        print(json.dumps(results))
    else:
        print("== results ==")
        for key, value in results.items():
            print(f"{key}: {value}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
