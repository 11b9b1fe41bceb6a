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
- an insolvency, a closure or a change of leader whose subject names no company (a court,
  a person) belongs to the company that complements the trigger ("la liquidation de X",
  "nommée directrice générale de X").

Without a parse, or when the parse names no company, the subject is found from word order,
which French and English press sentences keep simple: the first company named in the
trigger's clause before the trigger, unless it is a complement ("avec X", "auprès de X",
"selon X", "with X", "from X"); the passive and the customer's turns are read from the
words "par"/"by" and "à"/"to".

A company that is the subject is chosen whether it is in the registry or not: an event of
an unlisted company is not given to a listed one named beside it.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from myrtille.enrichment.background import clause_of
from myrtille.enrichment.companies import CompanyMention
from myrtille.enrichment.contracts import customer_side, customer_verb, customer_word
from myrtille.enrichment.firmnames import PEOPLE, PLACES, named_firms, opening_name, people_words
from myrtille.enrichment.patterns import fold
from myrtille.enrichment.syntax import (
    Parsed,
    agent_of,
    clause_head,
    nominal_dependents,
    object_of,
    recipient_of,
    subject_of_clause,
    subtree_span,
)
from myrtille.enrichment.ties import POSSESSED_TIE, TIE_LEMMAS, tied

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
# A subject that names the buyer of a takeover by its role ("le repreneur", "the new owner").
_BUYER_SUBJECT = re.compile(
    r"\W*(?:(?:le|la|l'|the|son|sa|its|leur|their)\s*)"
    r"(?:(?:repreneur|acquereur|cessionnaire|racheteur|buyer|acquirer|acquiror)\b|"
    r"(?:nouvel(?:le)?|nouveau|new)\s+(?:proprietaire|actionnaire|owner|shareholder)s?\b)"
)
_RELATIVES = frozenset({"qui", "que", "qu'", "dont", "which", "who", "whose", "that", "whom"})
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
# Takeover wordings whose subject is the firm taken over, the buyer their complement
# ("s'adosse au groupe Y", "passe dans le giron / sous le contrôle / sous la bannière de
# Y", "tombe dans l'escarcelle de Y").
_TARGET_SIDE = frozenset({"adosser", "giron", "escarcelle", "pavillon", "banniere", "passer"})
# Verbs of a sale, whose subject is the seller ("céder", "vendre", "sell", "offload").
_SELLING = frozenset({"ceder", "vendre", "vend", "sell", "sold", "offload", "divest"})


# A sentence opening with a name that an apposition calls a firm ("Dentelles du Détroit,
# une jeune entreprise fondée par …", "Brightfield, a Leeds start-up, …").
_NAMED_FIRM = re.compile(
    r"\W*[A-ZÉÈÀ][\w'’&-]*(?:\s+(?:(?:d[eu]s?|de\s+la|la|le|l['’]|et|&|of|the|and)\s+)?"
    r"[A-ZÉÈÀ][\w'’&-]*)*\s*,\s*(?:un|une|la|le|l['’]\s?|a|an|the)\s*(?:[\w-]+\s+){0,3}?"
    r"(?:entreprise|soci[ée]t[ée]|start-up|startup|pme|jeune\s+pousse|firm|company|business|"
    r"maker|fabricant|groupe|group|sp[ée]cialiste|specialist)\b"
)


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
    found = _subject(sentence, trigger, kind, mentions, parsed, text)
    if found is not None and found.end > found.start and tied(text, found.start, found.end):
        return UNKNOWN  # "une filiale d'Alcarène recrute": the subsidiary's event
    return found


def _subject(
    sentence: Span,
    trigger: Span,
    kind: str,
    mentions: list[CompanyMention],
    parsed: Parsed | None,
    text: str,
) -> CompanyMention | None:
    inside = [m for m in mentions if sentence.start_char <= m.start and m.end <= sentence.end_char]
    # Firms the models missed but a company word names ("la société Solvane"): an event
    # whose subject they are is theirs, not the article's main company's.
    named = named_firms(sentence, mentions)
    if named:
        inside = sorted([*inside, *named], key=lambda m: m.start)
        mentions = [*mentions, *named]
    if kind in _PATIENT_KINDS and inside:
        # "le plan de cession de X, en redressement, au profit de Y": Y buys, X is the debtor.
        buyers = [m for m in inside if _BUYER.search(_before(text, m))]
        if buyers:
            inside = [m for m in inside if m not in buyers]
            mentions = [m for m in mentions if m not in buyers]
            if not inside:
                return UNKNOWN
    begin, end = clause_of(sentence, trigger)
    if _BUYER_SUBJECT.match(fold(text[begin : trigger.end_char])) and not any(
        begin <= m.start < trigger.start_char for m in inside
    ):
        return BUYER  # "Le repreneur investira …": the buyer's, not the article's company's
    if kind == "acquisition" and any(fold(t.lemma_) in _TARGET_SIDE for t in trigger):
        # "X s'adosse à Y", "X passe dans le giron de Y": the buyer is after the trigger.
        _, end = clause_of(sentence, trigger)
        after = [m for m in inside if trigger.end_char <= m.start < end]
        return after[0] if after else UNKNOWN
    if kind == "acquisition" and any(fold(t.lemma_) in _SELLING for t in trigger):
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
    found = [m for m in inside if m.how != "named" and m.end <= trigger.start_char]
    if not found and _NAMED_FIRM.match(text, sentence.start_char, trigger.start_char):
        return UNKNOWN  # "Dentelles du Détroit, une jeune entreprise …, a racheté"
    if parsed is not None:
        decided, chosen = _from_parse(
            parsed, parsed.trigger(trigger), kind, mentions, people_words(sentence)
        )
        if decided:
            return chosen
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
        and not _object(sentence, m)
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
    plain_later = [m for m in later if not _COMPLEMENT.search(_before(text, m))]
    # A company named only as a complement ("avec X", "selon X", "au profit de X") is not
    # the subject: the subject is unnamed, the article's company.
    return plain_later[0] if plain_later else None


def _object(sentence: Span, mention: CompanyMention) -> bool:
    """Whether ``mention`` stands in a relative clause before it ("…, qui compte les
    Tissages Morvelle parmi ses clients, va recruter", "whose customers include X"): an
    object there, not the subject."""
    segment = [t for t in sentence if t.idx < mention.start]
    for position in range(len(segment) - 1, -1, -1):
        if segment[position].text in ",;:()—–":
            opening = segment[position + 1 : position + 2]
            return bool(opening) and opening[0].lower_ in _RELATIVES
    return False


# The event's company is not named, and is not the article's main company either.
UNKNOWN = CompanyMention(None, "", 0, 0, "unknown")
# The event is the buyer's of the takeover the document reports ("le repreneur").
BUYER = CompanyMention(None, "", 0, 0, "buyer")
# Entity labels of proper nouns that name no firm.
_NOT_FIRMS = frozenset({"PER", "PERSON", "LOC", "GPE", "NORP", "DATE", "FAC"})
# Action nouns and verbs whose complement, not their subject, is the company concerned.
_PATIENT_KINDS = ("insolvency", "closure", "leadership")


def _from_parse(
    parsed: Parsed,
    trigger: Span,
    kind: str,
    mentions: list[CompanyMention],
    people: frozenset[str],
) -> tuple[bool, CompanyMention | None]:
    """(True, company) when the parse settles it; (False, None) to fall back on word order."""

    def company_in(token: Token | None, own: bool = False) -> CompanyMention | None:
        """The company named in ``token``'s phrase; ``own``: in its own words, not in a
        complement ("le brasseur, client des Ateliers Kermor" names no company)."""
        if token is None:
            return None
        words = [
            (t.idx + parsed.chars, t.idx + len(t) + parsed.chars)
            for t in token.subtree
            if not own or not any(_complement(a) for a in _path(t, token))
        ]
        # Overlapping, not only inside: the sentence recogniser may cut a name in two
        # ("Éolia | Marine remporte …").
        hits = [
            m
            for m in mentions
            if m.end > m.start and any(m.start < end and start < m.end for start, end in words)
        ]
        at = token.idx + parsed.chars
        found = next((m for m in hits if m.start <= at < m.end), hits[0] if hits else None)
        return found or _named_elsewhere(token, mentions, own)

    root = trigger.root
    head = clause_head(root)
    found = subject_of_clause(head)
    subject, passive = found if found else (None, False)
    if kind == "acquisition":
        agent = agent_of(root) or (agent_of(head) if passive else None)
        if agent is not None:
            named = company_in(agent)
            return True, named or _unlisted(agent, parsed)
        if passive:
            return True, UNKNOWN  # "X a été racheté": the buyer is not named
    inside = {t.i for t in trigger}
    customer = (
        kind == "contract"
        and not passive
        and (customer_side(trigger) or (head.i not in inside and customer_word(head)))
    )
    if customer:
        # The supplier: who the customer gives to, or whom it chose ("picked X to supply").
        recipient = recipient_of(head) or object_of(head, inside)
        supplier = company_in(recipient)
        if supplier is not None:
            return True, supplier
        if recipient is not None and _proper_names(recipient):
            return True, _unlisted(recipient, parsed)
    named = company_in(subject, own=True)
    if named is not None:
        return True, named
    if subject is not None and not customer and kind not in _PATIENT_KINDS:
        if _proper_names(subject):
            # "Swedish group Nordhem has agreed to buy Kervan": an unlisted firm's event.
            return True, _unlisted(subject, parsed)
        if _a_name(subject, people):
            # "Nexalia has raised …" (the model took it for a place): not the article's.
            return True, _unlisted(subject, parsed)
        if subject.pos_ in ("NOUN", "PRON"):
            if fold(subject.lemma_) in TIE_LEMMAS and company_in(subject) is not None:
                return True, UNKNOWN  # "une filiale d'Alcarène": not Alcarène's, not ours
            return True, None  # "l'entreprise", "the new factory": the article's company
    if kind in _PATIENT_KINDS:
        if passive and subject is not None and _a_name(subject, people):
            return True, _unlisted(subject, parsed)  # "Aerilis … was placed in liquidation"
        for node in (root, head):
            agent = agent_of(node)
            for dependent in nominal_dependents(node):
                if agent is not None and agent.i == dependent.i:
                    continue
                named = company_in(dependent)
                if named is not None:
                    return True, named
        if subject is not None and subject.pos_ in ("NOUN", "PRON"):
            return True, None
    return False, None


def _a_name(token: Token, people: frozenset[str]) -> bool:
    """A proper name that is neither a person's nor a place's."""
    return (
        token.pos_ == "PROPN"
        and token.ent_type_ not in PEOPLE | PLACES
        and token.lower_ not in people
    )


def _proper_names(token: Token) -> list[Token]:
    """The proper nouns that name ``token``'s noun phrase: the head itself or names after
    it ("le groupe suédois Nordhem"), not a place before it ("the Montpellier company"),
    a person's name, or words of a clause inside it."""
    return [
        t
        for t in token.subtree
        if t.pos_ == "PROPN"
        and t.i >= token.i
        and t.ent_type_ not in _NOT_FIRMS
        and not any(_complement(a) for a in _path(t, token))
    ]


def _complement(token: Token) -> bool:
    """A clause, or a noun after a preposition ("le fondateur de Nuvéo"); a bare noun
    beside its head ("le groupe Vernay") is a name."""
    if token.dep_.startswith(("acl", "relcl", "prep", "pobj")):
        return True
    return token.dep_.startswith(("nmod", "obl")) and any(c.dep_ == "case" for c in token.children)


def _path(token: Token, top: Token) -> list[Token]:
    path = []
    while token.i != top.i and token.head.i != token.i:
        path.append(token)
        token = token.head
    return path


def _named_elsewhere(
    token: Token, mentions: list[CompanyMention], own: bool
) -> CompanyMention | None:
    """A registry company the document names elsewhere with words of this noun phrase
    ("le groupe Vernay" in a title, where the registry spotted only "Vernay" in the text;
    the small models may even take "Vernay" for a surname); ``own``: its own words only."""
    kept = [
        t.text
        for t in token.subtree
        if not t.is_punct and (not own or not any(_complement(a) for a in _path(t, token)))
    ]
    words = f" {fold(' '.join(kept))} "
    for mention in mentions:
        if mention.company_id and f" {fold(mention.name)} " in words:
            return mention
    return None


def _unlisted(agent: Token, parsed: Parsed) -> CompanyMention:
    """A buyer that is no company mention ("par le groupe suisse Aldermatt", "by a private
    equity fund"): the event is that buyer's, not the target's, though known by words only."""
    start, end = subtree_span(agent)
    for token in agent.subtree:  # not the preposition: "un industriel", not "par un …"
        if token.dep_ not in ("case", "prep", "agent") or token.i == agent.i:
            start = token.idx
            break
    return CompanyMention(
        None, agent.doc.text[start:end], start + parsed.chars, end + parsed.chars, "ner"
    )
