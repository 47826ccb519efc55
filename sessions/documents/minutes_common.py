"""What every section of the minutes shares: the options, the translator, dates and labels."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sessions.i18n import t, tn
from sessions.models import Session
from sessions.vote import ranking
from sessions.vote.ranking import RankedItem

Tr = Callable[..., str]


def translator(lang: str) -> Tr:
    """``t`` in ``lang``; messages without values are looked up once (thousands of cells)."""
    plain: dict[str, str] = {}

    def tr(key: str, plural: int | None = None, **values: object) -> str:
        if plural is not None:  # a counted message: key.one / key.other
            return tn(key, plural, lang, **values)
        if values:
            return t(key, lang, **values)
        text = plain.get(key)
        if text is None:
            text = plain[key] = t(key, lang)
        return text

    return tr


@dataclass(frozen=True)
class MinutesOptions:
    """How the minutes are written: their language, and whether people are named."""

    lang: str
    names: bool = True
    tr: Tr = field(default=None, compare=False, repr=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.tr is None:
            object.__setattr__(self, "tr", translator(self.lang))


def minutes_language(session: Session, lang: str | None = None) -> str:
    return lang or (session.language if session.language in ("fr", "en") else "fr")


def format_date(session: Session, lang: str) -> str:
    """The session's date as the app writes it (``1er décembre 2026``): one formatter for both."""
    from sessions.i18n.formats import format_date as app_date

    return app_date(session.date, lang)


def format_minutes(value: float | None, lang: str = "en") -> str:
    """Minutes to a tenth: ``0,2`` in French (a decimal comma), ``0.2`` in English."""
    if value is None:
        return "—"
    from sessions.i18n.formats import format_number

    return format_number(round(value, 1), lang)


def author_name(session: Session, author_id: str | None) -> str:
    person = session.participant(author_id)
    return person.name if person else ""


def numbers_label(item: RankedItem) -> str:
    return " + ".join(str(n) for n in item.numbers) if len(item.numbers) > 1 else str(item.number)


def rank_label(item: RankedItem, ties: set[int], tr: Tr) -> str:
    return ranking.rank_label(item, ties, tr)  # the one rank-and-tie label (F5, F12, minutes)


def top_items(session: Session) -> list[RankedItem]:
    return ranking.top_items(session)


def has_grid(session: Session) -> bool:
    """The format places items on a grid (its template planned one) or some are placed."""
    return _present(session, "grid")


def votes(session: Session) -> bool:
    """Whether the session's format votes, so that its minutes speak of a vote.

    The guides vote with dots (divergence–convergence) or to choose what goes on
    the grid (fiches outils n°1 and n°2); the other formats (atelier thématique,
    chantiers, maps) do not, unless the group voted anyway
    (``sessions.core.parts``: the vote part's presence).
    """
    return _present(session, "vote")


def gathers_ideas(session: Session) -> bool:
    """Whether the minutes list the ideas: a format that votes on them, or ideas given anyway."""
    return _present(session, "ideas")


def _present(session: Session, part_name: str) -> bool:
    from sessions.core.parts import part

    return part(part_name).is_in(session)


def declares(session: Session, part_name: str) -> bool:
    """Whether the session's format declares a part (its template's ``[parts]``: sheets, maps...).

    What a section that stayed empty goes by: a format that plans sheets says
    "no sheet filled in"; one whose group added then deleted a sheet says nothing.
    """
    return bool(getattr(session.parts, part_name, None))
