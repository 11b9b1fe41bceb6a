"""The home of the firm a document is about: a place that describes a firm the title
names ("Sillage in talks over Lorient shipyard" ... "Sillage, the Toulon builder of patrol
boats"; "Paris cloud software firm Tessaly"; "L'éditeur parisien de logiciels Tessaly") is
where the news's firm is, never a place in passing, however strongly the title names
another region. So is a paragraph's dateline or setting ("Charleville-Mézières. La Fonderie
Marchal poursuit...", "Saint-Nazaire — Éolia Marine a été retenue", "In Calais, the lace
maker..."): a round-up's news each; a site of the firm's, now or to come ("son agence
d'Angers", "will open a workshop in Angers", "its second plant in Vienne"); and an address
("56100 Lorient": a notice's winner, buyer or court), a town with its department in brackets
("Dijon (Côte-d'Or)") or after a trade register ("RCS Dijon"): stated, never in passing."""

from __future__ import annotations

import re

from myrtille.enrichment.placechoice import addressed, stated
from myrtille.enrichment.placenames import PlaceName
from myrtille.enrichment.rule_gates import holds_word

# A place opening a paragraph, then a full stop, a colon or a dash.
_PARAGRAPH_START = re.compile(r"\n[ \t]*$")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\.|:|—|–|-\s)")
# "In Calais, ...", "À Porto-Vecchio, ...", "Dans le Jura, ...": a paragraph opening on
# where its news happens (every such opening of the tuning set, 16, is gold).
_IN_PARAGRAPH_START = re.compile(
    r"\n[ \t]*(?:In|At|À|A|En|Au|Dans\s+(?:le|la|les|l['’]))\s*(?:l['’]|la\s|le\s|the\s)?\s*$"
)
_SETTING_AFTER = re.compile(r"[ \t]*(?:\([^)\n]{1,40}\)\s*)?,")
_NAME = re.compile(r"\b[A-ZÀ-Ý][\w’'-]{2,}")
# "Sillage, the Toulon builder", "Tessaly, l'éditeur parisien": an apposition after the
# name, the place in it.
_APPOSITION = re.compile(
    r",\s+(?:the|a|an|le|la|l['’]|un|une)\s*[^,.;:!?()«»\"“”\n]{0,40}", re.IGNORECASE
)
# "Paris cloud software firm Tessaly", "le toulonnais Sillage", "L'éditeur parisien de
# logiciels de gestion Tessaly": the place, lowercase words, then the name.
_BEFORE_NAME = re.compile(r"(?:[-‐]based)?(?:\s+[a-zà-ÿ'’-]+){0,6}\s+$")
# Words that end the phrase: a relative clause or another party ("the Clermont-Ferrand
# carpenter which Vernay acquired", "supplied by Sillage").
_OTHER_CLAUSE = frozenset(
    {"which", "that", "who", "whom", "whose", "where", "qui", "que", "dont", "où", "and", "et"}
    | {"by", "par", "with", "avec", "for", "pour", "to", "from", "chez", "of"}
)


# "Maison Lefèvre, basée à Paris, reprend...", "The company, based in the Isère town...":
# the home of a title's firm or of the firm a sentence opens on by its kind alone (the
# news's, named before), in apposition.
_BASED = (
    r",\s+(?:(?:based|headquartered)\s+(?:in|at|near)(?:\s+the)?"
    r"|(?:basée?s?|installée?s?|implantée?s?)\s+(?:à|au|aux|en|dans\s+(?:le|la|les|l['’])))"
    r"\s*(?:l['’]|la\s+|le\s+)?$"
)
_BASED_FIRM = re.compile(_BASED, re.IGNORECASE)
_BASED_SUBJECT = re.compile(
    r"(?:^|[.!?]\s+|\n\s*)(?:The\s+(?:company|group|firm)|(?:Le|Ce)\s+groupe|La\s+société"
    r"|L['’]entreprise)" + _BASED
)
# The participle, as written, in every match of _BASED_SUBJECT (it ignores no case).
_BASED_HELD = ("based", "headquartered", "basé", "installé", "implanté")


def title_firms(text: str, names: list[PlaceName], title_end: int) -> set[str]:
    """The capitalised words of the title that are no place of ``names``: the firms it may
    name (read once per document, not once per place)."""
    places = {n.text for n in names}
    return {m.group() for m in _NAME.finditer(text, 0, title_end)} - places


def subject_home(text: str, name: PlaceName, firms: set[str], title_end: int) -> bool:
    """Whether ``name`` (after the title) describes one of ``firms``, the firms the title
    names (``title_firms``), or the firm a sentence opens on by its kind ("Le groupe, basé
    à Montpellier, ...")."""
    if name.start < title_end:
        return False
    before = text[max(name.start - 80, title_end) : name.start]
    if any(word in before for word in _BASED_HELD) and _BASED_SUBJECT.search(before):
        return True
    for firm in firms:
        at = before.rfind(firm)
        if at >= 0 and (
            _APPOSITION.fullmatch(before, at + len(firm))
            or _BASED_FIRM.fullmatch(before, at + len(firm))
        ):
            return True
    after = text[name.end : name.end + 80]
    for firm in firms:
        at = after.find(firm)
        if at > 0 and _BEFORE_NAME.fullmatch(after, 0, at):
            return not _OTHER_CLAUSE & set(after[:at].lower().split())
    return False


def paragraph_dateline(text: str, name: PlaceName, title_end: int) -> bool:
    """Whether ``name`` opens a paragraph after the title as its dateline ("Metz. ...",
    "In Calais, the lace maker ...", "À Rochefort, en Charente-Maritime, les Ateliers ...")."""
    if name.start < title_end:
        return False
    if _PARAGRAPH_START.search(text, 0, name.start):
        return bool(_DATELINE_AFTER.match(text, name.end))
    return bool(_IN_PARAGRAPH_START.search(text, max(name.start - 20, 0), name.start)) and bool(
        _SETTING_AFTER.match(text, name.end)
    )


# "l'usine de Bourges", "son agence d'Angers", "ouvrir une antenne à Lorient", "its plant
# in Vitré": a site of the firm's, now or to come (a year, "l'an dernier", "ago" or a
# rival in the sentence make it history or another firm's: "avait racheté en 2019 un
# atelier dans le Jura").
_SITE = re.compile(
    r"\b(?:son|sa|ses|its|leur|leurs|une?|an?|l['’]|the|the\s+(?:company|group|firm)['’]s)\s*"
    # "its second plant", "sa nouvelle usine", "the company's main hub": a closed list of
    # words between, so that "the company's two other workshops" stays out.
    r"(?:(?:second|seconde|deuxième|third|troisième|new|nouvel|nouvelle|nouveau|main|future?)"
    r"\s+)?(?:usines?|ateliers?|agences?|antennes?|plants?|factory|factories|workshops?"
    r"|branch|hub|succursale)\b"
    r"[^.,;:!?()«»\n]{0,40}$",
    re.IGNORECASE,
)
# A site's word, case ignored, in every match of _SITE.
_SITE_HELD = ("usine", "atelier", "agence", "antenne", "plant", "factor", "workshop", "branch")
_SITE_HELD += ("hub", "succursale")
_HISTORY = re.compile(
    r"\b(?:1[89]\d\d|20\d\d|an dernier|il y a|ago|last year|concurren\w*|rivals?|competitors?"
    # or hypothesis: "reports that the group might buy a second plant near Angers".
    r"|might|could|pourrai\w*|rumou?rs?|rumeurs?)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?\n]")


def own_site(text: str, name: PlaceName, title_end: int) -> bool:
    """Whether ``name`` (after the title) is where a site of the firm is or will be."""
    if name.start < title_end:
        return False
    window = max(name.start - 60, 0)
    if not holds_word(text[window : name.start], _SITE_HELD):
        return False
    if not _SITE.search(text, window, name.start):
        return False
    start = max(text.rfind(".", 0, name.start), text.rfind("\n", 0, name.start)) + 1
    end = _SENTENCE_END.search(text, name.end)
    return not _HISTORY.search(text, start, end.start() if end else len(text))


def keep_homes(
    kept: list[PlaceName], names: list[PlaceName], text: str, title_end: int
) -> list[PlaceName]:
    """``kept`` (the places left after those in passing) with every home of the title's
    firm and every paragraph dateline of ``names`` as found (department and all)."""
    by_start = {n.start: n for n in kept}
    firms: set[str] | None = None
    for name in names:
        # Kept as found already: these rules could only put it back where it is (most
        # names of most texts; the title's firms are read once one is not).
        if by_start.get(name.start) is name:
            continue
        if firms is None:
            firms = title_firms(text, names, title_end)
        if (
            subject_home(text, name, firms, title_end)
            or paragraph_dateline(text, name, title_end)
            or own_site(text, name, title_end)
            or addressed(text, name.start)
            or stated(text, name.start, name.end, name.place)
        ):
            by_start[name.start] = name
    return sorted(by_start.values(), key=lambda n: n.start)
