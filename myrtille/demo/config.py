"""The demo's configuration file and its news site on localhost, shared by the one-shot
collection (``myrtille demo --once``) and the live demo."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

from rich.console import Console

from myrtille.demo.corpus import Corpus
from myrtille.demo.httpserver import RouteServer
from myrtille.demo.site import BODACC_PATH, FEED_PATHS

CONFIG_NAME = "demo.yaml"
DEMO_CONFIG = """\
# Written by `myrtille demo`: the demo news site on localhost, embedded defaults.
# Re-run the demo to refresh it (the ports may change between runs).
data_dir: .
crawl:
  autothrottle: false          # a local site: no need to slow down
  concurrency_per_domain: 8
  timeout: 10s
email:
  public_url: {public_url}
service:                       # short: a published article is mailed within seconds
  crawl_interval: {job_interval}
  process_interval: {job_interval}
  dispatch_interval: {job_interval}
sources:
  - id: eco-regions
    kind: feed
    name: "L'Éco des Régions (RSS)"
    url: {base}{rss}
    interval: {interval}
  - id: industrie-hebdo
    kind: feed
    name: "Industrie Hebdo (Atom)"
    url: {base}{atom}
    interval: {interval}
  - id: france-business-review
    kind: sitemap
    name: "France Business Review (Google News sitemap)"
    url: {base}{sitemap}
    interval: {interval}
  - id: bodacc-demo
    kind: opendata
    preset: bodacc
    name: "BODACC (demo open-data API)"
    url: {base}{bodacc}
    interval: {notices_interval}
"""


def write_config(
    data_dir: Path,
    corpus: Corpus,
    site_url: str,
    *,
    interval: str = "30m",
    notices_interval: str = "6h",
    public_url: str = "http://127.0.0.1:8000",
    job_interval: str = "5s",
) -> Path:
    """Write ``<data_dir>/demo.yaml``: the demo sources on ``site_url`` and the watchlist."""
    path = data_dir / CONFIG_NAME
    path.write_text(
        DEMO_CONFIG.format(
            base=site_url,
            rss=FEED_PATHS["eco-regions"],
            atom=FEED_PATHS["industrie-hebdo"],
            sitemap=FEED_PATHS["france-business-review"],
            bodacc=BODACC_PATH,
            interval=interval,
            notices_interval=notices_interval,
            public_url=public_url,
            job_interval=job_interval,
        )
        + watchlist_yaml(corpus.companies),
        encoding="utf-8",
    )
    return path


def watchlist_yaml(companies: list[dict[str, Any]]) -> str:
    """The demo companies as the config's watchlist (names, aliases, places)."""
    lines = ["# The demo's fictional companies, as a watchlist.", "companies:"]
    for company in companies:
        lines.append(f"  - name: {json.dumps(company['name'], ensure_ascii=False)}")
        lines.append(f"    aliases: {json.dumps(company.get('aliases') or [], ensure_ascii=False)}")
        for key in ("siren", "naf", "website", "city", "department", "region"):
            if company.get(key):
                lines.append(f"    {key}: {json.dumps(str(company[key]), ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def open_site(port: int, console: Console) -> RouteServer:
    """A route server for the demo site on ``port``, or on a free one when it is busy
    (not started: the caller fills its routes)."""
    try:
        return RouteServer(port=port)
    except OSError:
        server = RouteServer(port=0)
        console.print(
            f"Port {port} is busy; the demo site uses port {server.port} instead.", markup=False
        )
        return server


def usable_port(port: int, console: Console, what: str) -> int:
    """``port`` when it is free on 127.0.0.1, else a free one (said on the console); 0 asks
    for any free port."""
    if port:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
                return port
            except OSError:
                pass
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free = int(probe.getsockname()[1])
    if port:
        console.print(f"Port {port} is busy; {what} uses port {free} instead.", markup=False)
    return free
