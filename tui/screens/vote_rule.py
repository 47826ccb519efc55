"""F5's vote rule: the envelope or the dot vote, and the dots per person.

A mixin of ``VoteScreen``: ctrl+g switches the rule (envelope -> dots ->
dots with stacking -> envelope), ctrl+e asks the dots per person when the
rule is dots. Both are refused, with the reason in a toast, once counting
has started. The header line then shows the rule, N and the dots used /
available; the ballots' title and ctrl+e's footer label follow the rule.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual.widgets import Input, Static

from sessions.core.numbers import NumberError, parse_number
from sessions.i18n import t
from sessions.models import Session
from sessions.models.vote import DEFAULT_DOTS
from sessions.vote import dots
from sessions.vote import envelope as v
from sessions.vote.dots_ops import NextRule, SetDots
from tui.screens.ask import AskScreen
from tui.widgets.hands_input import HandsInput


def dots_header(s: Session, hidden: bool) -> str:
    """The dot vote's line above the tables: rule, dots placed / available, voters."""
    return t(
        "dots.header",
        rule=dots.describe(s),
        used="?" if hidden else v.grand_total(s),
        available=v.grand_total_limit(s),
        voters=len(v.voters(s)),
        method=t(f"vote.method.{s.vote.method}"),
        order=t("vote.order.reverse" if s.vote.reverse_order else "vote.order.natural"),
        blind=t("vote.blind_on") if s.vote.blind else "",
    )


class VoteRuleKeys:
    """The rule's key, its ask for N, and what the screen shows of the rule."""

    if TYPE_CHECKING:  # what the screen provides (no stub bodies: they would override it)
        app: Any
        session: Session
        _bindings: Any
        query_one: Any
        change: Any
        notify: Any
        refresh_bindings: Any

    def show_rule(self, s: Session, hidden: bool) -> None:
        """Called by ``refresh_from_session``: a dot vote's header, titles and key labels."""
        is_dots = dots.is_dots(s)
        if is_dots:
            self.query_one("#envelope", Static).update(dots_header(s, hidden))
        self.query_one("#ballots-title", Static).update(
            t("dots.ballots_title" if is_dots else "vote.ballots_title")
        )
        self._relabel("ctrl+e", t("dots.key.per_person" if is_dots else "vote.key.envelope"))
        # Once counting has started the rule key leaves the footer (it would only refuse).
        self._relabel("ctrl+g", t("dots.key.rule"), show=not dots.counting_started(s))
        placeholder = "vote.placeholder"
        if is_dots:
            placeholder = "dots.placeholder_stacking" if s.vote.stacking else "dots.placeholder"
        self.query_one("#hands-entry", Input).placeholder = t(placeholder)
        empty = "vote.live.empty"
        if is_dots:
            empty = "dots.live.empty_stacking" if s.vote.stacking else "dots.live.empty"
        self.query_one("#hands", HandsInput).set_empty_hint(empty, v.hand_words(s))

    def _relabel(self, key: str, label: str, show: bool = True) -> None:
        table = self._bindings.key_to_bindings
        bindings = table.get(key, [])
        if bindings and (bindings[0].description, bindings[0].show) != (label, show):
            table[key] = [replace(b, description=label, show=show) for b in bindings]
            self.refresh_bindings()

    def action_rule(self) -> None:
        done, _ = self.change(NextRule())
        if done:
            self.notify(t("dots.switched", rule=v.rule_text(self.session)), timeout=6)

    def ask_dots(self) -> None:
        """ctrl+e in a dot vote: the dots per person (empty: 3)."""

        def done(value: str | None) -> None:
            if value is None:
                return
            try:
                chosen = parse_number(value) if value.strip() else None
            except NumberError as exc:
                message = t("dots.err.per_person_number", reason=exc)
                self.notify(message, severity="error", timeout=6)
                return
            ok, _ = self.change(SetDots(chosen))
            if ok:
                self.notify(t("dots.switched", rule=v.rule_text(self.session)), timeout=6)

        current = str(self.session.vote.per_person)
        question = t("dots.ask.per_person", default=DEFAULT_DOTS)
        self.app.push_screen(AskScreen(question, current), done)
