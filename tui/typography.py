"""No-break spaces stay unbroken when Textual and Rich wrap text.

French typography puts a narrow no-break space (U+202F) before ``: ; ? !`` and
inside guillemets (``sessions.i18n.catalog``), and a no-break space (U+00A0) in
"18 h 28" style times. Textual's and Rich's wrappers split words on ``\\s``,
which matches both, so a wrapped French line could start with a lone ``;`` or
``»``. Their word patterns are module globals; :func:`install` replaces them
with the same patterns where a no-break space belongs to its word.
``tests/test_typography.py`` fails if either library changes how it wraps.
"""

from __future__ import annotations

import re

NO_BREAK = "\u00a0\u2007\u202f"  # no-break, figure and narrow no-break spaces
_WORD = rf"(?:\S|[{NO_BREAK}])+"
_BLANK = rf"[^\S{NO_BREAK}]"

# Textual's ``_wrap.re_chunk`` was r"\S+\s*|\s+"; Rich's ``_wrap.re_word`` r"\s*\S+\s*".
TEXTUAL_CHUNK = re.compile(rf"{_WORD}{_BLANK}*|{_BLANK}+")
RICH_WORD = re.compile(rf"{_BLANK}*{_WORD}{_BLANK}*")


def install() -> None:
    """Make both wrappers keep no-break spaces inside words (idempotent)."""
    import rich._wrap
    import textual._wrap

    textual._wrap.re_chunk = TEXTUAL_CHUNK
    rich._wrap.re_word = RICH_WORD
