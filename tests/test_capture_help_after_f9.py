"""F1 on F4 explains the capture as it is after F9, not as the session's format began.

A brainstorm (divergence-convergence, ``[parts] capture = "free"``) switched to
a tour de table with F9 kept the brainstorm's help (post-its, no author, "F9 for
a tour de table"); F9 again must bring the brainstorm's help back. In a tour de
table, F9's one free entry leaves the tour's help (it already tells F9). The
help is read as shown (what the screen is for, the method's step, the keys), in
French and in English.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from sessions.agenda.catalog import find_template
from sessions.core.factory import session_from_template
from sessions.people.names import parse_participants
from tests.vote_helpers import on_top
from tests.waits import until
from tui.app import make_app

PEOPLE = "\n".join(f"Personne {n}" for n in range(1, 5))
WORDS = {
    "fr": {
        "brainstorm": "une idée par post-it",
        "tour": "Chacun à son tour",
        "back": "F9 : retour au brainstorm",
        "free_entry": "F9 : entrée libre",
        "step_tour": "en tour de table",
        "f9_tour": "Tour de table",
        "f9_free": "Entrée libre",
        "f9_brainstorm": "Brainstorm",
        "line_f9": "(F9 : tour de table)",
    },
    "en": {
        "brainstorm": "one idea per sticky note",
        "tour": "Each person in turn",
        "back": "F9: back to the brainstorm",
        "free_entry": "F9: free entry",
        "step_tour": "as a round table",
        "f9_tour": "Round the table",
        "f9_free": "Free entry",
        "f9_brainstorm": "Brainstorm",
        "line_f9": "(F9: round table)",  # the words of F1 and the hint, not French
    },
}


def _session(store, template: str, lang: str):  # type: ignore[no-untyped-def]
    s = session_from_template(
        find_template(template),
        title="Atelier",
        on=dt.date(2026, 11, 22),
        participants=parse_participants(PEOPLE),
        language=lang,
    )
    store.create(s)
    return s


def _f9_label(app) -> str:  # type: ignore[no-untyped-def]
    keys = [k.description for k in app.screen.query(FooterKey) if k.key == "f9"]
    return keys[0] if len(keys) == 1 else ""


async def _press_f9(pilot, label: str) -> None:  # type: ignore[no-untyped-def]
    """F9 on F4, then wait until its footer key says what the next F9 does."""
    await pilot.press("f9")
    shown = await until(pilot, lambda: _f9_label(pilot.app) == label and label)
    assert shown == label, _f9_label(pilot.app)


async def _help(pilot) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """F1's parts as shown (purpose, step, keys), then Escape back to F4."""
    await pilot.press("f1")
    shown = await on_top(pilot, "HelpScreen")
    parts = {  # French typography's narrow no-break spaces read as spaces
        part: re.sub("[\u00a0\u202f]", " ", str(shown.query_one(f"#{part}", Static).render()))
        for part in ("purpose", "step", "keys")
    }
    await pilot.press("escape")
    await on_top(pilot, "CaptureScreen")
    return parts


@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_f1_follows_a_brainstorm_to_the_tour_and_back(store, clock, lang) -> None:
    words = WORDS[lang]
    s = _session(store, "divergence-convergence", lang)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("f4")
        await on_top(pilot, "CaptureScreen")
        first = await _help(pilot)
        assert words["brainstorm"] in first["purpose"], first
        assert not re.search(r"^ +f8 ", first["keys"], re.MULTILINE), first["keys"]

        # the tour de table starts; its F9 goes back to the brainstorm and says so
        await _press_f9(pilot, words["f9_brainstorm"])
        tour = await _help(pilot)
        assert words["tour"] in tour["purpose"] and words["back"] in tour["purpose"], tour
        assert words["brainstorm"] not in tour["purpose"], tour
        assert words["step_tour"] in tour["step"], tour
        assert re.search(r"^ +f8 ", tour["keys"], re.MULTILINE), tour["keys"]  # a turn to pass

        await _press_f9(pilot, words["f9_tour"])  # back to the brainstorm
        again = await _help(pilot)
        assert again == first, again
        line = re.sub("[\u00a0\u202f]", " ", str(app.screen.query_one("#turn", Static).render()))
        assert line.endswith(words["line_f9"] + "."), line


@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_f1_in_a_tour_keeps_the_tour_through_its_free_entry(store, clock, lang) -> None:
    words = WORDS[lang]
    s = _session(store, "territoire-numerique-10-ans", lang)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("f4")
        await on_top(pilot, "CaptureScreen")
        first = await _help(pilot)
        assert words["tour"] in first["purpose"] and words["free_entry"] in first["purpose"]
        assert words["brainstorm"] not in first["purpose"] and words["back"] not in first["purpose"]

        await _press_f9(pilot, words["f9_tour"])  # one free entry, then the tour goes on
        free = await _help(pilot)
        assert free["purpose"] == first["purpose"], free  # the format is still the tour
        assert words["brainstorm"] not in free["purpose"], free

        await pilot.press(*"Sans auteur", "enter")
        assert await until(pilot, lambda: _f9_label(app) == words["f9_free"])
        assert store.load(s.id).ideas[-1].author_id is None
        after = await _help(pilot)
        assert after == first, after
