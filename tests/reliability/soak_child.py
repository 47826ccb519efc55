"""The child of the kill -9 soak: records planned changes, acknowledging each save.

Run as ``python soak_child.py DATA_DIR SESSION_ID SEED TOTAL START``. It opens
the session like the app does (``store.ensure()`` then ``store.open``), then
applies the planned changes START, START+1, ... through ``SessionHandle.apply``
and prints ``ACK <i>`` after each one returns, i.e. after it is on disk.

With ``SOAK_CRASH=<step>:<n>`` in the environment it kills itself with
SIGKILL at the n-th time the save reaches ``<step>`` (a step of
``sessions.storage.atomic.STEPS``), so that every step of a save is hit by a
real crash, not only the ones a random kill happens to land on.

The parent imports ``plan`` and ``expected`` from here to know what the file
must hold after any number of acknowledged changes.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

Step = tuple  # ("add", text) | ("edit", number, text) | ("delete", number) | ("vote", number, pts)

WORDS = ["mobilité", "fibre", "tiers-lieu", "médiation", "école", "données", "café", "🚲", "«ok»"]
AT = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


def plan(seed: int, total: int) -> list[Step]:
    """``total`` changes: ideas, shortening edits, deletes and votes, all on live ideas."""
    rng = random.Random(seed)
    steps: list[Step] = []
    texts: dict[int, str] = {}
    live: list[int] = []
    next_number = 1
    for i in range(total):
        kind = "add" if len(live) < 3 else rng.choice(["add", "add", "edit", "delete", "vote"])
        if kind == "add":
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 6)))
            text = f"{i}: {words}"
            steps.append(("add", text))
            texts[next_number] = text
            live.append(next_number)
            next_number += 1
        elif kind == "edit":
            number = rng.choice(live)
            old = texts[number]
            new = old[: max(len(str(i)) + 2, len(old) * 2 // 3)] + f"~{i}"
            steps.append(("edit", number, new))
            texts[number] = new
        elif kind == "delete":
            number = rng.choice(live)
            live.remove(number)
            steps.append(("delete", number))
        else:
            steps.append(("vote", rng.choice(live), rng.randint(0, 40)))
    return steps


@dataclass
class Expected:
    """What the session must hold after some prefix of the plan."""

    texts: dict[int, str] = field(default_factory=dict)
    history: dict[int, list[str]] = field(default_factory=dict)
    deleted: set[int] = field(default_factory=set)
    tallies: dict[int, int] = field(default_factory=dict)


def expected(steps: list[Step]) -> Expected:
    state = Expected()
    for step in steps:
        if step[0] == "add":
            number = len(state.texts) + 1
            state.texts[number] = step[1]
            state.history[number] = []
        elif step[0] == "edit":
            state.history[step[1]].append(state.texts[step[1]])
            state.texts[step[1]] = step[2]
        elif step[0] == "delete":
            state.deleted.add(step[1])
        else:
            state.tallies[step[1]] = step[2]
    return state


def observed(session) -> Expected:  # type: ignore[no-untyped-def]
    state = Expected()
    for idea in session.ideas:
        state.texts[idea.number] = idea.text
        state.history[idea.number] = [rev.text for rev in idea.history]
        if idea.deleted:
            state.deleted.add(idea.number)
    state.tallies = {n: t.points for n, t in session.vote.tallies.items()}
    return state


def op_for(step: Step) -> Callable:
    """The change as an idempotent op: re-running a step already saved changes nothing."""
    from sessions.models import Idea
    from sessions.models.ideas import IdeaRevision
    from sessions.models.vote import HandTally

    def add(s) -> None:  # type: ignore[no-untyped-def]
        if not any(idea.text == step[1] for idea in s.ideas):
            s.ideas.append(Idea(number=s.next_idea_number(), text=step[1], created_at=AT))

    def edit(s) -> None:  # type: ignore[no-untyped-def]
        idea = s.idea(step[1])
        if idea.text != step[2]:
            idea.history.append(IdeaRevision(text=idea.text, at=AT))
            idea.text = step[2]

    def delete(s) -> None:  # type: ignore[no-untyped-def]
        s.idea(step[1]).deleted = True

    def vote(s) -> None:  # type: ignore[no-untyped-def]
        s.vote.tallies[step[1]] = HandTally(total=step[2])

    return {"add": add, "edit": edit, "delete": delete, "vote": vote}[step[0]]


def _crash_hook(spec: str) -> Callable[[str, Path], None]:
    step, _, count = spec.partition(":")
    left = [int(count or 1)]

    def hook(name: str, _path: Path) -> None:
        if name == step:
            left[0] -= 1
            if left[0] <= 0:
                os.kill(os.getpid(), signal.SIGKILL)

    return hook


def main(argv: list[str]) -> int:
    from sessions.storage import atomic
    from sessions.storage.store import SessionStore

    data_dir, session_id, seed, total, start = argv
    steps = plan(int(seed), int(total))
    if os.environ.get("SOAK_CRASH"):
        atomic.FAULT_HOOK = _crash_hook(os.environ["SOAK_CRASH"])
    store = SessionStore(Path(data_dir))
    store.ensure()
    handle = store.open(session_id)
    assert not handle.read_only, handle.read_only_reason
    for i in range(int(start), len(steps)):
        handle.apply(op_for(steps[i]))
        sys.stdout.write(f"ACK {i}\n")
        sys.stdout.flush()
    handle.close()
    sys.stdout.write("DONE\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
