"""The typing figure, run in its own process by ``bench/child.py typing DATA SESSION N``.

The Pilot opens the capture screen (F4) of the session and types N ideas,
each ended by Enter, as fast as the app takes them: the keys of AHEAD ideas
(1 by default) are sent in a burst through the driver, exactly as
``Pilot.press`` builds them, but without its 2 x 20 ms idle wait after every
key (7,500 keys would take five minutes of waiting alone); the next burst
starts when the app has taken the previous one. AHEAD > 1 is a scribe typing
ahead of the app: the next ideas are queued before the last Enter is handled.
Then the session is read back from the file: every key typed must be in a
saved idea. The baseline types the same keys into a
bare Textual app (Header, Input, Footer) that clears its Input on Enter.
"""

from __future__ import annotations

import asyncio
import difflib
import time
from pathlib import Path
from typing import Any

from bench.child import SIZE, report
from bench.stats import median, percentile

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def typed_text(i: int) -> str:
    """A short formulation typed by the scribe: two words and its position."""
    word = LETTERS[i % 26] * 3 + LETTERS[(i * 7) % 26]
    return f"{word} terrain {i}"


def lost_keys(typed: list[str], saved: list[str]) -> int:
    """Keys typed (Enter included) that are not in the saved ideas, in order."""
    expected = "\n".join(typed) + "\n"
    got = "\n".join(saved) + ("\n" if saved else "")
    matcher = difflib.SequenceMatcher(None, expected, got, autojunk=False)
    kept = sum(block.size for block in matcher.get_matching_blocks())
    return len(expected) - kept


def key_events(text: str) -> list[object]:
    """The key events ``Pilot.press(*text, "enter")`` would send."""
    import unicodedata

    from textual import events
    from textual.app import _character_to_key  # type: ignore[attr-defined]
    from textual.keys import REPLACED_KEYS, _get_unicode_name_from_key

    found = []
    for key in [*text, "enter"]:
        if len(key) == 1 and not key.isalnum():
            key = _character_to_key(key)
        original = REPLACED_KEYS.get(key, key)
        try:
            char: str | None = unicodedata.lookup(_get_unicode_name_from_key(original))
        except KeyError:
            char = key if len(key) == 1 else None
        found.append(events.Key(key, char))
    return found


async def type_burst(app, texts: list[str], taken) -> None:
    """Send the keys of ``texts`` (each ended by Enter) at once, then yield until ``taken()``."""
    driver = app._driver
    for text in texts:
        for event in key_events(text):
            event.set_sender(app)
            driver.send_message(event)
    deadline = time.monotonic() + 30
    while not taken():
        if time.monotonic() > deadline:
            raise TimeoutError(f"the app did not take {texts!r}")
        await asyncio.sleep(0)


def bursts(typed: list[str], ahead: int) -> list[list[str]]:
    """The ideas in groups of ``ahead``: the keys of a group are sent at once."""
    return [typed[i : i + ahead] for i in range(0, len(typed), ahead)]


async def type_ideas(data: Path, session_id: str, count: int, ahead: int = 1) -> dict[str, Any]:
    from sessions.storage.store import SessionStore
    from tui.app import make_app

    store = SessionStore(data)
    before = {idea.number for idea in store.load(session_id).ideas}
    app = make_app(store, session_ref=session_id)
    typed = [typed_text(i) for i in range(count)]
    per_idea_ms: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        screen = type(app.screen).__name__
        done = 0
        for group in bursts(typed, ahead):
            start = time.perf_counter()
            done += len(group)
            target = len(before) + done
            await type_burst(app, group, lambda target=target: len(app.session.ideas) >= target)
            per_idea_ms.append((time.perf_counter() - start) * 1000 / len(group))
        await pilot.pause()
    saved = [idea.text for idea in store.load(session_id).ideas if idea.number not in before]
    return summarise(screen, typed, saved, per_idea_ms)


def summarise(screen: str, typed: list[str], saved: list[str], per_idea_ms: list[float]):
    keys = sum(len(text) + 1 for text in typed)
    return {
        "screen": screen,
        "ideas_typed": len(typed),
        "ideas_saved": len(saved),
        "keys": keys,
        "dropped_keys": lost_keys(typed, saved),
        "idea_p50_ms": median(per_idea_ms),
        "idea_p99_ms": percentile(per_idea_ms, 99),
        "key_ms": sum(per_idea_ms) / keys if keys else 0.0,
    }


async def type_bare(count: int, ahead: int = 1) -> dict[str, Any]:
    """The same keys into a bare Textual app whose Input is cleared on Enter."""
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Input

    class BareInput(App[None]):
        def __init__(self) -> None:
            super().__init__()
            self.submitted: list[str] = []

        def compose(self) -> ComposeResult:
            yield Header()
            yield Input()
            yield Footer()

        def on_input_submitted(self, event: Input.Submitted) -> None:
            self.submitted.append(event.value)
            event.input.value = ""

    app = BareInput()
    typed = [typed_text(i) for i in range(count)]
    per_idea_ms: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for group in bursts(typed, ahead):
            start = time.perf_counter()
            sent = len(app.submitted)
            await type_burst(app, group, lambda sent=sent: len(app.submitted) > sent)
            for _ in range(50):  # the bare app may take fewer Enters than were sent
                await pilot.pause()
                if len(app.submitted) >= sent + len(group):
                    break
            per_idea_ms.append((time.perf_counter() - start) * 1000 / len(group))
        await pilot.pause()
    return summarise("BareInput", typed, app.submitted, per_idea_ms)


def main(args: list[str]) -> None:
    """``typing bare N [AHEAD]`` or ``typing DATA SESSION N [AHEAD]`` (ideas per burst)."""
    if args[0] == "bare":
        ahead = int(args[2]) if len(args) > 2 else 1
        report(**asyncio.run(type_bare(int(args[1]), ahead)))
        return
    data, session_id, count = args[:3]
    ahead = int(args[3]) if len(args) > 3 else 1
    report(**asyncio.run(type_ideas(Path(data), session_id, int(count), ahead)))
