"""The live stream channel: its outbox rows are not sent but read, in id order, by the
agents' open connections (``alerts/stream.py``, ``GET /api/v1/stream``), so the row
itself is the delivery and its id the client's cursor."""

from __future__ import annotations

from myrtille.alerts.channels.base import Channel
from myrtille.alerts.delivery import Alert, PermanentDeliveryError
from myrtille.texts import N_


class StreamChannel(Channel):
    name = "stream"
    label = N_("live stream")
    # The rows wait in the outbox for the stream's readers; the dispatcher leaves them.
    dispatched = False

    def send(self, alert: Alert) -> None:
        raise PermanentDeliveryError(
            f"outbox row {alert.outbox_id} belongs to the live stream, which its readers "
            "replay from the outbox; nothing is sent"
        )
