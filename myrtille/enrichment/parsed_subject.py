"""The company an event's sentence names as its subject, read from the sentence's
dependency parse (``syntax.py``): the subject of the clause that governs the trigger, the
agent of a passive or of an action noun for an acquisition, the recipient of a customer's
verb for a contract, the complement of an insolvency, closure or change of leader whose
subject names no company. ``attribution.py`` falls back on word order when the parse does
not settle it.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Span, Token

from myrtille.enrichment.companies import CompanyMention
from myrtille.enrichment.contracts import customer_side, customer_word
from myrtille.enrichment.doctext import text_of
from myrtille.enrichment.firmnames import PEOPLE, PLACES
from myrtille.enrichment.honorifics import DEFINED_TERMS
from myrtille.enrichment.patterns import fold
from myrtille.enrichment.subject_names import (
    apposed_firm,
    past_dateline,
    subject_name,
    unlisted_subject,
)
from myrtille.enrichment.syntax import (
    SUBJECTS,
    Parsed,
    agent_of,
    clause_head,
    nominal_dependents,
    object_of,
    recipient_of,
    subject_of_clause,
    subtree_span,
)
from myrtille.enrichment.ties import TIE_LEMMAS

# The event's company is not named, and is not the article's main company either.
UNKNOWN = CompanyMention(None, "", 0, 0, "unknown")
# The event is the buyer's of the takeover the document reports ("le repreneur").
BUYER = CompanyMention(None, "", 0, 0, "buyer")
# Entity labels of proper nouns that name no firm.
_NOT_FIRMS = frozenset({"PER", "PERSON", "LOC", "GPE", "NORP", "DATE", "FAC"})
# Action nouns and verbs whose complement, not their subject, is the company concerned.
PATIENT_KINDS = ("insolvency", "closure", "leadership")


def from_parse(
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
            for t in (_own_words(token) if own else token.subtree)
        ]
        # Overlapping, not only inside: the sentence recogniser may cut a name in two
        # ("Éolia | Marine remporte …").
        hits = overlapping(mentions, words)
        at = token.idx + parsed.chars
        found = next((m for m in hits if m.start <= at < m.end), hits[0] if hits else None)
        return found or _named_elsewhere(token, mentions, own)

    root = trigger.root
    head = clause_head(root)
    found = subject_of_clause(head)
    subject, passive = found if found else (None, False)
    subject = past_dateline(subject, head)  # "FOUCARMONT — X, a glassworks, has signed …"
    if kind == "acquisition":
        agent = agent_of(root) or (agent_of(head) if passive else None)
        if agent is not None:
            named = company_in(agent)
            return True, named or _unlisted(agent, parsed)
        if passive:
            return True, UNKNOWN  # "X a été racheté": the buyer is not named
    inside = {t.i for t in trigger}
    # The trigger's own words, less a firm named inside it ("a retenu X pour usiner" is one
    # trigger whose object is the supplier).
    wording = {t.i for t in trigger if not _in_mention(t, parsed, mentions)}
    customer = (
        kind == "contract"
        and not passive
        and (customer_side(trigger) or (head.i not in inside and customer_word(head)))
    )
    chosen = _chosen_by(trigger, kind) if customer else None
    if chosen is not None:
        # "Cellvia selected by Novabus to supply …", "X, retenu par la DGA pour …": the
        # participle qualifies the supplier; the agent after "by"/"par" is the customer.
        supplier = company_in(chosen, own=True) or _named_next(chosen, parsed, mentions)
        if supplier is not None:
            return True, supplier
        if _proper_names(chosen):
            return True, _unlisted(chosen, parsed)
    if customer:
        # The supplier: who the customer gives to, or whom it chose ("picked X to supply").
        recipient = recipient_of(head) or object_of(head, wording)
        supplier = company_in(recipient)
        if supplier is None and recipient is not None and recipient.pos_ == "VERB":
            # "picked X to host …": the small parser reads "to host" as the verb's "to"
            # recipient; the supplier is the verb's object (session 12).
            recipient = object_of(head, wording) or recipient
            supplier = company_in(recipient)
        if supplier is not None:
            return True, supplier
        if recipient is not None and _proper_names(recipient):
            return True, _unlisted(recipient, parsed)
        named_inside = _named_inside(trigger, parsed, mentions)
        if named_inside is not None:
            return True, named_inside  # "a retenu PRECISION AERO BEARN pour usiner"
    named = company_in(subject, own=True) or _named_next(subject, parsed, mentions)
    if named is not None:
        return True, named
    if subject is not None and not customer and kind not in PATIENT_KINDS:
        apposed = apposed_firm(subject, parsed.chars, mentions)
        if apposed is not None:
            return True, apposed  # "X, une PME familiale, a signé …": X, not "une PME"
        if _defined_term(subject):
            return True, None  # 'X (the "Company")': "the Company has recruited …" is X's
        if kind != "fundraising" and unlisted_subject(subject):
            # "Les Chantiers navals de Gironde ont remporté …", "X, a glassworks, signed …":
            # a firm outside the registry, not the client or rival the sentence names.
            start, end = subject_name(subject)
            name = text_of(subject.doc)[start:end]
            return True, CompanyMention(
                None, name, start + parsed.chars, end + parsed.chars, "named"
            )
        if _proper_names(subject):
            # "Swedish group Nordhem has agreed to buy Kervan": an unlisted firm's event.
            return True, _unlisted(subject, parsed)
        if _a_name(subject, people):
            # "Nexalia has raised …" (the model took it for a place): not the article's.
            return True, _unlisted(subject, parsed)
        if subject.pos_ in ("NOUN", "PRON"):
            if fold(subject.lemma_) in TIE_LEMMAS and company_in(subject) is not None:
                # "une filiale d'Alcarène": not Alcarène's, not ours; "X, la filiale du
                # groupe Y, a inauguré": the parser took the apposition for X (session 16).
                return True, _apposed_to(subject, parsed, mentions) or UNKNOWN
            return True, None  # "l'entreprise", "the new factory": the article's company
    if kind in PATIENT_KINDS:
        if passive and subject is not None and _a_name(subject, people):
            return True, _unlisted(subject, parsed)  # "Aerilis … was placed in liquidation"
        for node in (root, head):
            agent = agent_of(node)
            # Session 14: a leader's clause names the firm they lead in the trigger's own
            # complements ("nommée directrice de X"), not in what the clause's verb says they
            # will do ("le nouveau dirigeant devra développer l'offre lancée avec X").
            own = kind == "leadership" and node.i != root.i
            for dependent in nominal_dependents(node):
                if agent is not None and agent.i == dependent.i:
                    continue
                named = company_in(dependent, own=own)
                if named is not None:
                    return True, named
                if (
                    kind == "insolvency"
                    and dependent.dep_ in ("obj", "dobj")
                    and _proper_names(dependent)
                ):
                    # "le tribunal a placé en redressement X", "the court put X into
                    # administration": X, a firm outside the registry, not the article's.
                    return True, _unlisted(dependent, parsed)
        if subject is not None and subject.pos_ in ("NOUN", "PRON"):
            return True, None
    return False, None


def _apposed_to(
    subject: Token, parsed: Parsed, mentions: list[CompanyMention]
) -> CompanyMention | None:
    """The firm that opens the sentence just before the subject and a comma: the subject is
    its apposition ("X, la filiale d'entreposage du groupe Y, a inauguré …")."""
    doc, left = subject.doc, subject.left_edge.i
    if left < 2 or doc[left - 1].text != ",":
        return None
    end = doc[left - 2].idx + len(doc[left - 2]) + parsed.chars
    start = parsed.span[0].idx + parsed.chars
    return next((m for m in mentions if m.end == end and m.start <= start), None)


def _defined_term(subject: Token) -> bool:
    """Whether the subject is a release's defined term ("the Company", "the Board", "la
    Société"): a capitalised common noun after a definite article (session 16)."""
    return (
        subject.text[:1].isupper()
        and fold(subject.text) in DEFINED_TERMS
        and any(c.dep_ == "det" and c.lower_ in ("the", "la", "le", "l'") for c in subject.children)
    )


def _chosen_by(trigger: Span, kind: str) -> Token | None:
    """The noun a customer's verb qualifies as a participle with its agent ("X selected by
    Y", "X, retenue par Y"), as headlines and appositions shorten a passive: the firm
    chosen, never the agent."""
    verb = trigger[0]
    if kind != "contract" or agent_of(verb) is None:
        return None
    if verb.dep_.startswith("acl"):
        return verb.head if verb.head.pos_ in ("PROPN", "NOUN") else None
    # A headline's participle parsed as an active verb: "Verrand/nsubj selected by Y".
    return next((c for c in verb.children if c.dep_ in SUBJECTS), None)


def _named_inside(
    trigger: Span, parsed: Parsed, mentions: list[CompanyMention]
) -> CompanyMention | None:
    """A company named inside a customer's trigger, after its verb ("a retenu X pour
    usiner"): the supplier, whatever the parse made of its words (capitals mislead it)."""
    start = trigger[0].idx + len(trigger[0]) + parsed.chars
    end = trigger.end_char + parsed.chars
    return next((m for m in mentions if start <= m.start and m.end <= end), None)


def _in_mention(token: Token, parsed: Parsed, mentions: list[CompanyMention]) -> bool:
    """Whether ``token`` is part of a company's name."""
    at = token.idx + parsed.chars
    return any(m.start <= at < m.end for m in mentions)


def _a_name(token: Token, people: frozenset[str]) -> bool:
    """A proper name that is neither a person's nor a place's."""
    return (
        _written_as_name(token)
        and token.ent_type_ not in PEOPLE | PLACES
        and token.lower_ not in people
    )


def _proper_names(token: Token) -> list[Token]:
    """The proper nouns that name ``token``'s noun phrase: the head itself or names after
    it ("le groupe suédois Nordhem"), not a place before it ("the Montpellier company"),
    a person's name, or words of a clause inside it."""
    return [
        t
        for t in _own_words(token)
        if _written_as_name(t) and t.i >= token.i and t.ent_type_ not in _NOT_FIRMS
    ]


def _written_as_name(token: Token) -> bool:
    """A proper noun written as one: capitalised, with letters. The small models tag as
    proper nouns a hyphen ("start - up") or a common noun they do not know ("la medtech"),
    which name no firm."""
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.text[:1].isalpha()


# At most this many common words between a subject's noun and the company named after it.
_BETWEEN = 3


def _named_next(
    subject: Token | None, parsed: Parsed, mentions: list[CompanyMention]
) -> CompanyMention | None:
    """The company named just after a subject that is a common noun, with adjectives
    between ("la medtech strasbourgeoise Cardiosens", "la start-up rennaise Atlas"): the
    noun and the name are one phrase, which the small parser often cuts in two."""
    if subject is None or subject.pos_ == "PRON" or _written_as_name(subject):
        return None
    doc = subject.doc
    position = subject.right_edge.i + 1
    for _ in range(_BETWEEN + 1):
        if position >= len(doc):
            return None
        token = doc[position]
        at = token.idx + parsed.chars
        found = next((m for m in mentions if m.start == at and m.end > m.start), None)
        if found is not None:
            return found
        if not token.is_alpha or not token.is_lower or token.pos_ in ("VERB", "AUX", "ADP"):
            return None
        position += 1
    return None


def _complement(token: Token) -> bool:
    """A clause, or a noun after a preposition ("le fondateur de Nuvéo"); a bare noun
    beside its head ("le groupe Vernay") is a name."""
    if token.dep_.startswith(("acl", "relcl", "prep", "pobj")):
        return True
    return token.dep_.startswith(("nmod", "obl")) and any(c.dep_ == "case" for c in token.children)


def overlapping(
    mentions: list[CompanyMention], words: list[tuple[int, int]]
) -> list[CompanyMention]:
    """The ``mentions``, not empty, that overlap one of ``words`` (a phrase's words' character
    bounds, which do not overlap one another). Sorted by start, the words' ends are sorted
    too: the first word ending past a mention's start is the only one to test."""
    ordered = sorted(words)
    starts = [start for start, _ in ordered]
    ends = [end for _, end in ordered]
    return [
        m
        for m in mentions
        if m.end > m.start and (k := bisect_right(ends, m.start)) < len(ends) and starts[k] < m.end
    ]


def _own_words(top: Token) -> list[Token]:
    """``top``'s subtree, in its order, without the words under a complement between them
    and ``top`` (``_complement`` of a word or of a head on the way up, ``top`` left out).
    Each word's answer is its head's, or its own complement: read once a word, not once a
    word for each word below it."""
    under: dict[int, bool] = {top.i: False}
    kept = []
    for word in top.subtree:
        chain, token = [], word
        while token.i not in under:
            if token.head.i == token.i:  # a root that is not ``top``: off the way up
                under[token.i] = False
                break
            chain.append(token)
            token = token.head
        value = under[token.i]
        for below in reversed(chain):
            value = value or _complement(below)
            under[below.i] = value
        if not under[word.i]:
            kept.append(word)
    return kept


def _named_elsewhere(
    token: Token, mentions: list[CompanyMention], own: bool
) -> CompanyMention | None:
    """A registry company the document names elsewhere with words of this noun phrase
    ("le groupe Vernay" in a title, where the registry spotted only "Vernay" in the text;
    the small models may even take "Vernay" for a surname); ``own``: its own words only,
    and then a firm outside the registry named elsewhere counts too ("Le suisse Aldermatt
    rachète …" in a title, where only the text's "le groupe suisse Aldermatt" was found)."""
    kept = [t.text for t in (_own_words(token) if own else token.subtree) if not t.is_punct]
    words = f" {fold(' '.join(kept))} "
    for mention in mentions:
        if mention.company_id and f" {fold(mention.name)} " in words:
            return mention
    if not own:
        return None
    names = {t.text for t in token.subtree if _written_as_name(t) and t.ent_type_ not in PEOPLE}
    for mention in mentions:
        if (
            mention.company_id is None
            and mention.end > mention.start
            and mention.name.split()
            and set(mention.name.split()) <= names
        ):
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
        None, text_of(agent.doc)[start:end], start + parsed.chars, end + parsed.chars, "ner"
    )
