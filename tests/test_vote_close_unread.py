"""Closing the count while the show of hands has items left to read says which are struck.

Walked in tmux (French, 80x24, divergence-convergence): items 5, 4, 3 read, ctrl+k -
items 2 and 1, never read aloud, were struck at 0 dots without a word. Now a warning
names them and says ctrl+k reopens; none when every item was read, or when every point
or dot is already placed (the items left can only be at zero).
"""

from __future__ import annotations

import pytest

from tests.vote_helpers import add_items, dot_session, open_vote, toasts, type_enter
from tests.waits import until
from tui.app import make_app


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("fr", "Items n°2 et n°1 pas encore lus\u202f: barrés à 0. ctrl+k rouvre"),
        ("en", "Items 2 and 1 not read yet: struck at 0. ctrl+k reopens"),
    ],
)
async def test_closing_names_the_items_never_read(store, session, clock, lang, said) -> None:
    from sessions.i18n import set_language

    set_language(lang)
    store.transact(session.id, add_items)  # 4 items, read from 4 down to 1; 4 x 2 points
    app = make_app(store, clock, session_ref=session.id, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_vote(pilot)
        await type_enter(pilot, "3 1")  # item 4
        await type_enter(pilot, "2")  # item 3
        await until(pilot, lambda: len(store.load(session.id).vote.tallies) == 2)
        await pilot.press("ctrl+k")
        assert await until(pilot, lambda: store.load(session.id).vote.counted)
        assert await until(pilot, lambda: any(said in m for m in toasts(app))), toasts(app)


async def test_no_warning_when_every_item_was_read(store, session, clock) -> None:
    store.transact(session.id, add_items)
    app = make_app(store, clock, session_ref=session.id, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_vote(pilot)
        for hands in ("3 1", "2", "", "1"):  # Enter alone: read, nobody raised a hand
            await type_enter(pilot, hands)
        await until(pilot, lambda: len(store.load(session.id).vote.tallies) == 4)
        await pilot.press("ctrl+k")
        assert await until(pilot, lambda: any("Count closed" in m for m in toasts(app)))
        assert not any("not read yet" in m for m in toasts(app))


async def test_no_warning_when_every_dot_is_placed(store, clock) -> None:
    s = dot_session(store)  # 4 voters x 3 dots, 5 items read from 5 down
    app = make_app(store, clock, session_ref=s.id, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_vote(pilot)
        for hands in ("4", "4", "4"):
            await type_enter(pilot, hands)
        await until(pilot, lambda: len(store.load(s.id).vote.tallies) == 3)
        await pilot.press("ctrl+k")
        assert await until(pilot, lambda: any("Count closed" in m for m in toasts(app)))
        assert not any("not read yet" in m for m in toasts(app))
