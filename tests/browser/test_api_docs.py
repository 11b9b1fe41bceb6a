"""/docs in a real browser with the network cut off: every file comes from the app."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Page, Request, Route, expect

from tests.browser.conftest import screenshot
from tests.web.conftest import Live, start_live

HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    with start_live(tmp_path_factory.mktemp("apidocs") / "data") as running:
        yield running


def test_docs_render_every_operation_offline(site: Live, page: Page) -> None:
    schema = httpx.get(f"{site.url}/openapi.json").json()
    operations = sum(
        1 for item in schema["paths"].values() for method in item if method in HTTP_METHODS
    )
    assert operations >= 10

    requested: list[str] = []
    refused: list[str] = []
    console: list[str] = []

    def offline(route: Route, request: Request) -> None:
        # The only network left is the app itself.
        if request.url.startswith(site.url + "/"):
            route.continue_()
        else:
            refused.append(request.url)
            route.abort("internetdisconnected")

    page.route("**/*", offline)
    page.on("request", lambda request: requested.append(request.url))
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: console.append(f"pageerror: {error}"))

    page.goto(f"{site.url}/docs")
    expect(page.locator(".opblock")).to_have_count(operations, timeout=30_000)
    expect(page.locator(".opblock-summary-path").first).to_be_visible()

    assert not refused, f"/docs asked for files elsewhere: {refused}"
    assert requested and all(url.startswith(site.url + "/") for url in requested), requested
    assert f"{site.url}/static/apidocs/swagger-ui-bundle.js" in requested
    # The page's Content-Security-Policy let Swagger UI run: no violation reported.
    assert not [line for line in console if "Content Security Policy" in line], console
    assert not [line for line in console if line.startswith("pageerror")], console
    screenshot(page, "api-docs")


def test_docs_page_names_no_other_origin_and_allows_only_its_own_script(site: Live) -> None:
    response = httpx.get(f"{site.url}/docs")
    assert response.status_code == 200
    assert "http://" not in response.text and "https://" not in response.text
    policy = response.headers["content-security-policy"]
    assert "script-src 'self' 'sha256-" in policy
    assert "unsafe" not in policy and "http" not in policy
    assert "connect-src 'self'" in policy and "frame-ancestors 'none'" in policy
    script = httpx.get(f"{site.url}/static/apidocs/swagger-ui-bundle.js")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.text
    assert httpx.get(f"{site.url}/redoc").status_code == 404
