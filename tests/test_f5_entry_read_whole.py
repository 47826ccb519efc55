"""F5's count box at 80 columns: its placeholder is read whole, and the hint says what to type.

In a dot vote the placeholder was cut ("Mains levées (une gommette"), and the hint beside
the box stayed empty until a key was typed: the scribe did not know what to type.
"""

from __future__ import annotations

import re

import pytest
from textual.widgets import Input, Static

from sessions.i18n import set_language, t
from sessions.vote import dots as dots_rule
from tests.vote_helpers import dot_session, open_vote, with_ideas
from tests.waits import until
from tui.app import make_app


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _on_screen(app, widget) -> str:
    """The part of ``widget`` the screen shows (its parent clips it), its lines joined."""
    region, clip = app.screen._compositor.visible_widgets[widget]
    crop = region.intersection(clip).translate(-region.offset)
    return _words(" ".join(strip.text for strip in widget.render_lines(crop)))


def _hint_on_screen(app) -> str:
    return _on_screen(app, app.screen.query_one("#hands-sum", Static))


def _stacking(store, session) -> None:
    store.transact(session.id, lambda s: setattr(s.vote, "stacking", True))


RULES = {  # rule -> (placeholder key, empty hint key)
    "envelope": ("vote.placeholder", "vote.live.empty"),
    "dots": ("dots.placeholder", "dots.live.empty"),
    "stacking": ("dots.placeholder_stacking", "dots.live.empty_stacking"),
}


def _session_for(store, session, rule: str):
    if rule == "envelope":
        with_ideas(store, session)
        return session
    s = dot_session(store)
    assert dots_rule.is_dots(store.load(s.id))
    if rule == "stacking":
        _stacking(store, s)
    return s


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize("rule", list(RULES))
async def test_f5_opens_with_a_whole_placeholder_and_a_hint_saying_what_to_type(
    store, clock, session, lang, size, rule
) -> None:
    set_language(lang)
    s = _session_for(store, session, rule)
    app = make_app(store, clock, session_ref=s.id, lang=lang)
    async with app.run_test(size=size) as pilot:
        await open_vote(pilot)
        placeholder_key, hint_key = RULES[rule]
        placeholder = t(placeholder_key)
        box = app.screen.query_one("#hands-entry", Input)
        await until(pilot, lambda: box.placeholder == placeholder and box.size.width)
        assert placeholder in _on_screen(app, box), (_on_screen(app, box), placeholder)
        hint = _words(t(hint_key))
        assert hint  # nothing typed yet: the hint says what to type
        await until(pilot, lambda: _hint_on_screen(app) == hint)
        assert _hint_on_screen(app) == hint
        assert box.value == ""  # nothing was typed


async def test_the_hint_follows_the_rule_chosen_with_ctrl_g(store, clock, session) -> None:
    """Before counting, ctrl+g changes the rule: the hint says what to type for the new one."""
    s = _session_for(store, session, "dots")
    app = make_app(store, clock, session_ref=s.id, lang="fr")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_vote(pilot)
        await until(pilot, lambda: _hint_on_screen(app) == _words(t("dots.live.empty")))
        await pilot.press("ctrl+g")  # dots -> dots with stacking
        await until(pilot, lambda: store.load(s.id).vote.stacking)
        stacking = _words(t("dots.live.empty_stacking"))
        await until(pilot, lambda: _hint_on_screen(app) == stacking)
        assert _hint_on_screen(app) == stacking
        assert app.screen.query_one("#hands-entry", Input).placeholder == t(
            "dots.placeholder_stacking"
        )
