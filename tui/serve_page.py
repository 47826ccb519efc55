"""The page ``atelier serve`` gives a browser, in the interface's language.

textual-serve (1.1) renders ``templates/app_index.html`` with Jinja: a start
button and, once the follower's process ends, "Session
ended." and "Restart". Its ``Server`` takes a ``templates_path``: this module
writes a copy of that page with those words (and ``<html lang>``) from the
catalog into a folder of ours and gives that folder. A textual-serve whose
page no longer holds one of the words is served as it is (``localized_page``
says which words it could not find; a test holds them all).
"""

from __future__ import annotations

import html
from pathlib import Path

from sessions.i18n import get_language, t

PAGE = "app_index.html"

# textual-serve's English, as its page writes it -> catalog key.
WORDS = {
    '<div class="message">Session ended.</div>': "serve.page.ended",
    'id="start">Start</button>': "serve.page.start",
    'onClick="refresh()">Restart</button>': "serve.page.restart",
}


def textual_serve_page() -> Path:
    import textual_serve

    return Path(textual_serve.__file__).parent / "templates" / PAGE


def localized_page(original: str, lang: str | None = None) -> tuple[str, list[str]]:
    """The page with textual-serve's words in ``lang``; and the words not found."""
    lang = lang or get_language()
    page = original
    missing: list[str] = []
    for english, key in WORDS.items():
        if english not in page:
            missing.append(english)
            continue
        word = html.escape(t(key, lang), quote=True)
        head, _, tail = english.partition(">")
        close = tail.partition("<")[2]
        local = f"{head}>{word}<{close}"
        page = page.replace(english, local)
    page = page.replace("<html>", f'<html lang="{lang}">', 1)
    return page, missing


def write_templates(folder: Path, lang: str | None = None) -> Path:
    """Write the localized page into ``folder`` (created) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    page, _missing = localized_page(textual_serve_page().read_text(encoding="utf-8"), lang)
    (folder / PAGE).write_text(page, encoding="utf-8")
    return folder
