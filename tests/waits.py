"""Bounded waits for what Textual shows a few frames later.

One ``pilot.pause()`` waits for the messages queued when it is called and for the
process to look idle. On a loaded machine (CI: 2 cores) the process looks idle while
it is only starved, so the pause can return before a footer has recomposed, before a
resize has reached the screen, before a ``call_after_refresh`` or a timer has run.
Screen tests wait for the thing they assert on instead, a bounded number of pauses:

    keys = await until(pilot, lambda: footer_actions(pilot.app))
    assert "sections" in keys

``until`` returns the predicate's last value, so the assertion after it still fails
with the value seen when the condition never holds.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

TRIES = 50  # pauses of at least 20 ms each: a second or more, far past any frame


async def until(
    pilot: Any, predicate: Callable[[], T], tries: int = TRIES, seconds: float = 5.0
) -> T:
    """Pause until ``predicate()`` is truthy; its last value.

    Gives up after ``tries`` pauses and at least ``seconds`` of wall time (a pause cut short
    on a loaded machine must not cut the wait short: a timer may still be due). The predicate
    is read first without pausing. While it raises (a widget not mounted yet) it counts as
    false; on the last try its exception goes up to the test.
    """
    deadline = time.monotonic() + seconds
    done = 0
    while done < tries or time.monotonic() < deadline:
        try:
            value = predicate()
        except Exception:
            value = None  # type: ignore[assignment]
        if value:
            return value
        await pilot.pause()
        done += 1
    return predicate()


def footer_actions(app: Any) -> set[str]:
    """The actions of the keys the current screen's footer shows (empty before it draws)."""
    from textual.widgets._footer import FooterKey

    return {k.action for k in app.screen.query(FooterKey)}


def settled(app: Any) -> bool:
    """Nothing left to do: no message waiting in the app or in any widget of its screens,
    no layout, repaint or recompose pending, no callback waiting for the next refresh.

    For tests that count what a later step costs (layouts, repaints) or that leave the
    app while a screen it switched to is still being mounted.
    """
    screen = app.screen
    nodes = [app, *(node for s in app.screen_stack for node in s.walk_children(with_self=True))]
    if any(not node._message_queue.empty() or node._next_callbacks for node in nodes):
        return False
    return not (
        screen._layout_required
        or screen._scroll_required
        or screen._repaint_required
        or screen._recompose_required
        or screen._dirty_widgets
        or screen._callbacks
    )


def palette_highlight(app: Any) -> str:
    """The command the open palette has highlighted ("" before its search has answered).

    The palette searches in a worker: Enter pressed before the answer chooses nothing.
    """
    from textual.command import CommandList

    listed = app.screen.query_one(CommandList)
    index = listed.highlighted
    return "" if index is None else str(listed.get_option_at_index(index).prompt)
