"""The site's icon, as a browser fetches it: linked from the UI pages, allowed by their
CSP (img-src 'self'), and served at /favicon.ico too, which browsers ask for unprompted."""

from __future__ import annotations

import re

from tests.web.conftest import Live


def test_the_icon_is_linked_allowed_and_served(live: Live) -> None:
    with live.client() as http:
        page = http.get("/signin")
        assert page.status_code == 200
        link = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', page.text)
        assert link, page.text[:600]
        assert "img-src 'self'" in page.headers["Content-Security-Policy"]
        for path in (link.group(1), "/favicon.ico"):
            icon = http.get(path)
            assert icon.status_code == 200, path
            assert icon.headers["Content-Type"] == "image/svg+xml"
            assert icon.content.startswith(b"<svg") and b"</svg>" in icon.content
