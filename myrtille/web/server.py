"""The uvicorn configuration every command that serves the web app uses (``myrtille serve``,
``myrtille run``): the one place where the trusted proxies reach the server."""

from __future__ import annotations

from typing import Any

import uvicorn

from myrtille.config.settings import Settings


def server_config(
    app: Any,
    settings: Settings,
    host: str,
    port: int,
    log_level: str = "info",
    access_log: bool = False,
) -> uvicorn.Config:
    """uvicorn believes X-Forwarded-For/-Proto only from ``web.trusted_proxies``. Its own
    default trusts 127.0.0.1 (and FORWARDED_ALLOW_IPS), so any local process or a
    same-host proxy passing client headers through could pick its address; never that.

    No line per request unless ``access_log`` (``--access-log``): a reverse proxy in
    front usually keeps that log, and on a console it drowns everything else."""
    trusted = settings.web.trusted_proxies
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level=log_level,
        access_log=access_log,
        proxy_headers=bool(trusted),
        forwarded_allow_ips=",".join(trusted),
    )
