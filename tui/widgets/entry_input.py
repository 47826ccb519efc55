"""EntryInput: an Input for one entry after another, that keeps the order of the keys.

Textual runs an Input's ``enter`` binding (submit) only once the key has
bubbled back up to the App; keys typed after Enter that were already queued
(a fast scribe typing ahead of a save's fsync or of a redraw, a terminal
that delivers a burst) reach the Input first, so the submitted value got
the next entry glued to it, and clearing the box then wiped what was typed
ahead. Here Enter is taken in the Input's own key handler, in order with
the characters: the value is posted in ``Input.Submitted`` and the box is
emptied at once, so the next keys start the next entry. A handler that
refuses the value gives it back with ``restore``.

The Submitted message is posted straight into the parent's queue, where a
key that follows Enter and bubbles (F8 for a pass, ctrl+z...) can only
arrive after it: a screen binding that is not ``priority`` therefore acts
after the entry was handled, never before. (A ``priority`` binding is run by
the App as soon as the key arrives, ahead of what the Input still holds: keep
the screen's keys that follow an entry non-priority.)
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Input

from sessions.i18n import t


def _editing_keys() -> dict[str, str]:
    """Key -> action of the bindings Textual's Input declares itself (Enter aside)."""
    keys: dict[str, str] = {}
    for binding in Input.BINDINGS:
        if isinstance(binding, Binding):
            for key in binding.key.split(","):
                keys.setdefault(key.strip(), binding.action)
    keys.pop("enter", None)
    return keys


EDITING_KEYS = _editing_keys()


class InOrderKeys(Input):
    """An Input whose editing keys act in the order they were typed.

    Backspace, ctrl+u, ctrl+w, the arrows... are bindings of Textual's Input,
    and a binding runs only once its key has bubbled up to the App, while the
    letters typed after it are already being inserted: "Mobilitx", Backspace,
    "é douce" typed in one burst gave "Mobilitxé douc". Here the Input's own
    bindings run in its key handler, in turn with the characters. (Keys the
    App or a screen binds with ``priority`` never reach the Input, as before.)
    """

    async def _on_key(self, event: events.Key) -> None:
        # Textual calls the ``_on_key`` of every class in the MRO until one
        # prevents the default: returning lets Input's own handler type the key.
        action = EDITING_KEYS.get(event.key)
        if action is None:
            return
        event.stop()
        event.prevent_default()
        await self.run_action(action)

    def _watch_value(self, value: str) -> None:
        """Input's own watcher, without a layout of the whole screen per key.

        Textual's Input sets its ``virtual_size`` (a reactive that asks for a
        layout) to the text's width on every change: each key typed, and the
        box emptied on Enter, laid out the whole screen again (the ideas table
        of F4 with it). An Input's height and width never depend on its text
        here (one line, its width from the CSS), so the virtual size is set
        quietly and the Input alone repainted; it still bounds the horizontal
        scroll. An Input sized by its content (``width: auto``) keeps the layout.
        """
        if self.styles.auto_dimensions:
            super()._watch_value(value)
            return
        self.set_reactive(Widget.virtual_size, Size(self.content_width, 1))
        self._suggestion = ""
        if self.suggester and value:
            self.run_worker(self.suggester._get_suggestion(self, value))
        self.refresh()
        # The rest of Input's watcher as it is: Changed is what live summaries listen to
        # (F5's "Total saisi"), and the cursor and selection follow the new value.
        validation_result = self.validate(value) if "changed" in self.validate_on else None
        self.post_message(self.Changed(self, value, validation_result))
        if self._initial_value:
            self.cursor_position = len(self.value)
            self._initial_value = False
        else:
            self.selection = self.selection


class LimitedInput(InOrderKeys):
    """An Input that says why a key or a paste past ``max_length`` is refused.

    Textual drops the whole paste (or the key) and only rings the bell: a
    600-character paste vanished without a word.
    """

    def restricted(self) -> None:
        super().restricted()
        if self.max_length:
            self.notify(t("entry.too_long", max=self.max_length), severity="warning", timeout=6)


ENTER_KEYS = ("enter", "ctrl+j")


class EntryInput(LimitedInput):
    """An Input that submits and empties itself on Enter, in the order keys were typed."""

    async def _on_key(self, event: events.Key) -> None:
        # ctrl+j is a line feed: the Enter of keys typed while the app starts (the terminal
        # still in line mode turns Enter into a line feed), which must end the entry too.
        if event.key not in ENTER_KEYS:
            return  # InOrderKeys, then Input (next in the MRO), handle the key
        event.stop()
        event.prevent_default()
        value = self.value
        validation = self.validate(value) if "submitted" in self.validate_on else None
        if value.strip():
            self.value = ""
        message = self.Submitted(self, value, validation)
        target = self.parent if self.parent is not None else self
        target.post_message(message)

    def restore(self, value: str) -> None:
        """Put a refused entry back, before anything typed since its Enter."""
        typed = self.value
        self.value = value + typed
        self.cursor_position = len(self.value)


class FieldInput(InOrderKeys):
    """A form field: focusing it (Tab, a click) puts the cursor at the end of its text.

    Textual's Input selects its whole text when focused, so a letter typed
    right after Tab replaced the title instead of adding to it.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)

    def _on_focus(self, event: events.Focus) -> None:
        self.cursor_position = len(self.value)
        super()._on_focus(event)
