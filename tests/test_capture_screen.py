"""Pilot tests of F4: a full tour de table typed at the keyboard, checked on disk."""

from __future__ import annotations

import datetime as dt

from sessions.agenda.catalog import find_template
from sessions.core.factory import session_from_template
from sessions.people.names import parse_participants
from tui.app import make_app
from tui.widgets.idea_list import KeyedTable

EIGHT = "\n".join(f"Personne {n} (Org {n})" for n in range(1, 9))


def eight_people(store):
    s = session_from_template(
        find_template("territoire-numerique-10-ans"),
        title="Tour",
        on=dt.date(2026, 11, 22),
        participants=parse_participants(EIGHT),
    )
    store.create(s)
    return s


async def type_idea(pilot, text: str) -> None:
    await pilot.press(*text)
    await pilot.press("enter")
    await pilot.pause()


async def test_full_tour_de_table_then_show_of_hands(store, clock) -> None:
    s = eight_people(store)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        assert "Tour 1 / 3" in str(screen.query_one("#turn").render())
        passes = {(1, 3), (2, 5), (3, 2), (3, 8)}  # (round, person) who pass
        typed = 0
        for round_ in (1, 2, 3):
            for person in range(1, 9):
                turn = str(screen.query_one("#turn").render())
                assert f"Tour {round_} / 3" in turn and f"Personne {person}" in turn
                clock.advance(30)
                if (round_, person) in passes:
                    await pilot.press("f8")
                    await pilot.pause()
                else:
                    typed += 1
                    await type_idea(pilot, f"idee {round_}-{person}")
                    # saved before it shows: the file already has it
                    assert store.load(s.id).ideas[-1].text == f"idee {round_}-{person}"
        assert typed == 20
        banner = screen.query_one("#end-banner")
        assert banner.display and "F5" in str(banner.render())
        # edit the last idea (number 20), delete number 19, undo the delete
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("ctrl+u", *"Idee reformulee", "enter")
        await pilot.pause()
        await pilot.press("up", "ctrl+d")
        await pilot.pause()
        assert store.load(s.id).idea(19).deleted
        await pilot.press("ctrl+z")
        await pilot.pause()
        saved = store.load(s.id)
        assert not saved.idea(19).deleted
        assert saved.idea(20).text == "Idee reformulee"
        assert [h.text for h in saved.idea(20).history] == ["idee 3-7"]
        assert [i.number for i in saved.ideas] == list(range(1, 21))
        assert len(saved.capture.turns) == 24
        assert sum(1 for t in saved.capture.turns if t.idea_number is None) == 4
        first = saved.capture.turns[1]
        assert (first.ended_at - first.started_at).total_seconds() == 30
        table = screen.query_one("#ideas", KeyedTable)
        assert table.row_count == 20

        # show of hands on F5: read from the last item to the first
        await pilot.press("f5")
        await pilot.pause()
        vote = app.screen
        assert "10 points" in str(vote.query_one("#envelope").render())  # 20 items / 2
        for typed_hands in ("3 2 5", "4+4", "0", "12"):
            await pilot.press(*typed_hands)
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press(*"6 1")  # a hand of 6 fingers is refused
        await pilot.press("enter")
        await pilot.pause()
        saved = store.load(s.id)
        assert {n: t.points for n, t in saved.vote.tallies.items()} == {
            20: 10,
            19: 8,
            18: 0,
            17: 12,
        }
        assert saved.vote.tallies[20].hands == [3, 2, 5]
        assert 16 not in saved.vote.tallies
        await pilot.press("ctrl+k")
        await pilot.pause()
        saved = store.load(s.id)
        assert saved.vote.counted


async def test_markup_is_literal_and_cleaned(store, clock, session) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        await type_idea(pilot, "[red]x [/ [b]gras")
        saved = store.load(session.id)
        assert saved.ideas[0].text == "[red]x [/ [b]gras"
        table = app.screen.query_one("#ideas", KeyedTable)
        assert table.get_row_at(0)[1].plain == "[red]x [/ [b]gras"


async def test_draft_is_saved_and_offered_back(store, clock, session) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press(*"Mobilit")
        await pilot.pause()
        app.screen._save_draft()  # what the idle timer calls
        assert store.load(session.id).capture.draft == "Mobilit"
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        entry = app.screen.query_one("#entry")
        assert entry.value == "Mobilit"
        await pilot.press(*"e", "enter")
        await pilot.pause()
        saved = store.load(session.id)
        assert saved.ideas[0].text == "Mobilite" and saved.capture.draft == ""


async def test_free_entry_duplicate_and_participants(store, clock, session) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        await type_idea(pilot, "Fibre")
        await pilot.press("f9")
        await type_idea(pilot, "Fibre optique")
        saved = store.load(session.id)
        assert saved.ideas[1].author_id is None and saved.capture.current_index == 1
        await pilot.press("ctrl+b", "1", "enter")
        await pilot.pause()
        assert store.load(session.id).idea(2).duplicate_of == 1
        # participants: add one, mark the second absent
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press(*"Eve Blanc (Poste) [B]", "enter")
        await pilot.pause()
        await pilot.press("up", "up", "up", "f8")
        await pilot.pause()
        saved = store.load(session.id)
        assert [(p.name, p.present) for p in saved.participants] == [
            ("Alice Martin", True),
            ("Bruno Petit", False),
            ("Chloé Durand", True),
            ("David Leroy", True),
            ("Eve Blanc", True),
        ]
        assert saved.participants[4].group == "B"
        await pilot.press("escape")
        await pilot.pause()
        turn = str(app.screen.query_one("#turn").render())
        assert "Bruno" not in turn


async def test_ctrl_o_marks_a_duplicate_where_tmux_keeps_ctrl_b(store, clock, session) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        await type_idea(pilot, "Fibre")
        await type_idea(pilot, "La fibre")
        await pilot.press("ctrl+o", "1", "enter")
        await pilot.pause()
        assert store.load(session.id).idea(2).duplicate_of == 1
