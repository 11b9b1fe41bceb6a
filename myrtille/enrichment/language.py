"""The language of a document: as declared by the page or feed when the text agrees,
else detected.

Pages often carry a wrong ``<html lang>`` from their CMS template, so a declared language
is kept only when detection on the text agrees with it, or when the text is too short to
tell (fewer than ``CHECK_LETTERS`` letters) or detection is unsure (its probability below
``OVERRIDE_CONFIDENCE``). A text whose own function words show plainly that it is in the
declared language (``plainly_in``) keeps it without running detection, which would only
agree and costs ten times more. Documented in docs/enrichment.md."""

from __future__ import annotations

import re
from functools import cached_property
from typing import Literal

LanguageSource = Literal["declared", "detected", "corrected", "unknown"]
MIN_CONFIDENCE = 0.6
MIN_LETTERS = 20
# Overriding a declared language needs more text and more certainty than guessing one.
CHECK_LETTERS = 100
OVERRIDE_CONFIDENCE = 0.9
# Everything but a letter: removing these and measuring what is left counts the letters
# without a list of one-character strings.
_NOT_LETTERS = re.compile(r"[\W\d_]+", re.UNICODE)
_CODE = re.compile(r"^[a-z]{2,3}$")
_WORD = re.compile(r"[^\W\d_]+")
# Frequent function words of each language with a model, none of them a common word of the
# other or of a neighbour (Spanish, Portuguese, Italian, Catalan, German, Dutch): "il",
# "qui", "de", "la", "mais", "is", "was", "of", "in", "for", "also" are left out for that.
# fmt: off
FUNCTION_WORDS = {
    "fr": frozenset(
        {
            "les", "des", "est", "et", "une", "dans", "pour", "avec", "aux", "du", "au",
            "ont", "sont", "été", "cette", "ces", "leur", "ses", "ils", "sur", "par",
        }
    ),
    "en": frozenset(
        {
            "the", "and", "that", "with", "has", "have", "its", "from", "which", "are",
            "were", "this", "their", "been", "would", "said", "they", "these", "into", "than",
        }
    ),
}
# fmt: on
# Plainly in a language: this many of its function words, of at least PLAIN_DISTINCT
# different ones, and PLAIN_MARGIN times as many as of any other language listed.
PLAIN_WORDS = 12
PLAIN_DISTINCT = 6
PLAIN_MARGIN = 4


class LanguageDetector:
    """py3langid, loaded on first use (its model takes a moment)."""

    @cached_property
    def _identifier(self):  # type: ignore[no-untyped-def]
        from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

        return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)

    def detect(self, text: str) -> tuple[str | None, float]:
        sample = text[:3000]
        if _letters(sample) < MIN_LETTERS:
            return None, 0.0
        language, probability = self._identifier.classify(sample)
        return (
            (str(language), float(probability))
            if probability >= MIN_CONFIDENCE
            else (None, float(probability))
        )


def _letters(text: str) -> int:
    return len(_NOT_LETTERS.sub("", text))


def plainly_in(code: str, sample: str) -> bool:
    """Whether ``sample``'s function words show plainly that it is in ``code`` (a language
    of ``FUNCTION_WORDS``): a text written in a language is full of its little words."""
    own = FUNCTION_WORDS.get(code)
    if own is None:
        return False
    words = _WORD.findall(sample.lower())
    found = [word for word in words if word in own]
    if len(found) < PLAIN_WORDS or len(set(found)) < PLAIN_DISTINCT:
        return False
    return all(
        len(found) >= PLAIN_MARGIN * sum(1 for word in words if word in others)
        for language, others in FUNCTION_WORDS.items()
        if language != code
    )


def _has_letters(text: str, count: int) -> bool:
    """Whether ``text`` holds at least ``count`` letters; a short prefix usually does."""
    return _letters(text[: count * 3]) >= count or _letters(text) >= count


def normalise_code(declared: str | None) -> str | None:
    if not declared:
        return None
    code = declared.strip().lower().replace("_", "-").split("-")[0]
    return code if _CODE.match(code) else None


def choose_language(
    declared: str | None, title: str, text: str, detector: LanguageDetector
) -> tuple[str | None, LanguageSource]:
    """The declared language unless the text is plainly in another one ("corrected"),
    else the detected one, else unknown."""
    code = normalise_code(declared)
    sample = f"{title}\n{text}"
    if code:
        if not _has_letters(sample[:3000], CHECK_LETTERS):
            return code, "declared"
        # A check needs less text than a guess: the first 1,000 characters are plenty.
        check = sample[:1000]
        if plainly_in(code, check):
            return code, "declared"
        detected, probability = detector.detect(check)
        if detected and detected != code and probability >= OVERRIDE_CONFIDENCE:
            return detected, "corrected"
        return code, "declared"
    detected, _ = detector.detect(sample)
    return (detected, "detected") if detected else (None, "unknown")
