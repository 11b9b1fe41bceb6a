"""Download failures in words a user understands."""

from __future__ import annotations

from typing import Any

from scrapy.exceptions import IgnoreRequest
from twisted.internet import defer, error
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

from myrtille.store.health_texts import said

# Failures worth trying again on the next poll; the others are remembered as final.
TRANSIENT = "transient"
FINAL = "final"


def explain_failure(failure: Failure, timeout: float | None = None) -> tuple[dict[str, Any], str]:
    """Why a request failed, as a coded health text (store/health_texts.py), and
    whether it is worth retrying."""
    value = failure.value
    text = str(value)
    # Scrapy >= 2.14 wraps Twisted's errors in its own exception classes.
    name = type(value).__name__
    if name == "DownloadTimeoutError":
        return _timed_out(timeout), TRANSIENT
    if name == "DownloadCancelledError":
        # A body that passes the cap while it streams (chunked, no Content-Length) is
        # cancelled by Scrapy without a message; a declared size over it says "max size".
        if not text or "max size" in text or "maxsize" in text.lower():
            return said("too_large"), FINAL
        return said("cancelled"), TRANSIENT
    if name == "DownloadConnectionRefusedError":
        return said("connection_refused"), TRANSIENT
    if name == "CannotResolveHostError":
        return said("dns"), TRANSIENT
    if name == "ResponseDataLossError":
        return said("closed_early"), TRANSIENT
    if failure.check(IgnoreRequest):
        lowered = text.lower()
        if "robots.txt" in lowered:
            return said("robots"), FINAL
        if "redirect" in lowered:
            return said("redirect_loop"), FINAL
        if "max size" in lowered or "larger than" in lowered or "maxsize" in lowered:
            return said("too_large"), FINAL
        if "offsite" in lowered or "domain" in lowered:
            return said("not_allowed", detail=text), FINAL
        return said("dropped", detail=text), FINAL
    if failure.check(defer.TimeoutError, error.TimeoutError, error.TCPTimedOutError):
        return _timed_out(timeout), TRANSIENT
    if failure.check(error.DNSLookupError):
        return said("dns"), TRANSIENT
    if failure.check(error.ConnectionRefusedError):
        return said("connection_refused"), TRANSIENT
    if failure.check(defer.CancelledError):
        if "size" in text.lower() or not text:
            return said("too_large"), FINAL
        return said("cancelled"), TRANSIENT
    if failure.check(
        ResponseNeverReceived, ResponseFailed, error.ConnectionLost, error.ConnectionDone
    ):
        inner = getattr(value, "reasons", None)
        if inner and any("size" in str(r.value).lower() for r in inner):
            return said("too_large"), FINAL
        return said("closed_early"), TRANSIENT
    if failure.check(error.ConnectError):
        return said("cannot_connect", detail=text), TRANSIENT
    return said("other", detail=f"{type(value).__name__}: {text}"[:300]), TRANSIENT


def explain_status(status: int) -> tuple[dict[str, Any], str]:
    if status == 404:
        return said("http_not_found", status=status), FINAL
    if status == 410:
        return said("http_gone", status=status), FINAL
    if status in (401, 403):
        return said("http_denied", status=status), FINAL
    if status == 429:
        return said("http_too_many", status=status), TRANSIENT
    if status >= 500:
        return said("http_server_error", status=status), TRANSIENT
    return said("http_other", status=status), FINAL


def _timed_out(timeout: float | None) -> dict[str, Any]:
    return said("timed_out_after", seconds=f"{timeout:g}") if timeout else said("timed_out")
