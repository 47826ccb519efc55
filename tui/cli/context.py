"""What every subcommand receives: the store, the language, and output helpers."""

from __future__ import annotations

import json
import sys

from sessions.core.clock import Clock, SystemClock
from sessions.i18n import t

# Not ``typing.TYPE_CHECKING``: ``atelier status`` (run every second) does
# without ``typing`` and ``dataclasses`` here; type checkers read this name.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any, TextIO

    from sessions.storage.errors import UnknownSessionError
    from sessions.storage.store import SessionStore

# Exit codes, all of them (listed in ``atelier --help`` and the README).
EXIT_OK = 0
EXIT_ERROR = 1  # cannot write a file, port in use, textual-serve missing, not saved
EXIT_USAGE = 2  # argparse's own code: unknown command or option, missing value
EXIT_NOT_FOUND = 3  # unknown or ambiguous session, file or template not found
EXIT_CORRUPT = 4  # unreadable session file (left untouched)
EXIT_LOCKED = 5  # the session is held or being written by another process
EXIT_INVALID = 6  # refused: invalid imported file, action that does not fit the state
EXIT_NEWER = 7  # session file written by a newer atelier (left untouched): update atelier
EXIT_INTERRUPTED = 130  # ctrl+c


class Context:
    """A plain class (not a dataclass: ``dataclasses`` imports ``inspect`` and ``ast``)."""

    def __init__(
        self,
        data_dir: Path,
        lang: str | None,
        clock: Clock | None = None,
        out: TextIO | None = None,
        err: TextIO | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.lang = lang
        self.clock: Clock = SystemClock() if clock is None else clock
        self.out: TextIO = sys.stdout if out is None else out
        self.err: TextIO = sys.stderr if err is None else err

    def __repr__(self) -> str:
        return f"Context(data_dir={self.data_dir!r}, lang={self.lang!r})"

    @property
    def store(self) -> SessionStore:
        # Imported here: the store brings pydantic and TinyDB, which ``atelier
        # status`` does without on a well-formed file.
        from sessions.storage.store import SessionStore

        return SessionStore(self.data_dir, self.clock)

    def print(self, text: str = "") -> None:
        print(text, file=self.out)

    def print_json(self, value: Any) -> None:
        print(json.dumps(value, ensure_ascii=False, indent=2), file=self.out)

    def error(self, text: str) -> None:
        print(f"atelier: {text}", file=self.err)

    def unknown(self, exc: UnknownSessionError) -> int:
        """Report an unknown or ambiguous session name with the close matches."""
        key = "cli.ambiguous_session" if exc.ambiguous else "cli.unknown_session"
        self.error(t(key, ref=exc.ref))
        if exc.candidates:
            self.error(t("cli.did_you_mean", names=", ".join(exc.candidates)))
        else:
            self.error(t("cli.see_list"))
        return EXIT_NOT_FOUND
