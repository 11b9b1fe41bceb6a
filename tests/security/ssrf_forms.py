"""The SSRF matrix's parts: the address forms, a canary that records every connection on
all local IPv4 and IPv6 addresses, and a rebinding resolver.

Every *reachable* form names this machine (loopback, unspecified, its own interface):
a connection that got through lands on the canary, which records the request's path, so
each form is seen to fail on its own. The private, link-local, CGNAT and metadata forms
have no listener here: for them the guard's reason proves the refusal came before any
connection."""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# The host name the rebinding resolver answers for: public when checked, loopback after.
REBINDING_HOST = "rebind.myrtille.test"
PUBLIC_ANSWER = "93.184.216.34"


@dataclass(frozen=True)
class Form:
    name: str
    host: str
    # A listener on this machine receives what connects to it.
    reachable: bool = True


def own_interface_address() -> str | None:
    """This machine's address on its LAN (no packet is sent: a UDP socket only routes)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))
            address = str(probe.getsockname()[0])
        except OSError:
            return None
    return None if ipaddress.ip_address(address).is_loopback else address


def forms() -> list[Form]:
    found = [
        Form("dotted", "127.0.0.1"),
        Form("decimal", "2130706433"),
        Form("hex", "0x7f000001"),
        Form("hex-dotted", "0x7f.0x0.0x0.0x1"),
        Form("octal", "0177.0.0.01"),
        Form("short", "127.1"),
        Form("other-loopback", "127.42.42.42"),
        Form("unspecified", "0.0.0.0"),
        Form("zero", "0"),
        Form("ipv6-loopback", "[::1]"),
        Form("ipv4-mapped", "[::ffff:127.0.0.1]"),
        Form("ipv4-mapped-hex", "[::ffff:7f00:1]"),
        Form("localhost", "localhost"),
        Form("localhost-dot", "localhost."),
        Form("sub-localhost", "canary.localhost"),
        Form("own-name", socket.gethostname()),
        Form("private-10", "10.0.0.1", reachable=False),
        Form("private-172", "172.16.0.1", reachable=False),
        Form("private-192", "192.168.0.1", reachable=False),
        Form("cgnat", "100.64.0.1", reachable=False),
        Form("metadata", "169.254.169.254", reachable=False),
        Form("ipv6-ula", "[fd00::1]", reachable=False),
        Form("ipv6-link-local", "[fe80::1]", reachable=False),
    ]
    lan = own_interface_address()
    if lan and not ipaddress.ip_address(lan).is_global:
        found.append(Form("own-interface", lan))
    return found


class Canary:
    """Listens on every IPv4 address (0.0.0.0) and every IPv6 one (::) on one port,
    counts connections and records each request's path; answers 200 and ``{}``."""

    def __init__(self) -> None:
        self.connections = 0
        self.paths: list[str] = []
        self._lock = threading.Lock()
        self.sockets = [socket.create_server(("0.0.0.0", 0), reuse_port=False)]
        self.port = self.sockets[0].getsockname()[1]
        with contextlib.suppress(OSError):
            six = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
            six.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            six.bind(("::", self.port))
            six.listen(64)
            self.sockets.append(six)
        for listener in self.sockets:
            threading.Thread(target=self._serve, args=(listener,), daemon=True).start()

    def _serve(self, listener: socket.socket) -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with self._lock:
                self.connections += 1
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn, contextlib.suppress(OSError):
            conn.settimeout(5)
            request = conn.recv(65536)
            parts = request.split(b" ", 2)
            with self._lock:
                self.paths.append(parts[1].decode("latin-1") if len(parts) > 1 else "")
            conn.sendall(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                b"Content-Length: 2\r\nConnection: close\r\n\r\n{}"
            )

    def hits(self, marker: str) -> list[str]:
        with self._lock:
            return [p for p in self.paths if marker in p]

    def close(self) -> None:
        for listener in self.sockets:
            listener.close()


def rebinding_getaddrinfo(real: Callable[..., Any]) -> Callable[..., Any]:
    """``socket.getaddrinfo`` that answers ``REBINDING_HOST`` with a public address the
    first time and with 127.0.0.1 every time after, as a rebinding DNS server does."""
    asked = {"n": 0}

    def answer(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(host, bytes):
            host = host.decode()
        if str(host).rstrip(".").lower() != REBINDING_HOST:
            return real(host, port, *args, **kwargs)
        asked["n"] += 1
        address = PUBLIC_ANSWER if asked["n"] == 1 else "127.0.0.1"
        return real(address, port, socket.AF_INET, *args[1:], **kwargs)

    answer.asked = asked  # type: ignore[attr-defined]
    return answer


# Written as sitecustomize.py on the crawl child's PYTHONPATH: the same resolver, in the
# crawl process, so that Scrapy's own lookups meet it.
SITECUSTOMIZE = """
import socket
from tests.security.ssrf_forms import rebinding_getaddrinfo
socket.getaddrinfo = rebinding_getaddrinfo(socket.getaddrinfo)
"""
