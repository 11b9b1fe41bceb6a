"""The site's icon: one small SVG (a bilberry on the header's purple), served at
``/favicon.svg`` for the pages' ``<link rel=icon>`` and at ``/favicon.ico``, which browsers
ask for on their own — so no page of the app meets a 404 in the browser console."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

router = APIRouter(include_in_schema=False)

ICON = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
    b'<rect width="32" height="32" rx="6" fill="#5b2a86"/>'
    b'<circle cx="16" cy="18" r="9" fill="#8c5cc0"/>'
    b'<path d="M12 10l4 3 4-3" fill="none" stroke="#f3f1f6" stroke-width="2" '
    b'stroke-linecap="round" stroke-linejoin="round"/>'
    b"</svg>"
)
# Browsers may use a served SVG for /favicon.ico too; a day's cache spares the requests.
HEADERS = {"Cache-Control": "public, max-age=86400"}


@router.get("/favicon.svg")
@router.get("/favicon.ico")
def favicon() -> Response:
    return Response(ICON, media_type="image/svg+xml", headers=HEADERS)
