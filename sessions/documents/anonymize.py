"""``--anonymous``: a copy of a session where no person's name remains.

Participants become ``Participant 1``, ``Participant 2`` ... (in the order of
the session), their organisations are emptied; each role (animateur, second
animateur, rapporteur) becomes ``Personne A``, ``Personne B`` ... unless the
same person is a participant, who keeps one label.

Then every free-text field of the session's model tree is scrubbed: the
fields the models mark ``FreeText`` (``sessions.models.base``: title, theme,
question, place, ideas and their former wordings, descriptions, grid reasons,
next steps, phase titles, notes, turn and rotation labels, the draft, group
names, and the fields of any part added later). Each occurrence of a full
name (its words in either order, whatever separates them: ``Martin, Alice``)
and of each word of a name of two letters or more is replaced by that
person's label. Fields marked ``Code`` (identifiers, codes) are left as they
are; a test holds that every string field of the model carries one of the two
marks, so a new field cannot slip through unmarked.

Names are matched on normalised text: compatibility decomposition (NFKD),
combining marks and invisible format characters removed, case folded, on
word boundaries. So ``Chloe``, ``CHLOÉ`` and ``Chloe`` + U+0301 all match
``Chloé``. Name particles (``de``, ``la``, ``van`` ...) are replaced only
inside a full name, never alone: they are everyday words.

The stored session is never touched: this works on a deep copy.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from enum import Enum
from typing import Any

from pydantic import BaseModel

from sessions.i18n import t
from sessions.models import Session
from sessions.models.base import text_kind

MIN_WORD = 2
ROLE_FIELDS = ("animateur", "second_animateur", "rapporteur")
# Words that belong to many names and to every sentence: replaced only as part of a full name
# (one-letter words, ``d'`` or ``y``, are never replaced alone anyway: ``MIN_WORD``).
PARTICLES = frozenset(
    {"de", "del", "della", "der", "des", "di", "do", "dos", "du", "da", "das", "den"}
    | {"la", "le", "les", "van", "von", "el", "st", "ste"}
)
_DROPPED = {"Mn", "Me", "Mc", "Cf"}  # combining marks, invisible format characters


def _letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA ..."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def normalise(text: str) -> str:
    """``text`` without accents, marks or invisible characters, case folded."""
    return fold(text)[0]


def fold(text: str) -> tuple[str, list[int]]:
    """The normalised text, and for each of its characters the index it comes from in ``text``."""
    if text.isascii():
        return text.casefold(), list(range(len(text)))
    out: list[str] = []
    where: list[int] = []
    for i, char in enumerate(text):
        for part in unicodedata.normalize("NFKD", char).casefold():
            if unicodedata.category(part) not in _DROPPED:
                out.append(part)
                where.append(i)
    return "".join(out), where


def name_words(name: str) -> list[str]:
    """The normalised words of a name: ``"Martin, Chloé"`` -> ``["martin", "chloe"]``."""
    return re.findall(r"\w+", normalise(name))


def _key(name: str) -> tuple[str, ...]:
    return tuple(name_words(name))


def labels_for(session: Session, lang: str | None = None) -> dict[str, str]:
    """Each person's name (as typed) -> neutral label."""
    lang = lang or session.language
    labels: dict[str, str] = {}
    by_key: dict[tuple[str, ...], str] = {}
    for i, person in enumerate(session.participants, start=1):
        label = t("anon.participant", lang, n=i)
        key = _key(person.name)
        if key and key not in by_key:
            by_key[key] = label
        labels[person.name] = by_key.get(key, label)
    count = 0
    for field in ROLE_FIELDS:
        for name in _role_names(getattr(session.roles, field)):
            key = _key(name) or (name,)
            if key not in by_key:
                by_key[key] = t("anon.person", lang, letter=_letters(count))
                count += 1
            labels[name] = by_key[key]
    return labels


def _role_names(value: str) -> list[str]:
    """A role field may hold several people: "Anne Roy, Marc Blanc et Léa Vu"."""
    parts = re.split(r"\s*(?:[,;/&+]|\bet\b|\band\b)\s*", value)
    return [p.strip() for p in parts if p.strip()]


_WORD = re.compile(r"\w+")


def replacer(labels: dict[str, str]) -> Callable[[str], str]:
    """A function replacing every name (and name word) in a text by its label.

    The normalised text is read once, word by word: at each word, the longest
    name starting there (its words in order, or reversed, whatever separates
    them), else the word itself if it is a name word, is replaced. The labels
    put in are never read again.
    """
    starting: dict[str, dict[tuple[str, ...], str]] = {}  # first word -> names -> label
    for name, label in labels.items():
        parts = tuple(name_words(name))
        if not parts:
            continue
        for words in (parts, parts[::-1]):
            starting.setdefault(words[0], {}).setdefault(words, label)
        for word in parts:
            if len(word) >= MIN_WORD and word not in PARTICLES:
                starting.setdefault(word, {}).setdefault((word,), label)
    # Longest first.
    names = {w: sorted(found.items(), key=lambda kv: -len(kv[0])) for w, found in starting.items()}

    def replace(text: str) -> str:
        folded, where = fold(text)
        found = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(folded)]
        pieces: list[str] = []
        last = 0
        i = 0
        while i < len(found):
            match = _longest(found, i, names.get(found[i][2], ()))
            if match is None:
                i += 1
                continue
            count, label = match
            begin, end = found[i][0], found[i + count - 1][1]
            start = max(where[begin], last)
            stop = where[end] if end < len(where) else len(text)
            # Ending inside a character that gave several (U+33AF -> ``rad/s2``): take it all;
            # else also the marks and invisible characters that follow the name.
            stop = max(stop, where[end - 1] + 1)
            pieces += [text[last:start], label]
            last = stop
            i += count
        pieces.append(text[last:])
        return "".join(pieces)

    return replace


def _longest(
    found: list[tuple[int, int, str]], i: int, candidates: Iterable[tuple[tuple[str, ...], str]]
) -> tuple[int, str] | None:
    """The number of words and the label of the first name of ``candidates`` at word ``i``."""
    return next(
        (
            (len(words), label)
            for words, label in candidates
            if tuple(word for _start, _end, word in found[i : i + len(words)]) == words
        ),
        None,
    )


def scrub_tree(node: Any, scrub: Callable[[str], str], text: bool = False) -> Any:
    """``node`` with every free-text string in it replaced by ``scrub(string)``.

    A model's fields are followed by their marks: a ``FreeText`` field's strings
    are scrubbed, a ``Code`` field is left as it is, any other field is walked
    for the models it holds. Models, lists and dicts are changed in place (and
    returned); ``text`` says the strings met are free text.
    """
    if isinstance(node, str):
        return scrub(node) if text and not isinstance(node, Enum) else node
    if isinstance(node, BaseModel):
        for name, field in type(node).model_fields.items():
            kind = text_kind(field)
            if kind != "code":
                setattr(node, name, scrub_tree(getattr(node, name), scrub, kind == "free"))
    elif isinstance(node, list):
        node[:] = [scrub_tree(value, scrub, text) for value in node]
    elif isinstance(node, dict):
        for key, value in node.items():
            node[key] = scrub_tree(value, scrub, text)
    return node


def anonymize(session: Session, lang: str | None = None) -> Session:
    """A copy of ``session`` with neutral labels instead of names, everywhere."""
    copy = session.model_copy(deep=True)
    labels = labels_for(session, lang)
    scrub = replacer(labels)
    lang = lang or session.language
    names = [
        labels[p.name] if _key(p.name) else t("anon.participant", lang, n=i)
        for i, p in enumerate(session.participants, start=1)
    ]
    roles = {
        field: ", ".join(dict.fromkeys(labels[n] for n in _role_names(value)))
        for field in ROLE_FIELDS
        if (value := getattr(session.roles, field)).strip()
    }
    scrub_tree(copy, scrub)
    for i, person in enumerate(copy.participants):
        person.name = names[i]
        person.organisation = ""
    for field, value in roles.items():
        setattr(copy.roles, field, value)
    return copy
