"""Finding registry companies in a document and linking ORG mentions to them.

Registry names (denomination, usual names, aliases, acronym, with and without legal
form) are compiled into a spaCy component matching accent-folded tokens, so a company is
found even where the statistical NER misses it or calls it something else. A name that is
also a common word ("Horizon", "Atlas") or a short acronym needs context: the NER calls
it an organisation, a company cue word stands next to it ("la société", "groupe",
"SAS"), or the company is named unambiguously elsewhere in the document.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import compress, count

from spacy.attrs import NORM
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from myrtille.enrichment.doctext import entities_of, kept_columns, text_of
from myrtille.enrichment.names import LEGAL_FORMS, company_key, is_acronym, name_tokens
from myrtille.enrichment.notice_names import read_fields
from myrtille.enrichment.patterns import fold, fold_doc
from myrtille.enrichment.registry import CompanyRecord
from myrtille.enrichment.written_names import written_as_name

REGISTRY_SPANS = "registry"
# Words that announce a company name just before or after it, in French and English.
COMPANY_CUES = (
    frozenset(
        {
            "societe",
            "groupe",
            "entreprise",
            "start-up",
            "startup",
            "pme",
            "eti",
            "firme",
            "fabricant",
            "constructeur",
            "equipementier",
            "sous-traitant",
            "filiale",
            "cabinet",
            "enseigne",
            "maison",
            "industriel",
            "editeur",
            "specialiste",
            "chez",
            "company",
            "firm",
            "group",
            "maker",
            "manufacturer",
            "supplier",
            "subsidiary",
            "start",
            "operator",
            "developer",
            "producer",
            "provider",
            "distributeur",
            "transporteur",
            "laboratoire",
        }
    )
    | LEGAL_FORMS
)
ORG_LABELS = frozenset({"ORG"})
LEADING_ARTICLES = ("la ", "le ", "les ", "l'", "the ", "du ", "des ", "de ")


@dataclass
class CompanyMention:
    company_id: str | None
    name: str
    start: int
    end: int
    how: str  # "registry", "ner-linked" or "ner"


class RegistryIndex:
    """The registry compiled for matching: comparable keys and name variants per company."""

    def __init__(
        self, records: Iterable[CompanyRecord], is_common_word: Callable[[str], bool] | None = None
    ) -> None:
        self.records: dict[str, CompanyRecord] = {}
        self.by_key: dict[str, list[str]] = defaultdict(list)
        self.variants: list[tuple[str, str]] = []  # (surface variant, company id)
        self.ambiguous: set[tuple[str, str]] = set()  # (folded variant, company id)
        common = is_common_word or (lambda word: False)
        for record in records:
            self.records[record.id] = record
            if record.person:
                # A person's name in press text would create false links: SIREN only.
                continue
            names = [record.name, *record.aliases]
            seen: set[str] = set()
            for name in names:
                key = company_key(name)
                if key and record.id not in self.by_key[key]:
                    self.by_key[key].append(record.id)
                for variant in (name, key):
                    folded = fold(variant)
                    if variant and folded not in seen:
                        seen.add(folded)
                        self.variants.append((variant, record.id))
                        if _ambiguous(variant, common):
                            self.ambiguous.add((folded, record.id))
            if record.acronym:
                folded = fold(record.acronym)
                if folded not in seen:
                    self.variants.append((record.acronym, record.id))
                    self.ambiguous.add((folded, record.id))
                self.by_key[company_key(record.acronym)].append(record.id)

    def __len__(self) -> int:
        return len(self.records)

    def lookup(self, name: str) -> list[str]:
        """Registry ids whose name or alias has the same comparable key as ``name``."""
        key = company_key(name)
        if not key:
            return []
        for article in LEADING_ARTICLES:
            if key.startswith(article.strip() + " "):
                key = key[len(article.strip()) + 1 :]
                break
        return list(self.by_key.get(key, []))

    def best(self, ids: list[str]) -> str | None:
        """Among homonyms, an active company rather than a ceased one."""
        if not ids:
            return None
        active = [i for i in ids if not self.records[i].ceased]
        return (active or ids)[0]


def _ambiguous(variant: str, is_common_word: Callable[[str], bool]) -> bool:
    tokens = [t for t in name_tokens(variant) if t not in LEGAL_FORMS]
    if len(tokens) != 1:
        return False
    word = tokens[0]
    return len(word) <= 3 or is_acronym(variant.strip()) or is_common_word(word)


class FoldNorm:
    """Folds lemmas and texts (see ``patterns.fold_doc``) for the matchers downstream.

    It runs after the statistical components, which use NORM as a feature.
    """

    def __init__(self) -> None:
        # Folded forms of the pipeline's strings, found once (one pipeline, one vocabulary).
        self.folded: dict[int, int] = {}

    def __call__(self, doc: Doc) -> Doc:
        return fold_doc(doc, self.folded, keep=True)


class CompanyRuler:
    """Marks registry name matches in ``doc.spans['registry']`` (label = company id).

    Names are tokenised with the pipeline's own tokenizer and kept as tuples of folded
    tokens (their string hashes, compared with the tokens' NORM), indexed by their first
    token. spaCy's PhraseMatcher does the same job but keeps every pattern Doc alive:
    160,000 names cost 870 MB there (measured), a few tens of MB here.
    """

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.first: dict[int, list[tuple[tuple[int, ...], str]]] = {}
        self.size = 0
        self.index: RegistryIndex | None = None  # the registry compiled in

    def compile(self, index: RegistryIndex) -> None:
        first: dict[int, list[tuple[tuple[int, ...], str]]] = defaultdict(list)
        tokenizer = self.nlp.tokenizer
        for variant, company_id in index.variants:
            tokens = tuple(
                get_string_id(fold(t.text)) for t in tokenizer(variant) if not t.is_space
            )
            if tokens:
                first[tokens[0]].append((tokens, company_id))
        for candidates in first.values():
            # Longest name first; among homonyms, an active company before a ceased one.
            candidates.sort(key=lambda c: (-len(c[0]), index.records[c[1]].ceased))
        self.first = dict(first)
        self.size = len(index)
        self.index = index

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        if self.size:
            # The folded forms' hashes, from an array (the folding component keeps them:
            # doctext.kept_columns): no Token object per token; the few tokens that open
            # a name are picked out at C speed.
            columns = kept_columns(doc)
            norms = doc.to_array(NORM).tolist() if columns is None else columns[1]
            first = self.first
            for i in compress(count(), map(first.__contains__, norms)):
                for tokens, company_id in first[norms[i]]:
                    if tuple(norms[i : i + len(tokens)]) == tokens:
                        spans.append(Span(doc, i, i + len(tokens), label=company_id))
                        break
        doc.spans[REGISTRY_SPANS] = filter_spans(spans)
        return doc


@Language.factory("myrtille_fold_norm")
def make_fold_norm(nlp: Language, name: str) -> FoldNorm:
    return FoldNorm()


@Language.factory("myrtille_company_ruler")
def make_company_ruler(nlp: Language, name: str) -> CompanyRuler:
    return CompanyRuler(nlp)


def _has_cue(span: Span) -> bool:
    doc = span.doc
    window = [doc[i] for i in range(max(span.start - 2, 0), span.start)]
    window += [doc[i] for i in range(span.end, min(span.end + 2, len(doc)))]
    return any(fold(t.text) in COMPANY_CUES for t in window)


def _looks_like_a_name(written: str) -> bool:
    first = written[:1]
    return first.isupper() or first.isdigit()


def find_companies(doc: Doc, index: RegistryIndex) -> list[CompanyMention]:
    """Registry matches that pass the context rules, then NER ORGs linked by key."""
    org_spans = [e for e in entities_of(doc) if e.label_ in ORG_LABELS]
    org_tokens = {i for e in org_spans for i in range(e.start, e.end)}
    # Each span's words cut from the document's text once (Span.text joins its tokens at
    # each call, and a candidate's was read up to five times).
    text = text_of(doc)
    candidates: list[tuple[Span, str, str, bool]] = []
    for span in doc.spans.get(REGISTRY_SPANS, []):
        company_id = span.label_
        written = text[span.start_char : span.end_char]
        if company_id not in index.records or not _looks_like_a_name(written):
            continue
        folded = fold(written)
        ambiguous = (folded, company_id) in index.ambiguous or (
            company_key(written),
            company_id,
        ) in index.ambiguous
        candidates.append((span, written, company_id, ambiguous))
    confirmed = {cid for _, _, cid, ambiguous in candidates if not ambiguous}
    # A common-word name written as a name ("notifié à Sillage un marché"): written_names.
    confirmed |= {
        cid for span, _, cid, ambiguous in candidates if ambiguous and written_as_name(span)
    }
    mentions: list[CompanyMention] = []
    covered: set[int] = set()
    for span, written, company_id, ambiguous in candidates:
        if ambiguous:
            record = index.records[company_id]
            acronym = record.acronym and fold(written) == fold(record.acronym)
            if acronym and not written.isupper():
                continue  # "pab" or "Pab" is a word, not the acronym PAB
            in_org = any(i in org_tokens for i in range(span.start, span.end))
            if not (in_org or _has_cue(span) or company_id in confirmed):
                continue
        mentions.append(
            CompanyMention(company_id, written, span.start_char, span.end_char, "registry")
        )
        covered.update(range(span.start, span.end))
    for entity in org_spans:
        if any(i in covered for i in range(entity.start, entity.end)):
            continue
        written = text[entity.start_char : entity.end_char]
        company_id = index.best(index.lookup(written))
        mentions.append(
            CompanyMention(
                company_id,
                written,
                entity.start_char,
                entity.end_char,
                "ner-linked" if company_id else "ner",
            )
        )
    # A notice's name fields, its labels (notice_names.py, session 14).
    return read_fields(text_of(doc), sorted(mentions, key=lambda m: m.start), CompanyMention)


def main_company(mentions: list[CompanyMention], title_end: int) -> str | None:
    """The company a document is mostly about: named in the title, else most mentioned."""
    linked = [m for m in mentions if m.company_id]
    if not linked:
        return None
    in_title = [m.company_id for m in linked if m.start < title_end]
    if in_title:
        return in_title[0]
    return Counter(m.company_id for m in linked).most_common(1)[0][0]
