"""A sheet's choice field takes Down at once, as the map form and the new-session form do.

Walked in tmux on an atelier-thematique session: the synthesis sheet, Tab Tab Down
(Written by) Tab then the authors, ctrl+s - the Select opened its list on Down, the
Tab closed it unchosen and "Written by" was saved unanswered.
"""

from __future__ import annotations

from textual import events

from bench.typing_child import key_events
from tests.conftest import build_session
from tests.test_sheets_screen import _open_sheets
from tests.test_typing_ahead import send_keys
from tests.waits import until
from tui.app import make_app


async def test_down_on_a_choice_then_tab_keeps_the_choice(store, clock) -> None:
    s = build_session("atelier-thematique", "Theme trial")
    store.create(s)
    app = make_app(store, clock, session_ref=s.id, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_sheets(app, pilot)
        await pilot.press("a")
        await until(
            pilot,
            lambda: type(app.screen).__name__ == "KindChooser" or app.screen.query("OptionList"),
        )
        await pilot.press("down", "enter")  # the synthesis, second of the format's kinds
        await until(pilot, lambda: type(app.screen).__name__ == "SheetForm")
        tab = events.Key("tab", None)
        burst = [tab, tab, events.Key("down", None), tab, *key_events("Bob Durand")[:-1]]
        burst.append(events.Key("ctrl+s", None))
        await send_keys(app, pilot, burst, lambda: bool(store.load(s.id).sheets))
        (sheet,) = store.load(s.id).sheets
        assert sheet.kind == "synthese"
        assert sheet.fields.get("redigee_par") == "rapporteurs"
        assert sheet.fields.get("auteurs") in ("Bob Durand", ["Bob Durand"])
