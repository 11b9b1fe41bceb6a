"""Canaries for the URL rule's tests: markers that must be stored nowhere, and listeners
on local ports that count every connection the crawl must not make."""

from __future__ import annotations

import contextlib
import socket
import threading

from tests.crawlers.pages import article_html

SECRET = "MARKER-7f3a-SECRET-KEY-CONTENT"
INTERNAL = "MARKER-INTERNAL-SERVICE-PAGE"


class Canary:
    """A TCP listener on its own local port that counts every connection; as HTTP it
    answers a good article (so a fetch would become a document), otherwise it greets
    like an FTP server."""

    def __init__(self, *, http: bool) -> None:
        self.http = http
        self.connections = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            with conn:
                conn.settimeout(2)
                if self.http:
                    with contextlib.suppress(OSError):
                        conn.recv(65536)
                    body = article_html(f"Page interne {INTERNAL}", name=INTERNAL).encode()
                    head = (
                        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
                    )
                    conn.sendall(head.encode() + body)
                else:
                    conn.sendall(b"220 internal FTP ready\r\n")

    def close(self) -> None:
        self.listener.close()
