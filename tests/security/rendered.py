"""What counts as executable in rendered HTML, checked on the bytes a client receives."""

from __future__ import annotations

import re

import lxml.html

# Elements that run code, load a document or change where links go.
ACTIVE_TAGS = {"script", "iframe", "frame", "object", "embed", "applet", "base"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data"}
# What a browser ignores before a scheme: whitespace and control characters.
_IGNORED = re.compile(r"[\x00-\x20\x7f]+")
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")


def _own_path(action: str) -> bool:
    return action.startswith("/") and not action.startswith("//")


def executable_parts(html: bytes | str, allowed_scripts: int = 0) -> list[str]:
    """Every active element, event-handler attribute, dangerous URL or refresh in ``html``."""
    tree = lxml.html.fromstring(html if html else "<html></html>")
    found: list[str] = []
    scripts = 0
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag == "script":
            scripts += 1
        elif tag in ACTIVE_TAGS:
            found.append(f"<{tag}>")
        if tag == "form" and not _own_path(element.get("action") or ""):
            found.append(f"<form action={element.get('action')!r}>")  # the app's own only
        if tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
            found.append("<meta http-equiv=refresh>")
        for name, value in element.attrib.items():
            lowered = name.lower()
            if lowered.startswith("on"):
                found.append(f"<{tag} {name}=…>")
            if lowered in URL_ATTRIBUTES or lowered.endswith(":href"):
                url = _IGNORED.sub("", value).lower()
                if url.startswith(BAD_SCHEMES):
                    found.append(f"<{tag} {name}={value[:60]!r}>")
    if scripts > allowed_scripts:
        found.append(f"{scripts} <script> elements")
    return found
