"""The show-of-hands entry: an Input that shows the sum and the number of hands as you type."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Static
from textual.widgets.input import Selection

from sessions.i18n import t, tn
from sessions.models import HandTally
from sessions.vote.envelope import VoteError, parse_hands
from tui.widgets.entry_input import EntryInput


def tally_text(tally: HandTally | None) -> str:
    """How a stored tally is typed back into the entry."""
    if tally is None:
        return ""
    if tally.total is not None:
        return f"={tally.total}"
    if len(tally.hands) == 1:
        return f"{tally.hands[0]}+"
    return " ".join(str(h) for h in tally.hands)


# The live hint does not repeat what is typed (it is in the box beside it): the reason
# alone is read whole in the hint's three lines at 80 columns; the toast on Enter says it all.
_LIVE_ERRORS = {
    "vote.err.bad_char": "vote.live.bad_char",
    "vote.err.too_big": "vote.live.too_big",
    "vote.err.not_numbers": "vote.live.not_numbers",
    "dots.err.bad_char": "dots.live.bad_char",
    "dots.err.not_numbers": "dots.live.not_numbers",
    "dots.err.bad_char_stacking": "dots.live.bad_char_stacking",
    "dots.err.not_numbers_stacking": "dots.live.not_numbers_stacking",
}


def live_summary(
    text: str, show_sum: bool = True, empty: str = "vote.live.empty", words: str = "fingers"
) -> str:
    """What the hint beside the count box says for ``text`` as it is typed.

    Nothing typed, it says what to type (``empty``: the key for the vote's rule); a
    refusal says it in the rule's ``words`` (``sessions.vote.envelope.hand_words``).
    """
    try:
        tally = parse_hands(text, words)
    except VoteError as exc:
        live = _LIVE_ERRORS.get(exc.key)
        return t(live, **exc.values) if live else str(exc)
    if tally is None:
        return t(empty)
    if tally.total is not None:
        return t("vote.live.total", total=tally.points) if show_sum else t("vote.live.hidden")
    if not show_sum:
        return tn("vote.live.hands_only", len(tally.hands), hands=len(tally.hands))
    return tn("vote.live.hands", len(tally.hands), total=tally.points, hands=len(tally.hands))


class RecallInput(EntryInput):
    """The count box: a recalled count is selected, so the first key typed replaces it.

    As in a spreadsheet cell, a digit typed over a count brought back with the arrows
    starts a new count ("=6" then 2 gives 2, not "=62"); the arrows put the cursor in it,
    and Backspace takes off its last character, to edit it instead.
    """

    def action_delete_left(self) -> None:
        if self.selection == Selection(0, len(self.value)):
            self.cursor_position = len(self.value)
        super().action_delete_left()


class HandsInput(Horizontal):
    """Input + live sum; posts the Input's own Submitted message."""

    DEFAULT_CSS = """
    HandsInput { height: 3; }
    HandsInput Input { width: 1fr; }
    HandsInput #hands-sum { width: 44; height: 3; padding: 0 1; content-align: left middle; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.show_sum = True
        self.empty_hint = "vote.live.empty"  # what to type, for the vote's rule
        self.words = "fingers"  # how a refusal says it (``hand_words``)

    def compose(self) -> ComposeResult:
        yield RecallInput(
            id="hands-entry", select_on_focus=False, placeholder=t("vote.placeholder")
        )
        yield Static("", id="hands-sum", markup=False)

    def on_mount(self) -> None:
        self._update(self.input.value)  # F5 opens saying what to type

    def set_empty_hint(self, key: str, words: str = "fingers") -> None:
        """The vote's rule says what to type: the hint shows it while the box is empty,
        and a refusal as it is typed says it in the rule's ``words``."""
        if (key, words) != (self.empty_hint, self.words):
            self.empty_hint, self.words = key, words
            self._update(self.input.value)

    @property
    def input(self) -> RecallInput:
        return self.query_one("#hands-entry", RecallInput)

    def set_value(self, value: str) -> None:
        """A recalled count, selected: typed over, it is replaced (``RecallInput``)."""
        self.input.value = value
        self.input.selection = Selection(0, len(value))
        self._update(value)

    @on(Input.Changed, "#hands-entry")
    def _changed(self, event: Input.Changed) -> None:
        self._update(event.value)

    def _update(self, value: str) -> None:
        hint = live_summary(value, self.show_sum, self.empty_hint, self.words)
        self.query_one("#hands-sum", Static).update(hint)
