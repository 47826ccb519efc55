"""Updates that cost nothing when nothing changed: for widgets redrawn on every clock tick.

``Static.update`` always asks for a layout of the whole screen, and
``Digits.update`` a repaint: on the app's 0.25 s tick that was four full
layouts and renders a second (~20 % of a core with the timer on screen,
and a layout of the 1,000-row idea list under the strip while the scribe
types). These helpers touch the widget only when the text differs.
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget
from textual.widgets import Digits, Static

_DIGIT = re.compile("[0-9]")


def set_text(widget: Static, text: str | Text, layout: bool = True) -> None:
    """``widget.update(text)`` unless it already shows ``text``.

    ``layout=False`` for a widget whose size does not depend on its text
    (a one-line strip of fixed height and width): a repaint of it alone.
    A ``Text`` compares by its characters and styles.
    """
    shown = widget.content
    if type(shown) is not type(text) or shown != text:
        widget.update(text, layout=layout and not _same_box(widget, shown, text))


def _same_box(widget: Static, before: object, after: str | Text) -> bool:
    """The widget keeps its size: both texts one line that fits it, or of one width.

    A line that changes every second (a sub-timer's countdown) laid the
    whole screen out every second while its height stayed one line.
    """
    if not isinstance(before, str | Text):
        return False
    old = before.plain if isinstance(before, Text) else before
    new = after.plain if isinstance(after, Text) else after
    if _DIGIT.sub("0", old) == _DIGIT.sub("0", new):
        return True  # only digits changed (a countdown): the same words, wrapped the same
    if "\n" in old or "\n" in new:
        return False
    width = widget.styles.width
    if width is not None and width.is_auto:  # sized by its text
        return cell_len(old) == cell_len(new)
    room = widget.content_size.width
    return room > 0 and cell_len(old) <= room and cell_len(new) <= room


def set_lines(widget: Static, text: Text) -> None:
    """``set_text`` for a block of lines: a layout only when its height may change.

    A list whose entries change but not their count (a participant's counts
    after an idea) keeps its height: a repaint of it alone. The height is
    kept when there are as many lines and each fits the widget's width (or
    is as long as before, so wraps the same).
    """
    shown = widget.content
    same = isinstance(shown, Text) and _same_height(widget, shown, text)
    set_text(widget, text, layout=not same)


def _same_height(widget: Static, before: Text, after: Text) -> bool:
    old, new = before.plain.split("\n"), after.plain.split("\n")
    width = widget.content_size.width
    if len(old) != len(new) or not width:
        return False
    return all(
        cell_len(a) == cell_len(b) or (cell_len(a) <= width and cell_len(b) <= width)
        for a, b in zip(old, new, strict=True)
    )


def show_now(*widgets: Widget) -> None:
    """Send these widgets' repaints to the screen now, for the frame being prepared.

    A widget asks its screen for a repaint only once its own message queue
    is idle; after an Enter that saved (the event loop blocked by the fsync)
    the screen's overdue update ran first with the entry box and the turn
    line, and the new row and the counts came one frame later (~17 ms, more
    on a busy machine). Called at the end of the handler that changed them.
    """
    for widget in widgets:
        widget._check_refresh()  # Textual's own step from idle to the screen's Update


def set_digits(widget: Digits, text: str) -> None:
    """``widget.update(text)`` unless it already shows ``text``.

    Digits asks for a layout of the screen whenever the drawn width changes
    ("1" is narrower than "0"): every second or so on the timer. A Digits
    whose width comes from the CSS (not ``auto``) keeps its size - its
    height is always its three lines - so it is only repainted.
    """
    if widget.value == text:
        return
    width = widget.styles.width
    if width is None or width.is_auto or len(text) != len(widget.value):
        widget.update(text)
        return
    widget._value = text  # what ``Digits.update`` sets, without its layout
    widget.refresh()
