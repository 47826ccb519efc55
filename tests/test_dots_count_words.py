"""A refused count says what to type in the words of the vote's rule.

In a dot vote a wrong count ("²", "abc") answered "type the raised fingers (3 2 5) or a
total (12)", the envelope's words; typing "3 2" as told was then refused ("one dot per
person and item"). Now: the raised hands (7) in a dot vote, the dots per hand (2 1 3)
when they stack, the fingers (3 2 5) with the envelope - in the toast and in the hint.
"""

from __future__ import annotations

import pytest
from textual.widgets import Static

from sessions.i18n import set_language
from sessions.vote.envelope import VoteError, parse_hands
from tests.vote_helpers import dot_session, open_vote, with_ideas
from tests.waits import until
from tui.app import make_app

SAID = {  # words -> (an example the refusal gives, an example it must not give)
    "fingers": ("3 2 5", "(7)"),
    "hands": ("(7)", "3 2 5"),
    "dots": ("2 1 3", "3 2 5"),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("typed", ["²", "abc", "=", "3 ٣"])
@pytest.mark.parametrize("words", list(SAID))
def test_a_refused_count_gives_the_rules_example(lang: str, typed: str, words: str) -> None:
    with pytest.raises(VoteError) as refused:
        parse_hands(typed, words)
    said = refused.value.message(lang)
    given, never = SAID[words]
    assert given in said and never not in said, said


def test_a_count_that_reads_is_the_same_whatever_the_words() -> None:
    for words in SAID:
        assert parse_hands(" 3 2 5 ", words) == parse_hands("3+2+5")
        assert parse_hands("=12", words) == parse_hands("12")


def _hint(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#hands-sum", Static).render())


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("rule", ["envelope", "dots", "stacking"])
async def test_f5_says_it_in_the_toast_and_the_hint(store, clock, session, lang, rule) -> None:
    set_language(lang)
    if rule == "envelope":
        with_ideas(store, session)
        s, words = session, "fingers"
    else:
        s = dot_session(store)
        if rule == "stacking":
            store.transact(s.id, lambda x: setattr(x.vote, "stacking", True))
        words = "dots" if rule == "stacking" else "hands"
    given, never = SAID[words]
    app = make_app(store, clock, session_ref=s.id, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_vote(pilot)
        await pilot.press("²")
        assert await until(pilot, lambda: given in _hint(app)), _hint(app)
        assert never not in _hint(app)
        await pilot.press("enter")
        toast = lambda: [n.message for n in app._notifications if "²" in n.message]  # noqa: E731
        assert await until(pilot, toast)
        assert given in toast()[0] and never not in toast()[0], toast()
        assert not store.load(s.id).vote.tallies  # nothing recorded
