"""What a document's NER entities and company mentions become in its enrichment record:
entities in four kinds with offsets into the title or the text, one entry per company,
and the linked companies the document is about."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from spacy.tokens import Doc

from myrtille.enrichment.companies import CompanyMention, RegistryIndex
from myrtille.enrichment.doctext import entities_of, text_of

# spaCy's labels (French models: PER, LOC, ORG, MISC; English: OntoNotes) in our four kinds.
LABELS = {
    "ORG": "ORG",
    "PER": "PER",
    "PERSON": "PER",
    "LOC": "LOC",
    "GPE": "LOC",
    "FAC": "LOC",
    "MISC": "MISC",
    "NORP": "MISC",
    "PRODUCT": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}


def entity_list(
    doc: Doc, mentions: list[CompanyMention], title_end: int, body_start: int
) -> list[dict[str, Any]]:
    """The NER's entities in the four kinds, except that a registry-linked company is an
    ORG whatever label the model gave it (or if it gave none): the document page and the
    ``org:`` facet then show it as a company."""
    linked = [(m.start, m.end) for m in mentions if m.company_id and m.end > m.start]
    text = text_of(doc)  # Span.text would join the entity's tokens
    entities = []
    for e in entities_of(doc):
        if e.label_ not in LABELS:
            continue
        if any(a < e.end_char and e.start_char < b for a, b in linked):
            continue  # the linked mention replaces it
        entities.append(
            stored_entity(
                text[e.start_char : e.end_char],
                LABELS[e.label_],
                e.start_char,
                e.end_char,
                title_end,
                body_start,
            )
        )
    for start, end in dict.fromkeys(linked):
        entities.append(stored_entity(text[start:end], "ORG", start, end, title_end, body_start))
    return sorted(entities, key=lambda e: (e["field"] != "title", e["start"]))


def stored_entity(
    text: str, label: str, start: int, end: int, title_end: int, body_start: int
) -> dict[str, Any]:
    """Offsets point into the title or into the text, whichever holds the entity."""
    if start < title_end:
        return {"text": text, "label": label, "start": start, "end": end, "field": "title"}
    return {
        "text": text,
        "label": label,
        "start": start - body_start,
        "end": end - body_start,
        "field": "text",
    }


def company_list(
    mentions: list[CompanyMention], index: RegistryIndex, title_end: int
) -> list[dict[str, Any]]:
    """One entry per company (linked ones by registry id, others by name), with a count."""
    seen: dict[str, dict[str, Any]] = {}
    for mention in mentions:
        record = index.records.get(mention.company_id or "")
        key = record.id if record else f"name:{mention.name.casefold()}"
        if key not in seen:
            seen[key] = {
                "name": record.name if record else mention.name,
                "siren": record.siren if record else None,
                "id": record.id if record else None,
                "mentions": 0,
                "how": mention.how,
            }
        seen[key]["mentions"] += 1
        seen[key]["in_title"] = seen[key].get("in_title", False) or mention.start < title_end
        # A notice's name field names its firm, once (notice_names.py, session 14).
        seen[key]["in_title"] |= mention.how == "field"
    # An organisation outside the registry named once in passing is usually not a
    # company the document is about (a union, a ministry, a school): keep the others.
    kept = [
        c for c in seen.values() if c["siren"] or c["mentions"] >= 2 or c.pop("in_title", False)
    ]
    for company in kept:
        company.pop("in_title", None)
    return sorted(kept, key=lambda c: (c["siren"] is None, -c["mentions"]))


def central_companies(mentions: list[CompanyMention], title_end: int) -> list[str]:
    """Linked companies the document is about: named in the title or mentioned twice."""
    counts: dict[str, int] = defaultdict(int)
    in_title: set[str] = set()
    for mention in mentions:
        if mention.company_id:
            counts[mention.company_id] += 1
            if mention.start < title_end or mention.how == "record":
                in_title.add(mention.company_id)
    return [cid for cid, count in counts.items() if count >= 2 or cid in in_title]
