"""Whether a trigger reports no event: its words read first (``newsworthy.read_unparsed``),
then what the parse has left to weigh (session 15). The words are read once per trigger,
before the batch's parse (events.py), so that a sentence whose trigger they rule out is not
parsed for it."""

from __future__ import annotations

from spacy.tokens import Span

from myrtille.enrichment.doctext import per_document, text_of
from myrtille.enrichment.newsworthy import (
    BARE_PURCHASE,
    NO_NEWS,
    buys_a_firm,
    describes_a_firm,
    read_unparsed,
)
from myrtille.enrichment.syntax import Parsed


@per_document  # asked before the parse, then again by not_news
def _words_say(kind: str, sentence: Span, trigger: Span, text: str) -> str:
    return read_unparsed(kind, sentence, trigger, text)


def ruled_out(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """Whether the words alone say the ``kind`` match ``trigger`` reports no event, whatever
    the parse; ``text``: the document's text."""
    return _words_say(kind, sentence, trigger, text) == NO_NEWS


def not_news(
    kind: str, sentence: Span, trigger: Span, parsed: Parsed | None, text: str | None = None
) -> bool:
    """Whether the ``kind`` match ``trigger`` in ``sentence`` reports no event; ``text``:
    the document's text, when the caller has it (``Doc.text`` joins every token)."""
    said = _words_say(kind, sentence, trigger, text_of(sentence.doc) if text is None else text)
    if said == BARE_PURCHASE:  # a bare "buy" needs a firm as its object
        return not buys_a_firm(parsed.trigger(trigger)) if parsed is not None else True
    if said == NO_NEWS:
        return True
    # UNLESS_DESCRIBED: "fabricant de résines biosourcées", "maker of recycled yarn"
    return parsed is not None and describes_a_firm(parsed.trigger(trigger))
