"""Events of legal notices (BODACC): the notice family says what happened, and the
wording of "modification" notices, which is regulated, says which change it was."""

from __future__ import annotations

import re

# Families whose event is known from the family alone.
FAMILY_EVENTS = {
    "collective": ["insolvency"],
    "creation": ["investment"],
    "vente": ["acquisition"],
    "radiation": ["closure"],
}
# Regulated wording of notices -> further events.
WORDING_EVENTS = [
    (
        re.compile(r"capital (?:social )?(?:est )?port[ée]|augmentation (?:du|de) capital", re.I),
        "fundraising",
    ),
    (
        re.compile(
            r"\b(?:administration|nomination|g[ée]rant|pr[ée]sident|directeur|"
            r"directrice|dirigeant)\b",
            re.I,
        ),
        "leadership",
    ),
    (re.compile(r"\bdissolution\b", re.I), "closure"),
    # A liquidation closed for want of assets: the firm is gone (session 8).
    (re.compile(r"insuffisance d['’]actif", re.I), "closure"),
    # A secondary establishment created or opened (session 8).
    (
        re.compile(
            r"(?:cr[ée]ation|ouverture) d['’]un [ée]tablissement secondaire|"
            r"[ée]tablissement secondaire (?:cr[ée]{2}|ouvert)",
            re.I,
        ),
        "investment",
    ),
]


def notice_event_types(family: str, text: str) -> list[str]:
    """Event types of a notice from its family and its wording, in a stable order."""
    types = list(FAMILY_EVENTS.get(family, []))
    if family == "collective" and _SALE_PLAN.search(text):
        # A judgment approving a sale plan: the buyer's acquisition, and no insolvency
        # unless the same judgment opens or converts the proceedings (``sale_plan_only``,
        # the convention the news path follows too; session 10).
        types = [t for t in types if t != "insolvency" or not sale_plan_only(text)]
        types.append("acquisition")
    for pattern, kind in WORDING_EVENTS:
        if kind not in types and pattern.search(text):
            if kind == "leadership" and family != "modification":
                continue  # a judgment names administrators; that is no change of leader
            types.append(kind)
    return types


# A court-approved sale plan ("jugement arrêtant le plan de cession … au profit de",
# "approving the plan for the sale of the business to"): a judgment within proceedings
# opened earlier, whose news is the buyer's takeover (session 9, news8-news10 authors).
_SALE_PLAN = re.compile(
    r"arr[êe]t\w* (?:le |un )?plan de cession|plan de cession\b[^.]*\bau profit d|"
    r"\bsale plan\b|plan for the sale of|approv\w* the sale of|"
    # A sale the court orders ("ordonne la cession de l'entreprise", "cession totale
    # ordonnée au profit de"; session 10): the same judgment in other words.
    r"\bordonn\w* la cession\b|\bcession (?:[\w'’]+ ){0,3}?ordonn[ée]e",
    re.I,
)
# ... unless the same text opens the proceedings or turns them into a liquidation.
_OPENS = re.compile(
    r"jugement d['’]ouverture|\bouvr(?:ant|e) (?:une|la) proc[ée]dure|"
    r"\bprononçant (?:la )?(?:liquidation|conversion|redressement)|\bconversion en liquidation|"
    r"\bconverti(?:ssant|t)\b|\bconvert(?:ing|ed|s)\b[^.]*\binto\b|\bopening (?:of )?"
    r"(?:the )?(?:receivership|insolvency|liquidation|proceedings)|"
    # The same judgment liquidates the seller ("a prononcé la liquidation", "placed the
    # company into liquidation and approved the sale …"; session 10).
    r"\bprononc\w* (?:la )?liquidation|\bplac(?:ed|ing|es)\b[^.]{0,40}?\bin(?:to)? "
    r"(?:judicial |compulsory )?liquidation",
    re.I,
)


def sale_plan_only(text: str) -> bool:
    """Whether ``text`` reports a court-approved sale plan and opens no proceedings: the
    insolvency it names is background, the news the buyer's acquisition."""
    return _SALE_PLAN.search(text) is not None and _OPENS.search(text) is None
