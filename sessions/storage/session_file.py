"""One session file opened for work: the in-memory session and its durable saves.

Every change is a function applied to the session (an *op*). ``apply`` runs
it in memory, then saves under the write lock before returning, so nothing is
shown as done that is not on disk. When the save fails (disk full, read-only
folder) the op stays pending, the in-memory session keeps it, and ``flush``
retries. When another process (the command line) wrote the file meanwhile,
the file is re-read and the pending ops are applied again on top of it, so
neither side's change is lost.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError
from tinydb import TinyDB

from sessions.core.clock import Clock, SystemClock
from sessions.core.text import may_need_scrub, scrub
from sessions.i18n import t
from sessions.i18n.pydantic_errors import explain, where
from sessions.models import Session
from sessions.models import session as schema
from sessions.storage.atomic import atomic_write, probe_writable
from sessions.storage.errors import (
    BeingWrittenError,
    CorruptSessionError,
    LockedError,
    NewerSessionError,
    ReadOnlyError,
    SaveError,
)
from sessions.storage.locks import FileLock
from sessions.storage.safe_storage import (
    Fingerprint,
    SafeJSONStorage,
    backup_path,
    decode,
    fingerprint,
)
from sessions.storage.session_bytes import SessionEncoder
from sessions.storage.touched import Touched, touched_by

TABLE = "session"
DOC_ID = 1
WRITE_LOCK_TIMEOUT = 3.0
RESCUE_MARK = ".rescue-"  # <session file name>.rescue-<time>-<pid>

T = TypeVar("T")
Op = Callable[[Session], Any]


def holder_lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.holder")


def write_lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


def newer_version(doc: Any) -> int | None:
    """The schema version of a document written by a newer atelier, else None.

    Looked at before anything else: a newer file may hold keys this atelier
    does not know, which validation would call damage.
    """
    if not isinstance(doc, dict):
        return None
    version = doc.get("schema_version")
    if type(version) is int and version > schema.SCHEMA_VERSION:
        return version
    return None


def session_from_doc(doc: dict[str, Any] | None, path: Path, clean: bool = False) -> Session:
    """Validate a stored document (after migration) into a Session, or say why not.

    Every string is scrubbed of controls and escapes first, unless ``clean``
    says the file's bytes hold none (``sessions.core.text.may_need_scrub``).
    A document of a newer schema raises ``NewerSessionError`` (never a backup offer).
    """
    newer = newer_version(doc)
    if newer is not None:
        raise NewerSessionError(path, newer, schema.SCHEMA_VERSION)
    backup = backup_path(path)
    known_backup = backup if backup.exists() else None
    if doc is None:
        raise CorruptSessionError(path, t("storage.reason.no_document"), known_backup)
    try:
        data = schema.migrate(dict(doc))
        return Session.model_validate(data if clean else scrub(data))
    except schema.SchemaTooNew as exc:  # pragma: no cover - newer_version sees it first
        raise NewerSessionError(path, doc.get("schema_version"), schema.SCHEMA_VERSION) from exc
    except RecursionError as exc:  # nested deeper than scrubbing can go
        raise CorruptSessionError(path, t("storage.reason.too_deep"), known_backup) from exc
    except (ValidationError, ValueError, KeyError) as exc:
        if isinstance(exc, ValidationError):  # pydantic's reason in the interface's language
            first = exc.errors()[0]
            reason = t(
                "storage.reason.wrong_schema_at", where=where(first["loc"]), detail=explain(first)
            )
        else:
            reason = t("storage.reason.wrong_schema", detail=exc)
        raise CorruptSessionError(path, reason, known_backup) from exc


def _clean(payload: bytes | None) -> bool:
    return payload is not None and not may_need_scrub(payload)


PREFIX = b'{"' + TABLE.encode() + b'":{"' + str(DOC_ID).encode() + b'":'
SUFFIX = b"}}"


def encode_session(session: Session) -> bytes:
    """The file's bytes for ``session``: one TinyDB table, one document, one serialisation.

    Saves use ``SessionEncoder`` (``sessions.storage.session_bytes``), which gives
    these very bytes while reusing the JSON of the ideas (and other list elements)
    that did not change.
    """
    return PREFIX + session.__pydantic_serializer__.to_json(session) + SUFFIX


class SessionFile:
    """A session file and its TinyDB database, with the locks that guard it."""

    def __init__(self, path: Path, clock: Clock | None = None) -> None:
        self.path = path
        self.clock = clock or SystemClock()
        self.storage_db = TinyDB(path, storage=SafeJSONStorage)
        self.storage: SafeJSONStorage = self.storage_db.storage  # type: ignore[assignment]
        self.write_lock = FileLock(write_lock_path(path), keep_open=True)  # one per save
        self.encoder: SessionEncoder | None = None  # each idea's bytes, kept between saves
        self.touched = Touched()  # the slots changed since the session was last encoded
        # The file as it was when it last failed to read (see ``read``), else None.
        self.unreadable: Fingerprint = None

    @property
    def table(self):
        return self.storage_db.table(TABLE, cache_size=0)

    def read(self) -> Session | None:
        """The session on disk (None when the file is missing)."""
        try:
            session = self._read()
        except CorruptSessionError:
            # Bytes that do not read (damaged, or from a newer atelier) are never
            # taken for what this handle last saw: the next save re-reads them and
            # stops, instead of writing over them. Their stat is kept so that a
            # poll does not report them again until they change.
            self.storage.forget()
            self.unreadable = fingerprint(self.path)
            raise
        self.unreadable = None
        return session

    def _read(self) -> Session | None:
        try:
            tables = self.storage.read()
        except UnicodeDecodeError as exc:  # pragma: no cover - decode() covers it
            raise CorruptSessionError(self.path, str(exc)) from exc
        if tables is None:
            return None
        doc = tables.get(TABLE, {}).get(str(DOC_ID))
        return session_from_doc(doc, self.path, clean=_clean(self.storage.last_payload))

    def write(self, session: Session) -> None:
        """Write ``session`` durably (the caller holds the write lock)."""
        revision, updated_at = session.revision, session.updated_at
        session.revision += 1
        session.updated_at = self.clock.now()
        try:
            if self.encoder is None:
                self.encoder = SessionEncoder(PREFIX, SUFFIX)
            touched, self.touched.keys = self.touched.keys, None  # unknown if encoding fails
            payload = self.encoder.encode(session, touched)
            self.touched.keys = set()
            self.storage.write_bytes(payload)
        except BaseException as exc:
            session.revision, session.updated_at = revision, updated_at
            if isinstance(exc, OSError):
                raise SaveError(self.path, exc) from exc
            raise

    def close(self) -> None:
        self.write_lock.close()
        self.storage_db.close()


class SessionHandle:
    """An open session: what the app (or a command) reads and changes."""

    def __init__(self, path: Path, clock: Clock | None = None, interactive: bool = True) -> None:
        self.file = SessionFile(path, clock)
        self.path = path
        self.clock = self.file.clock
        self.holder = FileLock(holder_lock_path(path))
        self.read_only = False
        self.read_only_reason = ""  # why, in the user's language; empty when writable
        if interactive:
            self._take_holder_lock()
        try:
            loaded = self.file.read()
        except BaseException:
            self.holder.discard()  # no lock file left beside a file that does not read
            raise
        if loaded is None:
            self.holder.discard()
            raise FileNotFoundError(path)
        self.session: Session = loaded
        self.pending: list[Op] = []
        self.dropped: list[tuple[Op, Exception]] = []

    def _take_holder_lock(self) -> None:
        """Become the one app writing this session, or open read-only and say why."""
        problem = probe_writable(self.path.parent)
        if problem is not None:
            self.read_only = True
            self.read_only_reason = t(
                "storage.folder_read_only",
                folder=self.path.parent,
                reason=problem.strerror or problem,
            )
            return
        try:
            got = self.holder.acquire(timeout=0)
        except OSError as exc:
            self.read_only = True
            self.read_only_reason = t(
                "storage.folder_read_only", folder=self.path.parent, reason=exc.strerror or exc
            )
            return
        if not got:
            self.read_only = True
            self.read_only_reason = t("storage.held_elsewhere")

    # -- changes ---------------------------------------------------------
    def apply(self, op: Callable[[Session], T]) -> T:
        """Apply ``op`` to the session and save it; raises SaveError if not saved.

        An op that raises leaves the session exactly as it was (it ran on a
        session that is put back), and nothing is written.
        """
        if self.read_only:
            raise ReadOnlyError(
                f"{self.path}: {self.read_only_reason or t('storage.held_elsewhere')}"
            )
        # The session is the last saved bytes plus the pending ops, so an op
        # that raises is undone by rebuilding it from them: no copy of the
        # whole session on every change (it cost more than the save itself).
        known = self.file.storage.last_payload is not None
        before = None if known else self.session.model_copy(deep=True)
        try:
            result = op(self.session)
        except BaseException:
            self.session = before if before is not None else self._rebuilt()
            raise
        self.file.touched.add(touched_by(op))
        self.pending.append(op)
        self.flush()
        return result

    def _rebuilt(self) -> Session:
        """The session as last read or written, with the pending ops applied again."""
        payload = self.file.storage.last_payload
        assert payload is not None
        doc = decode(payload, self.path)[TABLE].get(str(DOC_ID))
        session = session_from_doc(doc, self.path, clean=_clean(payload))
        for op in self.pending:
            op(session)
        return session

    @property
    def unsaved(self) -> bool:
        return bool(self.pending)

    def flush(self) -> None:
        """Write pending changes under the write lock, merging a change made meanwhile."""
        if not self.pending:
            return
        with self.file.write_lock.hold(WRITE_LOCK_TIMEOUT) as got:
            if not got:
                raise BeingWrittenError(self.path)
            if self.file.storage.changed_on_disk():
                self._rebase()
            self.file.write(self.session)
            self.pending.clear()

    def _rebase(self) -> None:
        """The file changed under us: re-read it and re-apply what is still pending."""
        self.file.storage.forget()
        disk = self.file.read()
        if disk is None:
            return  # deleted under us: rewrite it from memory
        kept = []
        for op in self.pending:
            before = disk.model_copy(deep=True)
            try:
                op(disk)
            except Exception as exc:  # an op that no longer fits the new state
                self.dropped.append((op, exc))
                disk = before
                continue
            kept.append(op)
        self.pending[:] = kept
        self.session = disk

    # -- watching --------------------------------------------------------
    def changed_on_disk(self) -> bool:
        """True when the file changed since it was last read, saved, or found unreadable."""
        if not self.file.storage.changed_on_disk():
            return False
        return self.file.unreadable is None or fingerprint(self.path) != self.file.unreadable

    def reload_if_changed(self) -> bool:
        """Pick up a change written by another process; True when there was one."""
        if not self.changed_on_disk():
            return False
        if self.pending:
            with contextlib.suppress(SaveError, LockedError):
                self.flush()
            return True
        self.file.storage.forget()
        disk = self.file.read()
        if disk is None:
            # Deleted under us: write it back from memory at once.
            if not self.read_only:
                self.pending.append(lambda s: None)
                with contextlib.suppress(SaveError, LockedError):
                    self.flush()
            return False
        self.session = disk
        return True

    def rescue(self) -> Path | None:
        """Write the in-memory session where it can still go when it cannot be saved.

        Used on exit with changes pending (disk full, read-only folder): the
        session goes to ``<file>.rescue-<time>`` beside the session file, or
        failing that to the temporary folder. Returns where it went, or None.
        """
        if not self.pending:
            return None
        payload = json.dumps(
            {TABLE: {str(DOC_ID): self.session.model_dump(mode="json")}},
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode("utf-8")
        stamp = self.clock.now().strftime("%Y%m%dT%H%M%S")
        name = f"{self.path.name}{RESCUE_MARK}{stamp}-{os.getpid()}"
        for folder in (self.path.parent, Path(tempfile.gettempdir())):
            target = folder / name
            try:
                atomic_write(target, payload)
            except OSError:
                continue
            return target
        return None

    def close(self) -> Path | None:
        """Save what is pending and let go; returns a rescue file if the save failed."""
        rescued = None
        with contextlib.suppress(SaveError, LockedError, CorruptSessionError, OSError):
            self.flush()
        if self.pending:
            rescued = self.rescue()
        self.holder.release()
        self.file.close()
        return rescued

    def __enter__(self) -> SessionHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
