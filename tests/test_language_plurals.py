"""The last counted messages agree with their number; no '(s)' left in the catalog."""

from __future__ import annotations

import re

import pytest

from sessions.i18n import keys, t, tn
from sessions.i18n.catalog import _load


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_message_hedges_its_plural(lang) -> None:
    hedged = {k: v for k, v in _load()[lang].items() if re.search(r"\w\((s|es|x)\)", v)}
    assert hedged == {}
    pts = {k: v for k, v in _load()[lang].items() if re.search(r"\{\w+\} pts\b", v)}
    # "{n} pts" only in a key of plural form "other"
    assert all(k.endswith(".other") for k in pts), pts


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_plural_key_has_both_forms(lang) -> None:
    names = keys(lang)
    for name in names:
        if name.endswith(".one"):
            assert name.removesuffix(".one") + ".other" in names, name


def test_reopened_count_says_one_point() -> None:
    text = tn("late.reopened", 1, "fr", number=4, before=0, after=1)
    assert text.endswith("enveloppe 0 -> 1 point.")
    assert tn("late.reopened", 3, "fr", number=4, before=2, after=3).endswith("2 -> 3 points.")
    assert tn("late.reopened", 1, "en", number=4, before=0, after=1).endswith("0 -> 1 point.")


def test_one_round_is_over() -> None:
    assert tn("capture.finished", 1, "fr", rounds=1).startswith("Le tour est terminé.")
    assert tn("capture.finished", 3, "fr", rounds=3).startswith("Les 3 tours sont terminés.")
    assert tn("capture.finished", 1, "en", rounds=1).startswith("The round is over.")
    assert "late.reopened" not in keys("fr") and t("late.reopened.one", "fr")
