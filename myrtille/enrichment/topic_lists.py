"""An event word in a list of topics (issue 14, session 13, precision).

An interview's or a portrait's title often lists what is talked about, with no verb:
"Interview: Verlande chief Anne Morel on robots, hiring and the German market", "Entretien
avec Anne Morel : robots, recrutements et marché allemand". The words name subjects of
talk, not things done: the article may report a hire or a sale abroad, and then says so in
a sentence of its own. A news headline without a verb says one thing with its figure or
its object ("Verlande : 40 embauches à Firminy", "Rachat de Vaubrune par Verlande"), not a
list of three bare themes.

Read as: a sentence with no verb besides the trigger's own words, whose part after its
last colon or "on"/"sur" is a list of at least three items (commas and a coordinating
conjunction), the trigger among them, and no figure in it.
"""

from __future__ import annotations

from spacy.tokens import Span

# Where a list of topics starts: after a colon, or "on"/"sur" after a name ("… on robots").
_LIST_OPENERS = frozenset({":", "on", "sur", "about", "autour"})
_VERBS = frozenset({"VERB", "AUX"})


def in_a_topic_list(sentence: Span, trigger: Span) -> bool:
    """Whether ``trigger`` is an item of a verbless list of topics (see the module's
    docstring)."""
    own = range(trigger.start, trigger.end)
    if any(t.pos_ in _VERBS for t in sentence if t.i not in own):
        return False
    start = sentence.start
    for token in sentence.doc[sentence.start : trigger.start]:
        if token.lower_ in _LIST_OPENERS:
            start = token.i + 1
    items = sentence.doc[start : sentence.end]
    if start == sentence.start or any(t.like_num for t in items):
        return False
    commas = sum(1 for t in items if t.text == ",")
    conjunctions = sum(1 for t in items if t.pos_ == "CCONJ")
    return commas >= 1 and conjunctions >= 1
