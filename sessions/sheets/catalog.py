"""Sheet kinds, read from the TOML data files of ``sessions/sheets/kinds``.

A kind is only data: its fields (key, French and English label, type, help line
from the guide), and for a table its columns, fixed rows, totals and shares.
A new kind (chantier, bilan...) is a new file, not new code.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sessions.i18n.catalog import french_spacing

FieldType = Literal["text", "long", "choice", "yes_no", "people", "table"]
CellType = Literal["text", "number", "choice"]
_KEY = r"^[a-z][a-z0-9_]*$"


class KindError(ValueError):
    """A kind file that cannot be read: the message names the file and the field."""


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str = Field(pattern=_KEY)
    label: str = Field(min_length=1)
    label_en: str = ""

    def display(self, lang: str, year: int | None = None) -> str:
        text = self.label_en if lang == "en" and self.label_en else self.label
        if year is not None and "{" in text:
            text = text.format(**{f"y{i}": year + i for i in range(4)})
        return text


class _Choices(_Spec):
    values: tuple[str, ...] = ()
    values_en: tuple[str, ...] = ()

    def value_label(self, value: str, lang: str) -> str:
        """How a stored (French) choice value is shown in ``lang``."""
        if lang == "en" and value in self.values:
            index = self.values.index(value)
            if index < len(self.values_en):
                return self.values_en[index]
        return value


class Column(_Choices):
    type: CellType = "text"


class Row(_Spec):
    pass


class Subtotal(_Spec):
    rows: tuple[str, ...]
    after: str = ""  # the row it is shown after (default: the last of ``rows``)


class FieldSpec(_Choices):
    type: FieldType
    help: str = ""
    help_en: str = ""
    columns: tuple[Column, ...] = ()
    rows: tuple[Row, ...] = ()  # fixed rows (e.g. the funders); none: rows are added freely
    totals: bool = False  # a total per row and per number column
    shares: bool = False  # each row's share of the grand total (%)
    total_label: str = ""
    total_label_en: str = ""
    subtotals: tuple[Subtotal, ...] = ()

    def help_text(self, lang: str) -> str:
        if lang == "en" and self.help_en:
            return self.help_en
        return french_spacing(self.help)  # never a line starting with a lone "?"

    def total_text(self, lang: str) -> str:
        return self.total_label_en if lang == "en" and self.total_label_en else self.total_label

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)

    @property
    def number_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.type == "number")


class Kind(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: str = Field(pattern=_KEY)
    title: str = Field(min_length=1)
    title_en: str = ""
    order: int = 100
    source: str = ""
    becomes: str = ""  # the kind this one can turn into (a solution becomes an action)
    carry: dict[str, str] = Field(default_factory=dict)  # target field = this kind's field
    # A phase with ``turns_from`` this kind gives one turn per sheet; this field (a short
    # text, e.g. the rapporteur) names who speaks in it (``sessions.agenda.turns_from``).
    turn_speaker: str = ""
    fields: tuple[FieldSpec, ...] = Field(min_length=1)

    def display_title(self, lang: str) -> str:
        return self.title_en if lang == "en" and self.title_en else self.title

    def field(self, key: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.key == key), None)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)


def parse_kind(text: str, origin: str) -> Kind:
    """One kind's TOML; errors name ``origin`` and the field."""
    try:
        data = tomllib.loads(text)
        return Kind.model_validate(data)
    except tomllib.TOMLDecodeError as exc:
        raise KindError(f"{origin}: {exc}") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise KindError(f"{origin}: {where}: {first['msg']}") from exc


@functools.cache
def builtin_kinds() -> tuple[Kind, ...]:
    folder = resources.files("sessions.sheets.kinds")
    found = [
        parse_kind(entry.read_text(encoding="utf-8"), entry.name)
        for entry in folder.iterdir()
        if entry.name.endswith(".toml")
    ]
    return tuple(sorted(found, key=lambda k: (k.order, k.kind)))


def kinds_by_name() -> dict[str, Kind]:
    return {k.kind: k for k in builtin_kinds()}


def find_kind(name: str) -> Kind | None:
    return kinds_by_name().get(name)
