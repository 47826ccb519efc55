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
from weakref import WeakSet

from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget


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
    but mounts its fields later, and Textual gives the focus later still: the
    keys of the same burst reach the screen (or the scroll around the fields)
    and are lost, and a Tab among them moves from nowhere. Until the field they
    are meant for has the focus, ``hold_key`` routes each key to it and
    ``typed_ahead_move`` moves that target as Tab would; ``give_held_keys``
    (called by ``on_mount`` with the first field) starts the routing.
    """

    def _ahead(self) -> dict:  # type: ignore[type-arg]
        return self.__dict__.setdefault(
            "_typed_ahead", {"held": [], "target": None, "done": False, "given": WeakSet()}
        )

    def hold_key(self, event: events.Event) -> bool:
        """Route ``event`` to the field it is meant for when that field has no focus yet."""
        ahead = self._ahead()
        if not isinstance(event, events.Key) or ahead["done"] or event in ahead["given"]:
            return False  # a key already given back to its field goes on its way
        copy = events.Key(event.key, event.character)
        if ahead["target"] is None:  # not mounted yet: kept for ``give_held_keys``
            ahead["held"].append(copy)
        else:
            self._give(ahead["target"], copy)
        return True

    def typed_ahead_move(self, delta: int) -> bool:
        """Tab (+1) or shift+Tab (-1) typed ahead: the next keys go to the next field."""
        ahead = self._ahead()
        if ahead["done"]:
            return False
        if ahead["target"] is None:
            ahead["held"].append(delta)
        else:
            ahead["target"] = self._step(ahead["target"], delta)
            ahead["target"].focus()
        return True

    def _step(self, field: Widget, delta: int) -> Widget:
        chain = [w for w in self.focus_chain if w is not self]
        if field not in chain:
            return field
        return chain[(chain.index(field) + delta) % len(chain)]

    def _give(self, field: Widget, event: events.Key) -> None:
        self._ahead()["given"].add(event)  # never held again (the scroll around the fields)
        event.set_sender(self.app)
        field._forward_event(event)

    def _forward_event(self, event: events.Event) -> None:
        if self.focused is None and self.hold_key(event):
            return
        super()._forward_event(event)

    def give_held_keys(self, field: Widget) -> None:
        """``field`` is the first field: the keys typed ahead reach it (and the next), in order."""
        ahead = self._ahead()
        target = field
        for item in ahead["held"]:
            if isinstance(item, int):
                target = self._step(target, item)
            else:
                self._give(target, item)
        ahead["held"] = []
        ahead["target"] = target
        target.focus()

        def focused(widget: Widget | None) -> None:
            if widget is not None and widget is ahead["target"]:
                ahead["done"] = True

        self.watch(self, "focused", focused)
