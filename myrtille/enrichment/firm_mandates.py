"""A firm hired, appointed or commissioned for a job ("has been hired to refurbish the
pool", "was appointed to build the bridge", "a été nommée pour construire la gare") is a
contract, not a hiring or a leadership change: the verbs "hire", "appoint", "nommer" are
shared with staff and heads, and the lexicon's hiring and leadership triggers read them
alone. When the same verb opens a contract trigger for works ("hired to refurbish",
events.yaml's "s12 charged" patterns), the hiring or leadership trigger on that verb is the
contract's wording and is dropped. A person named in the contract's span ("appointed Anne
Roy to rebuild the sales team") is a head's job, not a firm's mandate: then the contract
trigger goes and the leadership one stays."""

from __future__ import annotations

from spacy.tokens import Doc

# The verbs a customer mandates a firm with, which staff and heads share (folded lemmas
# and surface forms: the French participles keep their own lemma at times).
MANDATE_VERBS = frozenset(
    {
        "hire",
        "hired",
        "appoint",
        "appointed",
        "name",
        "named",
        "engage",
        "engaged",
        "retain",
        "retained",
        "commission",
        "commissioned",
        "designate",
        "designated",
        "nommer",
        "nomme",
        "nommee",
        "designer",
        "designe",
        "designee",
        "mandater",
        "mandate",
        "mandatee",
        "recruter",
        "recrute",
        "recrutee",
    }
)
_STAFF_KINDS = ("hiring", "leadership")
_PERSON = ("PER", "PERSON")


def firm_mandates(doc: Doc, triggers: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """``triggers`` (label, start, end) without the hiring and leadership triggers that share
    a mandate verb with a contract trigger, or without that contract trigger when it names a
    person."""
    mandates: list[tuple[int, int, int]] = []  # (verb, start, end) of the contract triggers
    for label, start, end in triggers:
        if label.endswith(":contract"):
            verbs = [t.i for t in doc[start:end] if _mandate_verb(t.norm_, t.lemma_)]
            mandates.extend((verb, start, end) for verb in verbs)
    if not mandates:
        return triggers
    persons = {
        (start, end)
        for _, start, end in mandates
        if any(ent.label_ in _PERSON for ent in doc[start:end].ents)
    }
    kept = []
    for label, start, end in triggers:
        kind = label.split(":", 1)[1]
        if kind == "contract" and (start, end) in persons:
            continue
        if kind in _STAFF_KINDS and any(
            start <= verb < end and (m_start, m_end) not in persons
            for verb, m_start, m_end in mandates
        ):
            continue
        kept.append((label, start, end))
    return kept


def _mandate_verb(norm: str, lemma: str) -> bool:
    return norm in MANDATE_VERBS or lemma in MANDATE_VERBS
