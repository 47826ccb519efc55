"""Agenda templates: the 7 built-in formats of METHOD.md and the user's own.

Built-ins are TOML files inside ``sessions/agenda/templates``; a user's templates are
``*.toml`` files in the ``templates/`` folder of the data folder (same format),
and a user template with a built-in's name replaces it.
"""

from __future__ import annotations

import copy
import functools
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError

from sessions.core.errors import DomainError
from sessions.models import Phase, PhaseKind, Rotation, Session, Turn
from sessions.models.agenda import TurnsFrom
from sessions.models.base import Code, Minutes, Model, Number
from sessions.models.format_parts import TOP_N, FormatParts
from sessions.models.vote import DEFAULT_DOTS, Dots
from sessions.storage.regular import read_regular

MAX_TEMPLATE_BYTES = 1024 * 1024


class TemplateError(ValueError):
    """A template file that cannot be read: the message names the file and line."""


class TemplateTurn(Turn):
    """A speaker turn of a template, its label in English too (``label_en``)."""

    label_en: str = ""

    def build(self, lang: str) -> Turn:
        return Turn(label=in_language(self.label, self.label_en, lang), minutes=self.minutes)


class TemplateRotation(Rotation):
    """A rotation of a template, its label in English too (``label_en``)."""

    label_en: str = ""

    def build(self, lang: str) -> Rotation:
        label = in_language(self.label, self.label_en, lang)
        return Rotation(every_minutes=self.every_minutes, label=label)


def in_language(french: str, english: str, lang: str) -> str:
    """A template's text in ``lang``: the English one when asked for and given."""
    return english if lang == "en" and english else french


class TemplatePhase(Model):
    title: str = Field(min_length=1)
    title_en: str = ""
    kind: PhaseKind = PhaseKind.PLENARY
    minutes: Minutes
    notes: str = ""
    notes_en: str = ""
    warn_minutes: Minutes | None = None
    turns: list[TemplateTurn] = Field(default_factory=list)
    rotation: TemplateRotation | None = None
    # One turn per sheet of this kind ("solution": each group presents), ``turn_minutes`` each.
    turns_from: Code = ""
    turn_minutes: Minutes = 3

    def display_title(self, lang: str) -> str:
        return in_language(self.title, self.title_en, lang)


class TemplateParts(Model):
    """A template's ``[parts]`` table: the parts its format uses, copied into each new session."""

    vote: Literal["envelope", "dots"] = "envelope"  # the convergence's vote rule
    dots: Dots = DEFAULT_DOTS  # dots per person, for a dot vote
    top: Number = TOP_N
    sheets: list[Code] = Field(default_factory=list)  # sheet kinds (fiches)
    maps: list[Code] = Field(default_factory=list)  # map kinds
    enjeux: bool = False
    capture: Literal["tour", "free"] = "tour"  # F4: the tour de table, or free entry

    def format_parts(self) -> FormatParts:
        return FormatParts(
            top=self.top,
            sheets=list(self.sheets),
            maps=list(self.maps),
            enjeux=self.enjeux,
            capture=self.capture,
        )

    def apply(self, session: Session) -> None:
        """Give a new session these parts: its ``parts``, its vote's rule and dots."""
        session.parts = self.format_parts()
        session.vote.rule = self.vote
        session.vote.per_person = self.dots


class Template(Model):
    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    title: str
    title_en: str = ""
    order: int = 100
    source: str = ""
    slot_minutes: Minutes | None = None
    grid: str | None = None
    question: str = ""
    question_en: str = ""
    ask_minutes: bool = False
    phases: list[TemplatePhase] = Field(min_length=1)
    parts: TemplateParts = Field(default_factory=TemplateParts)
    path: str = ""  # where it was read from; "" for built-ins

    @property
    def total_minutes(self) -> float:
        return sum(phase.minutes for phase in self.phases)

    def display_title(self, lang: str) -> str:
        return in_language(self.title, self.title_en, lang)

    def display_question(self, lang: str) -> str:
        return in_language(self.question, self.question_en, lang)

    def build_agenda(self, lang: str = "fr") -> list[Phase]:
        """Fresh phases (new ids, no timing yet) for a new session run in ``lang``."""
        return [
            Phase(
                title=p.display_title(lang),
                kind=p.kind,
                minutes=p.minutes,
                notes=in_language(p.notes, p.notes_en, lang),
                warn_minutes=p.warn_minutes,
                turns=[t.build(lang) for t in p.turns],
                rotation=p.rotation.build(lang) if p.rotation else None,
                turns_from=(
                    TurnsFrom(kind=p.turns_from, minutes=p.turn_minutes) if p.turns_from else None
                ),
            )
            for p in self.phases
        ]

    def as_json(self) -> dict[str, Any]:
        """The ``atelier templates --json`` object (a contract: keys only get added)."""
        total = self.total_minutes
        return {
            "name": self.name,
            "title": self.title,
            "title_en": self.title_en,
            "source": self.source,
            "total_minutes": int(total) if total == int(total) else total,
            "slot_minutes": self.slot_minutes,
            "grid": self.grid,
            "builtin": not self.path,
            "parts": self.parts.model_dump(mode="json"),
            "phases": [
                {
                    "title": p.title,
                    "title_en": p.title_en,
                    "kind": str(p.kind),
                    "minutes": int(p.minutes) if p.minutes == int(p.minutes) else p.minutes,
                }
                for p in self.phases
            ],
        }


def parse_template(text: str, origin: str, default_name: str = "") -> Template:
    """Parse one template's TOML; errors name ``origin`` and the line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"{origin}: {exc}") from exc
    if "name" not in data and default_name:
        data["name"] = default_name
    try:
        return Template.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise TemplateError(f"{origin}: {where}: {first['msg']}") from exc


def builtin_templates() -> list[Template]:
    folder = resources.files("sessions.agenda.templates")
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".toml"):
            found.append(parse_template(entry.read_text(encoding="utf-8"), entry.name))
    return sorted(found, key=lambda t: (t.order, t.name))


@functools.cache
def _builtin_parts_table() -> dict[str, dict[str, Any]]:
    return {t.name: t.parts.format_parts().model_dump(mode="json") for t in builtin_templates()}


def builtin_parts(name: str) -> dict[str, Any]:
    """The stored ``parts`` of a session of built-in template ``name`` (defaults when unknown)."""
    found = _builtin_parts_table().get(name)
    return copy.deepcopy(found) if found is not None else FormatParts().model_dump(mode="json")


def user_templates(folder: Path | None) -> tuple[list[Template], list[TemplateError]]:
    """Templates from the user's folder, and the errors of the files that failed."""
    if folder is None or not folder.is_dir():
        return [], []
    good: list[Template] = []
    bad: list[TemplateError] = []
    for path in sorted(folder.glob("*.toml")):
        try:
            # A folder or a pipe named x.toml is refused at once, never waited on.
            raw = read_regular(path, MAX_TEMPLATE_BYTES)
            if len(raw) > MAX_TEMPLATE_BYTES:
                raise TemplateError(f"{path}: > {MAX_TEMPLATE_BYTES // 1024} KB")
            text = raw.decode("utf-8")
            template = parse_template(text, str(path), default_name=path.stem)
        except TemplateError as exc:
            bad.append(exc)
            continue
        except (OSError, UnicodeDecodeError) as exc:
            bad.append(TemplateError(f"{path}: {exc}"))
            continue
        good.append(template.model_copy(update={"path": str(path)}))
    return good, bad


def all_templates(user_folder: Path | None = None) -> list[Template]:
    """Built-ins then user templates; a user template replaces a built-in of the same name."""
    by_name = {t.name: t for t in builtin_templates()}
    users, _errors = user_templates(user_folder)
    for template in users:
        by_name[template.name] = template
    return sorted(by_name.values(), key=lambda t: (t.order, t.name))


class UnknownTemplateError(DomainError, KeyError):
    """No template of that name (a KeyError, as before); translated when shown."""


def find_template(name: str, user_folder: Path | None = None) -> Template:
    templates = all_templates(user_folder)
    for template in templates:
        if template.name == name:
            return template
    names = ", ".join(t.name for t in templates)
    raise UnknownTemplateError("cli.new.unknown_template", name=name, known=names)
