"""The groups' synthesis: several groups' sessions merged into one Markdown document.

For the *restitution*, the rapporteurs bring their groups' results together:
``synthesis_markdown(sessions)`` writes a combined table of every group's top
items (group, rank, number, idea, points), then a section per group with its
question, its top items and its grid (drawn in text, with its table of
positions and reasons). User text stays literal (``sessions.documents.markdown_safe``).
"""

from __future__ import annotations

from collections.abc import Sequence

from sessions.documents import markdown_safe as md
from sessions.documents.minutes import (
    format_date,
    grid,
    has_grid,
    minutes_language,
    numbers_label,
    rank_label,
    top,
    top_items,
    translator,
)
from sessions.i18n import t
from sessions.models import Session
from sessions.vote.ranking import ranked_items, tied_ranks


def group_name(session: Session) -> str:
    """How a group is called in the synthesis: its session title."""
    return session.title


def synthesis_markdown(sessions: Sequence[Session], lang: str | None = None) -> str:
    """One Markdown document for the groups' ``sessions`` (in the given order)."""
    if not sessions:
        raise ValueError("a synthesis needs at least one session")
    lang = minutes_language(sessions[0], lang)
    tr = translator(lang)
    titles = ", ".join(group_name(s) for s in sessions)
    themes = list(dict.fromkeys(s.theme for s in sessions if s.theme))
    parts = ["# " + md.escape_inline(tr("synthesis.title"))]
    intro = [tr("synthesis.intro", count=len(sessions), titles=titles)]
    dates = list(dict.fromkeys(format_date(s, lang) for s in sessions))
    intro.append(
        f"{tr('minutes.date')} : {', '.join(dates)}"
        if lang == "fr"
        else f"{tr('minutes.date')}: {', '.join(dates)}"
    )
    if themes:
        label = tr("minutes.theme")
        intro.append(
            f"{label} : {' / '.join(themes)}" if lang == "fr" else f"{label}: {' / '.join(themes)}"
        )
    parts.append("\n".join("- " + md.escape_inline(line, line_start=False) for line in intro))
    parts += ["## " + md.escape_inline(tr("synthesis.h.combined")), combined(sessions, lang)]
    for session in sessions:
        parts.append("## " + md.escape_inline(tr("synthesis.h.group", title=group_name(session))))
        if session.question:
            parts.append(
                f"**{md.escape_inline(tr('minutes.question'), line_start=False)}** : "
                + md.escape_inline(" ".join(session.question.split()), line_start=False)
            )
        parts += ["### " + tr("minutes.h.top"), top(session, tr)]
        if has_grid(session):
            heading = tr(f"grid.heading.{session.grid.kind.value}")
            parts += ["### " + heading, grid(session, tr, lang)]
    return "\n\n".join(parts) + "\n"


def combined(sessions: Sequence[Session], lang: str) -> str:
    """Every group's top items in one table, group by group, by rank."""
    tr = translator(lang)
    rows = []
    for session in sessions:
        items = top_items(session)
        ties = tied_ranks(ranked_items(session))
        if not items:
            rows.append([group_name(session), "", "", t("synthesis.no_top", lang), ""])
        for item in items:
            rows.append(
                [
                    group_name(session),
                    rank_label(item, ties, tr),
                    numbers_label(item),
                    item.text,
                    str(item.points),
                ]
            )
    return md.table(
        [
            tr("synthesis.col.group"),
            tr("minutes.col.rank"),
            tr("minutes.col.number"),
            tr("minutes.col.idea"),
            tr("minutes.col.points"),
        ],
        rows,
        ["l", "r", "r", "l", "r"],
    )
