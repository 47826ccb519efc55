"""The new-session form: --from in the form (enjeux from earlier tops), and step times asked.

Keys pressed as a facilitator would; what the form shows and the saved file read.
"""

from __future__ import annotations

from textual.widgets import Input, SelectionList, Static, TextArea

from sessions.enjeux.ops import offered_items
from sessions.models import Participant
from sessions.storage.store import SessionStore
from tests.grid_examples import full_session
from tests.sheets_samples import plain
from tui.app import make_app
from tui.screens.new_session import NewSessionScreen


def _two_groups(store: SessionStore):
    a = full_session(title="Groupe A")
    a.id = "groupea1"
    a.participants = [*a.participants, Participant(name="Zoé Petit")]
    b = full_session(title="Groupe B")
    b.id = "groupeb2"
    for idea in b.ideas:  # another ranking in group B
        if idea.number in b.vote.tallies:
            b.vote.tallies[idea.number].total = idea.number
    store.create(a)
    store.create(b)
    return a, b


async def _form(pilot, template: int | str, title: str):
    """The form, its template chosen with Down (by its place or its name), its title typed."""
    await pilot.press("n")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, NewSessionScreen)
    downs = template if isinstance(template, int) else _template_index(form, template)
    await pilot.press(*["down"] * downs)
    await pilot.press("tab", *title)
    await pilot.pause()
    return form


def _template_index(form: NewSessionScreen, name: str) -> int:
    return [tpl.name for tpl in form.templates].index(name)


def _error(form) -> str:
    return plain(str(form.query_one("#error", Static).render()))


async def test_enjeux_taken_from_two_groups_in_the_form_reworded_with_participants(
    store, clock
) -> None:
    a, b = _two_groups(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await _form(pilot, "enjeux-solutions", "Fiche 3")
        sessions = form.query_one("#from-sessions", SelectionList)
        sessions.focus()
        await pilot.pause()
        ids = [sessions.get_option_at_index(i).value for i in range(sessions.option_count)]
        for wanted in (a.id, b.id):  # Space ticks each group
            sessions.highlighted = ids.index(wanted)
            await pilot.press("space")
            await pilot.pause()
        offered = offered_items([store.load(a.id), store.load(b.id)])
        items = form.query_one("#from-items", SelectionList)
        assert items.option_count == len(offered)  # their top, every item ticked
        first = plain(str(items.get_option_at_index(0).prompt))
        assert first.startswith(f"{offered[0].text} — Groupe A, item n°{offered[0].item}, ")
        assert "points" in first
        box = form.query_one("#from-enjeux", TextArea)
        assert box.text.split("\n") == [o.text for o in offered]
        # Keep the first three: "-" unticks them all, Space ticks each; reword the first.
        items.focus()
        await pilot.press("minus")
        await pilot.pause()
        assert box.text == ""
        for row in range(3):
            items.highlighted = row
            await pilot.press("space")
            await pilot.pause()
        assert box.text.split("\n") == [o.text for o in offered[:3]]
        box.focus()
        await pilot.press("ctrl+home", "shift+end", *"Comment relier tout le monde ?")
        await pilot.press("tab", "space")  # "Reprendre leurs participants"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.current_mode == "overview"
        saved = store.load(app.session.id)
        assert [e.text for e in saved.enjeux] == [
            "Comment relier tout le monde ?",
            offered[1].text,
            offered[2].text,
        ]
        sources = [(e.sources[0].session, e.sources[0].item) for e in saved.enjeux]
        assert sources == [(o.session, o.item) for o in offered[:3]]  # the reworded one too
        names = [p.name for p in saved.participants]
        assert "Zoé Petit" in names and len(names) == len(set(names))


async def test_a_source_gone_before_ctrl_s_is_named_and_nothing_is_created(store, clock) -> None:
    a, _ = _two_groups(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await _form(pilot, "enjeux-solutions", "Fiche 3")
        sessions = form.query_one("#from-sessions", SelectionList)
        sessions.focus()
        ids = [sessions.get_option_at_index(i).value for i in range(sessions.option_count)]
        sessions.highlighted = ids.index(a.id)
        await pilot.press("space")
        await pilot.pause()
        store.path_for(a.id).unlink()  # deleted meanwhile, elsewhere
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NewSessionScreen)
        error = _error(form)
        assert "Séance « Groupe A » (groupea1) : le fichier a disparu" in error
        assert "Rien n'a été créé" in error
        assert [e.id for e in store.entries()] == ["groupeb2"]


async def test_an_unreadable_file_is_named_under_the_list(store, clock) -> None:
    _two_groups(store)
    (store.sessions_dir / "abimee.json").write_text("{pas du json", encoding="utf-8")
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await _form(pilot, "enjeux-solutions", "Fiche 3")
        shown = " ".join(plain(str(s.render())) for s in form.query(Static))
        assert "Illisibles, non proposées : abimee.json" in shown


async def test_step_times_are_asked_when_the_guide_gives_none(store, clock) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _form(pilot, "offre-existante", "Offre CC Vézère")
        index = _template_index(form, "offre-existante")
        assert form.query_one("#minutes-box").display
        fields = list(form.query(".step-minutes").results(Input))
        template = form.templates[index]
        assert [f.value for f in fields] == [f"{p.minutes:g}" for p in template.phases]
        fields[0].focus()
        await pilot.press("ctrl+u", *"1x")  # refused, naming the step
        await pilot.press("ctrl+s")
        await pilot.pause()
        # named as the form shows the step (the guide's first is "Étape 0"), and said in a
        # toast: at 80x24 the form's foot, where the error is written, is out of sight
        first = template.phases[0].display_title("fr")
        assert f"« {first} » : Durée invalide : 1x" in _error(form)
        toasts = [plain(str(n.message)) for n in app._notifications]
        assert any(f"« {first} » : Durée invalide : 1x" in m for m in toasts)
        assert store.entries() == []
        await pilot.press("backspace", "5", "tab", "ctrl+u", "5", "0", "ctrl+s")
        await pilot.pause()
        saved = store.load(app.session.id)
        assert [p.minutes for p in saved.agenda][:2] == [15, 50]
        assert [p.minutes for p in saved.agenda][2:] == [p.minutes for p in template.phases][2:]


async def test_a_template_with_times_asks_none_and_no_enjeux_format_no_sources(
    store, clock
) -> None:
    _two_groups(store)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await _form(pilot, "idees-recues", "Atelier")
        assert not form.query_one("#minutes-box").display
        assert list(form.query(".step-minutes")) == []
        assert not form.query_one("#from").display  # a format without enjeux


async def test_a_burst_typed_at_once_reaches_each_part_in_order(store, clock) -> None:
    """tmux sends keys in one go: the template's Down, Tabs, Spaces and ctrl+s keep their order."""
    from textual import events

    _two_groups(store)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        downs = _template_index(app.screen, "enjeux-solutions")
        chars = {"space": " ", "minus": "-"}
        burst = ["down"] * downs + ["tab", *"Fiche 3", "tab", "tab", "tab", "tab"]
        burst += ["space", "down", "space", "tab", "minus", "space", "down", "space"]
        burst += ["down", "space", "tab", "ctrl+home", *"Q ", "tab", "space", "ctrl+s"]
        for key in burst:  # all queued before any is handled, as a terminal delivers them
            app.post_message(events.Key(key, chars.get(key, key if len(key) == 1 else None)))
        for _ in range(20):
            await pilot.pause()
        assert app.current_mode == "overview"
        saved = store.load(app.session.id)
        assert saved.title == "Fiche 3"
        assert len(saved.enjeux) == 3 and saved.enjeux[0].text.startswith("Q ")
        assert {p.name for p in saved.participants} >= {"Zoé Petit"}
