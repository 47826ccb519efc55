"""Ringing the timer's bells: once per phase and per event, whichever screen is shown.

Every timer widget calls ``ring_due_bells(app)`` on the app's tick; the first
call that finds a bell due rings (``app.bell()``, once even when several are
due), shows a notification, and saves the bell as rung through the one change
path (``tui.changes``, not recorded for ctrl+z) so
that it never rings again, not even after a restart. A read-only app (another
window holds the session) remembers its bells in memory only.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from textual.app import App

from sessions.i18n import t
from sessions.timer.position import Bell, Stamp, due_bells, phase_view

_rung_here: WeakKeyDictionary[App, set[str]] = WeakKeyDictionary()


def ring_due_bells(app: App, stamp: Stamp | None = None) -> list[Bell]:
    """Ring what is due now (``stamp``: the clock already read); the bells rung (mostly none)."""
    session = getattr(app, "session", None)
    clock = getattr(app, "clock", None)
    if session is None or clock is None:
        return []
    stamp = stamp or Stamp.of(clock)
    here = _rung_here.setdefault(app, set())
    bells = [b for b in due_bells(session, stamp) if b.key not in here]
    if not bells:
        return []
    keys = [b.key for b in bells]
    here.update(keys)
    if not getattr(app, "read_only", False):
        from sessions.timer.timer_ops import MarkRung  # the ops bring the models: when a bell rings
        from tui import changes

        changes.change(app, MarkRung(tuple(keys)), record=False)
    app.bell()
    current, _ = phase_view(session, stamp)
    title = current.phase.title if current else ""
    loud = bells[0]  # the end outranks the warning when both are due
    if loud.kind == "warning" and current is not None:
        text = t("timer.bell.warning", minutes=f"{current.remaining_s / 60:.0f}", title=title)
    elif loud.kind == "end":
        text = t("timer.bell.end", title=title)
    elif loud.kind == "turn" and current is not None and current.turn is not None:
        text = t("timer.bell.turn", label=current.turn.label)
    else:
        label = ""
        if current is not None and current.phase.rotation is not None:
            label = current.phase.rotation.label
        text = t("timer.bell.rotation", label=label or t("timer.rotation_default"))
    severity = "error" if loud.kind == "end" else "warning"
    app.notify(text, severity=severity, timeout=8)
    return bells
