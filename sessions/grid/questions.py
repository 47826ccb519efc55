"""The guide's placement questions for a grid, read from ``questions.toml`` (data, FR and EN).

F6 shows them for the grid in use: impact / maîtrise (fiche outil n°1: today,
then at the horizon, then why), répandue / fondée (fiche outil n°2: well-founded
or not, and why); a grid kind the file does not name gets its ``default`` table.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources

from sessions.i18n.catalog import french_spacing

DEFAULT = "default"


@dataclass(frozen=True)
class Question:
    key: str  # the F6 key that records the answer ("" for none)
    label: str
    text: str


@functools.cache
def _table() -> dict[str, list[dict[str, str]]]:
    data = resources.files("sessions.grid").joinpath("questions.toml").read_text("utf-8")
    return tomllib.loads(data)


def kinds() -> list[str]:
    """The grid kinds the file names (``default`` included)."""
    return list(_table())


def questions_for(kind: str, lang: str, horizon: int | str) -> list[Question]:
    """The questions of grid ``kind`` in ``lang`` (English falls back to French), in order."""
    table = _table()
    rows = table.get(kind) or table[DEFAULT]
    english = lang == "en"
    found = []
    for row in rows:
        label = row.get("label_en") if english and row.get("label_en") else row["label"]
        text = row.get("text_en") if english and row.get("text_en") else row["text"]
        label, text = label.format(horizon=horizon), text.format(horizon=horizon)
        if not english:  # a wrapped line never starts with a lone "?" (French typography)
            label, text = french_spacing(label), french_spacing(text)
        found.append(Question(key=row.get("key", ""), label=label, text=text))
    return found
