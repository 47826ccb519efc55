"""The data folder: every session file in it, found by id, prefix, title or path.

Layout of the data folder::

    sessions/<id>.json       one TinyDB file per session (mode 0600)
    sessions/<id>.json.bak   the previous good version
    templates/*.toml         the user's agenda templates
    exports/                 minutes written from the app
    trash/                   deleted sessions (moved, never unlinked)
"""

from __future__ import annotations

import contextlib
import difflib
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from sessions.core.clock import Clock, SystemClock
from sessions.core.paths import private_dir, tighten
from sessions.models import Session
from sessions.storage.atomic import clean_stale_temporaries
from sessions.storage.errors import (
    BeingWrittenError,
    CorruptSessionError,
    NewerSessionError,
    UnknownSessionError,
)
from sessions.storage.safe_storage import backup_path
from sessions.storage.session_file import (
    RESCUE_MARK,
    WRITE_LOCK_TIMEOUT,
    SessionFile,
    SessionHandle,
    holder_lock_path,
    write_lock_path,
)

T = TypeVar("T")
SUFFIX = ".json"


@dataclass(frozen=True)
class Entry:
    """One line of ``atelier list``: a session, or a file that is not readable."""

    path: Path
    session: Session | None = None
    error: str | None = None
    # Changes kept aside when they could not be saved (``SessionHandle.rescue``).
    rescues: tuple[Path, ...] = ()
    # Written by a newer atelier (its schema version): not damaged, only unreadable here.
    newer: int | None = None

    @property
    def id(self) -> str:
        return self.session.id if self.session else self.path.stem

    def as_json(self) -> dict[str, object]:
        """The ``atelier list --json`` object (a contract: keys only get added)."""
        s = self.session
        return {
            "id": self.id,
            "title": s.title if s else None,
            "date": s.date.isoformat() if s else None,
            "template": s.template if s else None,
            "path": str(self.path),
            "updated_at": s.updated_at.isoformat() if s and s.updated_at else None,
            "participants": len(s.participants) if s else None,
            "ideas": len([i for i in s.ideas if not i.deleted]) if s else None,
            "corrupt": self.error is not None and self.newer is None,
            "error": self.error,
            "newer": self.newer is not None,
            "rescues": [str(path) for path in self.rescues],
        }


class SessionStore:
    """Sessions in one data folder."""

    def __init__(self, root: Path, clock: Clock | None = None) -> None:
        self.root = Path(root)
        self.clock = clock or SystemClock()
        self.sessions_dir = self.root / "sessions"
        self.templates_dir = self.root / "templates"
        self.exports_dir = self.root / "exports"
        self.trash_dir = self.root / "trash"

    def ensure(self) -> None:
        """Create the folders (0700, existing ones tightened) and clean crash leftovers."""
        for folder in (self.root, self.sessions_dir, self.templates_dir):
            private_dir(folder)
        for folder in (self.exports_dir, self.trash_dir):
            tighten(folder)
        clean_stale_temporaries(self.sessions_dir)

    def path_for(self, session_id: str) -> Path:
        return self.sessions_dir / f"{session_id}{SUFFIX}"

    def files(self) -> list[Path]:
        if not self.sessions_dir.is_dir():
            return []
        return sorted(p for p in self.sessions_dir.glob(f"*{SUFFIX}") if not p.name.startswith("."))

    # -- reading ---------------------------------------------------------
    def entries(self) -> list[Entry]:
        """Every session file; unreadable ones are listed with the reason."""
        found = []
        rescues = self.rescue_files()
        for path in self.files():
            kept = tuple(rescues.get(path.name, ()))
            try:
                session = SessionFile(path, self.clock).read()
            except NewerSessionError as exc:
                found.append(Entry(path, error=exc.reason, rescues=kept, newer=exc.version))
                continue
            except CorruptSessionError as exc:
                found.append(Entry(path, error=exc.reason, rescues=kept))
                continue
            except OSError as exc:
                found.append(Entry(path, error=exc.strerror or str(exc), rescues=kept))
                continue
            if session is not None:
                found.append(Entry(path, session=session, rescues=kept))
        epoch = datetime.min.replace(tzinfo=UTC)
        valid = [e for e in found if e.session is not None]
        valid.sort(key=lambda e: e.session.updated_at or epoch, reverse=True)  # type: ignore[union-attr]
        return valid + [e for e in found if e.session is None]

    def rescue_files(self) -> dict[str, list[Path]]:
        """Rescue files by the name of their session file: beside it, or in the temp folder."""
        found: dict[str, list[Path]] = {}
        for folder in (self.sessions_dir, Path(tempfile.gettempdir())):
            with contextlib.suppress(OSError):
                for path in sorted(folder.glob(f"*{SUFFIX}{RESCUE_MARK}*")):
                    found.setdefault(path.name.split(RESCUE_MARK, 1)[0], []).append(path)
        return found

    def resolve(self, ref: str) -> Path:
        """A path from an id, a unique id prefix, an exact title or a file path."""
        # A folder or a pipe by that name is found too, and then refused by name
        # when read (``sessions.storage.regular``), never taken for a missing session.
        as_path = Path(ref).expanduser()
        if (os.sep in ref or ref.endswith(SUFFIX)) and as_path.exists():
            return as_path.resolve()
        exact = self.path_for(ref)
        if exact.exists() and not ref.startswith("."):
            return exact
        entries = self.entries()
        by_prefix = [e for e in entries if e.id.startswith(ref)]
        if len(by_prefix) == 1:
            return by_prefix[0].path
        by_title = [e for e in entries if e.session and e.session.title == ref]
        if len(by_title) == 1:
            return by_title[0].path
        if len(by_prefix) > 1 or len(by_title) > 1:
            many = by_prefix if len(by_prefix) > 1 else by_title
            raise UnknownSessionError(ref, [_label(e) for e in many], ambiguous=True)
        names = {e.id: e for e in entries}
        names.update({e.session.title: e for e in entries if e.session})
        close = difflib.get_close_matches(ref, list(names), n=5, cutoff=0.5)
        raise UnknownSessionError(ref, [_label(names[c]) for c in close])

    def load(self, ref: str) -> Session:
        """The session as stored (no lock; for read-only commands)."""
        path = self.resolve(ref)
        session = SessionFile(path, self.clock).read()
        if session is None:
            raise UnknownSessionError(ref, [])
        return session

    def open(self, ref: str, interactive: bool = True) -> SessionHandle:
        """Open for work; a second interactive opener gets a read-only handle."""
        return SessionHandle(self.resolve(ref), self.clock, interactive=interactive)

    # -- writing ---------------------------------------------------------
    def create(self, session: Session) -> Path:
        """Write a new session file; never replaces an existing one."""
        self.ensure()
        now = self.clock.now()
        session.created_at = session.created_at or now
        path = self.path_for(session.id)
        if path.exists():
            raise FileExistsError(path)
        file = SessionFile(path, self.clock)
        with file.write_lock.hold(WRITE_LOCK_TIMEOUT) as got:
            if not got:
                raise BeingWrittenError(path)
            file.write(session)
        file.close()
        return path

    def transact(self, ref: str, op: Callable[[Session], T]) -> T:
        """A short command-line transaction: lock, re-read, apply, atomic write, unlock.

        ``op`` raising leaves the file untouched (all or nothing).
        """
        path = self.resolve(ref)
        file = SessionFile(path, self.clock)
        try:
            with file.write_lock.hold(WRITE_LOCK_TIMEOUT) as got:
                if not got:
                    raise BeingWrittenError(path)
                try:
                    session = file.read()
                except CorruptSessionError:
                    file.write_lock.discard()  # no lock file left beside an unreadable one
                    raise
                if session is None:
                    file.write_lock.discard()
                    raise UnknownSessionError(ref, [])
                result = op(session)
                file.write(session)
                return result
        finally:
            file.close()

    def duplicate(self, ref: str, title: str | None = None) -> Session:
        """A new session with the same agenda and participants and no captured data.

        What each part gives the copy (the same, reset or fresh) is declared in
        ``sessions.core.parts``.
        """
        from sessions.core.parts import duplicate_session

        copy = duplicate_session(self.load(ref), title)
        self.create(copy)
        return copy

    def trash(self, ref: str) -> Path:
        """Move a session (and its backup) to the trash folder; returns where it went."""
        path = self.resolve(ref)
        with SessionFile(path, self.clock).write_lock.hold(WRITE_LOCK_TIMEOUT):
            private_dir(self.trash_dir)
            stamp = self.clock.now().strftime("%Y%m%dT%H%M%S")
            target = self.trash_dir / f"{path.stem}-{stamp}{SUFFIX}"
            shutil.move(path, target)
            bak = backup_path(path)
            if bak.exists():
                shutil.move(bak, target.with_name(target.name + ".bak"))
        for lock in (holder_lock_path(path), write_lock_path(path)):
            with contextlib.suppress(OSError):
                lock.unlink()
        return target

    def set_aside(self, path: Path) -> Path:
        """Rename an unreadable file out of the way with a timestamped name."""
        stamp = self.clock.now().strftime("%Y%m%dT%H%M%S")
        target = path.with_name(f"{path.name}.corrupt-{stamp}")
        n = 2
        while target.exists():
            target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
            n += 1
        os.replace(path, target)
        return target

    def restore_backup(self, path: Path) -> Path:
        """Set a corrupt file aside and put its backup in its place; returns the set-aside file."""
        refuse_newer(path, self.clock)  # not damaged: setting it aside would lose it
        bak = backup_path(path)
        if not bak.exists():
            raise FileNotFoundError(bak)
        SessionFile(bak, self.clock).read()  # raises if the backup is unreadable too
        aside = self.set_aside(path) if path.exists() else path
        shutil.copy2(bak, path)
        os.chmod(path, 0o600)
        return aside


def refuse_newer(path: Path, clock: Clock | None = None) -> None:
    """Raise ``NewerSessionError`` when ``path`` was written by a newer atelier."""
    try:
        SessionFile(path, clock).read()
    except NewerSessionError:
        raise
    except (CorruptSessionError, OSError):
        return


def _label(entry: Entry) -> str:
    return f"{entry.id} ({entry.session.title})" if entry.session else entry.id
