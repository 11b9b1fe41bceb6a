"""The firms a legal notice names in its fields, as the notice writes them (session 14).

A notice names its firm in a labelled field, one a line ("Dénomination : MÉTALLERIE DU
LANDY", "Attributaire : Manche Enrobés", "Company: X SAS", "Debtor: X SARL, joinery …"),
and the recogniser reads its lines badly: it takes a field's label for a firm
("Dénomination", "Forme", "Activité"), runs a name into the next line ("MÉTALLERIE DU
LANDY\\nForme"), cuts a name in capitals at a word it takes for a place ("OPALE"), or finds
nothing. So, in a notice:

- the value of a name field, up to its line's end (or the legal details after a comma, a
  bracket), is a firm, found or not by the recogniser, written as the notice writes it
  (registry names are shown as the registry stores them: no case is changed);
- a label (a mention that opens a line and ends at the field's colon) is no firm, nor is a
  register number ("RCS Lorient 839 412 556");
- a part of a field's name found elsewhere (the title's "OPALE"), or a name holding it
  ("U Mulinu SAS - incorporation"), is that firm.

Anywhere, a firm's name found across a line's end stops at it: a line is a field, a title.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol, TypeVar

from myrtille.enrichment.notice_reading import notice_text

# A field whose value is the firm's name, at the start of its line or after a sentence's
# end ("… 976 747 006. Buyer: X").
_NAME_FIELD = re.compile(
    r"(?:^|(?<=[.;:] ))[ \t]*(?:d[ée]nomination(?:\s+sociale)?|raison\s+sociale|"
    r"soci[ée]t[ée]|entreprise|d[ée]biteur|attributaire|titulaire(?:\s+du\s+march[ée])?|"
    r"acqu[ée]reur|cessionnaire|nouvel\s+exploitant|company(?:\s+name)?|registered\s+name|"
    r"(?:name\s+and\s+address\s+of\s+the\s+)?(?:contractor|awardee)|name|debtor|buyer|"
    r"purchaser|transferee|"
    r"(?:successful|winning)\s+(?:tenderer|bidder))[ \t]*:[ \t]*",
    re.IGNORECASE | re.MULTILINE,
)
# Where a name's value ends: its line, its legal details (a comma, a bracket, a
# registration), a sentence, the label of a field run on the same line.
_VALUE_END = re.compile(
    r"\n|[,;(]|\.\s|\s[-–—]\s|\s(?:RCS|SIREN|SIRET|immatricul\w*|registered)\b|"
    r"\s+[A-ZÀ-Ý][\w'’ -]{0,30}?\s?:\s"
)
# A register's reference ("RCS Lorient 839 412 556", "SIREN 812 447 309"), the court or its
# registry office ("Greffe", "Orléans Commercial Court"), the bulletin: no firm.
_REGISTER = re.compile(
    r"(?:RCS|R\.C\.S\.|SIREN|SIRET|RM|BODACC|BOAMP|greffe|tribunal)\b|.*\bcourt$", re.IGNORECASE
)

# An address field, whose value names a street, a building, a business park ("Registered
# office: Unit 3, Alexandra Dock Business Centre, Hull", "Siège social : 2, rue Evenor-Dupont"):
# no firm the recogniser finds there is one, but a firm written with its form ("c/o Moorcroft
# Hale LLP") still is (session 16).
_ADDRESS = re.compile(
    r"^[ \t]*(?:registered\s+office(?:\s+address)?|principal\s+trading\s+address|"
    r"(?:business\s+)?address|adresse|si[èe]ge(?:\s+social)?)[ \t]*:",
    re.IGNORECASE | re.MULTILINE,
)

# A firm a notice names with its legal form, in whatever layout (session 15): before its name
# ("SARL Ty Malo.", "Précédent exploitant : SARL Les Embruns", "au profit de la SAS
# Charcuteries Normandes Réunies, 6 rue …"), after
# it ("MENUISERIE CAUSSE ROUGE SARL. RCS Rodez …", "awarded to Cotentin Levage SARL, 50100
# Cherbourg"), or after a comma ("HÔTEL DU PÂQUIER, SARL, RCS Annecy …", "Transports
# Vannetais Express, société par actions simplifiée"): a digest's paragraphs, a lot's
# winner, a buyer, a registry line, which no label announces. Not a professional firm's
# forms (SELARL, SELAS, SCP): the court's officers (liquidator, administrator), whom the
# sets' gold seldom lists and no event concerns.
# Session 16: a British firm's forms too, in the English summaries of the UK Gazette and
# Companies House ("CELLVIA UK LIMITED\n(Company Number …)", "Humber Insolvency
# Practitioners Ltd, 8 Whitefriargate"), a word in brackets of its name ("HORIZON FREIGHT
# FORWARDING (HULL) LIMITED"), and the town after "of" that ends an English firm's name
# ("Transmanche Sauvaget SAS of Le Havre").
_FORMS = (
    r"(?:SASU|SAS|SARL|EURL|SA|SCI|SNC|SCOP|SCEA|EARL|GAEC|LIMITED|Limited|LTD|Ltd|PLC|plc|LLP)"
)
_LINK = r"(?:de|du|des|la|le|les|et|of|and|sur|en|aux?)"
# A word in brackets inside a name, never its last ("X (Avignon)" is the firm's town).
_PAREN = r"\([A-ZÀ-ÖØ-Þ][\w'’-]*\)(?=[ \t]+[A-ZÀ-ÖØ-Þ&]|[ \t]+" + _LINK + r"[ \t])"
_WORD = rf"(?:[A-ZÀ-ÖØ-Þ][\w'’&-]*|[ldLD]['’][A-ZÀ-ÖØ-Þ][\w-]*|&|{_PAREN})"
_NAME = rf"{_WORD}(?:[ \t]+(?:{_LINK}[ \t]+)*{_WORD})*"
_STOP = r"(?=[ \t]*(?:[,.;:(\n]|$)|[ \t]+of[ \t]+[A-ZÀ-ÖØ-Þ])"
_FORM_NAMES = re.compile(
    rf"(?<![\w'’-])(?:{_FORMS}[ \t]+(?P<after>{_NAME}){_STOP}|"
    rf"(?P<before>{_NAME})(?:[ \t]+|,[ \t]+){_FORMS}{_STOP}|"
    rf"(?P<spelt>{_NAME}),[ \t]+soci[ée]t[ée][ \t]+(?:par[ \t]+actions[ \t]+simplifi[ée]e|"
    r"à[ \t]+responsabilit[ée][ \t]+limit[ée]e|anonyme|civile|en[ \t]+nom[ \t]+collectif)\b|"
    # session 16: a name on a line of its own, its form opening the next ("SNACK TI CASE\n
    # SARL au capital de 5 000 euros", "HARBOUR ROPES\nSAS with a share capital of …")
    rf"(?:^|(?<=\n))(?P<above>{_NAME})[ \t]*\n[ \t]*{_FORMS}"
    r"(?:[ \t]+(?:au[ \t]+capital|with[ \t]+(?:a[ \t]+)?(?:share[ \t]+)?capital)|"
    r"[ \t]*(?:[,\n]|$)))"
)
# Words a name so found may start with that are not the firm's ("The", a field's heading).
_NOT_NAME = re.compile(r"^(?:The|Buyer|Seller|Debtor|Company|Soci[ée]t[ée])[ \t]+")


def form_names(text: str) -> list[tuple[int, int]]:
    """Where the firms a notice names with their legal form stand in ``text``."""
    values = []
    for found in _FORM_NAMES.finditer(text):
        group = next(g for g in ("after", "before", "spelt", "above") if found.group(g))
        start, end = found.span(group)
        if lead := _NOT_NAME.match(text, start, end):
            start = lead.end()
        if end - start >= 3 and not _REGISTER.match(text[start:end]):
            values.append((start, end))
    return values


class _Mention(Protocol):
    company_id: str | None
    name: str
    start: int
    end: int
    how: str


M = TypeVar("M", bound=_Mention)


def field_names(text: str) -> list[tuple[int, int]]:
    """Where the name fields' values stand in the notice ``text``."""
    values = []
    for field in _NAME_FIELD.finditer(text):
        at = field.end()
        stop = _VALUE_END.search(text, at, at + 120)
        end = stop.start() if stop else min(len(text), at + 120)
        while end > at and text[end - 1] in " \t.\"'»”":
            end -= 1
        if end - at >= 2 and (text[at].isupper() or text[at].isdigit()):
            values.append((at, end))
    return values


def _label(mention: _Mention, text: str) -> bool:
    """Whether ``mention`` is a field's label: it opens its line and ends at a colon."""
    before = text[text.rfind("\n", 0, mention.start) + 1 : mention.start]
    return not before.strip() and text[mention.end : mention.end + 3].lstrip(" \t")[:1] == ":"


def _one_line(mention: M, text: str, make: Callable[..., M]) -> M | None:
    """An unlinked name across a line's end or into a bracket's words ("X (Avignon"), cut
    there (``None`` if nothing is left)."""
    line_end = text.find("\n", mention.start, mention.end)
    if line_end < 0 and ")" not in mention.name:
        line_end = text.find(" (", mention.start, mention.end)
    if mention.company_id or line_end < 0:
        return mention
    name = text[mention.start : line_end].rstrip()
    if not name:
        return None
    return make(None, name, mention.start, mention.start + len(name), mention.how)


def _address_values(text: str) -> list[tuple[int, int]]:
    """Where the address fields' values stand in ``text`` (each to its line's end)."""
    values = []
    for field in _ADDRESS.finditer(text):
        end = text.find("\n", field.end())
        values.append((field.end(), len(text) if end < 0 else end))
    return values


def read_fields(text: str, mentions: list[M], make: Callable[..., M]) -> list[M]:
    """``mentions`` (in order) with each name field's firm, and without its labels: see the
    module's docstring. ``make`` builds a mention (company id, name, start, end, how)."""
    if any("\n" in m.name or "(" in m.name for m in mentions):
        mentions = [c for m in mentions if (c := _one_line(m, text, make)) is not None]
    if ":" not in text or not notice_text(text):
        return mentions
    addresses = _address_values(text)
    kept = [
        m
        for m in mentions
        if m.company_id
        or not (
            _label(m, text)
            or _REGISTER.match(m.name.strip())
            or any(s <= m.start and m.end <= e for s, e in addresses)
        )
    ]
    added = []
    names = []
    fields = field_names(text)
    forms = [(s, e) for s, e in form_names(text) if not any(s < fe and fs < e for fs, fe in fields)]
    for start, end in sorted([*fields, *forms]):
        inside = [m for m in kept if m.start < end and start < m.end]
        if any(m.company_id for m in inside):
            continue  # the registry's firm, as the registry names it
        kept = [m for m in kept if m not in inside]
        added.append(make(None, text[start:end], start, end, "field"))
        names.append(text[start:end])
    if not added:
        return kept
    # A part of a field's firm named elsewhere ("OPALE" in the title) is that firm.
    folded = {n.casefold(): n for n in names}
    renamed = []
    for m in kept:
        part = m.name.casefold()
        whole = None
        if not m.company_id and len(part) > 3:
            whole = next((n for f, n in folded.items() if part in f or f in part), None)
        renamed.append(m if whole is None else make(None, whole, m.start, m.end, m.how))
    return sorted([*renamed, *added], key=lambda m: m.start)


__all__ = ["field_names", "form_names", "read_fields"]
