"""Closing the count before any vote is entered is refused (every item would be struck).

``atelier vote SESSION close`` says "aucun vote saisi" / "no vote entered" and changes
nothing; ``--force`` closes anyway. On F5, ctrl+k asks first (Non by default) and, answered
no, says the same; once a vote is entered, ctrl+k closes at once as before.
"""

from __future__ import annotations

import pytest

from tests.vote_helpers import add_items, one_ballot, open_vote, shown, toasts
from tests.waits import until
from tui.app import make_app
from tui.cli.context import EXIT_INVALID, EXIT_USAGE
from tui.cli.main import main


def _vote(store, lang: str, *argv: str) -> int:  # type: ignore[no-untyped-def]
    return main(["--data-dir", str(store.root), "--lang", lang, "vote", *argv])


@pytest.mark.parametrize(("lang", "said"), [("fr", "Aucun vote saisi"), ("en", "No vote entered")])
def test_the_command_refuses_to_close_before_any_vote(store, session, capsys, lang, said) -> None:
    store.transact(session.id, add_items)
    assert _vote(store, lang, session.id, "close") == EXIT_INVALID
    err = capsys.readouterr().err
    assert said in err and "--force" in err
    assert not store.load(session.id).vote.counted  # nothing changed
    assert _vote(store, lang, session.id, "close", "--force") == 0
    saved = store.load(session.id)
    assert saved.vote.counted  # forced: closed, every item at zero struck
    assert "4" in capsys.readouterr().out


def test_the_command_closes_once_a_vote_is_entered(store, session, capsys) -> None:
    store.transact(session.id, lambda s: (add_items(s), one_ballot(s)))
    assert _vote(store, "fr", session.id, "close") == 0
    assert "3 items à 0 point barrés" in capsys.readouterr().out
    assert store.load(session.id).vote.counted


def test_force_goes_only_with_close(store, session, capsys) -> None:
    store.transact(session.id, lambda s: (add_items(s), one_ballot(s)))
    assert _vote(store, "en", session.id, "reveal", "--force") == EXIT_USAGE
    assert "--force only goes with close" in capsys.readouterr().err


@pytest.mark.parametrize(("lang", "said"), [("fr", "Aucun vote saisi"), ("en", "No vote entered")])
async def test_f5_asks_before_closing_a_count_without_votes(
    store, session, clock, lang, said
) -> None:
    from sessions.i18n import set_language

    set_language(lang)
    store.transact(session.id, add_items)
    app = make_app(store, clock, session_ref=session.id, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_vote(pilot)
        await pilot.press("ctrl+k")
        assert await until(pilot, lambda: app.screen.query("#question"))
        assert said in shown(app, "#question")
        await pilot.press("enter")  # Enter answers the safe Non
        assert await until(pilot, lambda: any(said in m for m in toasts(app))), toasts(app)
        assert not store.load(session.id).vote.counted
        await pilot.press("ctrl+k")
        assert await until(pilot, lambda: app.screen.query("#question"))
        await pilot.press("o")  # closed anyway
        assert await until(pilot, lambda: store.load(session.id).vote.counted)


async def test_f5_closes_at_once_once_a_vote_is_entered(store, session, clock) -> None:
    store.transact(session.id, lambda s: (add_items(s), one_ballot(s)))
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_vote(pilot)
        await pilot.press("ctrl+k")
        assert await until(pilot, lambda: store.load(session.id).vote.counted)
        assert not app.screen.query("#question")  # nothing asked
        said = toasts(app)
        assert any("3 items à 0 point barrés" in m for m in said), said


@pytest.mark.parametrize(
    ("template", "grid"), [("divergence-convergence", False), ("territoire-numerique-10-ans", True)]
)
async def test_the_closed_count_names_f6_only_where_the_format_has_the_grid(
    store, clock, template, grid
) -> None:
    from tests.conftest import build_session

    s = build_session(template)
    store.create(s)
    store.transact(s.id, lambda x: (add_items(x), one_ballot(x)))
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_vote(pilot)
        await pilot.press("ctrl+k")
        hint = lambda: shown(app, "#vote-hint")  # noqa: E731
        assert await until(pilot, lambda: "Décompte clos" in hint()), hint()
        assert ("F6" in hint()) is grid
