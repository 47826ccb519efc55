"""The new-session form's closing keys act in the order they were typed.

A scribe types fast, or tmux delivers a burst: ``n``, a few letters, Escape,
then ``n`` again or ``d``; or the form, ctrl+s, then F4 and the first idea. The
App hands each key to the widget focused when it takes the key, so every key
typed after Escape or ctrl+s was already queued in the form's fields when the
form closed: lost (``n`` opened nothing, ``d`` duplicated nothing), or typed
into the title being saved ("Titreidee"). Here Escape, ctrl+s, and Enter or
Space on the form's buttons are priority keys whose action the App awaits: the
fields first take the keys typed before, then the form closes and the session
opens (mounted), and only then does the App take the next key, which reaches
the screen the user sees by then - as if they had waited.

A refusal (an empty title, a bad date) leaves the form open: the keys typed
after ctrl+s go to the field it focuses, the one to correct.

Escape and a letter read together (tmux's send-keys, a burst over ssh) reach the
App as one key, alt+letter: the terminal cannot tell them apart. The form has no
alt key of its own, so alt+letter is Escape then the letter.
"""

from __future__ import annotations

import asyncio
import contextlib
import string
from collections.abc import Awaitable, Callable

from textual import events
from textual.binding import Binding
from textual.widgets import Button, Input, Select

from tui.screens.typing_order import FocusInTypingOrder
from tui.widgets.step_select import StepSelect

Closed = Callable[[str | None], Awaitable[None]]
WAIT_SECONDS = 5.0  # the longest a closing key waits for the fields or the next screen


class ListSelect(StepSelect):
    """The template list: Enter and Space open it in the order typed.

    Textual opens the list by a binding the App runs once the key has bubbled back up,
    after the keys typed behind it were handed to the closed list: "Space Escape" in one
    burst closed the form instead of the list. A key typed in the instant between
    opening and the open list taking the focus is dropped here: going on up to the App
    it reached the list before the list was drawn (PageUp: a crash in Textual's list).
    """

    async def _on_key(self, event: events.Key) -> None:
        if event.key in ("enter", "space") or self.expanded:
            event.stop()
            event.prevent_default()
            self.expanded = True
            return
        await super()._on_key(event)


def _escape_then_letter() -> list[Binding]:
    """alt+d (Escape and d read together) runs Escape, then d (see the module)."""
    return [
        Binding(f"alt+{key}", f"escape_then({letter!r})", show=False, priority=True)
        for lower in string.ascii_lowercase
        for key, letter in ((lower, lower), (f"shift+{lower}", lower.upper()))
    ]


class ClosesInTypingOrder(FocusInTypingOrder):
    """Escape, ctrl+s and the buttons' Enter/Space, awaited by the App (see the module)."""

    BINDINGS = [
        *_escape_then_letter(),
        Binding("ctrl+s", "create", "key.create", id="create", priority=True),
        Binding("escape", "cancel", "key.cancel", id="cancel", priority=True),
        Binding("enter", "enter", "key.create", id="enter", show=False, priority=True),
        Binding("space", "press_button", "key.press_button", id="press", show=False, priority=True),
    ]

    closed: Closed | None = None  # told the result once the form is gone (the home list)
    closing = False  # a closing key is being run: the keys typed before it end here

    async def _on_key(self, event: events.Key) -> None:
        """A key typed before Escape or ctrl+s that no field took comes up to the form
        while the App awaits the closing key: it stops here. Going on, it would reach the
        App once the form is gone and act on the list below (``d`` typed in the form
        duplicated the session listed, ``x`` asked to delete it)."""
        if self.closing:
            event.stop()
            event.prevent_default()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Only on the form's buttons (and Enter in its one-line fields); elsewhere the
        # key is the widget's own: the template list opens, a box ticks, a line breaks.
        if action == "press_button":
            return isinstance(self.focused, Button)
        if action == "enter":
            return isinstance(self.focused, (Button, Input))
        return super().check_action(action, parameters)  # type: ignore[misc]

    async def keys_taken(self) -> None:
        """Every field has taken the keys already handed to it (at most a few seconds: a
        field removed meanwhile - the step times of a template left - never answers, and
        the App, which awaits this, must not freeze)."""
        taken = asyncio.Event()
        self.after_typed(taken.set)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(taken.wait(), WAIT_SECONDS)

    async def action_cancel(self) -> None:
        self.closing = True
        try:
            await self.keys_taken()
            select = self.query_one("#template", Select)
            if select.expanded:  # Escape closes the open template list, not the form
                select.expanded = False
                self.set_focus(select)
                return
            await self.close_form(None)
        finally:
            self.closing = False

    async def action_escape_then(self, letter: str) -> None:
        """Escape, then ``letter`` taken by the App now, in its turn: by the list below
        when the form closed (n opens it again, d duplicates), else by the form."""
        await self.action_cancel()
        key = events.Key(letter, letter)
        key.set_sender(self.app)
        await self.app.on_event(key)

    async def action_create(self) -> None:
        """A refusal focuses the field to correct at once: the keys after ctrl+s go there."""
        self.closing = True
        try:
            await self.keys_taken()
            session_id = self.create_session()  # type: ignore[attr-defined]  # the form's
            if session_id is not None:
                await self.close_form(session_id)
        finally:
            self.closing = False

    async def action_enter(self) -> None:
        """Enter in a one-line field creates the session, as ctrl+s (a form's Enter submits:
        the title typed then Enter was dropped without a word); on a button, presses it."""
        if isinstance(self.focused, Button):
            await self.action_press_button()
        else:
            await self.action_create()

    async def action_press_button(self) -> None:
        button = self.focused
        await self.keys_taken()
        if not isinstance(button, Button) or not self.is_active:
            return
        if button.id == "create":
            await self.action_create()
        elif button.id == "cancel":
            await self.close_form(None)

    async def close_form(self, result: str | None) -> None:
        """Leave the form, then let the screen below open what was created, before any
        key typed after this one is taken (run in the App's task: a key's action)."""
        if not self.is_active:  # type: ignore[attr-defined]
            return
        await self.dismiss(result)  # type: ignore[attr-defined]
        if self.closed is not None:
            await self.closed(result)

    def close_later(self, result: str | None) -> None:
        """A click on a button: closed the same way, in the App's turn."""
        self.app.call_later(self.close_form, result)  # type: ignore[attr-defined]
