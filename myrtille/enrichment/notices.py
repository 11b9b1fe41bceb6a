"""Events of legal notices (BODACC): the notice family says what happened, and the
wording of "modification" notices, which is regulated, says which change it was.

A judgment closing a liquidation for want of assets ("jugement de clôture pour
insuffisance d'actif") is both the firm's closure and an insolvency judgment: BODACC files it
among the collective proceedings, which is where a subscriber to insolvencies looks, and the
evaluation sets' authors split between the two readings (session 11 kept both). A closing
for every debt paid ("extinction du passif") is neither: the firm goes on."""

from __future__ import annotations

import re

# Families whose event is known from the family alone.
FAMILY_EVENTS = {
    "collective": ["insolvency"],
    "creation": ["investment"],
    "vente": ["acquisition"],
    "radiation": ["closure"],
    # A BOAMP award ("Résultat de marché", the API's nature "ATTRIBUTION"): a contract won,
    # its winner's; a call for tenders ("Avis de marché") awards nothing (session 11).
    "résultat de marché": ["contract"],
    "attribution": ["contract"],
    "avis d'attribution": ["contract"],
}
# Families whose event belongs to a firm the notice's fields name, never to the notice's
# own firm (a BOAMP notice's is its buyer, a public body).
AWARD_FAMILIES = frozenset({"résultat de marché", "attribution", "avis d'attribution"})
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
    if family == "collective" and debts_paid(text):
        types.remove("insolvency")
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
    r"(?:judicial |compulsory )?liquidation|"
    # The noun in English ("conversion of the receivership into judicial liquidation";
    # session 11).
    r"\bconversion of (?:the )?(?:receivership|administration|safeguard|proceedings)\b"
    r"[^.;]{0,40}?\binto\b",
    re.I,
)


def sale_plan_only(text: str) -> bool:
    """Whether ``text`` reports a court-approved sale plan and opens no proceedings: the
    insolvency it names is background, the news the buyer's acquisition."""
    return _SALE_PLAN.search(text) is not None and _OPENS.search(text) is None


# A judgment closing proceedings because every debt was paid: the firm goes on, so neither
# an insolvency nor a closure is news (a closing for want of assets keeps both: above).
_DEBTS_PAID = re.compile(
    r"\bextinction du passif\b|"
    r"\b(?:closing|closed|closure of)\b[^.;]{0,60}?\bproceedings\b[^.;]{0,40}?"
    r"\b(?:all|every|its) (?:debts?|liabilities) (?:having been |were |was )?(?:paid|settled)|"
    r"\bfor (?:the )?(?:extinguishment|discharge|settlement) of (?:all )?(?:debts|liabilities)\b",
    re.I,
)


# A striking-off ("Radiation du registre du commerce … à la suite du jugement de clôture",
# "struck off the register"): the firm's end is the notice's news, the judgment it cites
# is its cause, told before.
_STRUCK_OFF = re.compile(
    r"\bradiation (?:du registre|du rcs|d['’]office)\b|\bstruck off\b|\bstrik(?:ing|e)-off\b|"
    r"\bremoved from the (?:trade and companies |companies )?regist(?:er|ry)\b|"
    # session 14: the participle, the noun of removal, a deregistration ("radiée d'office",
    # "radiée du RCS", "removal from the register", "struck from the register",
    # "deregistered")
    r"\bradi[ée]e?s? (?:d['’]office|du (?:registre|rcs))\b|\bstrik(?:ing|e) off\b|"
    r"\bremoval from the (?:[\w-]+ ){0,4}?regist(?:er|ry)\b|"
    r"\bstruck from the (?:[\w-]+ ){0,4}?regist|\bderegist(?:ered|ration)\b",
    re.I,
)


def struck_off(text: str) -> bool:
    """Whether ``text`` reports a firm struck off the register and opens no proceedings."""
    return _STRUCK_OFF.search(text) is not None and _OPENS.search(text) is None


# A firm its own members wind up (session 14): an amicable liquidation, an early dissolution,
# a winding-up its shareholders decide ("Dissolution anticipée décidée par l'associé unique",
# "liquidateur amiable", "members' voluntary winding-up", "completion of the winding-up
# decided by the sole shareholder", "the shareholders resolved to wind up the company"): the
# firm's closure, no insolvency, whatever the notice calls its liquidation.
_VOLUNTARY_END = re.compile(
    r"\bliquidat(?:ion|eur) amiable\b|\bdissolution anticip[ée]e\b|"
    r"\b(?:dissolution|liquidation)\b[^.;\n]{0,60}?\bd[ée]cid[ée]e? par (?:l['’]|les? |la )"
    r"(?:associ|assembl|actionnaire)|"
    r"\b(?:voluntary|amicable|solvent) (?:winding[- ]up|liquidation|dissolution)\b|"
    r"\bmembers['’]? (?:voluntary )?(?:winding[- ]up|liquidation)\b|\bearly dissolution\b|"
    r"\b(?:winding[- ]up|liquidation|dissolution)\b[^.;\n]{0,60}?\b(?:decided|resolved|approved|"
    r"voted) (?:on |by |upon )[^.;\n]{0,40}?\b(?:shareholders?|members?|partners?|"
    r"general meeting)\b|"
    r"\b(?:shareholders?|members?|partners?|general meeting)\b[^.;\n]{0,40}?\b(?:resolved|"
    r"decided|voted|agreed) (?:to wind up|to dissolve|to liquidate|(?:on |upon )?the "
    r"(?:early |voluntary )?(?:winding[- ]up|dissolution|liquidation))",
    re.I,
)
# ... unless a court's proceedings are named: the firm is insolvent after all.
_COURT_PROCEEDINGS = re.compile(
    r"\bliquidation judiciaire|\bredressement judiciaire|\bproc[ée]dure (?:collective|de "
    r"sauvegarde)|\bcessation des paiements|\bjudicial liquidation|\bcompulsory "
    r"(?:liquidation|winding[- ]up)|\breceivership|\bsafeguard proceedings|\bwinding[- ]up "
    r"order|\binsolvency proceedings|\badministration order|\binsolvent\b|\bbankrupt|\bfaillite",
    re.I,
)


def wound_up_by_members(text: str) -> bool:
    """Whether ``text`` reports a firm its members wind up (an amicable liquidation, an early
    dissolution) and no court proceedings: its liquidation is no insolvency."""
    return _VOLUNTARY_END.search(text) is not None and _COURT_PROCEEDINGS.search(text) is None


def debts_paid(text: str) -> bool:
    """Whether ``text`` reports proceedings closed with every debt paid and opens none: the
    insolvency it names is over, and the firm goes on."""
    return _DEBTS_PAID.search(text) is not None and _OPENS.search(text) is None
