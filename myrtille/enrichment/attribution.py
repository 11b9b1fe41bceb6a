"""Which company an event belongs to: the subject of the trigger's clause.

When the sentence has a dependency parse (``syntax.py`` parses the event sentences only),
the company is read from it: the subject of the clause that governs the trigger (the noun
a relative pronoun stands for), with three turns:

- an acquisition belongs to the buyer: the agent of a passive or of an action noun ("X est
  racheté par Y", "le rachat de X par Y", "X was acquired by Y"), or the complement of a
  wording whose subject is the target ("X s'adosse à Y", "X passe dans le giron de Y"),
  never the target; a buyer outside the registry keeps the event (it is not the target's);
- a contract given by a customer ("la DGA notifie à X un marché", "EDF awarded X a
  contract") belongs to the supplier that receives it, unless the verb is passive ("X a
  été retenu par la DGA");
- an insolvency, a closure or a change of leader whose subject names no firm (a court, a
  person) is the trigger's complement's ("la liquidation de X", "nommée présidente de X").

Without a parse, or when the parse names no company, the subject is found from word order,
which French and English press sentences keep simple: the first company named in the
trigger's clause before the trigger, unless it is a complement ("avec X", "selon X", "with
X"); the passive and the customer's turns are read from "par"/"by" and "à"/"to".

A subject is chosen listed or not (an unlisted firm's event is not a listed neighbour's);
a dateline is no subject ("Saint-Fons, 30 November 2026 — X …"); an order placed ("X a
passé commande de …") is the supplier's contract; a headline's clause about a firm described
is that firm's (``title_clauses.py``); a new head's second sentence, the post's (``posts.py``);
no firm named, in a document about an unlisted firm: none of the registry's (``outside_firms``).
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from myrtille.enrichment.anaphora import (
    antecedent,
    created_firm,
    described_subject,
    possessed_post,
    pronoun_subject,
    relative_firm,
    topic,
)
from myrtille.enrichment.appositions import named_debtor, qualified_firm
from myrtille.enrichment.background import clause_of
from myrtille.enrichment.clause_roles import (
    BUYER_NOUNS,
    BUYER_SUBJECT,
    DEAL_SUBJECT,
    FOUND,
    NAMED_FIRM,
    OF_BUYER,
    SELLING,
    TARGET_SIDE,
    connective_opening,
    named_before,
    object_before,
)
from myrtille.enrichment.companies import CompanyMention
from myrtille.enrichment.contracts import customer_side, customer_verb
from myrtille.enrichment.definitions import general_statement
from myrtille.enrichment.distributors import KINDS as SELLING_KINDS
from myrtille.enrichment.distributors import producer_of
from myrtille.enrichment.firmnames import named_firms, opening_name, people_words
from myrtille.enrichment.honorifics import untitled
from myrtille.enrichment.indefinite_firms import indefinite_firm, named_next
from myrtille.enrichment.notice_fields import (
    AWARDEE_FIELD,
    NAME_FIELD,
    field_firm,
    notice_firm,
    sale_buyer,
)
from myrtille.enrichment.outside_firms import outside_firm
from myrtille.enrichment.parsed_subject import BUYER, PATIENT_KINDS, UNKNOWN, from_parse
from myrtille.enrichment.patterns import fold
from myrtille.enrichment.placed_firms import placed_firm
from myrtille.enrichment.placed_orders import order_placed
from myrtille.enrichment.posts import post_firm
from myrtille.enrichment.public_actors import acted_on, body_before, sold_to
from myrtille.enrichment.recipients import given_to
from myrtille.enrichment.roundups import opening_end, part_firm
from myrtille.enrichment.syntax import Parsed
from myrtille.enrichment.ties import POSSESSED_TIE, former_employer, instead_of_former, tied
from myrtille.enrichment.title_clauses import described_other
from myrtille.enrichment.units import title_unit, unit_of

# What may stand between a preposition and a company name: "du", "de la", "à la
# société", "by the Lyon-based".
_NOUN_PHRASE = (
    r"\s*(?:d[e']\s*|du\s+|des\s+)?"
    r"(?:(?:l'|la|le|les|the|son|sa|ses|its|their|leur|ce|cette|un|une|a|an)\s*"
    r"(?:[\w-]+\s+){0,2})?$"
)
# Words just before a company that make it a complement, not the clause's subject.
_COMPLEMENT = re.compile(
    r"\b(?:avec|aupres|chez|selon|pour|contre|face\s+a|vers|sur|via|de\s+la\s+part|"
    r"aux\s+cotes|au\s+profit|en\s+faveur|in\s+favou?r|with|from|for|according\s+to|against|alongside|versus|vs|at|to|into|in|of|"
    r"on|par|by|a|au|aux)" + _NOUN_PHRASE
)
_BUYER = re.compile(r"\b(?:au\s+profit|en\s+faveur|in\s+favou?r)" + _NOUN_PHRASE)
# A firm in apposition to a complement after the trigger ("is launched with a first
# partner, the hospital group X", "signe avec un client, le groupe X"): no subject either.
_APPOSED_COMPLEMENT = re.compile(
    r"\b(?:avec|aupres\s+d[eu']?|pour|with|for|from)\s+[^,;:]{1,40},\s*"
    r"(?:(?:l'|la|le|les|the|un|une|a|an)\s*)?(?:[\w-]+\s+){0,4}$"
)
# A person's firm: "Julien Marchand, PDG de Nexalia, annonce …", "chief executive of X".
_ROLE = re.compile(
    r"\b(?:pdg|ceo|fondat(?:eur|rice)|founder|patron(?:ne)?|dirigeante?|"
    r"directeur\s+general|directrice\s+generale|chief\s+executive|chairman|boss)\s+"
    r"(?:of|de|d'|du|des)\s*(?:(?:la|le|les|the)\s+|l')?$"
)
_AGENT = re.compile(r"\b(?:par|by)" + _NOUN_PHRASE)
_RECIPIENT = re.compile(r"\b(?:a|au|aux|to)" + _NOUN_PHRASE)
_PASSIVE = re.compile(
    r"\b(?:ete|est|sont|etait|sera|seront|was|were|been|is|are|be|being|being)\s+\S*\s*$"
)
_LOOKBEHIND = 40
# A customer placing an order ("X a passé commande de six rames", placed_orders.py): the
# order is its supplier's contract, named after "auprès de", "à", "from", "with".
_SUPPLIER = re.compile(r"\b(?:aupres\s+d[eu']?|a|au|aux|from|with)" + _NOUN_PHRASE)


def _before(doc_text: str, mention: CompanyMention) -> str:
    return fold(doc_text[max(0, mention.start - _LOOKBEHIND) : mention.start])


def subject_of(
    sentence: Span,
    trigger: Span,
    kind: str,
    mentions: list[CompanyMention],
    parsed: Parsed | None = None,
    text: str | None = None,
) -> CompanyMention | None:
    """The company the event that ``trigger`` reports in ``sentence`` belongs to, if named;
    ``parsed``: the sentence's dependency parse, when there is one; ``text``: the
    document's text, when the caller has it."""
    text = sentence.doc.text if text is None else text
    persons = sentence.doc if kind == "leadership" else None  # "Thomas Lemoine. Lemoine …"
    mentions = untitled(text, mentions, persons)  # "replacing Mr Laurent Marchal": a person
    if described_other(sentence, trigger, mentions, text):
        return UNKNOWN  # "Ohio supplier files for Chapter 11; Cellvia says …": the supplier's
    clause = clause_of(sentence, trigger)  # read once: _subject reads it too
    found = _subject(sentence, trigger, kind, mentions, parsed, text, clause)
    if kind in SELLING_KINDS and (producer := producer_of(sentence, trigger, mentions, found)):
        found = producer  # "X (abroad) signs to distribute the cheeses of Y": Y's export
    if found is not None and found.company_id is not None:
        # "Batterix's Calais unit", "la coentreprise Verrand-Kalmo": the unit's event.
        found = unit_of(text, found, mentions, kind) or found
    if found is not None and found.end > found.start and tied(text, found.start, found.end):
        return UNKNOWN  # "une filiale d'Alcarène recrute", "former X subsidiary Y is hiring"
    if found is not None and found.end > found.start and former_employer(text, found.start):
        # "Tessaly names former Atlas executive as CEO": Atlas is where the person worked.
        found = instead_of_former(text, sentence, trigger, found, mentions, kind in PATIENT_KINDS)
    if found is not None and found.end > found.start and tied(text, found.start, found.end):
        return UNKNOWN  # the firm that opens the clause, named by its tie to another
    begin = clause[0]
    if (body_end := body_before(text, begin, trigger.start_char, found)) is not None:
        if kind == "acquisition":  # "The court approved a plan handing X to Y": Y's
            return sold_to(sentence, body_end, mentions) or BUYER
        acted = acted_on(sentence, body_end, mentions)  # "The Court of X placed Y …": Y's
        return acted or (UNKNOWN if placed_firm(sentence, begin, trigger, kind, mentions) else None)
    if found is None and general_statement(sentence):
        return UNKNOWN  # "Un LBO, c'est de la dette …": a practice, not the article's firm
    if found is None and indefinite_firm(sentence, begin, trigger):
        return named_next(sentence, mentions, text) or UNKNOWN  # "Un fournisseur …": another
    if found is None and placed_firm(sentence, begin, trigger, kind, mentions):
        return UNKNOWN  # "The Grand-Couronne paper mill will close": another firm
    created = created_firm(sentence, begin, trigger, mentions, text) if found is None else None
    if created is not None:
        return created  # "… une coentreprise baptisée X. La coentreprise emploiera …"
    if found is None and kind == "leadership" and (post := post_firm(sentence, mentions, text)):
        return post  # "P est le nouveau président de Y. Cet ingénieur succède à Z": Y's
    if found is None and (
        pronoun_subject(sentence, begin, trigger)
        or described_subject(sentence, begin, trigger)
        or described_subject(sentence, sentence.start_char, trigger)  # "La société, qui …,"
        or (kind == "leadership" and possessed_post(sentence, begin, trigger))
    ):
        # "Kervalis … a racheté le bâtiment. Elle y investira …": Kervalis's, not ours;
        # "SBTM garde son siège. X en prendra la présidence": SBTM's new head.
        return topic(sentence, mentions) or _part_of(sentence, trigger, mentions, text)
    if found is None:
        # A sentence that names no firm carries on the topic of the sentence before, in
        # its paragraph: a registry firm that opened it, not always the article's company.
        previous = sentence.doc[sentence.start - 1] if sentence.start else None
        same_paragraph = previous is not None and "\n" not in previous.text_with_ws
        before = antecedent(sentence, mentions) if same_paragraph else None
        if before is not None and before.company_id is not None:
            return before  # "À Roanne, X a livré la SNCF. Trente tisserands seront recrutés"
    if found is None:  # "Batterix's Calais unit …": the unit's; a round-up's item's
        return title_unit(text, mentions, kind) or _part_of(sentence, trigger, mentions, text)
    return found


def _part_of(
    sentence: Span, trigger: Span, mentions: list[CompanyMention], text: str
) -> CompanyMention | None:
    """A round-up's item's firm, a notice field's; in a document about an unlisted firm,
    none of the registry's (session 16); ``None``: the article's main company."""
    return part_firm(sentence, trigger, mentions, text) or outside_firm(text, mentions)


def _subject(
    sentence: Span,
    trigger: Span,
    kind: str,
    mentions: list[CompanyMention],
    parsed: Parsed | None,
    text: str,
    clause: tuple[int, int],
) -> CompanyMention | None:
    """``clause``: the trigger's clause's bounds (``background.clause_of``)."""
    dateline = opening_end(sentence, text, mentions)  # "Lorient – X …": not the place
    inside = [
        m
        for m in mentions
        if dateline <= m.start
        and m.end <= sentence.end_char
        and not (m.company_id is None and m.start < trigger.end_char and trigger.start_char < m.end)
    ]  # the event's own word is no firm: "Brevet déposé" taken for a name by the NER
    # Firms the models missed but a company word names ("la société Solvane"): an event
    # whose subject they are is theirs, not the article's main company's.
    named = named_firms(sentence, mentions)
    if named:
        inside = sorted([*inside, *named], key=lambda m: m.start)
        mentions = [*mentions, *named]
    if kind == "contract":
        awardee = field_firm(sentence, inside, text, AWARDEE_FIELD)
        if awardee is None and not any(m.company_id for m in inside):
            # A notice's title or object line: the winner its award field names below.
            awardee = notice_firm(mentions, text, AWARDEE_FIELD, sentence.start_char)
        if awardee is not None:
            return awardee  # "Attributaire : Charpentes Delmas SARL"
    if kind == "acquisition":
        buyer = sale_buyer(mentions, text, sentence)
        if buyer is not None:
            return buyer  # "Descriptif : Achat d'un fonds … Acquéreur : X SAS"
    named_in_field = field_firm(sentence, inside, text, NAME_FIELD)
    if named_in_field is not None:
        return named_in_field  # "Greffe du Tribunal … Dénomination : Orvane"
    qualified = qualified_firm(text, trigger, inside) if kind == "insolvency" else None
    if qualified is None and kind == "insolvency":
        qualified = named_debtor(sentence, trigger, mentions)  # "…, Lacoste en redressement"
    if qualified is not None:
        return qualified  # "… ont racheté la Brasserie X, en redressement judiciaire"
    if kind in PATIENT_KINDS and inside:
        # "le plan de cession de X, en redressement, au profit de Y": Y buys, X is the debtor.
        buyers = [m for m in inside if _BUYER.search(_before(text, m))]
        if buyers:
            inside = [m for m in inside if m not in buyers]
            mentions = [m for m in mentions if m not in buyers]
            if not inside:
                return UNKNOWN
    begin, end = clause
    if kind == "contract" and order_placed(sentence, trigger):
        # "La compagnie X a passé commande d'un bateau": its supplier's contract.
        suppliers = [
            m
            for m in inside
            if trigger.end_char <= m.start < end and _SUPPLIER.search(_before(text, m))
        ]
        return suppliers[0] if suppliers else UNKNOWN
    if BUYER_SUBJECT.match(fold(text[begin : trigger.end_char])) and not any(
        begin <= m.start < trigger.start_char for m in inside
    ):
        return BUYER  # "Le repreneur investira …": the buyer's, not the article's company's
    if kind == "acquisition" and OF_BUYER.match(fold(text[trigger.end_char : end])):
        return BUYER  # "Ses fondateurs entrent au capital de l'acheteur": the buyer's stake
    if (
        kind == "acquisition"
        and DEAL_SUBJECT.match(fold(text[begin : trigger.start_char]))
        and not any(begin <= m.start < end for m in inside)
    ):
        return BUYER  # "The deal is the latest in a series of acquisitions": the buyer's
    if kind == "acquisition" and any(
        fold(t.lemma_) in TARGET_SIDE or t.lower_ in TARGET_SIDE for t in trigger
    ):
        # "X s'adosse à Y", "X passe dans le giron de Y": the buyer is after the trigger.
        after = [m for m in inside if trigger.end_char <= m.start < end]
        return after[0] if after else UNKNOWN
    if (
        kind == "acquisition"
        and any(fold(t.lemma_) in FOUND or t.lower_ in FOUND for t in trigger)
        and any(fold(t.lower_) in BUYER_NOUNS for t in trigger)
    ):
        if _PASSIVE.search(fold(text[begin : trigger.start_char])):
            # "X a été désigné repreneur de Y", "X was named the buyer": X buys.
            named = [m for m in inside if begin <= m.start and m.end <= trigger.start_char]
            return named[0] if named else opening_name(sentence, begin, trigger, mentions)
        return BUYER  # "Avec Y, j'ai trouvé un repreneur": Y's takeover, not the seller's
    if kind == "acquisition" and any(fold(t.lemma_) in SELLING for t in trigger):
        # "X a cédé sa filiale au groupe Y", "X sold its unit to Y": the buyer's takeover,
        # never the seller's; a buyer not named is no company of the document.
        buyers = [
            m
            for m in inside
            if trigger.start_char <= m.start < end
            and (_RECIPIENT.search(_before(text, m)) or _BUYER.search(_before(text, m)))
        ]
        return buyers[0] if buyers else UNKNOWN
    if POSSESSED_TIE.match(text, begin, trigger.start_char) and not any(
        begin <= m.start < trigger.start_char for m in inside
    ):
        return UNKNOWN  # "Morvelle : son partenaire lève des fonds"
    relative = relative_firm(sentence, trigger, mentions)
    if relative is not None and not (
        _PASSIVE.search(fold(text[relative.end : trigger.start_char]))
        or (kind == "contract" and customer_verb(sentence, trigger, begin) is not None)
        or (kind == "contract" and customer_side(trigger))
    ):
        return relative  # "…à Kessler Malz, un groupe familial qui y investira"
    found = [m for m in inside if m.how != "named" and m.end <= trigger.start_char]
    if (
        not found
        and NAMED_FIRM.match(text, sentence.start_char, trigger.start_char)
        and not connective_opening(sentence)
    ):
        return UNKNOWN  # "Dentelles du Détroit, une jeune entreprise …, a racheté"
    if kind == "contract" and (supplier := given_to(sentence, trigger, inside, end)) is not None:
        return supplier  # "X confie la maintenance de ses navires au rennais Y": Y's
    if parsed is not None:
        # Not a "name" the recogniser ran over a paragraph's end ("Marine nationale\n\nLa
        # PME"), which the parse's words overlap.
        plain = [m for m in mentions if "\n" not in m.name]
        decided, chosen = from_parse(
            parsed, parsed.trigger(trigger), kind, plain, people_words(sentence)
        )
        in_dateline = (
            chosen is not None
            and dateline > sentence.start_char
            and chosen.end > chosen.start
            and chosen.start < dateline  # not a subject's name run into it ("X — Verrerie Y")
            and (chosen.end <= dateline or chosen.how != "named")
        )
        if decided and not in_dateline:
            return chosen  # not a dateline's place: "Saint-Fons, 30 November 2026 — X …"
    if not inside:
        return opening_name(sentence, begin, trigger, mentions)
    # Companies after the trigger's first word ("attribue à X un marché" is one trigger).
    after = [m for m in inside if m.start >= trigger[0].idx + len(trigger[0]) and m.start < end]
    before_trigger = fold(text[max(begin, trigger.start_char - _LOOKBEHIND) : trigger.start_char])
    passive = _PASSIVE.search(before_trigger) is not None
    if kind == "acquisition":
        agents = [m for m in after if _AGENT.search(_before(text, m))]
        if agents:
            return agents[0]
    verb = customer_verb(sentence, trigger, begin)
    if kind == "contract" and not passive and (verb is not None or customer_side(trigger)):
        # "attribue à X un marché", "a attribué à X un contrat", "picked X … under a contract"
        if verb is not None:
            after = [m for m in inside if verb.idx + len(verb) <= m.start < end]
        recipients = [m for m in after if _RECIPIENT.search(_before(text, m))]
        plain = [m for m in after if not _AGENT.search(_before(text, m))]
        if recipients or plain:
            return (recipients or plain)[0]
    # The subject: the first company of the clause before the trigger; a relative or an
    # apposition before the verb ("Vernay, qui …, a signé") leaves it the first of the
    # sentence before the trigger.
    before = [m for m in inside if m.end <= trigger.start_char]
    subjects = [
        m
        for m in before
        if (not _COMPLEMENT.search(_before(text, m)) or _ROLE.search(_before(text, m)))
        and not object_before(sentence, m)
    ]
    in_clause = [m for m in subjects if m.start >= begin]
    if in_clause:
        return in_clause[0]
    if not any(m.start >= begin for m in before):
        opening = opening_name(sentence, begin, trigger, mentions)
        if opening is not None:
            return opening  # "Nexalia a levé …": not the article's company's
    if subjects:
        return subjects[0]
    later = [m for m in inside if m.start >= trigger.start_char]
    plain_later = [
        m
        for m in later
        if not _COMPLEMENT.search(_before(text, m))
        and not _APPOSED_COMPLEMENT.search(fold(text[trigger.start_char : m.start]))
    ]
    if kind == "acquisition":
        # The firm a buying verb governs is its target ("L'américain Sorbex rachète les
        # Forges d'Alcarène"): never the buyer. A buyer said in words the models did not
        # take for a firm is another firm than the article's.
        plain_later = [m for m in plain_later if not trigger.start_char <= m.start < end]
        if not plain_later and named_before(sentence, begin, trigger):
            return UNKNOWN
    if kind == "contract" and passive and trigger[-1].lower_ in ("par", "by"):
        # "X, sous-traitant au Mans, a été retenue par Y": Y is the customer, X the winner.
        plain_later = [m for m in plain_later if not trigger.start_char <= m.start < end]
        if not plain_later and named_before(sentence, begin, trigger):
            return UNKNOWN
    # A company named only as a complement ("avec X", "selon X", "au profit de X") is not
    # the subject: the subject is unnamed, the article's company.
    return plain_later[0] if plain_later else None


__all__ = ["BUYER", "UNKNOWN", "subject_of"]
