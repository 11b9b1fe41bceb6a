"""Delivery channels, one module each behind ``base.Channel``, and their registry.

``CHANNELS`` is the one list of channels: subscriptions, the dispatcher, the command line,
the API and the service all read it. Entries name their class by import path, so a
channel's dependencies (Apprise loads its plugins) are imported only when it is used.
Adding a channel is one module and one entry here (see docs/alerts.md).
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING

from myrtille.exceptions import NotConfigured

if TYPE_CHECKING:
    from myrtille.alerts.channels.base import Channel
    from myrtille.config.settings import Settings

log = logging.getLogger(__name__)


class UnknownChannel(KeyError):
    """A channel name no entry of the registry has."""

    def __str__(self) -> str:
        return str(self.args[0])


class ChannelRegistry:
    """Channel names to their classes (an import path ``module:Class``, or the class)."""

    def __init__(self, entries: dict[str, str]) -> None:
        self._entries: dict[str, str | type[Channel]] = dict(entries)

    def names(self) -> tuple[str, ...]:
        """Every registered channel, in registration order (without importing them)."""
        return tuple(self._entries)

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def register(self, channel: type[Channel]) -> type[Channel]:
        """Add (or replace) a channel under its ``name``; usable as a class decorator."""
        if not channel.name or len(channel.name) > 16:
            raise ValueError(f"{channel.__qualname__}.name must be 1 to 16 characters")
        self._entries[channel.name] = channel
        return channel

    def unregister(self, name: str) -> None:
        self._entries.pop(name, None)

    def get(self, name: str) -> type[Channel]:
        """The class of channel ``name``; ``UnknownChannel`` names the known ones."""
        entry = self._entries.get(name)
        if entry is None:
            raise UnknownChannel(f"unknown channel {name[:40]!r}; use {', '.join(self._entries)}")
        if isinstance(entry, str):
            module, _, attribute = entry.partition(":")
            entry = getattr(importlib.import_module(module), attribute)
            assert isinstance(entry, type)
            self._entries[name] = entry
        return entry

    def labels(self) -> dict[str, str]:
        """Every channel's name for people (a catalogue message id), by name."""
        return {name: self.get(name).label or name for name in self.names()}

    def build(self, settings: Settings) -> dict[str, Channel]:
        """Every channel the settings configure, by name; one that raises
        ``NotConfigured`` is left out, and the log says why."""
        built: dict[str, Channel] = {}
        for name in self.names():
            try:
                built[name] = self.get(name).from_settings(settings)
            except NotConfigured as exc:
                log.info("channel %s is switched off: %s", name, exc)
        return built


CHANNELS = ChannelRegistry(
    {
        "email": "myrtille.alerts.channels.email:EmailChannel",
        "webhook": "myrtille.alerts.channels.webhook:WebhookChannel",
        "stream": "myrtille.alerts.channels.stream:StreamChannel",
        "apprise": "myrtille.alerts.channels.apprise:AppriseChannel",
    }
)
