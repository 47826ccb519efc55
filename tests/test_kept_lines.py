"""KeptLines draws what a Static draws, and an update draws again only the lines that changed."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from tests.waits import settled, until
from tui.widgets.kept_lines import KeptLines


class TwinApp(App[None]):
    CSS = "Horizontal > * { width: 24; height: 1fr; } #kept { color: $accent; }"

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static("", id="plain", markup=False)
            yield KeptLines("", id="kept", markup=False)


def pane(n: int, speaking: int, ideas: int) -> Text:
    """A people pane: a marked line and a dim count per person, one name long enough to wrap."""
    text = Text()
    for i in range(n):
        name = f"Personne {i}" + (" (Association des habitants)" if i == 2 else "")
        text.append(
            f"{'▶ ' if i == speaking else '  '}{name}\n", "reverse bold" if i == speaking else ""
        )
        text.append(f"    {ideas if i == speaking else 0} idée(s)\n", style="dim")
    return text


def drawn(widget: Static) -> list[list[tuple[str, str]]]:
    return [
        [(s.text, str(s.style)) for s in line]
        for line in widget.render_lines(widget.region.reset_offset)
    ]


async def test_kept_lines_draw_as_a_static_and_keep_the_unchanged_lines() -> None:
    app = TwinApp()
    async with app.run_test(size=(60, 24)) as pilot:
        plain, kept = app.query_one("#plain", Static), app.query_one("#kept", KeptLines)
        app.query_one("#plain").styles.color = kept.styles.color  # the same colours
        before: list = []
        for speaking, ideas in ((0, 1), (0, 2), (1, 0), (3, 5)):
            text = pane(5, speaking, ideas)
            plain.update(text)
            kept.update(text.copy())
            await until(pilot, lambda: settled(app))
            lines = kept.render_lines(kept.region.reset_offset)
            assert drawn(kept) == drawn(plain)
            if before:  # the lines of the people whose marks and counts stayed: the same strips
                same = [a is b for a, b in zip(before, lines, strict=True)]
                assert same.count(False) in range(1, 7)
                assert same[-1]  # blank lines below the people
            before = lines
        shown = "\n".join(strip.text for strip in before)
        assert "▶ Personne 3" in shown and "5 idée(s)" in shown and "Association" in shown
