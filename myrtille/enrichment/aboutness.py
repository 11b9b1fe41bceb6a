"""What a document is about, beyond each trigger's own words (issue 14, session 4).

Rules read off the tuning set's extra events, each a way the press writes anywhere:

- a deal lost, shelved or still being negotiated is no event of its kind: "la perte d'un
  contrat de distribution", "after losing the town's bus contract", "has put on hold a
  planned extension", "a gelé son projet d'usine", "has entered exclusive negotiations to
  buy" (the sale is not done; the press reports it when it is); so is a renewal "in
  discussions" or that a firm "négocie" (session 12, traps14); and, session 14 (news15's
  wire rumours), talks whose purpose is the deal however they are qualified or opened ("is
  in advanced talks to buy", "has opened talks to acquire", "a entamé des pourparlers pour
  racheter", "poursuit les négociations pour reprendre") or a deal only neared ("is close
  to a deal to buy");
- what is feared has not happened ("les chefs d'entreprise redoutent un impact sur leurs
  recrutements", "hauliers fear the closure of the bridge");
- the closure or insolvency of a firm tied to the subject, with any determiner ("la
  fermeture d'une usine cliente", "the liquidation of a German customer"), is that firm's
  news (session 7; ties.py reads the possessive ones);
- a leader elected at the head of a trade body ("élu président de la fédération du BTP",
  "named chairman of the chamber of commerce") heads no firm: no change at a company;
- a distribution deal with a seller abroad is an export ("a signé un accord de
  distribution avec un grand magasin de Valence"), not a partnership, unless the text
  calls it one ("a distribution partnership"); since session 6 also when no export was
  read in its sentence, if the sentence names a place abroad;
- a contract that is a distribution deal, or a supply deal with a seller (a retailer, an
  importer, a wholesaler), in a sentence that reads an export ("a signé un contrat de
  distribution de deux ans avec un importateur texan", "under a two-year supply deal with
  a Polish supermarket chain") is that export, not a contract won: so the authors of news4 to
  news10 label it (a contract in none of 18 such documents; in 3 of 7 in the older sets;
  session 9);
- when the top of a document reports a contract won, the plant, line or building it
  names is the buyer's project, the work contracted ("a remporté le lot gros œuvre du
  nouveau bâtiment", "construction is due to start next summer"), not an investment of
  the firm, unless the top also reports one apart from the contract or the sentence says
  the firm invests; since session 10 not when it says the contract or the project
  "represents" an investment (its value, not the firm's spending).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

from myrtille.enrichment.abroad import names_abroad
from myrtille.enrichment.cues import cued
from myrtille.enrichment.pattern_words import gated

# A loss said just before a contract's trigger: the contract went to someone else.
_LOST = re.compile(
    r"\b(?:pert(?:e|es)|perd(?:u|ue|ait|ent|re)?|lost|los(?:e|es|ing)|loss)\b"
    r"[^,;:.]{0,40}\Z",
    re.IGNORECASE,
)
# A project stopped or a sale under negotiation, said before the trigger in its clause.
_HALTED = re.compile(
    r"\b(?:put\s+on\s+hold|on\s+hold|shelv(?:e|es|ed|ing)|scrap(?:s|ped|ping)?|"
    r"cancel(?:s|led|ed|ling|ing)?|abandon(?:s|ed|ing)?|call(?:s|ed|ing)?\s+off|"
    r"(?:discussions?|pourparlers|talks)\s+(?:de|d['’]|sur|en\s+vue\s+d['’]|over|about)|"
    r"mis(?:e|es)?\s+en\s+(?:pause|sommeil|suspens|attente|veille)|"
    r"(?:met|mettent|mettre)\s+en\s+(?:pause|sommeil|suspens|attente|veille)|"
    r"g[eè]l(?:e|ent|é|ée|és|ées|er)|abandonn\w*|renonc\w*\s+[àa]|annul\w*|"
    r"n[ée]gociations?\s+exclusives?|exclusive\s+(?:talks|negotiations)|"
    r"(?:entered|enter(?:s|ing)?)\s+(?:into\s+)?negotiations|"
    r"(?:entr[ée]\w*|est|sont)\s+en\s+n[ée]gociations?|"
    # session 12: 'was "in discussions" with the navy about renewing its contract',
    # "négocie le renouvellement de son contrat"
    r"in\s+(?:discussions?|negotiations?)|n[ée]goci(?:e|ent|ait|aient)\s+(?:actuellement\s+|"
    r"encore\s+|toujours\s+|par\s+ailleurs\s+)?(?:le|la|les|l['’]|son|sa|ses|un|une)|"
    # session 14: talks whose purpose is the deal, whatever qualifies them or opens them
    # ("is in advanced talks to buy", "has opened talks to acquire", "in the final stages
    # of talks to take over", "a entamé des pourparlers pour racheter", "poursuit les
    # négociations pour reprendre"), or a deal only neared ("is close to a deal to buy")
    r"(?:talks|negotiations|discussions|pourparlers|n[ée]gociations?)\s+"
    r"(?:(?:[\w-]+\s+){0,3}?(?:to|pour|afin\s+de|en\s+vue\s+de)|(?:on|over|about|sur)\s+"
    r"(?:a|an|the|its|un|une|le|la|l['’]|son|sa)?\s*(?:possible|potential|[ée]ventuel(?:le)?)?)|"
    r"(?:(?:is|are|was|were)\s+negotiating|(?:close|closer|near|nearing)\s+(?:to\s+)?"
    r"(?:a|an|the)\s+(?:deal|agreement))|"
    r"(?:is|are|was|were)\s+in\s+(?:[\w-]+\s+){1,2}?(?:talks|negotiations|discussions))\b",
    re.IGNORECASE,
)
_HALTED = gated(_HALTED)  # session 18: only where one of its words is
# A fear or a worry said before the trigger: what is feared has not happened ("redoutent un
# impact sur leurs recrutements", "fear the closure of the plant").
_FEARED = re.compile(
    r"\b(?:redout\w*|craign\w*|crain(?:s|t|te|tes)|fear(?:s|ed|ing)?|dread\w*|"
    r"worr(?:y|ies|ied|ying)\s+(?:about|over|that)|s['’]\s?inqui[èe]t\w*)\b",
    re.IGNORECASE,
)
_FEARED = cued(_FEARED, "redout craign crain fear dread worr inqui")
# session 7: a firm tied to the subject, as the complement of its closure or
# insolvency with any determiner ("la fermeture d'une usine cliente", "the closure of a
# customer's plant", "la liquidation d'un gros client"): that firm's news, not the subject's.
_TIES = (
    r"(?:cliente?s?|customers?|clients?|fournisseurs?|suppliers?|concurrente?s?|competitors?|"
    r"rivale?s?|rivals?|sous-traitants?|subcontractors?|donneurs?\s+d['’]\s?ordres?)\b"
)
_TIED_PATIENT = re.compile(
    r"\s*(?:(?:[\w-]+\s+)?(?:de|d['’]|du|des|of)\s*(?:(?:un|une|a|an|the|le|la|l['’]|les|"
    r"ce|cette|this|"
    r"that|one\s+of\s+the|l['’]\s?un\s+de\s+(?:ses|leurs|nos))\s*)?"
    r"(?:[\w-]+\s+){0,2}?)?" + _TIES,
    re.IGNORECASE,
)
_TIED_JOINED = re.compile(r"\s*(?:[\w-]+\s+){0,2}?" + _TIES, re.IGNORECASE)
_ENDS_ON_DETERMINER = re.compile(
    r"(?:\b(?:de|du|des|of|un|une|a|an|the|la|le|les)|d['’]|l['’])\s*\Z", re.IGNORECASE
)
_PATIENT_KINDS = frozenset({"insolvency", "closure"})
# Talks brought to their end are the deal done, not held back ("a finalisé les négociations
# pour racheter", "has concluded talks to acquire", "au terme des pourparlers pour reprendre").
_CONCLUDED = re.compile(
    r"\b(?:conclu(?:ded|des?|ant)?|complet(?:ed|ing)|finali[sz](?:ed|ing|[ée]e?s?)|"
    r"achev[ée]e?s?|boucl[ée]e?s?|wrapped\s+up|wound\s+up|"
    r"(?:[àa]\s+l['’]\s?issue|au\s+terme)\s+d(?:es|e|u)?)\s+(?:[\w'’-]+\s+){0,2}?\Z",
    re.IGNORECASE,
)
_HALTED_KINDS = frozenset(
    {"investment", "acquisition", "fundraising", "hiring", "partnership", "contract", "export"}
)
# A trade body, a chamber or an association: who heads it heads no firm.
_BODY = re.compile(
    r"[^.;:]{0,40}?\b(?:f[ée]d[ée]ration|conf[ée]d[ée]ration|syndicat|association|"
    r"chambre\s+(?:de\s+commerce|des\s+m[ée]tiers|d['’]\s?agriculture|r[ée]gionale|"
    r"d[ée]partementale)|cci|cma|cpme|medef|u2p|ordre\s+des|p[ôo]le\s+de\s+comp[ée]titivit[ée]|"
    r"federation|confederation|association|chamber\s+of\s+(?:commerce|trade)|"
    r"trade\s+(?:body|association|union)|employers['’]?\s+(?:body|group|federation|"
    r"organi[sz]ation)|business\s+(?:lobby|group|association))\b",
    re.IGNORECASE,
)


def set_aside(kind: str, text: str, before: str, trigger_end: int) -> bool:
    """Whether the ``kind`` trigger, with ``before`` its clause up to the trigger's first
    word and ending at ``trigger_end`` in ``text``, reports a deal lost, halted or still
    negotiated, or a leader of a body that is no firm."""
    if kind == "contract" and _LOST.search(before):
        return True  # "la perte d'un contrat", "after losing the bus contract"
    if kind in _PATIENT_KINDS and customers(text, trigger_end):
        return True  # "la fermeture d'une usine cliente": a customer's closure
    if _FEARED.search(before):
        return True  # "les chefs d'entreprise redoutent un impact sur leurs recrutements"
    # "has put on hold a planned extension", "exclusive negotiations to buy" -- unless the
    # talks were brought to their end ("a finalisé les négociations pour racheter")
    halted = _HALTED.search(before) if kind in _HALTED_KINDS else None
    if halted and not _CONCLUDED.search(before, 0, halted.start()):
        return True
    if kind in _HALTED_KINDS and in_talks(text, trigger_end):
        return True  # "merger talks", "des négociations de rachat": not done (session 7)
    # "élu président de la fédération départementale du BTP"
    return kind == "leadership" and _BODY.match(text, trigger_end) is not None


# session 7: talks named after the deal's word ("merger talks", "takeover negotiations").
_TALKS_AFTER = re.compile(r"\s+(?:talks|negotiations|discussions)\b", re.IGNORECASE)


def in_talks(text: str, trigger_end: int) -> bool:
    """Whether the deal whose words end at ``trigger_end`` is named as talks."""
    return _TALKS_AFTER.match(text, trigger_end) is not None


def customers(text: str, trigger_end: int) -> bool:
    """Whether the closure or insolvency ending at ``trigger_end`` is a tied firm's."""
    # the trigger may end on its complement's first words: "liquidation judiciaire d'un"
    joined = _ENDS_ON_DETERMINER.search(text, max(0, trigger_end - 12), trigger_end)
    found = (_TIED_JOINED if joined else _TIED_PATIENT).match(text, trigger_end)
    # "la fermeture du service clients", "closure of its customer service centre"
    return found is not None and not _SERVICE.search(text, found.start(), found.end() + 12)


_SERVICE = re.compile(r"\bservices?\b|\brelations?\b|\bcare\b|\bsupport\b", re.IGNORECASE)


class Reported(Protocol):
    type: str
    start: int
    sentence: str


R = TypeVar("R", bound=Reported)

_DISTRIBUTION_DEAL = re.compile(
    # session 10: an export deal too ("un accord d'exportation avec un distributeur de Séoul")
    r"\b(?:accords?|contrats?)\s+(?:\w+\s+)?d['’]\s?export(?:ation)?\b|"
    r"\bexport\s+(?:deals?|agreements?)\b|"
    r"\b(?:accords?|contrats?)\s+(?:\w+\s+)?de\s+distribution\b|"
    r"\bdistribution\s+(?:deals?|agreements?|contracts?|accords?)\b",
    re.IGNORECASE,
)
# A contract's wording: a sentence that holds it tells the work contracted.
_AWARD = re.compile(
    r"\b(?:attribu\w*|remport\w*|d[ée]croch\w*|retenue?s?|march[ée]s?|lots?|contrats?|"
    r"award\w*|won|wins?|contracts?|tenders?)\b",
    re.IGNORECASE,
)
_SPENDING = re.compile(
    r"\binvest\w*|"
    # session 14 (EVENTS-RECALL): the firm's own purchase, an order it places or an outlay
    # ("has ordered a battery-electric vessel from", "a passé commande de douze autocars",
    # "will buy 12 new coaches", "signed off on a €240 million outlay")
    r"\b(?:has|have|had)\s+ordered\b|\bplaced\s+(?:an\s+)?orders?\b|\bpass\w*\s+commande|"
    r"\b(?:will|to|is|are)\s+(?:buy|buying|purchase|purchasing)\b|\boutlay\b|"
    r"\b(?:va|vont|doit|doivent)\s+(?:acheter|acqu[ée]rir)\b",
    re.IGNORECASE,
)
# session 10: the value of the work contracted, told as an investment ("Le contrat, d'une
# durée de trente ans, représente un investissement de 38 millions d'euros", "the project
# represents an investment of"): what the buyer's project costs, not the firm's spending.
_VALUE_OF = re.compile(
    r"\b(?:repr[ée]sent\w*|correspond\w*|involv\w*|amounts?\s+to)\s+(?:\w+\s+){0,2}?invest",
    re.IGNORECASE,
)
# session 9: a supply deal with a seller (a chain, an importer, a wholesaler): goods put on
# shelves abroad, no contract won. (A listing stays a contract: "has won a listing with a
# Swedish supermarket chain", test_events_news_rules.py.)
_SUPPLY = re.compile(r"\b(?:supply|approvisionnement)\b", re.IGNORECASE)
_SELLER = re.compile(
    r"\b(?:retailers?|supermarkets?|grocers?|chains?|importers?|distributors?|wholesalers?|"
    r"department\s+stores?|liquor\s+board|enseignes?|importateurs?|distributeurs?|"
    r"grossistes?|grands?\s+magasins?|centrales?\s+d['’]\s?achat|cha[îi]nes?|[ée]piceries?)\b",
    re.IGNORECASE,
)


def _sold_abroad(sentence: str) -> bool:
    """A distribution deal, or a supply deal with a seller, in ``sentence``."""
    return _DISTRIBUTION_DEAL.search(sentence) is not None or (
        _SUPPLY.search(sentence) is not None and _SELLER.search(sentence) is not None
    )


_CALLED_PARTNERSHIP = re.compile(r"\bpartena\w*|\bpartner\w*", re.IGNORECASE)


def about(events: Sequence[R], at_top: set[str], top: int, paragraph: int) -> list[R]:
    """``events`` less a distribution deal abroad told as a partnership, and less a
    contract's work told as an investment (see the module's docstring); ``at_top``: the
    types reported in the title or the lead, which ends at ``top``; ``paragraph``: where
    the first paragraph ends (a lead the parser splits may leave its contract in the next
    sentence: "Saint-Nazaire — X a été retenue pour …")."""
    exports = {e.start for e in events if e.type == "export"}
    kept = [
        e
        for e in events
        if not (
            e.type == "partnership"
            # session 6: a deal with a seller named abroad, even when no export was read
            and (e.start in exports or names_abroad(e.sentence))
            and _DISTRIBUTION_DEAL.search(e.sentence)
            and not _CALLED_PARTNERSHIP.search(e.sentence)
        )
    ]
    # session 9: a contract that is a distribution deal or a listing with a seller abroad
    # is the export read in its sentence, not a contract won
    kept = [
        e
        for e in kept
        if not (e.type == "contract" and e.start in exports and _sold_abroad(e.sentence))
    ]
    contracts = {e.start for e in kept if e.type == "contract"}
    if "contract" in at_top or any(at < paragraph for at in contracts):
        own = any(
            e.type == "investment"
            and e.start < top
            and e.start not in contracts
            and not _AWARD.search(e.sentence)
            for e in kept
        )
        if not own:
            # The firm's own spending says so ("l'entreprise investit 6 millions d'euros
            # dans une usine de préfabrication"); works and commissioning do not.
            kept = [
                e
                for e in kept
                if e.type != "investment"
                or (_SPENDING.search(e.sentence) and not _VALUE_OF.search(e.sentence))
            ]
    return kept
