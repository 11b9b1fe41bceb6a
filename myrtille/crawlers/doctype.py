"""DOCTYPE declarations removed from untrusted XML before any parser sees it.

A feed's internal DTD subset may declare entities; feedparser's fallback parser expands
them without limit (one 20,000-character entity used 20,000 times is 400 million
characters from an 80 KB feed). Feeds have no use for declared entities, so the prolog
loses every DOCTYPE and ENTITY declaration; undeclared references then stay literal text
(``&e;``) or, for HTML names such as ``&eacute;``, are read as HTML entities as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from feedparser.encodings import convert_to_utf8
from feedparser.util import FeedParserDict

from myrtille.store.health_texts import unreadable

# How feedparser finds the prolog it reads declarations from: all before the first ``<\w``.
_FIRST_ELEMENT = re.compile(r"<\w")
_DECLARATION = re.compile(r"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_FIRST_ELEMENT_BYTES = re.compile(rb"<\w")
_ENTITY_BYTES = re.compile(rb"<!ENTITY", re.IGNORECASE)
# Byte-order marks and the first bytes of '<?' in wide encodings feedparser detects itself.
_WIDE = (
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\xfe\xff", "utf-16"),
    (b"\xff\xfe", "utf-16"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
)


@dataclass(frozen=True)
class Stripped:
    body: bytes
    # How many DOCTYPE/ENTITY declarations were removed.
    removed: int


def strip_declarations(body: bytes, headers: dict[str, str]) -> Stripped:
    """``body`` without DOCTYPE or ENTITY declarations before its first element.

    ``headers`` (lower-case names) are the response's, as feedparser will be given them.
    Raises SourceError when a declaration cannot be removed safely: unterminated, or left
    in the text feedparser would read (an encoding such as UTF-7 or EBCDIC hides it here).
    """
    stripped = _stripped(body)
    if _declares_entities(stripped.body, headers):
        raise unreadable("feed_entities_unsafe")
    return stripped


def _declares_entities(body: bytes, headers: dict[str, str]) -> bool:
    """Whether the UTF-8 text feedparser makes of ``body`` (its own encoding detection, the
    HTTP charset included) still declares an entity where feedparser reads declarations."""
    view = convert_to_utf8(headers, body, FeedParserDict(bozo=False))
    first = _FIRST_ELEMENT_BYTES.search(view)
    return _ENTITY_BYTES.search(view, 0, first.start() if first else len(view)) is not None


def _stripped(body: bytes) -> Stripped:
    codec = next((name for start, name in _WIDE if body.startswith(start)), None)
    # latin-1 maps bytes to characters one to one: the ASCII markup of any ASCII-compatible
    # encoding (UTF-8, ISO-8859-x, Windows-125x) is found and cut without decoding it.
    text = body.decode(codec or "latin-1", errors="surrogateescape" if codec else "strict")
    if not _DECLARATION.search(text, 0, _prolog_end(text)):
        return Stripped(body, 0)
    kept, removed = _without_declarations(text)
    encoded = kept.encode(codec, errors="surrogateescape") if codec else kept.encode("latin-1")
    return Stripped(encoded, removed)


def _prolog_end(text: str, start: int = 0) -> int:
    match = _FIRST_ELEMENT.search(text, start)
    return match.start() if match else len(text)


def _without_declarations(text: str) -> tuple[str, int]:
    """Cut every ``<!DOCTYPE …>`` (internal subset included) and ``<!ENTITY …>`` found
    before the first element; markup inside quotes, brackets and comments is skipped."""
    parts: list[str] = []
    removed = 0
    position = 0
    while True:
        match = _DECLARATION.search(text, position, _prolog_end(text, position))
        if match is None:
            break
        parts.append(text[position : match.start()])
        position = _declaration_end(text, match.end())
        removed += 1
    parts.append(text[position:])
    return "".join(parts), removed


def _declaration_end(text: str, index: int) -> int:
    """The index just past the ``>`` closing the declaration whose body starts at ``index``."""
    depth = 0
    length = len(text)
    while index < length:
        char = text[index]
        if char in "\"'":
            close = text.find(char, index + 1)
            if close < 0:
                break
            index = close + 1
            continue
        if text.startswith("<!--", index):
            close = text.find("-->", index + 4)
            if close < 0:
                break
            index = close + 3
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(depth - 1, 0)
        elif char == ">" and depth == 0:
            return index + 1
        index += 1
    raise unreadable("feed_doctype_unclosed")
