"""The rows of the ranking table (F5 once the count is closed): rank, items, points, status."""

from __future__ import annotations

from rich.text import Text

from sessions.i18n import t
from sessions.models import Session
from sessions.vote.dots import is_dots
from sessions.vote.ranking import rank_label, ranked_items, tied_ranks, top_numbers


def ranking_rows(session: Session, hidden: bool) -> list[tuple[str, tuple[Text, ...]]]:
    items = ranked_items(session)
    ties = tied_ranks(items)
    top = set(top_numbers(session))
    struck = "vote.status.struck_dots" if is_dots(session) else "vote.status.struck"
    rows = []
    for item in items:
        style = {"struck": "strike dim", "merged": "dim", "deleted": "strike dim"}.get(
            item.status, "bold" if item.number in top else ""
        )
        rank = rank_label(item, ties)
        status = struck if item.status == "struck" else f"vote.status.{item.status}"
        rows.append(
            (
                str(item.number),
                (
                    Text("" if hidden else rank),
                    Text(" + ".join(str(n) for n in item.numbers)),
                    Text(item.text, style=style),
                    Text("?" if hidden else str(item.points)),
                    Text(t(status) + (" ★" if item.number in top else "")),
                ),
            )
        )
    return rows
