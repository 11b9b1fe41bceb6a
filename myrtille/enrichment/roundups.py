"""A round-up: one article, several firms' news, each in an item of its own (session 14).

A column of briefs ("L'éco de la semaine", "FRENCH COMPANIES - X, Y, Z", "La lettre de la
CCI") sets each firm's news in its own paragraph, opened by a marker: a place and a dash
("Cambremer – La Cidrerie du Pays d'Auge recrute."), a place in capitals and a full stop
("ROMANS-SUR-ISÈRE. Maison Lefèvre ouvre …"), or a heading line that is the
firm's name ("CELLVIA" over "The battery maker said it would hire 300 people"). A sentence
of an item that names no firm ("La cidrerie va embaucher …", "The battery maker said …")
carries on its item's firm, never the article's main company, which is only the first
item's: the event is the firm's the item names, and no registry firm's when the item's
firm is one the models did not find.

A document is a round-up when at least three of its paragraphs after the title open with
a place marker, or when at least two heading lines are each a different firm's name (an
article's intertitles name no firm; a bulleted list of figures is no round-up).

Two more parts of a document name the firm of a sentence that names none: the place and
dash that open a paragraph ("Lorient – X investit …", "PONT-AUDEMER — Verrerie X, a
glassworks, …") are never its subject, and a registry notice's field line ("Président :
Mme X, en remplacement de M. Y") is the firm of its "Dénomination :" field.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span

from myrtille.enrichment.companies import CompanyMention
from myrtille.enrichment.datelines import dateline_end
from myrtille.enrichment.doctext import span_text
from myrtille.enrichment.notice_fields import NAME_FIELD, notice_firm
from myrtille.enrichment.parsed_subject import UNKNOWN

_UPPER = "A-ZÀ-ÖØ-Ý"
# "Cambremer – ", "Le Havre – ", "Saint-Lô - ": a place of up to four words and a dash.
_PLACE_DASH = re.compile(rf"[{_UPPER}][^\W\d_]*(?:[ '’.-]+[^\W\d_]+){{0,4}} [–—-] (?=\S)")
# "ROMANS-SUR-ISÈRE. ", "VERCORS. ", "LE HAVRE: ": a place in capitals, a stop or a colon.
_PLACE_CAPITALS = re.compile(rf"[{_UPPER}][{_UPPER}'’ -]{{2,}}[.:] (?=\S)")
# A heading line: a few words, no full stop, quote or comma.
_HEADING_WORDS = 6
_HEADING_END = frozenset('.!?:;,»"”)')
# Items it takes to make a round-up.
_MARKED = 3
_HEADED = 2


@lru_cache(maxsize=16)
def _lines(text: str) -> tuple[tuple[int, int, int], ...]:
    """Each paragraph line after the title: (start, body start, end); the body starts after
    a place marker, at the start otherwise."""
    lines = []
    start = text.find("\n") + 1
    while 0 < start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end > start:
            # An item is a paragraph of its own (a notice's lines, "Lot 1 – …", are not).
            marker = text.startswith("\n\n", start - 2) and (
                _PLACE_DASH.match(text, start, end) or _PLACE_CAPITALS.match(text, start, end)
            )
            lines.append((start, marker.end() if marker else start, end))
        start = end + 1
    return tuple(lines)


def _items(text: str, mentions: list[CompanyMention]) -> list[tuple[int, int]]:
    """The items of a round-up, (start, body start), in order; none in another document."""
    if text.count("\n") < _MARKED:
        return []
    lines = _lines(text)
    marked = [(start, body) for start, body, _ in lines if body > start]
    if len(marked) >= _MARKED:
        return marked
    if _COLUMN_TITLE.search(text, 0, max(text.find("\n"), 0)):
        # Session 16: a column of briefs by its title ("La lettre des adhérents : les
        # nouvelles de novembre", "Business briefs"), whose items open on a heading line
        # ("**Innovation**", "Carnet"): each heading opens an item, named firm or not; a
        # firm the models found in a heading is one only if the registry holds it.
        headings = [(start, end) for start, _, end in lines if _heading(text[start:end])]
        if len(headings) >= _MARKED:
            return headings
    headed: dict[str, tuple[int, int]] = {}
    for start, _, end in lines:
        line = text[start:end].strip()
        if not line or len(line.split()) > _HEADING_WORDS or line[-1] in _HEADING_END:
            continue
        for mention in mentions:
            if mention.start <= start + 1 and mention.end >= start + len(line) - 1:
                headed.setdefault(mention.company_id or mention.name.lower(), (start, start))
    if len(headed) < _HEADED:
        return []
    starts = sorted(headed.values())
    # A heading that names no firm ("MARKET CONTEXT") closes the item before it.
    others = [
        (start, start)
        for start, _, end in lines
        if (start, start) not in starts
        and 0 < len(text[start:end].split()) <= _HEADING_WORDS
        and text[start:end].strip()[-1] not in _HEADING_END
        and text[start:end].strip().isupper()
    ]
    return sorted([*starts, *others])


# The title of a column of briefs.
_COLUMN_TITLE = re.compile(
    r"\b(?:lettre|newsletter|br[eè]ves|en\s+bref|les\s+nouvelles\s+d|revue\s+de\s+presse|"
    r"in\s+brief|briefs|briefing|round-?up|news\s+digest|business\s+digest)\b",
    re.IGNORECASE,
)


def _heading(line: str) -> bool:
    """Whether a line is a heading: a few words, bold or not, no sentence's end."""
    words = line.strip().strip("*#_ ").rstrip(".…")
    return 0 < len(words.split()) <= _HEADING_WORDS + 2 and words[-1] not in _HEADING_END


def item_firm(
    sentence: Span, trigger: Span, mentions: list[CompanyMention], text: str
) -> CompanyMention | None:
    """In a round-up, the firm of the item ``trigger`` is in, named in the item before it
    (``UNKNOWN`` when the item names none the models found); ``None`` in another document
    or before the first item."""
    items = _items(text, mentions)
    item = max((i for i in items if i[0] <= trigger.start_char), default=None)
    if item is None:
        return None
    named = [
        m
        for m in mentions
        if item[0] <= m.start < trigger.start_char
        and m.end > m.start
        and (m.start >= item[1] or m.company_id)  # "Lorient –" is no firm; "Cellvia –" is
    ]
    return min(named, key=lambda m: m.start) if named else UNKNOWN


def opening_end(sentence: Span, text: str, mentions: list[CompanyMention]) -> int:
    """Where the opening of ``sentence`` that cannot be its subject ends: a press release's
    dateline ("Saint-Fons, 30 November 2026 — X …"), or the place and dash that open a
    paragraph line ("Lorient – Voileries X investit …", whose place the models may take for
    a firm); its start when there is none."""
    dateline = dateline_end(sentence, text)
    if dateline > sentence.start_char or "\n" not in text:
        return dateline
    lead = _leads(text).get(sentence.start_char)
    if lead is None or any(
        m.company_id and m.start < lead
        for m in mentions
        if m.end > m.start and m.start >= sentence.start_char
    ):
        return dateline  # "Cellvia – The battery maker said …": the firm's own item
    return lead


@lru_cache(maxsize=16)
def _leads(text: str) -> dict[int, int]:
    """The body start of each paragraph line opened by a place and a dash, by line start."""
    return {
        start: body
        for start, body, end in _lines(text)
        if body > start and _PLACE_DASH.match(text, start, end)
    }


# A notice's field line ("Président : Mme Inès Garnier, en remplacement de M. X",
# "Chairman: …"), and the words that show a notice's name field may be in the text.
_FIELD_LINE = re.compile(r"\s*[A-ZÀ-ÖØ-Ý][\w'’ -]{1,40}?\s?:\s")
_NAME_WORDS = ("nomination", "NOMINATION", "aison sociale", "ompany name", "egistered name")


def field_line_firm(
    sentence: Span, mentions: list[CompanyMention], text: str
) -> CompanyMention | None:
    """The firm a registry notice is about (its "Dénomination :" field) for a field line
    that names none ("Président : Mme X, en remplacement de M. Y"): the officers a notice
    names are that firm's, whatever the article's main company reckoning makes of it."""
    if not _FIELD_LINE.match(span_text(sentence)) or not any(w in text for w in _NAME_WORDS):
        return None
    return notice_firm(mentions, text, NAME_FIELD)


def part_firm(
    sentence: Span, trigger: Span, mentions: list[CompanyMention], text: str
) -> CompanyMention | None:
    """The firm of the part of the document a sentence that names none is in: a
    round-up's item, or the notice whose field it is; ``None`` when no such part."""
    return item_firm(sentence, trigger, mentions, text) or field_line_firm(sentence, mentions, text)


__all__ = ["field_line_firm", "item_firm", "opening_end", "part_firm"]
