"""Domain work on a big session: 1,000 items x 60 participants.

Three figures, each the median of a few runs (ms):

- ``tally+ranking+merge``: one hand tally typed (``vote.enter_hands``), the
  points of every item, the ranked list, then one merge of two items and
  the ranked list again: what the vote screen recomputes after an action;
- ``grid``: the impact / maîtrise grid drawn as text (``sessions.grid.drawing``);
- ``minutes``: the Markdown minutes of the whole session (``sessions.documents.minutes``).

Every item is placed on the grid (the worst case: the scribe usually
places the top 10). A part of the domain that has not landed yet is
``None``. The baseline is the least
work any tally must do: a plain-Python sum of every participant's points
for every item.
"""

from __future__ import annotations

from bench.fixtures import add_grid_positions, add_hand_tallies, build_session
from bench.stats import best_of
from sessions.models import Session

ITEMS = 1000
PEOPLE = 60


def big_session() -> Session:
    session = build_session(ITEMS, PEOPLE)
    add_hand_tallies(session)
    add_grid_positions(session)
    session.vote.counted = True
    return session


def grid_drawing(session: Session) -> list[str]:
    """Every item placed on the grid, drawn as text with its legend."""
    from sessions.grid.drawing import render_grid
    from sessions.grid.placement import grid_entries

    return render_grid(grid_entries(session), session.grid.kind, horizon=session.horizon_year)


GRID_ITEMS = 5000


def grid_as_the_screen_draws(session: Session) -> list[str]:
    """F6's drawing: cells of 16 columns capped at 3 lines (``+N``), titles cut at 40."""
    from sessions.grid.drawing import render_grid
    from sessions.grid.placement import grid_entries

    return render_grid(
        grid_entries(session),
        session.grid.kind,
        horizon=session.horizon_year,
        cell_width=16,
        max_cell_lines=3,
        max_title=40,
    )


def minutes_rendering(session: Session) -> str:
    from sessions.documents.minutes import minutes_markdown

    return minutes_markdown(session)


def tally_rank_merge(session: Session) -> None:
    from sessions.vote import envelope as vote
    from sessions.vote import ranking

    vote.enter_hands(session, 7, "3 2 5 1")
    ranking.item_points(session)
    vote.grand_total(session)
    ranking.ranked_items(session)
    survivor = vote.merge(session, [11, 12])
    ranking.ranked_items(session)
    vote.unmerge(session, survivor)


def plain_tally(session: Session) -> dict[int, int]:
    """The baseline: sum the raised hands of every item, nothing else."""
    return {n: sum(t.hands) for n, t in session.vote.tallies.items()}


def measure_domain(repeat: int = 5) -> dict[str, float | None]:
    session = big_session()
    figures: dict[str, float | None] = {
        "tally_rank_merge_ms": best_of(lambda: tally_rank_merge(session), repeat),
        "plain_tally_ms": best_of(lambda: plain_tally(session), repeat),
    }
    for key, fn in (("grid_ms", grid_drawing), ("minutes_ms", minutes_rendering)):
        try:
            fn(session)
        except ImportError:  # that part of the domain has not landed yet
            figures[key] = None
            continue
        figures[key] = best_of(lambda fn=fn: fn(session), repeat)
    crowded = build_session(GRID_ITEMS, PEOPLE)
    add_grid_positions(crowded)
    figures["grid_ms_5000"] = best_of(lambda: grid_as_the_screen_draws(crowded), repeat)
    return figures
