"""The language of a document: as declared by the page or feed, else detected."""

from __future__ import annotations

import re
from functools import cached_property
from typing import Literal

LanguageSource = Literal["declared", "detected", "unknown"]
MIN_CONFIDENCE = 0.6
MIN_LETTERS = 20
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_CODE = re.compile(r"^[a-z]{2,3}$")


class LanguageDetector:
    """py3langid, loaded on first use (its model takes a moment)."""

    @cached_property
    def _identifier(self):  # type: ignore[no-untyped-def]
        from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

        return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)

    def detect(self, text: str) -> tuple[str | None, float]:
        sample = text[:3000]
        if len(_LETTERS.findall(sample)) < MIN_LETTERS:
            return None, 0.0
        language, probability = self._identifier.classify(sample)
        return (
            (str(language), float(probability))
            if probability >= MIN_CONFIDENCE
            else (None, float(probability))
        )


def normalise_code(declared: str | None) -> str | None:
    if not declared:
        return None
    code = declared.strip().lower().replace("_", "-").split("-")[0]
    return code if _CODE.match(code) else None


def choose_language(
    declared: str | None, title: str, text: str, detector: LanguageDetector
) -> tuple[str | None, LanguageSource]:
    """The declared language when there is one, else the detected one, else unknown."""
    code = normalise_code(declared)
    if code:
        return code, "declared"
    detected, _ = detector.detect(f"{title}\n{text}")
    return (detected, "detected") if detected else (None, "unknown")
