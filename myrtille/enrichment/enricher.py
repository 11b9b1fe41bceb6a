"""The enrichment of a batch of documents: language, entities, companies, sectors,
events and places, with spaCy's ``nlp.pipe`` per language."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy
from spacy.attrs import IDX, IS_ALPHA, LEMMA, LIKE_NUM
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP_WORDS
from spacy.lang.fr.stop_words import STOP_WORDS as FR_STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from myrtille.config.settings import EnrichmentSettings
from myrtille.enrichment.companies import (
    CompanyMention,
    CompanyRuler,
    RegistryIndex,
    find_companies,
    main_company,
)
from myrtille.enrichment.doctext import entities_of, remember_text, text_of
from myrtille.enrichment.events import Event, EventMatcher
from myrtille.enrichment.geography import Gazetteer
from myrtille.enrichment.language import LanguageDetector, choose_language
from myrtille.enrichment.lexicons import LexiconEntry, load_events, load_sectors
from myrtille.enrichment.mentions import LABELS, central_companies, company_list, entity_list
from myrtille.enrichment.models import LanguageModels
from myrtille.enrichment.notice_fields import notice_owners
from myrtille.enrichment.placenames import PlaceNameMatcher, default_matcher
from myrtille.enrichment.places import document_places, lead_end
from myrtille.enrichment.registry import CompanyRecord
from myrtille.enrichment.sectors import SectorMatcher
from myrtille.pipeline.normalise import words_of

log = logging.getLogger(__name__)

TITLE_SEPARATOR = "\n\n"
MAX_LEMMA_WORDS = 500_000


@dataclass
class DocumentInput:
    id: str
    title: str
    text: str
    language: str | None = None
    kind: str = "article"
    fields: dict[str, Any] = field(default_factory=dict)
    # The publication date: event sentences dated earlier are background (events.py).
    published: datetime | None = None


@dataclass
class EnrichmentResult:
    document_id: str
    language: str | None = None
    language_source: str = "unknown"
    entities: list[dict[str, Any]] = field(default_factory=list)
    companies: list[dict[str, Any]] = field(default_factory=list)
    sectors: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    departments: list[str] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    title_lemmas: str = ""
    text_lemmas: str = ""
    truncated: bool = False
    model: str | None = None
    error: str | None = None


@dataclass
class LanguageTools:
    nlp: Language
    sectors: SectorMatcher
    events: EventMatcher


class Enricher:
    """Loads each language's pipeline once and enriches batches of documents."""

    def __init__(
        self,
        settings: EnrichmentSettings,
        registry: Iterable[CompanyRecord],
        *,
        gazetteer: Gazetteer | None = None,
        sectors: list[LexiconEntry] | None = None,
        events: list[LexiconEntry] | None = None,
        models: LanguageModels | None = None,
    ) -> None:
        """``models``: pipelines already loaded by another enricher, to share them."""
        self.settings = settings
        self.models = models or LanguageModels(settings)
        self.detector = LanguageDetector()
        self.gazetteer = gazetteer or Gazetteer.default()
        self.place_names = (
            default_matcher() if gazetteer is None else PlaceNameMatcher(self.gazetteer)
        )
        self.sector_lexicon = (
            sectors if sectors is not None else load_sectors(settings.sectors_file)
        )
        self.event_lexicon = events if events is not None else load_events(settings.events_file)
        self._records = list(registry)
        self._index: RegistryIndex | None = None
        self._tools: dict[str, LanguageTools] = {}
        # Company mentions found by _parse_ahead, per document (by id, with the document).
        self._found: dict[int, tuple[Doc, list[CompanyMention]]] = {}
        # A lemma's hash -> its words (words_of), as the index stores them.
        self._lemma_words: dict[int, str] = {}

    # -- set-up ------------------------------------------------------------------------

    @property
    def index(self) -> RegistryIndex:
        if self._index is None:
            self._index = RegistryIndex(self._records, self._is_common_word)
        return self._index

    def _is_common_word(self, word: str) -> bool:
        if word in FR_STOP_WORDS or word in EN_STOP_WORDS:
            return True
        for language in self.settings.models:
            nlp = self._tools[language].nlp if language in self._tools else None
            if nlp is None and language == "fr":
                nlp = self.models.get("fr")
            if nlp is not None and nlp.vocab.vectors.shape[0] and nlp.vocab.has_vector(word):
                return True
        return False

    def tools(self, language: str | None) -> LanguageTools:
        key = language if self.models.has_model(language) else f"blank:{language}"
        if key not in self._tools:
            nlp = self.models.get(language)
            if not nlp.has_pipe("myrtille_fold_norm"):
                nlp.add_pipe("myrtille_fold_norm", last=True)
                nlp.add_pipe("myrtille_company_ruler", last=True)
            code = language or "xx"
            self._tools[key] = LanguageTools(
                nlp,
                SectorMatcher(nlp, self.sector_lexicon, code),
                EventMatcher(nlp, self.event_lexicon, code),
            )
        tools = self._tools[key]
        # The ruler is a pipe of the loaded model, which enrichers with other registries
        # may share (``models=``): it must hold this enricher's registry when it runs.
        ruler: CompanyRuler = tools.nlp.get_pipe("myrtille_company_ruler")
        if ruler.index is not self.index:
            ruler.compile(self.index)
        return tools

    # -- enrichment --------------------------------------------------------------------

    def enrich(self, documents: list[DocumentInput]) -> list[EnrichmentResult]:
        """One result per document, in order; a document that fails carries its error."""
        groups: dict[str | None, list[tuple[int, DocumentInput, str]]] = defaultdict(list)
        results: list[EnrichmentResult | None] = [None] * len(documents)
        for position, document in enumerate(documents):
            language, source = choose_language(
                document.language, document.title, document.text, self.detector
            )
            groups[language].append((position, document, source))
        for language, members in groups.items():
            tools = self.tools(language)
            texts = [self._text(d) for _, d, _ in members]
            try:
                docs = list(
                    tools.nlp.pipe((t for t, _ in texts), batch_size=self.settings.batch_size)
                )
            except Exception:  # one poisoned text must not sink the batch: isolate it
                log.exception("batch failed; enriching its documents one by one")
                docs = [self._one(tools.nlp, t) for t, _ in texts]
            for doc, (text, _) in zip(docs, texts, strict=True):
                if not isinstance(doc, Exception):
                    remember_text(doc, text)  # the rules read it; Doc.text would join it
            self._parse_ahead(tools, [d for _, d, _ in members], docs)
            for (position, document, source), (_, truncated), doc in zip(
                members, texts, docs, strict=True
            ):
                if isinstance(doc, Exception):
                    results[position] = EnrichmentResult(
                        document.id,
                        language,
                        source,
                        error=f"{type(doc).__name__}: {str(doc)[:300]}",
                    )
                    continue
                try:
                    result = self._analyse(doc, document, tools)
                except Exception as exc:  # a bug on one document is recorded on it
                    log.exception("enrichment failed for %s", document.id)
                    result = EnrichmentResult(
                        document.id, error=f"{type(exc).__name__}: {str(exc)[:300]}"
                    )
                result.language, result.language_source = language, source
                result.truncated = truncated
                result.model = self.models.model_name(language)
                results[position] = result
            tools.events.forget()
            self._found = {}
        return [r for r in results if r is not None]

    def _parse_ahead(
        self, tools: LanguageTools, documents: list[DocumentInput], docs: list[Doc | Exception]
    ) -> None:
        """The event sentences of the whole batch parsed in one call (events.py); the
        company mentions this needs are kept for ``_analyse``. A failure here leaves each
        document to be analysed, and to fail, on its own."""
        self._found = {}
        ahead = []
        try:
            for document, doc in zip(documents, docs, strict=True):
                if isinstance(doc, Exception):
                    continue
                found = [m for m in find_companies(doc, self.index) if self._plausible(m)]
                self._found[id(doc)] = (doc, found)
                mentions = found + self._notice_companies(document, self.index)
                ahead.append((doc, mentions, document.published, len(document.title or "")))
            tools.events.parse_ahead(ahead)
        except Exception:
            log.exception("parsing the batch's event sentences failed; parsing one by one")
            tools.events.forget()
            self._found = {}

    def _mentions(self, doc: Doc) -> list[CompanyMention]:
        """The document's plausible company mentions, as ``_parse_ahead`` found them."""
        found = self._found.pop(id(doc), None)
        if found is not None and found[0] is doc:
            return list(found[1])
        return [m for m in find_companies(doc, self.index) if self._plausible(m)]

    @staticmethod
    def _one(nlp: Language, text: str) -> Doc | Exception:
        try:
            return nlp(text)
        except Exception as exc:
            return exc

    def _text(self, document: DocumentInput) -> tuple[str, bool]:
        """Title and text as one string; very long texts are cut at ``max_chars`` (at a
        paragraph or sentence end when there is one near the limit)."""
        text = document.text or ""
        truncated = len(text) > self.settings.max_chars
        if truncated:
            cut = text[: self.settings.max_chars]
            boundary = max(cut.rfind("\n"), cut.rfind(". "))
            text = cut[: boundary + 1] if boundary > self.settings.max_chars * 0.8 else cut
        return f"{document.title or ''}{TITLE_SEPARATOR}{text}", truncated

    def _analyse(self, doc: Doc, document: DocumentInput, tools: LanguageTools) -> EnrichmentResult:
        title_end = len(document.title or "")
        body_start = title_end + len(TITLE_SEPARATOR)
        index = self.index
        result = EnrichmentResult(document.id)
        # Lemmas are folded by the pipeline (fold_doc); they feed the index.
        strings = doc.vocab.strings
        words = self._lemma_words
        if len(words) > MAX_LEMMA_WORDS:
            words.clear()
        # From arrays rather than Token objects: this runs over every token. The words of
        # a joined text are its parts' words, so each lemma's are found once per process;
        # the words and the title's end are picked out at C speed (map, searchsorted).
        columns = doc.to_array([IS_ALPHA, LIKE_NUM, IDX, LEMMA]).reshape(-1, 4)
        worded = columns[(columns[:, 0] | columns[:, 1]) != 0]
        lemmas = worded[:, 3].tolist()
        found = list(map(words.get, lemmas))
        if None in found:  # lemmas new to this process
            for lemma in set(lemmas).difference(words):
                words[lemma] = " ".join(words_of(strings[lemma]))
            found = list(map(words.__getitem__, lemmas))
        in_title = int(numpy.searchsorted(worded[:, 2], title_end))  # IDX rises
        result.title_lemmas = " ".join(filter(None, found[:in_title]))
        result.text_lemmas = " ".join(filter(None, found[in_title:]))
        mentions = self._mentions(doc)
        result.entities = entity_list(doc, mentions, title_end, body_start)
        mentions += self._notice_companies(document, index)
        main = main_company(mentions, title_end)
        result.companies = company_list(mentions, index, title_end)
        names = {
            m.company_id: index.records[m.company_id].name
            for m in mentions
            if m.company_id in index.records
        }
        found = tools.events.find(
            doc, mentions, main, names, published=document.published, title_end=title_end
        )
        if document.kind == "notice" and document.fields.get("notice_type"):
            found = self._notice_events(document, main, names, mentions, doc)
        result.events = [
            e.__dict__
            | {
                "siren": index.records[e.company_id].siren
                if e.company_id in index.records
                else None
            }
            for e in found
        ]
        naf = (
            [
                (cid, index.records[cid].naf)
                for cid in central_companies(mentions, title_end)
                if cid in index.records
            ]
            if self.settings.registry_implies_sectors
            else []
        )
        result.sectors = [
            {"code": s.code, "score": s.score, "evidence": s.evidence}
            for s in tools.sectors.score(doc, title_end, naf)
        ]
        self._places(doc, document, result, main, mentions, title_end)
        return result

    def _plausible(self, mention: CompanyMention) -> bool:
        """An unlinked ORG that is a known place or a unit ("MW") is a NER slip."""
        if mention.company_id:
            return True
        name = mention.name.strip()
        if len(name) <= 3 and name.isupper():
            return False
        return self.gazetteer.resolve(name) is None

    def _notice_events(
        self,
        document: DocumentInput,
        main: str | None,
        names: dict[str, str],
        mentions: list[CompanyMention],
        doc: Doc,
    ) -> list[Event]:
        """A legal notice's events come from its family and its regulated wording (see
        ``notices.py``), not from the news lexicon: its boilerplate (court, registry
        office, administrators) would read as events; a sale plan's is its buyer's."""
        family = str(document.fields["notice_type"]).lower()
        sentence = " ".join((document.title or "").split())
        company = names.get(main or "", document.fields.get("company_name"))
        return [
            Event(kind, sentence, 0, len(sentence), company_id=cid, company=name)
            for kind, cid, name in notice_owners(
                family, document.text or "", mentions, text_of(doc), (main, company), names
            )
        ]

    def _notice_companies(
        self, document: DocumentInput, index: RegistryIndex
    ) -> list[CompanyMention]:
        """An open-data notice names its company by SIREN: no guessing needed."""
        siren = document.fields.get("siren")
        if not siren:
            return []
        company_id = siren if siren in index.records else None
        name = document.fields.get("company_name") or siren
        return [CompanyMention(company_id, str(name), 0, 0, "record")]

    def _places(
        self,
        doc: Doc,
        document: DocumentInput,
        result: EnrichmentResult,
        main: str | None,
        mentions: list[CompanyMention],
        title_end: int,
    ) -> None:
        """Place names on the text itself, whatever the NER made of them; a person's or a
        linked company's name holds none ("Florence Dupont", "Tissages de Lyon")."""
        # A person's full name only: the small models call a lone "Dijon" a person too.
        excluded = [
            (e.start_char, e.end_char)
            for e in entities_of(doc)
            if LABELS.get(e.label_) == "PER" and len(e) > 1
        ]
        excluded += [(m.start, m.end) for m in mentions if m.company_id and m.end > m.start]
        text = text_of(doc)
        names = self.place_names.find(
            text,
            excluded=excluded,
            title_end=title_end,
        )
        found = document_places(
            names,
            document.fields,
            self.gazetteer,
            self.index.records.get(main)
            if main and self.settings.registry_implies_places
            else None,
            title_end=title_end,
            lead_end=lead_end(text, title_end),
            text=text,
        )
        result.places += found.places
        result.regions = found.regions
        result.departments = found.departments
