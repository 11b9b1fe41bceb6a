"""The language of a document: as declared by the page or feed when the text agrees,
else detected.

Pages often carry a wrong ``<html lang>`` from their CMS template, so a declared language
is kept only when detection on the text agrees with it, or when the text is too short to
tell (fewer than ``CHECK_LETTERS`` letters) or detection is unsure (its probability below
``OVERRIDE_CONFIDENCE``). Documented in docs/enrichment.md."""

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
        if _letters(sample[:3000]) < CHECK_LETTERS:
            return code, "declared"
        # A check needs less text than a guess: the first 1,000 characters are plenty.
        detected, probability = detector.detect(sample[:1000])
        if detected and detected != code and probability >= OVERRIDE_CONFIDENCE:
            return detected, "corrected"
        return code, "declared"
    detected, _ = detector.detect(sample)
    return (detected, "detected") if detected else (None, "unknown")
