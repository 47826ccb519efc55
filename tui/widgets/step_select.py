"""StepSelect: a Select whose Up and Down change the choice while it is closed.

Textual's Select opens its list on Up or Down; the keys typed after them in a
burst (a fast scribe, tmux delivering keys at once) reach the Select before the
list is open and are lost, so "Down Down Tab Groupe A" kept the first template.
Here Up and Down, closed, step through the options at once and in typing order
(as a drop-down list does on the desktop); Enter or Space still open the list.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Select


class StepSelect(Select[Any]):
    async def _on_key(self, event: events.Key) -> None:
        if event.key not in ("up", "down") or self.expanded:
            return
        event.stop()
        event.prevent_default()
        values = [value for _, value in self._options if value is not Select.NULL]
        if not values:
            return
        index = values.index(self.value) if self.value in values else -1
        step = 1 if event.key == "down" else -1
        self.value = values[max(0, min(len(values) - 1, index + step))]
