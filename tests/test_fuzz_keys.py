"""Keystroke fuzz: random key sequences on every screen never crash the app or lose work.

For each screen, hypothesis draws long sequences of keys: printable characters of every
Unicode category (digits of every script such as ``²`` or ``٣``, combining marks, emoji,
format characters, unassigned code points), Enter, Esc, Tab, arrows, Backspace, F1-F12 and
ctrl+letter (minus ctrl+q / ctrl+c, which quit, and ctrl+p, whose palette runs arbitrary
commands such as quit). The keys reach the app as a terminal delivers them, in bursts of 1 to
48 keys (a fast typist, a paste, tmux), with the same key events ``pilot.press`` builds (one
``pilot.press`` per key waits 40 ms: 26,000 keys would take 20 minutes); the fake clock moves
between bursts so the timer runs and overruns.

A key may leave the screen (F2-F7, Esc, Enter on the home list...): that is allowed; the test
brings the app back (reopening the session, switching back to its mode, pressing the key that
opens the screen) and goes on, so every key of the budget is aimed at the screen.

Invariants, checked after every burst and once more after the app has closed:

- the app is still running and raised nothing (``run_test`` re-raises an app error);
- the session file loads with ``store.load`` (or, on the home screen, was moved to the
  trash by a confirmed delete: the fuzz then puts it back, as ``atelier restore`` would);
- what the app holds is what is on disk: its ideas equal the saved ideas (unless the app
  itself shows the not-saved banner);
- nothing acknowledged is lost: every idea of the starting session is still in the file
  with its text current or kept in its history (deleting, merging, striking are flags; an
  undo never goes back past the session's opening), and every idea seen saved during the
  sequence is still there unless ctrl+z (undo) was pressed since; numbers are never reused;
- the watch app (read-only) never changes the file.

Budget: ``ATELIER_FUZZ_KEYS`` keys per screen (default 2,000: 4 sequences of 500, derandomized
so CI is reproducible; about 15 s of CPU per screen, 4 minutes for the file). Many more:
``ATELIER_FUZZ_KEYS=100000 pytest -m fuzz tests/test_fuzz_keys.py``. ``-m "not fuzz"`` leaves
the file out of a quick local run.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import string
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from grid_examples import full_session
from hypothesis import HealthCheck, Phase, assume, given, note, settings
from hypothesis import strategies as st
from textual import events
from textual.app import App
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key

from sessions.capture import tour as cap
from sessions.core.clock import FakeClock
from sessions.models import Session
from sessions.people.names import parse_participants
from sessions.storage.store import SessionStore
from sessions.vote import envelope as vote
from tests.waits import settled, until
from tui.app import make_app
from tui.language import _SWAP_MODE as SWAP_MODE
from tui.watch_app import WatchApp

pytestmark = pytest.mark.fuzz

SEQUENCE = 500  # keys per drawn sequence
KEYS_PER_SCREEN = int(os.environ.get("ATELIER_FUZZ_KEYS", "2000"))
EXAMPLES = max(1, -(-KEYS_PER_SCREEN // SEQUENCE))
SIZE = (100, 30)

NAMED = [
    "enter", "escape", "tab", "shift+tab", "backspace", "delete", "space", "insert",
    "up", "down", "left", "right", "home", "end", "pageup", "pagedown",
    "shift+up", "shift+down", "ctrl+up", "ctrl+down",
]  # fmt: skip
SCREEN_F_KEYS = ["f1", "f8", "f9", "f12"]  # help and the screens' own function keys
APP_F_KEYS = ["f2", "f3", "f4", "f5", "f6", "f7", "f10", "f11"]  # leave the screen, relayout
CTRL = [f"ctrl+{c}" for c in string.ascii_lowercase if c not in "cqp"]
UNDO = "ctrl+z"

# Kinds of key and their weight (per 100 keys): mostly what a scribe types, enough of
# everything else to reach every branch. Drawn by kind first: hypothesis's one_of does not
# keep the proportions of repeated branches.
KINDS = {
    "ascii": (32, st.characters(min_codepoint=32, max_codepoint=126)),
    "digits": (8, st.characters(categories=("Nd", "No", "Nl"))),  # ², ٣, 〇, Ⅻ
    "marks": (5, st.characters(categories=("Mn", "Mc", "Me"))),
    "symbols": (5, st.characters(categories=("So", "Sk", "Sm", "Sc"))),
    "emoji": (3, st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF)),
    "any": (8, st.characters(exclude_categories=("Cs", "Cc"))),
    "named": (20, st.sampled_from(NAMED)),
    "answer": (6, st.sampled_from(["enter", "escape", "enter"])),
    "ctrl": (8, st.sampled_from(CTRL)),
    "screen_f": (4, st.sampled_from(SCREEN_F_KEYS)),
    "app_f": (1, st.sampled_from(APP_F_KEYS)),  # each rebuilds screens: rarer, still there
}
KEY = st.sampled_from([kind for kind, (weight, _) in KINDS.items() for _ in range(weight)]).flatmap(
    lambda kind: KINDS[kind][1]
)
SEQUENCES = st.lists(KEY, min_size=SEQUENCE, max_size=SEQUENCE)
BURSTS = st.lists(st.integers(1, 48), min_size=8, max_size=8)

FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    derandomize=True,  # the same sequences on every CI run
    deadline=None,
    database=None,
    phases=(Phase.explicit, Phase.generate),  # shrinking 500 keys in an app takes too long
    suppress_health_check=list(HealthCheck),
)


def key_event(key: str) -> events.Key:
    """The event ``pilot.press(key)`` sends (textual's ``App._press_keys``)."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    original = REPLACED_KEYS.get(key, key)
    try:
        char: str | None = unicodedata.lookup(_get_unicode_name_from_key(original))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


# -- the sessions the screens are fuzzed on -------------------------------------------------
EIGHT = "\n".join(
    f"{name} (Org {n})"
    for n, name in enumerate(
        ["Alice Martin", "Bruno Petit", "Chloé Durand", "David Leroy", "Émile Zola",
         "Fatou Diallo", "Grégoire Nguyễn", "Hélène Ødegård"], start=1
    )
)  # fmt: skip


def mid_workshop(store: SessionStore, clock: FakeClock) -> Session:
    """Eight participants, a tour de table in round 2, a few hands counted, count open."""
    from conftest import build_session

    s = build_session(title="Atelier fuzz")
    s.participants = parse_participants(EIGHT)
    store.create(s)

    def op(session: Session) -> None:
        for n in range(1, 12):
            cap.give_idea(session, f"idée {n} : numérique ②", clock.now())
        cap.pass_turn(session, clock.now())
        cap.delete_idea(session, 4)
        cap.mark_duplicate(session, 7, 2)
        for number, hands in ((11, "3 2"), (10, "1"), (9, "")):
            vote.enter_hands(session, number, hands)

    store.transact(s.id, op)
    return s


def counted(store: SessionStore, clock: FakeClock) -> Session:
    """The closed count and placed grid of the grid and minutes tests."""
    s = full_session()
    store.create(s)
    return s


def with_sheets(store: SessionStore, clock: FakeClock) -> Session:
    """The workshop above in a format with sheets: two solutions with their pour / contre."""
    from sessions.sheets import ops as sheets

    s = mid_workshop(store, clock)

    def op(session: Session) -> None:
        session.parts.sheets = ["solution", "action", "conclusion"]
        sheets.add(session, "solution", fields={"nom": "Bus", "pour": "Proche\nSimple"})
        sheets.add(session, "solution", fields={"nom": "Café", "contre": "Coût"}, items=[2])
        sheets.add(session, "conclusion", fields={"ressenti": "Bon"})

    store.transact(s.id, op)
    return s


# -- the screens --------------------------------------------------------------------------
@dataclass(frozen=True)
class Target:
    screen: str  # class name of the fuzzed screen
    mode: str  # the app mode it lives in
    keys: tuple[str, ...] = ()  # pressed in that mode to open it
    build: Callable[[SessionStore, FakeClock], Session] = mid_workshop
    open_session: bool = True  # start the app on the session (else on the home list)
    avoid: frozenset[str] = frozenset()  # keys of a known crash not fixed yet (see its reason)

    def shown(self, app: App) -> bool:
        return app.current_mode == self.mode and any(
            type(s).__name__ == self.screen for s in app.screen_stack
        )


TARGETS = {
    "home": Target("HomeScreen", "home", open_session=False),
    # Left: PageUp/PageDown in the template list can raise KeyError in textual's OptionList
    # (_move_page before its lines are built), found by this test's first example.
    "new_session": Target(
        "NewSessionScreen",
        "home",
        ("n",),
        open_session=False,
        avoid=frozenset({"pageup", "pagedown"}),
    ),
    "help": Target("HelpScreen", "capture", ("f1",)),
    "overview": Target("OverviewScreen", "overview"),
    "timer": Target("TimerScreen", "timer"),
    "capture": Target("CaptureScreen", "capture"),
    "vote": Target("VoteScreen", "vote"),
    "grid": Target("GridScreen", "grid", build=counted),
    "minutes": Target("MinutesScreen", "minutes", build=counted),
    "projector": Target("ProjectorScreen", "timer", ("v",)),
    "participants": Target("ParticipantsScreen", "capture", ("ctrl+t",)),
    "agenda_editor": Target("AgendaEditorScreen", "timer", ("e",)),
    "sheets": Target("SheetsScreen", "sheets", build=with_sheets),
}


# -- the driver ---------------------------------------------------------------------------
async def send_burst(app: App, pilot, keys: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Queue ``keys`` at once, as a terminal delivers a burst, and let the app take them."""
    for key in keys:
        event = key_event(key)
        event.set_sender(app)
        app._driver.send_message(event)  # type: ignore[union-attr]
    await pilot.pause()


async def keys_taken(app: App, pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until the app has taken every key sent, before the test itself acts on the app.

    A pause on a loaded machine can return with keys still queued (the driver hands them to
    the loop a turn later): switching modes or leaving the app under them made Textual
    raise "No screens on stack", a crash no user can cause. Already taken: no pause.
    """
    await asyncio.wrap_future(
        asyncio.run_coroutine_threadsafe(asyncio.sleep(0), asyncio.get_running_loop())
    )
    await until(pilot, lambda: app._exception is not None or not app.is_running or settled(app))


def alive(app: App) -> bool:
    """False when the app stopped; an app error is raised by ``run_test`` on exit."""
    if app._exception is not None:
        return False
    assert app.is_running, "the app exited on its own"
    return True


class Ledger:
    """What the session file must keep, and the checks of it after each burst."""

    def __init__(self, store: SessionStore, session_id: str) -> None:
        self.store = store
        self.id = session_id
        self.path = store.path_for(session_id)
        start = store.load(session_id)
        self.original = {i.number: i.text for i in start.ideas}
        self.seen: set[int] = set(self.original)
        self.trashed = 0

    def bring_back_from_trash(self) -> bool:
        """A delete confirmed on the home list (reached by its key) put the file in the trash:
        check it is there whole and put it back, as ``atelier restore`` would."""
        if self.path.exists():
            return False
        found = sorted(self.store.trash_dir.glob(f"{self.id}-*.json"))
        assert found, f"session file gone and not in the trash: {self.path}"
        assert self.store.load(str(found[-1])).id == self.id
        shutil.move(found[-1], self.path)
        self.trashed += 1
        return True

    def check(self, app, undo_pressed: bool) -> None:  # type: ignore[no-untyped-def]
        saved = self.store.load(self.id)
        numbers = [i.number for i in saved.ideas]
        assert len(numbers) == len(set(numbers)), f"an idea number used twice: {numbers}"
        by_number = {i.number: i for i in saved.ideas}
        for number, text in self.original.items():
            idea = by_number.get(number)
            assert idea is not None, f"idea {number} ({text!r}) was lost"
            assert idea.text == text or text in [h.text for h in idea.history], (
                f"idea {number}: {text!r} replaced by {idea.text!r} without history"
            )
        if not undo_pressed:
            lost = self.seen - set(numbers)
            assert not lost, f"ideas {sorted(lost)} saved earlier are gone without an undo"
        self.seen = set(numbers) | set(self.original)
        held = app.handle
        if held is not None and held.session.id == self.id and not app.unsaved:
            dump = [i.model_dump(mode="json") for i in held.session.ideas]
            assert dump == [i.model_dump(mode="json") for i in saved.ideas], (
                "the ideas shown differ from the ideas saved"
            )


async def bring_back(app, pilot, target: Target, ledger: Ledger) -> None:  # type: ignore[no-untyped-def]
    """Back to ``target`` after a key left it: reopen, switch mode, close modals, press."""
    for _ in range(12):
        if target.shown(app) or not alive(app):
            return
        if SWAP_MODE in app._modes or target.mode not in app._modes:  # F10 is at work
            await pilot.pause()
            continue
        if target.open_session and (app.handle is None or app.handle.session.id != ledger.id):
            await keys_taken(app, pilot)
            assert app.open_session(ledger.id), "the session does not open again"
            await pilot.pause()
        elif app.current_mode != target.mode:
            await keys_taken(app, pilot)
            await app.switch_mode(target.mode)
            await pilot.pause()
        elif len(app.screen_stack) > 1:
            await send_burst(app, pilot, ["escape"])
        else:
            await send_burst(app, pilot, list(target.keys))
    raise AssertionError(f"cannot bring the app back to {target.screen}: {app.screen_stack}")


async def fuzz_app(target: Target, keys: list[str], bursts: list[int]) -> None:
    keys = [k for k in keys if k not in target.avoid]
    with tempfile.TemporaryDirectory() as tmp:
        clock = FakeClock()
        store = SessionStore(Path(tmp) / "data", clock)
        store.ensure()
        session = target.build(store, clock)
        ledger = Ledger(store, session.id)
        ref = session.id if target.open_session else None
        app = make_app(store, clock, session_ref=ref)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await bring_back(app, pilot, target, ledger)
            assert target.shown(app)
            at, i = 0, 0
            while at < len(keys) and alive(app):
                burst = keys[at : at + bursts[i % len(bursts)]]
                at, i = at + len(burst), i + 1
                note(f"burst ending at key {at}: {burst!r} on {app.screen_stack}")
                await send_burst(app, pilot, burst)
                clock.advance(7 * len(burst))
                if not alive(app):
                    break
                if ledger.bring_back_from_trash():
                    for screen in app.screen_stack:
                        if type(screen).__name__ == "HomeScreen":
                            screen.refresh_list()
                ledger.check(app, UNDO in burst)
                await bring_back(app, pilot, target, ledger)
            await keys_taken(app, pilot)
            last = app.handle.session.ideas if app.handle and not app.unsaved else None
            if last is not None and app.handle.session.id != ledger.id:
                last = None
        # after the app closed: the file loads and holds what the app last showed
        ledger.check(app, undo_pressed=False)
        if last is not None:
            saved = store.load(ledger.id).ideas
            assert [i.model_dump(mode="json") for i in last] == [
                i.model_dump(mode="json") for i in saved
            ]


@pytest.mark.parametrize("name", list(TARGETS))
def test_random_keys_never_crash_a_screen_nor_lose_work(name: str) -> None:
    target = TARGETS[name]

    @FUZZ_SETTINGS
    @given(keys=SEQUENCES, bursts=BURSTS)
    def fuzz(keys: list[str], bursts: list[int]) -> None:
        assume(len(set(keys)) > 20)  # not the all-same-key sequence hypothesis tries first
        asyncio.run(fuzz_app(target, keys, bursts))

    fuzz()


# -- the watch app (read-only) ------------------------------------------------------------
WATCH_KEYS = st.lists(KEY.filter(lambda k: k != "q"), min_size=SEQUENCE, max_size=SEQUENCE)


async def fuzz_watch(keys: list[str], bursts: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        clock = FakeClock()
        store = SessionStore(Path(tmp) / "data", clock)
        store.ensure()
        session = counted(store, clock)
        store.transact(session.id, lambda s: vote.reveal(s))
        path = store.path_for(session.id)
        before = path.read_bytes()
        app = WatchApp(path, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            at, i = 0, 0
            while at < len(keys) and alive(app):
                burst = keys[at : at + bursts[i % len(bursts)]]
                at, i = at + len(burst), i + 1
                note(f"burst ending at key {at}: {burst!r} on {app.screen_stack}")
                await send_burst(app, pilot, burst)
                clock.advance(7 * len(burst))
                if alive(app) and type(app.screen).__name__ != "WatchScreen":
                    await send_burst(app, pilot, ["escape"])
            await keys_taken(app, pilot)
        assert path.read_bytes() == before, "the watch app changed the session file"
        assert store.load(session.id).vote.revealed


def test_random_keys_never_crash_the_watch_app() -> None:
    @FUZZ_SETTINGS
    @given(keys=WATCH_KEYS, bursts=BURSTS)
    def fuzz(keys: list[str], bursts: list[int]) -> None:
        assume(len(set(keys)) > 20)
        asyncio.run(fuzz_watch(keys, bursts))

    fuzz()


# -- what the fuzz found, kept as plain Pilot tests ---------------------------------------
async def burst_on(store, clock, start: list[str], keys: list[str], session_ref=True):  # type: ignore[no-untyped-def]
    """Open the app, press ``start`` one by one, send ``keys`` as one burst; return the app."""
    session = mid_workshop(store, clock)
    app = make_app(store, clock, session_ref=session.id if session_ref else None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*start)
        await pilot.pause()
        await send_burst(app, pilot, keys)
        for _ in range(3):
            await pilot.pause()
        assert app._exception is None and app.is_running
        app.seen_stack = [type(s).__name__ for s in app.screen_stack]  # type: ignore[attr-defined]
        app.seen_mode = app.current_mode  # type: ignore[attr-defined]
    return app, session


async def test_a_second_enter_typed_ahead_does_not_answer_a_closed_prompt(store, clock) -> None:
    # F5 ctrl+e: the envelope prompt; Enter twice in one burst used to pop the vote screen.
    app, session = await burst_on(store, clock, ["f5"], ["ctrl+e", "5", "enter", "enter"])
    assert app.seen_stack == ["VoteScreen"]
    assert store.load(session.id).vote.envelope == 5


async def test_escape_typed_ahead_closes_a_prompt_not_yet_shown(store, clock) -> None:
    # F4 ctrl+r then Esc before the dialog was mounted: NoMatches('#ask-input') crashed the app.
    app, session = await burst_on(store, clock, ["f4"], ["ctrl+r", "escape", "ctrl+r", "escape"])
    assert app.seen_stack == ["CaptureScreen"]
    texts = [i.text for i in store.load(session.id).ideas]
    assert texts == [f"idée {n} : numérique ②" for n in range(1, 12)]  # nothing reformulated


async def test_enter_twice_on_a_delete_confirmation_answers_once(store, clock) -> None:
    # Home: x asks to delete; Enter answers the focused "Non"; a second Enter queued behind it
    # used to dismiss again and pop the home screen itself.
    app, session = await burst_on(store, clock, [], ["x", "enter", "enter"], session_ref=False)
    assert app.seen_stack == ["HomeScreen"]
    assert store.load(session.id).title == "Atelier fuzz"  # not deleted


async def test_f10_typed_ahead_of_a_section_switch(store, clock) -> None:
    # F10 F4 F10 in one burst: the second language switch removed the capture screen while it
    # was mounting (NoMatches('HeaderTitle')); the section switch now completes first.
    app, _session = await burst_on(store, clock, ["f5"], ["f10", "f4", "f10"])
    assert app.seen_mode == "capture"
    assert app.seen_stack == ["CaptureScreen"]
