"""English all the way: every built-in template's texts have an English version, a session
keeps the language it was run in, and the words around keys and numbers follow the interface."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import PEOPLE

from sessions.agenda.catalog import builtin_templates, find_template
from sessions.core.factory import session_from_template
from sessions.people.names import parse_participants
from tui.app import make_app
from tui.cli.main import main

SIZE = (120, 40)


@pytest.mark.parametrize("template", builtin_templates(), ids=lambda t: t.name)
def test_every_text_of_a_builtin_template_has_english(template) -> None:
    assert template.title_en
    if template.question:
        assert template.question_en and template.question_en != template.question
    for phase in template.phases:
        assert phase.title_en, phase.title
        assert bool(phase.notes_en) == bool(phase.notes), phase.title
        for turn in phase.turns:
            assert turn.label_en
        if phase.rotation and phase.rotation.label:
            assert phase.rotation.label_en


def _french_only_titles() -> set[str]:
    return {
        phase.title
        for template in builtin_templates()
        for phase in template.phases
        if phase.title != phase.title_en
    }


def test_templates_listed_in_english(capsys, tmp_path) -> None:
    assert main(["--data-dir", str(tmp_path), "--lang", "en", "templates"]) == 0
    out = capsys.readouterr().out
    assert "Step 3 Ranking the items 40" in out
    assert not [title for title in _french_only_titles() if title in out]
    assert main(["--data-dir", str(tmp_path), "templates"]) == 0
    assert "Étape 3 Classement des items 40" in capsys.readouterr().out


def _english_session(store):
    session = session_from_template(
        find_template("territoire-numerique-10-ans"),
        title="Group A",
        on=dt.date(2026, 11, 22),
        participants=parse_participants(PEOPLE),
        language="en",
    )
    store.create(session)
    return session


def test_a_session_run_in_english_has_the_english_texts(store) -> None:
    session = _english_session(store)
    assert [p.title for p in session.agenda][2] == "Step 3 Ranking the items"
    assert session.agenda[1].notes.startswith("Round table: 1 idea per person")
    assert session.question.startswith("Looking 10 years ahead")
    assert session.capture.question == session.question


def test_status_of_an_english_session(store, capsys) -> None:
    session = _english_session(store)
    assert main(["--data-dir", str(store.root), "status", session.id]) == 0
    assert "Step 1 Ask the opening question" in capsys.readouterr().out


async def test_switching_the_interface_keeps_what_the_group_said(store, clock) -> None:
    session = _english_session(store)
    app = make_app(store, clock, session_ref=session.id)  # the interface in French
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("f10")  # interface language switch
        await pilot.pause()
        titles = [phase.title for phase in app.session.agenda]
    saved = store.load(session.id)
    assert titles == [phase.title for phase in saved.agenda]
    assert saved.agenda[0].title == "Step 1 Ask the opening question"


@pytest.mark.parametrize(("lang", "shown"), [("fr", "Suppr"), ("en", "Del")])
async def test_the_delete_key_is_named_in_the_interface_language(store, clock, lang, shown) -> None:
    app = make_app(store, clock, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        displays = {
            b.binding.action: b.binding.key_display for b in app.screen.active_bindings.values()
        }
    assert displays["delete"] == shown
