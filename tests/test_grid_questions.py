"""F6 shows the guide's questions for placing an item, for the grid in use (data, FR and EN)."""

from __future__ import annotations

import pytest
from grid_examples import full_session
from textual.widgets import Static

from sessions.grid.questions import DEFAULT, kinds, questions_for
from sessions.i18n import set_language
from sessions.models.grid import GridKind
from tui.app import make_app


def test_every_grid_kind_has_its_questions_in_both_languages() -> None:
    assert {k.value for k in GridKind} | {DEFAULT} <= set(kinds())
    for kind in kinds():
        french = questions_for(kind, "fr", 2030)
        english = questions_for(kind, "en", 2030)
        assert french and len(french) == len(english), kind
        for fr, en in zip(french, english, strict=True):
            assert fr.key == en.key and fr.text != en.text, (kind, fr.text)
            assert "{" not in fr.text + en.text + fr.label + en.label  # horizon filled in


def test_the_guides_own_words_with_the_sessions_horizon() -> None:
    mastery = questions_for("impact_mastery", "fr", 2036)
    assert [q.key for q in mastery] == ["p", "f", "r"]
    assert mastery[0].text.startswith("Est-ce qu'aujourd'hui, vous considérez que cet item")
    assert "d'ici 2036" in mastery[1].text and mastery[1].label == "En 2036"
    founded = questions_for("spread_founded", "fr", 2036)
    assert founded[0].text.replace(
        "\u202f", " "
    ) == (  # French spacing: test_guide_text_spacing
        "Objectivement, est-ce que vous considérez que cette idée est fondée ? "
        "Plutôt oui, non, moyen ?"
    )
    assert questions_for("a_new_grid", "en", 2030) == questions_for(DEFAULT, "en", 2030)


def _questions(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#grid-questions", Static).render()).replace("\u202f", " ")


@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_f6_shows_the_questions_of_the_grid_in_use(store, clock, lang: str) -> None:
    s = full_session()
    store.create(s)
    set_language(lang)
    app = make_app(store, clock, session_ref=s.id, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        shown = _questions(app)
        if lang == "fr":
            assert "Est-ce qu'aujourd'hui, vous considérez que cet item" in shown
            assert f"f En {s.horizon_year} : Est-ce que d'ici {s.horizon_year}" in shown
        else:
            assert "Today, do you consider this item well mastered" in shown
            assert f"f In {s.horizon_year}: By {s.horizon_year}" in shown
        assert "fondée" not in shown


async def test_f6_on_a_fiche_2_grid_asks_whether_the_idea_is_well_founded(store, clock) -> None:
    s = full_session("idees-recues")
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        shown = _questions(app)
        asked = "p Fondée : Objectivement, est-ce que vous considérez que cette idée est fondée"
        assert asked in shown
        assert "maîtrisé" not in shown
