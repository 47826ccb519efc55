"""A yes / no question shows its whole keys line (what Enter, o, n, Tab do), never cut."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.widgets import Static

from sessions.i18n import set_language, t
from tests.waits import until
from tui.screens.confirm import ConfirmScreen


class _Asking(App[None]):
    def on_mount(self) -> None:
        self.push_screen(ConfirmScreen(t("vote.confirm_no_votes")))


def _drawn(widget: Static) -> str:
    lines = [widget.render_line(y).text for y in range(widget.size.height)]
    return " ".join(" ".join(lines).split())


@pytest.mark.parametrize(("lang", "last"), [("fr", "changer de bouton"), ("en", "other button")])
@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_keys_line_is_drawn_whole(lang, last, size) -> None:
    set_language(lang)
    app = _Asking()
    async with app.run_test(size=size) as pilot:
        shown = ""
        for _ in range(50):
            await pilot.pause()
            found = app.screen.query("#enter-says")
            if found:
                shown = _drawn(found.first(Static))
                if last in shown:
                    break
        assert last in shown and t("confirm.no") in shown, shown
        await pilot.press("tab")  # the highlight on Oui: the line says so, still whole
        for _ in range(50):
            await pilot.pause()
            shown = _drawn(app.screen.query_one("#enter-says", Static))
            if t("confirm.yes") in shown:
                break
        assert t("confirm.yes") in shown and last in shown, shown


async def test_an_answer_typed_ahead_of_the_dialog_is_taken_without_a_crash() -> None:
    """``x`` then ``y`` in one burst: the answer may dismiss the dialog before it is built."""
    app = App[None]()
    async with app.run_test() as pilot:
        screen = ConfirmScreen(t("vote.confirm_no_votes"))
        answers: list[bool | None] = []
        app.push_screen(screen, answers.append)
        screen.action_answer(True)  # before its on_mount
        await until(pilot, lambda: answers)
        assert answers == [True] and not isinstance(app.screen, ConfirmScreen)
        assert app.return_code is None  # still running: no exception raised
