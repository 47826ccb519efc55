"""Keys in typing order: a screen's bindings and focus moves act in the order keys were typed.

The App runs a non-priority binding once the key has bubbled up to it, in
the App's own task; an entry submitted just before (``EntryInput`` posts it
to its parent) is handled by the screen, in the screen's task. So F8 typed
right after Enter could be run before the idea was saved, or after the next
one - a pass given to the wrong person, an undo of the wrong change. Running
the screen's bindings here, as their keys bubble through the screen's queue
behind the submitted entries, keeps one order: the order of the keys.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.binding import Binding
from textual.screen import Screen


class KeysInTypingOrder(Screen):
    """Runs the bindings this screen owns when their key passes through it."""

    async def handle_key(self, event: events.Key) -> bool:
        active = self.active_bindings.get(event.key)
        if (
            active is not None
            and active.node is self
            and active.enabled
            and not active.binding.priority  # those ran when the key arrived
        ):
            event.stop()
            event.prevent_default()
            await self.run_action(active.binding.action)
            return True
        return await super().handle_key(event)


class FocusInTypingOrder(Screen):
    """Tab and shift+Tab move the focus when their key arrives, ahead of the keys after them.

    Textual forwards each key to the widget focused when the App takes it, but
    runs Tab (a screen binding, not priority) only once the key has bubbled
    back from the focused field: letters typed right after Tab were already
    queued for the field being left ("Titre 3Lieu 3"). As priority bindings,
    Tab and shift+Tab run in the App's own pass over the keys, in order, so
    every key after them goes to the field they focus.

    A priority key that reads the fields (ctrl+s) runs ahead of the keys
    still queued in the focused field: ``after_typed`` runs its work once the
    field has taken them.
    """

    BINDINGS = [
        Binding("tab", "app.focus_next", "key.next_field", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", "key.previous_field", show=False, priority=True),
    ]

    def after_typed(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` once every field has taken the keys already sent to it.

        Each field handles its keys in its own queue: a callback posted behind
        them in each queue tells when the last one is typed in.
        """
        fields = [w for w in self.focus_chain if w is not self]
        pending = len(fields)

        def field_done() -> None:
            nonlocal pending
            pending -= 1
            if pending == 0:
                self.call_later(callback)

        for field in fields:
            if not field.call_later(field_done):  # not running: nothing queued there
                field_done()
        if not fields:
            self.call_later(callback)


class KeysBeforeFocus(Screen):
    """Keys typed before the screen has focused its first field go to that field.

    A dialog opened by a key (Enter on the sheet kind chooser) is on top at once
    but composes its fields later: the keys of the same burst reach the screen
    with nothing focused, and Textual drops them. They are held here and given,
    in their order, to the field focused once the screen is mounted
    (``give_held_keys``, called by the screen's ``on_mount`` after its focus).
    """

    def _typed_ahead(self) -> tuple[list[events.Key], list[events.Key]]:
        """(keys forwarded to the screen itself, keys held for the first field)."""
        found = self.__dict__.get("_keys_before_focus")
        if found is None:
            found = self.__dict__["_keys_before_focus"] = ([], [])
        return found

    def _forward_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and self.focused is None:
            self._typed_ahead()[0].append(event)
        super()._forward_event(event)

    async def handle_key(self, event: events.Key) -> bool:
        early, held = self._typed_ahead()
        if any(event is key for key in early):
            early.remove(event)
            event.stop()
            event.prevent_default()
            copy = events.Key(event.key, event.character)
            if held or self.focused is None or self.focused is self:
                held.append(copy)  # not mounted yet: kept for the first field
            else:
                self._give(copy)
            return True
        return await super().handle_key(event)

    def _give(self, event: events.Key) -> None:
        event.set_sender(self.app)
        self.focused._forward_event(event)  # type: ignore[union-attr]

    def give_held_keys(self) -> None:
        """Once the first field is focused, the keys typed ahead reach it, in order."""
        held = self._typed_ahead()[1]
        if self.focused is None:
            return
        while held:
            self._give(held.pop(0))
