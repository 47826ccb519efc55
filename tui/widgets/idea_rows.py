"""The rows of F4's ideas list: one idea's cells, rebuilt only when the idea changed."""

from __future__ import annotations

from rich.text import Text

from sessions.i18n import get_language, t
from sessions.models import Idea, Session


def idea_cells(session: Session, idea: Idea) -> tuple[Text, ...]:
    """One row of the ideas list (plain text, never markup).

    An idea without author says "entrée libre" in a tour de table (the exception
    there); in a brainstorm no post-it has an author: the cell stays empty.
    """
    author = session.participant(idea.author_id)
    if author is not None:
        who = Text(author.name)
    elif session.parts.capture == "free":
        who = Text("")
    else:
        who = Text(t("capture.free"), style="italic")
    style = "strike dim" if idea.deleted else ("dim" if idea.duplicate_of else "")
    if idea.deleted:
        state = t("capture.state.deleted")
    elif idea.duplicate_of is not None:
        state = t("capture.state.duplicate", of=idea.duplicate_of)
    elif idea.late:
        state = t("capture.state.late")
    elif idea.history:
        state = t("capture.state.edited", n=len(idea.history))
    else:
        state = ""
    return (
        Text(str(idea.number), style="bold"),
        _idea_text(idea, style),
        who,
        Text(str(idea.round) if idea.round else "-"),
        Text(state, style="dim"),
    )


def _idea_text(idea: Idea, style: str) -> Text:
    """The idea's wording, then its very short description (dim), if any."""
    text = Text(idea.text, style=style)
    if idea.description:
        text.append(f" — {idea.description}", style="dim italic")
    return text


class IdeaRows:
    """Number -> (what the row depends on, its cells): unchanged ideas reuse their cells."""

    def __init__(self) -> None:
        self._known: dict[int, tuple[tuple[object, ...], tuple[Text, ...]]] = {}

    def cells(self, s: Session, idea: Idea, names: dict[str, str]) -> tuple[Text, ...]:
        """``idea_cells``, rebuilt only when the idea (or its author's name) changed."""
        key = (
            get_language(),
            idea.text,
            names.get(idea.author_id) if idea.author_id else None,
            idea.round,
            idea.deleted,
            idea.duplicate_of,
            len(idea.history),
            idea.description,
            idea.late,
            s.parts.capture,  # a brainstorm leaves an idea without author blank
        )
        known = self._known.get(idea.number)
        if known is not None and known[0] == key:
            return known[1]
        cells = idea_cells(s, idea)
        self._known[idea.number] = (key, cells)
        return cells
