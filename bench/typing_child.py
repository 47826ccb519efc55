"""The typing figure, run in its own process by ``bench/child.py typing DATA SESSION N``.

The Pilot opens the capture screen (F4) of the session and types N ideas,
key by key, each ended by Enter, as fast as the app takes them. Then the
session is read back from the file: every key typed must be in a saved
idea. Reports the keys lost and the time per key.
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


async def type_ideas(data: Path, session_id: str, count: int) -> dict[str, Any]:
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
        for text in typed:
            start = time.perf_counter()
            await pilot.press(*text, "enter")
            per_idea_ms.append((time.perf_counter() - start) * 1000)
        await pilot.pause()
    saved = [idea.text for idea in store.load(session_id).ideas if idea.number not in before]
    keys = sum(len(text) + 1 for text in typed)
    return {
        "screen": screen,
        "ideas_typed": count,
        "ideas_saved": len(saved),
        "keys": keys,
        "dropped_keys": lost_keys(typed, saved),
        "idea_p50_ms": median(per_idea_ms),
        "idea_p99_ms": percentile(per_idea_ms, 99),
        "key_ms": sum(per_idea_ms) / keys if keys else 0.0,
    }


def main(args: list[str]) -> None:
    data, session_id, count = args
    report(**asyncio.run(type_ideas(Path(data), session_id, int(count))))
