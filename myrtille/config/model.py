"""The base of every settings model."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    """Frozen, strict about unknown keys: a typo in the file is an error, not a no-op."""

    model_config = ConfigDict(extra="forbid", frozen=True)
