"""``--anonymous``: a copy of a session where no person's name remains.

Participants become ``Participant 1``, ``Participant 2`` ... (in the order of
the session), their organisations are emptied; each role (animateur, second
animateur, rapporteur) becomes ``Personne A``, ``Personne B`` ... unless the
same person is a participant, who keeps one label. Then every free text of
the session (title, theme, question, place, ideas and their former wordings,
descriptions, grid reasons, next steps, agenda notes, group names) has every
occurrence of a full name, and of each word of a name of three letters or
more, replaced by that person's label (case-insensitive, on word
boundaries). The stored session is never touched: this works on a deep copy.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sessions.i18n import t
from sessions.models import Session

MIN_WORD = 3
ROLE_FIELDS = ("animateur", "second_animateur", "rapporteur")


def _letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA ..."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def _norm(name: str) -> str:
    return " ".join(name.split()).casefold()


def labels_for(session: Session, lang: str | None = None) -> dict[str, str]:
    """Each person's name (as typed) -> neutral label."""
    lang = lang or session.language
    labels: dict[str, str] = {}
    by_norm: dict[str, str] = {}
    for i, person in enumerate(session.participants, start=1):
        label = t("anon.participant", lang, n=i)
        if _norm(person.name) and _norm(person.name) not in by_norm:
            by_norm[_norm(person.name)] = label
        labels[person.name] = by_norm.get(_norm(person.name), label)
    count = 0
    for field in ROLE_FIELDS:
        for name in _role_names(getattr(session.roles, field)):
            key = _norm(name)
            if key not in by_norm:
                by_norm[key] = t("anon.person", lang, letter=_letters(count))
                count += 1
            labels[name] = by_norm[key]
    return labels


def _role_names(value: str) -> list[str]:
    """A role field may hold several people: "Anne Roy, Marc Blanc et Léa Vu"."""
    parts = re.split(r"\s*(?:[,;/&+]|\bet\b|\band\b)\s*", value)
    return [p.strip() for p in parts if p.strip()]


def replacer(labels: dict[str, str]) -> Callable[[str], str]:
    """A function replacing every name (and name word) in a text by its label."""
    patterns: list[tuple[str, str]] = []
    for name, label in labels.items():
        if name.strip():
            patterns.append((" ".join(name.split()), label))
    words: dict[str, str] = {}
    for name, label in patterns:
        for word in re.split(r"[\s\-']+", name):
            if len(word) >= MIN_WORD and word.casefold() not in words:
                words[word.casefold()] = label
    # Full names first (longest first), then the single words.
    full = sorted(patterns, key=lambda p: -len(p[0]))
    compiled = [
        (re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, n.split())) + r"(?!\w)", re.I), lab)
        for n, lab in full
    ]
    if words:
        word_re = re.compile(
            r"(?<!\w)("
            + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
            + r")(?!\w)",
            re.I,
        )
    else:
        word_re = None

    def replace(text: str) -> str:
        for pattern, label in compiled:
            text = pattern.sub(lambda _m, lab=label: lab, text)
        if word_re is not None:
            text = word_re.sub(lambda m: words[m.group(1).casefold()], text)
        return text

    return replace


def anonymize(session: Session, lang: str | None = None) -> Session:
    """A copy of ``session`` with neutral labels instead of names, everywhere."""
    copy = session.model_copy(deep=True)
    labels = labels_for(session, lang)
    scrub = replacer(labels)
    for i, person in enumerate(copy.participants):
        person.name = labels.get(session.participants[i].name) or t(
            "anon.participant", lang or session.language, n=i + 1
        )
        person.organisation = ""
        person.group = scrub(person.group)
    for field in ROLE_FIELDS:
        value = getattr(copy.roles, field)
        if value.strip():
            names = _role_names(value)
            setattr(copy.roles, field, ", ".join(dict.fromkeys(labels[n] for n in names)))
    copy.title = scrub(copy.title)
    copy.theme = scrub(copy.theme)
    copy.question = scrub(copy.question)
    copy.place = scrub(copy.place)
    copy.next_steps = scrub(copy.next_steps)
    copy.capture.question = scrub(copy.capture.question)
    copy.capture.draft = scrub(copy.capture.draft)
    for phase in copy.agenda:
        phase.title = scrub(phase.title)
        phase.notes = scrub(phase.notes)
        for turn in phase.turns:
            turn.label = scrub(turn.label)
    for idea in copy.ideas:
        idea.text = scrub(idea.text)
        idea.description = scrub(idea.description)
        for revision in idea.history:
            revision.text = scrub(revision.text)
    for position in copy.grid.positions.values():
        position.reason = scrub(position.reason)
    return copy
