"""A raw HTTP server for the bodies a fixture file cannot hold: bombs, endless and
dripping answers, and feeds too big to commit. Each answer is written byte by byte on the
socket, so the client sees exactly what a hostile server would send."""

from __future__ import annotations

import contextlib
import socket
import socketserver
import threading
import time
import zlib
from collections.abc import Callable
from functools import cache

import brotli

# A writer gets the connection and the request target, and sends the whole answer,
# status line included.
Writer = Callable[[socket.socket, str], None]
BOMB_BYTES = 256 * 2**20  # decompressed: 25 times the default 10 MB size cap
RSS_HEAD = b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>x</title>'


@cache
def gzip_bomb() -> bytes:
    """256 MB of zeros as one gzip member (about 260 KB)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = bytes(2**20)
    return b"".join(packer.compress(zeros) for _ in range(BOMB_BYTES // 2**20)) + packer.flush()


@cache
def brotli_bomb() -> bytes:
    """256 MB of zeros as brotli (a few hundred bytes)."""
    packer = brotli.Compressor(quality=5)
    zeros = bytes(2**20)
    return b"".join(packer.process(zeros) for _ in range(BOMB_BYTES // 2**20)) + packer.finish()


@cache
def entries_feed(count: int) -> bytes:
    items = b"".join(
        b"<item><title>E%d</title><link>https://news.example/e/%d</link></item>" % (n, n)
        for n in range(count)
    )
    return RSS_HEAD + items + b"</channel></rss>"


@cache
def big_summary_feed() -> bytes:
    """One entry whose description is 7 MB of ordinary HTML (under the 10 MB cap)."""
    html = b"<p>mot <b>gras</b> et <a href='x'>lien</a></p>" * 150_000
    return (
        RSS_HEAD
        + b"<item><title>x</title><link>/a</link><description><![CDATA["
        + html
        + (b"]]></description></item></channel></rss>")
    )


def fixed(body: bytes, content_type: str = "application/rss+xml", **headers: str) -> Writer:
    def write(conn: socket.socket, target: str) -> None:
        head = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n"
        head += "".join(f"{k.replace('_', '-')}: {v}\r\n" for k, v in headers.items())
        head += f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        conn.sendall(head.encode() + body)

    return write


def endless_chunked(conn: socket.socket, target: str) -> None:
    """A chunked feed that never ends: items as fast as the client takes them."""
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n"
    )
    # Big chunks: the cap (10 MB) is passed in a few dozen writes, long before the timeout.
    chunk = b"<item><title>encore</title><link>https://news.example/x</link></item>" * 4_000
    framed = b"%x\r\n%s\r\n" % (len(chunk), chunk)
    conn.sendall(b"%x\r\n%s\r\n" % (len(RSS_HEAD), RSS_HEAD))
    while True:
        conn.sendall(framed)


def slow_drip(conn: socket.socket, target: str) -> None:
    """Headers at once, then one byte of body every 0.2 s, for ever."""
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n"
    )
    while True:
        conn.sendall(b"1\r\n<\r\n")
        time.sleep(0.2)


class HostileServer:
    """Serves ``writers`` (path -> Writer) on 127.0.0.1; counts requests per path."""

    def __init__(self, writers: dict[str, Writer]) -> None:
        self.writers = writers
        self.requests: list[str] = []
        server = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                conn: socket.socket = self.request
                data = b""
                while b"\r\n\r\n" not in data and len(data) < 65536:
                    more = conn.recv(4096)
                    if not more:
                        return
                    data += more
                target = data.split(b" ", 2)[1].decode("latin-1")
                server.requests.append(target)
                writer = server.writers.get(target.split("?", 1)[0])
                with contextlib.suppress(OSError):
                    if writer is None:
                        conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                    else:
                        writer(conn, target)

        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self.tcp = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.tcp.daemon_threads = True
        self.port = self.tcp.server_address[1]
        threading.Thread(target=self.tcp.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        self.tcp.shutdown()
        self.tcp.server_close()
