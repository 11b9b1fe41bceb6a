"""What every delivery channel implements.

A channel is a component: built from the settings (``from_settings``, which raises
``NotConfigured`` when the settings switch it off), registered once in
``myrtille.alerts.channels.CHANNELS``, asked at subscription time to check where it is to
deliver (``destination``), then given one alert at a time with that destination; what it
is given and the errors it raises are in ``myrtille.alerts.delivery``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, ClassVar

from myrtille.alerts.delivery import Alert, Destination, DestinationError

if TYPE_CHECKING:
    from typing import Self

    from myrtille.config.settings import Settings


class Channel(ABC):
    """One way of delivering alerts; a subclass is one module and one registry entry."""

    # The name subscriptions, outbox rows, the CLI and the API know it by (at most 16).
    name: ClassVar[str] = ""
    # What people read, marked with N_ for the catalogue, translated where it is shown.
    label: ClassVar[str] = ""
    # Whether the dispatcher sends its outbox rows; False when something else reads them
    # (the live stream's connections).
    dispatched: ClassVar[bool] = True
    # Whether rows of daily and weekly subscriptions wait for the digest (email) instead
    # of being sent as soon as they are due.
    digested: ClassVar[bool] = False
    # Whether a subscription that names no channel delivers on it (email).
    default: ClassVar[bool] = False

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        """The channel for these settings; raise ``NotConfigured`` when they switch it off
        (it is then left out: its rows wait, new subscriptions cannot ask for it)."""
        return cls(settings)  # type: ignore[call-arg]

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @classmethod
    def destination(cls, address: str | None, settings: Settings | None) -> Destination:
        """Check, at subscription time, where this channel is asked to deliver, and what
        to store (e.g. a new signing secret); raise ``DestinationError`` saying what is
        wrong. ``settings`` may be None (then the defaults apply). By default a channel
        takes no address: it delivers to the subscriber."""
        if address:
            raise DestinationError(f"the {cls.name} channel takes no address")
        return Destination(cls.name)

    @abstractmethod
    def send(self, alert: Alert) -> None:
        """Deliver one alert to ``alert.destination``, or raise a delivery error above."""

    def close(self) -> None:  # noqa: B027 (optional)
        """Release connections."""
