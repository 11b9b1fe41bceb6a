"""The URL rule's second wall (issue 10): should the URL guard ever let a file:, ftp: or
data: URL through, the crawl's Scrapy settings have no download handler to fetch it. The
first wall, the guard itself, is tested in test_url_guard.py."""

from __future__ import annotations

import json
from pathlib import Path

from tests.crawlers.canaries import SECRET, Canary

# A bare Scrapy crawl with the crawl's own settings, the URL guard middleware taken out:
# what the download handlers alone do with each URL.
HANDLERS_PROBE = """
import json, sys
import scrapy
from scrapy.crawler import CrawlerProcess
from myrtille.config.settings import CrawlSettings
from myrtille.crawlers.scrapy_settings import scrapy_settings

urls, handlers_off = json.loads(sys.argv[1]), sys.argv[2] == "off"
settings = scrapy_settings(CrawlSettings(timeout="5s", retries=0), None)
settings["DOWNLOADER_MIDDLEWARES"] = {"myrtille.crawlers.fetchguard.UrlGuardMiddleware": None}
settings["LOG_ENABLED"] = False
if not handlers_off:
    del settings["DOWNLOAD_HANDLERS"]  # Scrapy's defaults: file, ftp, s3, data on

class Probe(scrapy.Spider):
    name = "probe"

    async def start(self):
        for url in urls:
            yield scrapy.Request(url, callback=self.read, errback=self.refused, dont_filter=True)

    def read(self, response):
        print(json.dumps({"url": response.url, "body": response.text[:5000]}), flush=True)

    def refused(self, failure):
        print(json.dumps({"url": failure.request.url, "error": type(failure.value).__name__}),
              flush=True)

process = CrawlerProcess(settings)
process.crawl(Probe)
process.start()
"""


def probe_handlers(urls: list[str], *, handlers_off: bool) -> list[dict[str, str]]:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", HANDLERS_PROBE, json.dumps(urls), "off" if handlers_off else "on"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def test_only_the_http_download_handlers_are_on(secret_file: Path, ftp_canary: Canary) -> None:
    """The second wall: should the URL guard ever let a file:, ftp: or data: URL through,
    the crawl's Scrapy settings have no handler to fetch it."""
    urls = [
        f"file://{secret_file}",
        f"ftp://127.0.0.1:{ftp_canary.port}/secret.key",
        f"data:text/html,{SECRET}",
    ]
    results = probe_handlers(urls, handlers_off=True)
    assert sorted(r["url"] for r in results) == sorted(urls)
    assert {r.get("error") for r in results} == {"NotSupported"}, results
    assert not any("body" in r for r in results)
    assert ftp_canary.connections == 0
    # Control: with Scrapy's default handlers the same probe reads the file and connects.
    control = probe_handlers(urls, handlers_off=False)
    assert any(SECRET in r.get("body", "") for r in control if r["url"].startswith("file:"))
    assert ftp_canary.connections > 0
