"""IdeaEntry: F4's idea box, where a Tab typed among the words is a space.

F4 has one field (the ideas list never takes the focus), so Tab had nothing to
move to and was swallowed: "Avec<Tab>tab ici" was saved as "Avectab ici". A tab
pasted into the box is saved as a space (sessions/core/text.py); a typed one is
now the same, inserted in the Input's key handler, in order with the letters
around it (a burst "Idée<Tab>suite" Enter saves "Idée suite").
"""

from __future__ import annotations

from textual import events

from tui.widgets.entry_input import EntryInput


class IdeaEntry(EntryInput):
    """An EntryInput where Tab types a space (shift+Tab is left to the screen)."""

    async def _on_key(self, event: events.Key) -> None:
        if event.key != "tab":
            return  # EntryInput, then the Input's own handlers take the key
        event.stop()
        event.prevent_default()
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(" ")
        else:
            self.replace(" ", *selection)
