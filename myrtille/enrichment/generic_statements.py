"""Event words in a sentence that asserts no event of the firm (issue 14, session 12,
precision).

Read off traps14 (sixty documents by two outside authors, written to test precision:
interviews, comments, profiles), each a way the press writes in either language:

- a generic truth whose subject is the act itself, a gerund or an infinitive before a
  verb of being ("Building a factory is an investment in time as much as money",
  "Construire une usine, c'est cinq à sept ans", "Recruter un soudeur prend six mois"):
  a view of the trade, no firm's event;
- the other term of a comparison or a choice ("the acquisition of skills matters more
  than the acquisition of companies", "compte plus que le rachat d'entreprises"): named
  to be set aside ("rather than", "plutôt que" are denials.py's);
- an event word whose object is a skill or time ("the acquisition of skills",
  "l'acquisition de compétences", "un investissement en temps plus qu'en argent", "an
  investment in time"): a figure of speech, no firm bought and nothing built;
- an indirect question ("You are often asked whether you will build a new plant", "reste
  à savoir si le groupe embauchera", "se demandent si l'usine fermera"): asked, not said.

Session 14 (news15's market reviews and trade-fair reports): hiring named as a hardship
("entre hausse des matières premières, difficultés de recrutement et fréquentation en
berne", "les problèmes de recrutement", "les délais de recrutement dépassent quatre mois",
"recruitment difficulties", "hiring problems", "a hiring crunch") is a trade's trouble,
no jobs created.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.denials import clause_start

# A verb of being, or one that measures the act, after a gerund or infinitive subject.
_COPULA_AFTER = re.compile(
    r"[^.;:!?]{0,40}?(?:\b(?:is|was|remains|means|takes|requires|costs)\b|"
    r"\bc['’]\s?est\b|\b(?:est|reste|demande|exige|prend|suppose|co[uû]te)\b)",
    re.IGNORECASE,
)
# A comparison or a choice that sets the trigger aside, just before it.
_OTHER_TERM = re.compile(
    r"\b(?:(?:more|less|other)\s+than|as\s+opposed\s+to)\s+"
    r"(?:(?:the|a|an|to|by|any|new)\s+)?\Z|"
    r"\b(?:plus|moins|autant)\s+qu['’e]\s*(?:(?:de|d['’]|la|le|les|l['’]|un|une|"
    r"des|par|en)\s*)?\Z",
    re.IGNORECASE,
)
# A skill or time as the object of the event word, right after it.
_ABSTRACT_OBJECT = re.compile(
    r"\s*(?:(?:of|in|into|de|d['’]|en|des|du)\s*)?(?:(?:new|nouvelles?|nouveaux|the|les|la|"
    r"le|l['’])\s*)?(?:skills|know-how|expertise|talent|time|temps|comp[ée]tences|"
    r"savoir-faire|connaissances|knowledge|confiance|confidence|experience)\b",
    re.IGNORECASE,
)
_ABSTRACT_KINDS = frozenset({"acquisition", "investment"})
# session 14: a hardship named by the hiring noun, before it (French) or after it (English).
_HARDSHIP_BEFORE = re.compile(
    r"\b(?:difficult[ée]s?|probl[èe]mes?|tensions?|p[ée]nuries?|d[ée]lais|freins?|"
    r"casse-t[êe]te|obstacles?|co[ûu]ts?)\s+(?:de|du|des|d['’]|sur\s+les?|au|aux|à\s+l['’])"
    r"\s*\Z",
    re.IGNORECASE,
)
_HARDSHIP_AFTER = re.compile(
    r"\s+(?:difficult(?:y|ies)|problems?|challenges?|woes|troubles?|shortages?|"
    r"headaches?|delays?|bottlenecks?|crunch|crisis|issues|costs?)\b",
    re.IGNORECASE,
)
# An indirect question before the trigger in its clause.
_QUESTION = re.compile(
    r"\bwhether\b|\b(?:demand\w*|savoir|interrog\w*|questions?)\s+(?:si|s['’]\s?)(?=\w)",
    re.IGNORECASE,
)


def asserts_no_event(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """Whether the ``kind`` trigger in ``sentence`` is in a generic truth, the other term
    of a comparison, a figure of speech or an indirect question (see the docstring)."""
    if _act_as_subject(sentence, trigger, text):
        return True  # "Building a factory is an investment in time"
    begin = clause_start(text, sentence, trigger)
    before = text[max(begin, trigger.start_char - 60) : trigger.start_char]
    if _OTHER_TERM.search(before):
        return True  # "more than the acquisition of companies"
    if kind == "hiring" and (
        _HARDSHIP_BEFORE.search(before) or _HARDSHIP_AFTER.match(text, trigger.end_char)
    ):
        return True  # "difficultés de recrutement", "hiring problems" (session 14)
    first_end = trigger[0].idx + len(trigger[0].text)
    # the event's noun only: "has acquired the know-how of a start-up" buys a firm
    if (
        kind in _ABSTRACT_KINDS
        and trigger[0].pos_ == "NOUN"
        and any(_ABSTRACT_OBJECT.match(text, at) for at in (first_end, trigger.end_char))
    ):
        return True  # "the acquisition of skills", "un investissement en temps"
    return _QUESTION.search(text, begin, trigger.start_char) is not None


def _act_as_subject(sentence: Span, trigger: Span, text: str) -> bool:
    """A trigger that opens its sentence on a gerund or an infinitive, followed by a verb
    of being: the act as a subject, a generic truth."""
    # the sentence's first word only (not every word of it made a Token)
    first_word = next((t for t in sentence if not t.is_punct and not t.is_space), None)
    if first_word is None or first_word.i != trigger.start:
        return False
    first = trigger[0]
    acts = first.tag_ == "VBG" or (first.lang_ == "fr" and "Inf" in first.morph.get("VerbForm"))
    return acts and _COPULA_AFTER.match(text, trigger.end_char) is not None
