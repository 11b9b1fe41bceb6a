"""Guarded ``requests``: inside ``guarded()``, every connection that ``requests`` opens
in this thread goes to an address the private-address guard (netguard) checked, proxies
from the environment are ignored, and redirects are refused.

Apprise makes its own HTTP requests (each plugin calls ``requests.post``, a new Session
every time), so its channel cannot hand it a client as the webhook channel does. Instead
``requests.Session.get_adapter`` is wrapped once, at import: inside ``guarded()`` it
returns an adapter whose connections resolve the host, check every address and connect
to one of the checked addresses (no second resolution, so DNS rebinding cannot slip in
between; TLS SNI and certificate checks keep the name). Each redirect hop would be a new
connection checked the same way, but a 3xx is refused outright, as webhooks do. Outside
``guarded()`` (other threads, other libraries) ``requests`` is unchanged.

Apprise turns any exception into "failed", so the guard keeps the reason of a refusal for
the channel to raise after the send.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError
from urllib3.util import connection as urllib3_connection

from myrtille.alerts.delivery import PermanentDeliveryError, TransientDeliveryError
from myrtille.alerts.netguard import resolve_host

LOCATION_MAX = 200


class RedirectRefused(requests.RequestException):
    """A 3xx answer met inside ``guarded()``; it is not followed."""


class Guard:
    """One guarded send: its allowances, its adapter, and what it refused."""

    def __init__(self, allow_private: list[str]) -> None:
        self.allow_private = list(allow_private)
        # The first refused destination or redirect: the channel raises it after the send.
        self.refusal: PermanentDeliveryError | None = None
        # The first name that did not resolve: makes "could not notify" say why.
        self.failure: TransientDeliveryError | None = None
        self.adapter = _GuardedAdapter(self)

    def refuse(self, error: PermanentDeliveryError) -> None:
        if self.refusal is None:
            self.refusal = error

    def fail(self, error: TransientDeliveryError) -> None:
        if self.failure is None:
            self.failure = error


_ACTIVE: ContextVar[Guard | None] = ContextVar("myrtille_guarded_requests", default=None)


@contextmanager
def guarded(allow_private: list[str]) -> Iterator[Guard]:
    """Guard every ``requests`` call made in this thread until the block ends."""
    guard = Guard(allow_private)
    token = _ACTIVE.set(guard)
    try:
        yield guard
    finally:
        _ACTIVE.reset(token)
        guard.adapter.close()


class _GuardedConnectionMixin:
    host: str
    port: int
    timeout: Any
    source_address: Any
    socket_options: Any
    default_port: int

    def _new_conn(self) -> socket.socket:
        guard = _ACTIVE.get()
        scheme = "https" if self.default_port == 443 else "http"
        target = f"{scheme}://{self.host}:{self.port}"
        if guard is None:
            # Only reachable through a pool kept past its guarded send: fail closed.
            raise NewConnectionError(self, f"{target}: connection outside a guarded send")  # type: ignore[arg-type]
        try:
            addresses = resolve_host(self.host, self.port, guard.allow_private, target)
        except PermanentDeliveryError as exc:
            guard.refuse(exc)
            raise NewConnectionError(self, str(exc)) from None  # type: ignore[arg-type]
        except TransientDeliveryError as exc:
            guard.fail(exc)
            raise NewConnectionError(self, str(exc)) from None  # type: ignore[arg-type]
        error: OSError | None = None
        for address in addresses:
            try:
                return urllib3_connection.create_connection(
                    (address, self.port),
                    self.timeout,
                    source_address=self.source_address,
                    socket_options=self.socket_options,
                )
            except TimeoutError as exc:
                raise ConnectTimeoutError(
                    self, f"connection to {target} timed out (connect timeout={self.timeout})"
                ) from exc
            except OSError as exc:
                # Nothing was sent: trying the next checked address (IPv6 then IPv4) is safe.
                error = exc
        raise NewConnectionError(self, f"cannot connect to {target}: {error}")  # type: ignore[arg-type]


class _GuardedHTTPConnection(_GuardedConnectionMixin, HTTPConnection):
    pass


class _GuardedHTTPSConnection(_GuardedConnectionMixin, HTTPSConnection):
    pass


class _GuardedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _GuardedHTTPConnection


class _GuardedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _GuardedHTTPSConnection


class _GuardedAdapter(HTTPAdapter):
    def __init__(self, guard: Guard) -> None:
        self.guard = guard
        super().__init__(max_retries=0)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _GuardedHTTPPool,
            "https": _GuardedHTTPSPool,
        }

    def send(  # type: ignore[override]
        self,
        request: requests.PreparedRequest,
        stream: bool = False,
        timeout: Any = None,
        verify: bool | str = True,
        cert: Any = None,
        proxies: Mapping[str, str] | None = None,
    ) -> requests.Response:
        # A proxy would connect (and resolve) elsewhere than the checked address.
        response = super().send(
            request, stream=stream, timeout=timeout, verify=verify, cert=cert, proxies=None
        )
        if response.is_redirect:
            location = response.headers.get("location", "?")[:LOCATION_MAX]
            host = requests.utils.urlparse(request.url or "").netloc.rpartition("@")[2]
            response.close()
            self.guard.refuse(
                PermanentDeliveryError(
                    f"{host} answered {response.status_code} to {location}: redirects are "
                    "not followed; update the URL"
                )
            )
            raise RedirectRefused(f"{host} answered a redirect", response=response)
        return response


# The original, even if this module is imported twice (a reload in a test session).
_unguarded_get_adapter = getattr(
    requests.Session.get_adapter, "myrtille_unguarded", requests.Session.get_adapter
)


def _get_adapter(self: requests.Session, url: str) -> Any:
    guard = _ACTIVE.get()
    if guard is None or not url.lower().startswith(("http://", "https://")):
        return _unguarded_get_adapter(self, url)
    # Whatever the caller mounted: a guarded send connects only through the guard.
    return guard.adapter


if not getattr(requests.Session.get_adapter, "myrtille_guarded", False):
    _get_adapter.myrtille_guarded = True  # type: ignore[attr-defined]
    _get_adapter.myrtille_unguarded = _unguarded_get_adapter  # type: ignore[attr-defined]
    requests.Session.get_adapter = _get_adapter  # type: ignore[method-assign]
