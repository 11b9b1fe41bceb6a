"""Event words told in passing: other firms' news after a contrast, and jobs the firm does
not count (issue 14, session 10).

Read off the false events of news11 (four new authors, written to the held-out set's
brief) and of news8–10, each a way the press writes in either language:

- after a contrast that turns to other firms ("Sorel n'est pas seule à accélérer.",
  "Océa is not the only defence firm to have picked up business this year: …",
  "Ailleurs, …", "Elsewhere, …", "The picture is more cautious elsewhere."), the
  sentence tells a peer's news in passing, not the news of the firm the article is about;
- a plan with no date set ("évoque 120 emplois supplémentaires, sans calendrier précis",
  "un agrandissement est à l'étude, sans calendrier", "without giving a timetable") is not
  decided (the authors of news5 to news11 label none of eleven such sentences); so is one
  said with "aucun calendrier n'a été fixé" or "it gave no timetable for hiring" (session
  11, news12);
- a power purchase agreement that a plant's output "is sold under", with no verb of
  signing ("A 20-year power purchase agreement with a supermarket chain covers half of
  the output"), tells how the plant sells, not a contract just won;
- jobs in a relative clause in the perfect after a firm ("L'entreprise, qui a doublé ses
  effectifs en trois ans, …", "Rival X, which has tripled its headcount since 2020, …")
  describe that firm's past, not a hiring it announces;
- the hires said again with a definite or demonstrative determiner and no number ("Les
  recrutements du nouveau site concerneront des profils de stratifieurs", "The new hires
  will be mostly engineers") describe jobs already told, or none at all: the annotators
  count hiring only with a number of people (no_new_jobs.py);
- a team hired with no number ("y recrutera une équipe commerciale", "will hire a sales
  team"), like a team to grow (no_new_jobs.py), counts no job;
- jobs the builders of a project give ("the building contractors will employ up to 250
  people at the peak of the works") are their staff; jobs "there" or in a subsidiary, in a
  sentence that names a place abroad ("ouvrira une filiale à Boston et y recrutera une
  équipe commerciale", "a Moroccan subsidiary, which will employ 150 people") are staff
  abroad, told with the export;
- a standing habit of hiring ("nous recrutons en permanence") is no hiring reported; a
  joint venture that exists already, told acting or owned ("Chimirex holds 60% of the joint
  venture", "X-Y joint venture approves a plant"), with no word of setting one up, is no
  new partnership;
- jobs a study or an observatory expects across a trade or a region ("Selon l'observatoire
  régional de l'emploi, 6 000 recrutements sont attendus en 2027", "Aerospace to need 5,000
  recruits next year, study says") are market figures, not a firm's hiring.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.abroad import names_abroad
from myrtille.enrichment.court_officers import court_officer
from myrtille.enrichment.cues import cued
from myrtille.enrichment.denials import clause_start
from myrtille.enrichment.doctext import sentence_of
from myrtille.enrichment.kept_jobs import kept_jobs
from myrtille.enrichment.near_senses import near_sense
from myrtille.enrichment.no_new_jobs import NUMBER
from myrtille.enrichment.pattern_words import gated
from myrtille.enrichment.rule_gates import WordGate, cue_words
from myrtille.enrichment.ruled_out import ruled_out
from myrtille.enrichment.staff_descriptions import describes_staff
from myrtille.enrichment.staffing_troubles import staffing_trouble

# A turn to other firms: "X n'est pas seul(e) à …", "X is not the only firm to …",
# "Ailleurs, …", "Elsewhere, …", "… is more cautious elsewhere."
_CONTRAST = re.compile(
    r"\bn['’]\s?(?:est|sont|était|étaient)\s+pas\s+(?:l[ea]s?\s+)?seul(?:e|s|es)?\b|"
    r"\b(?:is|are|was|were)\s+not\s+(?:alone|the\s+only)\b|"
    r"^\W*(?:ailleurs|elsewhere)\s*,|\belsewhere\s*[.:]\s*\Z",
    re.IGNORECASE,
)
_CONTRAST = cued(_CONTRAST, "seul not ailleurs elsewhere")
_CONTRASTING = WordGate(*cue_words(_CONTRAST))
# A paragraph break between two sentences.
_BREAK = re.compile(r"\n\s*\n")

# No date set, in the trigger's clause or after it: "évoque 60 emplois à terme, sans
# s'engager sur un calendrier", "une extension est à l'étude, sans calendrier", "without
# giving a timetable".
_NO_DATE = re.compile(
    r"\bsans\s+(?:[\w'’]+\s+){0,4}?(?:calendrier|[ée]ch[ée]ancier|date)\b|"
    r"\bwithout\s+(?:[\w'’]+\s+){0,4}?(?:timetable|timeline|time\s?frame|date)\b|"
    # session 11: "aucun calendrier n'a été fixé", "though it gave no timetable for hiring"
    r"\b(?:aucun\s+calendrier|pas\s+de\s+calendrier|aucune\s+[ée]ch[ée]ance)\b|"
    r"\b(?:gave|give|gives|giving|set|sets|setting|offered|offers|provided|provides|with)\s+"
    r"no\s+(?:[\w'’-]+\s+){0,2}?(?:timetable|timeline|time\s?frame|date)\b",
    re.IGNORECASE,
)
_NO_DATE = cued(_NO_DATE, "sans without aucun calendrier tim date")
# A power purchase agreement that a plant's output is sold under, without a verb of
# signing: how the plant sells, not a deal just won.
_OFFTAKE = re.compile(
    r"\bpower\s+purchase\s+agreements?|\bPPAs?\b|contrats?\s+d['’]\s?achat\s+"
    r"d['’]\s?(?:[ée]lectricit[ée]|[ée]nergie)|contrats?\s+de\s+vente\s+d['’]\s?[ée]lectricit[ée]",
    re.IGNORECASE,
)
_OFFTAKE = gated(_OFFTAKE)  # session 19: only where one of its words is
_SIGNED = re.compile(
    r"\b(?:sign\w*|conclu\w*|conclud\w*|remport\w*|won|wins?|d[ée]croch\w*|secur\w*|"
    r"struck|strikes?|obtenu|obtient|land\w*)\b",
    re.IGNORECASE,
)
# The builders of a project as the subject just before the jobs ("the building contractors
# will employ up to 250 people at the peak of the works"): their staff, not the firm's.
_CONTRACTORS = re.compile(
    r"\b(?:the|les|des)\s+(?:building\s+|construction\s+)?(?:contractors|builders|"
    r"subcontractors|sous-traitants|entreprises\s+(?:du\s+chantier|de\s+travaux|du\s+BTP))"
    r"\s+(?:\w+\s+){0,2}\Z",
    re.IGNORECASE,
)
# Jobs "there" ("y recrutera une équipe commerciale", "will employ 20 people there"), or in
# a subsidiary, when the sentence names a place abroad: staff abroad, the export's news.
_THERE = re.compile(r"\by\s+(?:\w+\s+){0,2}\Z", re.IGNORECASE)
_THERE_AFTER = re.compile(r"\s+(?:\w+\s+){0,4}?there\b", re.IGNORECASE)
_SUBSIDIARY = re.compile(
    r"\b(?:subsidiary|filiale|office|bureau|branch|succursale)\b[^.;]*\b(?:which|qui)\s+"
    r"(?:\w+\s+){0,2}\Z",
    re.IGNORECASE,
)
_SUBSIDIARY = gated(_SUBSIDIARY)  # session 19: only where one of its words is
# A team hired with no number said for it ("y recrutera une équipe commerciale", "will hire
# a sales team"): as a team to grow (no_new_jobs.py), an intention, not jobs counted.
_A_TEAM = re.compile(
    r"\b(?:recrut\w*|embauch\w*|hir(?:e|es|ed|ing)|recruit\w*)\s+(?:une|un|an?|son|sa|its|"
    r"their|leur)\s+(?:[\w-]+\s+)?(?:[ée]quipe|team)\b",
    re.IGNORECASE,
)
_A_TEAM = gated(_A_TEAM)  # session 19: only where one of its words is
# A standing habit of hiring ("nous recrutons en permanence", "is constantly hiring"): no
# hiring the article reports.
_STANDING = re.compile(
    r"\b(?:en\s+permanence|constamment|en\s+continu|sans\s+cesse|constantly|continuously|"
    r"all\s+the\s+time)\b",
    re.IGNORECASE,
)
_STANDING = gated(_STANDING)  # session 18: only where one of its words is
# A joint venture that already exists, told acting or owned ("the joint venture approves a
# plant", "holds 60% of the joint venture"), with no word of setting one up or signing.
_JOINT_VENTURE = re.compile(r"\bjoint[-\s]ventures?\b|\bco-?entreprises?\b", re.IGNORECASE)
_SET_UP = re.compile(
    r"\b(?:form\w*|creat\w*|set\w*\s+up|cr[ée]\w*|constitu\w*|sign\w*|launch\w*|lan[cç]\w*|"
    r"annon[cç]\w*|announc\w*|agree\w*|conclu\w*|associ\w*|join(?:s|ed|ing)?\b|allian\w*|alli\w*|"
    r"team\w*\s+up|partena\w*|partner\w*|accord\w*|n[ée]goci\w*)",
    re.IGNORECASE,
)
_SET_UP = gated(_SET_UP)  # session 19: only where one of its words is
# A relative clause in the perfect, its pronoun after a comma, the trigger inside it.
_RELATIVE_PERFECT = re.compile(
    r",\s*(?:qui|which|that)\s+(?:a|ont|avait|avaient|has|have|had)\s+[^,;:()]*\Z",
    re.IGNORECASE,
)
# The hires said again: a definite or demonstrative determiner before a hiring noun that
# opens the clause.
_HIRES_AGAIN = re.compile(
    r"^\W*(?:les|ces|ses|leurs|the|these|those|its|their)\s+(?:\w+\s+)?"
    r"(?:recrutements|embauches|hires|recruits|recruitment|hiring)\b",
    re.IGNORECASE,
)
# A study, a survey or an observatory that the figures come from ...
_STUDY = re.compile(
    r"\b(?:observatoire|(?<!d['’])[ée]tudes?|enqu[êe]tes?|barom[èe]tre|observatory|study|"
    r"studies|survey|report)\b",
    re.IGNORECASE,
)
_STUDY = gated(_STUDY)  # session 18: only where one of its words is
# ... and what it expects or says is needed (not what firms did).
_EXPECTED = re.compile(
    r"\b(?:attendu(?:e|s|es)?|pr[ée]vu(?:e|s|es)?|besoins?|expected|forecast|needs?|"
    r"to\s+need|will\s+need|expect\w*|s['’]\s?attend\w*\s+[àa])\b",
    re.IGNORECASE,
)


# session 15 (precision A): kept_jobs.py, staff_descriptions.py, court_officers.py,
# ruled_out.py, near_senses.py; session 15 (precision 2): staffing_troubles.py
_SESSION_15 = (kept_jobs, describes_staff, court_officer, ruled_out, near_sense, staffing_trouble)


def told_in_passing(kind: str, sentence: Span, trigger: Span, text: str) -> bool:
    """Whether the ``kind`` trigger in ``sentence`` tells a peer's news after a contrast,
    or jobs the firm does not count (see the module's docstring); ``text``: the
    document's text."""
    if _after_contrast(sentence, trigger, text):
        return True
    if any(f(kind, sentence, trigger, text) for f in _SESSION_15):
        return True  # "with 38 of the 52 jobs retained", "appointed an administrator"
    start = clause_start(text, sentence, trigger)
    if _NO_DATE.search(text, start, sentence.end_char):
        return True  # "120 emplois supplémentaires, sans calendrier précis de recrutement"
    if kind == "contract" and _OFFTAKE.search(text, sentence.start_char, sentence.end_char):
        # "Part of the output is sold under a 15-year power purchase agreement with …"
        return _SIGNED.search(text, sentence.start_char, sentence.end_char) is None
    if kind == "partnership" and _JOINT_VENTURE.search(trigger.text):
        # "Chimirex holds 60% of the joint venture", "X-Y joint venture approves a plant"
        return _SET_UP.search(text, sentence.start_char, sentence.end_char) is None
    if kind != "hiring":
        return False
    if _STANDING.search(text, start, sentence.end_char):
        return True  # "nous recrutons en permanence"
    before = text[start : trigger.start_char]
    if _CONTRACTORS.search(before):
        return True  # "the building contractors will employ up to 250 people"
    said = text[sentence.start_char : sentence.end_char]
    if _A_TEAM.search_part(text, sentence.start_char, sentence.end_char) and not NUMBER.search(
        said
    ):
        return True  # "et y recrutera une équipe commerciale"
    if _abroad(sentence, trigger, text, before):
        return True  # "ouvrira une filiale à Boston et y recrutera une équipe commerciale"
    if _RELATIVE_PERFECT.search(text, sentence.start_char, trigger.start_char):
        return True  # "L'entreprise, qui a doublé ses effectifs en trois ans"
    if _HIRES_AGAIN.match(text[start : trigger.end_char]) and not NUMBER.search(said):
        return True  # "Les recrutements du nouveau site concerneront des profils de …"
    return _STUDY.search(said) is not None and _EXPECTED.search(said) is not None


def _after_contrast(sentence: Span, trigger: Span, text: str) -> bool:
    """A contrast that turns to other firms, before the trigger in its sentence or in the
    sentence before it in the same paragraph."""
    doc = sentence.doc
    # _CONTRAST's own words looked for in the document's text first (session 17): no part
    # cut out and lowered where none of them occurs
    if _CONTRASTING.may_match(doc, text, sentence.start_char, trigger.start_char) and (
        _CONTRAST.search(text[sentence.start_char : trigger.start_char])
    ):
        return True
    if sentence.start == 0:
        return False
    before = sentence_of(doc, sentence.start - 1)  # Token.sent walks the tokens
    if not _CONTRASTING.may_match(doc, text, before.start_char, sentence.start_char):
        return False
    between = text[before.start_char : sentence.start_char].rstrip()
    # only the part in the trigger's paragraph (the parser may run two paragraphs together)
    part = between[max((m.end() for m in _BREAK.finditer(between)), default=0) :]
    return _CONTRAST.search(part) is not None


def _abroad(sentence: Span, trigger: Span, text: str, before: str) -> bool:
    """Jobs "there" or in a subsidiary, in a sentence that names a place abroad."""
    there = (
        _THERE.search(before) is not None
        or _THERE_AFTER.match(text, trigger.end_char, sentence.end_char) is not None
        or _SUBSIDIARY.search_part(text, sentence.start_char, trigger.start_char) is not None
    )
    return there and names_abroad(text[sentence.start_char : sentence.end_char])
