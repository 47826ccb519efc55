"""KeysInTypingOrder: a screen's own key bindings run in the order the keys were typed.

The App runs a non-priority binding once the key has bubbled up to it, in
the App's own task; an entry submitted just before (``EntryInput`` posts it
to its parent) is handled by the screen, in the screen's task. So F8 typed
right after Enter could be run before the idea was saved, or after the next
one - a pass given to the wrong person, an undo of the wrong change. Running
the screen's bindings here, as their keys bubble through the screen's queue
behind the submitted entries, keeps one order: the order of the keys.
"""

from __future__ import annotations

from textual import events
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
