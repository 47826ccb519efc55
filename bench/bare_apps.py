"""The bare Textual apps the terminal figures are compared with, run as real programs.

    python bench/bare_apps.py frame      # Header, Digits, Footer (start-up, memory)
    python bench/bare_apps.py enter N    # an Input and a list of N lines; Enter appends
    python bench/bare_apps.py idle       # Header, Digits showing the time every 1 s, Footer

They run in the pseudo-terminal of ``bench/term.py`` exactly as atelier does:
what is measured is what they write to the terminal.
"""

from __future__ import annotations

import sys
import time

from textual.app import App, ComposeResult
from textual.widgets import Digits, Footer, Header, Input, OptionList


class FrameApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Digits("12:34")
        yield Footer()


class EnterApp(App[None]):
    """A list of ``lines`` ideas and an Input below; Enter appends the idea and shows it."""

    CSS = "OptionList { height: 1fr; } Input { dock: bottom; }"

    def __init__(self, lines: int) -> None:
        super().__init__()
        self.lines = lines

    def compose(self) -> ComposeResult:
        yield Header()
        yield OptionList(*(f"{n}  idée {n}" for n in range(1, self.lines + 1)), id="ideas")
        yield Input(placeholder="Idée, puis Entrée", id="entry")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = self.lines - 1 if self.lines else None
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        ideas = self.query_one(OptionList)
        ideas.add_option(f"{ideas.option_count + 1}  {event.value}")
        ideas.highlighted = ideas.option_count - 1  # scrolls to it
        event.input.value = ""


class IdleApp(App[None]):
    """The bare app with a 1 s interval: the time in big digits."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Digits(time.strftime("%H:%M:%S"), id="clock")
        yield Footer()

    def on_mount(self) -> None:
        self.set_interval(1.0, self.tick)

    def tick(self) -> None:
        self.query_one(Digits).update(time.strftime("%H:%M:%S"))


def main(argv: list[str]) -> None:
    mode = argv[0]
    if mode == "frame":
        FrameApp().run()
    elif mode == "enter":
        EnterApp(int(argv[1])).run()
    elif mode == "idle":
        IdleApp().run()
    else:
        raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
