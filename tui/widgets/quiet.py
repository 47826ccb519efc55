"""Updates that cost nothing when nothing changed: for widgets redrawn on every clock tick.

``Static.update`` always asks for a layout of the whole screen, and
``Digits.update`` a repaint: on the app's 0.25 s tick that was four full
layouts and renders a second (~20 % of a core with the timer on screen,
and a layout of the 1,000-row idea list under the strip while the scribe
types). These helpers touch the widget only when the text differs.
"""

from __future__ import annotations

from textual.widgets import Digits, Static


def set_text(widget: Static, text: str, layout: bool = True) -> None:
    """``widget.update(text)`` unless it already shows ``text``.

    ``layout=False`` for a widget whose size does not depend on its text
    (a one-line strip of fixed height and width): a repaint of it alone.
    """
    if widget.content != text:
        widget.update(text, layout=layout)


def set_digits(widget: Digits, text: str) -> None:
    """``widget.update(text)`` unless it already shows ``text``."""
    if widget.value != text:
        widget.update(text)
