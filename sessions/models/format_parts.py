"""What a session's format uses beyond the common parts, declared by its template.

A template's ``[parts]`` table (``sessions.agenda.catalog``) is copied here when
a session is created: how many items the top keeps, the kinds of sheets (fiches)
the group fills in, the maps it draws, whether it works on enjeux. The vote's
rule goes to ``vote.rule`` (its one home). The app shows the sections of the
parts a session has (``sessions.core.parts``).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from sessions.models.base import Code, Model, Number

TOP_N = 10  # the top 10 of the fiches outils, with ties


class FormatParts(Model):
    top: Number = TOP_N
    sheets: list[Code] = Field(default_factory=list)  # sheet kinds, e.g. "action"
    maps: list[Code] = Field(default_factory=list)  # map kinds: "ressources", "offre"
    enjeux: bool = False
    # The brainstorm's capture: "tour" (the tour de table, fiches 1 and 2) or "free"
    # (divergence-convergence: one idea per post-it, no author, the tour optional). Schema 10.
    capture: Literal["tour", "free"] = "tour"


# What each built-in template declared when sessions got their ``parts`` (schema 5),
# beside the defaults. A migration is frozen with its schema: a file upgraded in a
# year gets what it would have got today, and the models never import the agenda
# catalog (tests/test_import_cycles.py, which also checks this table against the
# templates as they are).
PARTS_AT_SCHEMA_5: dict[str, dict[str, Any]] = {
    "divergence-convergence": {"sheets": ["solution", "action"]},
    "atelier-thematique": {"sheets": ["synthese"]},
    "enjeux-solutions": {"enjeux": True, "sheets": ["chantier"]},
    "ecosysteme-ressources": {"maps": ["ressources"]},
    "offre-existante": {"maps": ["offre"], "sheets": ["bilan"]},
}


def add_format_parts(doc: dict[str, Any]) -> dict[str, Any]:
    """Migration: an older file gets the parts its built-in template declared (schema 5)."""
    if "parts" not in doc:
        template = doc.get("template")
        declared = PARTS_AT_SCHEMA_5.get(template, {}) if isinstance(template, str) else {}
        doc["parts"] = FormatParts(**declared).model_dump(mode="json")
    return doc
