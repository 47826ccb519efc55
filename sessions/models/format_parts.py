"""What a session's format uses beyond the common parts, declared by its template.

A template's ``[parts]`` table (``sessions.agenda.catalog``) is copied here when
a session is created: how many items the top keeps, the kinds of sheets (fiches)
the group fills in, the maps it draws, whether it works on enjeux. The vote's
rule goes to ``vote.rule`` (its one home). The app shows the sections of the
parts a session has (``sessions.core.parts``).
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from sessions.models.base import Code, Model, Number

TOP_N = 10  # the top 10 of the fiches outils, with ties


class FormatParts(Model):
    top: Number = TOP_N
    sheets: list[Code] = Field(default_factory=list)  # sheet kinds, e.g. "action"
    maps: list[Code] = Field(default_factory=list)  # map kinds: "ressources", "offre"
    enjeux: bool = False


def add_format_parts(doc: dict[str, Any]) -> dict[str, Any]:
    """Migration: an older file gets the parts its built-in template declares today."""
    if "parts" not in doc:
        from sessions.agenda.catalog import builtin_parts

        template = doc.get("template")
        doc["parts"] = builtin_parts(template if isinstance(template, str) else "")
    return doc
