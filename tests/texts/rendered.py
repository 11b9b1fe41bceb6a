"""What a reader sees: the ``Rendering`` the modules tests/texts/renderings_*.py return,
and ``visible_text`` for HTML pages (tests/texts/renderings.py lists them all)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field


@dataclass
class Rendering:
    name: str
    lang: str
    text: str
    data: list[str] = field(default_factory=list)


_HIDDEN = re.compile(r"<(script|style|head)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def visible_text(page: str) -> str:
    """What a reader sees of an HTML page: tags, scripts and styles gone, entities read."""
    return html.unescape(_TAG.sub(" ", _HIDDEN.sub(" ", page)))
