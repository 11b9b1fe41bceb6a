"""An alert's Message-ID is stable per outbox row: a resend (a retry, or the one
documented window of docs/reliability.md: a crash after the SMTP server accepted the
message and before the outbox recorded it) reaches the server with the same id, so a
receiver can recognise the repeat. Two rows, or two installations, never share one."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from myrtille.alerts.channels.email import EmailChannel
from tests.alerts.test_email import Recorder, make_alert, received, settings_for, smtp_server


def test_a_resent_alert_keeps_its_message_id_and_rows_do_not_share_one(tmp_path: Path) -> None:
    recorder = Recorder()
    with smtp_server(recorder) as port:
        settings = settings_for(tmp_path / "data", port)
        channel = EmailChannel(settings, secret=b"installation one secret, long enough")
        other_installation = EmailChannel(settings, secret=b"installation two secret, long too")
        alert = make_alert("Aérovolt rachète Hélicea")
        channel.send(alert)
        channel.send(replace(alert, attempt=2))  # the same row sent again
        channel.send(replace(alert, outbox_id=alert.outbox_id + 1))
        other_installation.send(alert)
    ids = [str(received(e)["Message-ID"]) for e in recorder.envelopes]
    assert len(ids) == 4
    assert ids[0] == ids[1]
    assert len({ids[0], ids[2], ids[3]}) == 3
    domain = settings.email.from_address.rpartition("@")[2]
    assert all(i.startswith("<alert.") and i.endswith(f"@{domain}>") for i in ids)
