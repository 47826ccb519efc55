"""The section switcher (ctrl+space): each section of the session by its number, from any.

F2-F7 are the only free F-keys; a session with more sections reaches the others
through this list and the palette's "Aller à : ..." entries.
"""

from __future__ import annotations

import ast
import re
from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import OptionList
from textual.widgets._footer import FooterKey

from sessions.agenda.catalog import find_template
from sessions.core.factory import session_from_template
from sessions.i18n import t
from tests.waits import settled, until
from tui import sections as table
from tui.app import make_app
from tui.screens.section_switcher import SectionSwitcher
from tui.sections import SECTIONS, SWITCH_KEY, Section, sections_for

ROOT = Path(__file__).parent.parent
FKEYS = [s.key for s in SECTIONS if s.key]


async def _open_switcher(pilot) -> SectionSwitcher:
    await pilot.press(SWITCH_KEY)
    await until(pilot, lambda: isinstance(pilot.app.screen, SectionSwitcher))
    assert isinstance(pilot.app.screen, SectionSwitcher)
    await until(pilot, lambda: pilot.app.screen.query(OptionList) and settled(pilot.app))
    return pilot.app.screen


@pytest.mark.parametrize("start", FKEYS)
async def test_the_key_opens_the_list_from_every_section_and_a_number_goes_there(
    store, clock, session, start
) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(start)
        await pilot.pause()
        switcher = await _open_switcher(pilot)
        shown = [str(o.prompt) for o in switcher.query_one(OptionList).options]
        assert shown[0].startswith("1  Session")
        assert "(ici)" in shown[FKEYS.index(start)]  # where one is, marked
        await pilot.press("4")  # 1 Session, 2 Déroulé, 3 Tour de table, 4 Vote
        await until(pilot, lambda: app.current_mode == "vote" and settled(app))
        assert app.current_mode == "vote"
        assert not isinstance(app.screen, SectionSwitcher)


async def test_arrows_and_enter_choose_and_escape_changes_nothing(store, clock, session) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3")
        await _open_switcher(pilot)
        await pilot.press("down", "down", "enter")  # from Déroulé (2): Vote (4)
        await until(pilot, lambda: app.current_mode == "vote" and settled(app))
        assert app.current_mode == "vote"
        await _open_switcher(pilot)
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, SectionSwitcher) and settled(app))
        assert app.current_mode == "vote" and not isinstance(app.screen, SectionSwitcher)
        await _open_switcher(pilot)
        await pilot.press(SWITCH_KEY)  # the same key closes it
        await until(pilot, lambda: not isinstance(app.screen, SectionSwitcher))
        assert not isinstance(app.screen, SectionSwitcher)
        await _open_switcher(pilot)
        await pilot.press("9")  # no ninth section: nothing happens
        await pilot.pause()
        assert isinstance(app.screen, SectionSwitcher)


async def test_the_terminal_s_nul_byte_opens_it_too(store, clock, session) -> None:
    """A terminal sends ctrl+space as NUL, which Textual reads as ctrl+@."""
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4")
        await pilot.press("ctrl+@")
        await until(pilot, lambda: isinstance(app.screen, SectionSwitcher))
        assert isinstance(app.screen, SectionSwitcher)


async def test_no_list_on_the_home_screen(store, clock, session) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(SWITCH_KEY)
        await until(pilot, lambda: app.current_mode == "home" and settled(app))
        assert app.current_mode == "home" and not isinstance(app.screen, SectionSwitcher)


async def test_in_english(store, clock, session) -> None:
    app = make_app(store, clock, session_ref=session.id, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        switcher = await _open_switcher(pilot)
        shown = [str(o.prompt) for o in switcher.query_one(OptionList).options]
        assert shown[2].startswith("3  Round table") and "(here)" in shown[0]


# -- sections beyond the F-keys ----------------------------------------------------


def test_a_section_is_offered_to_the_sessions_that_have_its_part() -> None:
    plain = session_from_template(find_template("idees-recues"), "A", on=_day())
    sheets = session_from_template(find_template("divergence-convergence"), "A", on=_day())
    assert "sheets" not in [s.mode for s in sections_for(plain)]
    assert "grid" in [s.mode for s in sections_for(plain)]  # fiche n°2 places items on its grid
    # Divergence-convergence votes with dots and fills sheets; it has no grid.
    assert [s.mode for s in sections_for(sheets)] == [
        "overview", "timer", "capture", "vote", "sheets", "minutes"
    ]  # fmt: skip
    thematic = session_from_template(find_template("atelier-thematique"), "A", on=_day())
    assert not {"vote", "grid"} & {s.mode for s in sections_for(thematic)}  # no vote, no grid
    assert sections_for(None) == []


async def _footer_actions(pilot) -> set[str]:
    """The footer's actions once it has drawn its keys (it recomposes after the first frame)."""
    for _ in range(50):
        await pilot.pause()
        actions = {k.action for k in pilot.app.screen.query(FooterKey)}
        if actions:
            return actions
    return set()


async def test_a_section_without_f_key_is_reached_by_its_number_and_shown_in_footer(
    store, clock
) -> None:
    s = session_from_template(find_template("divergence-convergence"), "A", on=_day())
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        # The footer teaches the key once a section has no F-key.
        assert "sections" in await _footer_actions(pilot)
        switcher = await _open_switcher(pilot)
        shown = [str(o.prompt) for o in switcher.query_one(OptionList).options]
        assert len(shown) == 6 and shown[4].startswith("5  Fiches")
        await pilot.press("5")
        await until(pilot, lambda: app.current_mode == "sheets" and settled(app))
        assert app.current_mode == "sheets"
        assert type(app.screen).__name__ == "SheetsScreen"


async def test_a_new_section_is_one_entry(store, clock, session, monkeypatch) -> None:
    """An entry with no F-key and no part: listed after the others, reached by its number."""
    import tui.app

    extra = Section("notes", None, "section.minutes", "tui.screens.minutes:MinutesScreen")
    for module in (table, tui.app):
        monkeypatch.setattr(module, "SECTIONS", (*SECTIONS, extra))
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        switcher = await _open_switcher(pilot)
        assert len(switcher.query_one(OptionList).options) == len(sections_for(session))
        await pilot.press(str(len(sections_for(session))))
        await until(pilot, lambda: app.current_mode == "notes" and settled(app))
        assert app.current_mode == "notes"


async def test_the_footer_leaves_the_key_out_while_every_section_has_its_f_key(
    store, clock, session
) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        assert "sections" not in await _footer_actions(pilot)


async def test_the_palette_offers_aller_a_for_every_section(store, clock, session) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        offered = sections_for(app.session)
        wanted = [t("palette.goto", "fr", section=t(s.title_key, "fr")) for s in offered]
        assert wanted[0].startswith("Aller à") and wanted[0].endswith(": Session")
        assert [title for title in titles if title.startswith("Aller à")] == wanted
        commands = app.get_system_commands(app.screen)
        command = next(c for c in commands if c.title == wanted[4])  # the grid
        await command.callback()
        await until(pilot, lambda: app.current_mode == "grid" and settled(app))
        assert app.current_mode == "grid"


# -- the key is free everywhere ----------------------------------------------------


def _bound_keys() -> dict[str, list[str]]:
    """Every key of every ``Binding("...")`` under tui/, with where it is bound."""
    found: dict[str, list[str]] = {}
    for path in sorted((ROOT / "tui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Binding":
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    for key in first.value.split(","):
                        found.setdefault(key.strip(), []).append(str(path.relative_to(ROOT)))
    return found


def test_the_switch_key_is_bound_nowhere_else_and_is_never_a_terminal_alias() -> None:
    keys = _bound_keys()
    assert SWITCH_KEY not in keys  # the app binds it through the constant, nowhere else
    assert "ctrl+@" not in keys
    assert SWITCH_KEY not in {"ctrl+h", "ctrl+i", "ctrl+m", "ctrl+left_square_bracket"}
    bound = (ROOT / "tui" / "app.py").read_text(encoding="utf-8")
    assert re.search(r"Binding\(SWITCH_KEYS, \"sections\"", bound)


def test_the_readme_key_table_names_the_switcher() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"\|\s*`?ctrl\+space`?\s*\|", readme)


def test_each_section_is_one_entry_of_data() -> None:
    assert len({s.mode for s in SECTIONS}) == len(SECTIONS)
    assert [s.key for s in SECTIONS if s.key] == ["f2", "f3", "f4", "f5", "f6", "f7"]
    assert all(s.part for s in SECTIONS if not s.key)  # beyond the F-keys: a part's section
    assert replace(SECTIONS[0], key=None).key is None  # a frozen record, nothing else


def _day():
    import datetime as dt

    return dt.date(2026, 11, 22)
