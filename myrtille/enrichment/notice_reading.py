"""A legal notice read as text: what its fields, its dates and its kind say (session 11).

A notice (a BODACC or BOAMP notice, or a summary of one, in either language) is written in
labelled fields, and the news path reads it sentence by sentence as it reads an article.
Four of its ways of writing mislead the article rules:

- its activity field states the firm's trade ("Activity: Acquisition, holding and
  management of assets", "Activité : achat et vente de véhicules"): no event of its own;
- a notice states the date of the act it publishes ("Judgment of 27 October 2026 opening
  receivership proceedings", "dissolution anticipée décidée par l'assemblée du 30 octobre
  2026"), always before its publication: that date is the news's, not a time of the past;
- a call for tenders ("Avis de marché", "Contract notice (call for tenders)", "Date limite
  de réception des offres") awards no contract yet, however much it speaks of one;
- a judgment closing proceedings ("jugement de clôture pour insuffisance d'actif") or
  approving a sale plan, unless the same judgment opens or converts proceedings, reports no
  new insolvency (notices.py: the convention both paths follow).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol, TypeVar

from spacy.tokens import Doc, Span

from myrtille.enrichment.cues import cued
from myrtille.enrichment.doctext import per_document, span_text, text_of
from myrtille.enrichment.notices import (
    debts_paid,
    sale_plan_only,
    struck_off,
    wound_up_by_members,
)

# A notice's own words near its top, or fields one a line ("Dénomination : X").
_NOTICE_WORDS = re.compile(
    r"\b(?:bodacc|boamp|annonce\s+n°|notice|avis\s+(?:de|d['’])\s?(?:march[ée]|attribution|"
    r"appel|constitution|dissolution|modification)|"
    # session 16: a newspaper's page of court notices ("Annonces légales – Tribunal de
    # commerce de X, jugements du …"), whose own words name no bulletin
    r"annonces?\s+l[ée]gales?|"
    # ... and the UK's official journal ("THE GAZETTE", "The London Gazette")
    r"(?:the|london|edinburgh|belfast)\s+gazette)\b",
    re.IGNORECASE,
)
_NOTICE_WORDS = cued(_NOTICE_WORDS, "bodacc boamp annonce notice avis gazette")
_FIELD_LINE = re.compile(r"^[^\n:]{2,40}\s?:\s", re.MULTILINE)


def notice_text(text: str) -> bool:
    """Whether ``text`` is a legal notice: its words near the top, or three field lines."""
    # Three field lines hold three colons: a text with fewer is not scanned line by line.
    return _NOTICE_WORDS.search(text, 0, 400) is not None or (
        text.count(":") >= 3 and len(_FIELD_LINE.findall(text)) >= 3
    )


@per_document
def _is_notice(doc: Doc) -> bool:
    return notice_text(text_of(doc))


# A field that states the firm's trade or corporate purpose.
_ACTIVITY_FIELD = re.compile(
    r"\b(?:activit[ée]s?(?:\s+principale)?|objet\s+social|activity|activities|"
    r"business\s+activity|corporate\s+purpose|(?:company['’]s\s+)?purpose)\s*:\s*",
    re.IGNORECASE,
)
# Where a field's value ends: its line, or a sentence that starts after it.
_VALUE_END = re.compile(r"\n|\.\s+(?=[A-ZÀ-Ý])")


def in_activity_field(trigger: Span) -> bool:
    """Whether ``trigger`` stands in a notice's activity field ("Activity: acquisition
    and management of holdings"): the firm's trade, no event."""
    doc = trigger.doc
    if not _is_notice(doc):
        return False
    text = text_of(doc)
    at = trigger.start_char
    line = text.rfind("\n", 0, at) + 1
    fields = list(_ACTIVITY_FIELD.finditer(text, line, at))
    if not fields:
        return False
    # The search runs one character into the trigger: a sentence that the trigger itself
    # opens ("Activity: hotels. Struck off the register") ends the value, and the
    # look-ahead for its capital must see that character.
    return _VALUE_END.search(text, fields[-1].end(), at + 1) is None


# A dated act: the judgment, the decision or the deed a notice publishes, with its date.
_DAY = r"\d{1,2}(?:er|st|nd|rd|th)?"
_DATE = (
    rf"(?:{_DAY}\s+[a-zéû]+\s+\d{{4}}|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|"
    rf"[A-Z][a-z]+\s+{_DAY},?\s+\d{{4}})"
)
_DATED_ACT = re.compile(
    r"\b(?:jugement|d[ée]cision|d[ée]lib[ée]ration|assembl[ée]e(?:\s+g[ée]n[ée]rale)?|AGE|AGO|"
    r"acte|ordonnance|proc[èe]s-verbal|judgment|judgement|decision|resolution|(?:general\s+)?"
    r"meeting|deed|order|ruling)\b[^.;\n]{0,50}?\b(?:du|en\s+date\s+du|of|dated|on)\s+"
    rf"{_DATE}|\bdate\s+du\s+jugement\s*:|\bdate\s+of\s+(?:the\s+)?judge?ment\s*:|"
    # The court as the actor, on its date ("On 27 October 2026 the Commercial Court of X
    # opened …", "le 27 octobre 2026, le tribunal de commerce de X a prononcé …").
    rf"\b(?:on|le)\s+{_DATE}\b[^.;\n]{{0,40}}?\b(?:court|tribunal)\b|"
    rf"\b(?:court|tribunal)\b[^.;\n]{{0,60}}?\b(?:on|le)\s+{_DATE}|"
    # The firm's end, dated (session 14): "was deregistered on 12 November 2026", "struck
    # off with effect from …", "radiée du RCS le …", "dissoute à compter du …".
    r"\b(?:struck\s+off|deregistered|removed\s+from\s+the\b[^.;\n]{0,40}?\bregist(?:er|ry)|"
    r"radi[ée]e?s?|dissolved|dissoute|wound\s+up)\b[^.;\n]{0,50}?\b(?:on|le|du|effective|"
    rf"(?:with\s+effect\s+)?(?:from|as\s+of)|à\s+compter\s+du)\s+{_DATE}",
    re.IGNORECASE,
)
# ... which a pluperfect or an earlier time makes an antecedent of the notice's news.
_EARLIER = re.compile(
    r"\b(?:had|avait|avaient|previously|pr[ée]c[ée]demment|ant[ée]rieurement|earlier)\b",
    re.IGNORECASE,
)


def dated_act(sentence: Span) -> bool:
    """Whether ``sentence`` is a notice's dated act ("Jugement du 27/10/2026 prononçant
    …", "Judgment of 24 November 2026 closing …"): its date, before the notice's
    publication, is the date of the news the notice publishes."""
    if not _is_notice(sentence.doc):
        return False
    text = span_text(sentence)
    return _DATED_ACT.search(text) is not None and _EARLIER.search(text) is None


# A call for competition: a contract yet to be awarded.
_CALL = re.compile(
    r"\bavis\s+de\s+march[ée]|\bavis\s+d['’]\s?appel\s+(?:public\s+)?(?:à\s+la\s+)?concurrence|"
    r"\bcontract\s+notice\b|\bcall\s+for\s+(?:tenders|bids|competition)|\binvitation\s+to\s+tender|"
    r"\bdate\s+limite\s+de\s+(?:r[ée]ception|remise)\s+des\s+(?:offres|plis|candidatures)|"
    r"\b(?:deadline|time\s+limit)\s+for\s+(?:the\s+)?(?:receipt|submission)\s+of\s+"
    r"(?:tenders|bids|offers|applications)",
    re.IGNORECASE,
)
# ... and the words of an award, which make the notice an award whatever else it says
# ("Critères d'attribution" and "Award criteria" are a call's).
_AWARD = re.compile(
    r"\battribu[ée]e?s?\b|\battributaire|\btitulaire|\bavis\s+d['’]\s?attribution|"
    r"\battribution\s+du\s+march[ée]|\bsection\s+v\s*:\s*attribution|\br[ée]sultat\s+de\s+march[ée]|"
    r"\bawarded\b|\baward\s+notice|\bcontract\s+award\b|\bcontractor\s*:|"
    r"\b(?:successful|winning)\s+(?:tenderer|bidder)|\blaur[ée]at",
    re.IGNORECASE,
)


def call_for_tenders(text: str) -> bool:
    """Whether the notice ``text`` calls for tenders and awards nothing yet."""
    return notice_text(text) and _CALL.search(text) is not None and _AWARD.search(text) is None


# A registered office moved to another court's register (session 14): the notice strikes
# the firm off the old register to enter it in the new one ("La société sera radiée du RCS
# de Nanterre et immatriculée au RCS de Bordeaux", "will be removed from the Nanterre
# register and registered in Bordeaux"): the firm goes on, unless the notice also ends it.
_MOVED_SEAT = re.compile(
    r"\btransf[ée]r\w*\s+(?:du\s+|le\s+|de\s+son\s+|son\s+)?si[èe]ge|"
    r"\btransfer\w*\s+(?:of\s+)?(?:the\s+|its\s+)?(?:registered\s+)?(?:office|seat|headquarters)",
    re.IGNORECASE,
)
# ... or entered in another register, which only a notice writes, whatever its layout.
_REGISTERED_ANEW = re.compile(
    r"\bimmatricul\w*\s+au\s+(?:rcs|registre)|"
    r"\bregistered\s+(?:with|at|in)\s+the\b[^.;\n]{0,40}?\bregist",
    re.IGNORECASE,
)
_ENDED = re.compile(
    r"\bdissol\w*|\bdissolution|\bliquidat\w*|\bwinding[- ]up|\bwound\s+up|\bcessation|"
    r"\bceas\w*\s+(?:trading|activity|operations)|\binsuffi\w*",
    re.IGNORECASE,
)


def moved_seat(text: str) -> bool:
    """Whether the notice ``text`` moves the firm's registered office and ends nothing: the
    striking-off it names is the old register's."""
    if _REGISTERED_ANEW.search(text) is None and not (
        notice_text(text) and _MOVED_SEAT.search(text) is not None
    ):
        return False
    return _ENDED.search(text) is None


# A digest of several notices (session 15): paragraphs that each open with a firm's name in
# capitals and its legal form ("MENUISERIE CAUSSE ROUGE SARL. RCS Rodez …", "2. LA TABLE DE
# VENCE SAS", "CRÊPERIE TI GWENN SARL\nRegistered office: …"), one notice each. What one
# notice says (every debt paid, a sale plan, a striking-off) tells nothing of the others.
# Session 16: the form before the name ("SARL BOULANGERIE DU VAL DE LOIRE, 14 rue …"), a
# name in capitals on a line of its own above its form ("SNACK TI CASE\nSARL au capital de
# …"), a name field on the paragraph's first or second line ("RCS X 538 614 902\nDénomination :
# JARRY FROID SERVICES", "Company name: X"), and a heading in capitals on the line above
# that says what the court decided ("PLAN DE CESSION\n", "CLÔTURE POUR INSUFFISANCE
# D'ACTIF\n"; part of its notice). A paragraph under such a heading that opens with no
# firm ("PLAN DE CESSION\nJugement arrêtant le plan de cession de la SAS X …") is a notice
# of its own too, whose firm its sentences name.
_CAPS = r"A-ZÀ-ÖØ-Þ"
_HEADING = rf"[{_CAPS}][{_CAPS}0-9'’ -]{{2,80}}\n"
_ENTRY_FORMS = r"(?:SASU|SAS|SARL|EURL|SA|SNC|SCI|SCOP)"
_DIGEST_ENTRY = re.compile(
    r"(?:\A|\n[ \t]*\n)[ \t]*(?:\d{1,2}[.)][ \t]+)?"
    rf"(?=(?:{_HEADING})?[ \t]*(?:"
    rf"(?P<firm>[{_CAPS}][{_CAPS}0-9'’&. -]{{2,80}}?)[ \t]{_ENTRY_FORMS}\b|"
    rf"{_ENTRY_FORMS}[ \t]+(?P<lead>[{_CAPS}][{_CAPS}0-9'’&. -]{{2,80}}?)[ \t]*[,(]|"
    rf"(?P<above>[{_CAPS}][{_CAPS}0-9'’&. -]{{2,80}}?)[ \t]*\n[ \t]*{_ENTRY_FORMS}\b|"
    r"(?:[^\n:]*\n[ \t]*)?(?i:d[ée]nomination(?:\s+sociale)?|raison\s+sociale|company\s+name|"
    r"registered\s+name)[ \t]*:[ \t]*(?P<named>[^\n]{2,80}?)[ \t]*\n)"
    rf"|(?P<heading>{_HEADING}))"
)


# A digest notice's events that are always its own firm's.
_OWN_EVENTS = frozenset({"insolvency", "closure", "leadership"})


def digest_parts(text: str) -> list[tuple[int, int]]:
    """Where each notice of a digest stands in ``text`` (none unless two or more)."""
    return [(start, end) for start, end, _ in _digest(text)]


def _entry_firm(entry: re.Match[str]) -> str | None:
    """The firm a digest's notice opens with, however written (``None``: a heading only)."""
    return next((entry[g].strip() for g in ("firm", "lead", "above", "named") if entry[g]), None)


def _digest(text: str) -> list[tuple[int, int, str | None]]:
    """Each notice of a digest: where it stands, the firm it opens with (``None``: a heading
    over a paragraph that opens with no firm)."""
    entries = [(m.end(), _entry_firm(m)) for m in _DIGEST_ENTRY.finditer(text)]
    if sum(firm is not None for _, firm in entries) < 2:
        return []
    ends = [start for start, _ in entries[1:]] + [len(text)]
    return [(start, end, firm) for (start, firm), end in zip(entries, ends, strict=True)]


def dropped(kind: str, text: str) -> bool:
    """Whether the document ``text`` reports no new event of ``kind`` whatever its
    sentences say: an insolvency over (every debt paid), sold off, or the cause of a
    striking-off; a closure that is only the proceedings' own, every debt paid; a contract
    only called for. A digest's notices are judged one by one (``paired``)."""
    if kind in ("insolvency", "closure") and digest_parts(text):
        return False
    return _dropped(kind, text)


def _dropped(kind: str, text: str) -> bool:
    if kind == "insolvency":
        return (
            sale_plan_only(text)
            or debts_paid(text)
            or struck_off(text)
            or (wound_up_by_members(text) and notice_text(text))
        )
    if kind == "closure":
        # Proceedings closed with every debt paid: the firm goes on, and the "clôture" of
        # the procedure is no closure of the firm (unless the notice strikes it off).
        return (debts_paid(text) and not struck_off(text)) or moved_seat(text)
    if kind == "contract":
        return call_for_tenders(text)
    return False


# A liquidation closed for want of assets ("clôture pour insuffisance d'actif", "closed for
# insufficiency of assets", "for lack of assets"): the convention of the sets is both the
# insolvency judgment and the firm's closure (notices.py).
_WANT_OF_ASSETS = re.compile(
    r"\binsuffisance\s+d['’]\s?actifs?\b|\binsufficien(?:t|cy\s+of)\s+assets\b|"
    r"\b(?:lack|want|absence)\s+of\s+(?:sufficient\s+)?assets\b",
    re.IGNORECASE,
)
_PAIR = ("insolvency", "closure")


class _Typed(Protocol):
    type: str
    company_id: str | None


T = TypeVar("T", bound=_Typed)


class _Placed(_Typed, Protocol):
    start: int
    company: str | None


P = TypeVar("P", bound=_Placed)


def paired(events: Sequence[P], text: str) -> list[P]:
    """``events`` with the other half of a notice's closing for want of assets (``_paired``);
    in a digest, notice by notice, each event dropped as its own notice says (``dropped``)."""
    parts = _digest(text) if notice_text(text) else []
    if not parts:
        return _paired(events, text)
    kept: list[P] = [e for e in events if not any(s <= e.start < t for s, t, _ in parts)]
    for start, end, firm in parts:
        notice = text[start:end]
        mine = [e for e in events if start <= e.start < end and not _dropped(e.type, notice)]
        # A judgment on a firm, a change of its officers, is the firm's its notice opens with
        # (not a place of its address the recogniser took for a firm), unless the registry
        # links another; an event whose sentence names no firm is that firm's too.
        mine = [
            e
            if firm is None or e.company_id or (e.company and e.type not in _OWN_EVENTS)
            else replace(e, company=firm)  # type: ignore[type-var]
            for e in mine
        ]
        kept.extend(_paired(mine, notice, in_notice=True))
    return sorted(kept, key=lambda e: e.start)


def _paired(events: Sequence[T], text: str, in_notice: bool = False) -> list[T]:
    """``events`` with the other half of a notice's closing for want of assets (session 14):
    a notice that closes a liquidation for want of assets reports the insolvency judgment and
    the firm's closure, however its sentences word it ("closure of the judicial liquidation
    proceedings for insufficient assets" reads as a closure only, "la clôture de la
    procédure de liquidation judiciaire" as an insolvency over), unless it strikes the firm
    off (the closure alone) or says every debt was paid (neither)."""
    found = [e for e in events if e.type in _PAIR]
    if not found or len({e.type for e in found}) == 2:
        return list(events)
    if not (in_notice or notice_text(text)):
        return list(events)
    if _WANT_OF_ASSETS.search(text) is None or struck_off(text) or debts_paid(text):
        return list(events)
    if wound_up_by_members(text):
        return list(events)
    source = next((e for e in found if e.company_id), found[0])
    other = _PAIR[1] if source.type == _PAIR[0] else _PAIR[0]
    at = list(events).index(source)
    return [*events[: at + 1], replace(source, type=other), *events[at + 1 :]]  # type: ignore[type-var]
