"""Download failures in words a user understands."""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest
from twisted.internet import defer, error
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

# Failures worth trying again on the next poll; the others are remembered as final.
TRANSIENT = "transient"
FINAL = "final"


def describe_failure(failure: Failure, timeout: float | None = None) -> tuple[str, str]:
    """A plain explanation of why a request failed, and whether it is worth retrying."""
    value = failure.value
    text = str(value)
    # Scrapy >= 2.14 wraps Twisted's errors in its own exception classes.
    name = type(value).__name__
    if name == "DownloadTimeoutError":
        return (f"timed out after {timeout:g}s" if timeout else "timed out"), TRANSIENT
    if name == "DownloadCancelledError":
        if "max size" in text or "maxsize" in text.lower():
            return "the answer is larger than the size cap", FINAL
        return "download cancelled", TRANSIENT
    if name == "DownloadConnectionRefusedError":
        return "connection refused", TRANSIENT
    if name == "CannotResolveHostError":
        return "host name not found (DNS)", TRANSIENT
    if name == "ResponseDataLossError":
        return "the connection closed before a complete answer", TRANSIENT
    if failure.check(IgnoreRequest):
        lowered = text.lower()
        if "robots.txt" in lowered:
            return "blocked by robots.txt", FINAL
        if "redirect" in lowered:
            return "too many redirects (a redirect loop?)", FINAL
        if "max size" in lowered or "larger than" in lowered or "maxsize" in lowered:
            return "the answer is larger than the size cap", FINAL
        if "offsite" in lowered or "domain" in lowered:
            return f"request not allowed ({text})", FINAL
        return f"request dropped ({text})", FINAL
    if failure.check(defer.TimeoutError, error.TimeoutError, error.TCPTimedOutError):
        after = f" after {timeout:g}s" if timeout else ""
        return f"timed out{after}", TRANSIENT
    if failure.check(error.DNSLookupError):
        return "host name not found (DNS)", TRANSIENT
    if failure.check(error.ConnectionRefusedError):
        return "connection refused", TRANSIENT
    if failure.check(defer.CancelledError):
        if "size" in text.lower() or not text:
            return "the answer is larger than the size cap", FINAL
        return "download cancelled", TRANSIENT
    if failure.check(
        ResponseNeverReceived, ResponseFailed, error.ConnectionLost, error.ConnectionDone
    ):
        inner = getattr(value, "reasons", None)
        if inner and any("size" in str(r.value).lower() for r in inner):
            return "the answer is larger than the size cap", FINAL
        return "the connection closed before a complete answer", TRANSIENT
    if failure.check(error.ConnectError):
        return f"cannot connect ({text})", TRANSIENT
    return f"{type(value).__name__}: {text}"[:300], TRANSIENT


def describe_status(status: int) -> tuple[str, str]:
    if status == 404:
        return "HTTP 404 not found", FINAL
    if status == 410:
        return "HTTP 410 gone", FINAL
    if status in (401, 403):
        return f"HTTP {status} access denied", FINAL
    if status == 429:
        return "HTTP 429 too many requests", TRANSIENT
    if status >= 500:
        return f"HTTP {status} server error", TRANSIENT
    return f"HTTP {status}", FINAL
