"""Shared pydantic base: strict about unknown keys, lenient about defaults."""

from __future__ import annotations

import secrets

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    """Base for every stored model: unknown keys are an error, assignments validate."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)


def short_id(prefix: str = "") -> str:
    """A short random identifier, e.g. ``p3f9a`` for a participant."""
    return prefix + secrets.token_hex(3)
