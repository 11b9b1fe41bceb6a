"""Events said as a need, a possibility, others' prospects or a career's past (issue 14,
session 8).

Read off the false events of text by other hands (news7 first), each a way the press
writes in either language:

- a need said before the trigger in its clause ("Il faut une taille critique pour recruter
  ces spécialistes", "il faudra investir", "it takes scale to hire them"): a view, no event;
  so are needs counted ("les besoins de recrutement de la branche", "hiring needs";
  session 9);
- what a project would allow ("permettrait de créer une trentaine d'emplois", "would allow
  it to hire 30 people"): a possibility;
- firms counted loosely as the subject of an infinitive after a verb of expecting
  ("She expects several start-ups to seek mergers or to cut staff", "expects many
  growers to hire fewer seasonal workers"): somebody's outlook for a trade;
- a merger, a partner or a buyer looked for right before the trigger ("to seek mergers",
  "cherche un partenariat"): a plan;
- a present verb followed by when it happens as a rule ("Nous embauchons dès que nous
  trouvons les bons profils", "We hire as soon as we find the right people"): a policy;
- a step in a person's career after a past verb ("qui a appris le métier auprès d'un
  ancien avant de prendre la tête de l'atelier", "who worked at Airbus before taking over
  the firm"): the person's history, not the news.

Session 10, from news8-11:

- what money or a project is to allow, in any tense ("L'opération doit permettre de
  doubler l'équipe", "qui devraient lui permettre de recruter", "should allow it to
  hire"), like "permettrait";
- an aim, a priority or an intention ("Ma priorité sera d'augmenter nos capacités",
  "avec pour objectif d'ouvrir", "the aim is to", "a annoncé son intention de racheter",
  "a letter of intent to buy"): what someone wants, not what was decided;
- an announcement still to come ("devrait annoncer le rachat", "is expected to announce",
  "will unveil"): the news is not out;
- jobs of a project's building phase ("60 jobs during construction", "au plus fort du
  chantier"): the contractors' crews, no hiring by the firm.

Session 11, from news12: a roadmap's items after its colon ("Sa feuille de route est
connue : tenir les délais et décrocher de nouvelles commandes", "Her roadmap: win orders
in Germany"), as a new manager's aims: what is to be done, not done (five leadership
articles of the tuning set, four authors, none labels such an item).

Session 12, from traps14: the event's noun as the subject of a priority ("Recruitment will
be a priority in 2027", "le recrutement reste notre priorité"); a wish in the conditional
("Nous aimerions lever des fonds", "aimeraient tester le marché canadien"); a plan still
being drawn up ("we are working out our hiring plan", "élabore son plan de recrutement").
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.cues import cued
from myrtille.enrichment.denials import clause_start
from myrtille.enrichment.habitual import grown_over_years
from myrtille.enrichment.pattern_words import gated
from myrtille.enrichment.rule_gates import WordGate, cue_words

_NEED = re.compile(
    r"\b(?:il\s+(?:nous\s+|leur\s+|lui\s+)?(?:faut|faudra|faudrait|fallait)|faut-il|"
    r"it\s+takes|it\s+will\s+take|it\s+would\s+take)\b|"
    # session 9: needs counted ("estime les besoins de recrutement de la branche à 25 000")
    r"\bbesoins?\s+(?:de|d['’]|en)\s*\Z",
    re.IGNORECASE,
)
# session 9: "the sector's recruitment needs", "hiring needs": needs, no hires.
_NEEDS_AFTER = re.compile(r"\s+needs?\b", re.IGNORECASE)
_WOULD_ALLOW = re.compile(
    r"\b(?:permettrai(?:t|ent)|would\s+(?:allow|enable|let|make\s+it\s+possible\s+for))\b|"
    # session 10: "doit permettre de doubler l'équipe", "qui devraient lui permettre de",
    # "permettra de", "should allow it to hire", "is meant to enable"
    r"\b(?:(?:doi(?:t|vent)|devrai(?:t|ent)|v(?:a|ont))\s+(?:(?:lui|leur|nous|vous|"
    r"notamment|aussi|surtout)\s+)*permettre|permettr(?:a|ont))\b|"
    r"\b(?:should|will|is\s+(?:meant|intended|designed)\s+to|are\s+(?:meant|intended|"
    r"designed)\s+to)\s+(?:(?:also|notably)\s+)?(?:allow|enable|help)\b",
    re.IGNORECASE,
)
# session 10: an aim, a priority or an intention before the trigger in its clause.
_AIM = re.compile(
    r"(?:\b(?:priorit[ée]s?|objectifs?|ambition|intention|priority|priorities|aim|goal|"
    r"objective)\s+(?:affich[ée]e?\s+)?(?:(?:sera|est|serait|[ée]tait|will\s+be|is|was|"
    r"would\s+be)\s+)?(?:d['’]\s?|de\s+|to\s+|of\s+)|"
    r"\bavec\s+(?:pour|comme)\s+(?:objectif|ambition|but)\s+(?:d['’]\s?|de\s+)|"
    r"\bdans\s+le\s+but\s+(?:d['’]\s?|de\s+)|"
    r"\b(?:with\s+(?:the|a)\s+(?:aim|goal|view)\s+of|aiming\s+to|in\s+a\s+bid\s+to)\s+|"
    r"\b(?:lettre\s+d['’]\s?intention|letter\s+of\s+intent)\s+(?:to|de|d['’]|pour)\s*)"
    # the trigger right after, or after a light verb ("l'objectif de réaliser des
    # acquisitions"): not "l'objectif de ce rachat", which names the event done
    r"(?:(?:r[ée]aliser|mener|conclure|faire|make|carry\s+out|complete)\s+(?:[\w'’-]+\s+){0,2}?)?"
    r"\Z",
    re.IGNORECASE,
)
# session 11: a roadmap and its colon before the trigger in its sentence, no sentence or
# clause break between: the items are aims ("Sa feuille de route : décrocher …").
_ROADMAP = re.compile(
    r"\b(?:feuille\s+de\s+route|road\s?-?map)\b[^.;:!?]{0,40}:[^.;:!?]*\Z",
    re.IGNORECASE,
)
# session 10: an announcement still to come, just before the trigger.
_TO_ANNOUNCE = re.compile(
    r"\b(?:(?:devrai(?:t|ent)|doi(?:t|vent)|v(?:a|ont)|pourrai(?:t|ent))\s+(?:annoncer|"
    r"officialiser|d[ée]voiler)|annonc(?:era|eront)|officialis(?:era|eront)|"
    r"(?:is|are)\s+(?:expected|due|set|likely|poised)\s+to\s+(?:announce|unveil|confirm)|"
    r"will\s+(?:announce|unveil))\b[^,;:.]{0,60}\Z",
    re.IGNORECASE,
)
_TO_ANNOUNCE = cued(_TO_ANNOUNCE, "annonc officialis voiler announce unveil confirm")
# session 10: the building phase's crews ("60 jobs during construction", "au plus fort du
# chantier", "at the peak of the works"): the contractors', no hiring of the firm.
_BUILDING_PHASE = re.compile(
    r"\b(?:during\s+(?:the\s+)?(?:construction|building\s+work|works?\b|build-?out)|"
    r"at\s+the\s+(?:peak|height)\s+of\s+(?:the\s+)?(?:construction|works?\b|building)|"
    r"construction\s+jobs|"
    r"(?:pendant|durant|lors)\s+(?:du|de\s+la|des)\s+(?:chantier|travaux|construction|phase\s+de\s+"
    r"(?:chantier|travaux|construction))|au\s+plus\s+fort\s+(?:du|des)\s+(?:chantier|travaux)|"
    r"emplois\s+(?:de|du|en\s+phase\s+de)\s+chantier)",
    re.IGNORECASE,
)
_BUILDING_PHASE = gated(_BUILDING_PHASE)  # session 19: only where one of its words is
# session 12: the event's noun as the subject of a priority or of a plan still being
# drawn up, after it ("Recruitment will be a priority in 2027", "le recrutement reste
# notre priorité"); a wish in the conditional before it ("Nous aimerions lever des fonds",
# "aimeraient tester le marché canadien"); a plan worked out ("we are working out our
# hiring plan", "élabore son plan de recrutement").
_PRIORITY_AFTER = re.compile(
    r"\s+(?:will\s+be|is|remains|would\s+be|sera|est|reste|restera|serait)\s+"
    r"(?:(?:a|an|our|the|their|its|une|notre|la|leur|sa)\s+)?(?:(?:top|key|main|absolute|"
    r"grande|vraie|premi[èe]re)\s+)?(?:priorit(?:y|ies|[ée]s?)|objective|goal|objectif)\b",
    re.IGNORECASE,
)
_WISH = re.compile(
    r"\b(?:aimer(?:ais|ait|ions|iez|aient)|voudr(?:ions|iez)|souhaiter(?:ions|iez))\b",
    re.IGNORECASE,
)
_PLAN_DRAWN = re.compile(
    r"\b(?:working\s+(?:out|on)|drawing\s+up|finali[sz]ing|[ée]labor\w*|travaill\w*\s+sur|"
    r"pr[ée]pare\w*)\s+(?:(?:our|its|their|a|the|notre|son|sa|leur|un|une|le|la)\s+)?\Z",
    re.IGNORECASE,
)
_EXPECTING = re.compile(
    r"\b(?:expect\w*|anticipat\w*|predict\w*|foresee\w*|see\w*)\s+(?:(?:several|many|some|"
    r"more|most|few|a\s+number\s+of|a\s+handful\s+of|other)\s+)(?:[\w-]+\s+){0,3}?to\s",
    re.IGNORECASE,
)
_SEEKING = re.compile(
    r"\b(?:seek|seeks|seeking|sought|cherch(?:e|ent|er|ait|aient))\s+(?:(?:a|an|un|une|des|"
    r"de|d['’]|new|nouveaux|nouvelles)\s*)?\Z",
    re.IGNORECASE,
)
_BEFORE = re.compile(r"\b(?:avant\s+d['’]\s?|avant\s+de\s+|before\s+)(?:\w+\s+)?\Z", re.IGNORECASE)
# When it happens as a rule, after a present verb: a policy.
_AS_A_RULE = re.compile(
    r"[^.;:!?]{0,60}?\b(?:d[èe]s\s+qu(?:e\b|['’])|(?:à\s+)?chaque\s+fois\s+qu(?:e\b|['’])|"
    r"as\s+soon\s+as|whenever|every\s+time|each\s+time)",
    re.IGNORECASE,
)
_BEFORE = cued(_BEFORE, "avant before")
# session 17: for each pattern that _said_before searches, words of which each of its
# matches holds one (the clause's part of the sentence lies in the sentence's part)
SAID_BEFORE_WORDS = {
    "_NEED": ("fau", "fall", "take", "besoin"),
    "_WOULD_ALLOW": ("permet", "would", "allow", "enable", "help"),
    # "avec pour objectif de", "dans le but de": "objecti", "but"
    "_AIM": ("priorit", "objecti", "ambition", "intent", "aim", "goal", "but", "view", "bid"),
    "_WISH": ("aimer", "voudr", "souhaiter"),
    "_PLAN_DRAWN": ("working", "drawing", "finali", "labor", "travaill", "pare"),
    "_ROADMAP": ("feuille", "road"),
    "_EXPECTING": ("expect", "anticipat", "predict", "see"),
    "_SEEKING": ("seek", "sought", "cherch"),
    "_BEFORE": cue_words(_BEFORE),
}
_SAID_BEFORE = WordGate(*(word for words in SAID_BEFORE_WORDS.values() for word in words))
_FUTURE_FORM = re.compile(r"r(?:ai|as|a|ons|ez|ont)$")
_AUXILIARIES = frozenset({"will", "'ll", "would", "va", "vont", "a", "ont", "has", "have", "had"})
_HAVE = frozenset({"a", "ont", "avait", "avaient", "has", "had", "have"})
_SEEKABLE = frozenset({"acquisition", "partnership", "fundraising"})


def hypothetical(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """Whether the ``kind`` trigger is said as a need, a possibility, others' outlook, a
    plan looked for or a person's past (see the module's docstring); ``text``: the
    document's text."""
    start = clause_start(text, sentence, trigger)
    noun = trigger[-1].pos_ == "NOUN"
    if _said_before(kind, sentence, trigger, text, start):
        return True  # "Il faut une taille critique pour recruter", "Ma priorité sera de"
    # the trigger may hold the announcing verb: "announce the acquisition"
    if _TO_ANNOUNCE.search(text, start, trigger.end_char):
        return True  # "devrait annoncer"
    if kind == "hiring" and _BUILDING_PHASE.search(
        text, trigger.start_char, _part_end(text, trigger, sentence)
    ):
        return True  # "60 jobs during construction and eight permanent ones"
    if noun and _PRIORITY_AFTER.match(text, trigger.end_char):
        return True  # "Recruitment will be a priority in 2027" (session 12)
    if kind == "hiring" and grown_over_years(text, sentence, trigger):
        return True  # habitual.py: "qui a doublé ses effectifs en trois ans"
    if kind == "hiring" and noun and _NEEDS_AFTER.match(text, trigger.end_char):
        return True  # "recruitment needs of 5,000 people"
    # the verb's tense read last: Token.morph costs more than the pattern
    return _AS_A_RULE.match(text, trigger.end_char) is not None and _present(trigger)


def _said_before(kind: str, sentence: Span, trigger: Span, text: str, start: int) -> bool:
    """A need, a possibility, an aim, a wish, a plan, a roadmap, others' outlook, a search
    or a career step said before the trigger in its sentence (``start``: its clause's)."""
    if not _SAID_BEFORE.may_match(sentence.doc, text, sentence.start_char, trigger.start_char):
        return False  # none of the words each pattern below needs (session 17)
    upto = text[start : trigger.start_char]
    if _NEED.search(upto) or _WOULD_ALLOW.search(upto) or _AIM.search(upto):
        return True  # "Il faut une taille critique pour recruter", "Ma priorité sera de"
    if _WISH.search(upto) or _PLAN_DRAWN.search(upto):
        return True  # "Nous aimerions lever des fonds", "working out our hiring plan"
    before = text[sentence.start_char : trigger.start_char]
    if _ROADMAP.search(before):
        return True  # "Sa feuille de route est connue : … décrocher de nouvelles commandes"
    if _EXPECTING.search(before):
        return True  # "She expects several start-ups to seek mergers"
    if kind in _SEEKABLE and _SEEKING.search(before):
        return True  # "to seek mergers"
    return _BEFORE.search(before) is not None and _career(sentence, trigger)


def _part_end(text: str, trigger: Span, sentence: Span) -> int:
    """Where the trigger's comma-delimited part of ``sentence`` ends: "40 permanent jobs,
    plus several hundred during construction" puts the crews in a part of their own."""
    ends = (text.find(mark, trigger.end_char, sentence.end_char) for mark in ",;:")
    return min((at for at in ends if at >= 0), default=sentence.end_char)


def _present(trigger: Span) -> bool:
    """A trigger whose verb is in the present tense ("embauchons", "hire"), read from its
    form: the French tagger takes "embauchons" for a future."""
    verb = trigger[0]
    if verb.pos_ != "VERB" or verb.tag_ in ("VBD", "VBN", "VBG", "MD"):
        return False
    if "Past" in verb.morph.get("Tense") or "Part" in verb.morph.get("VerbForm"):
        return False
    if _FUTURE_FORM.search(verb.lower_):
        return False
    previous = verb.doc[verb.i - 1] if verb.i > 0 else None
    return previous is None or previous.lower_ not in _AUXILIARIES


def _career(sentence: Span, trigger: Span) -> bool:
    """A past verb before the trigger in its sentence: "qui a appris … avant de prendre"."""
    for token in sentence.doc[sentence.start : trigger.start]:
        if token.tag_ == "VBD":
            return True
        previous = sentence.doc[token.i - 1] if token.i > sentence.start else None
        after_have = previous is not None and previous.lower_ in _HAVE
        if after_have and ("Part" in token.morph.get("VerbForm") or token.tag_ == "VBN"):
            return True
    return False
