"""Every user-visible string goes through this one small catalog (French first)."""

from sessions.i18n.catalog import (
    LANGUAGES,
    get_language,
    keys,
    resolve_language,
    set_language,
    t,
    tn,
)

__all__ = ["LANGUAGES", "get_language", "keys", "resolve_language", "set_language", "t", "tn"]
