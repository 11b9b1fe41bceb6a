"""A small threaded HTTP server on 127.0.0.1 serving fixed routes: the demo news site,
the test fixtures and the benchmarks all use it.

Routes answer conditional GETs (ETag / Last-Modified -> 304), may be gzip-encoded,
and every request is counted so tests can check what a crawl fetched.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from urllib.parse import urlsplit


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    # Answer conditional requests with 304 when the validators match.
    conditional: bool = True
    last_modified: str = field(default_factory=lambda: formatdate(usegmt=True))
    # Send the body gzip-encoded (Content-Encoding: gzip) when the client accepts it.
    gzip: bool = False

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'


@dataclass
class Request:
    method: str
    path: str
    query: str
    headers: dict[str, str]


Handler = Callable[[Request, "RouteServer"], Route | None]


class _Server(ThreadingHTTPServer):
    # The default backlog of 5 drops connections when a crawl opens dozens at once,
    # and the client's SYN retry then looks like a one-second timeout.
    request_queue_size = 256


class RouteServer:
    """Serve ``routes`` (path -> Route or handler) until stopped."""

    def __init__(
        self,
        routes: dict[str, Route | Handler] | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.routes: dict[str, Route | Handler] = dict(routes or {})
        self.hits: Counter[str] = Counter()
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                server._answer(self)

            def do_HEAD(self) -> None:
                server._answer(self, head=True)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = _Server((host, port), _Handler)
        self.httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self.httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def start(self) -> RouteServer:
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, daemon=True, name=f"route-server-{self.port}"
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> RouteServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def _answer(self, handler: BaseHTTPRequestHandler, head: bool = False) -> None:
        parts = urlsplit(handler.path)
        request = Request(
            handler.command,
            parts.path,
            parts.query,
            {k.lower(): v for k, v in handler.headers.items()},
        )
        with self._lock:
            self.hits[parts.path] += 1
            self.requests.append(request)
        target = self.routes.get(parts.path)
        route = target(request, self) if callable(target) else target
        if route is None:
            route = Route(b"<html><body><h1>404 Not Found</h1></body></html>", status=404)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._send(handler, request, route, head)

    def _send(
        self, handler: BaseHTTPRequestHandler, request: Request, route: Route, head: bool
    ) -> None:
        if route.status == 200 and route.conditional:
            etag = route.etag
            if request.headers.get("if-none-match") == etag or (
                "if-none-match" not in request.headers
                and request.headers.get("if-modified-since") == route.last_modified
            ):
                handler.send_response(304)
                handler.send_header("ETag", etag)
                handler.send_header("Content-Length", "0")
                handler.end_headers()
                return
        body = route.body
        headers = {"Content-Type": route.content_type, **route.headers}
        if route.status == 200 and route.conditional:
            headers.setdefault("ETag", route.etag)
            headers.setdefault("Last-Modified", route.last_modified)
        if route.gzip and "gzip" in request.headers.get("accept-encoding", ""):
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        handler.send_response(route.status)
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        if not head:
            handler.wfile.write(body)
