"""The processes that ``bench/run.py`` starts: one app each, measured from inside.

``python bench/child.py MODE ARGS...`` prints one line ``BENCH {json}`` on
file descriptor 1 (Textual redirects ``sys.stdout``) and exits at once.

Modes:

- ``bare-frame`` / ``atelier-frame DATA SESSION``: run the app headless and
  report the ``time.monotonic()`` at its first frame (for atelier: the first
  frame of the open session's screen), so the parent gets process start to
  first frame. ``atelier`` goes through the real command line, ``atelier
  --data-dir DATA open SESSION``.
- ``bare-rss`` / ``atelier-rss DATA SESSION``: drive the app with the Pilot
  (every section of the session, F2 to F7) and report the peak resident
  memory (``ru_maxrss``).
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SIZE = (120, 40)
SECTION_KEYS = ("f2", "f3", "f4", "f5", "f6", "f7")


def report(**values: Any) -> None:
    """Write the result line and leave without any shutdown work."""
    values.setdefault("maxrss_kb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    os.write(1, ("BENCH " + json.dumps(values) + "\n").encode())
    os._exit(0)


def bare_app():  # -> App
    from textual.app import App, ComposeResult
    from textual.widgets import Digits, Footer, Header

    class BareApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Digits("12:34")
            yield Footer()

    return BareApp()


def hook_first_frame(is_target) -> None:
    """Report the first frame that ``is_target(screen)`` accepts, as a terminal would get it."""
    from textual.app import App

    original_display = App._display
    original_run = App.run

    def display(self: App, screen, renderable) -> None:
        original_display(self, screen, renderable)
        if renderable is not None and is_target(screen):
            renderable.render_segments(self.console)  # what a terminal write would encode
            report(frame=time.monotonic(), screen=type(screen).__name__)

    def run(self: App, *args: Any, **kwargs: Any) -> Any:
        kwargs["headless"] = True
        kwargs.setdefault("size", SIZE)
        return original_run(self, *args, **kwargs)

    App._display = display  # type: ignore[method-assign]
    App.run = run  # type: ignore[method-assign]


def is_session_screen(screen: object) -> bool:
    return hasattr(screen, "refresh_from_session")


def bare_frame() -> None:
    hook_first_frame(lambda screen: True)
    bare_app().run()
    report(error="the bare app exited without a frame")


def atelier_frame(data: str, session: str) -> None:
    hook_first_frame(is_session_screen)
    from tui.cli.main import main

    main(["--data-dir", data, "open", session])
    report(error="atelier exited without showing the session")


async def _tour(app, keys: tuple[str, ...]) -> dict[str, Any]:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        screens = [type(app.screen).__name__]
    return {"screens": screens}


def bare_rss() -> None:
    info = asyncio.run(_tour(bare_app(), ()))
    report(**info)


def atelier_rss(data: str, session: str) -> None:
    from sessions.storage.store import SessionStore
    from tui.app import make_app

    app = make_app(SessionStore(Path(data)), session_ref=session)
    info = asyncio.run(_tour(app, SECTION_KEYS))
    report(**info)


def main(argv: list[str]) -> None:
    mode, args = argv[0], argv[1:]
    if mode in ("typing", "drift"):
        module = __import__(f"bench.{mode}_child", fromlist=["main"])
        module.main(args)
        return
    handlers = {
        "bare-frame": bare_frame,
        "atelier-frame": atelier_frame,
        "bare-rss": bare_rss,
        "atelier-rss": atelier_rss,
    }
    handlers[mode](*args)


if __name__ == "__main__":
    main(sys.argv[1:])
