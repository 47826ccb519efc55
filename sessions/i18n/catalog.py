"""The message catalog: ``t("home.title")`` in the current language.

Messages live in ``sessions/i18n/messages/<area>.py``, each module holding two
dicts, ``FR`` and ``EN``, with the same keys (a test checks it). Keys are
namespaced by area (``home.``, ``timer.``, ``capture.`` ...) so that each area
keeps its own file.
"""

from __future__ import annotations

import importlib
import os
import re

TYPE_CHECKING = False  # not ``typing``'s: ``atelier status`` does without it
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

LANGUAGES = ("fr", "en")
DEFAULT = "fr"

_current = DEFAULT
_tables: dict[str, dict[str, str]] | None = None

NNBSP = "\u202f"  # narrow no-break space: French typography's thin space
_PATTERNS: list[re.Pattern[str]] = []  # compiled on first use: ``atelier status --json`` has none


def _patterns() -> list[re.Pattern[str]]:
    if not _PATTERNS:
        _PATTERNS.extend(
            re.compile(pattern)
            for pattern in (
                r"[:;!?«»]",  # any mark: most messages have none, nothing to space
                r"[ \u00a0]+([:;!?])",  # before a mark
                r"«[ \u00a0]*",  # after an opening quote
                r"[ \u00a0]*»",  # before a closing quote
            )
        )
    return _PATTERNS


def french_spacing(text: str) -> str:
    """A narrow no-break space before ``: ; ! ?`` and inside ``« »`` (never a line break there)."""
    any_mark, before_mark, after_opening_quote, before_closing_quote = _patterns()
    if not any_mark.search(text):
        return text
    text = before_mark.sub(NNBSP + r"\1", text)
    text = after_opening_quote.sub("«" + NNBSP, text)
    return before_closing_quote.sub(NNBSP + "»", text)


def _load() -> dict[str, dict[str, str]]:
    """The whole catalog, French spaced (``keys``, the tests); ``t`` does without it."""
    global _tables
    if _tables is None:
        tables: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
        for name in _all_modules():
            french, english = _messages(name)
            tables["fr"].update({key: french_spacing(text) for key, text in french.items()})
            tables["en"].update(english)
        _tables = tables
        for partial in _partial.values():  # every lookup goes to the whole tables now
            partial.clear()
        _partial_modules.clear()
    return _tables


# Where a key is first looked for: the modules named like the key's area
# (``timer.*``: ``messages/timer.py``, ``grid.*``: ``grid.py``), or those below.
# ``atelier status`` (run every second by a status bar) needs a dozen messages
# of the command line and the timer, not the ~35 modules of the catalog. A key
# not found there reads every module; keys are unique across modules (a test
# checks), so either way gives the same text: this table only saves time. The
# French texts are spaced as they are read (``_french``), not all ~1,600 as
# they load: that was 8 ms of ``atelier open``'s start-up, for the hundred
# messages of its first frame.
_AREA_MODULES = {
    "argparse": ("cli_argparse",),
    "cli": ("cli", "cli_argparse", "cli_vote", "timer"),  # ``cli.status.*`` in timer.py
}
_partial: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}  # as written
_partial_areas: set[str] = set()
_partial_modules: set[str] = set()  # the modules read into ``_partial``
_names: list[str] = []
_spaced: dict[str, str] = {}  # French texts spaced, by key


def _messages(name: str) -> tuple[dict[str, str], dict[str, str]]:
    """The FR and EN dicts of ``messages/<name>.py``, as written."""
    module = importlib.import_module(f"sessions.i18n.messages.{name}")
    return module.FR, module.EN


def _read(names: Iterable[str]) -> None:
    """Add the modules ``names`` to ``_partial`` (each once)."""
    for name in names:
        if name not in _partial_modules:
            _partial_modules.add(name)
            french, english = _messages(name)
            _partial["fr"].update(french)
            _partial["en"].update(english)


def _lookup(key: str, lang: str) -> str:
    """``key``'s text in ``lang`` (else French, else the key), loading as little as it can."""
    if _tables is not None:  # the whole catalog was loaded: it answers
        return _tables[lang].get(key) or _tables[DEFAULT].get(key) or key
    area = key.partition(".")[0]
    if area not in _partial_areas:
        _partial_areas.add(area)
        _read(_area_modules(area))
    text = _partial[lang].get(key)
    if not text:
        _read(_all_modules())  # not in its area's modules: in any
        text = _partial[lang].get(key)
    if text:
        return _french(key, text) if lang == DEFAULT else text
    text = _partial[DEFAULT].get(key)
    return _french(key, text) if text else key


def _french(key: str, text: str) -> str:
    """The French ``text`` of ``key`` spaced (``french_spacing``), once per key."""
    spaced = _spaced.get(key)
    if spaced is None:
        spaced = _spaced[key] = french_spacing(text)
    return spaced


def _all_modules() -> list[str]:
    """The names of the catalog's modules, sorted."""
    if not _names:
        from sessions.i18n import messages

        _names.extend(_module_names(messages.__path__))
    return _names


def _area_modules(area: str) -> list[str]:
    """The modules of the catalog that hold ``area``'s keys first: see ``_AREA_MODULES``."""
    names = _all_modules()
    if area in _AREA_MODULES:
        return [name for name in _AREA_MODULES[area] if name in names]
    return [name for name in names if name == area]


def _module_names(folders: Iterable[str]) -> list[str]:
    """The modules of ``folders``, sorted; not ``pkgutil`` (it imports ``typing``, ``inspect``)."""
    found = set()
    for folder in folders:
        for entry in os.listdir(folder):
            stem, dot, suffix = entry.partition(".")
            if dot and suffix in ("py", "pyc") and stem.isidentifier() and stem != "__init__":
                found.add(stem)
    return sorted(found)


def keys(lang: str) -> set[str]:
    return set(_load()[lang])


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _current = lang


def get_language() -> str:
    return _current


def t(key: str, lang: str | None = None, /, **values: object) -> str:
    """The message ``key`` in ``lang`` (default: the current language), formatted."""
    text = _lookup(key, lang or _current)
    return text.format(**values) if values else text


def plural_form(n: int, lang: str | None = None) -> str:
    """``"one"`` or ``"other"``: French counts 0 and 1 as singular, English only 1."""
    if (lang or _current) == "fr":
        return "one" if abs(n) <= 1 else "other"
    return "one" if abs(n) == 1 else "other"


def tn(key: str, n: int, lang: str | None = None, /, **values: object) -> str:
    """The plural-aware message: ``key.one`` or ``key.other`` as ``n`` asks, formatted."""
    return t(f"{key}.{plural_form(n, lang)}", lang, **values)


def language_from_env(env: Mapping[str, str] | None = None) -> str:
    """French when the locale is French or unset, English otherwise."""
    env = os.environ if env is None else env
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value and value not in ("C", "POSIX", "C.UTF-8", "C.utf8"):
            return "fr" if value.lower().startswith("fr") else "en"
    return DEFAULT


def resolve_language(
    cli: str | None = None,
    session: str | None = None,
    env: Mapping[str, str] | None = None,
) -> str:
    """``--lang`` first, then the session's language, then the locale."""
    for choice in (cli, session):
        if choice in LANGUAGES:
            return choice
    return language_from_env(env)
