"""The real app under a pseudo-terminal, with one change held unsaved, for the signal tests.

Run as ``python signal_child.py DATA_DIR SESSION_ID FLAG MARKER``. While the
file FLAG exists every save of the session file fails with ENOSPC (its disk
is full; a rescue file can still be written beside it). Once the app has
opened the session it records one idea - which cannot be saved yet - and
writes MARKER, telling the parent that a change is pending. The parent then
removes FLAG (space freed) or not, and sends a signal or a key.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    from sessions.models import Idea
    from sessions.storage import atomic
    from sessions.storage.store import SessionStore
    from tui.app import make_app

    data_dir, session_id, flag, marker = argv

    def disk_full(step: str, path: Path) -> None:
        if os.path.exists(flag) and path.name.endswith(".json"):  # the session file only
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    atomic.FAULT_HOOK = disk_full
    app = make_app(SessionStore(Path(data_dir)), session_ref=session_id, lang="en")
    opened = app.open_session

    def open_then_change(ref: str, mode: str = "overview") -> bool:
        ok = opened(ref, mode)
        at = dt.datetime.now(dt.UTC)
        app.apply(lambda s: s.ideas.append(Idea(number=1, text="pending idea", created_at=at)))
        Path(marker).write_text("unsaved" if app.unsaved else "saved")
        return ok

    app.open_session = open_then_change  # type: ignore[method-assign]
    app.run()
    return int(app.return_code or 0)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
