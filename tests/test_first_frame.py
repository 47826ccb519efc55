"""``atelier open`` draws its first frame before pydantic, then opens the session for real.

The overview is drawn from the file read light (``tui.first_frame``); right
after that frame the session is opened with the models and the overview
redrawn from them: the same picture. A key pressed before acts on the real
session; a file the models refuse makes ``atelier open`` leave with the error
it always gave.
"""

from __future__ import annotations

import asyncio
import gc
import json
import subprocess
import sys

from textual.widgets import Static

from sessions.capture.capture_ops import GiveIdea
from sessions.core.ops import apply
from sessions.timer import ops as timer_ops
from sessions.timer.position import Stamp
from tui.app import AtelierApp
from tui.cli.commands import open_
from tui.cli.main import main
from tui.first_frame import read_first
from tui.first_open import FirstOpenMixin


async def until(pilot, check, tries: int = 60) -> bool:
    """Pause until ``check()`` holds (bounded): one pause is not always one frame."""
    for _ in range(tries):
        if check():
            return True
        await pilot.pause()
    return check()


def screen_lines(app: AtelierApp) -> list[list[tuple[str, object]]]:
    """What the terminal gets: every line's text with its styles."""
    strips = app.screen._compositor.render_strips()
    return [[(seg.text, seg.style) for seg in strip] for strip in strips]


def edit_doc(store, session, change) -> None:
    path = store.path_for(session.id)
    tables = json.loads(path.read_bytes())
    change(tables["session"]["1"])
    path.write_text(json.dumps(tables), encoding="utf-8")


def hold_first_open(monkeypatch) -> list[str]:
    """The opening scheduled after the first frame does not run; the next call (a key) does."""
    calls: list[str] = []
    real = FirstOpenMixin.finish_open

    def held(self) -> None:  # type: ignore[no-untyped-def]
        calls.append("call")
        if len(calls) > 1:
            real(self)

    monkeypatch.setattr(FirstOpenMixin, "finish_open", held)
    return calls


async def test_the_first_frame_is_the_overview_the_models_draw(
    store, clock, session, monkeypatch
) -> None:
    with store.open(session.id) as handle:  # ideas, and a running timer for the strip
        handle.apply(lambda s: timer_ops.start(s, Stamp.of(clock)))
    edit_doc(store, session, lambda d: d["participants"][0].update(name="Zoé\x1b[31m Roux"))
    first = read_first(store.root, session.id)
    assert first is not None and first.participants[0].name == "Zoé Roux"
    calls = hold_first_open(monkeypatch)
    app = AtelierApp(store, clock, session_ref=str(first.path), first=first)
    async with app.run_test(size=(120, 40)) as pilot:
        shown = lambda: "Zoé Roux" in str(app.screen.query_one("#participants", Static).render())  # noqa: E731
        assert await until(pilot, lambda: calls and shown())
        assert app.handle is None  # drawn from the light read
        light = screen_lines(app)
        assert any("Atelier A" in "".join(t for t, _ in line) for line in light)
        app.finish_open()
        assert app.handle is not None and app.session.participants[0].name == "Zoé Roux"
        await pilot.pause()
        await pilot.pause()
        assert screen_lines(app) == light  # the models draw the same picture


async def test_a_key_pressed_before_the_session_opened_acts_on_it(
    store, clock, session, monkeypatch
) -> None:
    first = read_first(store.root, session.id)
    calls = hold_first_open(monkeypatch)
    app = AtelierApp(store, clock, session_ref=str(first.path), first=first)
    async with app.run_test(size=(120, 40)) as pilot:
        assert await until(pilot, lambda: bool(calls))
        assert app.handle is None  # still the first frame
        await pilot.press("f4")
        assert await until(pilot, lambda: app.current_mode == "capture")
        assert app.handle is not None and app.session.title == session.title
        await pilot.press(*"une idée", "enter")
        saved = lambda: [i.text for i in store.load(session.id).ideas] == ["une idée"]  # noqa: E731
        assert await until(pilot, saved)


def test_a_file_the_models_refuse_leaves_with_the_open_error(
    store, clock, session, monkeypatch, capsys
) -> None:
    with store.open(session.id) as handle:
        handle.apply(lambda s: apply(s, GiveIdea(text="une", now=clock.now())))
    edit_doc(store, session, lambda d: d["ideas"][0].update(number="un"))  # not a number
    before = store.path_for(session.id).read_bytes()
    assert read_first(store.root, session.id) is not None  # the first frame reads it
    frames: list[str] = []

    def headless_run(self: AtelierApp, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        async def go() -> None:
            async with self.run_test(size=(100, 30)) as pilot:
                frames.append(type(self.screen).__name__)
                for _ in range(60):
                    if self.open_error is not None:
                        break
                    await pilot.pause()

        asyncio.run(go())

    monkeypatch.setattr(open_, "_on_terminal", lambda: True)
    monkeypatch.setattr(AtelierApp, "run", headless_run)
    assert main(["--data-dir", str(store.root), "open", session.id]) == 4  # EXIT_CORRUPT
    err = capsys.readouterr().err
    assert str(store.path_for(session.id)) in err and "ideas" in err
    assert frames == ["OverviewScreen"]
    assert store.path_for(session.id).read_bytes() == before  # untouched


def test_only_plain_successes_are_read_light(store, session) -> None:
    assert read_first(store.root, session.id) is not None
    assert read_first(store.root, session.id[:3]) is None  # a prefix: the store decides
    assert read_first(store.root, session.title) is None  # a title: the store decides
    assert read_first(store.root, "nothing") is None
    edit_doc(store, session, lambda d: d.update(slot_minutes=float("inf")))
    assert read_first(store.root, session.id) is None  # out of the model's range
    edit_doc(store, session, lambda d: d.update(slot_minutes=90))
    assert read_first(store.root, session.id).slot_minutes == 90
    edit_doc(store, session, lambda d: d["participants"][0].update(present="yes"))
    assert read_first(store.root, session.id) is None  # a wrong type: the models say why
    edit_doc(store, session, lambda d: d.update(schema_version=d["schema_version"] - 1))
    assert read_first(store.root, session.id) is None  # an older file: migrated by the models


def test_the_first_frame_imports_no_pydantic() -> None:
    code = (
        "import sys\n"
        "import tui.cli.main, tui.cli.commands.open_, tui.first_frame, tui.first_open\n"
        "import tui.app, tui.screens.overview\n"
        "heavy = ('pydantic', 'tinydb', 'sessions.models', 'textual.widgets._text_area')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_store_is_made_ready_after_the_first_frame(store, session, monkeypatch) -> None:
    """As ``make_app`` does: a crash's temporary files cleaned, the session opened and shown."""
    stale = store.sessions_dir / f".{session.id}.json.tmp-999999999-x"  # no such process
    stale.write_bytes(b"{}")
    shown: list[str] = []

    def headless_run(self: AtelierApp, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        async def go() -> None:
            async with self.run_test(size=(100, 30)) as pilot:
                await until(pilot, lambda: self.handle is not None)
                shown.append(self.session.title)

        asyncio.run(go())

    monkeypatch.setattr(open_, "_on_terminal", lambda: True)
    monkeypatch.setattr(AtelierApp, "run", headless_run)
    assert main(["--data-dir", str(store.root), "open", session.id]) == 0
    assert shown == [session.title]
    assert not stale.exists()


def test_no_collection_runs_before_the_first_frame(store, session, monkeypatch) -> None:
    """The collector is off from the light read to the session opened, then back on."""
    seen: list[tuple[str, bool]] = []
    calls = hold_first_open(monkeypatch)

    def headless_run(self: AtelierApp, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        async def go() -> None:
            async with self.run_test(size=(100, 30)) as pilot:
                await until(pilot, lambda: bool(calls))
                seen.append(("first frame", gc.isenabled()))
                await pilot.press("f4")  # opens the session
                await until(pilot, lambda: self.handle is not None)
                seen.append(("opened", gc.isenabled()))

        asyncio.run(go())

    monkeypatch.setattr(open_, "_on_terminal", lambda: True)
    monkeypatch.setattr(AtelierApp, "run", headless_run)
    try:
        assert main(["--data-dir", str(store.root), "open", session.id]) == 0
        assert seen == [("first frame", False), ("opened", True)]
        assert gc.isenabled()
    finally:
        gc.enable()
