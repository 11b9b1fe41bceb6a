"""Event words denied, avoided or frozen before them in their clause.

The sentence-wide hedges (``events.HEDGES``: "ne … pas", "dément", "not", "could") miss
some ways the press says that an event does not happen:

- a French negation of "il y a" in another tense ("il n'y aura pas de recrutements",
  "il n'y avait aucun plan de départs"), and since session 9 any elided negation of a
  verb ("nous n'avons pas besoin de lever des fonds"), and since session 12 a negation
  split by a linking adverb ("ne s'accompagnera toutefois pas d'embauches"), and since
  session 14 "ne" before the trigger's verb with any negation after it ("on ne rachète
  rien", "ne recrute plus", "ne ferme jamais"), not a count ("n'embauche pas moins de");
- a French negation without a verb, opening its clause ("Pas d'embauches tout de
  suite", "Côté emploi, pas de créations"; session 16);
- an English negation contracted onto its auxiliary ("didn't hire", "can't fill vacancies",
  "won't close the plant", "cannot recruit");
- an event avoided ("have avoided layoffs", "a évité la fermeture", "averted a closure");
- an event frozen ("freezing hiring", "le gel des embauches", "a hiring freeze");
- an alternative set aside, or a negation carried on ("rather than build a plant", "au
  lieu de supprimer des postes", "sans licencier ni fermer", "neither … nor"; session 7);
- an event asked about: a question mark after the trigger, before the sentence ends
  ("Will you hire to support the launch? Probably, but …", which the recogniser may run
  into its answer).

A hedge, a plan or a denial weighs on its own clause only (``hedge_scope``,
``clause_start``): "dément toute vente et recrute à Tours", "said the order would keep its
lines busy and that it was recruiting", "confirme 60 embauches, faute de quoi les commandes
ne pourraient être honorées".
"""

from __future__ import annotations

import re

from spacy.parts_of_speech import VERB
from spacy.tokens import Span, Token

from myrtille.enrichment.doctext import per_document
from myrtille.enrichment.morphs import feature

_DENIED_BEFORE = re.compile(
    r"\bn['’]\s?y\s+(?:aura|avait|aurait|a\s+eu|aura\s+eu)\s+(?:pas|plus|aucun\w*|gu[èe]re|"
    r"point)\b|"
    r"\b\w+n['’]t\b|\bcannot\b|"
    # session 9: any elided French negation ("Nous n'avons pas besoin de lever de fonds",
    # "n'ont jamais envisagé"), not a verb that a negation turns into a yes ("n'hésite pas à
    # recruter", "n'arrête pas d'embaucher", "ne manque pas de")
    r"\bn['’]\s?(?!h[ée]sit|arr[êe]t|cess|manqu)\w+\s+(?:(?:toujours|encore|donc|d[ée]j[àa])\s+)?"
    r"(?:pas|plus|jamais|aucun\w*|gu[èe]re|point|nullement)\b|"
    # session 12: "ne", a pronoun or two, the verb, then a linking adverb before the negation
    # ("Il ne s'accompagnera toutefois pas d'embauches", "ne le fera cependant pas")
    r"\bne\s+(?:(?:s['’]|se|l['’]|le|la|les|y|en|lui|leur|nous|vous)\s*){0,2}\w+\s+"
    r"(?:toutefois|cependant|pourtant|pour\s+autant|donc|n[ée]anmoins|a\s+priori)\s+"
    r"(?:pas|plus|jamais|aucun\w*|gu[èe]re|point|nullement)\b|"
    r"\b(?:avoid(?:s|ed|ing)?|avert(?:s|ed|ing)?|[ée]vit(?:e|ent|é|ée|és|ées|er|ant|era|"
    r"eront)|[ée]chapp\w*\s+[àa])\b|"
    r"\b(?:freez(?:e|es|ing)|froze|frozen|g[eè]l(?:e|ent|é|ée|er|ant)?)\b\s+(?:[\w'’-]+\s+){0,2}?"
    r"\S*\Z",
    re.IGNORECASE,
)
# session 7: an alternative set aside just before the trigger ("rather than build a plant",
# "au lieu de supprimer des postes", "plutôt que de construire") or a negation carried on by
# "ni"/"nor" ("sans licencier ni fermer de site", "neither hiring nor closing").
_SET_ASIDE = re.compile(
    r"\b(?:rather\s+than|instead\s+of|plut[ôo]t\s+que(?:\s+d[e'’])?|au\s+lieu\s+d[e'’]|"
    r"ni|nor|neither)(?:\b|(?<=['’]))\s*(?:[\w'’-]+\s+){0,3}?\S*\Z",
    re.IGNORECASE,
)


def alternative(before: str) -> bool:
    """Whether ``before`` (the trigger's clause up to its first word) sets the event
    aside as an alternative not taken, or carries a negation on to it."""
    return _SET_ASIDE.search(before) is not None


# session 16: a French negation without a verb opening the clause, as headings and asides
# say it ("**Pas de postes supplémentaires**", "Pas d'embauches tout de suite", "Côté
# emploi, pas de créations annoncées", "Et pas de fermeture en vue"): the event denied,
# as "no new jobs" is in English (newsworthy._NEGATED). Only at the clause's start, so
# that "n'arrête pas d'embaucher" (a yes) is not read as one.
_VERBLESS_NO = re.compile(
    r"\A[\W_]*(?:(?:et|mais|donc|toujours|encore|surtout|toutefois|en\s+revanche|"
    r"pour\s+l['’]\s?(?:instant|heure))\s+)?pas\s+(?:de\s+|d['’]\s?)"
    r"(?:[\w'’-]+\s+){0,2}?\S*\Z",
    re.IGNORECASE,
)
# "a hiring freeze", "investment was frozen": the freeze said just after the event's words.
_FROZEN_AFTER = re.compile(r"\s+(?:freeze|was\s+frozen|is\s+frozen|gel[ée]e?s?)\b", re.IGNORECASE)
# A freeze inside the trigger's own words ("un gel des embauches").
_FROZEN_IN = re.compile(r"\b(?:gel|freeze)\b", re.IGNORECASE)


# A question that ends after the trigger, before any full stop.
_ASKED = re.compile(r"[^.!?\n]{0,150}\?")


# session 14: "ne" (and a pronoun or two) just before the trigger's verb, the negation just
# after it ("on ne rachète rien", "Verlande ne recrute plus", "ne ferme jamais"); not a
# count ("n'embauche pas moins de 40", "ne recrute plus de 40 … que").
_NE_BEFORE = re.compile(
    r"\b(?:ne|n['’])\s*(?:(?:s['’]|se|l['’]|le|la|les|y|en|lui|leur|nous|vous)\s*){0,2}\S+\Z",
    re.IGNORECASE,
)
_NEGATION_AFTER = re.compile(
    r"\s+(?:(?:toujours|encore|donc|d[ée]sormais|toutefois|cependant|pourtant)\s+)?"
    r"(?:pas|plus|jamais|rien|gu[èe]re|point|nullement|aucun\w*|personne)\b"
    r"(?!\s+(?:(?:moins|autant|plus|de|que)\b|d['’]|qu['’]))",
    re.IGNORECASE,
)


def denied(text: str, before: str, trigger: tuple[int, int]) -> bool:
    """Whether the event whose trigger spans ``trigger`` (character bounds) in ``text``
    is denied, avoided or frozen: ``before`` is the trigger's clause up to the end of its
    first word."""
    start, end = trigger
    return (
        _DENIED_BEFORE.search(before) is not None
        or _VERBLESS_NO.search(before) is not None
        or alternative(before)
        or _FROZEN_AFTER.match(text, end) is not None
        or _FROZEN_IN.search(text, start, end) is not None
        or _ASKED.match(text, end) is not None
        or _ne_verb_negation(text, before, start, end)
    )


def _ne_verb_negation(text: str, before: str, start: int, end: int) -> bool:
    """ "ne" before the trigger's first word, the negation after that word, or after the
    trigger when the trigger is that word ("on ne rachète rien", "ne ferme jamais un site")."""
    if _NE_BEFORE.search(before) is None:
        return False
    first_end = start + len(text[start:end].split(None, 1)[0]) if end > start else end
    return any(_NEGATION_AFTER.match(text, at) for at in {first_end, end})


# A clause of its own within the sentence: "… and that it was recruiting", "… et qu'il".
_THAT_CLAUSE = re.compile(r"\s(?:and|but|et|mais)\s+(?:that|que|qu['’])", re.IGNORECASE)
# What would follow otherwise: its hedge is not the event's ("…, faute de quoi les
# commandes ne pourraient être honorées", "…, otherwise it could lose the contract").
_OTHERWISE = re.compile(
    r"[,;]\s*(?:faute\s+de\s+quoi|sans\s+quoi|sinon|otherwise|or\s+else|failing\s+which|"
    r"without\s+which)\b",
    re.IGNORECASE,
)
# A conjunction just before a coordinated verb: "dément toute vente et recrute".
_CONJUNCTION = re.compile(
    r"\s(?:and|but|et|mais)\s+(?:(?:y|also|aussi|then|now|is|are|has|have|a|ont)\s+)?\Z",
    re.IGNORECASE,
)


@per_document  # the same clause, asked again by clause_start and the events' hedges
def hedge_scope(text: str, at: int, trigger: Span) -> tuple[int, int]:
    """The bounds, in ``text`` (the trigger's part, in which ``trigger`` starts at
    ``at``), of the clause whose hedges weigh on ``trigger``: from the last coordinated
    "that" clause before it, or from the conjunction just before a finite verb that is the
    trigger (a modal said after the conjunction stays in: "and would hire"); up to the
    next "that" clause or a clause of what would follow otherwise ("faute de quoi")."""
    begin = max((m.start() for m in _THAT_CLAUSE.finditer(text, 0, at)), default=0)
    verb = trigger[0]
    # "recrute", "hired", "has hired": not an infinitive that a modal before governs
    finite = verb.pos == VERB and "Inf" not in feature(verb, "VerbForm") and verb.tag_ != "VB"
    joined = _CONJUNCTION.search(text, 0, at) if finite else None
    # a compound past ("et a ouvert 80 postes", "and has opened") or a French finite verb
    # ("et recrute") is no infinitive: no modal before the conjunction governs it
    if (
        joined
        and not _plainly_finite(verb)
        and _after_infinitive(trigger, trigger.start_char - at + joined.start())
    ):
        joined = None  # "plans to close the workshop and cut 60 jobs": both planned
    after = at + len(trigger.text)
    ends = [
        m.start() for m in (_THAT_CLAUSE.search(text, after), _OTHERWISE.search(text, after)) if m
    ]
    end = min(ends, default=len(text))
    return (max(begin, joined.start()) if joined else begin), end


def _plainly_finite(verb: Token) -> bool:
    """Whether ``verb`` is a participle right after a finite "avoir"/"have" ("a ouvert",
    "has opened"), or a French finite verb ("et recrute": never an infinitive's twin, unlike
    English "and cut")."""
    if verb.lang_ == "fr" and "Fin" in feature(verb, "VerbForm"):
        return True
    before = verb.nbor(-1) if verb.i > verb.sent.start else None
    return (
        before is not None
        and "Part" in feature(verb, "VerbForm")
        and before.pos_ == "AUX"
        and before.lemma_ in ("avoir", "have")
        and "Fin" in feature(before, "VerbForm")
    )


def _after_infinitive(trigger: Span, conjunction: int) -> bool:
    """Whether the verb before the conjunction (at character ``conjunction``) is an
    infinitive, which the trigger's verb then joins."""
    sentence = trigger.sent
    for token in reversed(trigger.doc[sentence.start : trigger.start]):
        if token.idx < conjunction and token.pos_ in ("VERB", "AUX"):
            return token.tag_ == "VB" or "Inf" in feature(token, "VerbForm")
    return False


@per_document  # asked per trigger by several rules (newsworthy, hypotheses, …)
def clause_start(text: str, sentence: Span, trigger: Span) -> int:
    """Where the trigger's clause starts: after the last comma, semicolon, colon or line
    break before it (a plan said in another clause leaves this one alone)."""
    cut = max(text.rfind(mark, sentence.start_char, trigger.start_char) for mark in ",;:")
    # A line break before a small letter or a digit wraps a sentence ("has put on hold a
    # planned EUR 30m\nextension"); before anything else it ends a line of its own.
    lines = _LINE_BREAK.finditer(text, sentence.start_char, trigger.end_char)
    cut = max(cut, max((m.start() for m in lines if m.start() < trigger.start_char), default=-1))
    # a clause of its own: "said the order would keep its lines busy and that it was hiring"
    said = text[sentence.start_char : sentence.end_char]
    own = (
        sentence.start_char
        + hedge_scope(said, trigger.start_char - sentence.start_char, trigger)[0]
    )
    return max(cut + 1 if cut >= 0 else sentence.start_char, own)


_LINE_BREAK = re.compile(r"\n(?![ \t]*[a-zà-ÿ0-9])")
