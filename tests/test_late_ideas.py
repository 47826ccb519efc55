"""Ideas typed after the count is closed: asked first, outside the vote, the envelope frozen."""

from __future__ import annotations

import json

import pytest
from grid_examples import full_session

from sessions.capture import tour as cap
from sessions.core.undo import snapshot
from sessions.documents.minutes import minutes_markdown
from sessions.models import Session
from sessions.vote import envelope as vote
from sessions.vote.ranking import ranked_items, vote_items
from tui.app import make_app
from tui.screens.late_idea import LateIdeaScreen
from tui.widgets.idea_list import KeyedTable


def closed(items: int | None = None) -> Session:
    """A session whose count was closed in the app (the envelope frozen at the close)."""
    s = full_session()
    vote.close_count(s, False)
    while items is not None and len(vote_items(s)) > items:
        last = next(i for i in reversed(vote_items(s)) if not i.merged_from and not i.merged_into)
        cap.delete_idea(s, last.number)
    vote.close_count(s, True)
    return s


def vote_table(minutes: str) -> str:
    start = minutes.index("## Classement (vote)")
    return minutes[start : minutes.index("\n#", start)]


# -- domain -------------------------------------------------------------------
def test_an_idea_after_the_count_is_refused_unless_late(clock) -> None:
    s = closed()
    before = snapshot(s).data
    with pytest.raises(cap.CaptureError, match="décompte du vote est clos"):
        cap.give_idea(s, "Tardive", clock.now())
    with pytest.raises(cap.CaptureError):
        cap.add_idea(s, "Tardive", clock.now())
    assert snapshot(s).data == before


def test_a_late_idea_changes_neither_items_envelope_nor_ranking(clock) -> None:
    s = closed()
    items, env, ranking = vote_items(s), vote.envelope(s), ranked_items(s)
    idea = cap.give_idea(s, "Tardive", clock.now(), late=True)
    assert idea.late and idea.number == max(i.number for i in s.ideas)
    assert vote_items(s) == items
    assert vote.envelope(s) == env
    assert ranked_items(s) == ranking  # not a struck item: not in the vote at all
    assert idea.number not in vote.item_numbers(s)


def test_late_is_refused_while_the_count_is_open(clock) -> None:
    s = full_session()
    vote.close_count(s, False)
    with pytest.raises(cap.CaptureError, match="pas clos"):
        cap.give_idea(s, "x", clock.now(), late=True)


def test_a_closed_count_keeps_its_envelope_until_reopened(clock) -> None:
    s = closed()
    env = vote.envelope(s)
    alone = [i.number for i in vote_items(s) if not i.merged_from and i.merged_into is None]
    for number in alone[:4]:  # deleting items after the count
        cap.delete_idea(s, number)
    assert vote.envelope(s) == env
    vote.close_count(s, False)  # reopened: the envelope follows the items again
    assert vote.envelope(s) == vote.default_envelope(s) != env
    assert s.vote.envelope_at_close is None


def test_files_without_the_new_keys_still_load() -> None:
    s = closed()
    doc = json.loads(s.model_dump_json())
    del doc["vote"]["envelope_at_close"]
    for idea in doc["ideas"]:
        del idea["late"]
    loaded = Session.model_validate(doc)
    assert loaded.vote.envelope_at_close is None and not any(i.late for i in loaded.ideas)
    assert vote.envelope(loaded) == vote.default_envelope(loaded)


def test_minutes_list_late_ideas_apart_and_unchanged_without(clock) -> None:
    s = closed()
    plain = minutes_markdown(s, lang="fr")
    assert "après le décompte" not in plain
    cap.give_idea(s, "Navette tardive", clock.now(), late=True)
    text = minutes_markdown(s, lang="fr")
    assert vote_table(text) == vote_table(plain)  # same envelope line, no struck row
    start = text.index("### Idées arrivées après le décompte")
    part = text[start : text.index("\n## ", start)]
    number = s.ideas[-1].number
    assert f"| {number} | Navette tardive |" in part
    assert f"l'enveloppe est restée de {vote.envelope(s)} points" in part
    assert "arrivée après le décompte (hors vote)" in text  # the note in the ideas list
    english = minutes_markdown(s, lang="en")
    assert "### Ideas after the count" in english


# -- the screen -------------------------------------------------------------
async def type_after_count(app, pilot, text: str) -> LateIdeaScreen:  # type: ignore[no-untyped-def]
    await pilot.press("f4")
    await pilot.pause()
    await pilot.press(*text, "enter")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, LateIdeaScreen)
    assert text in str(dialog.query_one("#late-question").render())
    return dialog


def messages(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.message for n in app._notifications]


async def test_f4_records_a_late_idea_outside_the_vote(store, clock) -> None:
    s = closed()
    store.create(s)
    env = vote.envelope(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await type_after_count(app, pilot, "Idee tardive")
        explain = str(dialog.query_one("#late-explain").render())
        assert (
            env == 7 and f"l'enveloppe reste de {env} points" in explain
        )  # one item more: same items // 2
        await pilot.press("enter")  # the highlighted answer: outside the vote
        await pilot.pause()
        saved = store.load(s.id)
        idea = saved.ideas[-1]
        assert idea.text == "Idee tardive" and idea.late
        assert saved.vote.counted and vote.envelope(saved) == env
        assert f"Idée n°{idea.number} enregistrée hors vote (arrivée après le décompte)." in (
            messages(app)
        )
        table = app.screen.query_one("#ideas", KeyedTable)
        assert table.get_row_at(table.row_count - 1)[4].plain == "hors vote"
        assert app.screen.query_one("#entry").value == ""
        await pilot.press("f5")
        await pilot.pause()
        assert f"{env} points" in str(app.screen.query_one("#envelope").render())
    minutes = minutes_markdown(store.load(s.id), lang="fr")
    assert "### Idées arrivées après le décompte" in minutes


async def test_f4_reopens_the_count_and_says_the_new_envelope(store, clock) -> None:
    s = closed(items=13)
    store.create(s)
    env = vote.envelope(s)
    assert env == 6
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await type_after_count(app, pilot, "Idee en plus")
        explain = str(dialog.query_one("#late-explain").render())
        assert "l'enveloppe passe de 6 à 7 points" in explain
        await pilot.press("r")
        await pilot.pause()
        saved = store.load(s.id)
        idea = saved.ideas[-1]
        assert not saved.vote.counted and not idea.late
        assert idea.number in vote.item_numbers(saved)
        assert vote.envelope(saved) == 7
        assert "enveloppe 6 -> 7 points" in messages(app)[-1]
        await pilot.press("ctrl+z")  # one undo puts the idea and the closed count back
        await pilot.pause()
        saved = store.load(s.id)
        assert saved.vote.counted and saved.ideas[-1].text != "Idee en plus"
        assert vote.envelope(saved) == env


async def test_f4_cancel_keeps_the_text_and_changes_nothing(store, clock) -> None:
    s = closed()
    store.create(s)
    revision = store.load(s.id).revision
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_after_count(app, pilot, "Pas encore")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#entry").value == "Pas encore"
        assert "Idée non enregistrée\u202f: elle est restée dans la saisie." in messages(app)
    assert store.load(s.id).revision == revision


def test_cli_import_after_the_count_is_refused_by_name(store, tmp_path, capsys) -> None:
    from tui.cli.main import main

    s = closed()
    store.create(s)
    path = tmp_path / "ideas.txt"
    path.write_text("Alice Martin: Tardive\n", encoding="utf-8")
    code = main(["--data-dir", str(store.root), "import", "ideas", s.id, str(path)])
    err = capsys.readouterr().err
    assert code != 0 and "Traceback" not in err
    assert "le décompte du vote est clos\u202f: rouvrez-le d'abord" in err
    assert [i.text for i in store.load(s.id).ideas] == [i.text for i in s.ideas]
    main(["--data-dir", str(store.root), "vote", s.id, "reopen"])
    assert main(["--data-dir", str(store.root), "import", "ideas", s.id, str(path)]) == 0
    saved = store.load(s.id)
    assert saved.ideas[-1].text == "Tardive" and saved.ideas[-1].number in vote.item_numbers(saved)


async def test_f9_free_entry_after_the_count_asks_too(store, clock) -> None:
    s = closed()
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("f9", *"Libre tardive", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LateIdeaScreen)
        await pilot.press("h")
        await pilot.pause()
        assert not app.screen.free_mode
    idea = store.load(s.id).ideas[-1]
    assert (idea.text, idea.late, idea.author_id) == ("Libre tardive", True, None)
