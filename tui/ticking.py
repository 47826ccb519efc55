"""The app's clock tick, and the heap settled once a screen is drawn.

The tick moves the app's ``now`` reactive (the world-clock pattern): every
timer strip and the timer screens watch it. It also rings the timer's bells,
once for the whole app, whichever screen is shown. A screen that redraws
itself on the true second (``TIMES_ITSELF``: the timer, F3) needs no tick
while its own one-second timer runs (``ticking``); when it has none (a
paused timer) the app's tick comes once a second as a fallback. While that
timer runs the screen holds the app's interval (``hold_tick``): a paused
interval does not even wake the event loop, four wake-ups a second saved.

The tick also looks, once a second, whether another process (the command
line) changed the session file (``poll_file``: a stat). While the interval
rests, the screen that holds it does that look on its own second
(``second_chores``): no wake-up of its own, for the look or for anything else.
"""

from __future__ import annotations

import gc

from textual.timer import Timer

from tui.widgets.timer_bells import ring_due_bells

TICK_SECONDS = 0.25
# A screen that times itself but whose own timer is not armed takes the app's
# tick once in this many (once a second), not four times: the tick moved every
# section's timer strip and was a third of the CPU of an idle app on F3.
SELF_TIMED_EVERY = 4
# The session file is looked at once a second for a change another process made
# (``atelier`` commands in another terminal): on one tick in this many.
FILE_POLL_SECONDS = 1.0
POLL_EVERY = round(FILE_POLL_SECONDS / TICK_SECONDS)
# Young objects collected in batches of this many (Python's default: 700). The
# screen allocates thousands of small objects per frame: at 700 a frame ran
# several collections, and every tenth one a second generation.
GC_YOUNG_THRESHOLD = 7000


def settle_heap() -> None:
    """Keep the collector off what is built to stay: the session, the screens, the modules.

    ``gc.freeze()`` moves every object alive now out of the collector's
    sight. A full collection walked all of them - the 1,000 validated ideas,
    Textual's widgets and styles, every module: 150 to 300 ms at 1,000 ideas,
    every few dozen Enters in F4, felt as a stalled keystroke. Called after a
    screen is first drawn (the session loaded, the section built); what is
    freed later is still collected as before. The garbage of the start-up
    (or of building the section) is collected first, else it would be kept
    for good: +10 MiB of peak memory through every section at 1,000 ideas,
    +3 MiB with it collected (~70 ms once after the first frame, then only
    the new section's objects are walked).
    """
    gc.collect()
    gc.freeze()
    young, middle, old = gc.get_threshold()
    if young < GC_YOUNG_THRESHOLD:
        gc.set_threshold(GC_YOUNG_THRESHOLD, middle, old)


class TickMixin:
    """The tick of ``AtelierApp`` (an ``App`` with ``clock``, ``now`` and ``_ticks``)."""

    tick_held = False  # the interval rests: the screen on top calls ``second_chores``

    def tick(self) -> None:
        if getattr(self, "handle", None) is not None:  # not on a first frame drawn light
            ring_due_bells(self)  # type: ignore[arg-type]
        self.now = self.clock.now()  # type: ignore[attr-defined]

    def _tick_interval(self) -> None:
        """The interval's call: skipped while the shown screen times itself."""
        self._ticks += 1  # type: ignore[has-type]
        if not self._ticks % POLL_EVERY:
            self.poll_file()  # type: ignore[attr-defined]
        stack = self.screen_stack  # type: ignore[attr-defined]  # empty while modes switch
        top = stack[-1] if stack else None
        if getattr(top, "TIMES_ITSELF", False):
            if getattr(top, "ticking", False):
                return  # it redraws on the second by itself; the strips behind wait
            if self._ticks % SELF_TIMED_EVERY:
                return
        self.tick()

    def hold_tick(self) -> None:
        """Pause the app's interval: the shown screen redraws itself on the second."""
        timer = self._tick_timer()
        if timer is not None:
            timer.pause()
        self.tick_held = timer is not None

    def release_tick(self) -> None:
        """Resume the app's interval (it ticks at once: the strips catch up)."""
        timer = self._tick_timer()
        if timer is not None:
            timer.resume()
        self.tick_held = False

    def second_chores(self) -> None:
        """What the interval does once a second, for the screen holding it: the file's look."""
        if self.tick_held:
            self.poll_file()  # type: ignore[attr-defined]

    def _tick_timer(self) -> Timer | None:
        """The interval that calls ``_tick_interval`` (set on mount in ``tui/app.py``).

        Held here once found: Textual keeps an app's timers in a weak set, and a
        paused interval is referenced by nothing else (its task waits on its own
        event), so a garbage collection while F3 held it took it for good - no
        tick, no strip moving, no look at the file once another screen was shown.
        """
        timer: Timer | None = self.__dict__.get("_tick_timer_held")
        if timer is None:
            for candidate in list(self._timers):  # type: ignore[attr-defined]
                if candidate._callback == self._tick_interval:
                    timer = self._tick_timer_held = candidate
                    break
        return timer
