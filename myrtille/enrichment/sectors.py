"""Sectors: lexicon terms found on lemmas, weighed into a decision with its evidence.

A document gets a sector when the evidence is strong enough: a term in the title, several
distinct terms (or one term repeated) in the text, or a company it is about whose NAF code
belongs to the sector together with at least one term of the sector in the text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from myrtille.enrichment.lexicons import LexiconEntry, naf_sectors
from myrtille.enrichment.patterns import PatternSet

TITLE_WEIGHT = 3.0
TERM_WEIGHT = 1.0
REPEAT_WEIGHT = 0.5
# Below THRESHOLD: a linked company's NAF code alone does not make a document about its
# sector (the company may be named for a site, a lawsuit, a supplier deal); with one term
# of the sector in the text, it does.
COMPANY_WEIGHT = 2.0
THRESHOLD = 3.0


@dataclass
class SectorScore:
    code: str
    score: float = 0.0
    evidence: list[dict[str, Any]] = field(default_factory=list)


class SectorMatcher:
    def __init__(self, nlp: Language, sectors: list[LexiconEntry], language: str) -> None:
        self.sectors = {s.code: s for s in sectors}
        self.matcher = PatternSet.from_lexicon(nlp.vocab, "sector", sectors, language)

    def naf_sectors(self, naf: str | None) -> tuple[str, ...]:
        return naf_sectors(naf, list(self.sectors.values()))

    def score(
        self, doc: Doc, title_end: int, companies_naf: list[tuple[str, str | None]]
    ) -> list[SectorScore]:
        """Sectors whose evidence reaches the threshold, strongest first."""
        scores: dict[str, SectorScore] = {}
        terms: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        title_terms: dict[str, set[str]] = defaultdict(set)
        for label, start, end in self.matcher(doc):
            code = label.split(":", 1)[1]
            text = doc[start:end].text.lower()
            if doc[start].idx < title_end:
                title_terms[code].add(text)
            else:
                terms[code][text] += 1
        # Sorted: the order of equal scores must not follow the process's hash seed.
        for code in sorted(set(terms) | set(title_terms)):
            entry = scores.setdefault(code, SectorScore(code))
            for text in sorted(title_terms[code]):
                entry.score += TITLE_WEIGHT
                entry.evidence.append({"term": text, "where": "title"})
            for text, count in sorted(terms[code].items()):
                entry.score += TERM_WEIGHT + REPEAT_WEIGHT * (count - 1)
                entry.evidence.append({"term": text, "where": "text", "count": count})
        for company_id, naf in companies_naf:
            for code in self.naf_sectors(naf):
                entry = scores.setdefault(code, SectorScore(code))
                entry.score += COMPANY_WEIGHT
                entry.evidence.append({"company": company_id, "naf": naf})
        kept = [s for s in scores.values() if s.score >= THRESHOLD]
        return sorted(kept, key=lambda s: (-s.score, s.code))
