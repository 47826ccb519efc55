"""Modal dialogs answer once, whatever keys were typed ahead.

A fast scribe (or tmux delivering a burst) can queue a second Enter before the
first one has closed a dialog. Textual then hands the dialog a second answer
after it is gone: ``dismiss`` would call the caller back twice and pop the
screen below it (the section itself: a crash). ``AnswersOnce`` ignores an answer
from a dialog that is no longer the active screen.
"""

from __future__ import annotations

from typing import Any

from textual.await_complete import AwaitComplete

from tui.i18n import LocalKeys


class AnswersOnce(LocalKeys):
    """Mix into a ``ModalScreen`` (first in the bases): only the active dialog answers.

    (``LocalKeys``: its keys, Textual's too, in the interface's language.)
    """

    def dismiss(self, result: Any = None) -> AwaitComplete:
        if not self.is_active:  # type: ignore[attr-defined]
            return AwaitComplete.nothing()
        return super().dismiss(result)  # type: ignore[misc]
