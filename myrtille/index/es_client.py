"""The Elasticsearch client built from ``index`` settings (authentication, TLS, timeouts,
retries), and its errors put as Myrtille's."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from elasticsearch import ApiError, Elasticsearch, TransportError

from myrtille.exceptions import ConfigError
from myrtille.index.es_errors import ElasticsearchError, IndexUnavailable, error_reason
from myrtille.index.es_mapping import RETRY_BACKOFF_BASE, RETRY_BACKOFF_CAP, RETRY_STATUSES

if TYPE_CHECKING:
    from myrtille.config.settings import IndexSettings


def cluster_client(settings: IndexSettings) -> Elasticsearch:
    if not settings.url:
        raise ConfigError("the elasticsearch backend needs a url", key="index.url")
    options: dict[str, Any] = {
        "request_timeout": settings.timeout.total_seconds(),
        "max_retries": settings.max_retries,
        "retry_on_timeout": True,
        "retry_on_status": RETRY_STATUSES,
        "retry_backoff_base": RETRY_BACKOFF_BASE,
        "retry_backoff_cap": RETRY_BACKOFF_CAP,
    }
    if settings.api_key:
        # "id:key" or the base64 "encoded" form (which never contains a colon).
        key_id, colon, key = settings.api_key.partition(":")
        options["api_key"] = (key_id, key) if colon else settings.api_key
    elif settings.username:
        options["basic_auth"] = (settings.username, settings.password or "")
    if settings.url.startswith("https://"):
        options["verify_certs"] = settings.verify_certs
        if settings.ca_certs:
            options["ca_certs"] = str(settings.ca_certs)
    elif settings.ca_certs:
        raise ConfigError(
            "ca_certs is set but the url is not https://",
            key="index.ca_certs",
            hint="write the cluster url as https://host:9200",
        )
    try:
        return Elasticsearch(settings.url, **options)
    except ValueError as exc:
        raise ConfigError(str(exc), key="index.url") from exc


@contextmanager
def translated_errors(action: str, alias: str) -> Iterator[None]:
    """Client errors as Myrtille's: transient (retry later), configuration, or a refused
    request that says what Elasticsearch objected to."""
    try:
        yield
    except ApiError as exc:
        status = exc.meta.status
        reason = error_reason(exc)
        message = f"Elasticsearch refused {action} on '{alias}': {status} {reason}"
        if status in RETRY_STATUSES or status >= 500:
            raise IndexUnavailable(message) from exc
        if status in (401, 403):
            raise ConfigError(
                message,
                key="index.api_key",
                hint="check index.api_key (or username/password) and its privileges",
            ) from exc
        raise ElasticsearchError(message, status) from exc
    except TransportError as exc:
        raise IndexUnavailable(
            f"Elasticsearch unreachable while {action} on '{alias}': {exc}"
        ) from exc
