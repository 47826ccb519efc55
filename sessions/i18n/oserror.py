"""An operating-system error in words of the interface's language, never ``[Errno 2] ...``.

``str(OSError)`` is ``[Errno 2] No such file or directory: 'x'`` and its
``strerror`` is the C library's English: inside a French sentence both leak.
``os_reason`` names the usual errors from the catalog (``oserror.<NAME>``)
and falls back on ``strerror`` (still without ``[Errno n]``) for the rare others.
"""

from __future__ import annotations

import errno

from sessions.i18n.catalog import get_language, keys, t

KNOWN = (
    "ENOENT",
    "EACCES",
    "EPERM",
    "EROFS",
    "ENOSPC",
    "EDQUOT",
    "EEXIST",
    "EISDIR",
    "ENOTDIR",
    "ENAMETOOLONG",
    "EMFILE",
    "EIO",
    "EBUSY",
    "ELOOP",
    "EADDRINUSE",
    "EADDRNOTAVAIL",
    "EAFNOSUPPORT",
    "EINVAL",
)


def os_reason(exc: BaseException, lang: str | None = None) -> str:
    """Why ``exc`` happened, in words: ``fichier ou dossier introuvable``."""
    code = getattr(exc, "errno", None)
    if isinstance(exc, OSError) and isinstance(code, int):
        name = errno.errorcode.get(code, "")
        key = f"oserror.{name}"
        if name in KNOWN and key in keys(lang or get_language()):
            return t(key, lang)
        if exc.strerror:
            return exc.strerror
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)


def os_message(exc: BaseException, lang: str | None = None) -> str:
    """``/a/b.json : fichier ou dossier introuvable`` (the file first, when known)."""
    if not isinstance(exc, OSError):
        return str(exc)
    reason = os_reason(exc, lang)
    return f"{exc.filename}: {reason}" if exc.filename else reason
