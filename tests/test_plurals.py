"""Counted messages take the plural form of the interface's language.

French counts 0 and 1 as singular ("0 item barré", "1 idée importée"),
English only 1 ("0 items", "1 item").
"""

from __future__ import annotations

import pytest

from sessions.i18n import keys, set_language, tn
from sessions.i18n.catalog import plural_form

CONVERTED = {
    "vote.points": {"points": None},
    "vote.counted": {"struck": None},
    "cli.vote.closed": {"struck": None, "top": "1, 3"},
    "people.added": {"count": None},
    "import.ideas.done": {"count": None, "first": 4, "last": 5, "authored": 1},
    "minutes.participants_absent": {"count": None},
    "minutes.deleted_count": {"count": None},
    "vote.live.hands": {"total": 9, "hands": None},
    "vote.live.hands_only": {"hands": None},
    "vote.results_title": {"top": None, "n": 10},
    "cli.vote.unmerged": {"numbers": "3"},
    "capture.counts.ideas": {"n": None},
    "capture.counts.passes": {"n": None},
    "import.votes.done": {"count": None},
    "minutes.participants_count": {"count": None},
    "minutes.n_points": {"n": None},
    "minutes.n_voters": {"n": None},
    "minutes.n_given": {"n": None},
    "late.envelope_change": {"before": 3, "after": None},
    "late.envelope_same": {"before": None},
    "minutes.late_intro": {"envelope": None},
}

EXPECTED = {
    ("vote.points", "fr"): ["0 pt", "1 pt", "2 pts"],
    ("vote.points", "en"): ["0 pts", "1 pt", "2 pts"],
    ("vote.counted", "fr"): [
        "Décompte clos\u202f: 0 item à 0 point barré. ctrl+k pour le rouvrir.",
        "Décompte clos\u202f: 1 item à 0 point barré. ctrl+k pour le rouvrir.",
        "Décompte clos\u202f: 2 items à 0 point barrés. ctrl+k pour le rouvrir.",
    ],
    ("vote.counted", "en"): [
        "Count closed: 0 items with 0 points struck. ctrl+k to reopen it.",
        "Count closed: 1 item with 0 points struck. ctrl+k to reopen it.",
        "Count closed: 2 items with 0 points struck. ctrl+k to reopen it.",
    ],
    ("cli.vote.closed", "fr"): [
        "Décompte clos\u202f: 0 item à 0 point barré\u202f; top\u202f: 1, 3.",
        "Décompte clos\u202f: 1 item à 0 point barré\u202f; top\u202f: 1, 3.",
        "Décompte clos\u202f: 2 items à 0 point barrés\u202f; top\u202f: 1, 3.",
    ],
    ("cli.vote.closed", "en"): [
        "Count closed: 0 items with 0 points struck; top: 1, 3.",
        "Count closed: 1 item with 0 points struck; top: 1, 3.",
        "Count closed: 2 items with 0 points struck; top: 1, 3.",
    ],
    ("people.added", "fr"): [
        "0 participant ajouté.",
        "1 participant ajouté.",
        "2 participants ajoutés.",
    ],
    ("people.added", "en"): [
        "0 participants added.",
        "1 participant added.",
        "2 participants added.",
    ],
    ("import.ideas.done", "fr"): [
        "0 idée importée (n°4 à n°5), dont 1 avec auteur.",
        "1 idée importée (n°4 à n°5), dont 1 avec auteur.",
        "2 idées importées (n°4 à n°5), dont 1 avec auteur.",
    ],
    ("import.ideas.done", "en"): [
        "0 ideas imported (numbers 4 to 5), 1 with an author.",
        "1 idea imported (numbers 4 to 5), 1 with an author.",
        "2 ideas imported (numbers 4 to 5), 1 with an author.",
    ],
    ("minutes.participants_absent", "fr"): [
        "0 personne inscrite absente.",
        "1 personne inscrite absente.",
        "2 personnes inscrites absentes.",
    ],
    ("minutes.participants_absent", "en"): [
        "0 registered people absent.",
        "1 registered person absent.",
        "2 registered people absent.",
    ],
    ("minutes.deleted_count", "fr"): [
        "0 idée supprimée pendant la séance n'est pas reprise.",
        "1 idée supprimée pendant la séance n'est pas reprise.",
        "2 idées supprimées pendant la séance ne sont pas reprises.",
    ],
    ("minutes.deleted_count", "en"): [
        "0 ideas deleted during the session are not listed.",
        "1 idea deleted during the session is not listed.",
        "2 ideas deleted during the session are not listed.",
    ],
    ("vote.live.hands", "fr"): [
        "Somme\u202f: 9 · 0 main",
        "Somme\u202f: 9 · 1 main",
        "Somme\u202f: 9 · 2 mains",
    ],
    ("vote.live.hands", "en"): ["Sum: 9 · 0 hands", "Sum: 9 · 1 hand", "Sum: 9 · 2 hands"],
    ("vote.live.hands_only", "fr"): [
        "0 main (somme cachée)",
        "1 main (somme cachée)",
        "2 mains (somme cachée)",
    ],
    ("vote.live.hands_only", "en"): [
        "0 hands (sum hidden)",
        "1 hand (sum hidden)",
        "2 hands (sum hidden)",
    ],
    ("vote.results_title", "fr"): [
        f"Classement par points décroissants · top 10\u202f: {tail}"
        for tail in ("0 item ★", "1 item ★", "2 items ★")
    ],
    ("vote.results_title", "en"): [
        f"Ranking by descending points · top 10: {tail}"
        for tail in ("0 items ★", "1 item ★", "2 items ★")
    ],
    ("cli.vote.unmerged", "fr"): [
        "Défusion\u202f: item 3 de nouveau seul.",
        "Défusion\u202f: item 3 de nouveau seul.",
        "Défusion\u202f: items 3 de nouveau seuls.",
    ],
    ("cli.vote.unmerged", "en"): [
        "Unmerged: items 3 stand alone again.",
        "Unmerged: item 3 stands alone again.",
        "Unmerged: items 3 stand alone again.",
    ],
    ("capture.counts.ideas", "fr"): ["0 idée", "1 idée", "2 idées"],
    ("capture.counts.ideas", "en"): ["0 ideas", "1 idea", "2 ideas"],
    ("capture.counts.passes", "fr"): ["0 passe", "1 passe", "2 passes"],
    ("capture.counts.passes", "en"): ["0 passes", "1 pass", "2 passes"],
    ("import.votes.done", "fr"): [
        "0 bulletin importé\u202f; le vote passe en mode bulletins.",
        "1 bulletin importé\u202f; le vote passe en mode bulletins.",
        "2 bulletins importés\u202f; le vote passe en mode bulletins.",
    ],
    ("import.votes.done", "en"): [
        "0 ballots imported; the vote switches to ballots.",
        "1 ballot imported; the vote switches to ballots.",
        "2 ballots imported; the vote switches to ballots.",
    ],
    ("minutes.participants_count", "fr"): [
        "0 participant présent (noms non diffusés).",
        "1 participant présent (noms non diffusés).",
        "2 participants présents (noms non diffusés).",
    ],
    ("minutes.participants_count", "en"): [
        "0 participants present (names not shared).",
        "1 participant present (names not shared).",
        "2 participants present (names not shared).",
    ],
    ("minutes.n_points", "fr"): ["0 point", "1 point", "2 points"],
    ("minutes.n_points", "en"): ["0 points", "1 point", "2 points"],
    ("minutes.n_voters", "fr"): ["0 votant", "1 votant", "2 votants"],
    ("minutes.n_voters", "en"): ["0 voters", "1 voter", "2 voters"],
    ("minutes.n_given", "fr"): ["0 point attribué", "1 point attribué", "2 points attribués"],
    ("minutes.n_given", "en"): ["0 points given", "1 point given", "2 points given"],
    ("late.envelope_change", "fr"): [
        "l'enveloppe passe de 3 à 0 point",
        "l'enveloppe passe de 3 à 1 point",
        "l'enveloppe passe de 3 à 2 points",
    ],
    ("late.envelope_change", "en"): [
        "the envelope goes from 3 to 0 points",
        "the envelope goes from 3 to 1 point",
        "the envelope goes from 3 to 2 points",
    ],
    ("late.envelope_same", "fr"): [
        "l'enveloppe reste de 0 point",
        "l'enveloppe reste de 1 point",
        "l'enveloppe reste de 2 points",
    ],
    ("late.envelope_same", "en"): [
        "the envelope stays at 0 points",
        "the envelope stays at 1 point",
        "the envelope stays at 2 points",
    ],
    ("minutes.late_intro", "fr"): [
        "Données une fois le décompte clos, elles ne sont pas dans le vote "
        "(ni points, ni rang)\u202f; "
        f"l'enveloppe est restée de {tail}."
        for tail in ("0 point", "1 point", "2 points")
    ],
    ("minutes.late_intro", "en"): [
        "Given once the count was closed, they are not in the vote (no points, no rank); "
        f"the envelope stayed at {tail}."
        for tail in ("0 points", "1 point", "2 points")
    ],
}


def test_plural_rule_per_language() -> None:
    assert [plural_form(n, "fr") for n in (0, 1, 2, 10)] == ["one", "one", "other", "other"]
    assert [plural_form(n, "en") for n in (0, 1, 2, 10)] == ["other", "one", "other", "other"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_plural_message_has_both_forms(lang: str) -> None:
    known = keys(lang)
    for key in CONVERTED:
        assert {f"{key}.one", f"{key}.other"} <= known, key
        assert key not in known, f"{key} left without plural forms"


@pytest.mark.parametrize(("key", "lang"), sorted(EXPECTED))
def test_converted_message_at_0_1_2(key: str, lang: str) -> None:
    got = []
    for n in (0, 1, 2):
        values = {name: (n if value is None else value) for name, value in CONVERTED[key].items()}
        got.append(tn(key, n, lang, **values))
    assert got == EXPECTED[(key, lang)]


def test_tn_follows_the_current_language() -> None:
    set_language("en")
    assert tn("vote.points", 0, points=0) == "0 pts"
    set_language("fr")
    assert tn("vote.points", 0, points=0) == "0 pt"
